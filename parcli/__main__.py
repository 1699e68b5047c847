"""`python -m parcli` and the `parcli` script."""

import os
import sys


def main() -> None:
    # pydantic looks for plugins (observability hooks) in every installed package's metadata
    # when it builds its first validator, which Typer does while parcli's commands are
    # declared: about 13 ms of a 230 ms run (benchmarks/bench.py --only profile). parcli's
    # validators are its own business, so the script asks pydantic, through its documented
    # PYDANTIC_DISABLE_PLUGINS, to load none, unless the user set the variable.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        from parcli.cli import main as run_cli
    except ModuleNotFoundError as exc:  # e.g. run from a checkout without `pip install .`
        sys.stderr.write(f"parcli: error: the Python package {exc.name!r} is missing; install "
                         "parcli with its dependencies: pip install .\n")
        sys.exit(1)
    run_cli()


if __name__ == "__main__":
    main()
