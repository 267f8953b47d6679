"""What an importer reads from a CV file, before it becomes MyST pages.

Text values are plain text, except :class:`Markup`, which an importer has already
turned into MyST (RenderCV's fields hold Markdown).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class Markup(str):
    """Text that is already MyST inline markup: written as it is, never escaped."""


@dataclass
class Entry:
    """One ``{cv:KIND}`` directive: argument, options, body paragraphs and highlights."""

    kind: str
    name: str
    options: dict[str, str] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)


@dataclass
class Block:
    """A run of plain content in a section: paragraphs, a bullet list or a numbered list."""

    style: str  # "paragraphs", "bullets" or "numbered"
    items: list[str]


@dataclass
class Section:
    """One page of the CV, titled, with entries and blocks in the input's order."""

    title: str
    slug: str
    items: list[Entry | Block] = field(default_factory=list)


@dataclass
class Skill:
    """One ``{cv:skill}`` definition."""

    name: str
    level: str = ""


@dataclass
class SkillGroup:
    """Skills of one category: one ``##`` section of the skills page."""

    category: str
    skills: list[Skill] = field(default_factory=list)


@dataclass
class Document:
    """A CV read from JSON Resume or RenderCV."""

    name: str
    person: dict[str, Any] = field(default_factory=dict)  # conf.py values: cv_headline, ...
    summary: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    skills: list[SkillGroup] = field(default_factory=list)
    skills_at: int = -1  # the skills page's place among the sections; -1: after them
    image: str = ""  # html_logo: a URL, or one of ``files``
    files: dict[str, Path] = field(default_factory=dict)  # copied into the repository
    kept: dict[str, Any] = field(default_factory=dict)  # values with no place, kept in conf.py
    notes: list[str] = field(default_factory=list)  # what the command says it changed

    def add_skills(self, groups: list[SkillGroup]) -> None:
        """Add categories of skills; a skill already defined (in any case) is defined once."""
        defined = {s.name.casefold(): g.category for g in self.skills for s in g.skills}
        for group in groups:
            kept = []
            for skill in group.skills:
                key = skill.name.casefold()
                if key in defined:
                    self.notes.append(
                        f"skill {skill.name!r} of {group.category!r}: defined once, "
                        f"in {defined[key]!r}"
                    )
                else:
                    defined[key] = group.category
                    kept.append(skill)
            if kept:
                self.skills.append(SkillGroup(group.category, kept))


def link(network: str, url: str, username: str = "") -> tuple[str, ...]:
    """A ``cv_links`` item: ``(network, url)``, with the username when the URL's last part
    is not it (the extension reads it from there)."""
    last = urlsplit(url).path.strip("/").rpartition("/")[2]
    return (network, url, username) if username and username != last else (network, url)


class InputError(Exception):
    """Bad input: the message names the file and the JSON path or the YAML line."""
