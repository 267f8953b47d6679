"""Markup fixes for assistive technology, made where Sphinx writes the markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

CAPTION_LEVEL = "2"


def visit_title(self: HTML5Translator, node: nodes.title) -> None:
    """A toctree's caption is ``role="heading"``: give it the level ARIA requires."""
    parent = node.parent
    if isinstance(parent, addnodes.compact_paragraph) and parent.get("toctree"):
        attributes = {"aria-level": CAPTION_LEVEL}
        self.body.append(
            self.starttag(node, "p", "", CLASS="caption", ROLE="heading", **attributes)
        )
        self.body.append('<span class="caption-text">')
        self.context.append("</span></p>\n")
    else:
        type(self).visit_title(self, node)


def depart_title(self: HTML5Translator, node: nodes.title) -> None:
    type(self).depart_title(self, node)


def setup_a11y(app: Sphinx) -> None:
    """Override the HTML visitors of ``title`` (the others fall back to the translator's)."""
    app.add_node(nodes.title, override=True, html=(visit_title, depart_title))
