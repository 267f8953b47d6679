"""The person's values from conf.py as every output reads them (``sphinx_cv.config``), and
the home page's opening (``sphinx_cv.homepage``): the helpers called with values directly."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from docutils import nodes
from docutils.core import publish_doctree
from sphinx_cv.config import (
    base_url,
    is_link_url,
    links,
    location,
    location_text,
    profiles,
)
from sphinx_cv.homepage import (
    header_paragraphs,
    headline,
    intro_paragraphs,
    is_link_line,
    lead_headline,
    plain_text,
)
from sphinx_cv.person import contact_items
from test_bad_input import build, warnings, write


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/", True),
        ("HTTP://example.org", True),
        ("  https://example.org/a  ", True),
        ("mailto:me@example.org", True),
        ("MAILTO:me@example.org", True),
        ("tel:+4930", True),
        ("https:///path-only", False),
        ("http:", False),
        ("mailto:", False),
        ("tel:", False),
        ("javascript:alert(1)", False),
        ("ftp://example.org/", False),
        ("example.org/me", False),
        ("", False),
    ],
)
def test_only_absolute_http_https_mailto_tel_urls_are_links(url: str, link: bool) -> None:
    assert is_link_url(url) is link


@pytest.mark.parametrize(
    ("value", "url"),
    [
        ("https://me.example.org/cv", "https://me.example.org/cv/"),
        ("https://me.example.org/cv/", "https://me.example.org/cv/"),
        ("  https://me.example.org  ", "https://me.example.org/"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_base_url_ends_in_one_slash(value: str, url: str) -> None:
    assert base_url(SimpleNamespace(cv_base_url=value)) == url


def test_a_profiles_username_is_its_urls_last_part_unless_given() -> None:
    config = SimpleNamespace(
        cv_links=[
            ("GitHub", "https://github.com/me/"),
            ("GitLab", "https://gitlab.com/groups/team/me"),
            ("Mastodon", "https://social.example/@me", "me@social.example"),
            ("Site", "https://me.example.org"),
        ]
    )
    assert profiles(config) == [
        ("GitHub", "https://github.com/me/", "me"),
        ("GitLab", "https://gitlab.com/groups/team/me", "me"),
        ("Mastodon", "https://social.example/@me", "me@social.example"),
        ("Site", "https://me.example.org", ""),
    ]
    assert links(config) == [(n, u) for n, u, _name in profiles(config)]


@pytest.mark.parametrize(
    ("value", "place", "line"),
    [
        ("  Berlin, Germany ", {"address": "Berlin, Germany"}, "Berlin, Germany"),
        ("   ", {}, ""),
        ("", {}, ""),
        (
            {"countryCode": "DE", "city": "München", "postalCode": "80331", "region": "Bayern"},
            {"postalCode": "80331", "city": "München", "region": "Bayern", "countryCode": "DE"},
            "80331 München, Bayern, DE",
        ),
        ({"city": "Berlin", "region": ""}, {"city": "Berlin"}, "Berlin"),
        (
            {"address": "Beispielstraße 12", "city": "München", "countryCode": "DE"},
            {"address": "Beispielstraße 12", "city": "München", "countryCode": "DE"},
            "Beispielstraße 12, München, DE",
        ),
        ({"postalCode": "80331"}, {"postalCode": "80331"}, "80331"),
    ],
)
def test_location_is_json_resumes_and_reads_as_one_line(
    value: object, place: dict[str, str], line: str
) -> None:
    config = SimpleNamespace(cv_location=value)
    assert location(config) == place
    assert list(location(config)) == list(place)  # in the order an address reads
    assert location_text(config) == line


def doctree(text: str) -> nodes.document:
    return publish_doctree(text, settings_overrides={"report_level": 5, "doctitle_xform": False})


HOME = """\
Jane Doe
========

**Platform engineer, Kubernetes and Go.**

GitHub: https://github.com/jane

Ten years of running clusters, with more words than a profile line has.

Experience
----------

