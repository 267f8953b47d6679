"""Doctree nodes of CV entries and skill usage, with a visitor per builder."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx import addnodes

from .dates import RANGE, parse_period

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator


class cv_entry(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """A CV entry: header, details line, body and the skills it used."""


class cv_entry_header(addnodes.desc):  # noqa: N801
    """The entry's first line: its ``cv_entry_title`` and ``cv_entry_dates``.

    A ``desc`` whose title is its signature, so that Sphinx lists entries in the
    page's contents as it lists objects.
    """


class cv_entry_title(addnodes.desc_signature):  # noqa: N801
    """The entry's heading, with its anchor (a link where the entry has a URL)."""

    classes: ClassVar[list[str]] = []  # not an object signature's look


class cv_entry_org(nodes.Inline, nodes.TextElement):  # noqa: N801
    """The part of the heading saying where: company, institution, issuer."""


class cv_entry_dates(nodes.Inline, nodes.TextElement):  # noqa: N801
    """The entry's dates as shown; ``start`` and ``end`` (ISO or ``present``) as attributes."""


class cv_entry_meta(nodes.Part, nodes.TextElement):  # noqa: N801
    """The line under the heading: location, type, roles, score, courses."""


class skill_usage(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for the list of places a skill is used, filled once all is read."""


# -- HTML: entries are sphinx-design cards with a heading ------------------------


def visit_entry_html(self: HTML5Translator, node: cv_entry) -> None:
    classes = " ".join(["sd-card sd-sphinx-override sd-mb-3 sd-shadow-sm", *node["classes"]])
    self.body.append(f'<div class="{classes}">\n<div class="sd-card-body">\n')


def depart_entry_html(self: HTML5Translator, node: cv_entry) -> None:
    self.body.append("</div>\n</div>\n")


def visit_header_html(self: HTML5Translator, node: cv_entry_header) -> None:
    self.body.append(self.starttag(node, "div", CLASS="sd-card-title cv-entry-header"))


def depart_div_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def _heading_level(self: HTML5Translator) -> int:
    """One level below the section the entry is in."""
    return min(self.section_level + self.initial_header_level, 6)


def visit_title_html(self: HTML5Translator, node: cv_entry_title) -> None:
    self.body.append(self.starttag(node, f"h{_heading_level(self)}", "", CLASS="cv-entry-title"))


def depart_title_html(self: HTML5Translator, node: cv_entry_title) -> None:
    self.body.append(f"</h{_heading_level(self)}>")


def visit_dates_html(self: HTML5Translator, node: cv_entry_dates) -> None:
    """``<time datetime="2021-03">Mar 2021</time> – present``."""
    period = parse_period(node["start"] or None, node["end"] or None)
    parts = [
        f'<time datetime="{iso}">{self.encode(text)}</time>' if iso else self.encode(text)
        for text, iso in period.parts(self.config.language)
    ]
    self.body.append(self.starttag(node, "span", "", CLASS="cv-entry-dates"))
    self.body.append(RANGE.join(parts) + "</span>")
    raise nodes.SkipNode


def visit_meta_html(self: HTML5Translator, node: cv_entry_meta) -> None:
    self.body.append(self.starttag(node, "p", "", CLASS="cv-entry-meta"))


def depart_meta_html(self: HTML5Translator, node: cv_entry_meta) -> None:
    self.body.append("</p>\n")


def visit_span_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS=node.tagname.replace("_", "-")))


def depart_span_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


# -- LaTeX: environments and commands defined in sphinxcv.sty --------------


def visit_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    self.body.append("\n\n\\begin{sphinxcventry}")


def depart_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    self.body.append("\n\\end{sphinxcventry}\n")


def visit_header_latex(self: LaTeXTranslator, node: cv_entry_header) -> None:
    self.body.append("\n\\sphinxcventryheader")


def depart_header_latex(self: LaTeXTranslator, node: cv_entry_header) -> None:
    """The dates (``{}`` when none) and the details line: ``\\sphinxcventryheader{}{}{}``."""
    if not any(isinstance(child, cv_entry_dates) for child in node.children):
        self.body.append("{}")
    meta = next((c for c in node.parent.children if isinstance(c, cv_entry_meta)), None)
    self.body.append(f"{{{self.encode(meta.astext()) if meta is not None else ''}}}\n")


def visit_title_latex(self: LaTeXTranslator, node: cv_entry_title) -> None:
    self.body.append("{")
    for node_id in node["ids"]:
        self.body.append(self.hypertarget(node_id, anchor=True))


def depart_group_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("}")


def visit_dates_latex(self: LaTeXTranslator, node: cv_entry_dates) -> None:
    self.body.append(r"{\mbox{")


def depart_dates_latex(self: LaTeXTranslator, node: cv_entry_dates) -> None:
    self.body.append("}}")


def visit_org_latex(self: LaTeXTranslator, node: cv_entry_org) -> None:
    self.body.append(r"\sphinxcventryorg{")


def visit_meta_latex(self: LaTeXTranslator, node: cv_entry_meta) -> None:
    raise nodes.SkipNode  # in the header's line of dates and details


# -- text ------------------------------------------------------------------


def visit_header_text(self: TextTranslator, node: cv_entry_header) -> None:
    self.new_state(0)


def depart_header_text(self: TextTranslator, node: cv_entry_header) -> None:
    self.end_state()


def visit_dates_text(self: TextTranslator, node: cv_entry_dates) -> None:
    self.add_text(" (")


def depart_dates_text(self: TextTranslator, node: cv_entry_dates) -> None:
    self.add_text(")")


def visit_meta_text(self: TextTranslator, node: cv_entry_meta) -> None:
    self.new_state(0)


def depart_meta_text(self: TextTranslator, node: cv_entry_meta) -> None:
    self.end_state()


def visit_passthrough(self: object, node: nodes.Element) -> None:
    """Builders without a design of their own render just the children."""


def depart_passthrough(self: object, node: nodes.Element) -> None:
    pass


def setup_nodes(app: Sphinx) -> None:
    """Register the nodes with their html, latex and text visitors."""
    other = (visit_passthrough, depart_passthrough)
    others = {"man": other, "texinfo": other}
    span = (visit_span_html, depart_span_html)
    app.add_node(
        cv_entry,
        html=(visit_entry_html, depart_entry_html),
        latex=(visit_entry_latex, depart_entry_latex),
        text=other,
        **others,
    )
    app.add_node(
        cv_entry_header,
        html=(visit_header_html, depart_div_html),
        latex=(visit_header_latex, depart_header_latex),
        text=(visit_header_text, depart_header_text),
        **others,
    )
    app.add_node(
        cv_entry_title,
        html=(visit_title_html, depart_title_html),
        latex=(visit_title_latex, depart_group_latex),
        text=other,
        **others,
    )
    app.add_node(
        cv_entry_org, html=span, latex=(visit_org_latex, depart_group_latex), text=other, **others
    )
    app.add_node(
        cv_entry_dates,
        html=(visit_dates_html, None),
        latex=(visit_dates_latex, depart_dates_latex),
        text=(visit_dates_text, depart_dates_text),
        **others,
    )
    app.add_node(
        cv_entry_meta,
        html=(visit_meta_html, depart_meta_html),
        latex=(visit_meta_latex, None),
        text=(visit_meta_text, depart_meta_text),
        **others,
    )
