"""`python -m parcli` and the `parcli` script.

The cyclic garbage collector is switched off before anything is imported: a run keeps
almost all it builds to the end, so the collector would only re-scan it (see `cli.main`);
and the code generated for dataclasses comes compiled from the cache (`parcli.codecache`).
"""

import gc
import sys


def main() -> None:
    gc.disable()
    from parcli import codecache

    codecache.install()
    try:
        from parcli.cli import main as run_cli
    except ModuleNotFoundError as exc:  # e.g. run from a checkout without `pip install .`
        sys.stderr.write(f"parcli: error: the Python package {exc.name!r} is missing; install "
                         "parcli with its dependencies: pip install .\n")
        sys.exit(1)
    run_cli()


if __name__ == "__main__":
    main()
