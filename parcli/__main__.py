from parcli.cli import main

main()
