"""The PDF: the real CV with the ``cv`` LaTeX theme, and small roots for its parts.

The real CV is built once per session (``cv_build``); the roots ``latex-design``
(sphinx-design constructs, entries, A4) and ``latex-special`` (LaTeX's special
characters, Cyrillic, CJK, Letter paper) once per module.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, CVBuild, sphinx_build

pytestmark = pytest.mark.skipif(not shutil.which("latexmk"), reason="needs latexmk (TeX Live)")

MAX_PAGES = 6


def run(*args: str | Path) -> str:
    return subprocess.run(list(map(str, args)), capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    """Text without case or white space: line breaks do not count."""
    return re.sub(r"\s+", "", text).casefold()


@dataclass
class Pdf:
    """A built PDF, its LaTeX source and LaTeX log, and what poppler's tools read in it."""

    path: Path

    @property
    def tex(self) -> str:
        return self.path.with_suffix(".tex").read_text(encoding="utf-8")

    @property
    def log(self) -> str:
        return self.path.with_suffix(".log").read_text(encoding="utf-8", errors="replace")

    def text(self, first: int = 1, last: int = 0, *, layout: bool = False) -> str:
        """pdftotext's text of pages *first* to *last* (0: the last page)."""
        options = ["-f", str(first), "-l", str(last or self.pages()), *(["-layout"] * layout)]
        return run("pdftotext", *options, self.path, "-")

    def info(self) -> dict[str, str]:
        fields = (line.partition(":") for line in run("pdfinfo", self.path).splitlines())
        return {key.strip(): value.strip() for key, _, value in fields}

    def pages(self) -> int:
        return int(self.info()["Pages"])

    def xml(self) -> ET.Element:
        """pdftohtml's XML: text with its links, and the outline (bookmarks)."""
        return ET.fromstring(run("pdftohtml", "-xml", "-i", "-stdout", "-q", self.path))

    def links(self) -> list[tuple[str, str]]:
        """Each link's target and text (internal targets: ``<name>.html#<page>``)."""
        return [(link.get("href", ""), "".join(link.itertext())) for link in self.xml().iter("a")]

    def link_texts(self) -> dict[str, str]:
        """The text of the links to each target, joined."""
        found: dict[str, str] = {}
        for target, text in self.links():
            found[target] = found.get(target, "") + text
        return found

    def fill(self) -> list[float]:
        """How far down each page its text goes (0 to 1), the footer left out."""
        html = run("pdftotext", "-bbox", self.path, "-")
        fills = []
        for page in re.findall(r"<page (.*?)</page>", html, re.DOTALL):
            height = float(re.search(r'height="([\d.]+)"', page)[1])
            bottoms = sorted({round(float(y)) for y in re.findall(r'yMax="([\d.]+)"', page)})
            fills.append((bottoms[-2] if len(bottoms) > 1 else 0) / height)  # [-1]: the footer
        return fills


def build_pdf(root: Path, out: Path, *options: str) -> Pdf:
    """``sphinx-build -b latex`` then ``make all-pdf`` (latexmk), as ``make latexpdf`` does."""
    latex = out / "latex"
    result = sphinx_build(
        "latex", root, latex, "-W", "--keep-going", "-d", str(out / "d"), *options
    )
    assert result.returncode == 0, result.stderr
    make = ["make", "-C", str(latex), "all-pdf", "LATEXMKOPTS=-quiet"]
    subprocess.run(make, capture_output=True, check=False)
    pdfs = sorted(latex.glob("*.pdf"))
    assert pdfs, sorted(latex.iterdir())
    return Pdf(pdfs[0])


@pytest.fixture(scope="module")
def cv(cv_build: CVBuild) -> Pdf:
    assert cv_build.latex_log.returncode == 0, cv_build.latex_log.stderr
    return Pdf(cv_build.pdf)


