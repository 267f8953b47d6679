"""The MyST text ``sphinx-cv import`` writes (``sphinx_cv.importers.myst``), page by page.

``test_import.py`` checks that escaped text renders as written and that imported CVs
build; these pin how each part of a :class:`Document` is written: fences, options,
lists, page names, the skills page's place, ``conf.py``.
"""

from __future__ import annotations

import pytest
from sphinx_cv.importers.document import (
    Block,
    Document,
    Entry,
    Markup,
    Section,
    Skill,
    SkillGroup,
    link,
)
from sphinx_cv.importers.myst import (
    block,
    bullets,
    entry,
    escape,
    files,
    one_line,
    paragraphs,
    slug,
)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a*b_c", r"a\*b\_c"),
        (r"\ ` { } [ ] < > & | ~ $", r"\\ \` \{ \} \[ \] \< \> \& \| \~ \$"),
        ("# d", r"\# d"),
        ("1. x", r"1\. x"),
        ("12) z", r"12\) z"),
        ("  - y", r"  \- y"),
        ("+ = > : % | ! ( . )", r"\+ = > : % | ! ( . )".replace(">", r"\>").replace("|", r"\|")),
        ("a # b - c", "a # b - c"),  # not at a line's start
        ("one\n# two\n- three", "one\n\\# two\n\\- three"),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


def test_markup_is_written_as_it_is() -> None:
    assert escape(Markup("**b** # x")) == "**b** # x"


def test_one_line_and_paragraphs() -> None:
    assert one_line("  a\n b\t c ") == "a b c"
    assert paragraphs("a\n b\n\n \n\nc  d\n") == ["a b", "c d"]
    assert paragraphs("  \n\n") == []


@pytest.mark.parametrize(
    ("title", "name"),
    [("Zoë & Co — 2024!", "zoe-co-2024"), ("!!!", "section"), ("Éducation", "education")],
)
def test_slug(title: str, name: str) -> None:
    assert slug(title) == name


def test_an_entry_is_a_fenced_directive_with_options_body_and_highlights() -> None:
    item = Entry(
        "work",
        "Acme\n Ltd",
        {"position": "Dev\nLead", "url": " ", "start": "2020"},
        ["p1 *x*", "p2"],
        ["h1", "h2 # not a heading"],
    )
    assert entry(item) == (
        "```{cv:work} Acme Ltd\n:position: Dev Lead\n:start: 2020\n\n"
        "p1 \\*x\\*\n\np2\n\n- h1\n- h2 # not a heading\n```"
    )


def test_a_name_with_a_backtick_gets_a_tilde_fence() -> None:
    assert entry(Entry("award", "The `x` prize")) == "~~~{cv:award} The `x` prize\n~~~"


def test_an_entry_without_a_body() -> None:
    assert (
        entry(Entry("award", "Prize", {"date": "2020"})) == "```{cv:award} Prize\n:date: 2020\n```"
    )


def test_lists_and_blocks() -> None:
    assert bullets(["a\nb", Markup("x\ny")], numbered=True) == "1. a b\n2. x\n   y"
    assert bullets([Markup("x\ny"), "*"]) == "- x\n  y\n- \\*"
    assert block(Block("paragraphs", ["a", "# b"])) == "a\n\n\\# b"
    assert block(Block("bullets", ["a", "b"])) == "- a\n- b"
    assert block(Block("numbered", ["a", "b"])) == "1. a\n2. b"


def document(**values) -> Document:
    return Document(
        "Jane <Doe>",
        person={"cv_headline": "Dev", "cv_links": [("GitHub", "https://github.com/jd")]},
        summary=["Hi *there*", "Again"],
        sections=[
            Section("Work", "work", [Block("bullets", ["a"])]),
            Section("Index", "index"),
            Section("Work 2", "work"),
            Section("Skills", "skills"),
        ],
        **{
            "skills": [
                SkillGroup("", [Skill("Go", "Expert")]),
                SkillGroup("Tools", [Skill("Make")]),
            ],
            **values,
        },
    )


def test_pages_get_free_names_and_the_home_page_lists_them() -> None:
    written = files(document(skills_at=1), "cv.json")
    assert list(written) == [
        "docs/work.md",
        "docs/skills.md",
        "docs/index-2.md",
        "docs/work-2.md",
        "docs/skills-2.md",
        "docs/index.md",
        "conf.py",
    ]
    assert written["docs/work.md"] == "# Work\n\n- a\n"
    assert written["docs/index-2.md"] == "# Index\n"
    assert written["docs/index.md"] == (
        "# Jane \\<Doe\\>\n\nHi \\*there\\*\n\nAgain\n\n"
        "```{toctree}\n:hidden:\n\nwork\nskills\nindex-2\nwork-2\nskills-2\n```\n"
    )


