"""Read the Docs' own build commands, run into a fresh folder, give the site, zip and PDF.

The commands are those of readthedocs.org's ``doc_builder/backends/sphinx.py`` for this
repository's ``.readthedocs.yaml`` (``fail_on_warning: true``, formats pdf and htmlzip),
run in the folder of ``conf.py`` with source dir ``.``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, CVBuild

SLUG = "sphinx-cv"
RTD_ENV = {
    "READTHEDOCS": "True",
    "READTHEDOCS_LANGUAGE": "en",
    "READTHEDOCS_VERSION": "latest",
    "READTHEDOCS_PROJECT": SLUG,
    "READTHEDOCS_CANONICAL_URL": f"https://{SLUG}.readthedocs.io/en/latest/",
}


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def rtd_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tracked files copied to a fresh folder, built as Read the Docs builds them."""
    root = tmp_path_factory.mktemp("rtd")
    checkout, output = root / "checkout", root / "output"
    files = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    )
    for name in files.stdout.splitlines():
        if (REPO / name).is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, checkout / name)
    env = {**os.environ, **RTD_ENV, "READTHEDOCS_OUTPUT": str(output)}
    sphinx = [sys.executable, "-m", "sphinx", "-T"]
    common = ["-d", "_build/doctrees", "-D", "language=en", "."]
    for args in (
        [*sphinx, "-W", "--keep-going", "-b", "html", *common, str(output / "html")],
        [*sphinx, "-W", "--keep-going", "-b", "singlehtml", *common, str(output / "htmlzip")],
        [*sphinx, "-b", "latex", *common, str(output / "pdf")],
    ):
        result = run(args, checkout, env)
        assert result.returncode == 0, f"{' '.join(args)}\n{result.stderr}"
    latexmk = [
        "latexmk",
        "-r",
        "latexmkrc",
        "-pdf",
        "-f",
        "-dvi-",
        "-ps-",
        f"-jobname={SLUG}",
        "-interaction=nonstopmode",
    ]
    run(latexmk, output / "pdf", env)  # RTD ignores latexmk's exit code: check the PDF instead
    return output


def test_pages_are_at_the_site_root(rtd_build: Path) -> None:
    html = rtd_build / "html"
    assert (html / "kubernetes.html").is_file()
    assert not (html / "docs").exists()


def test_root_page_is_the_home_page_with_its_link_preview(rtd_build: Path) -> None:
    home = BeautifulSoup((rtd_build / "html" / "index.html").read_text(), "html.parser")
    meta = {m["property"]: m["content"] for m in home.select("meta[property^='og:']")}
    assert meta["og:title"] == "Serge Logvinov"
    assert meta["og:url"] == f"https://{SLUG}.readthedocs.io/en/latest/index.html"
    assert meta["og:description"].startswith("Hybrid cloud and Kubernetes infrastructure")
    assert home.select_one('meta[name="description"]')["content"] == meta["og:description"]
    person = json.loads(home.select_one('script[type="application/ld+json"]').string)
    assert person["@type"] == "Person" and person["name"] == "Serge Logvinov"
    assert home.select_one('meta[http-equiv="refresh"]') is None


def test_html_links_to_read_the_docs_pdf_download(rtd_build: Path) -> None:
    page = (rtd_build / "html" / "index.html").read_text()
    assert f'href="https://{SLUG}.readthedocs.io/_/downloads/en/latest/pdf/"' in page


def test_htmlzip_is_one_page_with_every_section(rtd_build: Path) -> None:
    page = BeautifulSoup((rtd_build / "htmlzip" / "index.html").read_text(), "html.parser")
    # the sections themselves, in the article (the sidebar names them too)
    headings = page.select("article :is(h1, h2, h3, h4, h5, h6)")
    titles = [" ".join(h.get_text().split()).rstrip("¶#") for h in headings]
    for title in ("Kubernetes", "Blockchain", "Solutions for offices", "School"):
        assert any(t.startswith(title) for t in titles), titles


def test_pdf_comes_out_named_after_the_project_slug(rtd_build: Path) -> None:
    pdf = rtd_build / "pdf" / f"{SLUG}.pdf"
    assert pdf.is_file()
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Serge Logvinov" in text and "Cilium" in text
    assert "Index" in text  # makeindex ran: no xindy needed


def test_pdf_is_the_same_as_make_latexpdf_gives(rtd_build: Path, cv_build: CVBuild) -> None:
    rtd_text = subprocess.run(
        ["pdftotext", "-layout", str(rtd_build / "pdf" / f"{SLUG}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert rtd_text == cv_build.pdf_text()
