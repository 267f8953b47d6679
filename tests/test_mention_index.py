"""The PDF's index of skills in the LaTeX source: an ``\\index`` at each mention, on every
page of the one tree LaTeX resolves, and the definitions' entries without the "main" mark.

Built in this process (where ``make mutation`` sees it) from the ``skills`` root with the
glossary (the definitions in the PDF) and an orphan page, which the PDF leaves out.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import build_in_process, shared

MENTION = re.compile(
    r"(\\index\{(?P<skill>[^@]*)@\\spxentry\{[^{}]*(?:\{\}[^{}]*)*\}(?P<mark>\|\w+)?\})?"
    r"\\phantomsection\\label\{\\detokenize\{(?P<page>\w+):skill-mention-\d+\}\}"
)
"""A mention's anchor, with the index entry before it if any."""


@pytest.fixture(scope=shared)
def tex(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("mention-index")
    shutil.copytree(rootdir / "test-skills", tmp / "src")
    (tmp / "src" / "notes.md").write_text("---\norphan: true\n---\n# Notes\n\nOn {skill}`Go`.\n")
    with (tmp / "src" / "experience.md").open("a") as experience:  # the author's own entry
        experience.write("\n```{index} ! Platform engineering\n```\n")
    overrides = {"cv_pdf_preload": False, "cv_pdf_glossary": True}
    app, warnings = build_in_process("latex", tmp / "src", tmp / "build", overrides)
    assert warnings == ""
    return next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")


def test_each_mention_has_its_skills_index_entry_before_its_anchor(tex: str) -> None:
    mentions = [(m["page"], m["skill"], m["mark"]) for m in MENTION.finditer(tex)]
    assert Counter((page, skill) for page, skill, _mark in mentions) == {
        ("index", "Kubernetes"): 1,
        ("index", "Go"): 1,
        ("experience", "Kubernetes"): 1,
        ("experience", "Cilium"): 1,
        ("experience", "PostgreSQL"): 1,
        ("experience", "WAL\\sphinxhyphen{}G"): 1,
        ("experience", "Go"): 2,  # Go, GOLANG
        ("experience", "Python"): 1,
        ("projects", "Kubernetes"): 2,  # in the text and in :skills:
        ("projects", "Go"): 1,
        ("projects", "PostgreSQL"): 1,
        ("projects", "WAL\\sphinxhyphen{}G"): 1,
        ("skills", None): 2,  # in Cilium's and WAL-G's descriptions: links, not uses
    }
    assert {mark for _page, _skill, mark in mentions} == {None}  # no "main" page number


def test_definitions_index_entries_are_not_main(tex: str) -> None:
    """makeindex merges a page's numbers only within one mark: a definition's page marked
    "main" beside a mention on the same page would print twice."""
    definition = re.search(r"\\index\{Go@[^\n]*\n\\begin\{sphinxcvskill\}", tex)
    assert definition is not None
    assert definition[0].startswith(r"\index{Go@\spxentry{Go}}")
    assert tex.count("spxpagem") == 1


def test_the_authors_main_index_entries_stay_main(tex: str) -> None:
    assert r"\index{Platform engineering@\spxentry{Platform engineering}|spxpagem}" in tex


def test_a_page_the_pdf_leaves_out_has_no_entry(tex: str) -> None:
    assert "notes:" not in tex
    assert "Notes" not in tex
