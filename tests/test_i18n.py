"""A CV in other languages: the extension's catalogs, the gettext flow, Cyrillic to PDF.

``i18n-de`` is a small CV with a German translation (``locales/de``); ``cyrillic``
is a CV written in Ukrainian.
"""

from __future__ import annotations

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import sphinx_build
from sphinx.util.inventory import InventoryFile
from sphinx_cv.locale import LOCALE_DIR
from test_pdf import build_pdf

LANGUAGES = ("de", "fr", "ru", "uk")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def sites(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The ``i18n-de`` root built as HTML in English and in German."""
    out = tmp_path_factory.mktemp("i18n")
    built = {}
    for language in ("en", "de"):
        result = sphinx_build(
            "html",
            rootdir / "test-i18n-de",
            out / language,
            "-W",
            "-D",
            f"language={language}",
            "-d",
            str(out / f"doctrees-{language}"),
        )
        assert result.returncode == 0, result.stderr
        built[language] = out / language
    return built


def internal_links(site: Path) -> list[tuple[str, str]]:
    """Every internal link of the pages' main content: (page, href)."""
    return [
        (page.name, a["href"])
        for page in sorted(site.glob("*.html"))
        for a in soup(page).select("[role=main] a.reference.internal")
    ]


# -- the extension's own words -------------------------------------------------


def test_catalog_template_holds_every_message_of_the_code() -> None:
    """``make catalogs`` was run: the .pot has what the code asks for, nothing else."""
    keywords = {"_": None, "ngettext": (1, 2)}
    in_code = {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            LOCALE_DIR.parent, keywords=keywords
        )
    }
    with (LOCALE_DIR / "sphinx_cv.pot").open("rb") as pot:
        in_template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot) if m.id}
    assert in_code == in_template


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalog_is_complete_and_compiled(language: str) -> None:
    messages = LOCALE_DIR / language / "LC_MESSAGES"
    with (messages / "sphinx_cv.po").open("rb") as po:
        catalog = read_po(po)
    with (LOCALE_DIR / "sphinx_cv.pot").open("rb") as pot:
        template = {m.id for m in read_po(pot) if m.id}
    translated = {m.id: m.string for m in catalog if m.id and not m.fuzzy}
    assert set(translated) == template
    compiled = gettext.GNUTranslations((messages / "sphinx_cv.mo").open("rb"))
    for msgid, msgstr in translated.items():
        if isinstance(msgid, tuple):
            assert all(msgstr), msgid
            assert compiled.ngettext(*msgid, 1) == msgstr[0]
        else:
            assert msgstr, msgid
            assert compiled.gettext(msgid) == msgstr


def test_german_build_uses_the_extensions_german_words(sites: dict[str, Path]) -> None:
    skills = soup(sites["de"] / "skills.html")
    usage = [p.get_text(" ", strip=True) for p in skills.select(".cv-skill-usage")]
    assert usage[0].startswith("Verwendet in:")
    assert "Auch: k8s" in skills.select_one(".cv-skill-details").get_text()
    navigation = skills.select_one("nav.cv-skill-usage-nav")["aria-label"]
    assert navigation == "Wo Kubernetes verwendet wird"
    index = soup(sites["de"] / "index.html")
    assert index.select_one(".cv-entry-skills strong").get_text() == "Kenntnisse:"
    skill_index = soup(sites["de"] / "cv-skills.html")
    assert skill_index.title.get_text().startswith("Kenntnisse A–Z")
    rows = [row.get_text(" ", strip=True) for row in skill_index.select("article tr")]
    assert "Linux (Systeme) 2019–heute · 1 Eintrag" in rows


def test_dates_are_written_in_the_documents_language(sites: dict[str, Path]) -> None:
    dates = {
        language: [t.get_text() for t in soup(site / "index.html").select(".cv-entry-dates")]
        for language, site in sites.items()
    }
    assert dates["en"] == ["Mar 2021 – Jun 2024", "2019 – present"]
    assert dates["de"] == ["März 2021 – Juni 2024", "2019 – heute"]


# -- the document translated with gettext ---------------------------------------


def test_translated_build_keeps_every_skill_link(sites: dict[str, Path]) -> None:
    """The same links to the same anchors, and every anchor exists on its page."""
    english, german = internal_links(sites["en"]), internal_links(sites["de"])
    assert german == english
    assert any("#skill-mention-" in href for _page, href in german)
    for page, href in german:
        target, _, anchor = href.partition("#")
        path = sites["de"] / (target or page)
        assert anchor and soup(path).find(id=anchor) is not None, (page, href)


