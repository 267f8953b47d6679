"""What every page and the site's own files get (``sphinx_cv.web``), on small roots.

``test_web.py`` checks the real CV's site built as a user builds it; these build the
``web-person`` root in this process (where ``make mutation`` sees them), with and
without an address, with each HTML builder, and again after a change of the person.
"""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import build_in_process
from sphinx.testing.util import SphinxTestApp
from sphinx_cv.web import initials
from sphinx_cv.web.files import robots_txt

URL = "https://jane.example/cv/"


@pytest.fixture
def source(rootdir: Path, tmp_path: Path) -> Path:
    shutil.copytree(rootdir / "test-web-person", tmp_path / "src")
    return tmp_path / "src"


class Built:
    def __init__(self, app: SphinxTestApp, warnings: str) -> None:
        self.app = app
        self.outdir = Path(app.outdir)
        self.warnings = warnings

    def soup(self, page: str = "index.html") -> BeautifulSoup:
        return BeautifulSoup((self.outdir / page).read_text(encoding="utf-8"), "html.parser")

    def text(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")

    def json_ld(self, page: str = "index.html") -> dict[str, Any]:
        return json.loads(self.soup(page).find("script", type="application/ld+json").string)


def build(
    source: Path, builder: str = "html", builddir: Path | None = None, **overrides: Any
) -> Built:
    builddir = builddir or source.parent / f"build-{builder}"
    return Built(*build_in_process(builder, source, builddir, overrides))


@pytest.mark.parametrize(
    ("name", "letters"),
    [("Ada King Lovelace", "AL"), ("ada", "A"), ("Jane Doe", "JD"), ("  zoë  ", "Z")],
)
def test_favicon_letters_are_the_first_and_last_names_initials(name: str, letters: str) -> None:
    assert initials(name) == letters


def test_robots_txt_names_the_sitemap_only_with_an_address(source: Path) -> None:
    built = build(source, cv_base_url=URL)
    assert built.text("robots.txt") == (f"User-agent: *\nAllow: /\n\nSitemap: {URL}sitemap.xml\n")
    assert "sitemap" not in build(source, builddir=source.parent / "b2").text("robots.txt")


def test_robots_txt_without_a_sitemap_name(source: Path) -> None:
    built = build(source, cv_base_url=URL)
    assert robots_txt(built.app, URL) == f"User-agent: *\nAllow: /\n\nSitemap: {URL}sitemap.xml\n"
    built.app.config.sitemap_filename = ""
    assert robots_txt(built.app, URL) == "User-agent: *\nAllow: /\n"
    assert robots_txt(built.app, "") == "User-agent: *\nAllow: /\n"


def test_the_address_is_shared_with_sphinx_opengraph_and_the_404_page(source: Path) -> None:
    built = build(source, cv_base_url=URL)
    assert built.warnings == ""
    config = built.app.config
    assert (config.html_baseurl, config.ogp_site_url) == (URL, URL)
    assert config.notfound_urls_prefix == "/cv/"
    og = built.soup().find("meta", property="og:url")
    assert og["content"] == f"{URL}index.html"
    assert built.json_ld()["url"] == f"{URL}index.html"
    assert json.loads(built.text("resume.json"))["meta"] == {"canonical": f"{URL}resume.json"}


def test_settings_of_the_others_are_kept(source: Path) -> None:
    built = build(
        source,
        cv_base_url=URL,
        ogp_site_url="https://og.example/",
        notfound_urls_prefix="/own/",
    )
    config = built.app.config
    assert config.ogp_site_url == "https://og.example/"
    assert config.notfound_urls_prefix == "/own/"


def test_an_address_at_a_domains_root_is_the_404_pages_root(source: Path) -> None:
    built = build(source, cv_base_url="https://jane.example")
    assert built.app.config.notfound_urls_prefix == "/"
    assert built.app.config.html_baseurl == "https://jane.example/"


def test_without_an_address_no_sitemap_warning_and_no_canonical(source: Path) -> None:
    built = build(source)
    assert built.warnings == ""
    assert "sitemap.configuration" in built.app.config.suppress_warnings
    assert "url" not in built.json_ld()
    assert "meta" not in json.loads(built.text("resume.json"))


def test_every_page_has_its_favicon_description_and_resume_link(source: Path) -> None:
    built = build(source)
    for page in ("index.html", "skills.html", "genindex.html", "search.html"):
        soup = built.soup(page)
        icon = soup.find("link", rel="icon")
        assert icon["href"].endswith("_static/cv-favicon.svg"), page
        alternate = soup.find("link", rel="alternate", type="application/json")
        assert alternate["title"] == "JSON Resume" and alternate["href"] == "resume.json"
        assert len(soup.find_all("meta", attrs={"name": "description"})) == 1
        assert len(soup.find_all("script", type="application/ld+json")) == 1
    assert "JD" in built.text("_static/cv-favicon.svg")
    about = "Jane </script><!-- Doe — Breaks </script> and <!– out & in"
    index = built.soup("cv-skills.html").find("meta", attrs={"name": "description"})
    assert index["content"] == f"Skills A–Z: {about}"
    search = built.soup("search.html").find("meta", attrs={"name": "description"})
    assert search["content"] == about
    links = [a.get_text() for a in built.soup().select(".cv-sidebar-indexes a")]
    assert links[-1] == "JSON Resume"


def test_a_favicon_of_the_project_is_kept(source: Path) -> None:
    (source / "icon.png").write_bytes(b"\x89PNG\r\n")
    built = build(source, html_favicon="icon.png")
    assert built.soup().find("link", rel="icon")["href"].endswith("icon.png")


def test_a_page_without_a_title_is_described_by_the_person(source: Path) -> None:
    index = source / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("**Breaks \\</script> and \\<!-- out & in**\n", ""), "utf-8")
    assert index.read_text(encoding="utf-8") != text
    built = build(source)
    for page, description in (
        ("cv-skills.html", "Skills A–Z: Jane </script><!-- Doe"),
        ("search.html", "Jane </script><!-- Doe"),
    ):
        meta = built.soup(page).find("meta", attrs={"name": "description"})
        assert meta["content"] == description


