"""The site's own additions: a sidebar of indexes and the PDF.

``cv_pdf_url``
    Where the site's "PDF" link points. Default: on Read the Docs, its download
    of this version's PDF; elsewhere the PDF beside the pages, named as in
    ``latex_documents``. The HTML builders copy it there from the LaTeX builder's
    folder beside theirs (``_build/latex`` for ``_build/html``, as ``make`` and
    ``sphinx-build -M`` lay them out); with no PDF there, the link is not shown.
"""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .locale import _
from .variants import variant_pdfs

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
HTML_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})
_PDF_BEFORE = "_cv_pdf_beside"


def _default_pdf_url(config: Config) -> str:
    canonical = os.environ.get("READTHEDOCS_CANONICAL_URL")
    if canonical:
        parts = urlsplit(canonical)
        language = os.environ.get("READTHEDOCS_LANGUAGE", config.language or "en")
        version = os.environ.get("READTHEDOCS_VERSION", "latest")
        return f"{parts.scheme}://{parts.netloc}/_/downloads/{language}/{version}/pdf/"
    return ""


def pdf_name(config: Config) -> str:
    """The PDF's file name: the first of ``latex_documents`` with ``.pdf``."""
    if config.latex_documents:
        return Path(config.latex_documents[0][1]).with_suffix(".pdf").name
    return ""


def copy_pdf(app: Sphinx) -> None:
    """``builder-inited``: the PDF of a LaTeX build beside this one goes beside the pages."""
    name = pdf_name(app.config)
    if app.builder.name not in HTML_BUILDERS or not name or app.config.cv_pdf_url:
        return
    built = Path(app.outdir).parent / "latex" / name
    if built.is_file():
        shutil.copy2(built, Path(app.outdir) / name)


def pdf_beside(app: Sphinx) -> str:
    """The PDF's file name when the pages have it beside them, else ``""``."""
    name = pdf_name(app.config)
    return name if name and (Path(app.outdir) / name).is_file() else ""


def pages_with_new_pdf(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every page again when the PDF came or went (the sidebar's link)."""
    if app.builder.name not in HTML_BUILDERS:
        return []
    now = pdf_beside(app)
    before = getattr(env, _PDF_BEFORE, now)
    setattr(env, _PDF_BEFORE, now)
    return sorted(env.found_docs) if now != before else []


def add_templates(app: Sphinx, config: Config) -> None:
    """``config-inited``: let themes find ``sidebar/cv-indexes.html`` and ``sphinx-cv.css``."""
    # a new list: Sphinx's default one is shared by every application of the process
    config.templates_path = [*config.templates_path, str(TEMPLATES)]
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
    pdf = app.config.cv_pdf_url or pdf_beside(app)
    if pdf:
        links.append((_("PDF"), pdf if "://" in pdf else pathto(pdf, resource=True)))
        links += [(label, pathto(name, resource=True)) for label, name in variant_pdfs(app)]
    context["cv_sidebar_links"] = links
    context["cv_sidebar_caption"] = _("Indexes and downloads")


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


def setup_html(app: Sphinx) -> None:
    """Register ``cv_pdf_url``, the sidebar template and the PDF beside the pages."""
    app.add_config_value("cv_pdf_url", _default_pdf_url, "html", frozenset({str}))
    app.connect("config-inited", add_templates)
    app.add_css_file("sphinx-cv.css")
    app.connect("html-page-context", sidebar_links)
    app.connect("html-page-context", escape_index_groups)
    app.connect("builder-inited", copy_pdf)
    app.connect("env-get-updated", pages_with_new_pdf)
