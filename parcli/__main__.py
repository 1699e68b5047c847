"""`python -m parcli`: the same entry point as the `parcli` script."""

import sys

try:
    from parcli.cli import main
except ModuleNotFoundError as exc:  # e.g. run from a checkout without `pip install .`
    sys.stderr.write(f"parcli: error: the Python package {exc.name!r} is missing; install "
                     "parcli with its dependencies: pip install .\n")
    sys.exit(1)

main()