def test_toctree_captions_are_headings_of_level_two(source: Path) -> None:
    built = build(source)
    captions = built.soup().select("p.caption")
    assert captions
    for caption in captions:
        assert (caption["role"], caption["aria-level"]) == ("heading", "2")
    texts = [c.select_one("span.caption-text").get_text() for c in captions]
    assert {"Skills", "Education"} <= set(texts)
    titles = [h.get_text() for h in built.soup().select("article h1")]
    assert titles == ["Jane Doe¶"] or titles == ["Jane Doe#"]  # section titles stay headings


def test_links_that_spell_their_address_are_marked(source: Path) -> None:
    (source / "school.md").write_text(
        (source / "school.md").read_text(encoding="utf-8")
        + "\n\nSee <https://example.org/a/> and [example.ORG/b](https://example.org/b)"
        " and [the site](https://example.org/c) and [a.html](a.html).\n",
        encoding="utf-8",
    )
    built = build(source)
    links = {
        a.get_text(): "cv-url-text" in a.get("class", [])
        for a in built.soup("school.html").select("article a.reference")
    }
    assert links["https://example.org/a/"] is True
    assert links["example.ORG/b"] is True
    assert links["the site"] is False


def test_web_features_off_leave_nothing_of_theirs(source: Path) -> None:
    built = build(source, cv_web_features=False, cv_base_url=URL)
    soup = built.soup()
    assert soup.find("script", type="application/ld+json") is None
    assert soup.find("link", rel="alternate", type="application/json") is None
    assert not (built.outdir / "resume.json").exists()
    assert not (built.outdir / "robots.txt").exists()
    assert not (built.outdir / "_static" / "cv-favicon.svg").exists()
    assert "cv-print.css" not in built.text("index.html")
    captions = {c.get_text(): c.get("aria-level") for c in soup.select(".caption")}
    assert captions["Skills"] is None and captions["Education"] is None


def test_print_stylesheet_is_for_print(source: Path) -> None:
    built = build(source)
    css = built.soup().find("link", href=lambda h: h and "cv-print.css" in h)
    assert css["media"] == "print"


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml"])
def test_other_html_builders_make_the_same_site_files(source: Path, builder: str) -> None:
    built = build(source, builder, cv_base_url=URL)
    assert built.warnings == ""
    assert json.loads(built.text("resume.json"))["basics"]["name"] == "Jane </script><!-- Doe"
    assert (built.outdir / "robots.txt").is_file()
    assert built.json_ld()["url"] == URL  # the home page's address, without a fragment


def test_other_formats_get_no_site_files(source: Path) -> None:
    built = build(source, "epub", cv_base_url=URL)
    assert not (built.outdir / "resume.json").exists()
    assert not (built.outdir / "robots.txt").exists()
    page = built.text("index.xhtml")
    assert "application/ld+json" not in page and "JSON Resume" not in page


def test_a_new_person_rewrites_every_page(source: Path) -> None:
    builddir = source.parent / "again"
    build(source, builddir=builddir)
    conf = source / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + 'cv_email = "jane@example.org"\n', encoding="utf-8"
    )
    again = build(source, builddir=builddir)
    for page in ("index.html", "skills.html", "school.html"):
        assert again.json_ld(page)["email"] == "mailto:jane@example.org", page
    assert json.loads(again.text("resume.json"))["basics"]["email"] == "jane@example.org"


def test_an_unchanged_person_rewrites_no_page(source: Path) -> None:
    builddir = source.parent / "again"
    build(source, builddir=builddir)
    status = StringIO()
    app = SphinxTestApp("html", srcdir=source, builddir=builddir, status=status)
    try:
        app.build()
    finally:
        app.cleanup()
    assert "0 changed" in status.getvalue() or "no targets are out of date" in status.getvalue()
