"""The extension's own message catalog: every word it writes goes through ``_``."""

from __future__ import annotations

from sphinx.locale import get_translation, get_translator

MESSAGE_CATALOG = "sphinx_cv"

_ = get_translation(MESSAGE_CATALOG)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for *count* things, by the language's plural rules."""
    return get_translator(MESSAGE_CATALOG).ngettext(singular, plural, count)