def test_the_skills_page_by_category_with_levels() -> None:
    written = files(document(skills_at=1), "cv.json")
    assert written["docs/skills.md"] == (
        "# Skills\n\n```{cv:skill} Go\n:level: Expert\n```\n\n## Tools\n\n```{cv:skill} Make\n```\n"
    )


def test_the_skills_page_comes_last_unless_placed() -> None:
    assert list(files(document(), "cv.json"))[:5] == [
        "docs/work.md",
        "docs/index-2.md",
        "docs/work-2.md",
        "docs/skills-2.md",
        "docs/skills.md",
    ]
    assert next(iter(files(document(skills_at=0), "cv.json"))) == "docs/skills.md"


def test_without_skills_a_section_may_be_called_skills() -> None:
    written = files(document(skills=[]), "x.yaml")
    assert "docs/skills.md" in written and written["docs/skills.md"] == "# Skills\n"
    assert "docs/skills-2.md" not in written


def test_a_cv_with_only_a_name() -> None:
    written = files(Document("Jane"), "cv.json")
    assert written["docs/index.md"] == "# Jane\n"
    assert list(written) == ["docs/index.md", "conf.py"]


def test_conf_py_has_the_person_and_what_has_no_setting() -> None:
    conf = files(document(image="https://x.example/p.png", kept={"meta": {"v": 1}}), "a\nb.json")[
        "conf.py"
    ]
    assert conf == (
        "# Sphinx configuration of the CV of Jane <Doe>,\n"
        "# imported from a b.json by sphinx-cv import.\n"
        "\n"
        "project = 'Jane <Doe>'\n"
        "author = 'Jane <Doe>'\n"
        "copyright = 'Jane <Doe>'\n"
        "\n"
        'extensions = ["sphinx_cv"]\n'
        'smartquotes = False  # the text as imported: straight quotes, "--" not a dash\n'
        "\n"
        "# who the CV is about, shown under the name on the site and in the PDF\n"
        "cv_headline = 'Dev'\n"
        "cv_links = [('GitHub', 'https://github.com/jd')]\n"
        "\n"
        "# The photo's address: save the photo beside conf.py and name the file here\n"
        "# (the site loads nothing from another origin).\n"
        "# html_logo = 'https://x.example/p.png'\n"
        "\n"
        "# Values of a b.json that sphinx-cv has no setting for:\n"
        "# {'meta': {'v': 1}}\n"
    )
    namespace: dict = {}
    exec(compile(conf, "conf.py", "exec"), namespace)
    assert namespace["project"] == "Jane <Doe>"


def test_conf_py_names_a_copied_photo(tmp_path) -> None:
    conf = files(document(image="photo.jpg", files={"photo.jpg": tmp_path}), "cv.yaml")["conf.py"]
    assert "\nhtml_logo = 'photo.jpg'  # the photo\n" in conf
    assert "save the photo" not in conf
    assert "# html_logo = ''" not in files(document(), "cv.yaml")["conf.py"]


def test_long_values_are_wrapped_as_python() -> None:
    links = [(f"Site {n}", f"https://example.org/{'x' * 20}/{n}") for n in range(4)]
    conf = files(Document("J", person={"cv_links": links}), "cv.json")["conf.py"]
    namespace: dict = {}
    exec(compile(conf, "conf.py", "exec"), namespace)
    assert namespace["cv_links"] == links
    assert max(len(line) for line in conf.splitlines()) <= 88


def test_a_skill_is_defined_once_in_its_first_category() -> None:
    cv = Document("J")
    cv.add_skills([SkillGroup("Languages", [Skill("Go"), Skill("C")])])
    cv.add_skills(
        [SkillGroup("Tools", [Skill("go"), Skill("Make")]), SkillGroup("More", [Skill("MAKE")])]
    )
    assert [(g.category, [s.name for s in g.skills]) for g in cv.skills] == [
        ("Languages", ["Go", "C"]),
        ("Tools", ["Make"]),
    ]
    assert cv.notes == [
        "skill 'go' of 'Tools': defined once, in 'Languages'",
        "skill 'MAKE' of 'More': defined once, in 'Tools'",
    ]


@pytest.mark.parametrize(
    ("args", "item"),
    [
        (("GitHub", "https://github.com/jd"), ("GitHub", "https://github.com/jd")),
        (("GitHub", "https://github.com/jd/", "jd"), ("GitHub", "https://github.com/jd/")),
        (("X", "https://x.example/u/jd", "@jd"), ("X", "https://x.example/u/jd", "@jd")),
        (("X", "https://x.example/", ""), ("X", "https://x.example/")),
    ],
)
def test_a_link_keeps_a_username_its_address_does_not_end_with(args, item) -> None:
    assert link(*args) == item
