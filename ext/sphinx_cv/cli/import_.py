"""``sphinx-cv import FILE [DIR]``: a JSON Resume or RenderCV file as a new CV repository."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from ..importers import read
from ..importers.document import Document, InputError
from ..importers.myst import files
from .new import render

EXIT_BAD_INPUT = 2

DESCRIPTION = """\
Read a CV in JSON Resume (1.x, .json) or RenderCV (2.x, .yaml) form and write a new
CV repository: conf.py with the person's name, headline, contacts and profiles;
docs/index.md with the summary; one MyST page per section, each entry a typed
directive (cv:work, cv:education, cv:project, ...); docs/skills.md with a cv:skill
definition for every skill, by category; the Makefile, requirements.txt,
.readthedocs.yaml, README.md and .gitignore of `sphinx-cv new`. Every value of the
input lands in one of these files; values sphinx-cv has no setting for are kept as a
comment in conf.py.

Bad input (invalid JSON or YAML, a value the format's schema refuses, a key with no
place in the CV, an unknown RenderCV entry type) or a DIR that exists and is not
empty: a message naming the JSON path or the YAML line, exit code 2, nothing written.
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """``import``: its arguments and help."""
    parser = subparsers.add_parser(
        "import",
        help="a JSON Resume or RenderCV file as a new CV repository",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", type=Path, help="resume.json (JSON Resume) or CV.yaml (RenderCV)")
    parser.add_argument(
        "dir", type=Path, nargs="?", help="the new repository (default: FILE's name without suffix)"
    )
    parser.set_defaults(run=run)


def repository(document: Document, source: str) -> dict[str, str]:
    """Every file of the new repository: the pages and ``conf.py`` made from the
    document, the others (Makefile, README, ...) as ``sphinx-cv new`` writes them."""
    out = {
        str(path): text
        for path, text in render(document.name).items()
        if path.parts[0] != "docs" and str(path) != "conf.py"
    }
    return out | files(document, source)


def run(args: argparse.Namespace) -> int:
    """Read, map and check everything first; write only when all of it is good."""
    target: Path = args.dir or Path(args.file.stem)
    try:
        document = read(args.file)
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise InputError(f"{target}: exists and is not an empty folder; choose another DIR")
        output = repository(document, args.file.name)
    except InputError as error:
        print(f"sphinx-cv import: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        for name, text in output.items():
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for name, source in document.files.items():
            shutil.copyfile(source, target / name)
    except OSError as error:
        print(f"sphinx-cv import: error: {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Wrote {len(output) + len(document.files)} files to {target}/")
    for note in document.notes:
        print(f"Note: {note}")
    if document.kept:
        print(f"Kept as a comment in conf.py (no sphinx-cv setting): {', '.join(document.kept)}")
    return 0
