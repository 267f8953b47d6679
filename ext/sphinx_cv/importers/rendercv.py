"""RenderCV 2.x YAML (https://docs.rendercv.com) as a :class:`~.document.Document`.

The input is checked against RenderCV's own JSON Schema (shipped in ``schemas/``);
each section's entry type is found the way RenderCV finds it, by the fields that
only that type has.
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
from markdown_it import MarkdownIt
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..dates import parse_date
from ..kinds import KINDS as ENTRY_KINDS
from .document import (
    Block,
    Document,
    Entry,
    InputError,
    Markup,
    Section,
    Skill,
    SkillGroup,
    link,
)
from .myst import escape, slug

ENTRY_TYPES = (  # RenderCV's order of detection
    "OneLineEntry",
    "NormalEntry",
    "ExperienceEntry",
    "EducationEntry",
    "PublicationEntry",
    "BulletEntry",
    "NumberedEntry",
    "ReversedNumberedEntry",
)
KINDS = {  # entry type: (kind, field of the directive's argument)
    "ExperienceEntry": ("work", "company"),
    "EducationEntry": ("education", "institution"),
    "NormalEntry": ("project", "name"),
    "PublicationEntry": ("publication", "title"),
}
OPTIONS = {
    "position": "position",
    "location": "location",
    "area": "area",
    "degree": "degree",
    "journal": "publisher",
    "url": "url",
}
# How the CV looks and RenderCV runs, not what it says: kept as a comment in conf.py
# (``rendercv_settings`` is 2.0-2.3's name of ``settings``); only the paper size maps.
PRESENTATION = ("design", "locale", "settings", "rendercv_settings")
PAPER = {"a4": "a4", "us-letter": "letter"}
# RenderCV's profile URLs (schema/models/cv/social_network.py); Mastodon is @user@host
PROFILE_URLS = {
    "LinkedIn": "https://linkedin.com/in/",
    "GitHub": "https://github.com/",
    "GitLab": "https://gitlab.com/",
    "IMDB": "https://imdb.com/name/",
    "Instagram": "https://instagram.com/",
    "ORCID": "https://orcid.org/",
    "StackOverflow": "https://stackoverflow.com/users/",
    "ResearchGate": "https://researchgate.net/profile/",
    "YouTube": "https://youtube.com/@",
    "Google Scholar": "https://scholar.google.com/citations?user=",
    "Telegram": "https://t.me/",
    "WhatsApp": "https://wa.me/",
    "Leetcode": "https://leetcode.com/u/",
    "X": "https://x.com/",
    "Bluesky": "https://bsky.app/profile/",
    "Reddit": "https://reddit.com/user/",
}
# words RenderCV keeps lower-case when it makes a title of a snake_case section key
SMALL_WORDS = frozenset(
    {"a", "and", "as", "at", "but", "by", "for", "from", "if", "in", "into", "like", "near"}
    | {"nor", "of", "off", "on", "onto", "or", "over", "so", "than", "that", "to", "upon"}
    | {"when", "with", "yet"}
)


@cache
def schema() -> dict[str, Any]:
    """RenderCV's JSON Schema, shipped with the package."""
    text = resources.files(__package__).joinpath("schemas/rendercv.json").read_text("utf-8")
    return json.loads(text)


@cache
def characteristic_fields() -> dict[str, set[str]]:
    """For each entry type, the fields no other entry type has (RenderCV's detection)."""
    fields = {t: set(schema()["$defs"][t]["properties"]) for t in ENTRY_TYPES}
    return {
        t: f - set().union(*(o for u, o in fields.items() if u != t)) for t, f in fields.items()
    }


def entry_type(entries: list[Any]) -> str | None:
    """A section's entry type, from its first entry that shows one, as RenderCV finds it."""
    for value in entries:
        if isinstance(value, str):
            return "TextEntry"
        if isinstance(value, dict):
            for name, fields in characteristic_fields().items():
                if fields & set(value):
                    return name
    return None


