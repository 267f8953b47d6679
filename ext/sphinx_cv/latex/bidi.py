"""Right-to-left words in a left-to-right PDF: Arabic and Hebrew set right to left, joined.

XeLaTeX sets every word left to right in the font's default script: a name written in
Arabic comes out with its letters unjoined, and the punctuation around it in the wrong
place. Each run of right-to-left characters (Unicode's bidirectional classes R and AL,
with the spaces, digits and marks between them) goes into ``\\sphinxcvrtl{Script}{...}``
(``sphinxcv.sty``): TeX--XeT's ``\\beginR``/``\\endR`` around it, and fontspec's
``Script`` feature for its letters' shapes. Browsers do this for the site by themselves;
a document whose language is written right to left is left to polyglossia.
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise
from typing import TYPE_CHECKING

from docutils import nodes

from .fonts import in_skipped

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.writers.latex import LaTeXTranslator

RTL_LANGUAGES = frozenset({"ar", "arc", "dv", "fa", "he", "ps", "syr", "ur", "yi"})
STRONG_RTL = frozenset({"R", "AL"})
WEAK = frozenset({"WS", "ON", "CS", "ES", "ET", "EN", "AN", "NSM", "BN"})
"""Classes that stay in a right-to-left run when strong right-to-left letters follow."""
SCRIPTS = {"ARABIC": "Arabic", "HEBREW": "Hebrew", "SYRIAC": "Syriac", "THAANA": "Thaana"}
"""fontspec's ``Script`` names by the first word of the characters' Unicode names."""


class cv_latex_rtl(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils naming)
    """A run of right-to-left text, in ``script`` (fontspec's name, or ``""``)."""


def visit_rtl(self: LaTeXTranslator, node: cv_latex_rtl) -> None:
    self.body.append(rf"\sphinxcvrtl{{{node['script']}}}{{")


def depart_rtl(self: LaTeXTranslator, node: cv_latex_rtl) -> None:
    self.body.append("}")


def script_of(run: str) -> str:
    """fontspec's script of *run*'s first letter that has one (``""`` for none known)."""
    for char in run:
        if unicodedata.bidirectional(char) in STRONG_RTL:
            return SCRIPTS.get(unicodedata.name(char, "").partition(" ")[0], "")
    return ""


def rtl_runs(text: str) -> Iterator[tuple[str, bool]]:
    """*text* cut into runs, each with whether it is right to left: strong right-to-left
    letters and what lies between two of them, but no space or punctuation at a run's ends."""
    classes = [unicodedata.bidirectional(char) for char in text]
    rtl = [c in STRONG_RTL for c in classes]
    strong = [i for i, is_rtl in enumerate(rtl) if is_rtl]
    for before, after in pairwise(strong):
        if all(c in WEAK for c in classes[before + 1 : after]):
            rtl[before + 1 : after] = [True] * (after - before - 1)
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or rtl[end] != rtl[start]:
            yield text[start:end], rtl[start]
            start = end


def right_to_left(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each right-to-left run of the PDF's text in a ``cv_latex_rtl``."""
    if app.builder.format != "latex" or app.config.latex_engine != "xelatex":
        return
    if (app.config.language or "en").replace("-", "_").split("_")[0] in RTL_LANGUAGES:
        return
    for text in list(doctree.findall(nodes.Text)):
        if str(text).isascii():  # no right-to-left letter
            continue
        if not any(unicodedata.bidirectional(c) in STRONG_RTL for c in str(text)):
            continue
        if in_skipped(text):
            continue
        parts: list[nodes.Node] = [
            cv_latex_rtl(run, run, script=script_of(run)) if is_rtl else nodes.Text(run)
            for run, is_rtl in rtl_runs(str(text))
        ]
        text.parent.replace(text, parts)


def setup_bidi(app: Sphinx) -> None:
    app.add_node(cv_latex_rtl, latex=(visit_rtl, depart_rtl))
    app.connect("doctree-resolved", right_to_left, priority=890)  # before fonts_for_text
