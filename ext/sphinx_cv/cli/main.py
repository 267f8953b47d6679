"""``sphinx-cv``: one entry point, one module per subcommand."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import import_

if TYPE_CHECKING:
    from collections.abc import Sequence

COMMANDS = (import_,)


def parser() -> argparse.ArgumentParser:
    """The command line: ``sphinx-cv COMMAND ...``."""
    top = argparse.ArgumentParser(
        prog="sphinx-cv", description="Write, build and publish a CV as Sphinx documentation."
    )
    subparsers = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; its exit code is the program's."""
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