def read(text: str, source: str, folder: Path) -> Document:
    """Parse with line numbers, validate against RenderCV's schema, then map."""
    try:
        root = YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{source}{line}: invalid YAML: {error.problem or error}") from None
    except YAMLError as error:
        raise InputError(f"{source}: invalid YAML: {error}") from None
    reader = _Reader(root, source)
    return reader.document(folder)


class _Reader:
    def __init__(self, root: Any, source: str) -> None:
        self.root = root
        self.source = source

    def fail(self, path: list[Any], message: str) -> InputError:
        return InputError(f"{self.source}:{self.line(path)}: {_yaml_path(path)}: {message}")

    def line(self, path: list[Any]) -> int:
        """The line of the value at ``path`` (of its key in a mapping), 1-based."""
        node, line = self.root, 1
        for part in path:
            try:
                if isinstance(part, int):
                    line = node.lc.item(part)[0] + 1
                else:
                    line = node.lc.key(part)[0] + 1
                node = node[part]
            except (AttributeError, KeyError, IndexError, TypeError):
                break
        return line

    def check(self, value: Any, definition: str, path: list[Any]) -> None:
        """Validate against ``$defs/definition``; refuse keys it does not define."""
        validator = jsonschema.Draft202012Validator(
            {"$ref": f"#/$defs/{definition}", "$defs": schema()["$defs"]}
        )
        if isinstance(value, dict):
            known = schema()["$defs"][definition].get("properties", {})
            for key in value:
                if key not in known:
                    raise self.fail([*path, key], f"unknown key {key!r} in {definition}")
        error = jsonschema.exceptions.best_match(validator.iter_errors(_plain(value)))
        if error is None:
            return
        where = [*path, *error.absolute_path]
        if error.validator == "additionalProperties":  # name the line of the first extra key
            extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
            where += extra[:1]
        raise self.fail(where, error.message)

    def document(self, folder: Path) -> Document:
        root = self.root
        if not isinstance(root, dict) or "cv" not in root:
            raise self.fail([], "a RenderCV file is a mapping with a 'cv' key")
        for key in root:
            if key not in ("cv", *PRESENTATION):
                expected = ", ".join(("cv", *PRESENTATION))
                raise self.fail([key], f"unknown key {key!r}: expected {expected}")
            if not isinstance(root[key], dict):
                raise self.fail([key], f"{key!r} is a mapping")
        cv = root["cv"]
        header = {k: v for k, v in cv.items() if k not in ("sections", "sort_entries")}
        self.check(header, "Cv", ["cv"])
        name = " ".join(str(cv.get("name") or "").split())
        if not name:
            raise self.fail(["cv"], "a CV needs the person's name (cv.name)")
        document = Document(name=name, person={"cv_name": name})
        self._person(cv, document, folder)
        sections = cv.get("sections") or {}
        if not isinstance(sections, dict):
            raise self.fail(["cv", "sections"], "sections is a mapping of titles to entries")
        summarized = False
        for key, entries in sections.items():
            groups = self._skill_groups(str(key), entries)
            section = None if groups else self._section(str(key), entries)
            if groups:
                document.add_skills(groups)
                document.skills_at = len(document.sections)
            elif _is_summary(section) and not summarized:
                # RenderCV has no summary field: its "Summary" section of text is the home page's
                document.summary[:0] = section.items[0].items
                summarized = True
            else:
                document.sections.append(section)
        page = _plain(root.get("design", {})).get("page")
        if isinstance(page, dict) and page.get("size") in PAPER:
            document.person["cv_paper"] = PAPER[page["size"]]
        if "sort_entries" in cv:  # 2.0-2.3: the pages keep the input's order
            document.kept["cv.sort_entries"] = cv["sort_entries"]
        for key in PRESENTATION:
            if key in root:
                document.kept[key] = _plain(root[key])
        return document

    def _person(self, cv: dict[str, Any], document: Document, folder: Path) -> None:
        person = document.person
        for field, setting in (("headline", "cv_headline"), ("location", "cv_location")):
            if cv.get(field):
                person[setting] = str(cv[field])
        links: list[tuple[str, ...]] = []
        for field, setting, label, scheme in (
            ("email", "cv_email", "Email", "mailto:"),
            ("phone", "cv_phone", "Phone", "tel:"),
            ("website", "cv_website", "Website", ""),
        ):
            values = cv.get(field)
            values = [str(v) for v in (values if isinstance(values, list) else [values]) if v]
            if values:
                person[setting] = values[0]
                links += [(label, scheme + v) for v in values[1:]]
        for network in cv.get("social_networks") or []:
            links.append(link(network["network"], _profile_url(network), network["username"]))
        for connection in cv.get("custom_connections") or []:
            if connection.get("url"):
                links.append((connection["placeholder"], str(connection["url"])))
            else:
                document.summary.append(connection["placeholder"])
            document.kept.setdefault("cv.custom_connections icons", []).append(
                connection["fontawesome_icon"]
            )
        if links:
            person["cv_links"] = links
        photo = cv.get("photo")
        if photo and str(photo).startswith(("http://", "https://")):
            document.image = str(photo)
        elif photo:
            path = folder / str(photo)
            if not path.is_file():
                raise self.fail(["cv", "photo"], f"no such file: {path}")
            document.image = path.name
            document.files[path.name] = path

    def _section(self, key: str, entries: Any) -> Section:
        path = ["cv", "sections", key]
        section = Section(_title(key), slug(_title(key)))
        if not isinstance(entries, list):
            raise self.fail(path, "a section is a list of entries")
        kind = self._entry_type(entries, path)
        for index, value in enumerate(entries):
            where = [*path, index]
            if kind == "TextEntry":
                if not isinstance(value, str):
                    raise self.fail(where, "this section's entries are text (TextEntry)")
                _add_block(section, "paragraphs", markup(value))
                continue
            self.check(value, kind, where)
            self._entry(section, kind, value)
        return section

    def _skill_groups(self, key: str, entries: Any) -> list[SkillGroup]:
        """A "Skills" section of ``label: a, b, c`` lines as skill definitions by category.

        RenderCV's own sample writes skills this way. Empty (the section stays a page)
        for another section, other entries, or a line that holds markup.
        """
        path = ["cv", "sections", key]
        if _title(key).casefold() != "skills" or not isinstance(entries, list) or not entries:
            return []
        if self._entry_type(entries, path) != "OneLineEntry":
            return []
        groups = []
        for index, value in enumerate(entries):
            self.check(value, "OneLineEntry", [*path, index])
            label, details = str(value["label"]), str(value["details"])
            if markup(label) != escape(label) or markup(details) != escape(details):
                return []
            names = [" ".join(n.split()) for n in details.split(",")]
            groups.append(SkillGroup(" ".join(label.split()), [Skill(n) for n in names if n]))
        return groups

    def _entry_type(self, entries: list[Any], path: list[Any]) -> str:
        found = entry_type(entries)
        if found is None:
            raise self.fail(
                path,
                "no entry type matches: each entry is text or has the fields of one of "
                + ", ".join(ENTRY_TYPES),
            )
        return found

    def _entry(self, section: Section, entry_type: str, value: dict[str, Any]) -> None:
        value = _plain(value)
        if entry_type == "BulletEntry":
            _add_block(section, "bullets", markup(value["bullet"]))
        elif entry_type in ("NumberedEntry", "ReversedNumberedEntry"):
            field = "number" if entry_type == "NumberedEntry" else "reversed_number"
            _add_block(section, "numbered", markup(value[field]))
        elif entry_type == "OneLineEntry":
            line = Markup(f"**{markup(value['label'])}:** {markup(value['details'])}")
            _add_block(section, "bullets", line)
        else:
            section.items.append(_typed_entry(entry_type, value))


