"""Doctree nodes of CV entries and skill usage, with a visitor per builder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator


class cv_entry(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """A CV entry: header, body and the skills it used."""


class cv_entry_header(nodes.General, nodes.Element):  # noqa: N801
    """The entry's first line: a ``cv_entry_title`` and a ``cv_entry_meta``."""


class cv_entry_title(nodes.Inline, nodes.TextElement):  # noqa: N801
    """The entry's title, a link when the entry has a URL."""


class cv_entry_meta(nodes.Inline, nodes.TextElement):  # noqa: N801
    """The entry's role and period (may be empty)."""


class skill_usage(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for the list of places a skill is used, filled once all is read."""


# -- HTML: entries are sphinx-design cards ---------------------------------


def visit_entry_html(self: HTML5Translator, node: cv_entry) -> None:
    self.body.append(
        self.starttag(node, "div", CLASS="sd-card sd-sphinx-override sd-mb-3 sd-shadow-sm cv-entry")
    )
    self.body.append('<div class="sd-card-body">\n')


def depart_entry_html(self: HTML5Translator, node: cv_entry) -> None:
    self.body.append("</div>\n</div>\n")


def visit_header_html(self: HTML5Translator, node: cv_entry_header) -> None:
    self.body.append(self.starttag(node, "div", CLASS="sd-card-title cv-entry-header"))


def depart_div_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_span_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS=node.tagname.replace("_", "-")))


def depart_span_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


# -- LaTeX: environments and commands defined in sphinxcv.sty --------------


def visit_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    self.body.append("\n\n\\begin{sphinxcventry}")
    for node_id in node["ids"]:
        self.body.append(self.hypertarget(node_id, anchor=True))
    self.body.append("\n")


def depart_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    self.body.append("\n\\end{sphinxcventry}\n")


def visit_header_latex(self: LaTeXTranslator, node: cv_entry_header) -> None:
    self.body.append("\\sphinxcventryheader")


def depart_header_latex(self: LaTeXTranslator, node: cv_entry_header) -> None:
    self.body.append("\n")


def visit_title_latex(self: LaTeXTranslator, node: cv_entry_title) -> None:
    self.body.append("{")


def depart_title_latex(self: LaTeXTranslator, node: cv_entry_title) -> None:
    """The role goes with the title (left), the period alone on the right."""
    role = _entry_value(node, "role")
    if role:
        self.body.append(rf"\sphinxcventryrole{{{self.encode(role)}}}")
    self.body.append("}")


def visit_meta_latex(self: LaTeXTranslator, node: cv_entry_meta) -> None:
    self.body.append(f"{{{self.encode(_entry_value(node, 'period'))}}}")
    raise nodes.SkipNode


def _entry_value(node: nodes.Element, key: str) -> str:
    """An attribute of the entry that a header part belongs to."""
    entry = node.parent.parent if node.parent is not None else None
    return entry.get(key, "") if entry is not None else ""


# -- text ------------------------------------------------------------------


def visit_header_text(self: TextTranslator, node: cv_entry_header) -> None:
    self.new_state(0)


def depart_header_text(self: TextTranslator, node: cv_entry_header) -> None:
    self.end_state()


def visit_meta_text(self: TextTranslator, node: cv_entry_meta) -> None:
    if node.astext():
        self.add_text(" — ")


def visit_passthrough(self: object, node: nodes.Element) -> None:
    """Builders without a design of their own render just the children."""


def depart_passthrough(self: object, node: nodes.Element) -> None:
    pass


def setup_nodes(app: Sphinx) -> None:
    """Register the nodes with their html, latex and text visitors."""
    other = (visit_passthrough, depart_passthrough)
    others = {"man": other, "texinfo": other}
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
        html=(visit_span_html, depart_span_html),
        latex=(visit_title_latex, depart_title_latex),
        text=other,
        **others,
    )
    app.add_node(
        cv_entry_meta,
        html=(visit_span_html, depart_span_html),
        latex=(visit_meta_latex, None),
        text=(visit_meta_text, depart_passthrough),
        **others,
    )
