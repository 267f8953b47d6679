"""Marking links whose text is their own address, so print does not repeat it."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

URL_TEXT = "cv-url-text"


def _bare(url: str) -> str:
    """``https://www.example.org/a/`` and ``example.org/a`` both read ``example.org/a``."""
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/").casefold()


class MarkURLText(SphinxPostTransform):
    """Give external links that spell out their URL the class ``cv-url-text``."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for ref in self.document.findall(nodes.reference):
            uri = ref.get("refuri", "")
            if "://" in uri and _bare(ref.astext()) == _bare(uri):
                ref["classes"].append(URL_TEXT)
