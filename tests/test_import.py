"""``sphinx-cv import``: the MyST text it writes, and the CVs it makes, built."""

from __future__ import annotations

import pytest
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from sphinx_cv.importers.myst import escape
from sphinx_cv.importers.rendercv import markup

# every MyST syntax extension, so that none of them can turn a value into markup
# (not the typographic "replacements" and "smartquotes": imported CVs keep them off)
MYST = create_md_parser(
    MdParserConfig(
        enable_extensions={
            "amsmath", "attrs_inline", "colon_fence", "deflist", "dollarmath", "fieldlist",
            "html_admonition", "html_image", "strikethrough", "substitution", "tasklist",
        }
    ),
    RendererHTML,
)  # fmt: skip

TRICKY = [
    "Runs {cv:skill}`Kubernetes` for <b>teams</b> of 5 * 10 & more",
    "# not a heading",
    "## nor this",
    "1990. a year, not a list",
    "3) nor this",
    "- not a bullet",
    "+ nor this",
    "> not a quote",
    ":field: not a field list",
    "(target)=",
    "% not a comment",
    "---",
    "***",
    "| a | b |",
    "- [ ] not a task",
    "_snake_case_ and *stars* and ~~strike~~",
    "$x^2$ and $$y$$",
    "{{ substitution }}",
    "[text](https://example.org) and ![image](x.png)",
    "&amp; &#42; entities",
    "back\\slash\\",
    "```fence",
    "~~~",
    ":::{note}",
    "<https://example.org>",
    "Zoë Ångström — 東京",
]


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_text_renders_as_the_same_characters(text):
    """The escaped value parses as one paragraph of plain text equal to the value."""
    tokens = MYST.parse(escape(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children
    assert [c.type for c in children] == ["text"]
    assert children[0].content == text


def test_rendercv_markdown_is_kept_and_the_rest_escaped():
    """RenderCV's bold, italic, code and links stay markup; other syntax is plain text."""
    text = "**Bold** *it* `code` [RAUC](https://rauc.io/) {cv:skill} <b> & # 1."
    tokens = [t for t in MYST.parse(markup(text))[1].children if t.type != "text" or t.content]
    assert [t.type for t in tokens] == [
        "strong_open", "text", "strong_close", "text", "em_open", "text", "em_close", "text",
        "code_inline", "text", "link_open", "text", "link_close", "text",
    ]  # fmt: skip
    assert tokens[10].attrs["href"] == "https://rauc.io/"
    assert tokens[-1].content == " {cv:skill} <b> & # 1."
