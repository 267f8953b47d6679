"""Roles in a toctree's caption: Sphinx shows a caption as plain text, so say so."""

from __future__ import annotations

import re
from typing import Any

from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)

ROLE = re.compile(r"(?:\{[\w:.+-]+\}|:[\w:.+-]+:)`(?P<text>[^`<]*?)\s*(?:<[^`>]*>)?`")
"""A role as MyST (``{skill}`Go```) or reStructuredText (``:skill:`Go```) writes it."""


class RolesInCaptions(SphinxTransform):
    """A role in a toctree's ``:caption:`` becomes its text, with a warning."""

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        for toctree in self.document.findall(addnodes.toctree):
            caption = toctree.get("caption") or ""
            plain = ROLE.sub(lambda match: match["text"], caption)
            if plain != caption:
                LOGGER.warning(
                    "roles are not read in a toctree caption: %r is shown as %r",
                    caption,
                    plain,
                    location=toctree,
                    type="cv",
                    subtype="caption",
                )
                toctree["caption"] = plain
