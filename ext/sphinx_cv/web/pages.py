"""What every HTML page gets: JSON-LD, a description, the favicon, a JSON Resume link."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from .jsonld import person, script_tag
from .jsonresume import FILENAME
from .profile import current_profile, is_site

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

    from .profile import Profile

FAVICON = "cv-favicon.svg"
RESUME_LABEL = "JSON Resume"
_TAG = re.compile(r"<[^>]+>")


def default_favicon(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``, before Sphinx resolves resource paths: our favicon if none is set."""
    if is_site(app) and not context.get("favicon_url"):
        context["favicon_url"] = FAVICON


def page_meta(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``, after OpenGraph: JSON-LD, the JSON Resume link, a description."""
    if not is_site(app):
        return
    profile = current_profile(app)
    resume_url = context["pathto"](FILENAME, resource=True)
    tags = [
        script_tag(person(profile)),
        f'<link rel="alternate" type="application/json" title="{RESUME_LABEL}" '
        f'href="{html.escape(resume_url)}">',
    ]
    metatags = context.get("metatags") or ""
    if '<meta name="description"' not in metatags:
        tags.append(
            f'<meta name="description" content="{html.escape(_description(context, profile))}">'
        )
    context["metatags"] = metatags + "\n".join(tags) + "\n"
    if "cv_sidebar_links" in context:
        context["cv_sidebar_links"] = [*context["cv_sidebar_links"], (RESUME_LABEL, resume_url)]


def _description(context: dict[str, Any], profile: Profile) -> str:
    """For pages without text of their own (indexes, search): the page, the person, the headline."""
    title = context.get("title") or context.get("indextitle") or ""
    title = html.unescape(_TAG.sub("", str(title)))  # index titles: lazy translations
    about = " — ".join(part for part in (profile.name, profile.headline) if part)
    return f"{title}: {about}" if title and title != profile.name else about
