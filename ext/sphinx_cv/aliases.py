"""A skill's aliases as terms of its definition, on the site.

Search engines that index definition lists, Read the Docs' among them, make every
``<dt>`` with an ``id`` a section titled with its text, whose content is the ``<dd>``
after it. In HTML, each alias is such a term after the skill's name (``<dt id>k8s</dt>``),
so that searching an alias finds the definition as readily as its name does. The
terms are for search engines and screen readers; readers see the aliases in the
details line ("Also: k8s"), as in every other builder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


class skill_alias(nodes.Element):  # noqa: N801 (docutils naming)
    """One alias of a skill, a term of its definition (HTML only)."""


def visit_alias_html(self: HTML5Translator, node: skill_alias) -> None:
    self.body.append(self.starttag(node, "dt", "", CLASS="cv-skill-alias"))


def depart_alias_html(self: HTML5Translator, node: skill_alias) -> None:
    self.body.append("</dt>")  # no space before the next alias's comma


class AliasTerms(SphinxPostTransform):
    """Each alias as a term after the skill's name."""

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for signature in list(self.document.findall(addnodes.desc_signature)):
            skill = signature.get("cv_skill")
            if not skill or not skill["aliases"]:
                continue
            desc = signature.parent
            at = desc.index(signature) + 1
            for offset, alias in enumerate(skill["aliases"]):
                term = skill_alias(alias, nodes.Text(alias))
                node_id = self.unique_id(nodes.make_id(f"skill-alias-{alias}"))
                term["ids"].append(node_id)
                self.document.ids[node_id] = term
                desc.insert(at + offset, term)

    def unique_id(self, base: str) -> str:
        """*base*, or *base*-2, -3...: the first the page does not use (``c``, ``c++``)."""
        node_id, number = base, 1
        while node_id in self.document.ids:
            number += 1
            node_id = f"{base}-{number}"
        return node_id


def setup_aliases(app: Sphinx) -> None:
    """Register the alias term node (HTML) and its post-transform."""
    app.add_node(skill_alias, html=(visit_alias_html, depart_alias_html))
    app.add_post_transform(AliasTerms)
