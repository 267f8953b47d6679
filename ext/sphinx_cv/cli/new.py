"""``sphinx-cv new DIR --name NAME``: a CV repository that builds at once.

The files come from the templates in ``templates/new`` (``NAME.jinja`` → ``NAME``;
``gitignore`` and ``readthedocs.yaml`` become dot files): ``conf.py``, the pages in
``docs/`` with an example of every directive and role, a ``Makefile`` (``make``,
``make test``), ``requirements.txt``, ``.readthedocs.yaml``, ``README.md`` and
``.gitignore``. As ``sphinx-quickstart``, it never overwrites a file, unless ``--force``.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import __version__
from ..defaults import pdf_basename

if TYPE_CHECKING:
    import argparse

TEMPLATES = Path(__file__).parent / "templates" / "new"
DOT_FILES = frozenset({"gitignore", "readthedocs.yaml"})
NAME_PUNCTUATION = frozenset(" .-'’,")
"""Besides letters and combining marks, what a person's name may hold."""


class BadInputError(Exception):
    """Input that ``new`` refuses, with the message to show."""


def check_name(name: str) -> str:
    """The name with single spaces; :class:`BadInputError` when it is not a person's name."""
    name = " ".join(name.split())
    if not any(char.isalpha() for char in name):
        raise BadInputError(f"--name {name!r}: a name needs at least one letter")
    for char in name:
        is_letter = char.isalpha() or unicodedata.category(char).startswith("M")
        if not is_letter and char not in NAME_PUNCTUATION:
            raise BadInputError(
                f"--name {name!r}: {char!r} is not part of a name "
                "(letters, spaces and . - ' , only)"
            )
    return name


def render(name: str) -> dict[Path, str]:
    """Each file of the new repository (path relative to it) and its text."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        autoescape=False,  # Python, Markdown, YAML and make files: nothing is HTML
    )
    env.filters["pyrepr"] = repr
    context = {"name": name, "version": __version__, "pdf": pdf_basename(name) + ".pdf"}
    files = {}
    for template in sorted(env.list_templates(extensions=["jinja"])):
        target = Path(template.removesuffix(".jinja"))
        if target.name in DOT_FILES:
            target = target.with_name("." + target.name)
        files[target] = env.get_template(template).render(context)
    return files


def check_target(directory: Path, files: dict[Path, str], force: bool) -> None:
    """:class:`BadInputError` when *files* would overwrite a file in *directory* unforced."""
    if directory.exists() and not directory.is_dir():
        raise BadInputError(f"{directory}: exists and is not a folder")
    if force or not directory.exists():
        return
    existing = sorted(str(path) for path in files if (directory / path).exists())
    if existing:
        raise BadInputError(
            f"{directory}: would overwrite {', '.join(existing)}; "
            "choose a new folder, or pass --force to overwrite"
        )


def write(directory: Path, files: dict[Path, str]) -> None:
    """Write *files* into *directory*, making the folders they need."""
    for path, text in files.items():
        (directory / path).parent.mkdir(parents=True, exist_ok=True)
        (directory / path).write_text(text, encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    """Write the repository; 2 with a message on bad input, nothing written."""
    try:
        name = check_name(args.name)
        files = render(name)
        check_target(args.directory, files, args.force)
    except BadInputError as error:
        print(f"sphinx-cv new: error: {error}", file=sys.stderr)
        return 2
    try:
        write(args.directory, files)
    except OSError as error:
        print(f"sphinx-cv new: error: {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"Created {name}'s CV in {args.directory}: {len(files)} files.")
    print(f"Next: cd {args.directory} && make   (the site in _build/html, the PDF in _build/latex)")
    return 0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """``new DIR --name NAME [--force]``."""
    parser = subparsers.add_parser(
        "new",
        help="create a CV repository",
        description=(
            "Create a CV repository in DIR: conf.py, example pages in docs/, a Makefile "
            "(make: site and PDF; make test), requirements.txt, .readthedocs.yaml, README.md "
            "and .gitignore. It builds at once with no warning."
        ),
    )
    parser.add_argument("directory", type=Path, metavar="DIR", help="the new repository's folder")
    parser.add_argument("--name", required=True, help='the person\'s name, e.g. "Jane Doe"')
    parser.add_argument("--force", action="store_true", help="overwrite files that exist in DIR")
    parser.set_defaults(run=run)