def _typed_entry(entry_type: str, value: dict[str, Any]) -> Entry:
    """An entry of one of the kinds; values the kind has no option for open its body."""
    kind, argument = KINDS[entry_type]
    allowed = ENTRY_KINDS[kind].option_names
    name, link = _title_and_link(value[argument])
    entry = Entry(kind, name)
    details: list[str] = []

    def put(option: str, text: Any) -> None:
        if text in (None, ""):
            return
        if option in allowed and option not in entry.options:
            entry.options[option] = str(text)
        else:
            details.append(str(text))

    if value.get("doi"):
        put("url", f"https://doi.org/{value['doi']}")  # RenderCV links the DOI
    put("url", link)
    for field, option in OPTIONS.items():
        put(option, value.get(field))
    date = str(value.get("date") or "")
    if _is_date(date) and "date" in allowed:
        put("date", date)
    elif _is_date(date):
        put("start", date)
        put("end", date)
    else:
        details.append(date)
    put("start", value.get("start_date"))
    put("end", value.get("end_date"))
    if any(details):
        entry.paragraphs.append(" · ".join(d for d in details if d))
    if value.get("authors"):
        entry.paragraphs.append(Markup(", ".join(markup(a) for a in value["authors"])))
    if value.get("summary"):
        entry.paragraphs.append(markup(value["summary"]))
    entry.highlights = [markup(h) for h in value.get("highlights") or []]
    return entry


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except ValueError:
        return False
    return True


