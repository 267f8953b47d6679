"""sphinx-design's components in the PDF: cards and tabs as titled blocks, grids as rows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.shared import PassthroughTextElement

from ..skills import short_url
from .nodes import cv_latex_inline, latex_env, latex_inline, replace, unwrap

if TYPE_CHECKING:
    from collections.abc import Callable

MAX_COLUMNS = 3


def _columns(row: nodes.Element) -> int:
    """Columns of a grid row on a wide screen: ``sd-row-cols-lg-N`` (else ``sd-row-cols-N``)."""
    counts: dict[str, int] = {}
    for name in row.get("classes", []):
        match = re.fullmatch(r"sd-row-cols-(?:(xs|sm|md|lg)-)?(\d+)", name)
        if match:
            counts[match[1] or ""] = int(match[2])
    return max(1, min(counts.get("lg", counts.get("", 1)), MAX_COLUMNS))


def _card_title(title: nodes.Element) -> None:
    replace(title, latex_inline("sphinxcvblocktitle"))


def _card(card: nodes.Element) -> None:
    """A ruled block with its title; a link card's title is its link."""
    title = next((c for c in card.children if _is_title(c)), None)
    link = _take_link(card)
    if link is not None:
        target = {key: link[key] for key in ("refuri", "refid", "internal") if key in link}
        if title is not None and not any(title.findall(nodes.reference)):
            link_title = nodes.reference("", "", **target)
            link_title.extend(list(title.children))
            title[:] = [link_title]
        else:
            text = link.astext()
            shown = short_url(text) if text == link.get("refuri") else text
            shown_link = nodes.reference("", "", nodes.Text(shown), **target)
            card += latex_inline("sphinxcvblocklink", shown_link)
    replace(card, latex_env("sphinxcvblock"))


def _is_title(node: nodes.Node) -> bool:
    return isinstance(node, cv_latex_inline) and node["env"] == "sphinxcvblocktitle"


def _take_link(card: nodes.Element) -> nodes.reference | None:
    """Remove the card's stretched link (the whole card is clickable in HTML) and return it."""
    for child in card.children:
        if isinstance(child, PassthroughTextElement):
            card.remove(child)
            return next(iter(child.findall(nodes.reference)), None)
    return None


def _titled(block: nodes.Element) -> None:
    """A tab or a dropdown: a ruled block whose title is its label."""
    label = next((c for c in block.children if isinstance(c, nodes.rubric)), None)
    if label is not None:
        label.replace_self(latex_inline("sphinxcvblocktitle", *label.children))
    replace(block, latex_env("sphinxcvblock"))


def _grid_row(row: nodes.Element) -> None:
    columns = _columns(row)
    if columns > 1:
        replace(row, latex_env("sphinxcvcolumns", columns))
    else:
        unwrap(row)


def _grid_item(item: nodes.Element) -> None:
    """A cell of its row (rows of one column flow freely)."""
    if _columns(item.parent) > 1:
        replace(item, latex_env("sphinxcvcolumn", cell=True))
    else:
        unwrap(item)


def _is_component(node: nodes.Element) -> bool:
    return bool(node.get("design_component"))


class DesignForLatex(SphinxPostTransform):
    """sphinx-design's containers as blocks, columns and items that sphinxcv.sty typesets.

    Cards, tabs and dropdowns are ruled blocks with their titles, grids are columns,
    badges and buttons stay text; any other component gives its content.
    """

    builders = ("latex",)
    default_priority = 200  # after references are resolved: a card's link is final

    handlers: ClassVar[dict[str, Callable[[nodes.Element], None]]] = {
        "card": _card,
        "card-title": _card_title,
        "tab-item": _titled,
        "dropdown": _titled,
        "grid-row": _grid_row,
        "grid-item": _grid_item,
    }

    def run(self, **kwargs: Any) -> None:
        components = [n for n in self.document.findall(nodes.container) if _is_component(n)]
        for node in reversed(components):  # the innermost first: a card finds its title made
            self.handlers.get(node["design_component"], unwrap)(node)
