"""The built site as Read the Docs' server-side search indexes and ranks it.

Read the Docs does not read ``searchindex.js``: it parses each HTML page
(readthedocs.org ``readthedocs/search/parsers.py``, ``GenericParser``) into sections and
ranks them in Elasticsearch (``readthedocs/search/faceted_search.py``). The rules, written
again here (not its code), as read in its repository:

- the main node is the first ``[role=main]``, else ``main``, else the parent of the first
  ``h1``, else ``body``; from it, ``script``, ``style``, ``template``, ``noscript``, ``nav``,
  ``[role=navigation]``, ``[role=search]``, ``.headerlink``, ``.linenos``, ``.lineno`` and
  ``.toctree-wrapper`` are removed;
- every ``<dt>`` with an ``id`` in a ``<dl>``, with the ``<dd>`` after it, is a section (title:
  the ``dt``'s text; content: the ``dd``'s text without nested ``dt[id]``/``dd``); they are
  then removed;
- the text before the first heading is a section with the page's title;
- every ``h1``-``h6`` is a section (id: its own, else its parent's), whose content runs
  until the next heading, looking two levels into the elements that follow it;
- sections are matched on ``sections.title^2`` and ``sections.content``: here BM25 (k1 1.2,
  b 0.75, per-field statistics, the best field counting), as Elasticsearch scores them;
- pages matching a ``search.ignore`` pattern of ``.readthedocs.yaml`` are not indexed.
"""

from __future__ import annotations

import copy
import math
import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from conftest import REPO, CVBuild
from sphinx.util.inventory import InventoryFile

STRIPPED = (
    "script, style, template, noscript, nav, [role=navigation], [role=search], "
    ".headerlink, .linenos, .lineno, .toctree-wrapper"
)
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "canvas",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "noscript",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tfoot",
        "ul",
        "video",
    ]
)
HEADING = re.compile(r"h[1-6]$")
RTD_DEFAULT_IGNORE = ["search.html", "search/index.html", "404.html", "404/index.html"]


@dataclass(frozen=True)
class Section:
    page: str
    id: str
    title: str
    content: str


def squeeze(text: str) -> str:
    return " ".join(text.split())


def main_node(page: BeautifulSoup) -> Tag:
    body = page.body
    found = body.select_one("[role=main]") or body.find("main")
    if found:
        return found
    h1 = body.find("h1")
    if h1:
        return (h1.parent if h1.parent.name == "header" else h1).parent
    return body


def is_section(tag: Tag | NavigableString) -> bool:
    return isinstance(tag, Tag) and (bool(HEADING.match(tag.name)) or tag.name == "header")


def section_content(start: Tag | NavigableString | None, depth: int) -> tuple[str, bool]:
    """The text from *start* on, until a heading; *depth* levels into elements."""
    parts, found = [], False
    node = start
    while node is not None:
        if found or is_section(node):
            return squeeze("".join(parts)), True
        if isinstance(node, NavigableString):
            text = "" if isinstance(node, Comment) else str(node)
        elif depth <= 0 or not node.contents:
            text = node.get_text()
        else:
            text, found = section_content(node.contents[0], depth - 1)
        if text:
            block = isinstance(node, Tag) and node.name in BLOCKS
            parts.append(f"\n{text}\n" if block else text)
        node = node.next_sibling
    return squeeze("".join(parts)), found


