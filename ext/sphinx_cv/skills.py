"""Defining a skill (``cv:skill``) and mentioning one (``skill`` / ``cv:skill`` roles)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.directives import ObjectDescription
from sphinx.roles import XRefRole
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from .config import LINK_SCHEMES, is_link_url
from .locale import _
from .model import skill_key
from .nodes import skill_usage

if TYPE_CHECKING:
    from docutils.nodes import Element, Node
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec


LOGGER = logging.getLogger(__name__)


def link_option(directive: SphinxDirective) -> str:
    """The directive's ``:url:`` if it is a link (``LINK_SCHEMES``), else a warning and ``""``."""
    url = directive.options.get("url", "")
    if url and not is_link_url(url):
        LOGGER.warning(
            ":url: %r is not an absolute %s URL; it is left out",
            url,
            ", ".join(LINK_SCHEMES),
            location=directive.get_location(),
            type="cv",
            subtype="url",
        )
        return ""
    return url


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

    Without an *explicit* title the link reads as the skill's canonical name. The
    anchor gets its id from :class:`MentionAnchors`, once the text is translated.
    """
    anchor = nodes.target("", "", cv_mention_anchor=True)
    xref = addnodes.pending_xref(
        "",
        nodes.inline(title, title, classes=["xref", "cv", "cv-skill"]),
        refdomain="cv",
        reftype="skill",
        reftarget=target,
        refexplicit=explicit,
        refwarn=True,
        refdoc=env.docname,
        cv_mention_id="",
    )
    return anchor, xref


class MentionAnchors(SphinxTransform):
    """Number the anchors of mentions in reading order, after translation.

    Sphinx's i18n transform parses a translated paragraph again, with new nodes:
    numbering afterwards gives the anchors of a translated page the ids of the
    original, so links to them (usage lines, indexes, other languages) agree.
    """

    default_priority = 25  # after sphinx.transforms.i18n.Locale

    def apply(self, **kwargs: Any) -> None:
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if "cv_mention_id" not in xref:
                continue
            parent = xref.parent
            index = parent.index(xref)
            anchor = parent[index - 1] if index else None
            if not (isinstance(anchor, nodes.target) and anchor.get("cv_mention_anchor")):
                anchor = nodes.target("", "", cv_mention_anchor=True)
                parent.insert(index, anchor)
            node_id = f"skill-mention-{self.env.new_serialno('skill-mention')}"
            anchor["ids"] = [node_id]
            self.document.note_explicit_target(anchor)
            xref["cv_mention_id"] = node_id


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
            "aliases": self.options["aliases"],
            "category": self.options.get("category", ""),
            "url": self.options["url"],
            "level": " ".join(self.options.get("level", "").split()),
            "description": "",  # the content's text, once parsed (transform_content)
        }
        self.indexnode["entries"].append(("single", name, node_id, "main", None))

    def run(self) -> list[Node]:
        self._check_options()
        return super().run()

    def _check_options(self) -> None:
        """A link URL; aliases that are not the name and not repeated."""
        self.options["url"] = link_option(self)
        name_key = skill_key(self.arguments[0])
        aliases: dict[str, str] = {}
        for alias in self.options.get("aliases", ()):
            key = skill_key(alias)
            if key == name_key or key in aliases:
                LOGGER.warning(
                    "alias %r of skill %r is %s; it is left out",
                    alias,
                    " ".join(self.arguments[0].split()),
                    "its own name" if key == name_key else "listed twice",
                    location=self.get_location(),
                    type="cv",
                    subtype="alias",
                )
                continue
            aliases[key] = alias
        self.options["aliases"] = tuple(aliases.values())

    def _toc_entry_name(self, sig_node: addnodes.desc_signature) -> str:
        return ""  # the page's contents list its categories, not every skill

    def transform_content(self, content_node: addnodes.desc_content) -> None:
        description = " ".join(content_node.astext().split())
        for signode in content_node.parent.findall(addnodes.desc_signature):
            if "cv_skill" in signode:
                signode["cv_skill"]["description"] = description
        details = nodes.paragraph(classes=["cv-skill-details"], translatable=False)
        aliases = self.options["aliases"]
        url = self.options["url"]
        if aliases:
            text = _("Also:") + " " + ", ".join(aliases) + (" · " if url else "")
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


def skill_names_line(
    signatures: list[addnodes.desc_signature], label: str = "", classes: tuple[str, ...] = ()
) -> nodes.paragraph:
    """``Label: a, b, c``: skill definitions as one line of names, each name with its
    definition's anchor (the PDF's category lines, a compact variant's Skills page)."""
    line = nodes.paragraph(classes=list(classes))
    if label:
        line += [nodes.strong(label, label), nodes.Text("\u00a0")]
    for number, signature in enumerate(signatures):
        if number:
            line += nodes.Text(", ")
        name = signature.astext()
        line += nodes.target("", "", ids=list(signature["ids"]))
        line += nodes.inline(name, name, classes=["cv-skill-name"])
    return line
