"""The site's sidebar of indexes and downloads: the indexes that have content, then the PDF,
linked from every page's depth."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_colors
from sphinx_cv.html import TEMPLATES
from test_bad_input import INDEX, assert_clean, build, write

PROJECT = "# Tool\n\n```{cv:project} Tool\n:skills: Go\n```\n"


def sidebar(app, page: str) -> tuple[str, list[tuple[str, str]]]:
    soup = BeautifulSoup((Path(app.outdir) / page).read_text(), "html.parser")
    box = soup.select_one(".cv-sidebar-indexes")
    caption = box.select_one(".caption-text").get_text()
    return caption, [(a.get_text(), a["href"]) for a in box.select("a")]


@pytest.mark.parametrize(
    ("pdf", "top", "deep"),
    [
        ("https://jane.example.org/cv.pdf", *["https://jane.example.org/cv.pdf"] * 2),
        ("files/cv.pdf", "files/cv.pdf", "../files/cv.pdf"),
    ],
)
def test_sidebar_lists_the_indexes_with_content_then_the_pdf(
    make_app, tmp_path: Path, pdf: str, top: str, deep: str
) -> None:
    conf = f"cv_pdf_url = {pdf!r}\n"
    index = INDEX.replace("skills\n", "skills\nwork/tool\n")
    srcdir = write(tmp_path, conf, index=index)
    (srcdir / "work").mkdir()
    (srcdir / "work" / "tool.md").write_text(PROJECT)
    app = build(make_app, srcdir)
    assert_clean(app)
    indexes = [
        ("Skills A–Z", "cv-skills.html"),
        ("Skills by category", "cv-categories.html"),
        ("Projects and their skills", "cv-entries.html"),
    ]
    caption, links = sidebar(app, "index.html")
    assert (caption, links[:4]) == ("Indexes and downloads", [*indexes, ("PDF", top)])
    deeper = [(title, f"../{url}") for title, url in indexes]
    assert sidebar(app, "work/tool.html")[1][:4] == [*deeper, ("PDF", deep)]


def test_sidebar_leaves_out_an_index_without_content_and_a_missing_pdf(
    make_app, tmp_path: Path
) -> None:
    app = build(make_app, write(tmp_path))
    assert_clean(app)
    links = sidebar(app, "index.html")[1]
    assert links[:2] == [
        ("Skills A–Z", "cv-skills.html"),
        ("Skills by category", "cv-categories.html"),
    ]
    assert {"Projects and their skills", "PDF"}.isdisjoint(title for title, _url in links)


def pdf_links(app, page: str) -> list[str]:
    return [url for title, url in sidebar(app, page)[1] if title == "PDF"]


LATEX_DOCUMENTS = 'latex_documents = [("index", "Jane.tex", "CV", "Jane Doe", "cv")]\n'


def test_pdf_built_beside_comes_to_every_page_on_the_next_build(make_app, tmp_path: Path) -> None:
    """The LaTeX builder's PDF in ``latex/`` beside ``html/`` is copied beside the pages;
    its arrival rewrites every page, though none changed."""
    srcdir = write(tmp_path / "src", LATEX_DOCUMENTS)
    builddir = tmp_path / "build"
    first = build(make_app, srcdir, builddir=builddir)
    assert pdf_links(first, "index.html") == pdf_links(first, "skills.html") == []
    first.cleanup()
    (builddir / "latex").mkdir()
    (builddir / "latex" / "Jane.pdf").write_bytes(b"%PDF-1.5 Jane\n")
    second = make_app("html", srcdir=srcdir, builddir=builddir, warningiserror=True)
    second.build()  # incremental: no page changed
    assert "0 source files that are out of date" in strip_colors(second.status.getvalue())
    assert_clean(second)
    assert pdf_links(second, "index.html") == pdf_links(second, "skills.html") == ["Jane.pdf"]
    assert (Path(second.outdir) / "Jane.pdf").read_bytes() == b"%PDF-1.5 Jane\n"


def test_pdf_url_set_copies_no_pdf(make_app, tmp_path: Path) -> None:
    srcdir = write(tmp_path / "src", LATEX_DOCUMENTS + 'cv_pdf_url = "https://x.example/cv.pdf"\n')
    (tmp_path / "build" / "latex").mkdir(parents=True)
    (tmp_path / "build" / "latex" / "Jane.pdf").write_bytes(b"%PDF-1.5\n")
    app = build(make_app, srcdir, builddir=tmp_path / "build")
    assert pdf_links(app, "index.html") == ["https://x.example/cv.pdf"]
    assert not (Path(app.outdir) / "Jane.pdf").exists()


def test_a_second_build_in_one_process_finds_the_configuration_unchanged(
    make_app, tmp_path: Path
) -> None:
    """``sphinx-cv build`` and ``watch`` make several applications in one process: the
    extension's templates folder is added to each one's ``templates_path`` once, never to
    Sphinx's default list, which every application of the process shares."""
    srcdir = write(tmp_path / "src")
    first = build(make_app, srcdir, builddir=tmp_path / "build")
    first.cleanup()
    pages = [Path(first.outdir, f"{name}.html") for name in ("index", "skills")]
    written = {page: page.stat().st_mtime_ns for page in pages}
    second = make_app("html", srcdir=srcdir, builddir=tmp_path / "build", warningiserror=True)
    assert second.config.templates_path == [str(TEMPLATES)]
    second.build()
    assert_clean(second)
    assert "templates_path" not in strip_colors(second.status.getvalue())
    assert {page: page.stat().st_mtime_ns for page in written} == written  # no page written again


def test_sidebar_offers_the_variants_pdfs_beside_the_pages(
    make_app, rootdir: Path, tmp_path: Path
) -> None:
    (tmp_path / "html").mkdir()
    for suffix in ("", "-k8s", "-mail"):
        (tmp_path / "html" / f"JaneDoe{suffix}.pdf").write_bytes(b"%PDF-1.5\n")
    app = make_app("html", srcdir=rootdir / "test-variants", builddir=tmp_path)
    app.build()
    pdfs = [(title, url) for title, url in sidebar(app, "index.html")[1] if "PDF" in title]
    assert pdfs[0] == ("PDF", "JaneDoe.pdf")
    assert sorted(pdfs[1:]) == [
        ("PDF: Kubernetes", "JaneDoe-k8s.pdf"),
        ("PDF: Mail", "JaneDoe-mail.pdf"),
    ]
