"""``sphinx-cv build [--watch]``, run as a user runs it: the console script in a subprocess."""

from __future__ import annotations

import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.util.docutils import docutils_namespace, patch_docutils
from sphinx_cv.cli.builds import Project, rebuild

SPHINX_CV = Path(sys.executable).with_name("sphinx-cv")
WAIT = 180  # seconds: a bound for a stuck build, not a speed goal
needs_latex = pytest.mark.skipif(not shutil.which("latexmk"), reason="needs latexmk (TeX Live)")


def project(rootdir: Path, tmp_path: Path, name: str = "test-latex-design") -> Path:
    source = tmp_path / "src"
    shutil.copytree(rootdir / name, source)
    return source


def sphinx_cv(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The console script with *args*, to its end."""
    command = [SPHINX_CV, *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=WAIT)


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_command_lists_its_subcommands() -> None:
    result = sphinx_cv("--help")
    assert result.returncode == 0
    assert re.search(r"^\s+build\s+build the site and the PDF", result.stdout, re.M)


@needs_latex
def test_build_writes_site_and_pdf_and_puts_the_pdf_beside_the_site(
    rootdir: Path, tmp_path: Path
) -> None:
    source = project(rootdir, tmp_path)
    out = tmp_path / "out"
    result = sphinx_cv("build", source, "-o", out, "-W")
    assert result.returncode == 0, result.stderr
    html = BeautifulSoup((out / "html" / "index.html").read_text(), "html.parser")
    assert html.find("h1").get_text(strip=True).startswith("Ada Example")
    assert not html.find("script", string=re.compile("EventSource"))  # no preview script
    pdf = out / "latex" / "AdaExample.pdf"
    assert (out / "html" / "AdaExample.pdf").read_bytes() == pdf.read_bytes()
    assert "Ada Example" in pdf_text(pdf)
    # the LaTeX build read nothing again: the site's doctrees were enough
    assert sorted(p.name for p in out.iterdir()) == ["doctrees", "html", "latex"]


def test_build_without_conf_py_says_so(tmp_path: Path) -> None:
    result = sphinx_cv("build", tmp_path, "-o", tmp_path / "out")
    assert result.returncode == 2
    assert f"no conf.py in {tmp_path}" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_fails_on_a_warning_with_w_and_names_the_file(rootdir: Path, tmp_path: Path) -> None:
    source = project(rootdir, tmp_path, "test-skills-errors")
    result = sphinx_cv("build", source, "-o", tmp_path / "out", "-W", "--no-pdf")
    assert result.returncode == 1
    assert re.search(r"\w+\.md:\d+: WARNING", result.stderr), result.stderr
    assert "Traceback" not in result.stderr


class Watch:
    """``sphinx-cv build --watch`` in the background; its output lines in a queue."""

    def __init__(self, source: Path, out: Path) -> None:
        self.process = subprocess.Popen(
            [SPHINX_CV, "build", "--watch", "--port", "0", str(source), "-o", str(out)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_line(self, pattern: str) -> re.Match[str]:
        deadline = time.monotonic() + WAIT
        seen = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            seen.append(line)
            if match := re.search(pattern, line):
                return match
        raise AssertionError(f"no line matching {pattern!r} in:\n{''.join(seen)}")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=60)


def wait_for(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@needs_latex
def test_watch_serves_with_reload_then_rebuilds_site_and_pdf_after_an_edit(
    rootdir: Path, tmp_path: Path
) -> None:
    source = project(rootdir, tmp_path)
    out = tmp_path / "out"
    watch = Watch(source, out)
    try:
        url = watch.wait_line(r"Serving .* on (http://127\.0\.0\.1:\d+/)")[1]
        watch.wait_line(r"^PDF .*AdaExample\.pdf")
        served = urllib.request.urlopen(url + "index.html", timeout=10).read().decode()
        assert 'new EventSource("/_sphinx-cv/events")' in served
        assert "EventSource" not in (out / "html" / "index.html").read_text()

        events = urllib.request.urlopen(url + "_sphinx-cv/events", timeout=WAIT)
        assert events.readline() == b": connected\n"
        page = source / "skills.md"
        page.write_text(page.read_text() + "\nA line written while watching.\n")

        assert events.readline() == b"\n"
        assert events.readline() == b"data: reload\n"  # the open pages reload
        written = (out / "html" / "skills.html").read_text()
        assert "A line written while watching." in written
        pdf = out / "html" / "AdaExample.pdf"
        wait_for(lambda: "A line written while watching." in pdf_text(pdf), "the new PDF")
        # the PDF worker reads into doctrees of its own: the site's stay the site's
        assert sorted(p.name for p in out.glob("doctrees*")) == ["doctrees", "doctrees-pdf"]
    finally:
        status = watch.stop()
    assert status == 0


def test_a_rebuild_writes_each_latex_document_once(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What ``--watch`` does to its PDF application on every save."""
    source = project(rootdir, tmp_path)
    with patch_docutils(source), docutils_namespace():
        app = Project(source, tmp_path / "out", verbose=True).app("latex")
        for number in range(3):
            page = source / "skills.md"
            page.write_text(page.read_text() + f"\nEdit number {number}.\n")
            capsys.readouterr()
            rebuild(app)
            assert capsys.readouterr().out.count("processing AdaExample.tex:") == 1  # ...: done
    assert "Edit number 2." in (tmp_path / "out" / "latex" / "AdaExample.tex").read_text()
