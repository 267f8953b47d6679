"""Incremental builds: which unchanged pages must be written again.

A skill's evidence and "Used in" lines depend on every page that mentions it, and a
mention's link depends on the page that defines the skill. Sphinx re-writes only the
pages it re-read, so these two events add the pages whose output changed with them:
nothing more when a save changed only text around the skills.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .domain import CVDomain

_BEFORE = "_cv_definitions_before"
_USAGE_BEFORE = "_cv_usage_before"
_CHANGED = "_cv_documents_changed"


def _definitions(domain: CVDomain) -> set[tuple[object, ...]]:
    """What other pages' links depend on: skills, their names, entries."""
    return (
        {tuple(skill) for skill in domain.skills.values()}
        | {(name, key) for name, key in domain.names.items()}
        | {tuple(entry) for entry in domain.all_entries()}
    )


def _usage(domain: CVDomain) -> set[tuple[object, ...]]:
    """What the definitions' evidence and "Used in" lines show: the mentions, the entries
    and the titles of their pages (line numbers left out: a line added above them moves
    nothing these lines show)."""
    titles = domain.env.titles
    return (
        {tuple(m._replace(lineno=0)) for mentions in domain.mentions.values() for m in mentions}
        | {tuple(entry._replace(lineno=0)) for entry in domain.all_entries()}
        | {(doc, titles[doc].astext()) for doc in domain.mentions if doc in titles}
    )


def remember_definitions(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: note the definitions as they were before this build."""
    domain: CVDomain = env.domains["cv"]  # type: ignore[assignment]
    setattr(domain, _BEFORE, _definitions(domain))
    setattr(domain, _USAGE_BEFORE, _usage(domain))
    setattr(domain, _CHANGED, bool(removed))
    return []


def note_documents_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: note whether this build reads anything."""
    domain: CVDomain = env.domains["cv"]  # type: ignore[assignment]
    setattr(domain, _CHANGED, getattr(domain, _CHANGED, False) or bool(docnames))


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages whose links or usage lists changed with this build."""
    domain: CVDomain = env.domains["cv"]  # type: ignore[assignment]
    before = getattr(domain, _BEFORE, None)
    if before is None or not getattr(domain, _CHANGED, False):
        return []
    pages: set[str] = set()
    if before != _definitions(domain):
        pages |= set(domain.referring) | {skill.docname for skill in domain.skills.values()}
    elif getattr(domain, _USAGE_BEFORE, None) != _usage(domain):
        pages |= {skill.docname for skill in domain.skills.values()}
    return sorted(pages & env.found_docs)
