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
declared once (a second ``add_config_value`` of a name is an error). Every ``cv_``
value, wherever declared, is checked here when the configuration is read: a value
of the wrong shape is an error saying what shape it takes.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sphinx.util import logging

from .defaults import is_set

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config

LOGGER = logging.getLogger(__name__)

_TEXT = frozenset({str})
_LIST = frozenset({list, tuple})

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")

LINK_SCHEMES = ("http", "https", "mailto", "tel")
"""The only URL schemes that become links, in every output."""


def is_link_url(url: str) -> bool:
    """Whether *url* is an absolute ``http``, ``https``, ``mailto`` or ``tel`` URL."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https"):
        return bool(parts.netloc)
    return parts.scheme.lower() in LINK_SCHEMES and bool(parts.path)


def _default_name(config: Config) -> str:
    """``author`` when conf.py sets it, else the project's name (not Sphinx's placeholder)."""
    return config.author if is_set(config, "author") else config.project


def _default_base_url(config: Config) -> str:
    return os.environ.get("READTHEDOCS_CANONICAL_URL") or config.html_baseurl or ""


def setup_config(app: Sphinx) -> None:
    """Declare who the CV is about and where the site is published; check every value."""
    app.add_config_value("cv_name", _default_name, "env", _TEXT, "the person's name")
    app.add_config_value("cv_headline", "", "env", _TEXT, "one line saying what the person does")
    app.add_config_value("cv_email", "", "env", _TEXT, "the person's e-mail address")
    app.add_config_value("cv_phone", "", "env", _TEXT, "the person's phone number, as shown")
    app.add_config_value("cv_website", "", "env", _TEXT, "the person's own site")
    app.add_config_value("cv_location", "", "env", frozenset({str, dict}), "where the person lives")
    app.add_config_value("cv_links", [], "env", _LIST, "profiles as (label, url) pairs")
    app.add_config_value("cv_base_url", _default_base_url, "env", _TEXT, "canonical site URL")
    # before Sphinx's own type check (priority 800) and before our other handlers use them
    app.connect("config-inited", check_config, priority=100)


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


# -- checking the values -----------------------------------------------------


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) else "expected a string"


def _name(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "expected the person's name, a string that is not empty"
    return None


def _base_url(value: Any) -> str | None:
    if not isinstance(value, str):
        return "expected a string"
    parts = urlsplit(value.strip())
    if value.strip() and (parts.scheme not in ("http", "https") or not parts.netloc):
        return "expected an absolute http or https URL, such as 'https://me.example.org/'"
    return None


def _pdf_url(value: Any) -> str | None:
    if not isinstance(value, str) or urlsplit(value.strip()).scheme not in ("", "http", "https"):
        return "expected an http or https URL or a path such as 'cv.pdf'"
    return None


LINK_SHAPE = (
    "a (network, url) or (network, url, username) tuple of strings, such as"
    " ('GitHub', 'https://github.com/me'), the url an http, https, mailto or tel URL"
)


def _links(value: Any) -> str | None:
    return None if isinstance(value, (list, tuple)) else f"expected a list, each item {LINK_SHAPE}"


def _link(link: Any) -> bool:
    """Whether one item of ``cv_links`` has the shape ``LINK_SHAPE``."""
    return (
        isinstance(link, (list, tuple))
        and len(link) in (2, 3)
        and all(isinstance(part, str) for part in link)
        and is_link_url(link[1])
    )


def _check_links(config: Config) -> None:
    """Leave out, each with an error, the items of ``cv_links`` that are not profiles."""
    kept = []
    for link in config.cv_links:
        if _link(link):
            kept.append(tuple(link))
        else:
            LOGGER.error(
                "cv_links: %r is not %s; it is left out",
                link,
                LINK_SHAPE,
                type="cv",
                subtype="config",
            )
    config.cv_links = kept


def _email(value: Any) -> str | None:
    if not isinstance(value, str) or (value.strip() and not _EMAIL.fullmatch(value.strip())):
        return "expected an e-mail address, such as 'me@example.org'"
    return None


def _location(value: Any) -> str | None:
    shape = (
        "expected text such as 'Berlin, Germany' or a dict of "
        + ", ".join(LOCATION_KEYS)
        + " with text values"
    )
    if isinstance(value, str):
        return None
    if not isinstance(value, dict) or not all(
        key in LOCATION_KEYS and isinstance(text, str) for key, text in value.items()
    ):
        return shape
    return None


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "expected True or False"


def _one_of(*choices: str) -> Callable[[Any], str | None]:
    """The check of a value that is one of *choices*."""
    shape = "expected " + " or ".join(map(repr, choices))
    return lambda value: None if value in choices else shape


CHECKS: dict[str, Callable[[Any], str | None]] = {
    "cv_name": _name,
    "cv_headline": _text,
    "cv_email": _email,
    "cv_phone": _text,
    "cv_website": _base_url,
    "cv_location": _location,
    "cv_links": _links,
    "cv_base_url": _base_url,
    "cv_pdf_url": _pdf_url,
    "cv_paper": _one_of("a4", "letter"),
    "cv_link_mentions": _one_of("first", "all"),
    "cv_web_features": _flag,
    "cv_pdf_glossary": _flag,
    "cv_pdf_index": _flag,
    "cv_pdf_hyphenation": _flag,
    "cv_pdf_preload": _flag,
}
"""Each ``cv_`` value and its check: ``None``, or what the value should have been."""


def _fallback(config: Config, name: str) -> Any:
    """What a value of the wrong shape is replaced with: its default (for a name: a name)."""
    default = config.values[name].default
    value = default(config) if callable(default) else default
    if name == "cv_name" and _name(value):
        return config.project if _name(config.project) is None else "Anonymous"
    if name == "cv_base_url" and _base_url(value):
        return ""
    return value


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: a ``cv_`` value of the wrong shape is an error saying the shape.

    The build goes on with the value's default (failing under ``-W``), as Sphinx does
    with its own values: an error at start-up, and every other mistake still reported.
    """
    for name, check in CHECKS.items():
        if name not in config:
            continue
        problem = check(getattr(config, name))
        if problem is not None:
            fallback = _fallback(config, name)
            LOGGER.error(
                "%s = %r in conf.py: %s; using %r",
                name,
                getattr(config, name),
                problem,
                fallback,
                type="cv",
                subtype="config",
            )
            setattr(config, name, fallback)
    _check_links(config)
