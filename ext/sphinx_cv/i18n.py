"""The extension's own words in the document's language: its message catalog and dates.

Every fixed word the extension writes (index titles, "Used in", "Skills:", LaTeX
headings, "present") is looked up in the ``sphinx_cv`` catalog of ``language``
(``locale/<language>/LC_MESSAGES/sphinx_cv.mo``, made by ``make catalogs``); dates
are formatted by Babel in that language.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import TYPE_CHECKING

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from sphinx.locale import get_translation, get_translator

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOG = "sphinx_cv"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(CATALOG)

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for *count*, by the plural rules of the document's language."""
    return get_translator(CATALOG).ngettext(singular, plural, count)


def babel_locale(language: str | None) -> Locale:
    """Babel's locale for Sphinx's ``language`` (``de``, ``pt_BR``, ``zh-CN``); English else."""
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def format_iso_date(value: str, language: str | None) -> str:
    """``2021``, ``2021-03`` or ``2021-03-15`` as the document's language writes it.

    A year stays a year; a month is the language's month and year (``Mar 2021``,
    ``März 2021``); a day its medium date. Other text is returned as
    written.
    """
    match = _ISO_DATE.fullmatch(value.strip())
    if match is None:
        return value
    year, month, day = match.groups()
    if month is None:
        return year
    locale = babel_locale(language)
    date = datetime.date(int(year), int(month), int(day or 1))
    if day is None:
        return format_skeleton("yMMM", date, locale=locale)
    return format_date(date, "medium", locale=locale)


def format_period(start: str, end: str, language: str | None) -> str:
    """``start – end``; an open end (``present`` or none) reads as the language's "present"."""
    if not start:
        return format_iso_date(end, language) if end else ""
    first = format_iso_date(start, language)
    if not end or end.strip().casefold() == "present":
        present = _("present")
        return f"{first} – {present}"
    last = format_iso_date(end, language)
    if last == first:
        return first
    return f"{first}–{last}" if first.isdigit() and last.isdigit() else f"{first} – {last}"


def setup_i18n(app: Sphinx) -> None:
    """Load the catalog of the document's language (``-D language=de`` included)."""
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
