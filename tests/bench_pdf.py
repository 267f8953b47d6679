"""Benchmark of the PDF: the real CV with sphinx-cv's design against a plain Sphinx PDF.

Run by ``make bench`` (:func:`pdf_time`) or alone (``python tests/bench_pdf.py [runs]``);
never part of the tests. Goal: the design's build at most 1.5 times the plain one.

What makes the comparison fair: both builds are the same pages (``docs/`` copied), the
same ``conf.py`` and extensions, XeLaTeX with the same fonts, paper and makeindex, run
as Read the Docs runs them (``sphinx -b latex``, then latexmk with Sphinx's
``latexmkrc``), each from an empty output folder with a fresh environment (``-E``).
"Plain" is Sphinx's own ``howto`` theme with its default ``latex_elements`` (title,
table of contents, Sphinx's headings and index); sphinx-cv's nodes still need its
``sphinxcv.sty``, so the extension stays, with its LaTeX transforms (sphinx-design
components, compact skill definitions) in both. One unmeasured build of each warms
the caches; then the two alternate, so that machine noise hits both alike.
"""

from __future__ import annotations

import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOAL = 1.5

CV_CONF = """
exec(open({conf!r}).read())
"""
PLAIN_CONF = """
exec(open({conf!r}).read())
latex_theme = "howto"
latex_documents = [("index", "SergeLogvinov.tex", project, author, latex_theme)]
"""
LATEXMK = ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", "-interaction=nonstopmode"]


def commands(srcdir: Path, outdir: Path) -> list[tuple[list[str], Path]]:
    """The two commands of one PDF build, with the folder each runs in."""
    latex = outdir / "latex"
    sphinx = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "latex"]
    sphinx += ["-d", str(outdir / "doctrees"), str(srcdir), str(latex)]
    return [(sphinx, REPO), ([*LATEXMK, "SergeLogvinov.tex"], latex)]


def timed_pdf(srcdir: Path, outdir: Path) -> tuple[float, int]:
    """Seconds of one PDF build from scratch, and its page count."""
    shutil.rmtree(outdir, ignore_errors=True)
    start = time.perf_counter()
    for args, cwd in commands(srcdir, outdir):
        subprocess.run(args, cwd=cwd, capture_output=True, check=False)  # latexmk: -f, as on RTD
    elapsed = time.perf_counter() - start
    pdf = outdir / "latex" / "SergeLogvinov.pdf"
    if not pdf.is_file():
        raise RuntimeError(f"no PDF from {srcdir}: {shlex.join(commands(srcdir, outdir)[0][0])}")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    return elapsed, int(pages)


def pdf_time(runs: int = 3) -> float:
    """Real CV: PDF build time with the design ÷ with Sphinx's plain ``howto`` theme."""
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        sources = {
            "design": (tmpdir / "cv-src", CV_CONF),
            "plain": (tmpdir / "plain-src", PLAIN_CONF),
        }
        for srcdir, conf in sources.values():
            shutil.copytree(REPO / "docs", srcdir / "docs")
            (srcdir / "conf.py").write_text(conf.format(conf=str(REPO / "conf.py")))
        times: dict[str, list[float]] = {name: [] for name in sources}
        pages: dict[str, int] = {}
        for run in range(runs + 1):  # the first: warm-up, not counted
            for name, (srcdir, _) in sources.items():
                seconds, pages[name] = timed_pdf(srcdir, tmpdir / f"{name}-out")
                if run:
                    times[name].append(seconds)
        print(f"PDF of the real CV (sphinx, then latexmk; median of {runs} interleaved runs):")
        for name, (srcdir, conf) in sources.items():
            print(f"  {name:6} {statistics.median(times[name]):6.2f} s, {pages[name]} pages")
            for args, cwd in commands(srcdir, tmpdir / f"{name}-out"):
                print(f"         (cd {cwd} && {shlex.join(args)})")
            lines = conf.format(conf=str(REPO / "conf.py")).strip().splitlines()
            print(f"         with {srcdir / 'conf.py'}: {'; '.join(lines)}")
    ratio = statistics.median(times["design"]) / statistics.median(times["plain"])
    print(f"  ratio design/plain: {ratio:.3f}  (goal <= {GOAL})")
    return ratio


if __name__ == "__main__":
    pdf_time(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
