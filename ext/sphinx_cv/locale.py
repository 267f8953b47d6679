"""The extension's own message catalog: every word it writes goes through ``_``.

The catalogs are ``locales/<language>/LC_MESSAGES/sphinx_cv.mo`` (``make catalogs``
extracts, merges and compiles them); Sphinx loads the one of ``language``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation, get_translator

if TYPE_CHECKING:
    from sphinx.application import Sphinx

MESSAGE_CATALOG = "sphinx_cv"
LOCALE_DIR = Path(__file__).parent / "locales"

_ = get_translation(MESSAGE_CATALOG)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for *count*, by the plural rules of the document's language."""
    return get_translator(MESSAGE_CATALOG).ngettext(singular, plural, count)


def setup_locale(app: Sphinx) -> None:
    """Load the catalog of the document's language (``-D language=de`` included)."""
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
