"""The CV as a JSON Resume (schema 1.3.1), written as ``resume.json`` beside the HTML."""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .profile import Profile, Project

FILENAME = "resume.json"
SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

_MONTHS = {
    name.casefold(): number
    for names in (calendar.month_name, calendar.month_abbr)
    for number, name in enumerate(names)
    if name
}
_DATE = re.compile(
    r"(?P<iso>[12]\d{3}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?![\d/])"
    r"|(?P<month>\d{1,2})/(?P<year>[12]\d{3})"
    r"|(?P<name>[A-Za-z]{3,9})\.?\s+(?P<named_year>[12]\d{3})"
)
_OPEN = re.compile(r"present|now|today|current|since|[-–—]\s*$", re.IGNORECASE)


def resume(profile: Profile) -> dict[str, Any]:
    """Basics, projects, skills by category and education, from the CV's pages."""
    data: dict[str, Any] = {"$schema": SCHEMA, "basics": _basics(profile)}
    data["projects"] = [_project(p) for p in profile.projects]
    categories: dict[str, list[str]] = {}
    for skill in profile.skills:
        categories.setdefault(skill.category, []).append(skill.name)
    data["skills"] = [{"name": name, "keywords": names} for name, names in categories.items()]
    data["education"] = [
        {
            "studyType": page,
            "courses": [p.entry.title for p in projects],
            "projects": [_project(p) for p in projects],
        }
        for page, projects in profile.education
    ]
    if profile.base_url:
        data["meta"] = {"canonical": profile.base_url + FILENAME}
    return data


def period_dates(period: str) -> tuple[str | None, str | None]:
    """``2018–2020`` → both years; ``since 2018`` or ``2018 – present`` → a start only.

    Years, ``YYYY-MM(-DD)``, ``MM/YYYY`` and ``Month YYYY`` are understood; a
    single date with nothing saying it goes on is both the start and the end.
    """
    dates = [date for match in _DATE.finditer(period) if (date := _iso(match))]
    if not dates:
        return None, None
    if len(dates) > 1:
        return dates[0], dates[1]
    return dates[0], None if _OPEN.search(period) else dates[0]


def _iso(match: re.Match[str]) -> str | None:
    if match["iso"]:
        return match["iso"]
    if match["year"]:
        month = int(match["month"])
        return f"{match['year']}-{month:02d}" if 1 <= month <= 12 else match["year"]
    month = _MONTHS.get(match["name"].casefold())
    return f"{match['named_year']}-{month:02d}" if month else match["named_year"]


def _basics(profile: Profile) -> dict[str, Any]:
    basics: dict[str, Any] = {"name": profile.name}
    if profile.headline:
        basics["label"] = profile.headline
    if profile.home_url:
        basics["url"] = profile.home_url
    if profile.summary:
        basics["summary"] = profile.summary
    basics["profiles"] = [
        {"network": label, "username": urlsplit(url).path.strip("/").rpartition("/")[2], "url": url}
        for label, url in profile.links
    ]
    return basics


def _project(project: Project) -> dict[str, Any]:
    entry = project.entry
    data: dict[str, Any] = {"name": entry.title}
    if entry.description:
        data["description"] = entry.description
    if entry.highlights:
        data["highlights"] = list(entry.highlights)
    if project.skills:
        data["keywords"] = list(project.skills)
    if entry.url:
        data["url"] = entry.url
    if entry.role:
        data["roles"] = [entry.role]
    start, end = period_dates(entry.period)
    if start:
        data["startDate"] = start
    if end:
        data["endDate"] = end
    return data
