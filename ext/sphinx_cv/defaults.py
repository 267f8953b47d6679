"""Zero configuration: ``extensions = ["sphinx_cv"]`` and a name make a complete CV project.

The extension loads MyST, sphinx-design and the web extensions it works with, and gives
the values a CV needs to every setting the user's ``conf.py`` (or ``-D``) leaves unset:
furo with the CV's sidebar, the MyST syntax the pages use, ``mailto:`` and ``tel:``
links, and a PDF through XeLaTeX and makeindex in the ``cv`` LaTeX theme, named after
the person. A value the user sets is never changed.

A page with a colon fence (``:::{grid}``) while ``colon_fence`` is off would show the
fence as text: it is a warning (``cv.colon-fence``) with the file and line.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import re
from typing import TYPE_CHECKING, Any

from anyascii import anyascii
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

LOGGER = logging.getLogger(__name__)

EXTENSIONS = ("myst_parser", "sphinx_design")
WEB_EXTENSIONS = (
    "sphinxext.opengraph",  # page descriptions and OpenGraph tags for link previews
    "sphinx_sitemap",  # sitemap.xml for search engines (robots.txt names it)
    "notfound.extension",  # a 404 page whose links work at any depth of the site
)
QUIET_IMPORTS = frozenset({"sphinxext.opengraph"})
"""Extensions that print at import: sphinxext-opengraph says on every build, ``-q`` or
not, that without matplotlib it makes no social cards (images a CV does not use)."""
MYST_EXTENSIONS = ["colon_fence", "deflist", "fieldlist"]
"""``:::{grid}`` fences, definition lists and field lists, as the CV's pages write them."""
URL_SCHEMES = ["http", "https", "mailto", "tel"]
SIDEBAR = "sidebar/cv-indexes.html"
COLON_FENCE = re.compile(r"^[ \t]*:{3,}\{", re.MULTILINE)


def is_set(config: Config, name: str) -> bool:
    """Whether ``conf.py`` or a ``-D`` option gives ``name`` a value."""
    return name in config._raw_config or name in config._overrides


def pdf_basename(name: str) -> str:
    """``Zoë van Dijk`` → ``ZoevanDijk``, ``Юлия Иванова`` → ``YuliyaIvanova``, ``李雷`` →
    ``LiLei``: an ASCII file name for the PDF (transliterated), ``cv`` if none."""
    return re.sub(r"[^A-Za-z0-9]", "", anyascii(name)) or "cv"


def person(config: Config) -> str:
    """The person's name: ``cv_name`` (or ``author``) when set, else the project's name."""
    named = is_set(config, "cv_name") or is_set(config, "author")
    return (config.cv_name if named else "") or config.project


def cv_defaults(config: Config) -> dict[str, Any]:
    """The value of every setting a CV project needs, from the person's name."""
    return {
        "html_theme": "furo",
        "html_title": person(config),
        "html_copy_source": False,
        "html_show_sourcelink": False,
        "myst_enable_extensions": MYST_EXTENSIONS,
        "myst_heading_anchors": 3,
        "myst_url_schemes": URL_SCHEMES,
        "latex_engine": "xelatex",  # Unicode text and system fonts
        "latex_use_xindy": False,  # makeindex: Read the Docs' xindy runs fail
        "latex_theme": "cv",
        "latex_documents": [
            (
                config.root_doc,
                pdf_basename(person(config)) + ".tex",
                config.project,
                person(config),
                "cv",
            )
        ],
        "latex_domain_indices": False,  # the PDF's index is the general one: skills with pages
        "ogp_social_cards": {"enable": False},  # generated images would need matplotlib
        "sitemap_url_scheme": "{link}",  # the base URL already holds language and version
        "sitemap_excludes": ["search.html", "genindex.html", "404.html"],
    }


def apply_defaults(app: Sphinx, config: Config) -> None:
    """``config-inited`` (first): the CV's value of every setting the user left unset."""
    for name, value in cv_defaults(config).items():
        if name in config and not is_set(config, name):
            config[name] = value


def add_sidebar(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the CV's indexes after the theme's navigation, unless
    ``html_sidebars`` is set."""
    sidebars = context.get("sidebars")
    if is_set(app.config, "html_sidebars") or sidebars is None or SIDEBAR in sidebars:
        return
    navigation = [i for i, name in enumerate(sidebars) if name.endswith("navigation.html")]
    at = navigation[0] + 1 if navigation else len(sidebars)
    context["sidebars"] = [*sidebars[:at], SIDEBAR, *sidebars[at:]]


def warn_colon_fence(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: a ``:::{directive}`` fence needs MyST's ``colon_fence``."""
    if "colon_fence" in app.config.myst_enable_extensions:
        return
    if app.env.doc2path(docname).suffix != ".md":
        return
    match = COLON_FENCE.search(source[0])
    if match:
        line = source[0].count("\n", 0, match.start()) + 1
        LOGGER.warning(
            "%r is shown as text: add 'colon_fence' to myst_enable_extensions",
            match.group().strip(),
            location=(docname, line),
            type="cv",
            subtype="colon-fence",
        )


def setup_defaults(app: Sphinx) -> None:
    """Load the extensions a CV uses; fill unset settings when the config is read.

    The web extensions come with ``cv_web_features`` (read from ``conf.py`` and ``-D``,
    as extensions load before config values are declared)."""
    web = {**app.config._raw_config, **app.config._overrides}.get("cv_web_features", True)
    for extension in EXTENSIONS + (WEB_EXTENSIONS if web not in {False, "0"} else ()):
        if extension in QUIET_IMPORTS:
            with contextlib.redirect_stdout(io.StringIO()):
                importlib.import_module(extension)
        app.setup_extension(extension)
    app.connect("config-inited", apply_defaults, priority=100)
    app.connect("html-page-context", add_sidebar)
    app.connect("source-read", warn_colon_fence)
