"""Right-to-left words in the PDF (``sphinx_cv.latex.bidi``): runs, scripts, the PDF."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from conftest import build_in_process
from sphinx_cv.latex.bidi import rtl_runs, script_of
from test_pdf import build_pdf

ARABIC_NAME = "سيرج لوغفينوف"
HEBREW = "שלום עולם"


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        (
            "Arabic (العربية), Hebrew",
            [("Arabic (", False), ("العربية", True), ("), Hebrew", False)],
        ),
        (
            f"Name: {ARABIC_NAME} and more",
            [("Name: ", False), (ARABIC_NAME, True), (" and more", False)],
        ),
        ("عام 2021 م", [("عام 2021 م", True)]),
        (f"{HEBREW}.", [(HEBREW, True), (".", False)]),
        ("Latin only", [("Latin only", False)]),
        ("", []),
    ],
)
def test_right_to_left_runs_keep_what_lies_between_their_letters(
    text: str, runs: list[tuple[str, bool]]
) -> None:
    assert list(rtl_runs(text)) == runs


def test_a_run_is_set_in_its_letters_script() -> None:
    assert script_of(ARABIC_NAME) == "Arabic"
    assert script_of(f" {HEBREW}") == "Hebrew"
    assert script_of("ܫܠܡܐ") == "Syriac"
    assert script_of("ߒߞߏ") == ""  # N'Ko: no script name for fontspec here


@pytest.mark.skipif(not shutil.which("latexmk"), reason="needs latexmk (TeX Live)")
def test_arabic_and_hebrew_are_set_right_to_left_and_joined(rootdir: Path, tmp_path: Path) -> None:
    special = build_pdf(rootdir / "test-latex-special", tmp_path)
    assert rf"\sphinxcvrtl{{Arabic}}{{{ARABIC_NAME}}} (Arabic), " in special.tex
    assert rf"\sphinxcvrtl{{Hebrew}}{{{HEBREW}}} (Hebrew)." in special.tex
    text = special.text()
    joined = [c for c in text if 0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF]
    letters = len(ARABIC_NAME.replace(" ", ""))
    assert len(joined) > letters // 2, "most Arabic letters in their joined forms"
    read = unicodedata.normalize("NFKC", text)
    assert ARABIC_NAME in read and HEBREW in read


@pytest.mark.parametrize(("engine", "marked"), [("xelatex", True), ("lualatex", False)])
def test_only_xelatex_gets_right_to_left_runs(
    rootdir: Path, tmp_path: Path, engine: str, marked: bool
) -> None:
    """The LaTeX source, built in this process: XeLaTeX's runs, no other engine's."""
    app, _ = build_in_process(
        "latex", rootdir / "test-latex-special", tmp_path, {"latex_engine": engine}
    )
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert (rf"\sphinxcvrtl{{Arabic}}{{{ARABIC_NAME}}}" in tex) is marked
    assert ARABIC_NAME in tex
