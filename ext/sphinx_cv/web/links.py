"""Marking links whose text is their own address, so print does not repeat it."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..skills import short_url

URL_TEXT = "cv-url-text"


class MarkURLText(SphinxPostTransform):
    """Give external links that spell out their URL the class ``cv-url-text``."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for ref in self.document.findall(nodes.reference):
            uri = ref.get("refuri", "")
            if "://" in uri and short_url(ref.astext()).casefold() == short_url(uri).casefold():
                ref["classes"].append(URL_TEXT)
