"""How mentions read: the first mention of a skill in a section is a link, the others text.

``cv_link_mentions``
    ``"first"`` (the default): in each section, and in each entry, only the first
    mention of a skill links to its definition; ``"all"``: every mention does.
    An entry's "Skills:" line links every skill it lists. Every mention keeps its
    anchor and feeds the indexes and "Used in" either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.config import ENUM
from sphinx.transforms.post_transforms import SphinxPostTransform

from .model import skill_key
from .nodes import cv_entry

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .domain import CVDomain

LINK = "cv_link"
"""The pending reference's attribute saying whether it becomes a link (default: yes)."""
MENTION = "cv-mention"
"""The class of a mention's link: it reads as text (``sphinx-cv.css``)."""
SKILLS_LINE = "cv-entry-skills"


class FirstMentions(SphinxPostTransform):
    """Mark the mentions that repeat a skill already linked in their section or entry."""

    default_priority = 5  # before the references are resolved (10)

    def run(self, **kwargs: Any) -> None:
        if self.config.cv_link_mentions == "all":
            return
        domain: CVDomain = self.env.domains["cv"]  # type: ignore[assignment]
        self._mark(self.document, domain, set())

    def _mark(self, node: nodes.Element, domain: CVDomain, linked: set[str]) -> None:
        for child in node.children:
            if isinstance(child, (nodes.section, cv_entry)):
                self._mark(child, domain, set())
            elif _is_mention(child):
                key = domain.names.get(skill_key(child["reftarget"]))
                if key is None or SKILLS_LINE in node["classes"]:
                    continue
                child[LINK] = key not in linked
                linked.add(key)
            elif isinstance(child, nodes.Element):
                self._mark(child, domain, linked)


def _is_mention(node: nodes.Node) -> bool:
    return (
        isinstance(node, addnodes.pending_xref)
        and node.get("refdomain") == "cv"
        and node.get("reftype") == "skill"
    )


def setup_mentions(app: Sphinx) -> None:
    """Register ``cv_link_mentions`` and the transform that applies it."""
    app.add_config_value(
        "cv_link_mentions", "first", "env", ENUM("first", "all"), "which mentions are links"
    )
    app.add_post_transform(FirstMentions)
