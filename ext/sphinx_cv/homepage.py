"""The home page's opening: its intro paragraphs, headline and profile-link lines.

The site (JSON-LD, resume.json) and the PDF (header) read the same opening.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .config import links

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.config import Config


def plain_text(node: nodes.Node) -> str:
    """The node's text with runs of white space as one space."""
    return " ".join(node.astext().split())


def intro_paragraphs(root: nodes.document) -> list[nodes.paragraph]:
    """The home page's paragraphs between its title and its first section."""
    top = next(iter(root.findall(nodes.section)), root)
    intro = []
    for child in top.children:
        if isinstance(child, nodes.section):
            break
        if isinstance(child, nodes.paragraph):
            intro.append(child)
    return intro


def lead_headline(intro: list[nodes.paragraph]) -> str:
    """The first paragraph when it is all bold, as the home page's headline."""
    if not intro:
        return ""
    parts = [c for c in intro[0].children if not (isinstance(c, nodes.Text) and not c.strip())]
    return plain_text(intro[0]) if len(parts) == 1 and isinstance(parts[0], nodes.strong) else ""


def is_link_line(paragraph: nodes.paragraph, urls: set[str]) -> bool:
    """``GitHub: github.com/me``: a short line linking to one of the person's profiles."""
    refs = [
        r for r in paragraph.findall(nodes.reference) if r.get("refuri", "").rstrip("/") in urls
    ]
    if not refs:
        return False
    rest = plain_text(paragraph)
    for ref in refs:
        rest = rest.replace(plain_text(ref), "")
    return len(rest.split()) <= 3


def header_paragraphs(config: Config, root: nodes.document) -> Iterator[nodes.paragraph]:
    """The home page's paragraphs that the header shows: the headline, the profile links."""
    intro = intro_paragraphs(root)
    shown = headline(config, intro)
    urls = {url.rstrip("/") for _, url in links(config)}
    for paragraph in intro:
        if " ".join(paragraph.astext().split()) == shown or is_link_line(paragraph, urls):
            yield paragraph


def headline(config: Config, intro: list[nodes.paragraph]) -> str:
    """``cv_headline`` as one line, else the home page's first paragraph when it is all bold."""
    return " ".join(config.cv_headline.split()) or lead_headline(intro)
