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
    level: str  # JSON Resume's free-text level ("Master", "5 years"), or ""
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
    entry: str  # the title of the entry the mention is in, or ""
    entry_id: str = ""  # that entry's anchor
    only: str = ""  # the ``only`` directives' conditions around it, joined by ``and``
    listed: bool = False  # in an entry's ``:skills:`` (counts once for the entry)


class Entry(NamedTuple):
    """One CV entry of a kind (:mod:`sphinx_cv.kinds`): a job, a degree, a project, ..."""

    kind: str
    title: str  # the directive's argument: company, institution, title, name, language
    fields: tuple[tuple[str, str | tuple[str, ...]], ...]  # the kind's other options given
    start: str  # ISO date, or "" (the date of a kind with one date)
    end: str  # ISO date, "present" or "" (a kind with one date: the same as start)
    skills: tuple[str, ...]
    description: str  # the text of the body's paragraphs
    highlights: tuple[str, ...]  # the items of the body's lists
    docname: str
    node_id: str
    lineno: int

    def get(self, option: str) -> str | tuple[str, ...]:
        """An option's value: text, a tuple for a list option, ``""`` when not given."""
        return dict(self.fields).get(option, "")

    @property
    def url(self) -> str:
        url = self.get("url")
        return url if isinstance(url, str) else ""


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
