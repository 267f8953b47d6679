"""``sphinx-cv COMMAND``: the subcommands, each a module with ``add_parser`` and ``run``.

Bad input is a message on stderr and exit code 2, as argparse does for bad arguments.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .. import __version__
from . import import_, match, new

if TYPE_CHECKING:
    from collections.abc import Sequence

COMMANDS = (new, import_, match)


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``sphinx-cv`` with every subcommand's own."""
    parser = argparse.ArgumentParser(
        prog="sphinx-cv",
        description="Write a CV as MyST pages; build it into a site and a PDF with Sphinx.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the subcommand named in *argv*; its exit code."""
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
