"""CV entries: ``cv:work``, ``cv:education``, ... one directive per kind, and ``cv:entry``.

``{cv:entry}`` takes the kind as ``:kind:`` (default: ``project``); ``{cv:work}`` is
``{cv:entry}`` with ``:kind: work``. The argument is the entry's name (company,
institution, title); options hold the kind's fields and dates (:mod:`sphinx_cv.kinds`);
the body's paragraphs are its summary and its list items its highlights.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from .dates import PRESENT, parse_period
from .kinds import DATE, DEFAULT_KIND, KINDS, LIST, URL, EntryKind
from .locale import _
from .model import skill_key
from .nodes import (
    cv_entry,
    cv_entry_dates,
    cv_entry_header,
    cv_entry_meta,
    cv_entry_org,
    cv_entry_title,
)
from .skills import comma_list, link_option, skill_reference

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

LOGGER = logging.getLogger(__name__)

SEPARATOR = " · "
"""Between the parts of an entry's details line."""


def _text(argument: str | None) -> str:
    return " ".join(directives.unchanged_required(argument).split())


_CONVERTERS = {"text": _text, URL: directives.uri, DATE: _text, LIST: comma_list}


def _option_spec(kind: EntryKind) -> OptionSpec:
    spec: dict[str, Any] = {name: _CONVERTERS[typ] for name, (_f, typ) in kind.options.items()}
    spec.update(dict.fromkeys(kind.dates, _text))
    if kind.skills:
        spec["skills"] = comma_list
    return spec


def _all_options() -> OptionSpec:
    spec: dict[str, Any] = {"kind": directives.unchanged_required}
    for kind in KINDS.values():
        spec.update(_option_spec(kind))
    return spec


class EntryDirective(SphinxDirective):
    """``{cv:entry} Name`` with ``:kind:``; the kind's fields, dates and skills as options."""

    has_content = True
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = _all_options()
    kind: ClassVar[str | None] = None  # set by the directives of one kind

    def run(self) -> list[Node]:
        kind = self._kind()
        if kind is None:
            return []
        title = " ".join(self.arguments[0].split())
        fields = {
            name: value
            for name, value in self.options.items()
            if name in kind.options and value not in ("", ())
        }
        if "url" in fields and not link_option(self):
            del fields["url"]
        start, end = self._dates(kind)
        skills = self._skills() if kind.skills else ()
        node = cv_entry(
            kind=kind.name,
            title=title,
            fields=fields,
            start=start,
            end=end,
            skills=list(skills),
            classes=["cv-entry", f"cv-entry-{kind.name}"],
        )
        self.set_source_info(node)
        header = cv_entry_header()
        heading = _heading(kind, title, fields)
        heading["ids"].append(make_id(self.env, self.state.document, "entry", title.casefold()))
        self.state.document.note_explicit_target(heading)
        heading["_toc_name"] = heading.astext()
        header += heading
        dates = self._dates_node(start, end)
        if dates is not None:
            header += dates
        node += header
        details = _details(kind, fields)
        if details:
            node += cv_entry_meta(details, details)
        node += self.parse_content_to_nodes()
        if skills:
            node += self._skills_line(skills)
        return [node]

    def _skills(self) -> tuple[str, ...]:
        """``:skills:`` with each name once (a repeat is a warning)."""
        skills: dict[str, str] = {}
        for name in self.options.get("skills", ()):
            if skill_key(name) in skills:
                self._warn(
                    "skill %r is listed twice in :skills:; it counts once", name, subtype="skills"
                )
                continue
            skills[skill_key(name)] = name
        return tuple(skills.values())

    def _kind(self) -> EntryKind | None:
        name = self.kind or self.options.get("kind", DEFAULT_KIND).strip().casefold()
        kind = KINDS.get(name)
        if kind is None:
            self._warn(
                "unknown kind of CV entry %r; the kinds are %s",
                name,
                ", ".join(KINDS),
                subtype="entry-kind",
            )
            return None
        for option in self.options:
            if option != "kind" and option not in kind.option_names:
                self._warn(
                    "option %r is not one of a %s entry's (%s)",
                    option,
                    kind.name,
                    ", ".join(kind.option_names),
                    subtype="entry-option",
                )
        return kind

    def _dates(self, kind: EntryKind) -> tuple[str, str]:
        """The ISO start and end (``present`` when open) of the entry, ``""`` when none; a
        kind with one date starts and ends on it."""
        if "date" in kind.dates:
            start, end = self.options.get("date"), None
        else:
            start, end = self.options.get("start"), self.options.get("end")
        try:
            period = parse_period(start, end)
        except ValueError as error:
            self._warn("%s", str(error), subtype="entry-date")
            return "", ""
        if "date" in kind.dates:  # one day, month or year: it starts and ends then
            return (period.start.iso, period.start.iso) if period.start else ("", "")
        first = period.start.iso if period.start else ""
        return first, PRESENT if period.open else (period.end.iso if period.end else "")

    def _dates_node(self, start: str, end: str) -> cv_entry_dates | None:
        if not start and not end:
            return None
        period = parse_period(start or None, end or None)
        text = period.format(self.config.language)
        return cv_entry_dates(text, text, start=start, end=end)

    def _skills_line(self, skills: tuple[str, ...]) -> nodes.paragraph:
        line = nodes.paragraph(classes=["cv-entry-skills"])
        label = str(_("Skills:"))
        line += nodes.strong(label, label)
        for number, name in enumerate(skills):
            line += nodes.Text("\u00a0" if number == 0 else ", ")  # no label alone at a line end
            anchor, xref = skill_reference(self.env, self.state.document, name, name, False)
            xref["cv_canonical"] = True
            self.set_source_info(xref)
            line += [anchor, xref]
        return line

    def _warn(self, message: str, *args: str, subtype: str) -> None:
        LOGGER.warning(message, *args, location=self.get_location(), type="cv", subtype=subtype)


