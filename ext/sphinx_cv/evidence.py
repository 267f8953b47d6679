"""Which skills each CV entry gives evidence for: its ``:skills:`` and its mentions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import skill_key

if TYPE_CHECKING:
    from .domain import CVDomain
    from .model import Entry, Mention


def entry_skills(domain: CVDomain, entry: Entry) -> set[str]:
    """The keys of the skills *entry* lists or mentions in its text."""
    named = list(entry.skills) + [
        m.target for m in domain.mentions.get(entry.docname, []) if m.entry == entry.title
    ]
    keys = (domain.names.get(skill_key(name)) for name in named)
    return {key for key in keys if key is not None}


def evidence(domain: CVDomain) -> dict[str, list[Entry]]:
    """For each skill key, the entries that use it, in reading order."""
    found: dict[str, list[Entry]] = {}
    for entry in domain.all_entries():
        for key in sorted(entry_skills(domain, entry)):
            found.setdefault(key, []).append(entry)
    return found


def places_outside_entries(domain: CVDomain, key: str) -> list[Mention]:
    """The first mention of skill *key* in each section, outside any entry."""
    seen: dict[tuple[str, str], Mention] = {}
    for mention in domain.mentions_by_skill().get(key, []):
        if not mention.entry:
            seen.setdefault((mention.docname, mention.section_id), mention)
    return list(seen.values())
