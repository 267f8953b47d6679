"""What shows a skill was used: the entries that used it and the years they span.

``Kubernetes · 2016–present · 6 entries`` on the site, rather than a count of words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dates import PRESENT, parse_date
from .locale import _, ngettext

if TYPE_CHECKING:
    from .domain import CVDomain
    from .model import Entry

SEPARATOR = " · "
YEARS = "–"
"""Between the first and the last year of a span (no spaces, as for years)."""


def entry_years(entry: Entry) -> tuple[int, int | None] | None:
    """The first and last year of an entry (``None`` for the last: it goes on); ``None``
    without dates."""
    if not entry.start:
        return None
    first = parse_date(entry.start).date.year
    if entry.end == PRESENT:
        return first, None
    return first, parse_date(entry.end).date.year if entry.end else first


def span(entries: list[Entry]) -> str:
    """``2016–present``, ``2018–2021``, ``2020``; ``""`` when no entry has dates."""
    years = [y for y in map(entry_years, entries) if y is not None]
    if not years:
        return ""
    first = min(start for start, _end in years)
    ends = [end for _start, end in years]
    last = str(_("present")) if None in ends else str(max(e for e in ends if e is not None))
    return str(first) if last == str(first) else f"{first}{YEARS}{last}"


def entry_count(count: int) -> str:
    """``1 entry``, ``6 entries``, in the document's language."""
    return ngettext("%(count)d entry", "%(count)d entries", count) % {"count": count}


def evidence(domain: CVDomain, key: str) -> str:
    """``2016–present · 6 entries`` for skill *key*; ``""`` when no entry used it."""
    entries = domain.entries_by_skill().get(key, [])
    if not entries:
        return ""
    return SEPARATOR.join(part for part in (span(entries), entry_count(len(entries))) if part)
