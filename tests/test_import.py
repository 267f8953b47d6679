"""``sphinx-cv import``: the MyST text it writes, and the CVs it makes, built."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import sphinx_build
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from sphinx_cv.cli.main import main
from sphinx_cv.importers.myst import escape
from sphinx_cv.importers.rendercv import markup

DATA = Path(__file__).parent / "data" / "import"

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


# --- the imported CVs, built -------------------------------------------------------------


@dataclass
class Imported:
    """A CV imported by ``sphinx-cv import``, built into HTML and a PDF with ``-W``."""

    root: Path
    html: Path
    pdf: Path
    logs: list[subprocess.CompletedProcess[str]]

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.html / page).read_text(encoding="utf-8"), "html.parser")

    def pdf_text(self) -> str:
        return subprocess.run(
            ["pdftotext", str(self.pdf), "-"], capture_output=True, text=True, check=True
        ).stdout


def build_imported(source: Path, out: Path) -> Imported:
    root = out / "cv"
    assert main(["import", str(source), str(root)]) == 0
    options = ("-W", "--keep-going", "-d", str(out / "doctrees"))
    logs = [
        sphinx_build("html", root, out / "html", *options),
        sphinx_build("latex", root, out / "latex", *options),
    ]
    pdf = out / "latex" / "missing.pdf"
    if logs[1].returncode == 0 and shutil.which("latexmk"):
        subprocess.run(
            ["make", "-C", str(out / "latex"), "all-pdf", "LATEXMKOPTS=-quiet"],
            capture_output=True,
            check=False,
        )
        pdf = next(iter(sorted((out / "latex").glob("*.pdf"))), pdf)
    return Imported(root, out / "html", pdf, logs)


@pytest.fixture(scope="module")
def from_json(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return build_imported(DATA / "rich.json", tmp_path_factory.mktemp("json"))


@pytest.fixture(scope="module")
def from_yaml(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return build_imported(DATA / "rich.yaml", tmp_path_factory.mktemp("yaml"))


def leaves(value: Any, path: str = "$") -> dict[str, Any]:
    """Every scalar of a JSON value by its JSON path: ``{"$.work[0].name": "Acme"}``."""
    if isinstance(value, dict):
        return {
            p: v for key, item in value.items() for p, v in leaves(item, f"{path}.{key}").items()
        }
    if isinstance(value, list):
        return {
            p: v for n, item in enumerate(value) for p, v in leaves(item, f"{path}[{n}]").items()
        }
    return {path: value}