A paragraph in a section.
"""


def test_intro_is_the_paragraphs_before_the_first_section() -> None:
    intro = intro_paragraphs(doctree(HOME))
    assert [plain_text(p) for p in intro] == [
        "Platform engineer, Kubernetes and Go.",
        "GitHub: https://github.com/jane",
        "Ten years of running clusters, with more words than a profile line has.",
    ]


def test_intro_of_a_page_without_sections() -> None:
    intro = intro_paragraphs(doctree("One.\n\nTwo  words.\n"))
    assert [plain_text(p) for p in intro] == ["One.", "Two words."]


@pytest.mark.parametrize(
    ("first", "shown"),
    [
        ("**Platform engineer.**", "Platform engineer."),
        ("**Platform engineer.** And more.", ""),
        ("*Platform engineer.*", ""),
        ("Platform engineer.", ""),
    ],
)
def test_lead_headline_is_a_first_paragraph_all_bold(first: str, shown: str) -> None:
    intro = intro_paragraphs(doctree(f"{first}\n\nSecond.\n"))
    assert lead_headline(intro) == shown
    assert lead_headline([]) == ""


def test_cv_headline_wins_over_the_bold_paragraph_as_one_line() -> None:
    intro = intro_paragraphs(doctree(HOME))
    assert headline(SimpleNamespace(cv_headline=" SRE,\n  Go.  "), intro) == "SRE, Go."
    shown = headline(SimpleNamespace(cv_headline=""), intro)
    assert shown == "Platform engineer, Kubernetes and Go."


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("GitHub: https://github.com/jane", True),
        ("https://github.com/jane/", True),
        ("Code is at https://github.com/jane", True),  # three words besides the link
        ("My code is at https://github.com/jane", False),
        ("Elsewhere: https://example.org/jane", False),
        ("No link at all.", False),
    ],
)
def test_a_link_line_is_a_short_line_linking_to_a_profile(text: str, line: bool) -> None:
    paragraph = next(doctree(text).findall(nodes.paragraph))
    assert is_link_line(paragraph, {"https://github.com/jane"}) is line


def test_header_takes_the_headline_and_the_profile_lines() -> None:
    config = SimpleNamespace(cv_headline="", cv_links=[("GitHub", "https://github.com/jane/")])
    shown = [plain_text(p) for p in header_paragraphs(config, doctree(HOME))]
    assert shown == ["Platform engineer, Kubernetes and Go.", "GitHub: https://github.com/jane"]


def test_contact_items_in_the_order_shown() -> None:
    config = SimpleNamespace(
        cv_email="  jane@example.org ",
        cv_phone=" +49 (30) 123-45 ",
        cv_location={"city": "Berlin", "countryCode": "DE"},
        cv_website=" https://www.jane.example/ ",
        cv_links=[
            ("GitHub", "https://github.com/jane"),
            ("github.com/jane2", "https://github.com/jane2/"),
            ("", "https://gitlab.com/jane"),
            ("Mail", "mailto:jane@work.example"),
            ("+4930", "tel:+4930"),
        ],
    )
    assert list(contact_items(config)) == [
        ("email", "jane@example.org", "mailto:jane@example.org"),
        ("phone", "+49 (30) 123-45", "tel:+493012345"),
        ("location", "Berlin, DE", ""),
        ("website", "jane.example", "https://www.jane.example/"),
        ("profile", "GitHub: github.com/jane", "https://github.com/jane"),
        ("profile", "github.com/jane2", "https://github.com/jane2/"),  # the label is the address
        ("profile", "gitlab.com/jane", "https://gitlab.com/jane"),
        ("profile", "Mail: jane@work.example", "mailto:jane@work.example"),
        ("profile", "+4930", "tel:+4930"),
    ]


def test_no_contact_items_when_nothing_is_set() -> None:
    config = SimpleNamespace(
        cv_email=" ", cv_phone="", cv_location="", cv_website="  ", cv_links=[]
    )
    assert list(contact_items(config)) == []


def test_a_profile_of_the_wrong_shape_is_one_exact_error(make_app, tmp_path: Path) -> None:
    conf = 'cv_links = [("GitHub", "https://github.com/me"), ("Me", "javascript:x")]\n'
    app = build(make_app, write(tmp_path, conf))
    assert app.statuscode == 1
    assert warnings(app) == (
        "ERROR: cv_links: ('Me', 'javascript:x') is not a (network, url) or (network, url,"
        " username) tuple of strings, such as ('GitHub', 'https://github.com/me'), the url an"
        " http, https, mailto or tel URL; it is left out [cv.config]\n"
    )
    assert app.config.cv_links == [("GitHub", "https://github.com/me")]


def test_a_value_of_the_wrong_shape_is_one_exact_error(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, 'cv_email = "not an address"\n'))
    assert app.statuscode == 1
    assert warnings(app) == (
        "ERROR: cv_email = 'not an address' in conf.py: expected an e-mail address, such as"
        " 'me@example.org'; using '' [cv.config]\n"
    )
    assert app.config.cv_email == ""
