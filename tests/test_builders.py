"""Every builder handles the extension's nodes; the main ones render skills and entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import sphinx_build
from sphinx.testing.util import SphinxTestApp

NO_OUTPUT_CHECK = ["epub", "man", "texinfo", "xml", "pseudoxml", "gettext", "changes", "dummy"]


@pytest.mark.parametrize(
    "builder", ["html", "dirhtml", "singlehtml", "latex", "text", *NO_OUTPUT_CHECK]
)
def test_builder_succeeds_without_warnings(builder: str, rootdir: Path, tmp_path: Path) -> None:
    result = sphinx_build(
        builder,
        rootdir / "test-skills",
        tmp_path / "out",
        "-W",
        "--keep-going",
        "-d",
        str(tmp_path / "d"),
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.sphinx("dirhtml", testroot="skills")
def test_dirhtml_links_mentions_to_directories(app: SphinxTestApp) -> None:
    app.build()
    page = (Path(app.outdir) / "experience" / "index.html").read_text()
    assert 'href="../skills/#skill-cilium"' in page


@pytest.mark.sphinx("singlehtml", testroot="skills")
def test_singlehtml_links_within_the_page(app: SphinxTestApp) -> None:
    app.build()
    page = (Path(app.outdir) / "index.html").read_text()
    assert 'href="#skill-cilium"' in page
    assert "Used in:" in page


@pytest.mark.sphinx("text", testroot="skills")
def test_text_has_entry_header_and_usage(app: SphinxTestApp) -> None:
    app.build()
    projects = (Path(app.outdir) / "projects.txt").read_text()
    assert "Cluster autoscaler (2021 – 2023)\n\nAuthor\n" in projects
    assert "**Skills:**\u00a0*Go*, *Kubernetes*" in projects  # *x*: Sphinx's text for a reference
    skills = " ".join((Path(app.outdir) / "skills.txt").read_text().split())
    assert (
        "2021–2023 · 1 entry **Used in:** Jane Doe; Experience › Tooling; "
        "Projects › Cluster autoscaler" in skills
    )


@pytest.mark.sphinx("latex", testroot="skills")
def test_latex_has_entries_anchors_and_index_entries(app: SphinxTestApp) -> None:
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert r"\begin{sphinxcventry}" in tex
    assert (
        r"\sphinxcventryheader{\phantomsection\label{\detokenize{projects:entry-cluster-autoscaler}}"
        r"\sphinxhref{https://example.org/autoscaler}{Cluster autoscaler}}"
        r"{\mbox{2021 – 2023}}{Author}"  # XeLaTeX (sphinx_cv's default engine) reads the dash
    ) in tex
    # every mention gives the PDF's index a page: Go is mentioned four times (the definitions
    # are in the PDF with cv_pdf_glossary only); no entry is "main" (makeindex would print a
    # page shared with a mention twice: "Go, 1, 1")
    assert tex.count(r"\index{Go@\spxentry{Go}}") == 4
    # the definitions are one line per category: the index lists where skills are used
    assert r"\sphinxstylestrong{Programming languages:}" in tex and "|spxpagem" not in tex


@pytest.mark.sphinx("latex", testroot="skills", confoverrides={"cv_pdf_glossary": True})
def test_latex_glossary_indexes_the_definitions_page_like_a_use(app: SphinxTestApp) -> None:
    """Not in bold (``main``): makeindex merges a page only with an entry of the same mark,
    and a definition sharing its page with a mention would print "Go, 1, 1"."""
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert tex.count(r"\index{Go@\spxentry{Go}}") == 4 + 1
    assert "|spxpagem" not in tex
