"""The site and the PDF of one project: Sphinx applications, then latexmk for each .tex."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx

if TYPE_CHECKING:
    from typing import IO

LATEXMK_MODE = {"xelatex": ["-pdfxe"], "lualatex": ["-pdflua"]}
"""latexmk's mode per engine: XeLaTeX writes .xdv on every run and the PDF once at the end;
the other engines as Sphinx's own Makefile runs them."""
LATEXMK_DEFAULT = ["-pdf", "-dvi-", "-ps-"]


@dataclass(frozen=True)
class Project:
    """Where a project's sources are and where its builds go (as ``make`` lays them out)."""

    srcdir: Path
    outdir: Path
    jobs: int = 1
    fail_on_warning: bool = False
    verbose: bool = False

    @property
    def confdir(self) -> Path:
        return self.srcdir

    @property
    def html(self) -> Path:
        return self.outdir / "html"

    @property
    def latex(self) -> Path:
        return self.outdir / "latex"

    @property
    def doctrees(self) -> Path:
        return self.outdir / "doctrees"

    def app(self, builder: str, doctrees: Path | None = None) -> Sphinx:
        """A Sphinx application of *builder* writing to ``outdir/<builder>``."""
        status: IO[str] | None = sys.stdout if self.verbose else None
        return Sphinx(
            srcdir=self.srcdir,
            confdir=self.confdir,
            outdir=self.outdir / builder,
            doctreedir=doctrees or self.doctrees,
            buildername=builder,
            status=status,
            warning=sys.stderr,
            warningiserror=self.fail_on_warning,
            parallel=self.jobs,
        )


def latexmk_command(engine: str, texfile: str) -> list[str]:
    """latexmk with the ``latexmkrc`` that Sphinx writes beside the .tex."""
    mode = LATEXMK_MODE.get(engine, LATEXMK_DEFAULT)
    return ["latexmk", "-r", "latexmkrc", *mode, "-interaction=nonstopmode", "-quiet", texfile]


def make_pdfs(app: Sphinx, html: Path | None = None) -> list[Path]:
    """latexmk on each of *app*'s .tex files; the PDFs, copied into *html* when given.

    Raises :class:`subprocess.CalledProcessError` when latexmk fails (its log: the .log
    file beside the .tex).
    """
    if shutil.which("latexmk") is None:
        raise FileNotFoundError("latexmk is not installed: the PDF needs TeX Live (see README)")
    pdfs = []
    for entry in app.config.latex_documents:
        texfile = entry[1]
        command = latexmk_command(app.config.latex_engine, texfile)
        subprocess.run(command, cwd=app.outdir, check=True, capture_output=True, text=True)
        pdf = app.outdir / Path(texfile).with_suffix(".pdf")
        if html is not None and html.is_dir():  # the site links to it
            partial = html / f".{pdf.name}.part"
            shutil.copy2(pdf, partial)
            partial.replace(html / pdf.name)  # a reader never sees half a file
        pdfs.append(pdf)
    return pdfs


def rebuild(app: Sphinx) -> None:
    """Build again with an application that has built before (what changed since).

    The environment keeps the pickled doctrees it loaded for writing; they are dropped
    first, as Sphinx's own test application does, or pages re-read would be written
    from their old doctrees. The LaTeX builder appends its documents to ``document_data``
    on every build without emptying it: each rebuild would write every .tex once more.
    """
    app.env._pickled_doctree_cache.clear()
    if isinstance(document_data := getattr(app.builder, "document_data", None), list):
        document_data.clear()
    app.build()
