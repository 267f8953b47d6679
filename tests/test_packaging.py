"""The package a stranger installs: ``python -m build`` gives an sdist and a wheel that
``twine check`` accepts and that ship every file of the extension; installed into a
fresh virtualenv, its ``sphinx-cv new`` makes a CV whose README commands build it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from conftest import REPO


def tracked(under: str = "") -> list[str]:
    """The repository's tracked files (``git ls-files``), under a folder."""
    args = ["git", "ls-files", *([under] if under else [])]
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, check=True).stdout.split()


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m build`` (the sdist, then the wheel from it) on a copy of the tracked files."""
    root = tmp_path_factory.mktemp("dist")
    source = root / "source"
    for name in tracked():
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(root / "dist"), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "dist"


def package_files() -> set[str]:
    """``sphinx_cv/...``: every tracked file of the package, as the wheel names it."""
    return {name.removeprefix("ext/") for name in tracked("ext/sphinx_cv")}


def test_build_makes_an_sdist_and_a_wheel_twine_accepts(dist: Path) -> None:
    assert len(list(dist.glob("sphinx_cv-*.tar.gz"))) == 1
    assert len(list(dist.glob("sphinx_cv-*-py3-none-any.whl"))) == 1
    check = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count("PASSED") == 2


def test_wheel_has_every_file_of_the_package(dist: Path) -> None:
    wheel = zipfile.ZipFile(next(dist.glob("*.whl")))
    shipped = set(wheel.namelist())
    expected = package_files()
    assert any(name.startswith("sphinx_cv/cli/templates/new/") for name in expected)
    assert expected <= shipped, sorted(expected - shipped)
    assert not [name for name in shipped if "__pycache__" in name]
    entry_points = next(n for n in shipped if n.endswith(".dist-info/entry_points.txt"))
    assert "sphinx-cv = sphinx_cv.cli.main:main" in wheel.read(entry_points).decode()


def test_sdist_has_every_file_of_the_package(dist: Path) -> None:
    with tarfile.open(next(dist.glob("*.tar.gz"))) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    expected = {f"ext/{name}" for name in package_files()}
    assert expected <= names, sorted(expected - names)


@pytest.mark.skipif(not shutil.which("latexmk"), reason="needs latexmk")
def test_a_new_user_installs_the_wheel_and_builds_a_new_cv(dist: Path, tmp_path: Path) -> None:
    """pip install into a fresh venv, ``sphinx-cv new``, then ``make`` and ``make test``."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # the wheel is found beside the package index, as if it were on it
    links = " ".join(filter(None, [os.environ.get("PIP_FIND_LINKS"), str(dist)]))
    env = {**os.environ, "PIP_FIND_LINKS": links}
    env.pop("VIRTUAL_ENV", None)
    start = time.perf_counter()

    def run(*args: str, cwd: Path = tmp_path) -> None:
        result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
        assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"

    run(str(venv / "bin" / "pip"), "install", "--quiet", "sphinx-cv")
    run(str(venv / "bin" / "sphinx-cv"), "new", "cv", "--name", "Jane Doe")
    cv = tmp_path / "cv"
    run("make", cwd=cv)
    pdf = cv / "_build" / "latex" / "JaneDoe.pdf"
    assert pdf.is_file() and (cv / "_build" / "html" / "index.html").is_file()
    print(f"pip install to a built PDF: {time.perf_counter() - start:.1f} s")
    run("make", "test", cwd=cv)
    assert pdf.is_file() and (cv / "_build" / "html" / "JaneDoe.pdf").is_file()
