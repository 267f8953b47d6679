"""The PDF: a LaTeX theme of the extension's own, and the LaTeX form of what the pages hold.

``latex_theme = "cv"``
    The theme in the extension's ``latex/themes/cv`` folder: the ``sphinxcv`` class over
    ``article``. A header of name, headline and links instead of a title page, no
    table of contents, compact sections and the index of skills at the end.
``cv_paper``
    ``"a4"`` (the default) or ``"letter"``: the PDF's paper, for any LaTeX theme.
``cv_pdf_glossary``
    ``False`` (the default): the skills' definitions are one ``Category: a, b, c``
    line each in the PDF; ``True``: each with its description and pages.
``cv_pdf_index``
    ``True`` (the default): the PDF ends with the index of skills and their pages.
``cv_pdf_hyphenation``
    ``False`` (the default): no word is split over two lines, so that the text layer
    reads as written (applicant tracking systems); ``True``: words are hyphenated by
    the rules of the document's ``language``.

The header and the PDF's metadata come from ``cv_name``, ``cv_headline`` and
``cv_links`` (:mod:`sphinx_cv.config`) and the skills of the ``cv`` domain; they
are written with the look of the extension's nodes into ``sphinxcv.sty``, which
every LaTeX build loads. For the LaTeX builder only, sphinx-design's components
become blocks and rows of cells, the pages of a toctree ending the home page follow
at the top level, lists of short items fill rows, and skill definitions become
compact paragraphs, the places they are used given as page numbers.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sphinx.config import ENUM
from sphinx.util import texescape
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.template import LaTeXRenderer

from ..homepage import headline, intro_paragraphs
from ..locale import _
from ..person import contact_items
from .bidi import setup_bidi
from .design import DesignForLatex
from .fonts import latex_in_fonts, region, setup_fonts
from .layout import CVLayoutForLatex, compact_for_latex
from .nodes import (
    cv_latex_env,
    cv_latex_inline,
    cv_latex_pages,
    depart_env,
    depart_inline,
    visit_env,
    visit_inline,
    visit_pages,
)
from .preload import setup_preload

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..domain import CVDomain

THEMES = Path(__file__).parent / "themes"
"""``cv/theme.conf``: the ``cv`` LaTeX theme."""
TEXINPUTS = Path(__file__).parent / "texinputs"
"""``sphinxcv.cls`` and ``sphinxcv.sty.jinja``, copied beside the .tex."""

PAPERS = {"a4": "a4paper", "letter": "letterpaper"}
KEYWORDS = 200
"""Most skill names in the PDF's keywords (this CV has 130; 3,000 took XeLaTeX 95 s a pass)."""
URI_SAFE = ":/?#[]@!$&'()*+,;=%~"
"""Characters kept as they are in a link of the header (the others: percent-encoded)."""


def add_theme(app: Sphinx, config: Config) -> None:
    """``config-inited``: find the ``cv`` theme; paper from ``cv_paper`` unless set otherwise."""
    # new values, not changed defaults (which other Sphinx applications may share)
    if str(THEMES) not in map(str, config.latex_theme_path):
        config.latex_theme_path = [*config.latex_theme_path, str(THEMES)]
    if not config.cv_pdf_index and "printindex" not in config.latex_elements:
        config.latex_elements = {**config.latex_elements, "printindex": ""}
    if "papersize" not in config.latex_elements:
        config.latex_theme_options = {
            "papersize": PAPERS[config.cv_paper],
            **config.latex_theme_options,
        }


def copy_support_files(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: ``sphinxcv.cls`` and ``sphinxcv.sty`` (header, metadata) by the .tex."""
    if exception is not None or app.builder.format != "latex":
        return
    copy_asset_file(TEXINPUTS / "sphinxcv.cls", app.outdir, force=True)
    copy_asset_file(
        TEXINPUTS / "sphinxcv.sty.jinja",
        app.outdir,
        context=header_context(app),
        renderer=LaTeXRenderer(latex_engine=app.config.latex_engine),
        force=True,
    )


def header_context(app: Sphinx) -> dict[str, str]:
    """The header and PDF metadata as LaTeX text: name, headline, links, skill names."""
    config = app.config
    escape = partial(texescape.escape, latex_engine=config.latex_engine)
    root = app.env.get_doctree(config.root_doc)
    skills = sorted(keywords(app.env.domains["cv"]), key=str.casefold)
    cjk = region(config.language)

    def shown(text: str, where: str) -> str:
        return latex_in_fonts(text, escape, cjk, f"the PDF's header ({where})")

    return {
        "name": shown(config.cv_name, "cv_name"),
        "headline": shown(headline(config, intro_paragraphs(root)), "the headline"),
        "links": r"\sphinxcvlinksep".join(
            rf"\sphinxcvlink{{{_latex_uri(url, escape)}}}{{{shown(text, kind)}}}"
            if url
            else rf"\sphinxcvplace{{{shown(text, kind)}}}"
            for kind, text, url in contact_items(config)
        ),
        "keywords": escape(", ".join(skills)),
        "language": escape(config.language or "en"),
        "hyphenpenalty": "50" if config.cv_pdf_hyphenation else "10000",
        "index_name": escape(_("Index of skills")),
        "pages_name": escape(_("p.")),
    }


def keywords(domain: CVDomain) -> list[str]:
    """The PDF's keywords: the most used skills, at most ``KEYWORDS`` of them.

    XeLaTeX takes seconds a page for each thousand keywords (every pass): a CV of
    3,000 skills would take minutes.
    """
    by_skill = domain.mentions_by_skill()
    used = sorted(domain.skills, key=lambda key: (-len(by_skill.get(key, [])), key))
    return [domain.skills[key].name for key in used[:KEYWORDS]]


def _latex_uri(url: str, escape: Callable[[str], str]) -> str:
    """A URL for ``\\href``: characters a URI may not hold percent-encoded, then escaped as
    Sphinx's LaTeX writer escapes link targets."""
    return (
        escape(quote(url, safe=URI_SAFE))
        .replace(r"\textasciitilde{}", "~")
        .replace(r"\sphinxhyphen{}", "-")
        .replace(r"\textquotesingle{}", "'")
    )


def setup_latex(app: Sphinx) -> None:
    """Register ``cv_paper``, the ``cv`` theme, the LaTeX nodes, transforms and files."""
    app.add_config_value("cv_paper", "a4", "", ENUM(*PAPERS), "the PDF's paper: a4 or letter")
    app.add_config_value("cv_pdf_glossary", False, "", frozenset({bool}), "definitions in PDF")
    app.add_config_value("cv_pdf_index", True, "", frozenset({bool}), "the PDF's index of skills")
    app.add_config_value("cv_pdf_hyphenation", False, "", frozenset({bool}), "hyphenate the PDF")
    app.connect("config-inited", add_theme)
    app.add_node(cv_latex_env, latex=(visit_env, depart_env))
    app.add_node(cv_latex_inline, latex=(visit_inline, depart_inline))
    app.add_node(cv_latex_pages, latex=(visit_pages, None))
    app.add_post_transform(DesignForLatex)
    app.add_post_transform(CVLayoutForLatex)
    app.connect("doctree-resolved", compact_for_latex, priority=800)  # after "Used in"
    app.add_latex_package("sphinxcv", after_hyperref=True)
    app.connect("build-finished", copy_support_files)
    setup_fonts(app)
    setup_preload(app)
    setup_bidi(app)
