"""The domain's three indexes, row by row, on the ``skills`` root: what each row links to,
its subtype (a skill with places under it, a place, a lone skill) and its evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx_cv.indices import CategoryIndex, EntryIndex, SkillIndex
from sphinx_cv.uses import entry_skills, places_outside_entries
from test_bad_input import INDEX, SKILLS, build, warnings, write
from test_skills import built

__all__ = ["built"]  # the ``skills`` root built once, as test_skills builds it


def rows(index_class: type, app: SphinxTestApp, docnames: set[str] | None = None) -> list:
    content, collapse = index_class(app.env.domains["cv"]).generate(docnames)
    assert collapse is False
    return [(group, [tuple(entry) for entry in entries]) for group, entries in content]


GO = ("Go", 1, "skills", "skill-go", "Programming languages", "", "2021–2023 · 1 entry")
KUBERNETES = (
    "Kubernetes",
    1,
    "skills",
    "skill-kubernetes",
    "Kubernetes",
    "",
    "2021–2023 · 1 entry",
)
POSTGRESQL = ("PostgreSQL", 1, "skills", "skill-postgresql", "Databases", "", "1 entry")
WALG = ("WAL-G", 1, "skills", "skill-wal-g", "Databases", "", "1 entry")


def place(label: str, docname: str, anchor: str) -> tuple:
    return (label, 2, docname, anchor, "", "", "")


def test_skills_a_to_z_with_every_place(built: SphinxTestApp) -> None:
    assert rows(SkillIndex, built) == [
        (
            "C",
            [
                ("Cilium", 1, "skills", "skill-cilium", "Networking", "", ""),
                place("Experience › Clusters", "experience", "skill-mention-1"),
            ],
        ),
        (
            "G",
            [
                GO,
                place("Jane Doe", "index", "skill-mention-1"),
                place("Experience › Tooling", "experience", "skill-mention-4"),
                place("Projects › Cluster autoscaler", "projects", "skill-mention-1"),
            ],
        ),
        (
            "K",
            [
                KUBERNETES,
                place("Jane Doe", "index", "skill-mention-0"),
                place("Experience › Clusters", "experience", "skill-mention-0"),
                place("Projects › Cluster autoscaler", "projects", "skill-mention-0"),
            ],
        ),
        (
            "P",
            [
                POSTGRESQL,
                place("Experience › Clusters", "experience", "skill-mention-2"),
                place("Projects › Backup service", "projects", "skill-mention-3"),
                ("Python", 1, "skills", "skill-python", "Programming languages", "", ""),
                place("Experience › Tooling", "experience", "skill-mention-6"),
            ],
        ),
        ("R", [("Redis", 0, "skills", "skill-redis", "Databases", "", "")]),  # never mentioned
        (
            "W",
            [
                WALG,
                place("Experience › Clusters", "experience", "skill-mention-3"),
                place("Projects › Backup service", "projects", "skill-mention-4"),
            ],
        ),
    ]


@pytest.mark.parametrize(
    ("docnames", "letters"),
    [({"projects"}, ["G", "K", "P", "W"]), ({"index"}, ["G", "K"]), (set(), [])],
)
def test_skills_a_to_z_of_some_pages_has_their_places_only(
    built: SphinxTestApp, docnames: set[str], letters: list[str]
) -> None:
    """An output of some pages (LaTeX) indexes the skills mentioned there, with those places."""
    content = rows(SkillIndex, built, docnames)
    assert [letter for letter, _entries in content] == letters
    for _letter, entries in content:
        assert entries[0][1] == 1
        assert {docname for _n, subtype, docname, *_ in entries if subtype == 2} <= docnames


def test_skills_by_category_in_definition_order_names_a_to_z(built: SphinxTestApp) -> None:
    lone = [(name, 0, "skills", f"skill-{name.casefold()}", "", "", "") for name in ("Python",)]
    assert rows(CategoryIndex, built) == [
        (
            "Programming languages",
            [("Go", 0, "skills", "skill-go", "", "", "2021–2023 · 1 entry"), *lone],
        ),
        ("Kubernetes", [("Kubernetes", 0, "skills", "skill-kubernetes", "", "", GO[6])]),
        ("Networking", [("Cilium", 0, "skills", "skill-cilium", "", "", "")]),
        (
            "Databases",
            [
                ("PostgreSQL", 0, "skills", "skill-postgresql", "", "", "1 entry"),
                ("Redis", 0, "skills", "skill-redis", "", "", ""),
                ("WAL-G", 0, "skills", "skill-wal-g", "", "", "1 entry"),
            ],
        ),
    ]


def test_entries_with_their_skills_under_their_pages_title(built: SphinxTestApp) -> None:
    assert rows(EntryIndex, built) == [
        (
            "Projects",
            [
                ("Cluster autoscaler", 1, "projects", "entry-cluster-autoscaler", "", "", ""),
                ("Go", 2, "skills", "skill-go", "", "", "Programming languages"),
                ("Kubernetes", 2, "skills", "skill-kubernetes", "", "", "Kubernetes"),
                ("Backup service", 1, "projects", "entry-backup-service", "", "", ""),
                ("PostgreSQL", 2, "skills", "skill-postgresql", "", "", "Databases"),
                ("WAL-G", 2, "skills", "skill-wal-g", "", "", "Databases"),
            ],
        )
    ]


def test_an_entry_uses_the_skills_it_lists_and_mentions(built: SphinxTestApp) -> None:
    domain = built.env.domains["cv"]
    autoscaler, backup = domain.entries["projects"]
    assert entry_skills(domain, autoscaler) == {"go", "kubernetes"}  # golang, Kubernetes
    assert entry_skills(domain, backup) == {"postgresql", "wal-g"}  # by their aliases


def test_places_outside_entries_are_the_first_mention_of_each_section(
    built: SphinxTestApp,
) -> None:
    domain = built.env.domains["cv"]
    places = places_outside_entries(domain, "go")
    assert [(m.docname, m.section, m.target) for m in places] == [
        ("index", "Jane Doe", "golang"),
        ("experience", "Tooling", "Go"),  # then GOLANG in the same section: one place
    ]
    assert places_outside_entries(domain, "redis") == []


def test_categories_follow_the_pages_order_then_the_lines(make_app, tmp_path: Path) -> None:
    """A category defined late on the first page comes before one early on the second."""
    first = "# First\n\n" + "Text.\n\n" * 6 + "## Late\n\n```{cv:skill} Zed\n\nZ.\n```\n"
    second = "# Second\n\n## Early\n\n```{cv:skill} Alpha\n\nA.\n```\n"
    index = INDEX.replace("skills\n", "first\nsecond\n")
    app = build(make_app, write(tmp_path, index=index, first=first, second=second, skills=SKILLS))
    assert [group for group, _entries in rows(CategoryIndex, app)] == [
        "Late",
        "Early",
        "Languages",
    ]


def test_an_entry_uses_the_skills_its_text_mentions_and_none_without(
    make_app, tmp_path: Path
) -> None:
    """A skill only mentioned in an entry's text is one it uses; an entry on a page that
    mentions no skill uses none."""
    talks = "# Talks\n\n```{cv:entry} Meetup talk\n\nOn {skill}`Go` and {skill}`go`.\n```\n"
    awards = "# Awards\n\n```{cv:award} Best paper\n:date: 2020\n```\n"
    index = INDEX.replace("skills\n", "skills\ntalks\nawards\n")
    app = build(make_app, write(tmp_path, index=index, talks=talks, awards=awards))
    domain = app.env.domains["cv"]
    (talk,), (award,) = domain.entries["talks"], domain.entries["awards"]
    assert entry_skills(domain, talk) == {"go"}
    assert entry_skills(domain, award) == set()
    # in the entries index, a lone row
    assert dict(rows(EntryIndex, app))["Awards"] == [
        ("Best paper", 0, "awards", "entry-best-paper", "", "", "")
    ]


def test_places_follow_the_toctree_not_the_page_names(make_app, tmp_path: Path) -> None:
    """Pages read in the toctree's order, a page in two toctrees at its first place."""
    pages = {
        name: f"# {name.title()}\n\nOn {{skill}}`Go`.\n" for name in ("zeta", "alpha", "nu", "mu")
    }
    pages["zeta"] += "\n```{toctree}\n:hidden:\n\nalpha\n```\n"
    index = INDEX.replace("skills\n", "skills\nzeta\nalpha\nnu\nmu\n")
    app = build(make_app, write(tmp_path, index=index, **pages))
    assert warnings(app) == ""
    ((_letter, go_rows),) = rows(SkillIndex, app)
    assert [row[0] for row in go_rows[1:]] == ["Jane Doe", "Zeta", "Alpha", "Nu", "Mu"]
