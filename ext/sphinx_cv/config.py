"""Who the CV is about: identity values set once in conf.py, read by every output.

``cv_name``
    The person's name (default: Sphinx's ``author``).
``cv_headline``
    One line saying what the person does. Empty (the default): the home page's
    first paragraph when it is all bold.
``cv_email``, ``cv_phone``, ``cv_website``
    How to reach the person: an address, a phone number (shown as written) and
    a personal site's URL. Empty (the default): not shown.
``cv_location``
    Where the person lives: text (``"Berlin, Germany"``) or a dict of JSON Resume's
    ``location`` keys (``address``, ``postalCode``, ``city``, ``countryCode``, ``region``).
``cv_links``
    The person's profiles, as ``(network, url)`` pairs, e.g. ``[("GitHub", "https://github.com/me")]``,
    or ``(network, url, username)`` when the username is not the URL's last part.
``cv_base_url``
    The canonical URL the site is published at, ending in ``/``. Default: Read
    the Docs' ``READTHEDOCS_CANONICAL_URL``, else ``html_baseurl``.

The site and the PDF read these values; declare them here only, so that each is
declared once (a second ``add_config_value`` of a name is an error).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

LOGGER = logging.getLogger(__name__)

_TEXT = frozenset({str})
_LIST = frozenset({list, tuple})


def _default_name(config: Config) -> str:
    return config.author


def _default_base_url(config: Config) -> str:
    return os.environ.get("READTHEDOCS_CANONICAL_URL") or config.html_baseurl or ""


def setup_config(app: Sphinx) -> None:
    """Declare who the CV is about and where the site is published."""
    app.add_config_value("cv_name", _default_name, "env", _TEXT, "the person's name")
    app.add_config_value("cv_headline", "", "env", _TEXT, "one line saying what the person does")
    app.add_config_value("cv_email", "", "env", _TEXT, "the person's e-mail address")
    app.add_config_value("cv_phone", "", "env", _TEXT, "the person's phone number, as shown")
    app.add_config_value("cv_website", "", "env", _TEXT, "the person's own site")
    app.add_config_value("cv_location", "", "env", frozenset({str, dict}), "where the person lives")
    app.add_config_value("cv_links", [], "env", _LIST, "profiles as (label, url) pairs")
    app.add_config_value("cv_base_url", _default_base_url, "env", _TEXT, "canonical site URL")
    app.connect("config-inited", _check_links)


def _check_links(app: Sphinx, config: Config) -> None:
    """``config-inited``: keep the profiles of ``cv_links`` that have a network and a URL."""
    kept = []
    for item in config.cv_links:
        if isinstance(item, (list, tuple)) and len(item) in (2, 3):
            kept.append(tuple(item))
        else:
            LOGGER.warning(
                "cv_links: %r is not a (network, url) or (network, url, username) tuple",
                item,
                type="cv",
                subtype="config",
            )
    config.cv_links = kept


def base_url(config: Config) -> str:
    """``cv_base_url`` ending in ``/``, or ``""`` when the site has no known address."""
    url = config.cv_base_url.strip()
    return url if not url or url.endswith("/") else url + "/"


def profiles(config: Config) -> list[tuple[str, str, str]]:
    """``cv_links`` as ``(network, url, username)``; by default the username is the URL's
    last part (``github.com/me``: ``me``)."""
    found = []
    for network, url, *username in config.cv_links:
        name = username[0] if username else urlsplit(str(url)).path.strip("/").rpartition("/")[2]
        found.append((str(network), str(url), str(name)))
    return found


def links(config: Config) -> list[tuple[str, str]]:
    """``cv_links`` as a list of ``(label, url)`` pairs."""
    return [(network, url) for network, url, _username in profiles(config)]


LOCATION_KEYS = ("address", "postalCode", "city", "region", "countryCode")
"""JSON Resume's ``location`` fields, in the order an address reads."""


def location(config: Config) -> dict[str, str]:
    """``cv_location`` as JSON Resume's ``location`` (text goes to ``address``)."""
    value = config.cv_location
    if isinstance(value, dict):
        return {key: str(value[key]) for key in LOCATION_KEYS if value.get(key)}
    return {"address": value.strip()} if value and value.strip() else {}


def location_text(config: Config) -> str:
    """``cv_location`` as one line: ``Berlin, Germany`` or ``Berlin, BE, DE``."""
    place = location(config)
    city = " ".join(v for v in (place.get("postalCode"), place.get("city")) if v)
    parts = (place.get("address"), city, place.get("region"), place.get("countryCode"))
    return ", ".join(part for part in parts if part)
