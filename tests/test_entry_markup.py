"""Entries and mentions in each builder's own markup: the LaTeX commands ``sphinxcv.sty``
defines (the PDF's layout relies on their exact arguments), the index entries makeindex
merges, and the HTML elements the site's stylesheet and search read."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import shared
from sphinx.testing.util import SphinxTestApp
from test_bad_input import GLOSSARY, INDEX, build, warnings, write


@pytest.fixture(scope=shared)
def tex(module_app, rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The ``career`` root's LaTeX source."""
    app = module_app("latex", srcdir=rootdir / "test-career", builddir=tmp_path_factory.mktemp("l"))
    app.build()
    assert app.warning.getvalue() == ""
    return (Path(app.outdir) / "ZoeFerreiraNowak.tex").read_text(encoding="utf-8")


def entry(tex: str, anchor: str) -> str:
    """The LaTeX of the entry with *anchor*, from the blank lines before it to its end."""
    at = tex.index(f"{{{anchor}}}")
    start = tex.rindex("\n\n\\begin{sphinxcventry}", 0, at)
    return tex[start : tex.index("\\end{sphinxcventry}\n", at) + len("\\end{sphinxcventry}\n")]


def test_entry_without_dates_or_details_has_empty_arguments(tex: str) -> None:
    assert entry(tex, "more:entry-portuguese") == (
        "\n\n\\begin{sphinxcventry}\n\\sphinxcventryheader{\\phantomsection"
        "\\label{\\detokenize{more:entry-portuguese}}Portuguese"
        "\\sphinxcventryorg{ — Native speaker}}{}{}\n\n\\end{sphinxcventry}\n"
    )


def test_entry_details_are_the_headers_third_argument(tex: str) -> None:
    assert entry(tex, "more:entry-mountaineering") == (
        "\n\n\\begin{sphinxcventry}\n\\sphinxcventryheader{\\phantomsection"
        "\\label{\\detokenize{more:entry-mountaineering}}Mountaineering}{}"
        "{Alps, Via ferrata, Tatra}\n\n\\end{sphinxcventry}\n"
    )


def test_entry_dates_are_one_box_between_heading_and_details(tex: str) -> None:
    assert entry(tex, "index:entry-code-club-munchen").startswith(
        "\n\n\\begin{sphinxcventry}\n\\sphinxcventryheader{\\phantomsection"
        "\\label{\\detokenize{index:entry-code-club-munchen}}Mentor\\sphinxcventryorg{ — "
        "\\sphinxhref{https://codeclub.example.org/}{Code Club München}}}"
        "{\\mbox{2019 – present}}{}\n\n\\sphinxAtStartPar\nTeaches children"
    )
    assert "{\\mbox{Mar 2021 – present}}{München, Germany · Warehouse logistics}\n" in tex
    assert "{\\mbox{Oct 2018 – Feb 2021}}{Malmö, Sweden}\n" in tex
    assert "{\\mbox{Oct 1, 2013 – Jun 30, 2015}}{Kraków, Poland}\n" in tex
    assert "{\\mbox{Apr 2022}}{talk · Speaker, Author}\n" in tex  # the same start and end


def test_skills_line_is_the_label_then_each_skill_indexed(tex: str) -> None:
    line = entry(tex, "index:entry-code-club-munchen").split("\\sphinxAtStartPar\n")[-1]
    assert line.startswith(
        "\\sphinxstylestrong{Skills:}\u00a0\\index{Python@\\spxentry{Python}}\\phantomsection"
        "\\label{\\detokenize{index:skill-mention-17}}{\\hyperref[\\detokenize{skills:skill-python}]"
    )


def test_skills_page_is_one_line_of_names_per_category(tex: str) -> None:
    line = next(line for line in tex.splitlines() if "{Infrastructure:}" in line)
    assert line == (
        "\\sphinxstylestrong{Infrastructure:}\u00a0"
        + ", ".join(
            f"\\phantomsection\\label{{\\detokenize{{skills:skill-{key}}}}}"
            f"\\DUrole{{cv-skill-name}}{{{name}}}"
            for key, name in (
                ("kubernetes", "Kubernetes"),
                ("terraform", "Terraform"),
                ("linux", "Linux"),
            )
        )
    )


