"""Zero configuration: the extension and a name make a CV; the user's conf.py always wins."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from conftest import sphinx_build
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors
from sphinx_cv.defaults import SIDEBAR, add_sidebar, cv_defaults

ROOTS = Path(__file__).parent / "roots"


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.sphinx("html", testroot="zero-config")
def test_extension_and_a_name_make_a_cv_site(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    assert app.srcdir.name == "docs"  # conf.py's folder has no index; docs/ has
    assert app.env.found_docs == {"index", "skills"}
    home = soup(app, "index.html")
    assert home.select_one('link[href*="furo"]') is not None
    assert home.select_one(".sd-row .sd-col") is not None  # the grid, with colon fences
    assert home.select_one("dl dt").get_text() == "Field"  # deflist
    hrefs = {unquote(a["href"]) for a in home.select("article a")}  # Sphinx hides the @
    assert {"mailto:zoe@example.org", "tel:+49-30-1234567"} <= hrefs
    sidebar = home.select_one(".sidebar-tree + .cv-sidebar-indexes")  # after the navigation
    assert [a.get_text() for a in sidebar.select("a")][:1] == ["Skills A–Z"]
    assert not any((app.outdir / "_sources").iterdir())  # html_copy_source off
    assert home.select_one('meta[property="og:title"]')["content"] == "Zoë Example"


@pytest.mark.sphinx("latex", testroot="zero-config")
def test_extension_and_a_name_make_a_cv_pdf_source(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    config = app.config
    assert (config.latex_engine, config.latex_use_xindy) == ("xelatex", False)
    name = "Zoë Example"
    assert config.latex_documents == [("index", "ZoeExample.tex", name, name, "cv")]
    tex = (app.outdir / "ZoeExample.tex").read_text(encoding="utf-8")
    assert r"\documentclass[a4paper" in tex and "{sphinxcv}" in tex


@pytest.mark.parametrize(
    ("name", "file"),
    [("Юлия Иванова", "YuliyaIvanova"), ("李雷", "LiLei"), ("Jane O'Neil-Smith", "JaneONeilSmith")],
)
def test_the_pdf_is_named_after_the_person_in_ascii_letters(
    make_app, tmp_path: Path, name: str, file: str
) -> None:
    """A name in any script gives a file name a recruiter's tools take (transliterated)."""
    shutil.copytree(ROOTS / "test-zero-config", tmp_path / "src")
    app = make_app("latex", srcdir=tmp_path / "src", confoverrides={"cv_name": name})
    app.build()
    assert app.config.latex_documents[0][1] == f"{file}.tex"
    assert (app.outdir / f"{file}.tex").is_file()


@pytest.mark.sphinx("html", testroot="user-settings")
def test_the_users_values_win(app: SphinxTestApp) -> None:
    app.build()
    config = app.config
    assert config.html_theme == "basic"
    assert config.myst_enable_extensions == ["deflist"]
    assert config.latex_engine == "lualatex"
    assert config.latex_documents == [("index", "ada.tex", "Ada", "Ada Example", "howto")]
    assert soup(app, "index.html").select_one(".cv-sidebar-indexes") is None  # html_sidebars


