"""sphinx-cv: a CV as Sphinx documentation, with skills as cross-referenced objects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .aliases import setup_aliases
from .captions import RolesInCaptions
from .collector import setup_collector
from .config import setup_config
from .defaults import setup_defaults
from .domain import CVDomain, warn_unknown_skill
from .html import setup_html
from .incremental import note_documents_read, pages_to_rewrite, remember_definitions
from .latex import setup_latex
from .locale import setup_locale
from .mentions import setup_mentions
from .nodes import setup_nodes, skill_usage
from .person import add_person_header
from .skillrows import setup_skill_rows
from .skills import MentionAnchors, skill_role
from .sources import setup_sources
from .usage import (
    depart_usage_line_html,
    resolve_usage,
    skill_usage_line,
    visit_usage_line_html,
)
from .variants import setup_variants
from .web import setup_web

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the ``cv`` domain, its nodes, roles, indexes and build hooks."""
    setup_collector(app)
    setup_config(app)
    setup_locale(app)
    setup_sources(app)
    setup_defaults(app)

    setup_nodes(app)
    setup_html(app)
    setup_mentions(app)
    setup_skill_rows(app)
    setup_latex(app)
    setup_web(app)
    setup_variants(app)
    app.add_node(skill_usage)
    app.add_node(skill_usage_line, html=(visit_usage_line_html, depart_usage_line_html))
    setup_aliases(app)
    app.add_domain(CVDomain)
    app.add_role("skill", skill_role())
    app.add_transform(MentionAnchors)
    app.add_transform(RolesInCaptions)

    app.connect("warn-missing-reference", warn_unknown_skill)
    app.connect("doctree-resolved", resolve_usage)
    app.connect("doctree-resolved", add_person_header)
    app.connect("env-get-outdated", remember_definitions)
    app.connect("env-before-read-docs", note_documents_read)
    app.connect("env-get-updated", pages_to_rewrite)

    return {
        "version": __version__,
        "env_version": 7,  # 7: one-date entries end when they start; 6: mentions know their
        # entry, their only conditions, their list
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
