"""The domain's indexes: skills A–Z with every place, skills by category, entries with skills.

A skill's row reads as evidence: the years its entries span and how many entries used
it (``2016–present · 6 entries``), never a count of words.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from sphinx.domains import Index, IndexEntry

from .evidence import evidence
from .locale import _
from .model import document_order, skill_key

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.environment import BuildEnvironment

    from .domain import CVDomain
    from .model import Mention, Skill

SEPARATOR = " › "


def mention_label(domain: CVDomain, mention: Mention) -> str:
    """``Page › Section › Entry``, leaving out parts that repeat or are missing."""
    page = (
        domain.env.titles[mention.docname].astext()
        if mention.docname in domain.env.titles
        else mention.docname
    )
    parts = [page]
    for part in (mention.section, mention.entry):
        if part and part != parts[-1]:
            parts.append(part)
    return SEPARATOR.join(parts)


def places(mentions: list[Mention]) -> list[Mention]:
    """Mentions in one page, section and entry as one place: its first mention."""
    first: dict[tuple[str, str, str], Mention] = {}
    for mention in mentions:
        first.setdefault((mention.docname, mention.section_id, mention.entry_id), mention)
    return list(first.values())


class SkillIndex(Index):
    """Every skill, A to Z, with each place that mentions it."""

    name = "skills"
    localname = _("Skills A–Z")
    shortname = _("skills")

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain: CVDomain = self.domain  # type: ignore[assignment]
        by_skill = domain.mentions_by_skill()
        content: dict[str, list[IndexEntry]] = defaultdict(list)
        for key, skill in sorted(domain.skills.items()):
            mentions = by_skill.get(key, [])
            if docnames is not None:  # one output of some pages (LaTeX): their mentions only
                mentions = [m for m in mentions if m.docname in docnames]
                if not mentions:
                    continue
            entries = content[skill.name[0].upper()]
            entries.append(
                IndexEntry(
                    skill.name,
                    1 if mentions else 0,
                    skill.docname,
                    skill.node_id,
                    skill.category,
                    "",
                    evidence(domain, key),
                )
            )
            entries.extend(
                IndexEntry(mention_label(domain, m), 2, m.docname, m.node_id, "", "", "")
                for m in places(mentions)
            )
        return sorted(content.items()), False


class CategoryIndex(Index):
    """Skills grouped by category, in the order the categories are defined."""

    name = "categories"
    localname = _("Skills by category")
    shortname = _("categories")

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain: CVDomain = self.domain  # type: ignore[assignment]
        order = definition_order(domain.env)
        content: dict[str, list[IndexEntry]] = {}
        for key, skill in sorted(domain.skills.items(), key=lambda item: order(item[1])):
            content.setdefault(skill.category, []).append(
                IndexEntry(
                    skill.name, 0, skill.docname, skill.node_id, "", "", evidence(domain, key)
                )
            )
        return [
            (cat, sorted(entries, key=lambda e: skill_key(e.name)))
            for cat, entries in content.items()
        ], False


class EntryIndex(Index):
    """Each CV entry with the skills it used."""

    name = "entries"
    localname = _("Projects and their skills")
    shortname = _("projects")

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain: CVDomain = self.domain  # type: ignore[assignment]
        content: dict[str, list[IndexEntry]] = {}
        for entry in domain.all_entries():
            page = domain.env.titles[entry.docname].astext()
            group = content.setdefault(page, [])
            skills = [
                s for s in (domain.find_skill(name) for name in entry.skills) if s is not None
            ]
            group.append(
                IndexEntry(
                    entry.title, 1 if skills else 0, entry.docname, entry.node_id, "", "", ""
                )
            )
            group.extend(
                IndexEntry(s.name, 2, s.docname, s.node_id, "", "", s.category) for s in skills
            )
        return list(content.items()), False


def definition_order(env: BuildEnvironment) -> Callable[[Skill], tuple[object, int]]:
    """A sort key putting skills in the order the CV defines them."""
    doc_order = document_order(env)
    return lambda skill: (doc_order(skill.docname), skill.lineno)
