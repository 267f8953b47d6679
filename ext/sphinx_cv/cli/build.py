"""``sphinx-cv build [--watch]``: the site and the PDF, once or on every save."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.cmd.build import jobs_argument
from sphinx.errors import SphinxError
from sphinx.util.docutils import docutils_namespace, patch_docutils

from .builds import Project, make_pdfs

if TYPE_CHECKING:
    from argparse import _SubParsersAction

DESCRIPTION = """\
Build the PDF (OUTPUT/latex) and the site (OUTPUT/html, with the PDF beside its pages) of the
Sphinx project in SOURCE, the folder of its conf.py. The PDF needs latexmk and the
LaTeX engine that conf.py names (XeLaTeX for sphinx-cv's theme).

With --watch, keep building: after each save of a page, the site is rebuilt (only
what changed), the browser showing it from http://HOST:PORT/ reloads, then the PDF
follows. A change of conf.py starts over; a change of an extension's Python code needs
a restart (Ctrl-C, then the same command).
"""


def add_parser(subparsers: _SubParsersAction[argparse.ArgumentParser]) -> None:
    """``build``: its options."""
    parser = subparsers.add_parser(
        "build",
        help="build the site and the PDF (--watch: on every save, with a live preview)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "source", nargs="?", default=".", type=Path, help="the folder of conf.py (default: .)"
    )
    parser.add_argument("-o", "--output", default=Path("_build"), type=Path, help="default: _build")
    parser.add_argument("--no-pdf", action="store_true", help="the site only")
    parser.add_argument(
        "-W", "--fail-on-warning", action="store_true", help="exit with 1 on any warning"
    )
    parser.add_argument(
        "-j", "--jobs", default="auto", type=jobs_argument, help="parallel reading (default: auto)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="Sphinx's own messages")
    watch = parser.add_argument_group("preview while writing")
    watch.add_argument("--watch", action="store_true", help="rebuild on every save, and serve")
    watch.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    watch.add_argument("--port", default=8000, type=int, help="default: 8000 (0: any free port)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build once (exit status: 0 when all went well), or watch until interrupted."""
    source = args.source.resolve()
    if not (source / "conf.py").is_file():
        print(f"sphinx-cv build: no conf.py in {source}", file=sys.stderr)
        return 2
    project = Project(source, args.output.resolve(), args.jobs, args.fail_on_warning, args.verbose)
    if args.watch:
        from .watch import watch  # watchfiles: imported only when watching

        return watch(project, args.host, args.port, pdf=not args.no_pdf)
    return build_once(project, pdf=not args.no_pdf)


def build_once(project: Project, pdf: bool = True) -> int:
    """The PDF, then the site, which links to it and has it beside its pages; the site
    reads the doctrees the PDF's build wrote (the sources are read once)."""
    try:
        if pdf:
            start = time.perf_counter()
            with patch_docutils(project.confdir), docutils_namespace():
                app = project.app("latex")
                app.build()
                if app.statuscode:
                    return app.statuscode
                for path in make_pdfs(app):
                    print(f"PDF: {path} ({time.perf_counter() - start:.2f} s)")
        start = time.perf_counter()
        status = build_html(project)
        if status:
            return status
        print(f"site: {project.html} ({time.perf_counter() - start:.2f} s)")
    except (SphinxError, OSError) as error:
        print(f"sphinx-cv build: {error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"sphinx-cv build: LaTeX failed, see the .log in {project.latex}", file=sys.stderr)
        print(error.stdout[-2000:], file=sys.stderr)
        return 1
    return 0


def build_html(project: Project) -> int:
    """The site; Sphinx's exit status."""
    with patch_docutils(project.confdir), docutils_namespace():
        app = project.app("html")
        app.build()
        return app.statuscode
