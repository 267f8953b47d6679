"""``sphinx-cv``: dispatches to the subcommand modules (each: ``add_parser``, ``run``)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import build

if TYPE_CHECKING:
    from collections.abc import Sequence

COMMANDS = (build,)
"""Subcommand modules, in the order ``--help`` lists them."""


def parser() -> argparse.ArgumentParser:
    """The command line: one subparser per module of :data:`COMMANDS`."""
    main = argparse.ArgumentParser(
        prog="sphinx-cv", description="Write, build and preview a CV made with sphinx-cv."
    )
    subparsers = main.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers).set_defaults(run=command.run)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Parse *argv* (default: the process's arguments) and run the subcommand."""
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
