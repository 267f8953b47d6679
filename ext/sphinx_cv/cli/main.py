"""``sphinx-cv COMMAND``: one entry point, a subcommand per module."""

from __future__ import annotations

import argparse
import sys

from . import match

COMMANDS = [
    match,
]
"""Modules with ``add_parser(subparsers)`` and ``run(args) -> int``, in ``--help`` order."""


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the command it names."""
    parser = argparse.ArgumentParser(
        prog="sphinx-cv", description="Write, tailor and publish a CV with Sphinx."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
