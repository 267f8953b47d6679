"""A skill's definition and mentions in detail: the details line, the level, a mention
written not to link (``!``), and the anchors the mentions get."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_bad_input import assert_clean, build, warnings, write

SKILLS = """\
# Skills

## Languages

```{cv:skill} Go
:aliases: golang,  Go   lang
:url: https://www.go.dev/
:level:   Master,   8 years

Compiled language.
```

```{cv:skill} Rust
:aliases: rustlang

Systems language.
```

```{cv:skill} Zig
:url: https://ziglang.org/

Small language.
```

```{cv:skill} C

Old language.
```
"""

INDEX = """\
# Jane Doe

Uses {skill}`Go`, {skill}`!Rust` and {skill}`C`.

```{toctree}
skills
```
"""


@pytest.fixture
def app(make_app, tmp_path: Path):
    app = build(make_app, write(tmp_path, index=INDEX, skills=SKILLS))
    assert_clean(app)
    return app


def definition(app, name: str) -> BeautifulSoup:
    page = BeautifulSoup((Path(app.outdir) / "skills.html").read_text(), "html.parser")
    return page.find(id=f"skill-{name}").find_parent("dl")


def test_details_line_is_aliases_then_the_short_url(app) -> None:
    details = definition(app, "go").select_one("p.cv-skill-details")
    assert details.get_text() == "Also: golang, Go lang · go.dev"
    assert details.select_one("span.cv-skill-aliases").get_text() == "Also: golang, Go lang · "
    assert details.select_one("a.reference.external")["href"] == "https://www.go.dev/"
    assert definition(app, "rust").select_one("p.cv-skill-details").get_text() == "Also: rustlang"
    zig = definition(app, "zig").select_one("p.cv-skill-details")
    assert (zig.get_text(), zig.select_one("span.cv-skill-aliases")) == ("ziglang.org", None)
    assert definition(app, "c").select_one("p.cv-skill-details") is None


def test_level_and_description_are_one_line_each(app) -> None:
    go = app.env.domains["cv"].skills["go"]
    assert (go.level, go.description, go.aliases) == (
        "Master, 8 years",
        "Compiled language.",
        ("golang", "Go lang"),
    )
    assert app.env.domains["cv"].skills["c"].level == ""


def test_mention_with_an_exclamation_mark_is_text_not_a_use(app) -> None:
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    paragraph = page.select_one("article p")
    assert paragraph.get_text() == "Uses Go, Rust and C."
    assert [a.get_text() for a in paragraph.select("a")] == ["Go", "C"]
    assert definition(app, "rust").select_one(".cv-skill-usage") is None
    assert [m.target for m in app.env.domains["cv"].mentions["index"]] == ["Go", "C"]


def test_each_mention_has_its_anchor_before_it_numbered_in_reading_order(app) -> None:
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    anchors = [span["id"] for span in page.select("article p span[id^=skill-mention-]")]
    assert anchors == ["skill-mention-0", "skill-mention-1"]
    mentions = app.env.domains["cv"].mentions["index"]
    assert [(m.node_id, m.lineno) for m in mentions] == [
        ("skill-mention-0", 3),
        ("skill-mention-1", 3),
    ]
    for anchor in anchors:
        link = page.find(id=anchor).find_next_sibling("a")
        assert sorted(link["class"]) == ["cv-mention", "internal", "reference"]


def test_used_in_line_is_a_labelled_navigation(app) -> None:
    nav = definition(app, "go").select_one("nav.cv-skill-usage-nav")
    assert nav["aria-label"] == "Where Go is used"
    assert [child.name for child in nav.find_all(recursive=False)] == ["p"]
    assert nav.p["class"] == ["cv-skill-usage"]
    assert " ".join(nav.p.get_text().split()) == "Used in: Jane Doe"
    assert " ".join(nav.get_text().split()) == "Used in: Jane Doe"  # nothing else in the nav
    assert nav.p.strong.get_text() == "Used in:"


def test_aliases_are_terms_with_ids_unique_on_the_page(make_app, tmp_path: Path) -> None:
    skills = (
        "# Skills\n\n```{cv:skill} C++\n:aliases: C lang, cxx\n\nA language.\n```\n\n"
        "```{cv:skill} C#\n:aliases: C# lang\n\nAnother.\n```\n"
    )
    app = build(make_app, write(tmp_path, skills=skills, index=INDEX.replace("Go", "C++")))
    page = BeautifulSoup((Path(app.outdir) / "skills.html").read_text(), "html.parser")
    terms = [(dt["id"], dt.get_text(), dt.parent.name) for dt in page.select("dt.cv-skill-alias")]
    assert terms == [
        ("skill-alias-c-lang", "C lang", "dl"),
        ("skill-alias-cxx", "cxx", "dl"),
        ("skill-alias-c-lang-2", "C# lang", "dl"),
    ]
    cxx = page.find(id="skill-alias-cxx")
    assert cxx.find_previous_sibling("dt")["id"] == "skill-alias-c-lang"


def test_mention_markup_link_then_repeat_as_text(make_app, tmp_path: Path) -> None:
    """The first mention in a section links (titled with the skill's name); a repeat reads
    as text, without the ``xref`` look; an entry's list shows canonical names."""
    index = INDEX.replace("Uses {skill}`Go`,", "Uses {skill}`golang`, {skill}`GO`,")
    projects = "# Work\n\n```{cv:project} Tool\n:skills: golang\n```\n"
    index = index.replace("skills\n", "skills\nprojects\n")
    app = build(make_app, write(tmp_path, index=index, skills=SKILLS, projects=projects))
    assert_clean(app)
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    first, repeat = page.select("article p span.cv-skill")[:2]
    assert (first.get_text(), first["class"], first.parent.name) == (
        "golang",
        ["xref", "cv", "cv-skill"],
        "a",
    )
    assert first.parent["title"] == "Go"
    assert (repeat.get_text(), repeat["class"], repeat.parent.name) == (
        "GO",
        ["cv", "cv-skill"],
        "p",
    )
    work = BeautifulSoup((Path(app.outdir) / "projects.html").read_text(), "html.parser")
    listed = work.select_one("p.cv-entry-skills a span")
    assert (listed.get_text(), listed["class"]) == ("Go", ["xref", "cv", "cv-skill"])


def test_german_cv_counts_entries_and_labels_in_german(make_app, tmp_path: Path) -> None:
    projects = (
        "# Projekte\n\n```{cv:project} Werkzeug\n:start: 2019\n:skills: Go\n```\n\n"
        "```{cv:project} Dienst\n:start: 2021-03\n:end: present\n:skills: Go\n```\n"
    )
    index = INDEX.replace("skills\n", "skills\nprojects\n")
    app = build(
        make_app,
        write(tmp_path, 'language = "de"\n', index=index, skills=SKILLS, projects=projects),
    )
    assert_clean(app)
    go = definition(app, "go")
    assert go.select_one(".cv-skill-evidence").get_text() == "2019–heute · 2 Einträge"
    assert go.select_one("nav")["aria-label"] == "Wo Go verwendet wird"
    assert go.select_one("p.cv-skill-usage strong").get_text() == "Verwendet in:"
    work = BeautifulSoup((Path(app.outdir) / "projects.html").read_text(), "html.parser")
    assert work.select_one("p.cv-entry-skills strong").get_text() == "Kenntnisse:"
    dates = [d.get_text() for d in work.select(".cv-entry-dates")]
    assert dates == ["2019 – heute", "März 2021 – heute"]


def test_mention_opening_a_paragraph_gets_its_anchor(make_app, tmp_path: Path) -> None:
    index = INDEX.replace("Uses {skill}`Go`, {skill}`!Rust` and {skill}`C`.", "{skill}`C` first.")
    app = build(make_app, write(tmp_path, index=index, skills=SKILLS))
    assert_clean(app)
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    paragraph = page.select_one("article p")
    first = next(paragraph.children)
    assert (first.name, first["id"]) == ("span", "skill-mention-0")
    assert first.find_next_sibling("a")["href"] == "skills.html#skill-c"
    assert [m.node_id for m in app.env.domains["cv"].mentions["index"]] == ["skill-mention-0"]


def test_page_contents_list_categories_not_every_skill(app) -> None:
    page = BeautifulSoup((Path(app.outdir) / "skills.html").read_text(), "html.parser")
    listed = [" ".join(a.get_text().split()) for a in page.select(".toc-tree a")]
    assert listed == ["Skills", "Languages"]


def test_aliases_after_a_left_out_one_are_kept(make_app, tmp_path: Path) -> None:
    aliases = "go, golang, GOLANG, Go lang"
    skills = f"# Skills\n\n```{{cv:skill}} Go\n:aliases: {aliases}\n\nLanguage.\n```\n"
    app = build(make_app, write(tmp_path, skills=skills))
    assert app.env.domains["cv"].skills["go"].aliases == ("golang", "Go lang")
    assert warnings(app) == (
        "skills.md:3: WARNING: alias 'go' of skill 'Go' is its own name; it is left out"
        " [cv.alias]\n"
        "skills.md:3: WARNING: alias 'GOLANG' of skill 'Go' is listed twice; it is left out"
        " [cv.alias]\n"
    )