@pytest.mark.sphinx("html", testroot="user-settings", freshenv=True)
def test_a_colon_fence_without_colon_fence_is_a_warning(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    assert "index.md:5: WARNING: '::::{' is shown as text" in warnings
    assert "myst_enable_extensions" in warnings and "[cv.colon-fence]" in warnings


@pytest.mark.sphinx(
    "html",
    testroot="zero-config",
    freshenv=True,
    confoverrides={"myst_enable_extensions": "deflist"},
)
def test_a_command_line_value_wins_too(app: SphinxTestApp) -> None:
    app.build()
    assert "shown as text" in app.warning.getvalue()


def sphinx_make(target: str, project: Path) -> None:
    """``python -m sphinx -M TARGET . _build``, as Sphinx's own Makefile runs it."""
    args = [sys.executable, "-m", "sphinx", "-M", target, ".", "_build", "-W", "-q"]
    result = subprocess.run(args, cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_a_quiet_build_prints_nothing(tmp_path: Path) -> None:
    """sphinxext-opengraph prints at import that it makes no social cards without
    matplotlib; ``-q`` means no output but warnings and errors."""
    result = sphinx_build("html", ROOTS / "test-zero-config", tmp_path / "html", "-q", "-W")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == ""


def pdf_links(project: Path) -> list[str]:
    page = BeautifulSoup((project / "_build/html/index.html").read_text(), "html.parser")
    return [a["href"] for a in page.select(".cv-sidebar-indexes a") if a.get_text() == "PDF"]


@pytest.mark.skipif(not shutil.which("latexmk"), reason="needs latexmk")
def test_pdf_link_only_when_the_pdf_is_beside_the_pages(tmp_path: Path) -> None:
    project = tmp_path / "cv"
    shutil.copytree(ROOTS / "test-zero-config", project)
    sphinx_make("html", project)
    assert pdf_links(project) == []  # no PDF yet: no link
    sphinx_make("latexpdf", project)
    sphinx_make("html", project)  # nothing changed in the pages: every page gets the link
    assert pdf_links(project) == ["ZoeExample.pdf"]
    shipped = project / "_build/html/ZoeExample.pdf"
    assert shipped.read_bytes() == (project / "_build/latex/ZoeExample.pdf").read_bytes()
    skills = BeautifulSoup((project / "_build/html/skills.html").read_text(), "html.parser")
    assert "ZoeExample.pdf" in {a["href"] for a in skills.select(".cv-sidebar-indexes a")}


@pytest.mark.sphinx("html", testroot="zero-config")
def test_every_cv_default(app: SphinxTestApp) -> None:
    config = app.config
    assert {name: config[name] for name in cv_defaults(config)} == {
        "html_theme": "furo",
        "html_title": "Zoë Example",
        "html_copy_source": False,
        "html_show_sourcelink": False,
        "myst_enable_extensions": ["colon_fence", "deflist", "fieldlist"],
        "myst_heading_anchors": 3,
        "myst_url_schemes": ["http", "https", "mailto", "tel"],
        "latex_engine": "xelatex",
        "latex_use_xindy": False,
        "latex_theme": "cv",
        "latex_documents": [("index", "ZoeExample.tex", "Zoë Example", "Zoë Example", "cv")],
        "latex_domain_indices": False,
        "ogp_social_cards": {"enable": False},
        "sitemap_url_scheme": "{link}",
        "sitemap_excludes": ["search.html", "genindex.html", "404.html"],
    }


@pytest.mark.parametrize(
    ("sidebars", "shown"),
    [
        (
            ["sidebar/brand.html", "sidebar/navigation.html", "sidebar/scroll-end.html"],
            [
                "sidebar/brand.html",
                "sidebar/navigation.html",
                "sidebar/cv-indexes.html",
                "sidebar/scroll-end.html",
            ],
        ),
        (["localtoc.html", "searchbox.html"], ["localtoc.html", "searchbox.html", SIDEBAR]),
        ([], [SIDEBAR]),
        ([SIDEBAR, "sidebar/navigation.html"], [SIDEBAR, "sidebar/navigation.html"]),
    ],
)
def test_indexes_come_after_the_themes_navigation(sidebars: list[str], shown: list[str]) -> None:
    app = SimpleNamespace(config=SimpleNamespace(_raw_config={}, _overrides={}))
    context = {"sidebars": list(sidebars)}
    add_sidebar(app, "index", "page.html", context, None)
    assert context["sidebars"] == shown
    context = {}
    add_sidebar(app, "index", "page.html", context, None)
    assert context == {}  # a theme without sidebars


def test_html_sidebars_set_keeps_the_themes() -> None:
    for given in ({"html_sidebars": {}}, {}):
        overrides = {} if given else {"html_sidebars": {}}
        app = SimpleNamespace(config=SimpleNamespace(_raw_config=given, _overrides=overrides))
        context = {"sidebars": ["sidebar/navigation.html"]}
        add_sidebar(app, "index", "page.html", context, None)
        assert context["sidebars"] == ["sidebar/navigation.html"]


def test_colon_fence_warning_names_the_line_of_an_md_page_only(make_app, tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_cv"]\nproject = "Ada"\nmyst_enable_extensions = []\n'
        "cv_web_features = False\n"
    )
    (tmp_path / "index.md").write_text(
        "# Ada\n\nText.\n\n  :::{note}\n  A note.\n  :::\n\n```{toctree}\nother\n```\n"
    )
    (tmp_path / "other.rst").write_text("Other\n=====\n\n:::{note}\n")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    warnings = strip_colors(app.warning.getvalue()).replace(str(tmp_path) + "/", "")
    assert warnings == (
        "index.md:5: WARNING: ':::{' is shown as text: add 'colon_fence' to"
        " myst_enable_extensions [cv.colon-fence]\n"
    )


@pytest.mark.parametrize(
    ("setting", "pages", "read_from"),
    [
        ("", ["index.md", "docs/index.md"], "."),
        ("", ["docs/index.md"], "docs"),
        ("cv_pages_dir = 'pages'\n", ["pages/index.md"], "pages"),
        ("cv_pages_dir = 'pages'\n", ["pages/index.md", "index.md"], "."),
        ("cv_pages_dir = ''\n", ["docs/index.md"], "."),
    ],
)
def test_pages_folder_only_when_the_source_folder_has_no_root_document(
    make_app, tmp_path: Path, setting: str, pages: list[str], read_from: str
) -> None:
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_cv"]\nproject = "Ada"\ncv_web_features = False\n' + setting
    )
    for page in pages:
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text(f"# {page}\n")
    app = make_app("html", srcdir=tmp_path)
    assert Path(app.srcdir) == (tmp_path / read_from).resolve()
