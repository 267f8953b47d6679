"""``sphinx-cv import``'s halves called directly: JSON Resume read into a :class:`Document`,
and a Document written as MyST (``sphinx_cv.importers.jsonresume`` and ``.myst``).

``test_import.py`` checks that escaped text renders as written and that imported CVs
build; these pin how each field is read and how each part of a Document is written:
fences, options, lists, page names, the skills page's place, ``conf.py``.
"""

from __future__ import annotations

import json

import pytest
from sphinx_cv.importers import jsonresume
from sphinx_cv.importers.document import (
    Block,
    Document,
    Entry,
    InputError,
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


# -- JSON Resume read into a Document (what is then written as MyST) ----------------

RESUME = {
    "$schema": "https://example.org/schema.json",
    "basics": {
        "name": " Jane  Doe ",
        "label": "Dev",
        "email": "j@example.org",
        "phone": "+1",
        "url": "https://j.example",
        "summary": "One\n\nTwo  lines\nhere",
        "image": "https://j.example/p.png",
        "location": {"city": "Berlin", "countryCode": "DE"},
        "profiles": [
            {"network": "GitHub", "username": "jd", "url": "https://github.com/jd"},
            {"network": "Matrix", "username": "@jd:x.example"},
            {"username": "solo"},
            {"network": "", "username": ""},
        ],
    },
    "work": [
        {
            "name": "Acme",
            "position": "Dev",
            "location": {
                "address": "1 Rue",
                "postalCode": "75001",
                "city": "Paris",
                "region": "IDF",
                "countryCode": "FR",
            },
            "description": "Rockets",
            "url": "https://acme.example",
            "startDate": "2020-01",
            "summary": "Did things.\n\nMore.",
            "highlights": ["h1"],
        }
    ],
    "education": [
        {
            "institution": "U",
            "area": "CS",
            "studyType": "BSc",
            "score": "1.0",
            "courses": ["C1", "C2"],
            "location": "Berlin",
        }
    ],
    "projects": [
        {"name": "P", "description": "Desc", "keywords": ["go", "Rust"], "roles": ["Lead"]}
    ],
    "awards": [],
    "skills": [
        {"name": "Languages", "level": "Expert", "keywords": ["Go", "Python"]},
        {"name": "Docker"},
    ],
    "meta": {"canonical": "https://j.example/resume.json", "version": "v1"},
}


def test_json_resume_as_a_document() -> None:
    document = jsonresume.read(json.dumps(RESUME), "cv.json")
    assert document.name == "Jane Doe"
    assert document.person == {
        "cv_name": "Jane Doe",
        "cv_headline": "Dev",
        "cv_email": "j@example.org",
        "cv_phone": "+1",
        "cv_website": "https://j.example",
        "cv_location": {"city": "Berlin", "countryCode": "DE"},
        "cv_links": [("GitHub", "https://github.com/jd")],
        "html_baseurl": "https://j.example/",  # from meta.canonical
    }
    # the summary's paragraphs, then the profiles without an address
    assert document.summary == ["One", "Two lines here", "Matrix: @jd:x.example", "solo"]
    assert document.image == "https://j.example/p.png"
    assert document.kept == {"meta": {"version": "v1"}, "$schema": RESUME["$schema"]}
    assert [(s.title, s.slug) for s in document.sections] == [
        ("Work", "work"),
        ("Education", "education"),
        ("Projects", "projects"),
    ]  # an empty section is no page
    work, education, project = (s.items[0] for s in document.sections)
    assert work == Entry(
        "work",
        "Acme",
        {
            "position": "Dev",
            "location": "1 Rue, 75001 Paris, IDF, FR",
            "description": "Rockets",
            "url": "https://acme.example",
            "start": "2020-01",
        },
        ["Did things.", "More."],
        ["h1"],
    )
    assert education == Entry(
        "education",
        "U",
        {"area": "CS", "degree": "BSc", "score": "1.0", "courses": "C1, C2"},
        ["Berlin"],  # no location option for a degree: its body
    )
    assert project == Entry("project", "P", {"skills": "Go, Rust", "roles": "Lead"}, ["Desc"])
    assert [(g.category, [(s.name, s.level) for s in g.skills]) for g in document.skills] == [
        ("Languages", [("Go", "Expert"), ("Python", "Expert")]),
        ("Docker", [("Docker", "")]),  # no keywords: the category is the skill
        ("Other", [("Rust", "")]),  # a project's keyword no skill names
    ]


@pytest.mark.parametrize(
    ("meta", "kept", "baseurl"),
    [
        ({"canonical": "http://j.example/cv/resume.json"}, {}, "http://j.example/cv/"),
        (
            {"canonical": "ftp://j.example/resume.json"},
            {"canonical": "ftp://j.example/resume.json"},
            None,
        ),
        (
            {"canonical": "https://j.example/cv.json"},
            {"canonical": "https://j.example/cv.json"},
            None,
        ),
        ({}, {}, None),
    ],
)
def test_a_canonical_resume_address_gives_the_sites_address(meta, kept, baseurl) -> None:
    document = jsonresume.read(json.dumps({"basics": {"name": "J"}, "meta": meta}), "cv.json")
    assert document.kept.get("meta", {}) == kept
    assert document.person.get("html_baseurl") == baseurl


def test_a_minimal_resume() -> None:
    document = jsonresume.read('{"basics": {"name": "J"}}', "cv.json")
    assert (document.person, document.summary, document.sections, document.skills) == (
        {"cv_name": "J"},
        [],
        [],
        [],
    )
    assert (document.image, document.kept) == ("", {})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"basics": {"name": "  "}}, "cv.json: $.basics.name: a CV needs the person's name"),
        ({}, "cv.json: $.basics.name: a CV needs the person's name"),
        (
            {"basics": {"name": "J"}, "skills": [{"level": "x"}]},
            "cv.json: $.skills[0].name: sphinx-cv needs each skill category's name",
        ),
        (
            {"basics": {"name": "J"}, "awards": [{"awarder": "x"}]},
            "cv.json: $.awards[0].title: sphinx-cv needs each entry's title",
        ),
        (
            {"basics": {"name": "J"}, "work": [{"name": "A", "highlights": ["a, b"]}]},
            None,  # highlights are no comma-separated option
        ),
        (
            {"basics": {"name": "J"}, "projects": [{"name": "A", "roles": ["a", "b, c"]}]},
            "cv.json: $.projects[0].roles[1]: 'b, c' holds a comma; sphinx-cv writes roles as a "
            "comma-separated list: split the item",
        ),
        (
            {"basics": {"name": "J"}, "work": [{"name": "A", "location": {"city": 1}}]},
            "cv.json: $.work[0].location.city: 1 is not of type 'string'",
        ),
        (
            {"basics": {"name": "J"}, "work": [{"name": "A", "location": {"town": "x"}}]},
            "cv.json: $.work[0].location.town: unknown key 'town'",
        ),
    ],
)
def test_json_resume_mistakes_name_their_path(data, message) -> None:
    if message is None:
        jsonresume.read(json.dumps(data), "cv.json")
        return
    with pytest.raises(InputError) as error:
        jsonresume.read(json.dumps(data), "cv.json")
    assert str(error.value) == message


def test_paths_and_places() -> None:
    assert jsonresume.json_path(["work", 0, "startDate"]) == "$.work[0].startDate"
    assert jsonresume.json_path([]) == "$"
    assert jsonresume._place_text({"city": "Palo Alto", "region": "California"}) == (
        "Palo Alto, California"
    )
    assert jsonresume._place_text({"postalCode": "94301", "countryCode": "US"}) == "94301, US"


@pytest.mark.parametrize("length", range(60, 100))
def test_conf_py_stays_within_88_columns_whatever_a_values_length(length: int) -> None:
    text = ("word " * length)[:length]
    kept = {"meta": {"note": text}, "cv.sort_entries": text.split()}
    conf = files(
        Document("J", person={"cv_headline": text, "cv_links": [("Site", text)]}, kept=kept),
        "cv.json",
    )["conf.py"]
    assert max(len(line) for line in conf.splitlines()) <= 88, conf
    namespace: dict = {}
    exec(compile(conf, "conf.py", "exec"), namespace)
    assert (namespace["cv_headline"], namespace["cv_links"]) == (text, [("Site", text)])
    comment = conf.split("has no setting for:\n", 1)[1]
    assert eval("\n".join(line.removeprefix("# ") for line in comment.splitlines())) == kept
