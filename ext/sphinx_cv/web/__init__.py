"""The CV as the web sees it: JSON-LD, JSON Resume, robots.txt, favicon, print style.

``cv_web_features`` (default ``True``) turns all of it off, e.g. to compare page
weights with a plain furo site. The canonical address comes from ``cv_base_url``
(see :mod:`sphinx_cv.config`) and is passed on to Sphinx (``html_baseurl``),
sphinxext-opengraph (``ogp_site_url``) and sphinx-notfound-page
(``notfound_urls_prefix``) when they are not set otherwise.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..config import base_url
from .a11y import setup_a11y
from .files import pages_with_new_person, write_files
from .links import MarkURLText
from .pages import default_favicon, page_meta

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

HERE = Path(__file__).parent
PRINT_CSS = "cv-print.css"


def setup_web(app: Sphinx) -> None:
    """Declare ``cv_web_features``; the rest is connected once the config is read."""
    app.add_config_value(
        "cv_web_features", True, "html", frozenset({bool}), "JSON-LD, resume.json, favicon, print"
    )
    app.add_post_transform(MarkURLText)
    app.connect("config-inited", _enable)


def initials(name: str) -> str:
    """``Ada King Lovelace`` → ``AL``: the favicon's letters."""
    words = name.split()
    return "".join(word[0] for word in (words[:1] + words[1:][-1:])).upper()


def _enable(app: Sphinx, config: Config) -> None:
    if not config.cv_web_features:
        return
    _share_base_url(app, config)
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]
    config.html_context = {"cv_initials": initials(config.cv_name), **config.html_context}
    app.add_css_file(PRINT_CSS, media="print")
    setup_a11y(app)
    app.connect("html-page-context", default_favicon, priority=450)
    app.connect("html-page-context", page_meta, priority=600)
    app.connect("env-get-updated", pages_with_new_person)
    app.connect("build-finished", write_files)


def _share_base_url(app: Sphinx, config: Config) -> None:
    """One canonical address for Sphinx, OpenGraph and the 404 page."""
    url = base_url(config)
    if not url:
        # a site not yet published has no sitemap: sphinx-sitemap would warn at every build
        config.suppress_warnings = [*config.suppress_warnings, "sitemap.configuration"]
        return
    config.cv_base_url = config.html_baseurl = url
    if "ogp_site_url" in config and not config.ogp_site_url:
        config.ogp_site_url = url
    if "notfound_urls_prefix" in config:
        declared = config.values["notfound_urls_prefix"].default
        if config.notfound_urls_prefix == declared:
            config.notfound_urls_prefix = urlsplit(url).path or "/"