@pytest.fixture(scope="module")
def design(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    return build_pdf(rootdir / "test-latex-design", tmp_path_factory.mktemp("design"))


@pytest.fixture(scope="module")
def special(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    return build_pdf(rootdir / "test-latex-special", tmp_path_factory.mktemp("special"))


# -- the real CV -----------------------------------------------------------------------


def test_cv_pdf_is_named_after_its_owner_and_compiles_cleanly(cv: Pdf) -> None:
    assert cv.path.name == "SergeLogvinov.pdf"
    assert not re.search(r"^! ", cv.log, re.MULTILINE), "LaTeX errors"
    assert "undefined references" not in cv.log and "Hyper reference" not in cv.log


def test_cv_fits_six_pages_each_at_least_half_full(cv: Pdf) -> None:
    fills = cv.fill()
    assert len(fills) == cv.pages() <= MAX_PAGES
    assert all(fill >= 0.5 for fill in fills[:-1]), fills


def test_cv_starts_with_its_header_not_a_title_page_or_contents(cv: Pdf, cv_build: CVBuild) -> None:
    first = cv.text(1, 1).splitlines()
    headline = cv.info()["Subject"]
    assert first[:3] == ["Serge Logvinov", headline, "GitHub: github.com/sergelogvinov"]
    assert "Contents" not in cv.text()
    # the home page's bold headline and profile line are shown once, in the header
    assert squeeze(cv.text()).count(squeeze(headline)) == 1
    assert headline in BeautifulSoup(cv_build.page("index.html"), "html.parser").get_text()


def test_cv_metadata_names_the_person_and_the_skills(cv: Pdf, cv_build: CVBuild) -> None:
    info = cv.info()
    assert info["Title"] == "Serge Logvinov"
    assert info["Author"] == "Serge Logvinov"
    assert info["Subject"].startswith("Hybrid cloud")
    skills_page = BeautifulSoup(cv_build.page("skills.html"), "html.parser")
    names = {dt.get_text() for dt in skills_page.select("dt[id^=skill-] .sig-name")}
    assert len(names) > 100
    assert set(info["Keywords"].split(", ")) == names  # hyphens kept: ingress-nginx, WAL-G


def test_cv_fonts_are_embedded(cv: Pdf) -> None:
    rows = run("pdffonts", cv.path).splitlines()[2:]
    embedded = [re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row)[1] for row in rows]
    assert embedded and set(embedded) == {"yes"}, rows


def test_cv_bookmarks_are_home_sections_then_pages_at_one_level(cv: Pdf, cv_build: CVBuild) -> None:
    home = BeautifulSoup(cv_build.page("index.html"), "html.parser")
    sections = [h.get_text().rstrip("¶#").strip() for h in home.select("article section > h2")]
    toctree = home.select(".sidebar-tree:not(.cv-sidebar-indexes) li.toctree-l1 > a")
    pages = [a.get_text() for a in toctree]
    outline = cv.xml().find("outline")
    assert outline is not None
    assert [item.text for item in outline.findall("item")] == [*sections, *pages, "Index of skills"]
    assert outline.find("outline") is not None  # the pages' own sections, one level down


def test_cv_pdf_is_a_cv_first(cv: Pdf) -> None:
    """At most 4 A4 pages; skills as one line per category; Education before the index."""
    assert int(cv.info()["Pages"]) <= 4
    text = " ".join(cv.text().split())
    assert "Programming languages: Golang, Python, Ruby, PHP, Assembly" in text
    assert "Used in" not in text and "compiled, statically typed" not in text  # no glossary
    assert text.index("Skills: PIC, Assembly") < text.index("Index of skills")
    assert "Skills:}\u00a0" in cv.tex and "Skills:} " not in cv.tex  # the label keeps its value


def test_the_pdf_index_can_be_turned_off(rootdir: Path, tmp_path: Path) -> None:
    pdf = build_pdf(rootdir / "test-latex-design", tmp_path, "-D", "cv_pdf_index=0")
    assert r"\index{" not in pdf.tex and r"\printindex" not in pdf.tex
    assert "Index of skills" not in pdf.text()


GERMAN = "Softwareentwicklungsabteilungsleiterin, Datenbankverwaltungssysteme, " * 12


@pytest.mark.parametrize("hyphenation", [False, True])
def test_words_are_hyphenated_only_on_request(tmp_path: Path, hyphenation: bool) -> None:
    """Off by default (the text layer reads as written); on: by the language's rules
    (German's come with Debian's texlive-lang-german, which ``make test`` installs)."""
    root = tmp_path / "src"
    root.mkdir()
    (root / "conf.py").write_text('extensions = ["sphinx_cv"]\nproject = "Jana"\nlanguage = "de"\n')
    (root / "index.md").write_text(f"# Jana\n\n{GERMAN}\n")
    pdf = build_pdf(root, tmp_path, "-D", f"cv_pdf_hyphenation={int(hyphenation)}")
    broken = [ln for ln in pdf.text(layout=True).splitlines() if ln.rstrip().endswith("-")]
    assert bool(broken) is hyphenation, broken
    # no author set: the person is the project, in the header and the PDF's metadata
    assert pdf.text().startswith("Jana\n") and pdf.info()["Author"] == "Jana"


def test_cv_links_are_clickable(cv: Pdf) -> None:
    links = cv.link_texts()
    assert links["https://github.com/sergelogvinov"].startswith("GitHub: github.com/sergelogvinov")
    assert "Talos CCM" in links["https://github.com/siderolabs/talos-cloud-controller-manager"]
    internal = [text for target, text in cv.links() if target.startswith(cv.path.stem)]
    assert len(internal) > 400  # skill mentions and index pages
    assert "Kubernetes" in internal


def test_cv_ends_with_the_index_of_skills_with_their_pages(cv: Pdf, cv_build: CVBuild) -> None:
    text = " ".join(cv.text().split())
    index = text.rindex("Index of skills")
    assert index > text.rindex("Arkanoid")  # after the last page of the CV
    entries = text[index:]
    skills_page = BeautifulSoup(cv_build.page("skills.html"), "html.parser")
    names = [dt.get_text() for dt in skills_page.select("dt[id^=skill-] .sig-name")]
    missing = [name for name in names if not re.search(re.escape(name) + r", [1-6]\b", entries)]
    assert missing == []
    pages = re.search(r"Kubernetes, ([\d,– ]+)", entries)[1]  # mentioned all over, defined once
    assert len(re.findall(r"\d+", pages)) >= 2


def test_cv_pdf_keeps_the_text_of_the_site(cv: Pdf, cv_build: CVBuild) -> None:
    """Every paragraph, list item and heading of the pages is in the PDF, in one piece.

    Left out: the site's "Download PDF" button, and the skills' definitions, which the
    PDF gives as one line of names per category (``cv_pdf_glossary = False``).
    """
    pdf = squeeze(cv.text())
    missing = []
    for source in sorted((REPO / "docs").glob("*.md")):
        page = cv_build.html / f"{source.stem}.html"
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = html.select_one("article")
        for extra in article.select("dl.cv.skill, .headerlink, .cv-download"):
            extra.decompose()
        for block in article.find_all(["p", "li", "dt", "h1", "h2", "h3"]):
            if not block.find(["p", "li"]) and squeeze(block.get_text()) not in pdf:
                missing.append(f"{page.name}: {block.get_text(' ', strip=True)[:80]}")
    assert missing == []


# -- sphinx-design, entries, skills (A4, the default paper) ------------------------------


def test_cards_tabs_and_dropdowns_are_blocks_with_their_titles(design: Pdf) -> None:
    text = design.text()
    for title in (
        "Grid card title",
        "Linked card title",
        "Card with header and footer",
        "First tab label",
        "Second tab label",
        "Dropdown title",
    ):
        in_tex = f"\\begin{{sphinxcvblocktitle}}{title}" in design.tex
        assert in_tex or title in design.link_texts().values()
        assert title in text
    blocks = [line for line in text.splitlines() if line]
    order = [
        "Card header text",
        "Card with header and footer",
        "Card body between header and footer.",
        "Card footer text",
        "First tab label",
        "First tab content.",
        "Second tab label",
        "Second tab content.",
        "Dropdown title",
        "Dropdown content.",
    ]
    assert [line for line in blocks if line in order] == order


def test_link_cards_show_their_link_text_not_a_bare_url(design: Pdf) -> None:
    links = design.link_texts()
    assert links["https://example.org/linked-card"] == "Linked card title"
    assert links["https://example.org/alt-card"] == "Alternative link text"
    assert links["https://example.org/bare/card"] == "example.org/bare/card"
    assert "https://example.org" not in design.text()


def test_grids_and_short_lists_are_columns(design: Pdf) -> None:
    assert design.tex.count(r"\begin{sphinxcvcolumns}{2}") == 1  # the grid "1 2 2 2"
    assert design.tex.count(r"\begin{sphinxcvcolumns}{3}") == 1  # five one-word items
    row = next(line for line in design.text(layout=True).splitlines() if "Grid card title" in line)
    assert "Maintainer" in row  # side by side: the cards' second lines


def test_badges_and_buttons_are_text_and_links(design: Pdf) -> None:
    text = design.text()
    assert "Badge text and Badge link." in text
    assert design.link_texts()["https://example.org/button"] == "Button text"


def test_entry_header_is_heading_then_dates_and_details(design: Pdf) -> None:
    assert (
        r"\sphinxcventryheader{\phantomsection\label{\detokenize{index:entry-compiler}}"
        r"\sphinxhref{https://example.org/compiler}{Compiler}}{\mbox{2019 – 2023}}{Maintainer}"
    ) in design.tex
    lines = [line.strip() for line in design.text(layout=True).splitlines()]
    at = next(n for n, line in enumerate(lines) if line.startswith("Compiler"))
    assert lines[at + 1].startswith("2019 – 2023 · Maintainer")


def test_skill_definitions_are_compact_paragraphs(design: Pdf) -> None:
    assert "fulllineitems" not in design.tex
    text = " ".join(design.text().split())
    assert "Rust – Systems programming language. Also: rustlang · rust-lang.org/" in text
    assert "Used in: p. 1" in text


def test_paper_is_a4_by_default(design: Pdf) -> None:
    assert "(A4)" in design.info()["Page size"]


# -- special characters, Cyrillic and CJK; Letter paper -----------------------------------


SPECIAL = {
    "name": r"Zoë O'Brien #1 & 100% {x}_y ~z ^w \q Юлия",
    "entry title": r"R&D #1: 100% {fun}_x ~tilde ^caret \back — «Проект»",
    "role": r"Lead & $CEO_1 {x}",
    "type": r"now ~ #2 & 50%_{y}",
    "text": r"Text with $ & % # _ { } ~ ^ \ and code $&%#_{}~^\.",
    "skill": r"50% {x}_y ~^ – A skill whose name is made of special characters.",
    "Cyrillic": "Юникод – Кириллица",
    "quotes": "“double”, \u2018single’, “straight” and \u2018plain’ quotes",
    "headline": "“quotes” «кавычки» 中文",  # the header's CJK in a font that has it
}


def test_special_characters_compile_everywhere(special: Pdf) -> None:
    assert not re.search(r"^! ", special.log, re.MULTILINE), "LaTeX errors"
    text = " ".join(special.text().split())
    assert [part for part, value in SPECIAL.items() if value not in text] == []


def test_special_characters_in_metadata_and_links(special: Pdf) -> None:
    info = special.info()
    specials = r"Costs $5 & 50% off: C#, a_b, {braces}, ~tilde, ^caret, back\slash"
    assert info["Subject"].startswith(specials)
    assert info["Subject"].endswith("«кавычки» 中文")  # CJK is kept in the metadata
    assert set(info["Keywords"].split(", ")) == {"C# & F#", r"50% {x}_y ~^", "Юникод"}
    links = special.link_texts()
    assert links["https://example.org/a_b/%7Ex?q=1&r=%7B2%7D#frag"].startswith("Site #1 & 50%: ")
    assert links["mailto:zoe@example.org"] == "Mail: zoe@example.org"
    assert "https://example.org/r_d?x=1&y=%20#top" in links


def test_special_skill_names_give_one_index_entry_each(special: Pdf) -> None:
    index = " ".join(special.text().split()).split("Index of skills")[-1]
    assert index.count("50% {x}_y ~^, 1") == 1
    assert index.count("C# & F#, 1") == 1


def test_letter_paper_by_one_setting(special: Pdf) -> None:
    assert "(letter)" in special.info()["Page size"]
    assert r"\documentclass[letterpaper," in special.tex
