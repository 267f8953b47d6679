"""JSON Resume 1.x (https://jsonresume.org/schema) as a :class:`~.document.Document`."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema

from ..kinds import KINDS as ENTRY_KINDS
from .document import Document, Entry, InputError, Section, Skill, SkillGroup, link
from .myst import paragraphs, slug

# section key: (page title, entry kind, field of the directive's argument)
SECTIONS = {
    "work": ("Work", "work", "name"),
    "volunteer": ("Volunteer", "volunteer", "organization"),
    "education": ("Education", "education", "institution"),
    "projects": ("Projects", "project", "name"),
    "awards": ("Awards", "award", "title"),
    "certificates": ("Certificates", "certificate", "name"),
    "publications": ("Publications", "publication", "name"),
    "languages": ("Languages", "language", "language"),
    "interests": ("Interests", "interest", "name"),
    "references": ("References", "reference", "name"),
}
# JSON Resume field → directive option, for every kind
OPTIONS = {
    "position": "position",
    "location": "location",
    "url": "url",
    "startDate": "start",
    "endDate": "end",
    "area": "area",
    "studyType": "degree",
    "score": "score",
    "awarder": "awarder",
    "date": "date",
    "issuer": "issuer",
    "publisher": "publisher",
    "releaseDate": "date",
    "fluency": "fluency",
    "type": "type",
    "entity": "entity",
}
LOCATED = ("work", "volunteer", "education")  # a location in the schema after 1.3.1
LISTS = {"courses": "courses", "roles": "roles", "keywords": "keywords"}
BODY = ("description", "summary", "reference")  # a project's description; a work's: its option
OTHER_SKILLS = "Other"
"""The category of project keywords that name no skill of the input."""


def schema() -> dict[str, Any]:
    """The JSON Resume 1.3.1 schema shipped with the package."""
    text = resources.files(__package__).joinpath("schemas/jsonresume.json").read_text("utf-8")
    return json.loads(text)


def json_path(path: Any) -> str:
    """``$.work[0].startDate`` from a sequence of keys and indexes."""
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def read(text: str, source: str) -> Document:
    """Parse, validate against the schema, refuse keys with no place, then map."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{source}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}"
        ) from None
    if isinstance(data, dict):
        _place_locations(data, source)
    validator = jsonschema.Draft7Validator(
        schema(), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        raise InputError(f"{source}: {json_path(error.absolute_path)}: {error.message}")
    unknown = next(_unknown_keys(data, schema(), []), None)
    if unknown is not None:
        raise InputError(
            f"{source}: {json_path(unknown)}: unknown key {unknown[-1]!r}: "
            "JSON Resume allows extra keys, but sphinx-cv has no place for this one"
        )
    return _document(data, source)


def _place_locations(data: dict[str, Any], source: str) -> None:
    """The schema after 1.3.1 gives work, volunteer and education a ``location`` object
    (basics.location's fields): checked against basics.location, then one line of text."""
    place = schema()["properties"]["basics"]["properties"]["location"]
    for section in LOCATED:
        for index, item in enumerate(data.get(section) or []):
            if not isinstance(item, dict) or not isinstance(item.get("location"), dict):
                continue
            path = [section, index, "location"]
            error = jsonschema.exceptions.best_match(
                jsonschema.Draft7Validator(place).iter_errors(item["location"])
            )
            unknown = next(_unknown_keys(item["location"], place, path), None)
            if error is not None or unknown is not None:
                where = json_path([*path, *error.absolute_path] if error else unknown)
                message = error.message if error else f"unknown key {unknown[-1]!r}"
                raise InputError(f"{source}: {where}: {message}")
            item["location"] = _place_text(item["location"])


def _place_text(place: dict[str, str]) -> str:
    """``Palo Alto, California, US``: the order in which the extension shows cv_location."""
    city = " ".join(v for v in (place.get("postalCode"), place.get("city")) if v)
    parts = (place.get("address"), city, place.get("region"), place.get("countryCode"))
    return ", ".join(part for part in parts if part)


def _unknown_keys(data: Any, node: dict[str, Any], path: list[Any]):
    """Paths of keys the schema does not define, at any depth."""
    if isinstance(data, dict) and "properties" in node:
        for key, value in data.items():
            if key in node["properties"]:
                yield from _unknown_keys(value, node["properties"][key], [*path, key])
            elif not (key == "location" and len(path) == 2 and path[0] in LOCATED):
                yield [*path, key]
    elif isinstance(data, list) and "items" in node:
        for index, value in enumerate(data):
            yield from _unknown_keys(value, node["items"], [*path, index])


def _document(data: dict[str, Any], source: str) -> Document:
    basics = data.get("basics", {})
    name = " ".join(basics.get("name", "").split())
    if not name:
        raise InputError(f"{source}: $.basics.name: a CV needs the person's name")
    document = Document(name=name, person=_person(basics))
    document.summary = paragraphs(basics.get("summary", "")) + _profile_lines(basics)
    if basics.get("image"):
        document.image = basics["image"]
    for index, group in enumerate(data.get("skills", [])):
        if not group.get("name"):
            where = json_path(["skills", index, "name"])
            raise InputError(f"{source}: {where}: sphinx-cv needs each skill category's name")
        names = group.get("keywords") or [group["name"]]  # no keywords: the name is the skill
        level = group.get("level", "")
        document.add_skills([SkillGroup(group["name"], [Skill(n, level) for n in names])])
    known = {s.name.casefold(): s.name for g in document.skills for s in g.skills}
    loose = SkillGroup(OTHER_SKILLS)  # project keywords that no skill of the input names
    for key, items in data.items():
        if key not in SECTIONS or not items:
            continue
        title, kind, argument = SECTIONS[key]
        section = Section(title, slug(title))
        for index, item in enumerate(items):
            name = " ".join(str(item.get(argument, "")).split())
            if not name:
                where = json_path([key, index, argument])
                raise InputError(f"{source}: {where}: sphinx-cv needs each entry's {argument}")
            _check_lists(item, [key, index], source)
            section.items.append(_entry(kind, name, item, known, loose))
        document.sections.append(section)
    if loose.skills:
        document.add_skills([loose])
    meta = dict(data.get("meta", {}))
    canonical = meta.get("canonical", "")
    if canonical.startswith(("http://", "https://")) and canonical.endswith("/resume.json"):
        # the site's address: the extension writes resume.json at its root
        document.person["html_baseurl"] = canonical.removesuffix("resume.json")
        del meta["canonical"]
    if meta:
        document.kept["meta"] = meta
    if "$schema" in data:
        document.kept["$schema"] = data["$schema"]
    return document


def _person(basics: dict[str, Any]) -> dict[str, Any]:
    person: dict[str, Any] = {"cv_name": " ".join(basics["name"].split())}
    for field, value in (
        ("label", "cv_headline"),
        ("email", "cv_email"),
        ("phone", "cv_phone"),
        ("url", "cv_website"),
    ):
        if basics.get(field):
            person[value] = basics[field]
    if basics.get("location"):
        person["cv_location"] = basics["location"]
    links = [
        link(p.get("network", ""), p["url"], p.get("username", ""))
        for p in basics.get("profiles", [])
        if p.get("url")
    ]
    if links:
        person["cv_links"] = links
    return person


def _profile_lines(basics: dict[str, Any]) -> list[str]:
    """Profiles without a URL, as ``network: username`` lines of the home page."""
    return [
        ": ".join(v for v in (p.get("network", ""), p.get("username", "")) if v)
        for p in basics.get("profiles", [])
        if not p.get("url") and (p.get("network") or p.get("username"))
    ]


def _check_lists(item: dict[str, Any], path: list[Any], source: str) -> None:
    """A list item with a comma cannot be one item of a comma-separated option."""
    for field in LISTS:
        for index, value in enumerate(item.get(field, [])):
            if "," in value:
                raise InputError(
                    f"{source}: {json_path([*path, field, index])}: {value!r} holds a comma; "
                    f"sphinx-cv writes {field} as a comma-separated list: split the item"
                )


def _entry(
    kind: str, name: str, item: dict[str, Any], known: dict[str, str], loose: SkillGroup
) -> Entry:
    entry = Entry(kind, name)
    allowed = ENTRY_KINDS[kind].option_names
    for field, value in item.items():
        if field == "description" and "description" in allowed:  # a work's employer
            entry.options["description"] = value
        elif field in OPTIONS and OPTIONS[field] in allowed:
            entry.options[OPTIONS[field]] = value
        elif field in OPTIONS:  # a place of study or volunteering: no option for it
            entry.paragraphs.insert(0, value)
        elif field == "keywords" and kind == "project":
            entry.options["skills"] = ", ".join(_skill(k, known, loose) for k in value)
        elif field in LISTS:
            entry.options[LISTS[field]] = ", ".join(value)
        elif field in BODY:
            entry.paragraphs += paragraphs(value)
        elif field == "highlights":
            entry.highlights = list(value)
    return entry


def _skill(keyword: str, known: dict[str, str], loose: SkillGroup) -> str:
    """A project keyword as the name of a skill of the input, else as a new skill."""
    name = " ".join(keyword.split())
    if name.casefold() not in known:
        known[name.casefold()] = name
        loose.skills.append(Skill(name))
    return known[name.casefold()]
