"""`python -m parcli` and the `parcli` script."""

import sys


def main() -> None:
    try:
        from parcli.cli import main as run_cli
    except ModuleNotFoundError as exc:  # e.g. run from a checkout without `pip install .`
        sys.stderr.write(f"parcli: error: the Python package {exc.name!r} is missing; install "
                         "parcli with its dependencies: pip install .\n")
        sys.exit(1)
    run_cli()


if __name__ == "__main__":
    main()
