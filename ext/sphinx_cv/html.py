"""The site's own additions: a sidebar of indexes and the PDF, and the root redirect.

``cv_pdf_url``
    Where the site's "PDF" link points. Default: on Read the Docs, its download
    of this version's PDF; elsewhere the PDF file beside the pages (``make``
    copies it there), named as in ``latex_documents``.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.config import Config

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
HTML_BUILDERS = frozenset({"html", "dirhtml"})


def _default_pdf_url(config: Config) -> str:
    canonical = os.environ.get("READTHEDOCS_CANONICAL_URL")
    if canonical:
        parts = urlsplit(canonical)
        language = os.environ.get("READTHEDOCS_LANGUAGE", config.language or "en")
        version = os.environ.get("READTHEDOCS_VERSION", "latest")
        return f"{parts.scheme}://{parts.netloc}/_/downloads/{language}/{version}/pdf/"
    if config.latex_documents:
        return Path(config.latex_documents[0][1]).with_suffix(".pdf").name
    return ""


def add_templates(app: Sphinx, config: Config) -> None:
    """``config-inited``: let themes find ``sidebar/cv-indexes.html`` and ``sphinx-cv.css``."""
    config.templates_path.append(str(TEMPLATES))
    config.html_static_path = [*config.html_static_path, str(STATIC)]


def sidebar_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the indexes that have content, and the PDF."""
    pathto = context["pathto"]
    links = [
        (index.localname, pathto(f"cv-{index.name}"))
        for index in app.env.domains["cv"].indices
        if f"cv-{index.name}" in _written_indices(app)
    ]
    pdf = app.config.cv_pdf_url
    if pdf:
        links.append(("PDF", pdf if "://" in pdf else pathto(pdf, resource=True)))
    context["cv_sidebar_links"] = links


def escape_index_groups(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the group headings of the ``cv`` indexes as HTML text.

    Sphinx's ``domainindex.html`` writes them as they come (its own are letters);
    ours are categories and page titles, which may hold ``<`` or ``&``.
    """
    if templatename == "domainindex.html" and pagename.startswith("cv-"):
        content = context["content"]
        context["content"] = [(html.escape(group), entries) for group, entries in content]


def _written_indices(app: Sphinx) -> set[str]:
    return {name for name, *_ in getattr(app.builder, "domain_indices", [])}


def redirect_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: ``index.html`` sends readers to a root document kept in a folder."""
    root = app.config.root_doc
    if app.builder.name in HTML_BUILDERS and root != "index" and "index" not in app.env.found_docs:
        target = app.builder.get_target_uri(root)
        yield "index", {"cv_redirect_to": target}, "cv-redirect.html"


def setup_html(app: Sphinx) -> None:
    """Register ``cv_pdf_url``, the sidebar template and the redirect page."""
    app.add_config_value("cv_pdf_url", _default_pdf_url, "html", frozenset({str}))
    app.connect("config-inited", add_templates)
    app.add_css_file("sphinx-cv.css")
    app.connect("html-page-context", sidebar_links)
    app.connect("html-page-context", escape_index_groups)
    app.connect("html-collect-pages", redirect_page)
