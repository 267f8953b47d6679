"""Nodes typeset by the environments of ``sphinxcv.sty``, and helpers to build them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator


class cv_latex_env(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """A block typeset by the environment ``env`` of sphinxcv.sty, with arguments ``args``."""


class cv_latex_inline(nodes.Inline, nodes.TextElement):  # noqa: N801
    """Inline content in the environment ``env`` of sphinxcv.sty (no macro argument: it may
    hold ``\\index`` entries, which must be read as the text goes)."""


def visit_env(self: LaTeXTranslator, node: cv_latex_env) -> None:
    args = "".join(f"{{{arg}}}" for arg in node.get("args", ()))
    anchors = self.hypertarget_to(node, anchor=True) if node["ids"] else ""
    before = "" if node.get("cell") else "\n"  # cells of a row: no blank line, no \par
    self.body.append(f"{before}\\begin{{{node['env']}}}{args}{anchors}\n")


def depart_env(self: LaTeXTranslator, node: cv_latex_env) -> None:
    after = "%\n" if node.get("cell") else "\n"
    self.body.append(f"\n\\end{{{node['env']}}}{after}")


def visit_inline(self: LaTeXTranslator, node: cv_latex_inline) -> None:
    self.body.append(f"\\begin{{{node['env']}}}")


def depart_inline(self: LaTeXTranslator, node: cv_latex_inline) -> None:
    self.body.append(f"\\end{{{node['env']}}}")


class cv_latex_pages(nodes.Inline, nodes.Element):  # noqa: N801
    """The pages of the LaTeX labels ``labels`` (``docname:id``), each a link, repeats left out."""


def visit_pages(self: LaTeXTranslator, node: cv_latex_pages) -> None:
    # one \sphinxcvpage a label: a label may hold a comma (a page file named "a,b.md")
    pages = "".join(rf"\sphinxcvpage{{{self.idescape(label)}}}" for label in node["labels"])
    self.body.append(rf"\sphinxcvpages{{{pages}}}")
    raise nodes.SkipNode


def latex_env(env: str, *args: object, cell: bool = False) -> cv_latex_env:
    """A block in the environment *env* of sphinxcv.sty, with arguments *args*."""
    return cv_latex_env(env=env, args=[str(arg) for arg in args], cell=cell)


def latex_inline(env: str, *children: nodes.Node) -> cv_latex_inline:
    """Inline *children* in the environment *env* of sphinxcv.sty."""
    return cv_latex_inline("", "", *children, env=env)


def is_env(node: nodes.Node, env: str) -> bool:
    return isinstance(node, cv_latex_env) and node["env"] == env


def replace(node: nodes.Element, new: nodes.Element) -> nodes.Element:
    """Put *new* in the place of *node*, with its ids, source and children."""
    new["ids"].extend(node["ids"])
    new.source, new.line = node.source, node.line
    new.extend(node.children)
    node.replace_self(new)
    return new


def unwrap(node: nodes.Element) -> None:
    """Put the children of *node* in its place (its ids kept as a target)."""
    anchor = [nodes.target("", "", ids=node["ids"])] if node["ids"] else []
    node.replace_self(anchor + list(node.children))


# -- sphinx-design's components ------------------------------------------------
