"""Defining a skill (``cv:skill``) and mentioning one (``skill`` / ``cv:skill`` roles)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.directives import ObjectDescription
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_id

from .nodes import skill_usage

if TYPE_CHECKING:
    from docutils.nodes import Element, Node
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec


def comma_list(argument: str | None) -> tuple[str, ...]:
    """Option converter: ``a, b, c`` to a tuple of names; empty names are an error."""
    if argument is None or not argument.strip():
        raise ValueError("expected a comma-separated list of names")
    names = tuple(" ".join(part.split()) for part in argument.split(","))
    if not all(names):
        raise ValueError(f"empty name in {argument!r}")
    return names


def skill_reference(
    env: BuildEnvironment, document: nodes.document, target: str, title: str, explicit: bool
) -> tuple[nodes.target, addnodes.pending_xref]:
    """A mention of a skill: an anchor (for indexes) and a reference to resolve.

    Without an *explicit* title the link reads as the skill's canonical name.
    """
    node_id = f"skill-mention-{env.new_serialno('skill-mention')}"
    anchor = nodes.target("", "", ids=[node_id])
    document.note_explicit_target(anchor)
    xref = addnodes.pending_xref(
        "",
        nodes.inline(title, title, classes=["xref", "cv", "cv-skill"]),
        refdomain="cv",
        reftype="skill",
        reftarget=target,
        refexplicit=explicit,
        refwarn=True,
        refdoc=env.docname,
        cv_mention_id=node_id,
    )
    return anchor, xref


class SkillRole(XRefRole):
    """``{skill}`Cilium``` or ``{skill}`the CNI <cilium>```: link to a skill, note the place."""

    def result_nodes(
        self, document: nodes.document, env: BuildEnvironment, node: Element, is_ref: bool
    ) -> tuple[list[Node], list[nodes.system_message]]:
        if not is_ref:
            return [node], []
        anchor, xref = skill_reference(
            env, document, node["reftarget"], node.astext(), node["refexplicit"]
        )
        xref.source, xref.line = node.source, node.line
        return [anchor, xref], []


def skill_role() -> SkillRole:
    """The mention role, as the domain (``cv:skill``) and the short name (``skill``) use it."""
    return SkillRole(innernodeclass=nodes.inline, warn_dangling=True)


class SkillDirective(ObjectDescription[str]):
    """Define a skill: canonical name as argument, one-line description as content."""

    has_content = True
    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {
        "aliases": comma_list,
        "category": directives.unchanged_required,
        "url": directives.uri,
        "level": directives.unchanged_required,
        "no-index": directives.flag,
    }

    def handle_signature(self, sig: str, signode: addnodes.desc_signature) -> str:
        name = " ".join(sig.split())
        signode += addnodes.desc_name(name, name)
        return name

    def add_target_and_index(self, name: str, sig: str, signode: addnodes.desc_signature) -> None:
        node_id = make_id(self.env, self.state.document, "skill", name.casefold())
        signode["ids"].append(node_id)
        self.state.document.note_explicit_target(signode)
        signode["cv_skill"] = {
            "name": name,
            "aliases": self.options.get("aliases", ()),
            "category": self.options.get("category", ""),
            "url": self.options.get("url", ""),
            "level": " ".join(self.options.get("level", "").split()),
            "description": "",  # the content's text, once parsed (transform_content)
        }
        self.indexnode["entries"].append(("single", name, node_id, "main", None))

    def _toc_entry_name(self, sig_node: addnodes.desc_signature) -> str:
        return ""  # the page's contents list its categories, not every skill

    def transform_content(self, content_node: addnodes.desc_content) -> None:
        description = " ".join(content_node.astext().split())
        for signode in content_node.parent.findall(addnodes.desc_signature):
            if "cv_skill" in signode:
                signode["cv_skill"]["description"] = description
        details = nodes.paragraph(classes=["cv-skill-details"])
        aliases = self.options.get("aliases", ())
        url = self.options.get("url")
        if aliases:
            text = "Also: " + ", ".join(aliases) + (" · " if url else "")
            details += nodes.inline(text, text, classes=["cv-skill-aliases"])  # see .aliases
        if url:
            details += nodes.reference(url, short_url(url), refuri=url)
        if len(details):
            content_node += details
        content_node += skill_usage()


def short_url(url: str) -> str:
    """``https://www.example.org/path/`` reads as ``example.org/path``."""
    short = url.split("://", 1)[-1].removeprefix("www.")
    return short.rstrip("/")
