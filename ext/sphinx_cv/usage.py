"""Filling in, once every document is read, where each skill is used and by which entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from .evidence import evidence
from .indices import mention_label, places
from .locale import _
from .model import skill_key
from .nodes import skill_usage

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from .domain import CVDomain
    from .model import Mention

EVIDENCE = "cv-skill-evidence"
"""The class of a definition's ``2016–present · 6 entries`` line."""


class skill_usage_line(nodes.paragraph):  # noqa: N801 (docutils naming)
    """The "Used in" line: a paragraph (Sphinx's translators visit it as one), in HTML
    inside a ``<nav>``, which search indexes such as Read the Docs' leave out, so that a
    skill's section matches its own text, not the names of the places it is used."""


def visit_usage_line_html(self: HTML5Translator, node: skill_usage_line) -> None:
    label = self.attval(str(_("Where %s is used")) % node["skill"])
    self.body.append(f'<nav class="cv-skill-usage-nav" aria-label="{label}">')
    self.visit_paragraph(node)


def depart_usage_line_html(self: HTML5Translator, node: skill_usage_line) -> None:
    self.depart_paragraph(node)
    self.body.append("</nav>\n")


def resolve_usage(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: fill each skill's evidence and "Used in" lines, index each mention."""
    domain: CVDomain = app.env.domains["cv"]  # type: ignore[assignment]
    if any(True for _ in doctree.findall(skill_usage)):
        by_skill = domain.mentions_by_skill()
        for placeholder in list(doctree.findall(skill_usage)):
            signature = placeholder.parent.parent[0]
            key = domain.names.get(_key_of(signature))
            mentions = by_skill.get(key, []) if key else []
            # links from the skill's page (LaTeX resolves all pages as the root)
            line = _usage_line(app, domain, domain.skills[key].docname, mentions) if key else None
            if line is not None and len(line) > 1:
                shown = evidence(domain, key)
                lines = [nodes.paragraph(shown, shown, classes=[EVIDENCE])] if shown else []
                line["skill"] = domain.skills[key].name
                placeholder.replace_self([*lines, line])
            else:
                placeholder.parent.remove(placeholder)
    if app.builder.format == "latex":
        _index_mentions(domain, doctree, docname)


def _key_of(signature: nodes.Element) -> str:
    return skill_key(signature.get("cv_skill", {}).get("name", ""))


def _usage_line(
    app: Sphinx, domain: CVDomain, docname: str, mentions: list[Mention]
) -> skill_usage_line:
    """``Used in: Page › Section; Page › Section › Entry``, each part a link to its first
    mention there (places of pages this output leaves out, such as an orphan page in the
    PDF, left out)."""
    line = skill_usage_line(classes=["cv-skill-usage"])
    label = str(_("Used in:"))
    line += nodes.strong(label, label)
    for first in places(mentions):
        label = mention_label(domain, first)
        text = nodes.inline(label, label)
        try:
            ref = make_refnode(app.builder, docname, first.docname, first.node_id, text, label)
        except NoUri:
            continue
        line += nodes.Text(" " if len(line) == 1 else "; ")
        line += ref
    return line


def _index_mentions(domain: CVDomain, doctree: nodes.document, docname: str) -> None:
    """Give LaTeX an ``\\index`` at each mention, so the PDF index has every page.

    The LaTeX builder resolves one tree holding every page (*docname* is the root):
    a target's page is that of its nearest section marked with a ``docname``.
    The definitions' entries lose their "main" mark: makeindex merges a page only
    with an entry of the same mark, and would print "Go, 1, 1".
    """
    definitions = {skill.node_id for skill in domain.skills.values()}
    for index in doctree.findall(addnodes.index):
        index["entries"] = [
            (kind, value, target, "" if target in definitions else main, key)
            for kind, value, target, main, key in index["entries"]
        ]
    skills = {
        (m.docname, m.node_id): domain.find_skill(m.target)
        for mentions in domain.mentions.values()
        for m in mentions
    }
    for target in list(doctree.findall(nodes.target)):
        ids = target.get("ids", [])
        skill = skills.get((page_of(target, docname), ids[0])) if ids else None
        if skill is not None:
            index = addnodes.index(entries=[("single", skill.name, ids[0], "", None)])
            target.parent.insert(target.parent.index(target), index)


def page_of(node: nodes.Node, default: str) -> str:
    """The page *node* comes from in a tree of several pages (Sphinx marks their sections)."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section) and "docname" in parent:
            return parent["docname"]
        parent = parent.parent
    return default
