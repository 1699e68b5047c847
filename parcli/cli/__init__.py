"""The command line: `app` declares the commands (Typer), `params` the shared options,
`runner` runs one command, `main` is the process, `outfile` writes `-o` files."""

from parcli.cli.app import app
from parcli.cli.main import main, run

__all__ = ["app", "main", "run"]
