"""Which skills each CV entry uses (its ``:skills:`` and its mentions), and where skills are
named outside any entry: what ``sphinx-cv match`` shows and variants select by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import skill_key

if TYPE_CHECKING:
    from .domain import CVDomain
    from .model import Entry, Mention


def entry_skills(domain: CVDomain, entry: Entry) -> set[str]:
    """The keys of the skills *entry* lists or mentions in its text."""
    named = list(entry.skills) + [
        m.target for m in domain.mentions.get(entry.docname, []) if m.entry_id == entry.node_id
    ]
    keys = (domain.names.get(skill_key(name)) for name in named)
    return {key for key in keys if key is not None}


def places_outside_entries(domain: CVDomain, key: str) -> list[Mention]:
    """The first mention of skill *key* in each section, outside any entry."""
    seen: dict[tuple[str, str], Mention] = {}
    for mention in domain.mentions_by_skill().get(key, []):
        if not mention.entry:
            seen.setdefault((mention.docname, mention.section_id), mention)
    return list(seen.values())
