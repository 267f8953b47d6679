"""Dates of CV entries: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and an open end (``present``).

A date keeps its precision: ``2021`` is shown as a year, ``2021-03`` as a month.
Dates are shown in the document's ``language`` (Babel's date skeletons), and
written as ISO 8601 in ``<time datetime>`` and ``resume.json``.
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_skeleton

from .locale import _

PRESENT = "present"
"""The word an author writes for an end that is still open."""
RANGE = " – "
"""Between a start and an end."""

_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
_SKELETONS = {1: "y", 2: "yMMM", 3: "yMMMd"}


class CVDate(NamedTuple):
    """A date as precise as the author wrote it."""

    date: datetime.date
    precision: int  # 1: year, 2: month, 3: day

    @property
    def iso(self) -> str:
        """``2021``, ``2021-03`` or ``2021-03-01``: as precise as written."""
        return self.date.isoformat()[: {1: 4, 2: 7, 3: 10}[self.precision]]

    def format(self, language: str | None) -> str:
        """``Mar 2021`` in English, ``März 2021`` in German."""
        return format_skeleton(_SKELETONS[self.precision], self.date, locale=_locale(language))


def parse_date(text: str) -> CVDate:
    """``2021``, ``2021-03`` or ``2021-03-01`` as a :class:`CVDate`; ``ValueError`` otherwise."""
    match = _ISO.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (match[part] for part in ("year", "month", "day"))
    try:
        date = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise ValueError(f"{text!r} is not a date: {error}") from None
    return CVDate(date, 1 + (month is not None) + (day is not None))


class Period(NamedTuple):
    """When an entry took place: a start, an end, or both; ``open`` when it goes on."""

    start: CVDate | None
    end: CVDate | None
    open: bool = False

    def parts(self, language: str | None) -> list[tuple[str, str]]:
        """The shown dates, each with its ISO form (``""`` for ``present``); one when they are
        the same."""
        shown = [(d.format(language), d.iso) for d in (self.start, self.end) if d is not None]
        if self.open:
            shown.append((str(_("present")), ""))
        if len(shown) == 2 and shown[0][0] == shown[1][0]:
            shown.pop()
        return shown

    def format(self, language: str | None) -> str:
        """``Mar 2021 – present``, ``2018 – 2020``, ``May 2019``; ``""`` without dates."""
        return RANGE.join(text for text, _iso in self.parts(language))

    @property
    def first_year(self) -> int | None:
        return (self.start or self.end).date.year if (self.start or self.end) else None

    @property
    def last_year(self) -> int | None:
        """The year the period ends; the current year when it goes on."""
        if self.open:
            return datetime.date.today().year
        last = self.end or self.start
        return last.date.year if last else None


def parse_period(start: str | None, end: str | None) -> Period:
    """``start``/``end`` options as a :class:`Period`; ``ValueError`` names what is wrong.

    A start without an end goes on (as ``present``)."""
    first = parse_date(start) if start else None
    is_open = bool(end) and end.strip().casefold() == PRESENT
    last = parse_date(end) if end and not is_open else None
    if is_open and first is None:
        raise ValueError(f"an end of {PRESENT!r} needs a start")
    if first and last and last.date < first.date:
        raise ValueError(f"the end {last.iso} is before the start {first.iso}")
    return Period(first, last, is_open or (first is not None and not end))


def _locale(language: str | None) -> Locale:
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")