def _heading(kind: EntryKind, title: str, fields: dict[str, Any]) -> cv_entry_title:
    """The entry's heading: what the person was or did, then where (linked when a URL is given).

    ``Platform Engineer — Acme GmbH``, ``MSc, Computer Science — TU Berlin``, ``Talos``.
    """
    url = fields.get("url", "")
    named = nodes.reference(title, title, refuri=url) if url else nodes.Text(title)
    if kind.name in ("work", "volunteer"):
        primary = fields.get("position", "")
    elif kind.name == "education":
        primary = ", ".join(v for v in (fields.get("degree"), fields.get("area")) if v)
    else:
        primary = ""
    secondary = {
        "award": "awarder",
        "certificate": "issuer",
        "publication": "publisher",
        "language": "fluency",
        "project": "entity",
    }.get(kind.name)
    heading = cv_entry_title()
    if primary:
        heading += nodes.Text(primary)
        heading += cv_entry_org("", nodes.Text(" — "), named)
    else:
        heading += named
        if secondary and fields.get(secondary):
            heading += cv_entry_org("", nodes.Text(" — " + fields[secondary]))
    return heading


def _details(kind: EntryKind, fields: dict[str, Any]) -> str:
    """The line under the heading: location, the employer's description, type, roles,
    score, courses, keywords."""
    labels = {"score": _("Score: %s"), "courses": _("Courses: %s")}
    parts = []
    for option in ("location", "description", "type", "roles", "score", "courses", "keywords"):
        value = fields.get(option)
        if value and option in kind.options:
            text = value if isinstance(value, str) else ", ".join(value)
            parts.append(str(labels[option]) % text if option in labels else text)
    return SEPARATOR.join(parts)


def kind_directive(kind: EntryKind) -> type[EntryDirective]:
    """The directive of one kind: ``cv:work`` is ``cv:entry`` with ``:kind: work``."""
    return type(
        f"{kind.name.title()}Directive",
        (EntryDirective,),
        {
            "kind": kind.name,
            "option_spec": _option_spec(kind),
            "__doc__": f"A {kind.name} entry of the CV.",
        },
    )


def entry_directives() -> dict[str, type[EntryDirective]]:
    """``entry`` and one directive per kind, for the domain."""
    return {"entry": EntryDirective, **{name: kind_directive(k) for name, k in KINDS.items()}}
