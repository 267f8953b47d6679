"""How mentions read and what shows a skill was used: first-mention links, entries and years.

The ``skill-evidence`` root has dated entries (one open, one of a single date, one
without dates), mentions repeated in a section and in an entry, and an unused skill.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import shared
from sphinx.testing.util import SphinxTestApp
from test_skills import soup


@pytest.fixture(scope=shared)
def evidence(module_app, rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The ``skill-evidence`` root: dated entries, repeated mentions, an unused skill."""
    srcdir = rootdir / "test-skill-evidence"
    app = module_app("html", srcdir=srcdir, builddir=tmp_path_factory.mktemp("evidence"))
    app.build()
    return app


def mentions(page: BeautifulSoup) -> list[tuple[str, str]]:
    """Each mention in reading order: its text, and ``link`` or ``text``."""
    found = []
    for anchor in page.select("span.target[id^='skill-mention-']"):
        shown = anchor.find_next_sibling()
        kind = "link" if shown.name == "a" else "text"
        found.append((shown.get_text(), kind))
    return found


def test_evidence_builds_without_warnings(evidence: SphinxTestApp) -> None:
    assert evidence.warning.getvalue() == ""


def test_only_the_first_mention_of_a_skill_in_a_section_or_entry_is_a_link(
    evidence: SphinxTestApp,
) -> None:
    assert mentions(soup(evidence, "index.html")) == [("Kubernetes", "link"), ("k8s", "text")]
    assert mentions(soup(evidence, "career.html")) == [
        # Acme: the body's second Kubernetes is text; the Skills line links every skill
        ("Kubernetes", "link"),
        ("Kubernetes", "text"),
        ("Kubernetes", "link"),
        # Operator: a new entry, so Kubernetes links again
        ("Kubernetes", "link"),
        ("Go", "link"),
        ("Go", "link"),
        ("Go", "link"),  # Best tool's Skills line
        ("golang", "link"),  # University
        # Notes: a new section
        ("Python", "link"),
        ("Python", "text"),
        ("Kubernetes", "link"),
    ]


def test_a_mention_shown_as_text_keeps_its_anchor_and_its_place(evidence: SphinxTestApp) -> None:
    page = soup(evidence, "career.html")
    second = page.select("span.target[id^='skill-mention-']")[1]
    text = second.find_next_sibling()
    assert (text.name, text["class"], text.get_text()) == ("span", ["cv", "cv-skill"], "Kubernetes")
    usage = soup(evidence, "skills.html").find(id="skill-python").find_parent("dl")
    assert [a["href"] for a in usage.select(".cv-skill-usage a")] == [
        f"career.html#{page.find(string='Python').find_parent('a').find_previous_sibling()['id']}"
    ]


def test_every_mention_is_a_link_with_cv_link_mentions_all(
    module_app, rootdir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    app = module_app(
        "html",
        srcdir=rootdir / "test-skill-evidence",
        builddir=tmp_path_factory.mktemp("all"),
        confoverrides={"cv_link_mentions": "all"},
    )
    app.build()
    assert {kind for _text, kind in mentions(soup(app, "career.html"))} == {"link"}
    assert mentions(soup(app, "index.html")) == [("Kubernetes", "link"), ("k8s", "link")]


def test_mention_links_are_marked_for_their_quiet_style(evidence: SphinxTestApp) -> None:
    page = soup(evidence, "career.html")
    link = page.select_one("span.target[id^='skill-mention-'] + a")
    assert "cv-mention" in link["class"]
    used_in = soup(evidence, "skills.html").select_one(".cv-skill-usage a")
    assert "cv-mention" not in used_in["class"]  # the evidence links keep the link style


def test_definition_shows_the_entries_years_and_count(evidence: SphinxTestApp) -> None:
    page = soup(evidence, "skills.html")

    def evidence_of(skill: str) -> str | None:
        shown = page.find(id=f"skill-{skill}").find_parent("dl").select_one(".cv-skill-evidence")
        return shown.get_text() if shown else None

    # Acme goes on; Operator 2018–2020
    assert evidence_of("kubernetes") == "2016–present · 2 entries"
    # Operator 2018–2020, Best tool 2019 (one date: not open), University without dates
    assert evidence_of("go") == "2018–2020 · 3 entries"
    assert evidence_of("python") is None  # mentioned in prose only
    assert evidence_of("redis") is None


def test_the_indexes_show_the_evidence_and_no_use_counts(evidence: SphinxTestApp) -> None:
    for index in ("cv-skills.html", "cv-categories.html"):
        rows = {
            row.select_one("a").get_text(): " ".join(row.get_text().split())
            for row in soup(evidence, index).select("table tr")
            if row.select_one("a")
        }
        assert rows["Kubernetes"].endswith("2016–present · 2 entries"), index
        assert rows["Go"].endswith("2018–2020 · 3 entries"), index
    for page in ("skills.html", "cv-skills.html", "cv-categories.html"):
        text = soup(evidence, page).get_text()
        assert not re.search(r"\d+\s+uses?\b", text), page


def test_definition_is_a_row_with_details_on_demand(evidence: SphinxTestApp) -> None:
    page = soup(evidence, "skills.html")
    dl = page.find(id="skill-kubernetes").find_parent("dl")
    assert dl.select_one("dt")["id"] == "skill-kubernetes"  # the anchor stays on the signature
    details = dl.select_one("dd > details.cv-skill-more")
    summary = details.select_one("summary")
    assert " ".join(summary.get_text().split()) == (
        "2016–present · 2 entries · Container orchestrator."
    )
    assert details.select_one(".cv-skill-details").get_text() == "Also: k8s · kubernetes.io"
    # the aliases are terms of the definition (sphinx_cv.aliases), not details
    assert [dt.get_text() for dt in dl.select("dt.cv-skill-alias")] == ["k8s"]
    assert details.select_one(".cv-skill-usage") is not None
    # nothing more to show: the row is the summary alone, without a details element
    redis = page.find(id="skill-redis").find_parent("dl")
    assert redis.select_one("details") is None
    assert redis.select_one("dd > p.cv-skill-summary").get_text() == (
        "In-memory data store, never mentioned."
    )
