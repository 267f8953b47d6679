"""The preamble preloaded (``cv_pdf_preload``): a XeLaTeX format made once, the same PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import sphinx_build
from test_pdf import Pdf, build_pdf, run

pytestmark = pytest.mark.skipif(not shutil.which("latexmk"), reason="needs latexmk (TeX Live)")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache of formats for this test alone."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "sphinx-cv" / "formats"


def pictures(pdf: Pdf, folder: Path) -> list[bytes]:
    """Each page as a PNG's bytes."""
    folder.mkdir()
    run("pdftoppm", "-r", "72", "-png", pdf.path, folder / "page")
    return [page.read_bytes() for page in sorted(folder.glob("page-*.png"))]


@pytest.mark.parametrize("root", ["test-latex-design", "test-latex-special"])
def test_a_preloaded_preamble_gives_the_same_pdf_pixel_for_pixel(
    rootdir: Path, tmp_path: Path, cache: Path, root: str
) -> None:
    """The special root sets Chinese, Japanese and Cyrillic in fonts chosen in the body."""
    preloaded = build_pdf(rootdir / root, tmp_path / "preloaded")
    whole = build_pdf(rootdir / root, tmp_path / "whole", "-D", "cv_pdf_preload=0")

    name = preloaded.path.stem
    assert preloaded.tex.startswith(f"%&{name}-preamble\n")
    assert (preloaded.path.parent / f"{name}-preamble.fmt").is_file()
    assert "(preloaded format=preamble " in preloaded.log
    assert len(list(cache.glob("*.fmt"))) == 1
    with (preloaded.path.parent / f"{name}-preamble.fmt").open("rb") as fmt:
        assert fmt.read(2) != b"\x1f\x8b", "kept gzipped: each run decompresses it"
    assert not whole.tex.startswith("%&")
    assert "(preloaded format=xelatex " in whole.log
    assert "endofdump" not in whole.tex

    assert preloaded.text() == whole.text()
    assert preloaded.pages() == whole.pages()
    assert pictures(preloaded, tmp_path / "a") == pictures(whole, tmp_path / "b")


def test_a_format_is_made_once_for_each_preamble(
    rootdir: Path, tmp_path: Path, cache: Path
) -> None:
    """The header (in sphinxcv.sty, beside the .tex) is part of the preamble."""

    def latex(out: str, *options: str) -> str:
        result = sphinx_build("latex", rootdir / "test-latex-design", tmp_path / out, *options)
        assert result.returncode == 0, result.stderr
        return (tmp_path / out / "AdaExample.tex").read_text(encoding="utf-8")

    latex("first")
    made = {path.name: path.stat().st_mtime_ns for path in cache.glob("*.fmt")}
    latex("other", "-D", "cv_headline=Another headline")
    latex("again")
    assert len(made) == 1
    assert len(list(cache.glob("*.fmt"))) == 2
    for name, modified in made.items():
        assert (cache / name).read_bytes() == (
            tmp_path / "again" / "AdaExample-preamble.fmt"
        ).read_bytes()
        assert (cache / name).stat().st_mtime_ns >= modified


def test_without_a_cache_xelatex_reads_the_whole_preamble(
    rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache's folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    latex = tmp_path / "latex"
    result = sphinx_build("latex", rootdir / "test-latex-design", latex, "-W")
    assert result.returncode == 0, result.stderr
    assert "XeLaTeX reads AdaExample.tex's whole preamble on each run" in result.stdout
    assert not (latex / "AdaExample.tex").read_text(encoding="utf-8").startswith("%&")
    assert not (latex / "AdaExample-preamble.fmt").exists()
    subprocess.run(["make", "-C", str(latex), "all-pdf"], capture_output=True, check=True)
    assert "Ada Example" in Pdf(latex / "AdaExample.pdf").text()
