"""The person's header at the top of the site's home page: headline, contact, the PDF.

The values come from conf.py (:mod:`sphinx_cv.config`); the home page's headline
and profile-link lines move into the header. The PDF has its own header, made from
the same values (:mod:`sphinx_cv.latex`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.osutil import relative_uri

from .config import links, location_text
from .homepage import header_paragraphs, headline, intro_paragraphs, plain_text
from .html import pdf_beside
from .locale import _
from .skills import short_url

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.config import Config

HEADER = "cv-person"
CONTACT = "cv-contact"
DOWNLOAD = "cv-download"


def contact_items(config: Config) -> Iterator[tuple[str, str, str]]:
    """``(kind, text, url)`` for each way to reach the person, in the order shown.

    The phone is shown as written and dialled without its spaces; a profile reads
    ``GitHub: github.com/me``; a place has no URL.
    """
    if config.cv_email.strip():
        email = config.cv_email.strip()
        yield "email", email, f"mailto:{email}"
    if config.cv_phone.strip():
        phone = config.cv_phone.strip()
        yield "phone", phone, "tel:" + re.sub(r"[^\d+]", "", phone)
    place = location_text(config)
    if place:
        yield "location", place, ""
    if config.cv_website.strip():
        website = config.cv_website.strip()
        yield "website", short_url(website), website
    for label, url in links(config):
        shown = re.sub(r"^(mailto|tel):", "", short_url(url))
        same = label.strip().casefold() in {"", shown.casefold()}
        yield "profile", shown if same else f"{label}: {shown}", url


def add_person_header(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: on a site's home page, the header after the title.

    The home page's headline and profile-link lines move into it.
    """
    config = app.config
    if docname != config.root_doc or app.builder.format != "html":
        return
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is None:
        return
    header = nodes.container(classes=[HEADER])
    shown = headline(config, intro_paragraphs(doctree))
    for paragraph in list(header_paragraphs(config, doctree)):
        paragraph.parent.remove(paragraph)
        if plain_text(paragraph) == shown:
            header += paragraph
    if shown and not len(header):
        header += nodes.paragraph(shown, shown)
    for paragraph in header.children:
        paragraph["classes"].append("cv-headline")
    contact = nodes.bullet_list(classes=[CONTACT])
    for kind, text, url in contact_items(config):
        link = nodes.reference(text, text, refuri=url) if url else nodes.Text(text)
        contact += nodes.list_item("", nodes.paragraph("", "", link), classes=[f"cv-{kind}"])
    if len(contact):
        header += contact
    pdf = _pdf_uri(app, docname)
    if pdf:
        label = str(_("Download PDF"))
        button = nodes.reference(label, label, refuri=pdf)
        button["classes"] += ["sd-btn", "sd-btn-primary", DOWNLOAD]
        header += nodes.paragraph("", "", button)
    if len(header):
        title.parent.insert(title.parent.index(title) + 1, header)


def _pdf_uri(app: Sphinx, docname: str) -> str:
    """The PDF's address from *docname*, or ``""`` when the site links none."""
    pdf = app.config.cv_pdf_url or pdf_beside(app)
    if not pdf or "://" in pdf:
        return pdf
    return relative_uri(app.builder.get_target_uri(docname), pdf)
