"""The PDF's page references have settled, however few LaTeX runs built it.

Fewer engine runs (``make bench``) must not leave a stale index or stale page numbers:
the index printed in the PDF lists exactly the pages that the last LaTeX run recorded
in the .idx, each page number is a link to that page, and LaTeX asks for no rerun. The
text and the other links are held by ``test_pdf.py``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, CVBuild
from test_cli_build import SPHINX_CV
from test_pdf import Pdf, run

pytestmark = pytest.mark.skipif(not shutil.which("latexmk"), reason="needs latexmk (TeX Live)")

ENTRY = re.compile(r"^\\indexentry\{(.*?)@.*\}\{(\d+)\}$", re.M)
TEX_HYPHEN = r"\sphinxhyphen{}"


def recorded_pages(idx: Path) -> dict[str, set[int]]:
    """Each index entry's pages, as the last LaTeX run wrote them."""
    pages: dict[str, set[int]] = {}
    for name, page in ENTRY.findall(idx.read_text(encoding="utf-8")):
        pages.setdefault(name.replace(TEX_HYPHEN, "-"), set()).add(int(page))
    return pages


def printed_pages(pdf: Pdf) -> dict[str, set[int]]:
    """Each entry's pages as the PDF's index shows them (``1–3`` is 1, 2, 3)."""
    text = " ".join(pdf.text().split())
    index = text[text.rindex("Index of skills") :]
    printed = {}
    for name in recorded_pages(pdf.path.with_suffix(".idx")):
        match = re.search(rf"(?<![\w-]){re.escape(name)}, ((?:\d+(?:–\d+)?(?:, )?)+)", index)
        numbers: set[int] = set()
        for part in (match[1] if match else "").split(", "):
            if part:
                first, _, last = part.partition("–")
                numbers |= set(range(int(first), int(last or first) + 1))
        printed[name] = numbers
    return printed


def assert_settled(pdf: Pdf) -> None:
    assert printed_pages(pdf) == recorded_pages(pdf.path.with_suffix(".idx"))
    assert not re.search(r"Rerun to get|Label\(s\) may have changed|File `.*. has changed", pdf.log)
    last = pdf.pages()
    index_page = index_links(pdf, last)
    assert index_page, "no links on the index's page"
    for target, text in index_page:
        assert target == f"{pdf.path.stem}.html#{text}", (target, text)


def index_links(pdf: Pdf, page: int) -> list[tuple[str, str]]:
    """The links of the numbers on *page* (the index's page numbers)."""
    xml = pdf.xml()
    found = []
    for node in xml.iter("page"):
        if node.get("number") == str(page):
            for link in node.iter("a"):
                text = "".join(link.itertext()).strip()
                if text.isdigit():
                    found.append((link.get("href", ""), text))
    return found


def test_real_cv_index_and_page_references_have_settled(cv_build: CVBuild) -> None:
    assert_settled(Pdf(cv_build.pdf))


def test_sphinx_cv_build_gives_a_settled_pdf_too(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(REPO / "docs", source / "docs")
    shutil.copy(REPO / "conf.py", source / "conf.py")
    run(SPHINX_CV, "build", source, "-o", tmp_path / "out", "-W")
    assert_settled(Pdf(tmp_path / "out" / "latex" / "SergeLogvinov.pdf"))