def parse(name: str, html: str) -> list[Section]:
    """A page's sections, as Read the Docs' parser makes them."""
    page = BeautifulSoup(html, "html.parser")
    body = main_node(page)
    for node in body.select(STRIPPED):
        node.decompose()
    h1 = body.find("h1")
    title = squeeze(h1.get_text()) if h1 else squeeze(page.title.get_text())
    sections, seen = [], []
    for dl in body.find_all("dl"):
        for dt in dl.find_all("dt", id=True):
            dd = dt.find_next_sibling("dd")
            if dd is None or not dt["id"]:
                continue
            content = copy.copy(dd)
            for nested in content.find_all("dl"):
                for inner in nested.find_all("dt", id=True):
                    inner_dd = inner.find_next_sibling("dd")
                    if inner_dd is not None:
                        inner_dd.decompose()
                    inner.decompose()
            sections.append(Section(name, dt["id"], squeeze(dt.get_text()), squeeze(content.text)))
            seen += [dd, dt]
    for node in seen:
        node.decompose()
    first = next((c for c in body.contents), None)
    content, _ = section_content(first, depth=3)
    if content:
        sections.append(Section(name, "", title, content))
    for level in range(1, 7):
        for heading in body.find_all(f"h{level}"):
            container = heading.parent if heading.parent.name == "header" else heading
            content, _ = section_content(container.next_sibling, depth=2)
            section_id = heading.get("id") or heading.parent.get("id", "")
            sections.append(Section(name, section_id, squeeze(heading.get_text()), content))
    return sections


def ignored_patterns() -> list[str]:
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    return config.get("search", {}).get("ignore", RTD_DEFAULT_IGNORE)


def indexed_pages(html: Path) -> list[str]:
    names = sorted(p.relative_to(html).as_posix() for p in html.rglob("*.html"))
    return [n for n in names if not any(fnmatchcase(n, pat) for pat in ignored_patterns())]


@pytest.fixture(scope="module")
def sections(cv_build: CVBuild) -> list[Section]:
    return [
        section
        for name in indexed_pages(cv_build.html)
        for section in parse(name, cv_build.page(name))
    ]


# -- ranking: BM25 over the two section fields -------------------------------------------

WORD = re.compile(r"\w+(?:[.'’:]\w+)*")  # as Unicode word breaks: helm.sh is one word


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


class Ranking:
    """Sections scored as Elasticsearch scores ``sections.title^2`` and ``sections.content``."""

    K1, B = 1.2, 0.75

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        self.fields = {
            "title": [words(s.title) for s in sections],
            "content": [words(s.content) for s in sections],
        }
        self.frequency = {
            f: Counter(w for d in docs for w in set(d)) for f, docs in self.fields.items()
        }
        self.average = {f: sum(map(len, docs)) / len(docs) for f, docs in self.fields.items()}

    def field_score(self, field: str, index: int, terms: list[str]) -> float:
        document = self.fields[field][index]
        count, total = Counter(document), len(self.fields[field])
        score = 0.0
        for term in terms:
            tf = count[term]
            if not tf:
                continue
            df = self.frequency[field][term]
            idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
            norm = 1 - self.B + self.B * len(document) / self.average[field]
            score += idf * tf * (self.K1 + 1) / (tf + self.K1 * norm)
        return score

    def score(self, index: int, query: str) -> float:
        terms = words(query)
        return max(
            2 * self.field_score("title", index, terms), self.field_score("content", index, terms)
        )

    def best(self, query: str) -> tuple[float, list[Section]]:
        """The best score for *query* and the sections that reach it."""
        scores = [self.score(i, query) for i in range(len(self.sections))]
        top = max(scores)
        return top, [s for s, score in zip(self.sections, scores, strict=True) if score == top]


def inventory(cv_build: CVBuild) -> dict[str, dict[str, str]]:
    """``{"cv:skill": {name: "page.html#anchor"}, "cv:entry": {...}}`` from ``objects.inv``."""
    with (cv_build.html / "objects.inv").open("rb") as stream:
        data = InventoryFile.load(stream, "", posixpath.join)
    return {
        kind: {name: getattr(item, "uri", None) or item[2] for name, item in items.items()}
        for kind, items in data.items()
        if kind.startswith("cv:")
    }


def skill_names(cv_build: CVBuild) -> dict[tuple[str, str], set[str]]:
    """``(page, anchor)`` of each skill definition: its name and aliases (``objects.inv``
    lists both)."""
    names: dict[tuple[str, str], set[str]] = {}
    for name, uri in inventory(cv_build)["cv:skill"].items():
        names.setdefault(anchor_of(uri), set()).add(name)
    return names


