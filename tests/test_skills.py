"""The skills engine on a small CV: definitions, mentions, entries, indexes, inventory."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import shared
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope=shared)
def built(module_app, rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The ``skills`` root built once for this module."""
    app = module_app("html", srcdir=rootdir / "test-skills", builddir=tmp_path_factory.mktemp("b"))
    app.build()
    return app


def test_builds_without_warnings(built: SphinxTestApp) -> None:
    assert built.warning.getvalue() == ""


def test_mentions_link_to_the_definition_by_name_or_alias_in_any_case(built: SphinxTestApp) -> None:
    links = {
        a.get_text(): a["href"]
        for a in soup(built, "experience.html").select("a.reference.internal")
    }
    assert links["k8s"] == "skills.html#skill-kubernetes"
    assert links["the Cilium CNI"] == "skills.html#skill-cilium"
    assert links["Go"] == "skills.html#skill-go"
    assert links["WAL-G"] == "skills.html#skill-wal-g"
    # GOLANG is Go again in the same section: text, not a link (cv_link_mentions = "first")
    assert "GOLANG" not in links


def test_definition_shows_description_url_aliases_and_uses(built: SphinxTestApp) -> None:
    page = soup(built, "skills.html")
    go = page.find(id="skill-go").find_parent("dl")
    assert "Compiled, statically typed language." in go.get_text()
    assert go.select_one("a.reference.external")["href"] == "https://go.dev/"
    assert [(t["id"], t.get_text()) for t in go.select("dt.cv-skill-alias")] == [
        ("skill-alias-golang", "golang")
    ]  # a term of the definition: search finds it
    terms = [(child.name, child.get("id")) for child in go.find_all(recursive=False)]
    assert terms == [("dt", "skill-go"), ("dt", "skill-alias-golang"), ("dd", None)]
    assert go.select_one(".cv-skill-details").get_text().startswith("Also: golang")  # for readers
    usage = go.select_one("p.cv-skill-usage")
    places = [a.get_text() for a in usage.select("a")]
    assert places == ["Jane Doe", "Experience › Tooling", "Projects › Cluster autoscaler"]
    assert "(2)" not in usage.get_text()  # Go and GOLANG in one section: one place, no count


def test_skill_named_in_another_skills_description_is_a_link_not_a_use(
    built: SphinxTestApp,
) -> None:
    page = soup(built, "skills.html")
    walg = page.find(id="skill-wal-g").find_parent("dl")
    assert walg.select_one("dd a[href='#skill-postgresql']") is not None
    postgres_uses = (
        page.find(id="skill-postgresql").find_parent("dl").select_one("p.cv-skill-usage")
    )
    assert "Skills" not in postgres_uses.get_text()


def test_unused_skill_has_no_usage_line(built: SphinxTestApp) -> None:
    redis = soup(built, "skills.html").find(id="skill-redis").find_parent("dl")
    assert redis.select_one("p.cv-skill-usage") is None


def test_categories_come_from_sections_or_the_option(built: SphinxTestApp) -> None:
    domain = built.env.domains["cv"]
    categories = {s.name: s.category for s in domain.skills.values()}
    assert categories == {
        "Go": "Programming languages",
        "Python": "Programming languages",
        "Kubernetes": "Kubernetes",
        "Cilium": "Networking",
        "PostgreSQL": "Databases",
        "WAL-G": "Databases",
        "Redis": "Databases",
    }


def test_entry_is_a_card_with_a_heading_dates_meta_and_skills(built: SphinxTestApp) -> None:
    heading = soup(built, "projects.html").find(id="entry-cluster-autoscaler")
    assert heading.name == "h2"  # one level below the page's title (h1)
    card = heading.find_parent(class_="cv-entry")
    assert "sd-card" in card["class"] and "cv-entry-project" in card["class"]
    title = heading.select_one("a")
    assert (title.get_text(), title["href"]) == (
        "Cluster autoscaler",
        "https://example.org/autoscaler",
    )
    dates = card.select_one(".cv-entry-dates")
    assert dates.get_text() == "2021 – 2023"
    assert [t["datetime"] for t in dates.select("time")] == ["2021", "2023"]
    assert card.select_one(".cv-entry-meta").get_text() == "Author"
    skills = card.select_one("p.cv-entry-skills")
    # the entry's own list reads as canonical names, whatever was written
    assert [a.get_text() for a in skills.select("a")] == ["Go", "Kubernetes"]


