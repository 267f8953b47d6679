"""Characters the PDF's text font lacks: set in another installed font, or a warning.

XeLaTeX and LuaLaTeX set the text in FreeSerif (Sphinx's default), which has Latin,
Greek, Cyrillic, Hebrew, Arabic and more, but no Chinese, Japanese or emoji; a character
it lacks is silently left out. Each run of such characters is set in an installed font
that has them (fontconfig's ``fc-list`` says which, e.g. Debian's ``fonts-noto-cjk``);
a character no installed font has is a warning naming it and its page.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from ..usage import page_of
from .prefetch import Once

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.application import Sphinx
    from sphinx.writers.latex import LaTeXTranslator

LOGGER = logging.getLogger(__name__)

TEXT_FONT = "FreeSerif"
"""The text font of Sphinx's ``fontpkg`` for XeLaTeX and LuaLaTeX."""
ENGINES = frozenset({"xelatex", "lualatex"})
SKIPPED = (nodes.raw, nodes.comment, nodes.literal_block, nodes.literal)
"""Text set in the monospaced font, or not text at all."""


class cv_latex_font(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils naming)
    """Text set in the installed font ``font`` (the text font lacks its characters)."""


def visit_font(self: LaTeXTranslator, node: cv_latex_font) -> None:
    self.body.append(rf"\sphinxcvfont{{{node['font']}}}{{")


def depart_font(self: LaTeXTranslator, node: cv_latex_font) -> None:
    self.body.append("}")


def _fc_list(*args: str) -> str:
    result = subprocess.run(["fc-list", *args], capture_output=True, text=True, check=False)
    return result.stdout


@Once
def text_font_has() -> frozenset[int]:
    """The code points of the text font (empty when fontconfig is not there)."""
    if shutil.which("fc-list") is None:
        return frozenset()
    charset = _fc_list("--format", "%{charset}\n", f"{TEXT_FONT}:style=Regular")
    points: set[int] = set()
    for part in charset.split():
        first, _, last = part.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


CJK_REGIONS = {"ja": "JP", "ko": "KR", "zh_tw": "TC", "zh_hk": "HK"}
"""Noto CJK's variant for the document's language (default: simplified Chinese, SC)."""


def region(language: str | None) -> str:
    return CJK_REGIONS.get((language or "").replace("-", "_").casefold(), "SC")


@cache
def font_for(char: str, region: str = "SC") -> str | None:
    """An installed font family that has *char* (Noto first, *region*'s CJK variant), or
    ``None``. Colour fonts (Noto Color Emoji) are left out: XeTeX cannot load them."""
    pattern = f":charset={ord(char):x}:color=False"
    families = {
        line.strip()
        for line in _fc_list("--format", "%{family[0]}\n", pattern).splitlines()
        if line.strip()
    }
    if not families:
        return None
    return min(families, key=lambda f: (not f.startswith("Noto"), not f.endswith(region), f))


def _needs_font(char: str) -> bool:
    return not char.isspace() and ord(char) >= 0x80 and ord(char) not in text_font_has()


def _runs(text: str, cjk: str) -> Iterator[tuple[str, str | None]]:
    """*text* cut into runs, each with the font it needs (``None``: the text font)."""
    run, font = "", None
    for char in text:
        needed = font_for(char, cjk) if _needs_font(char) else None
        if needed != font and run:
            yield run, font
            run = ""
        run, font = run + char, needed
    if run:
        yield run, font


def latex_in_fonts(text: str, escape: Callable[[str], str], cjk: str, where: str) -> str:
    """*text* for LaTeX outside the document (the header), each run of characters the text
    font lacks in a font that has them; a character no font has is a warning saying
    *where* it is."""
    if not text_font_has():
        return escape(text)
    parts = []
    for run, font in _runs(text, cjk):
        if font is not None:
            parts.append(rf"\sphinxcvfont{{{font}}}{{{escape(run)}}}")
            continue
        parts.append(escape(run))
        for char in dict.fromkeys(c for c in run if _needs_font(c)):  # no font has it
            LOGGER.warning(
                "%r (U+%04X) in %s is in no installed font: the PDF leaves it out"
                " (install a font that has it, e.g. one of Debian's fonts-noto-* packages)",
                *(char, ord(char), where),
                type="cv",
                subtype="font",
            )
    return "".join(parts)


def _line_of(node: nodes.Node) -> int | None:
    while node is not None and node.line is None:
        node = node.parent
    return node.line if node is not None else None


def fonts_for_text(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: the PDF's characters the text font lacks in fonts that have them."""
    if app.builder.format != "latex" or app.config.latex_engine not in ENGINES:
        return
    if not text_font_has():
        return
    reported: set[tuple[str, str]] = set()
    cjk = region(app.config.language)
    for text in list(doctree.findall(nodes.Text)):
        if str(text).isascii() or not any(_needs_font(c) for c in str(text)):
            continue  # (the text font has every ASCII character)
        if in_skipped(text):
            continue
        parts: list[nodes.Node] = []
        for run, font in _runs(str(text), cjk):
            if font is not None:
                parts.append(cv_latex_font(run, run, font=font))
                continue
            parts.append(nodes.Text(run))
            for char in run:
                if _needs_font(char):  # and no font has it
                    _warn_missing(char, text, docname, reported)
        text.parent.replace(text, parts)


def in_skipped(node: nodes.Node) -> bool:
    """Whether *node* is in monospaced text or in no text at all (:data:`SKIPPED`)."""
    return any(isinstance(a, SKIPPED) for a in _ancestors(node))


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _warn_missing(char: str, text: nodes.Text, root: str, reported: set[tuple[str, str]]) -> None:
    page = page_of(text, root)
    if (char, page) in reported:
        return
    reported.add((char, page))
    LOGGER.warning(
        "%r (U+%04X) is in no installed font: the PDF leaves it out"
        " (install a font that has it, e.g. one of Debian's fonts-noto-* packages)",
        char,
        ord(char),
        location=(page, _line_of(text)),
        type="cv",
        subtype="font",
    )


def ask_fontconfig(app: Sphinx) -> None:
    """``builder-inited``: the text font's characters asked while the pages are read."""
    if app.builder.format == "latex" and app.config.latex_engine in ENGINES:
        text_font_has.start()


def setup_fonts(app: Sphinx) -> None:
    app.add_node(cv_latex_font, latex=(visit_font, depart_font))
    app.connect("builder-inited", ask_fontconfig)
    app.connect("doctree-resolved", fonts_for_text, priority=900)  # once the text is final