def test_translated_build_has_translated_text_and_the_same_objects(
    sites: dict[str, Path],
) -> None:
    home = soup(sites["de"] / "index.html").select_one("[role=main]").get_text(" ", strip=True)
    assert "Ich betreibe Kubernetes -Cluster" in home
    assert "Skaliert einen Cluster mit 200 Knoten." in home
    skills = soup(sites["de"] / "skills.html")
    kubernetes = skills.find(id="skill-kubernetes").find_parent("dl").get_text(" ", strip=True)
    assert "System zur Orchestrierung von Containern." in kubernetes
    assert "Projekte" in skills.select_one(".cv-skill-usage").get_text()
    objects = {}
    for language, site in sites.items():
        inventory = InventoryFile.loads((site / "objects.inv").read_bytes(), uri="").data
        objects[language] = {
            (kind, name, item.uri)
            for kind in ("cv:skill", "cv:entry")
            for name, item in inventory[kind].items()
        }
    assert objects["de"] == objects["en"]
    assert ("cv:skill", "k8s", "skills.html#skill-kubernetes") in objects["de"]


def test_gettext_flow_extracts_the_cv_text_not_the_extensions_words(
    rootdir: Path, tmp_path: Path
) -> None:
    result = sphinx_build("gettext", rootdir / "test-i18n-de", tmp_path / "gettext", "-W")
    assert result.returncode == 0, result.stderr
    with (tmp_path / "gettext" / "skills.pot").open("rb") as pot:
        ids = {m.id for m in read_po(pot) if m.id}
    assert "Container orchestration system." in ids
    assert not any(i.startswith(("Also", "Auch", "Used in")) for i in ids)
    with (tmp_path / "gettext" / "index.pot").open("rb") as pot:
        ids = {m.id for m in read_po(pot) if m.id}
    assert "Scales a cluster of 200 nodes." in ids
    assert (
        "I run {skill}`Kubernetes` clusters and write their tools in {skill}`Go <golang>`." in ids
    )
    intl = Path(sys.executable).with_name("sphinx-intl")
    if not intl.exists():
        pytest.skip("sphinx-intl is not installed (pip install -e '.[dev]')")
    subprocess.run(
        [intl, "update", "-p", tmp_path / "gettext", "-d", tmp_path / "locales", "-l", "de"],
        check=True,
        capture_output=True,
    )
    with (tmp_path / "locales/de/LC_MESSAGES/skills.po").open("rb") as po:
        assert "Container orchestration system." in {m.id for m in read_po(po)}


# -- LaTeX: the language's hyphenation patterns and words, Cyrillic -------------

needs_latex = pytest.mark.skipif(not shutil.which("latexmk"), reason="needs latexmk (TeX Live)")


@needs_latex
def test_german_pdf_is_set_in_german(rootdir: Path, tmp_path: Path) -> None:
    pdf = build_pdf(rootdir / "test-i18n-de", tmp_path)
    assert r"\setmainlanguage[spelling=new]{german}" in pdf.tex  # polyglossia's patterns
    text = pdf.text()
    assert "Skaliert einen Cluster mit 200 Knoten." in text
    assert "Verwendet in: S. 1" in " ".join(text.split())
    assert "Index der Kenntnisse" in text
    assert "Auch: k8s" in text
    assert pdf.info()["Author"] == "Jane Doe"


@needs_latex
def test_cyrillic_cv_builds_to_html_and_pdf(rootdir: Path, tmp_path: Path) -> None:
    result = sphinx_build("html", rootdir / "test-cyrillic", tmp_path / "html", "-W")
    assert result.returncode == 0, result.stderr
    page = soup(tmp_path / "html" / "skills.html")
    assert "Де використовується:" in page.select_one(".cv-skill-usage").get_text()
    pdf = build_pdf(rootdir / "test-cyrillic", tmp_path)
    assert r"\setmainlanguage{ukrainian}" in pdf.tex
    text = " ".join(pdf.text().split())
    assert "Інженерка платформ: кластери Kubernetes на власному обладнанні." in text
    assert "бер. 2021 р. – теперішній час" in text  # noqa: RUF001 (Cyrillic)
    assert "Система оркестрації контейнерів." in text
    assert "Покажчик навичок" in text
    assert "Missing character" not in pdf.log
