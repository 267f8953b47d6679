"""Filling in, once every document is read, where each skill is used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from .indices import mention_label, places
from .model import skill_key
from .nodes import skill_usage

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .domain import CVDomain
    from .model import Mention


def resolve_usage(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: fill each skill's "Used in" line, index each mention."""
    domain: CVDomain = app.env.domains["cv"]  # type: ignore[assignment]
    if any(True for _ in doctree.findall(skill_usage)):
        by_skill = domain.mentions_by_skill()
        for placeholder in list(doctree.findall(skill_usage)):
            signature = placeholder.parent.parent[0]
            key = domain.names.get(_key_of(signature))
            mentions = by_skill.get(key, [])
            # links from the skill's page (LaTeX resolves all pages as the root)
            line = _usage_line(app, domain, domain.skills[key].docname, mentions) if key else None
            if line is not None and len(line) > 1:
                placeholder.replace_self(line)
            else:
                placeholder.parent.remove(placeholder)
    if app.builder.format == "latex":
        _index_mentions(domain, doctree, docname)


def _key_of(signature: nodes.Element) -> str:
    return skill_key(signature.get("cv_skill", {}).get("name", ""))


def _usage_line(
    app: Sphinx, domain: CVDomain, docname: str, mentions: list[Mention]
) -> nodes.paragraph:
    """``Used in: Page › Section (2); Page › Section › Entry``, each part a link."""
    line = nodes.paragraph(classes=["cv-skill-usage"])
    line += nodes.strong("Used in:", "Used in:")
    for first, count in places(mentions):
        label = mention_label(domain, first)
        text = nodes.inline(label, label)
        try:
            ref = make_refnode(app.builder, docname, first.docname, first.node_id, text, label)
        except NoUri:  # a page this output leaves out (an orphan page in the PDF)
            continue
        line += nodes.Text(" " if len(line) == 1 else "; ")
        line += ref
        if count > 1:
            line += nodes.Text(f" ({count})")
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