def test_skill_index_lists_every_place_and_the_entries(built: SphinxTestApp) -> None:
    page = soup(built, "cv-skills.html")
    rows = {
        row.select_one("a").get_text(): " ".join(row.get_text().split())
        for row in page.select("table tr")
        if row.select_one("a")
    }
    assert rows["Go"] == "Go (Programming languages) 2021–2023 · 1 entry"
    assert rows["PostgreSQL"] == "PostgreSQL (Databases) 1 entry"  # an entry without dates
    assert rows["Cilium"] == "Cilium (Networking)"  # mentioned, in no entry
    assert rows["Redis"] == "Redis (Databases)"
    assert rows["Experience › Tooling"] == "Experience › Tooling"  # a place, no count
    hrefs = [a["href"] for a in page.select("table a")]
    assert "skills.html#skill-go" in hrefs
    mention_links = [h for h in hrefs if "skill-mention" in h]
    # a link a place (page, section, entry): Go 3, Kubernetes 3, Cilium, PostgreSQL 2, WAL-G 2,
    # Python
    assert len(mention_links) == 3 + 3 + 1 + 2 + 2 + 1
    assert any(h.startswith("experience.html#skill-mention-") for h in mention_links)


def test_category_index_groups_skills_in_definition_order(built: SphinxTestApp) -> None:
    page = soup(built, "cv-categories.html")
    groups = [g.get_text(strip=True) for g in page.select("tr.cap strong")]
    assert groups == ["Programming languages", "Kubernetes", "Networking", "Databases"]


def test_entry_index_lists_each_entrys_skills(built: SphinxTestApp) -> None:
    text = " ".join(soup(built, "cv-entries.html").get_text().split())
    assert re.search(r"Cluster autoscaler.*Go.*Kubernetes.*Backup service.*PostgreSQL.*WAL-G", text)


def test_inventory_has_skills_aliases_and_entries(built: SphinxTestApp) -> None:
    inventory = InventoryFile.loads((Path(built.outdir) / "objects.inv").read_bytes(), uri="")
    skills = inventory.data["cv:skill"]
    assert skills["Go"].uri == "skills.html#skill-go"
    assert skills["golang"].uri == "skills.html#skill-go"
    assert (
        inventory.data["cv:entry"]["Cluster autoscaler"].uri
        == "projects.html#entry-cluster-autoscaler"
    )


def test_search_index_has_skills_and_aliases_as_objects(built: SphinxTestApp) -> None:
    raw = (Path(built.outdir) / "searchindex.js").read_text()
    index = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])
    objects = {
        (name, index["objtypes"][str(typ)], anchor)
        for _doc, typ, _prio, anchor, name in index["objects"][""]
    }
    assert ("Cilium", "cv:skill", "skill-cilium") in objects
    assert ("golang", "cv:skill", "skill-go") in objects


def test_general_index_has_each_skill(built: SphinxTestApp) -> None:
    links = {a.get_text(): a["href"] for a in soup(built, "genindex.html").select("table a")}
    for name in ("Go", "Kubernetes", "PostgreSQL", "WAL-G"):
        assert links[name] == f"skills.html#skill-{name.casefold()}"


def test_entries_can_be_referenced_by_title(built: SphinxTestApp) -> None:
    links = {
        a.get_text(): a["href"]
        for a in soup(built, "experience.html").select("a.reference.internal")
    }
    assert links["Cluster autoscaler"] == "projects.html#entry-cluster-autoscaler"
