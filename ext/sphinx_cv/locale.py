"""The extension's own message catalog: every word it writes goes through ``_``."""

from __future__ import annotations

from sphinx.locale import get_translation

MESSAGE_CATALOG = "sphinx_cv"

_ = get_translation(MESSAGE_CATALOG)
