"""Skill definitions on the site as compact rows: the details on demand.

A definition's row shows its name, what used it (``2016–present · 6 entries``) and its
description on one line; aliases, home page and "Used in" open under it (``<details>``).
The signature (``dt``) and its anchor stay as Sphinx writes them, so links, search and
``objects.inv`` are unchanged. Other builders keep the definitions as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .evidence import SEPARATOR
from .usage import EVIDENCE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

DESCRIPTION = "cv-skill-description"


class skill_details(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """A definition's summary with its details under it, shown on demand."""


class skill_summary(nodes.Part, nodes.TextElement):  # noqa: N801
    """A definition's one line: what used it and the description."""


def compact_definitions(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` (after "Used in" is filled): each skill definition as a row."""
    if app.builder.format != "html":
        return
    for desc in doctree.findall(addnodes.desc):
        if desc.get("domain") == "cv" and desc.get("objtype") == "skill":
            for content in desc.findall(addnodes.desc_content):
                _compact(content)


def _compact(content: addnodes.desc_content) -> None:
    children = list(content.children)
    first = children[0] if children else None
    description = first if isinstance(first, nodes.paragraph) and not first["classes"] else None
    evidence = next((c for c in children if EVIDENCE in c.get("classes", ())), None)
    details = [c for c in children if c is not description and c is not evidence]
    summary = skill_summary()
    if evidence is not None:
        summary += nodes.inline("", "", *evidence.children, classes=[EVIDENCE])
    if evidence is not None and description is not None:
        summary += nodes.Text(SEPARATOR)
    if description is not None:
        summary += nodes.inline("", "", *description.children, classes=[DESCRIPTION])
    if details:
        content[:] = [skill_details("", summary, *details)]
    elif len(summary):
        content[:] = [nodes.paragraph("", "", *summary.children, classes=["cv-skill-summary"])]


def visit_details_html(self: HTML5Translator, node: skill_details) -> None:
    self.body.append(self.starttag(node, "details", CLASS="cv-skill-more"))


def depart_details_html(self: HTML5Translator, node: skill_details) -> None:
    self.body.append("</details>\n")


def visit_summary_html(self: HTML5Translator, node: skill_summary) -> None:
    self.body.append(self.starttag(node, "summary", "", CLASS="cv-skill-summary"))


def depart_summary_html(self: HTML5Translator, node: skill_summary) -> None:
    self.body.append("</summary>\n")


def setup_skill_rows(app: Sphinx) -> None:
    """Register the nodes (HTML only: no other builder meets them) and the event."""
    app.add_node(skill_details, html=(visit_details_html, depart_details_html))
    app.add_node(skill_summary, html=(visit_summary_html, depart_summary_html))
    app.connect("doctree-resolved", compact_definitions, priority=600)
