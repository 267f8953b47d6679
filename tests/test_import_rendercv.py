"""RenderCV YAML read into a :class:`Document` (``sphinx_cv.importers.rendercv``), directly.

``test_import.py`` imports RenderCV's own example and a file with every entry type and
builds them; these pin how each field is read: titles, links, dates, the body of
values with no option, profiles, the header, skills lines, the paper, what is kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx_cv.importers.document import Block, Entry, InputError, Markup
from sphinx_cv.importers.rendercv import (
    _profile_url,
    _title,
    _title_and_link,
    _typed_entry,
    entry_type,
    markup,
    read,
)


@pytest.mark.parametrize(
    ("key", "title"),
    [
        ("education_and_training", "Education and Training"),
        ("experience", "Experience"),
        ("Has Space", "Has Space"),
        ("camelCase", "camelCase"),
        ("talks_at_work_and_for_fun", "Talks at Work and for Fun"),
    ],
)
def test_section_titles_as_rendercv_makes_them(key: str, title: str) -> None:
    assert _title(key) == title


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("[FlashInfer](https://x.example)", ("FlashInfer", "https://x.example")),
        ("Plain *b* `c`", ("Plain b c", "")),
        ("[a](https://u.example) b", ("a b", "")),  # a link of part of the name: no URL
    ],
)
def test_a_name_that_is_a_link_gives_the_entrys_url(text: str, result: tuple[str, str]) -> None:
    assert _title_and_link(text) == result


def test_rendercv_markdown_becomes_myst_and_the_rest_is_escaped() -> None:
    text = "**b** *i* `c` `a``b` [l](https://x.example) {x} <y>\nnext  \nlast"
    assert markup(text) == (
        "**b** *i* `c` ``a``b`` [l](<https://x.example>) \\{x\\} \\<y\\>\nnext\nlast"
    )
    assert isinstance(markup(3), Markup) and markup(3) == "3"


def test_profile_addresses() -> None:
    assert _profile_url({"network": "GitHub", "username": "jd"}) == "https://github.com/jd"
    assert _profile_url({"network": "Mastodon", "username": "@u@host.example"}) == (
        "https://host.example/@u"
    )
    assert _profile_url({"network": "YouTube", "username": "jd"}) == "https://youtube.com/@jd"


@pytest.mark.parametrize(
    ("entries", "found"),
    [
        (["text"], "TextEntry"),
        ([{"bullet": "x"}], "BulletEntry"),
        ([{"number": "x"}], "NumberedEntry"),
        ([{"reversed_number": "x"}], "ReversedNumberedEntry"),
        ([{"company": "A", "position": "B"}], "ExperienceEntry"),
        ([{"institution": "U", "area": "A"}], "EducationEntry"),
        ([{"title": "T", "authors": ["A"]}], "PublicationEntry"),
        ([{"name": "N"}], "NormalEntry"),
        ([1, {"label": "a", "details": "b"}], "OneLineEntry"),  # the first that shows one
        ([], None),
        ([{"nothing": 1}], None),
    ],
)
def test_entry_types_by_their_own_fields(entries: list, found: str | None) -> None:
    assert entry_type(entries) == found


def test_an_experience_entry() -> None:
    entry = _typed_entry(
        "ExperienceEntry",
        {
            "company": "[Acme](https://acme.example)",
            "position": "Dev",
            "location": "Here",
            "start_date": "2019-03",
            "end_date": "present",
            "summary": "S *x*",
            "highlights": ["h1 *y*", "h2"],
        },
    )
    assert entry == Entry(
        "work",
        "Acme",
        {
            "url": "https://acme.example",
            "position": "Dev",
            "location": "Here",
            "start": "2019-03",
            "end": "present",
        },
        ["S *x*"],
        ["h1 *y*", "h2"],
    )


def test_a_date_is_a_one_day_period_and_text_that_is_no_date_a_detail() -> None:
    dated = _typed_entry("NormalEntry", {"name": "P", "date": "2020-05"})
    assert (dated.options, dated.paragraphs) == ({"start": "2020-05", "end": "2020-05"}, [])
    undated = _typed_entry(
        "EducationEntry",
        {"institution": "U", "area": "Physics", "degree": "BSc", "date": "Autumn 2016"},
    )
    assert undated.options == {"area": "Physics", "degree": "BSc"}
    assert undated.paragraphs == ["Autumn 2016"]
    both = _typed_entry(
        "ExperienceEntry",
        {"company": "A", "position": "B", "date": "2020", "start_date": "2019", "location": "L"},
    )
    assert both.options == {"position": "B", "location": "L", "start": "2020", "end": "2020"}
    assert both.paragraphs == ["2019"]  # a second start has no option: a detail


def test_a_publication_links_its_doi_and_lists_its_authors() -> None:
    entry = _typed_entry(
        "PublicationEntry",
        {
            "title": "Paper",
            "authors": ["A *B*", "C"],
            "doi": "10.1/x",
            "url": "https://u.example",
            "journal": "J",
            "date": "2021-01",
        },
    )
    assert entry.options == {"url": "https://doi.org/10.1/x", "publisher": "J", "date": "2021-01"}
    assert entry.paragraphs == ["https://u.example", "A *B*, C"]
    assert isinstance(entry.paragraphs[1], Markup)


def test_values_with_no_option_open_the_body_in_one_line() -> None:
    entry = _typed_entry(
        "EducationEntry",
        {"institution": "U", "area": "A", "location": "Aarhus", "date": "Autumn 2016"},
    )
    assert entry.paragraphs == ["Aarhus · Autumn 2016"]
    empty = _typed_entry("NormalEntry", {"name": "P", "location": "", "summary": ""})
    assert (empty.options, empty.paragraphs, empty.highlights) == ({}, [], [])


CV = """\
cv:
  name: "  Søren   Øster "
  headline: Firmware *engineer*
  location: Aarhus
  email: [a@example.org, b@example.org]
  phone: "+4512345678"
  website: https://s.example/
  social_networks:
    - network: GitHub
      username: soren
  custom_connections:
    - placeholder: Calendar
      url: https://cal.example/s
      fontawesome_icon: calendar
    - placeholder: On leave until May
      url: null
      fontawesome_icon: plane
  sections:
    summary:
      - Builds **things**.
    experience:
      - company: Acme
        position: Dev
        start_date: 2020-01
        end_date: present
    skills:
      - label: Languages
        details: C, Rust ,, Python
      - label: Tools
        details: Yocto
    talks:
      - bullet: One
      - bullet: Two
    patents:
      - number: P1
    more:
      - label: Plain
        details: "**bold**"
