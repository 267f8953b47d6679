"""``pip install .`` (what Read the Docs runs) ships every file the extension reads."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_has_every_tracked_file_of_the_package(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: building in the checkout would leave build/ there
    shutil.copytree(
        REPO, source, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "node_modules")
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("sphinx_cv-*.whl"))
    shipped = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(
        ["git", "ls-files", "ext/sphinx_cv"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    expected = {name.removeprefix("ext/") for name in tracked}
    assert expected <= shipped, sorted(expected - shipped)
