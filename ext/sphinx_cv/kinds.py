"""The kinds of CV entry, one for each section of JSON Resume 1.3.1.

Each kind names the JSON Resume section it belongs to, the field its directive's
argument fills, and its options with the field each fills. ``:skills:`` is every
kind's but ``language`` and ``interest``; ``:start:``/``:end:`` or ``:date:`` are
the dates of the kinds that have them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .locale import _

# option value types
TEXT = "text"
URL = "url"
DATE = "date"
LIST = "list"


@dataclass(frozen=True)
class EntryKind:
    """One kind of entry: its directive, its JSON Resume section and its fields."""

    name: str
    section: str  # JSON Resume's array, e.g. "work"
    name_field: str  # the field the directive's argument fills, e.g. "name"
    options: dict[str, tuple[str, str]] = field(default_factory=dict)  # option: (field, type)
    dates: tuple[str, ...] = ()  # ("start", "end"), ("date",) or ()
    skills: bool = True

    @property
    def option_names(self) -> tuple[str, ...]:
        names = [*self.options, *self.dates]
        return (*names, "skills") if self.skills else tuple(names)


_RANGE = ("start", "end")
_SINGLE = ("date",)

KINDS: dict[str, EntryKind] = {
    kind.name: kind
    for kind in (
        EntryKind(
            "work",
            "work",
            "name",
            {
                "position": ("position", TEXT),
                "location": ("location", TEXT),
                "description": ("description", TEXT),  # the employer's, in a few words
                "url": ("url", URL),
            },
            _RANGE,
        ),
        EntryKind(
            "volunteer",
            "volunteer",
            "organization",
            {"position": ("position", TEXT), "url": ("url", URL)},
            _RANGE,
        ),
        EntryKind(
            "education",
            "education",
            "institution",
            {
                "degree": ("studyType", TEXT),
                "area": ("area", TEXT),
                "score": ("score", TEXT),
                "courses": ("courses", LIST),
                "url": ("url", URL),
            },
            _RANGE,
        ),
        EntryKind("award", "awards", "title", {"awarder": ("awarder", TEXT)}, _SINGLE),
        EntryKind(
            "certificate",
            "certificates",
            "name",
            {"issuer": ("issuer", TEXT), "url": ("url", URL)},
            _SINGLE,
        ),
        EntryKind(
            "publication",
            "publications",
            "name",
            {"publisher": ("publisher", TEXT), "url": ("url", URL)},
            _SINGLE,
        ),
        EntryKind(
            "language", "languages", "language", {"fluency": ("fluency", TEXT)}, skills=False
        ),
        EntryKind("interest", "interests", "name", {"keywords": ("keywords", LIST)}, skills=False),
        EntryKind("reference", "references", "name"),
        EntryKind(
            "project",
            "projects",
            "name",
            {
                "type": ("type", TEXT),
                "roles": ("roles", LIST),
                "entity": ("entity", TEXT),
                "url": ("url", URL),
            },
            _RANGE,
        ),
    )
}
"""Every kind by name, in the order JSON Resume lists its sections."""

DEFAULT_KIND = "project"
"""The kind of a ``cv:entry`` without ``:kind:``."""

SINGLE_DATE_FIELD = {"award": "date", "certificate": "date", "publication": "releaseDate"}
"""JSON Resume's name of the one date of the kinds that have one."""


def kind_labels() -> dict[str, str]:
    """Each kind's name as a reader sees it, in the document's language."""
    return {
        "work": _("Work"),
        "volunteer": _("Volunteering"),
        "education": _("Education"),
        "award": _("Awards"),
        "certificate": _("Certificates"),
        "publication": _("Publications"),
        "language": _("Languages"),
        "interest": _("Interests"),
        "reference": _("References"),
        "project": _("Projects"),
    }