def test_pdf_index_marks_no_definition_main_but_keeps_other_main_entries(
    make_app, tmp_path: Path
) -> None:
    """makeindex merges a page only with entries of the same mark: a definition's page
    marked "main" and a mention on it would print "Go, 1, 1"."""
    index = INDEX.replace("Uses", "```{index} ! Observability\n```\n\nUses")
    app = build(make_app, write(tmp_path, GLOSSARY, index=index), "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "\\index{Observability@\\spxentry{Observability}|spxpagem}" in tex
    assert tex.count("\\index{Go@\\spxentry{Go}}") == 2  # the mention, the definition
    assert "Go}|spxpagem" not in tex


@pytest.fixture(scope=shared)
def html(module_app, rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    app = module_app("html", srcdir=rootdir / "test-career", builddir=tmp_path_factory.mktemp("h"))
    app.build()
    return app


def test_entry_details_are_a_paragraph_under_the_header(html: SphinxTestApp) -> None:
    page = BeautifulSoup((Path(html.outdir) / "more.html").read_text(), "html.parser")
    card = page.find(id="entry-mountaineering").find_parent("div", class_="sd-card")
    meta = card.select_one("div.sd-card-body > p.cv-entry-meta")
    assert meta is not None
    assert meta.get_text() == "Alps, Via ferrata, Tatra"
    assert meta.find_previous_sibling("div")["class"] == ["sd-card-title", "cv-entry-header"]


ENDED = """\
# Projects

```{cv:project} Old tool
:end: 2019

Retired.
```

```{cv:project} Undated tool

No dates.
```
"""


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_entry_with_only_an_end_shows_that_date(make_app, tmp_path: Path, builder: str) -> None:
    index = INDEX.replace("skills\n", "skills\nprojects\n")
    app = build(make_app, write(tmp_path, index=index, projects=ENDED), builder)
    if builder == "latex":
        tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
        assert "\\label{\\detokenize{projects:entry-old-tool}}Old tool}{\\mbox{2019}}{}\n" in tex
        assert "\\label{\\detokenize{projects:entry-undated-tool}}Undated tool}{}{}\n" in tex
        return
    page = BeautifulSoup((Path(app.outdir) / "projects.html").read_text(), "html.parser")
    old = page.find(id="entry-old-tool").find_parent(class_="cv-entry")
    assert str(old.select_one(".cv-entry-dates")) == (
        '<span class="cv-entry-dates"><time datetime="2019">2019</time></span>'
    )
    undated = page.find(id="entry-undated-tool").find_parent(class_="cv-entry")
    assert undated.select_one(".cv-entry-dates") is None


@pytest.mark.parametrize(
    ("builder", "suffix"), [("man", "1"), ("texinfo", "texi"), ("text", "txt")]
)
def test_builders_without_a_design_of_their_own_show_the_entry_text(
    make_app, rootdir: Path, tmp_path: Path, builder: str, suffix: str
) -> None:
    app = make_app(builder, srcdir=rootdir / "test-career", builddir=tmp_path)
    app.build()
    assert (
        "[cv." not in app.warning.getvalue() and "NotImplementedError" not in app.warning.getvalue()
    )
    text = " ".join(
        " ".join(p.read_text(encoding="utf-8").split())
        for p in Path(app.outdir).rglob(f"*.{suffix}")
    )
    assert "Staff Site Reliability Engineer" in text and "Quellwerk Logistik GmbH" in text
    assert "Alps, Via ferrata, Tatra" in text


def test_kind_option_in_any_case_and_the_default_kind(make_app, tmp_path: Path) -> None:
    page = (
        "# Work\n\n```{cv:entry} Acme\n:kind:  Work \n:position: Developer\n"
        ":location: Berlin\n```\n\n```{cv:entry} Tool\n:entity: Acme\n:type: library\n```\n"
    )
    app = build(
        make_app, write(tmp_path, index=INDEX.replace("skills\n", "skills\nwork\n"), work=page)
    )
    assert app.statuscode == 0, warnings(app)
    acme, tool = app.env.domains["cv"].entries["work"]
    assert (acme.kind, acme.fields) == ("work", (("location", "Berlin"), ("position", "Developer")))
    assert (tool.kind, tool.fields) == ("project", (("entity", "Acme"), ("type", "library")))
    soup = BeautifulSoup((Path(app.outdir) / "work.html").read_text(), "html.parser")
    titles = [" ".join(h.get_text().split()) for h in soup.select(".cv-entry-title")]
    assert titles == ["Developer — Acme", "Tool — Acme"]
    cards = [card["class"] for card in soup.select("div.cv-entry")]
    assert [c[-2:] for c in cards] == [
        ["cv-entry", "cv-entry-work"],
        ["cv-entry", "cv-entry-project"],
    ]


def test_entry_heading_is_one_level_below_its_section_at_most_h6(make_app, tmp_path: Path) -> None:
    entry = "```{{cv:project}} {}\n```\n\n"
    page = (
        "# A\n\n## B\n\n"
        + entry.format("Shallow")
        + "### C\n\n#### D\n\n##### E\n\n"
        + entry.format("Deep")
        + "###### F\n\n"
        + entry.format("Deepest")
    )
    index = INDEX.replace("skills\n", "skills\ndeep\n")
    app = build(make_app, write(tmp_path, index=index, deep=page))
    soup = BeautifulSoup((Path(app.outdir) / "deep.html").read_text(), "html.parser")
    levels = {h.get_text(): h.name for h in soup.select(".cv-entry-title")}
    assert levels == {"Shallow": "h3", "Deep": "h6", "Deepest": "h6"}


def test_pdf_of_part_of_the_site_lists_the_places_in_it_only(make_app, tmp_path: Path) -> None:
    """A PDF rooted below the home page leaves out places on other pages (which come first
    in the site's reading order) and keeps the rest."""
    conf = GLOSSARY + 'latex_documents = [("sub", "sub.tex", "T", "A", "cv")]\n'
    pages = {
        "a": "# A\n\nUses {skill}`Go`.\n",
        "sub": "# Sub\n\n```{toctree}\nskills\nb\n```\n",
        "b": "# B\n\nAlso {skill}`Go`.\n",
    }
    app = build(
        make_app,
        write(tmp_path, conf, index=INDEX.replace("skills\n", "a\nsub\n"), **pages),
        "latex",
    )
    assert app.statuscode == 0, warnings(app)
    tex = (Path(app.outdir) / "sub.tex").read_text(encoding="utf-8")
    page = "\\sphinxcvpage{\\detokenize{b:skill-mention-0}}"
    assert f"\\sphinxstylestrong{{Used in:}} \\sphinxcvpages{{{page}}}" in tex