def terms_of(cv_build: CVBuild, anchor: tuple[str, str]) -> set[tuple[str, str]]:
    """The anchors of every ``<dt id>`` that the same ``<dd>`` defines (name and aliases)."""
    page, node_id = anchor
    dd = BeautifulSoup(cv_build.page(page), "html.parser").find(id=node_id).find_next_sibling("dd")
    return {(page, dt["id"]) for dt in dd.find_previous_siblings("dt") if dt.get("id")}


def anchor_of(uri: str) -> tuple[str, str]:
    page, _, anchor = uri.partition("#")
    return page, anchor


# -- the tests -----------------------------------------------------------------------------


def test_noise_pages_are_ignored(cv_build: CVBuild) -> None:
    patterns = ignored_patterns()
    assert set(RTD_DEFAULT_IGNORE) <= set(patterns)  # setting the list replaces the defaults
    built = {p.relative_to(cv_build.html).as_posix() for p in cv_build.html.rglob("*.html")}
    assert built - set(indexed_pages(cv_build.html)) == {
        "search.html",
        "404.html",
        "genindex.html",
        "cv-skills.html",
        "cv-categories.html",
        "cv-entries.html",
    }
    assert "index.html" in indexed_pages(cv_build.html)  # the home page, not a redirect


def test_main_content_is_the_article_without_sidebar(
    cv_build: CVBuild, sections: list[Section]
) -> None:
    for name in indexed_pages(cv_build.html):
        main = main_node(BeautifulSoup(cv_build.page(name), "html.parser"))
        assert main.name == "article" and main["role"] == "main", name
    text = " ".join(s.content for s in sections)
    assert "Indexes and downloads" not in text and "JSON Resume" not in text


def test_every_skill_definition_is_a_section_of_its_own(
    cv_build: CVBuild, sections: list[Section]
) -> None:
    by_anchor = {(s.page, s.id): s for s in sections}
    skills = skill_names(cv_build)
    assert len(skills) > 100
    for anchor, names in skills.items():
        section = by_anchor[anchor]
        assert section.title in names
        assert section.content and "Used in" not in section.content, names  # Used in: a <nav>


def test_used_in_lines_match_no_query(sections: list[Section]) -> None:
    assert not [s for s in sections if "Used in" in s.content]


def test_every_entry_is_a_section_of_its_own(cv_build: CVBuild, sections: list[Section]) -> None:
    by_anchor = {(s.page, s.id): s for s in sections}
    entries = inventory(cv_build)["cv:entry"]
    missing = [name for name, uri in entries.items() if anchor_of(uri) not in by_anchor]
    assert not missing
    for name, uri in entries.items():
        assert by_anchor[anchor_of(uri)].title == name


def test_a_skill_or_its_alias_finds_its_definition_first(
    cv_build: CVBuild, sections: list[Section]
) -> None:
    ranking = Ranking(sections)
    skills = skill_names(cv_build)
    outranked = []
    for anchor, names in skills.items():
        terms = terms_of(cv_build, anchor)
        assert len(terms) == len(names)  # a term (dt id) for the name and each alias
        for query in sorted(names):
            _, best = ranking.best(query)
            if not terms & {(s.page, s.id) for s in best}:
                outranked.append(f"{query!r}: {[(s.page, s.title) for s in best]}")
    assert not outranked


def test_an_entry_name_finds_its_entry_first(cv_build: CVBuild, sections: list[Section]) -> None:
    ranking = Ranking(sections)
    outranked = []
    for name, uri in inventory(cv_build)["cv:entry"].items():
        _, best = ranking.best(name)
        if anchor_of(uri) not in {(s.page, s.id) for s in best}:
            outranked.append(f"{name!r}: {[(s.page, s.title) for s in best]}")
    assert not outranked