design:
  page:
    size: us-letter
locale:
  language: en
"""


def test_a_rendercv_file_as_a_document(tmp_path: Path) -> None:
    document = read(CV, "cv.yaml", tmp_path)
    assert document.name == "Søren Øster"
    assert document.person == {
        "cv_name": "Søren Øster",
        "cv_headline": "Firmware *engineer*",
        "cv_location": "Aarhus",
        "cv_email": "a@example.org",
        "cv_phone": "+4512345678",
        "cv_website": "https://s.example/",
        "cv_links": [
            ("Email", "mailto:b@example.org"),
            ("GitHub", "https://github.com/soren"),
            ("Calendar", "https://cal.example/s"),
        ],
        "cv_paper": "letter",
    }
    # each text token is escaped alone: a full stop after markup is escaped (harmless)
    assert document.summary == ["Builds **things**\\.", "On leave until May"]
    assert [s.title for s in document.sections] == ["Experience", "Talks", "Patents", "More"]
    assert document.skills_at == 1  # the skills page where the section was
    assert [(g.category, [s.name for s in g.skills]) for g in document.skills] == [
        ("Languages", ["C", "Rust", "Python"]),
        ("Tools", ["Yocto"]),
    ]
    talks, patents, more = document.sections[1:]
    assert talks.items == [Block("bullets", ["One", "Two"])]
    assert patents.items == [Block("numbered", ["P1"])]
    assert more.items == [Block("bullets", ["**Plain:** **bold**"])]
    assert document.kept == {
        "cv.custom_connections icons": ["calendar", "plane"],
        "design": {"page": {"size": "us-letter"}},
        "locale": {"language": "en"},
    }


def test_skills_lines_with_markup_stay_a_page(tmp_path: Path) -> None:
    text = "cv:\n  name: J\n  sections:\n    skills:\n      - label: A\n        details: '*x*'\n"
    document = read(text, "cv.yaml", tmp_path)
    assert document.skills == []
    assert [s.title for s in document.sections] == ["Skills"]


def test_a_second_summary_is_a_page(tmp_path: Path) -> None:
    text = "cv:\n  name: J\n  sections:\n    summary: [a]\n    Summary: [b, c]\n    x: [d]\n"
    document = read(text, "cv.yaml", tmp_path)
    assert document.summary == ["a"]
    assert [s.title for s in document.sections] == ["Summary", "X"]
    assert document.sections[0].items == [Block("paragraphs", ["b", "c"])]


def test_a_photo_beside_the_file_is_copied_and_a_url_is_named(tmp_path: Path) -> None:
    (tmp_path / "me.png").write_bytes(b"\x89PNG")
    document = read("cv:\n  name: J\n  photo: me.png\n", "cv.yaml", tmp_path)
    assert (document.image, document.files) == ("me.png", {"me.png": tmp_path / "me.png"})
    document = read("cv:\n  name: J\n  photo: https://x.example/me.png\n", "cv.yaml", tmp_path)
    assert (document.image, document.files) == ("https://x.example/me.png", {})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a\n", "cv.yaml:1: (top): a RenderCV file is a mapping with a 'cv' key"),
        ("cv:\n  name: J\nextra: 1\n", "cv.yaml:3: extra: unknown key 'extra': expected cv, "),
        ("cv:\n  name: J\ndesign: 1\n", "cv.yaml:3: design: 'design' is a mapping"),
        ("cv:\n  headline: x\n", "cv.yaml:1: cv: a CV needs the person's name (cv.name)"),
        ("cv:\n  name: J\n  sections: [1]\n", "cv.yaml:3: cv.sections: sections is a mapping"),
        ("cv:\n  name: J\n  sections:\n    x: 1\n", "cv.yaml:4: cv.sections.x: a section is a "),
        (
            "cv:\n  name: J\n  sections:\n    x:\n      - a\n      - bullet: b\n",
            "cv.yaml:6: cv.sections.x[1]: this section's entries are text (TextEntry)",
        ),
        (
            "cv:\n  name: J\n  sections:\n    x:\n      - {nope: 1}\n",
            "cv.yaml:4: cv.sections.x: no entry type matches: each entry is text or has the "
            "fields of one of OneLineEntry, NormalEntry,",
        ),
        ("cv:\n  name: J\n  photo: none.png\n", "cv.yaml:3: cv.photo: no such file: "),
        ("cv: [\n", "cv.yaml:2: invalid YAML: "),
    ],
)
def test_bad_files_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        read(text, "cv.yaml", tmp_path)
    assert str(error.value).startswith(message)


def test_sort_entries_is_kept_as_a_comment(tmp_path: Path) -> None:
    document = read("cv:\n  name: J\n  sort_entries: none\n", "cv.yaml", tmp_path)
    assert document.kept == {"cv.sort_entries": "none"}
    assert "cv_paper" not in document.person
