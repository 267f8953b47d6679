"""``sphinx-cv new``: a CV repository that builds its site and PDF with no warning."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx_cv.domain import CVDomain

NEW_FILES = {
    ".gitignore",
    ".readthedocs.yaml",
    "Makefile",
    "README.md",
    "conf.py",
    "requirements.txt",
    "docs/index.md",
}


def sphinx_cv(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``sphinx-cv ARGS`` as a user runs it (the console script's module)."""
    command = [sys.executable, "-m", "sphinx_cv.cli.main", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def new_cv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``sphinx-cv new`` for a name with accents, then PDF and site as its Makefile builds them."""
    folder = tmp_path_factory.mktemp("new") / "cv"
    result = sphinx_cv("new", str(folder), "--name", "Zoë  Møller-Ångström")
    assert result.returncode == 0, result.stderr
    for target in ("latexpdf", "html"):
        build = subprocess.run(
            [sys.executable, "-m", "sphinx", "-M", target, ".", "_build", "-W", "--keep-going"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert build.returncode == 0, build.stderr
        assert "WARNING" not in build.stderr
    return folder


def test_new_writes_a_complete_repository(new_cv: Path) -> None:
    written = set(files_in(new_cv)) - {p for p in files_in(new_cv) if p.startswith("_build/")}
    assert written >= NEW_FILES
    conf = (new_cv / "conf.py").read_text(encoding="utf-8")
    assert "project = 'Zoë Møller-Ångström'" in conf  # spaces collapsed, quoted by repr
    assert 'extensions = ["sphinx_cv"]' in conf
    assert "sphinx-cv>=" in (new_cv / "requirements.txt").read_text()


def test_new_cv_pages_use_every_directive_and_role(new_cv: Path) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in (new_cv / "docs").glob("*.md"))
    domain = CVDomain
    used = set(re.findall(r"```\{cv:([a-z]+)\}", text))
    assert used == set(domain.directives)
    for role in [*(f"{{cv:{name}}}`" for name in domain.roles), "{skill}`"]:
        assert role in text, role
    assert ":level:" in text and ":aliases:" in text and ":category:" in text


def test_new_cv_builds_a_site_at_its_root_and_a_pdf(new_cv: Path) -> None:
    html = new_cv / "_build" / "html"
    home = BeautifulSoup((html / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("h1").get_text().rstrip("¶#") == "Zoë Møller-Ångström"
    assert (html / "skills.html").is_file() and not (html / "docs").exists()
    pdf_link = [a["href"] for a in home.select(".cv-sidebar-indexes a") if a.get_text() == "PDF"]
    assert pdf_link == ["ZoeMollerAngstrom.pdf"]  # ASCII: ø transliterated
    assert (html / pdf_link[0]).is_file()
    text = subprocess.run(
        ["pdftotext", str(new_cv / "_build/latex/ZoeMollerAngstrom.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Zoë Møller-Ångström" in text and "Index of skills" in text


def test_new_refuses_to_overwrite_without_force(new_cv: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cv"
    shutil.copytree(new_cv, folder)
    (folder / "docs" / "index.md").write_text("# Mine\n", encoding="utf-8")
    before = files_in(folder)
    result = sphinx_cv("new", str(folder), "--name", "Jane Doe")
    assert result.returncode == 2
    assert "would overwrite" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert files_in(folder) == before
    forced = sphinx_cv("new", str(folder), "--name", "Jane Doe", "--force")
    assert forced.returncode == 0, forced.stderr
    assert (folder / "docs" / "index.md").read_text(encoding="utf-8").startswith("# Jane Doe\n")


def test_new_writes_into_an_empty_folder(tmp_path: Path) -> None:
    assert sphinx_cv("new", str(tmp_path), "--name", "Jane Doe").returncode == 0
    assert set(files_in(tmp_path)) >= NEW_FILES


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "needs at least one letter"),
        ("42", "needs at least one letter"),
        ("Jane *Doe*", "'*' is not part of a name"),
        ("Jane\nDoe`", "'`' is not part of a name"),
    ],
)
def test_new_refuses_a_bad_name(tmp_path: Path, name: str, message: str) -> None:
    result = sphinx_cv("new", str(tmp_path / "cv"), "--name", name)
    assert result.returncode == 2
    assert result.stderr.startswith("sphinx-cv new: error: --name ")
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "cv").exists()


def test_new_refuses_a_file_as_folder(tmp_path: Path) -> None:
    (tmp_path / "cv").write_text("")
    result = sphinx_cv("new", str(tmp_path / "cv"), "--name", "Jane Doe")
    assert (result.returncode, result.stderr.strip()) == (
        2,
        f"sphinx-cv new: error: {tmp_path / 'cv'}: exists and is not a folder",
    )


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    missing_name = sphinx_cv("new", str(tmp_path / "cv"))
    assert missing_name.returncode == 2 and "--name" in missing_name.stderr
    assert sphinx_cv().returncode == 2
    assert "new" in sphinx_cv("--help").stdout
