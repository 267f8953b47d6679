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
declared once (a second ``add_config_value`` of a name is an error). Every ``cv_``
value, wherever declared, is checked here when the configuration is read: a value
of the wrong shape stops the build with a message saying what shape it takes.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config

_TEXT = frozenset({str})
_LIST = frozenset({list, tuple})

LINK_SCHEMES = ("http", "https", "mailto", "tel")
"""The only URL schemes that become links, in every output."""


def is_link_url(url: str) -> bool:
    """Whether *url* is an absolute ``http``, ``https``, ``mailto`` or ``tel`` URL."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https"):
        return bool(parts.netloc)
    return parts.scheme.lower() in LINK_SCHEMES and bool(parts.path)


def _default_name(config: Config) -> str:
    return config.author


def _default_base_url(config: Config) -> str:
    return os.environ.get("READTHEDOCS_CANONICAL_URL") or config.html_baseurl or ""


def setup_config(app: Sphinx) -> None:
    """Declare ``cv_name``, ``cv_headline``, ``cv_links`` and ``cv_base_url``; check all."""
    app.add_config_value("cv_name", _default_name, "env", _TEXT, "the person's name")
    app.add_config_value("cv_headline", "", "env", _TEXT, "one line saying what the person does")
    app.add_config_value("cv_links", [], "env", _LIST, "profiles as (label, url) pairs")
    app.add_config_value("cv_base_url", _default_base_url, "env", _TEXT, "canonical site URL")
    # before Sphinx's own type check (priority 800) and before our other handlers use them
    app.connect("config-inited", check_config, priority=100)


def base_url(config: Config) -> str:
    """``cv_base_url`` ending in ``/``, or ``""`` when the site has no known address."""
    url = config.cv_base_url.strip()
    return url if not url or url.endswith("/") else url + "/"


def links(config: Config) -> list[tuple[str, str]]:
    """``cv_links`` as a list of ``(label, url)`` pairs."""
    return [(str(link[0]), str(link[1])) for link in config.cv_links]


# -- checking the values -----------------------------------------------------


def _text(name: str, value: Any) -> None:
    if not isinstance(value, str):
        raise ConfigError(f"{name} = {value!r}: expected a string")


def _name(name: str, value: Any) -> None:
    _text(name, value)
    if not value.strip():
        raise ConfigError(f"{name} is empty: set it (or author) to the person's name")


def _base_url(name: str, value: Any) -> None:
    _text(name, value)
    parts = urlsplit(value.strip())
    if value.strip() and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise ConfigError(
            f"{name} = {value!r}: expected an absolute http or https URL, "
            "such as 'https://me.example.org/'"
        )


def _pdf_url(name: str, value: Any) -> None:
    _text(name, value)
    scheme = urlsplit(value.strip()).scheme
    if scheme and scheme not in ("http", "https"):
        raise ConfigError(
            f"{name} = {value!r}: expected an http or https URL or a path such as 'cv.pdf'"
        )


def _links(name: str, value: Any) -> None:
    shape = (
        "expected a list of (label, url) pairs, such as "
        "[('GitHub', 'https://github.com/me')]; "
        "the url an http, https, mailto or tel URL"
    )
    if not isinstance(value, (list, tuple)):
        raise ConfigError(f"{name} = {value!r}: {shape}")
    for link in value:
        if (
            not isinstance(link, (list, tuple))
            or len(link) not in (2, 3)
            or not all(isinstance(part, str) for part in link)
        ):
            raise ConfigError(f"{name}: {link!r} is not a (label, url) pair; {shape}")
        if not is_link_url(link[1]):
            raise ConfigError(f"{name}: {link[1]!r} (of {link[0]!r}) is not a link; {shape}")


def _one_of(*choices: Any) -> Callable[[str, Any], None]:
    def check(name: str, value: Any) -> None:
        if value not in choices:
            expected = " or ".join(map(repr, choices))
            raise ConfigError(f"{name} = {value!r}: expected {expected}")

    return check


CHECKS: dict[str, Callable[[str, Any], None]] = {
    "cv_name": _name,
    "cv_headline": _text,
    "cv_links": _links,
    "cv_base_url": _base_url,
    "cv_pdf_url": _pdf_url,
    "cv_paper": _one_of("a4", "letter"),
    "cv_web_features": _one_of(True, False),
}
"""Each ``cv_`` value and its check; a check raises ``ConfigError`` saying the shape."""


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: every ``cv_`` value has its shape, or the build stops here."""
    for name, check in CHECKS.items():
        if name in config:
            check(name, getattr(config, name))
