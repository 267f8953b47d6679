"""Shared fixtures: small test roots for sphinx.testing, and the real CV built once."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import sphinx_cv
from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).resolve().parent.parent

GITHUB = "https://github.com/sergelogvinov"
PROJECT_URLS = (
    "https://github.com/siderolabs/talos",
    "https://github.com/siderolabs/talos-cloud-controller-manager",
    "https://github.com/sergelogvinov/proxmox-cloud-controller-manager",
    "https://github.com/sergelogvinov/proxmox-csi-plugin",
    "https://github.com/sergelogvinov/terraform-talos",
    "https://github.com/kubernetes/cloud-provider-openstack",
)
"""The real CV's profile and, in the seed's order, the projects it contributed to."""


_STARTED_BEFORE: set[multiprocessing.Process] = set()


def pytest_sessionstart(session: pytest.Session) -> None:
    _STARTED_BEFORE.update(multiprocessing.active_children())


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Stop the processes the builds left running (sphinx-sitemap's queue managers).

    mutmut ends each mutant's test run with ``os._exit``, which skips multiprocessing's
    own clean-up: without this, every mutant would leave them behind.
    """
    for child in set(multiprocessing.active_children()) - _STARTED_BEFORE:
        child.terminate()


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot="x")`` finds ``tests/roots/test-x``."""
    return Path(__file__).parent / "roots"


def shared(fixture_name: str, config: pytest.Config) -> str:
    """The scope of a fixture that builds a project once for a module's tests.

    mutmut's stats run (``make mutation``) ties a test to the functions that run while
    it runs, fixtures included: there each test builds its own project, so that every
    test reading a build is tied to the code that made it, not only a module's first.
    """
    return "function" if os.environ.get("MUTANT_UNDER_TEST") == "stats" else "module"


@pytest.fixture(scope=shared)
def module_app():
    """``make_app`` for a module: an app built once and shared by the module's tests."""
    apps: list[SphinxTestApp] = []

    def make(*args, **kwargs) -> SphinxTestApp:
        app = SphinxTestApp(*args, **kwargs)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.cleanup()


def build_in_process(
    builder: str, srcdir: Path, builddir: Path, overrides: dict[str, Any], **kwargs: Any
) -> tuple[SphinxTestApp, str]:
    """Build *srcdir* in this process (mutmut counts only tests that reach the code in its
    own process; *kwargs* go to ``SphinxTestApp``, such as ``parallel``); the application,
    cleaned up, and its warnings."""
    warnings = StringIO()
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=builddir,
        confoverrides=overrides,
        warning=warnings,
        **kwargs,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app, warnings.getvalue()


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` in a new process; the result keeps stdout and stderr.

    The process imports the ``sphinx_cv`` these tests import (``make mutation`` tests a copy).
    """
    package_dir = str(Path(sphinx_cv.__file__).parent.parent)
    path = os.pathsep.join(filter(None, (package_dir, os.environ.get("PYTHONPATH"))))
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": path},
    )


def sphinx_build(
    builder: str, srcdir: Path, outdir: Path, *options: str
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m sphinx`` as a user does; the result keeps stdout and stderr."""
    return run_python("-m", "sphinx", "-b", builder, *options, str(srcdir), str(outdir))


@dataclass
class CVBuild:
    """The real CV (this repository's docs/) built into a temporary folder."""

    html: Path
    latex: Path
    pdf: Path
    html_log: subprocess.CompletedProcess[str]
    latex_log: subprocess.CompletedProcess[str]

    def page(self, name: str) -> str:
        return (self.html / name).read_text(encoding="utf-8")

    def pdf_text(self) -> str:
        out = subprocess.run(
            ["pdftotext", "-layout", str(self.pdf), "-"], capture_output=True, text=True, check=True
        )
        return out.stdout


@pytest.fixture(scope="session")
def cv_build(tmp_path_factory: pytest.TempPathFactory) -> CVBuild:
    """PDF and HTML of the real CV, built once per test session with ``-W --keep-going``,
    in ``make``'s order (the site ships the PDF built beside it)."""
    out = tmp_path_factory.mktemp("cv")
    latex_log = sphinx_build(
        "latex", REPO, out / "latex", "-W", "--keep-going", "-d", str(out / "doctrees")
    )
    pdf = out / "latex" / "missing.pdf"
    if latex_log.returncode == 0 and shutil.which("latexmk"):
        subprocess.run(
            ["make", "-C", str(out / "latex"), "all-pdf", "LATEXMKOPTS=-quiet"],
            capture_output=True,
            check=False,
        )
        pdf = next(iter(sorted((out / "latex").glob("*.pdf"))), pdf)
    html_log = sphinx_build(
        "html", REPO, out / "html", "-W", "--keep-going", "-d", str(out / "doctrees")
    )
    return CVBuild(out / "html", out / "latex", pdf, html_log, latex_log)
