"""The CV as a JSON Resume (schema 1.3.1), written as ``resume.json`` beside the HTML.

Each entry goes to its kind's section, each option to its field
(:mod:`sphinx_cv.kinds`); the body's paragraphs are its ``summary`` (a project's
``description``), its list items its ``highlights``, its skills its ``keywords``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..dates import PRESENT
from ..kinds import KINDS, SINGLE_DATE_FIELD

if TYPE_CHECKING:
    from .profile import Profile, ProfileEntry

FILENAME = "resume.json"
SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

SUMMARY_FIELD = {"project": "description", "reference": "reference"}
"""Where the body's text goes for kinds whose JSON Resume field is not ``summary``."""


def resume(profile: Profile) -> dict[str, Any]:
    """Basics, every kind's section, and the skills by category."""
    data: dict[str, Any] = {"$schema": SCHEMA, "basics": _basics(profile)}
    for kind in KINDS.values():
        entries = profile.of_kind(kind.name)
        if entries:
            data[kind.section] = [entry_data(e) for e in entries]
    categories: dict[str, list[str]] = {}
    levels: dict[str, set[str]] = {}
    for skill in profile.skills:
        categories.setdefault(skill.category, []).append(skill.name)
        levels.setdefault(skill.category, set()).add(skill.level)
    data["skills"] = [
        {"name": name, **_level(levels[name]), "keywords": names}
        for name, names in categories.items()
    ]
    if profile.base_url:
        data["meta"] = {"canonical": profile.base_url + FILENAME}
    return data


def _level(levels: set[str]) -> dict[str, str]:
    """A category's ``level``: the one its skills share, if they share one."""
    return {"level": next(iter(levels))} if len(levels) == 1 and "" not in levels else {}


def _basics(profile: Profile) -> dict[str, Any]:
    basics: dict[str, Any] = {"name": profile.name}
    if profile.headline:
        basics["label"] = profile.headline
    for key, value in (("email", profile.email), ("phone", profile.phone)):
        if value:
            basics[key] = value
    if profile.website or profile.home_url:
        basics["url"] = profile.website or profile.home_url
    if profile.summary:
        basics["summary"] = profile.summary
    if profile.location:
        basics["location"] = dict(profile.location)
    basics["profiles"] = [
        {"network": network, "username": username, "url": url}
        for network, url, username in profile.links
    ]
    return basics


def entry_data(item: ProfileEntry) -> dict[str, Any]:
    """One entry in its JSON Resume section's form."""
    entry = item.entry
    kind = KINDS[entry.kind]
    data: dict[str, Any] = {kind.name_field: entry.title}
    for option, (field, _type) in kind.options.items():
        value = entry.get(option)
        if value:
            data[field] = value if isinstance(value, str) else list(value)
    if "date" in kind.dates:
        if entry.start:
            data[SINGLE_DATE_FIELD[kind.name]] = entry.start
    elif entry.start or entry.end:
        if entry.start:
            data["startDate"] = entry.start
        if entry.end and entry.end != PRESENT:
            data["endDate"] = entry.end
    if entry.description:
        data[SUMMARY_FIELD.get(kind.name, "summary")] = entry.description
    if entry.highlights:
        data["highlights"] = list(entry.highlights)
    if item.skills:
        data["keywords"] = list(dict.fromkeys([*data.get("keywords", []), *item.skills]))
    return data