def _is_summary(section: Section) -> bool:
    return (
        section.title.casefold() == "summary"
        and len(section.items) == 1
        and isinstance(section.items[0], Block)
        and section.items[0].style == "paragraphs"
    )


def _add_block(section: Section, style: str, text: str) -> None:
    last = section.items[-1] if section.items else None
    if isinstance(last, Block) and last.style == style:
        last.items.append(text)
    else:
        section.items.append(Block(style, [text]))


def _profile_url(network: dict[str, Any]) -> str:
    if network["network"] == "Mastodon":
        _, user, host = network["username"].split("@")
        return f"https://{host}/@{user}"
    return PROFILE_URLS[network["network"]] + network["username"]


def _title(key: str) -> str:
    """RenderCV's section title: ``education_and_training`` → ``Education and Training``."""
    if " " in key or any(c.isupper() for c in key):
        return key
    words = key.replace("_", " ").split(" ")
    return " ".join(w if w in SMALL_WORDS else w.capitalize() for w in words)


def _title_and_link(text: str) -> tuple[str, str]:
    """``[FlashInfer](https://…)``, a whole-name link, as the name and its URL."""
    tokens = _markdown().parseInline(text)[0].children or []
    if (
        len(tokens) == 3
        and tokens[0].type == "link_open"
        and tokens[2].type == "link_close"
        and tokens[1].type == "text"
    ):
        return tokens[1].content, str(tokens[0].attrs.get("href", ""))
    return _text(tokens), ""


@cache
def _markdown() -> MarkdownIt:
    """RenderCV's Markdown: bold, italic, code and links."""
    return MarkdownIt("zero").enable(["emphasis", "backticks", "link", "escape", "newline"])


def markup(text: Any) -> Markup:
    """RenderCV Markdown as MyST: its markup kept, every other character escaped."""
    out, hrefs = [], []
    for token in _markdown().parseInline(str(text))[0].children or []:
        if token.type == "text":
            out.append(escape(token.content))
        elif token.type in ("strong_open", "strong_close"):
            out.append("**")
        elif token.type in ("em_open", "em_close"):
            out.append("*")
        elif token.type == "code_inline":
            out.append(f"``{token.content}``" if "`" in token.content else f"`{token.content}`")
        elif token.type == "link_open":
            out.append("[")
            hrefs.append(str(token.attrs.get("href", "")))
        elif token.type == "link_close":
            out.append(f"](<{hrefs.pop()}>)")
        elif token.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return Markup("".join(out))


def _text(tokens: list[Any]) -> str:
    return "".join(t.content for t in tokens if t.type in ("text", "code_inline"))


def _plain(value: Any) -> Any:
    """ruamel's mappings, sequences and dates as plain JSON values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _yaml_path(path: list[Any]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "(top)"
