"""Benchmark of the writing loop: from a save to the new page on screen, and to the new PDF.

Run by ``make bench`` (:func:`edit_to_screen`) or alone (``python tests/bench_watch.py
[edits]``); never part of the tests. Goals: the HTML within 0.5 s of the save, the PDF
within 2 s.

``sphinx-cv build --watch`` runs on a copy of the real CV. Each edit appends one line to
one page; "on screen" is when the reload event reaches a page open in the browser (an
event-stream client here; the browser's own reload of a local page adds little), "PDF"
when the new PDF has replaced the one beside the site. For comparison, the same edit
then a fresh ``sphinx-build`` process (what ``make livehtml`` ran through
sphinx-autobuild before).
"""

from __future__ import annotations

import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPHINX_CV = Path(sys.executable).with_name("sphinx-cv")
PAGE = "docs/kubernetes.md"
GOAL_HTML, GOAL_PDF = 0.5, 2.0


class Watcher:
    """``sphinx-cv build --watch`` on *srcdir*; its URL once the first PDF is written."""

    def __init__(self, srcdir: Path, outdir: Path) -> None:
        self.process = subprocess.Popen(
            [SPHINX_CV, "build", "--watch", "--port", "0", str(srcdir), "-o", str(outdir)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        self.url = ""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if match := re.search(r"on (http://\S+/)", line):
                self.url = match[1]
            if line.startswith("PDF "):
                break
        threading.Thread(target=self.process.stdout.read, daemon=True).start()  # drain

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=60)


def edit(page: Path, number: int) -> float:
    """Append one line; the time of the save."""
    text = page.read_text()
    saved = time.perf_counter()
    page.write_text(text + f"\nEdit number {number} of this page.\n")
    return saved


def wait_pdf(pdf: Path, before: int) -> float:
    while pdf.stat().st_mtime_ns == before:
        time.sleep(0.01)
    return time.perf_counter()


def edit_to_screen(edits: int = 5) -> None:
    """Median seconds from a save to the reload event and to the new PDF; fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        srcdir, outdir = Path(tmp) / "cv", Path(tmp) / "out"
        shutil.copytree(REPO / "docs", srcdir / "docs")
        shutil.copy(REPO / "conf.py", srcdir / "conf.py")
        page, pdf = srcdir / PAGE, outdir / "html" / "SergeLogvinov.pdf"
        watcher = Watcher(srcdir, outdir)
        html_times, pdf_times = [], []
        try:
            events = urllib.request.urlopen(watcher.url + "_sphinx-cv/events", timeout=60)
            events.readline()  # ": connected"
            for number in range(edits):
                time.sleep(2.5)  # the previous PDF is done
                before = pdf.stat().st_mtime_ns
                saved = edit(page, number)
                while events.readline() != b"data: reload\n":
                    pass
                html_times.append(time.perf_counter() - saved)
                pdf_times.append(wait_pdf(pdf, before) - saved)
        finally:
            watcher.stop()
        fresh = []
        sphinx = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d"]
        sphinx += [str(outdir / "doctrees"), str(srcdir), str(outdir / "html")]
        for number in range(edits, 2 * edits):
            saved = edit(page, number)
            subprocess.run(sphinx, check=True, capture_output=True)
            fresh.append(time.perf_counter() - saved)
    html, pdf_s = statistics.median(html_times), statistics.median(pdf_times)
    print(f"Edit -> screen, one line appended to {PAGE} (median of {edits}):")
    print(f"  ({SPHINX_CV} build --watch --port 0 <copy of the CV>)")
    print(f"  HTML reloaded  {html:6.2f} s  (goal <= {GOAL_HTML})")
    print(f"  PDF replaced   {pdf_s:6.2f} s  (goal <= {GOAL_PDF})")
    print(f"  a fresh sphinx-build process after the same edit: {statistics.median(fresh):.2f} s")


if __name__ == "__main__":
    edit_to_screen(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
