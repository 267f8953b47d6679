"""Who the CV is about: identity values set once in conf.py, read by every output.

``cv_name``
    The person's name (default: Sphinx's ``author``).
``cv_headline``
    One line saying what the person does. Empty (the default): the home page's
    first paragraph when it is all bold.
``cv_links``
    The person's profiles, as ``(label, url)`` pairs, e.g. ``[("GitHub", "https://github.com/me")]``.
``cv_base_url``
    The canonical URL the site is published at, ending in ``/``. Default: Read
    the Docs' ``READTHEDOCS_CANONICAL_URL``, else ``html_baseurl``.

The site and the PDF read these values; declare them here only, so that each is
declared once (a second ``add_config_value`` of a name is an error).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_TEXT = frozenset({str})
_LIST = frozenset({list, tuple})


def _default_name(config: Config) -> str:
    return config.author


def _default_base_url(config: Config) -> str:
    return os.environ.get("READTHEDOCS_CANONICAL_URL") or config.html_baseurl or ""


def setup_config(app: Sphinx) -> None:
    """Declare ``cv_name``, ``cv_headline``, ``cv_links`` and ``cv_base_url``."""
    app.add_config_value("cv_name", _default_name, "env", _TEXT, "the person's name")
    app.add_config_value("cv_headline", "", "env", _TEXT, "one line saying what the person does")
    app.add_config_value("cv_links", [], "env", _LIST, "profiles as (label, url) pairs")
    app.add_config_value("cv_base_url", _default_base_url, "env", _TEXT, "canonical site URL")


def base_url(config: Config) -> str:
    """``cv_base_url`` ending in ``/``, or ``""`` when the site has no known address."""
    url = config.cv_base_url.strip()
    return url if not url or url.endswith("/") else url + "/"


def links(config: Config) -> list[tuple[str, str]]:
    """``cv_links`` as a list of ``(label, url)`` pairs."""
    return [(str(label), str(url)) for label, url in config.cv_links]
