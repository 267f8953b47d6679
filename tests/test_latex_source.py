"""The LaTeX the extension writes (``sphinx_cv.latex``), read from in-process builds.

``test_pdf.py`` runs XeLaTeX and reads the PDF's text, as a reader sees it; these read
the ``.tex`` and ``sphinxcv.sty`` of ``sphinx.testing`` builds of small roots, where
``make mutation`` sees them (a XeLaTeX run per mutant would take hours).
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp


class Latex:
    """A LaTeX build: its ``.tex``, its ``sphinxcv.sty`` and its warnings."""

    def __init__(self, app: SphinxTestApp, warnings: str) -> None:
        self.app = app
        self.outdir = Path(app.outdir)
        self.warnings = warnings
        self.tex = next(self.outdir.glob("*.tex")).read_text(encoding="utf-8")
        self.sty = (self.outdir / "sphinxcv.sty").read_text(encoding="utf-8")

    def command(self, name: str) -> str:
        """The body of ``\\newcommand*\\NAME{...}`` (or ``\\def``) in sphinxcv.sty."""
        line = next(
            line
            for line in self.sty.splitlines()
            if re.match(rf"\\(newcommand\*|def)\\{name}\{{", line)
        )
        return line.split("{", 1)[1].rsplit("}", 1)[0]

    def body(self) -> str:
        return self.tex.split("\\begin{document}", 1)[1]


def build(rootdir: Path, tmp_path: Path, root: str, **overrides: Any) -> Latex:
    source = tmp_path / root
    if not source.exists():
        shutil.copytree(rootdir / f"test-{root}", source)
    warnings = StringIO()
    app = SphinxTestApp(
        "latex",
        srcdir=source,
        builddir=tmp_path / f"build-{len(list(tmp_path.iterdir()))}",
        confoverrides=overrides,
        warning=warnings,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Latex(app, warnings.getvalue())


@pytest.fixture(scope="module")
def special(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Latex:
    return build(rootdir, tmp_path_factory.mktemp("special"), "latex-special")


def test_header_values_are_escaped_for_latex(special: Latex) -> None:
    assert special.warnings == ""
    assert special.command("sphinxcvname") == (
        r"Zoë O'Brien \#1 \& 100\% \{x\}\_y \textasciitilde{}z \textasciicircum{}w "
        r"\textbackslash{}q Юлия"
    )
    assert special.command("sphinxcvheadline").startswith(
        r"Costs \$5 \& 50\% off: C\#, a\_b, \{braces\}, \textasciitilde{}tilde, "
        r"\textasciicircum{}caret, back\textbackslash{}slash"
    )


def test_header_links_are_percent_encoded_targets_and_escaped_texts(special: Latex) -> None:
    assert special.command("sphinxcvlinks") == (
        r"\sphinxcvlink{https://example.org/a\_b/\%7Ex?q=1\&r=\%7B2\%7D\#frag}"
        r"{Site \#1 \& 50\%: example.org/a\_b/\%7Ex?q=1\&r=\{2\}\#frag}"
        r"\sphinxcvlinksep\sphinxcvlink{mailto:zoe@example.org}{Mail: zoe@example.org}"
    )


def test_metadata_keywords_language_and_words(special: Latex) -> None:
    assert (
        r"pdfkeywords={50\% \{x\}\_y \textasciitilde{}\textasciicircum{}, C\# \& F\#, Юникод},"
        in special.sty
    )
    assert "pdflang={en}" in special.sty
    assert r"\hyphenpenalty=10000\relax" in special.sty
    assert special.command("sphinxcvindexname") == "Index of skills"
    assert r"\newcommand*\sphinxcvpagesname{p.\,}" in special.sty


def test_letter_paper_by_one_setting(special: Latex) -> None:
    assert re.search(r"\\documentclass\[letterpaper,", special.tex)
    assert "sphinxcv.cls" in {p.name for p in special.outdir.iterdir()}


def test_a4_paper_hyphenation_and_no_index_by_settings(rootdir: Path, tmp_path: Path) -> None:
    latex = build(
        rootdir,
        tmp_path,
        "latex-special",
        cv_paper="a4",
        cv_pdf_hyphenation=True,
        cv_pdf_index=False,
        language="de",
    )
    assert re.search(r"\\documentclass\[a4paper,", latex.tex)
    assert r"\hyphenpenalty=50\relax" in latex.sty
    assert r"\printindex" not in latex.tex
    assert "pdflang={de}" in latex.sty
    assert latex.command("sphinxcvindexname") == "Index der Kenntnisse"
    assert r"\newcommand*\sphinxcvpagesname{S.\,}" in latex.sty


def test_the_projects_own_paper_and_index_settings_win(rootdir: Path, tmp_path: Path) -> None:
    latex = build(
        rootdir,
        tmp_path,
        "latex-special",
        cv_pdf_index=False,
        latex_elements={"papersize": "b5paper", "printindex": r"\printindex"},
    )
    assert re.search(r"\\documentclass\[b5paper,", latex.tex)
    assert r"\printindex" in latex.tex


def test_the_index_is_printed_by_default(special: Latex) -> None:
    assert r"\printindex" in special.tex


def test_keywords_are_the_most_used_skills_first_at_most_the_limit(
    rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sphinx_cv.latex

    monkeypatch.setattr(sphinx_cv.latex, "KEYWORDS", 2)
    latex = build(rootdir, tmp_path, "latex-special")
    keywords = re.search(r"pdfkeywords=\{(.*?)\},\n", latex.sty)[1]
    # C# & F# and 50% are used twice (text and entry), Юникод once: it is left out
    assert keywords == r"50\% \{x\}\_y \textasciitilde{}\textasciicircum{}, C\# \& F\#"
