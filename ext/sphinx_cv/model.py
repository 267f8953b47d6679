"""The records the ``cv`` domain keeps: skills, their mentions and CV entries."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.environment import BuildEnvironment


def skill_key(name: str) -> str:
    """The lookup key of a skill name or alias: case and spacing do not count."""
    return " ".join(name.split()).casefold()


class Skill(NamedTuple):
    """One skill, defined once by a ``cv:skill`` directive."""

    name: str
    category: str
    aliases: tuple[str, ...]
    url: str
    description: str
    docname: str
    node_id: str
    lineno: int


class Mention(NamedTuple):
    """One place where a skill is named by the ``skill`` role or an entry's ``:skills:``."""

    target: str
    docname: str
    node_id: str
    lineno: int
    section: str
    section_id: str
    entry: str
    only: str = ""  # the ``only`` directives' conditions around it, joined by ``and``


class Entry(NamedTuple):
    """One CV entry (a project, a solution, a piece of education)."""

    title: str
    url: str
    period: str
    role: str
    skills: tuple[str, ...]
    description: str  # the text of the body's paragraphs
    highlights: tuple[str, ...]  # the items of the body's lists
    docname: str
    node_id: str
    lineno: int


def document_order(env: BuildEnvironment) -> Callable[[str], tuple[int, str]]:
    """A sort key putting documents in the order a reader meets them (the toctree's)."""
    order: dict[str, int] = {}
    stack = [env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in order:
            continue
        order[docname] = len(order)
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    return lambda docname: (order.get(docname, len(order)), docname)
