"""Benchmark of the PDF: build time of the real CV, against RenderCV and a plain Sphinx PDF.

Run by ``make bench`` (:func:`pdf_time`) or alone (``python tests/bench_pdf.py [runs]``);
never part of the tests. Goals: the CV's PDF in at most 2.0 s and at most 2 times
RenderCV's PDF of the same content; the design's build at most 1.5 times the plain one.

What makes the comparisons fair: every build is whole processes from an empty output
folder, as a user or Read the Docs runs them (``sphinx -b latex -E``, then latexmk with
Sphinx's ``latexmkrc``). "Plain" is the same pages, ``conf.py`` and extensions with
Sphinx's own ``howto`` theme and default ``latex_elements`` (title, table of contents,
Sphinx's headings and index); sphinx-cv's nodes still need its ``sphinxcv.sty``, so the
extension stays. RenderCV (2.8, YAML to Typst to PDF) renders ``bench_data/cv.yaml``, the
same text (``bench_data/rendercv_from_docs.py``), PDF only. One unmeasured build of each
warms the caches; then they alternate, so that machine noise hits all alike. "design"
starts from the preloaded preamble (``cv_pdf_preload``) made by the warm-up, as every
build after a machine's first does; "first" makes it each time.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RENDERCV_CV = REPO / "tests" / "bench_data" / "cv.yaml"
GOAL_SECONDS = 2.0
GOAL_RENDERCV = 2.0
GOAL_PLAIN = 1.5

CV_CONF = """
exec(open({conf!r}).read())
"""
PLAIN_CONF = """
exec(open({conf!r}).read())
latex_theme = "howto"
latex_documents = [("index", "SergeLogvinov.tex", project, author, latex_theme)]
"""
LATEXMK = ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", "-interaction=nonstopmode"]
ENGINE_RUN = r"^Run number \d+ of rule '(?:pdf|xe)latex'"
RENDERCV_ARGS = ["render", "cv.yaml", "-nopng", "-nomd", "-nohtml"]  # Typst, then the PDF


def commands(srcdir: Path, outdir: Path) -> list[tuple[list[str], Path]]:
    """The two commands of one PDF build, with the folder each runs in."""
    latex = outdir / "latex"
    sphinx = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "latex"]
    sphinx += ["-d", str(outdir / "doctrees"), str(srcdir), str(latex)]
    return [(sphinx, REPO), ([*LATEXMK, "SergeLogvinov.tex"], latex)]


class SphinxPdf:
    """One CV build from scratch: its seconds, each step's, its XeLaTeX runs and pages.

    *cache*: the folder of preloaded preambles (``XDG_CACHE_HOME``); emptied before each
    build when *first* (a machine's first build of this preamble).
    """

    def __init__(self, srcdir: Path, outdir: Path, cache: Path, first: bool = False) -> None:
        self.srcdir, self.outdir = srcdir, outdir
        self.cache, self.first = cache, first
        self.steps: list[float] = []
        self.runs: list[list[float]] = []  # each run's steps, the warm-up's first
        self.engine_runs = 0

    def __call__(self) -> float:
        shutil.rmtree(self.outdir, ignore_errors=True)
        if self.first:
            shutil.rmtree(self.cache, ignore_errors=True)
        env = {**os.environ, "XDG_CACHE_HOME": str(self.cache)}
        self.steps = []
        for args, cwd in commands(self.srcdir, self.outdir):
            start = time.perf_counter()
            # latexmk: -f, as on Read the Docs
            done = subprocess.run(
                args, cwd=cwd, capture_output=True, text=True, check=False, env=env
            )
            self.steps.append(time.perf_counter() - start)
        self.engine_runs = len(
            re.findall(r"^Run number \d+ of rule '(?:pdf|xe)latex'", done.stdout, re.M)
        )
        if not self.pdf.is_file():
            raise RuntimeError(f"no PDF: {shlex.join(commands(self.srcdir, self.outdir)[0][0])}")
        self.runs.append(self.steps)
        return sum(self.steps)

    def median_steps(self) -> list[float]:
        """Each step's median seconds over the runs after the warm-up."""
        return [statistics.median(step) for step in zip(*self.runs[1:], strict=True)]

    @property
    def pdf(self) -> Path:
        return self.outdir / "latex" / "SergeLogvinov.pdf"

    def pages(self) -> int:
        info = subprocess.run(["pdfinfo", str(self.pdf)], capture_output=True, text=True)
        return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)[1])


def rendercv() -> tuple[str | None, str]:
    """RenderCV's command, or None and why it cannot run here."""
    command = os.environ.get("RENDERCV") or shutil.which("rendercv")
    if command is None:
        return None, "rendercv not found (pip install '.[bench]' on Python 3.12+, or RENDERCV=path)"
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    icons = cache / "typst" / "packages" / "preview" / "fontawesome" / "0.6.0"
    if not (icons / "typst.toml").is_file():
        return None, f"RenderCV 2.8 downloads its icon package at render time; not in {icons}"
    return command, ""


def rendercv_pdf(command: str, workdir: Path) -> Callable[[], float]:
    """One ``rendercv render`` of the bench's CV (PDF only) from an empty output folder."""
    shutil.copy(RENDERCV_CV, workdir / "cv.yaml")

    def run() -> float:
        shutil.rmtree(workdir / "rendercv_output", ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([command, *RENDERCV_ARGS], cwd=workdir, capture_output=True, check=True)
        elapsed = time.perf_counter() - start
        if not list((workdir / "rendercv_output").glob("*.pdf")):
            raise RuntimeError(f"no PDF from {command} {shlex.join(RENDERCV_ARGS)} in {workdir}")
        return elapsed

    return run


def pdf_time(runs: int = 3) -> float:
    """Real CV: seconds of the PDF build; ratios to RenderCV and to a plain Sphinx PDF."""
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        builds: dict[str, Callable[[], float]] = {}
        for name, conf in (("design", CV_CONF), ("plain", PLAIN_CONF)):
            srcdir = tmpdir / f"{name}-src"
            shutil.copytree(REPO / "docs", srcdir / "docs")
            (srcdir / "conf.py").write_text(conf.format(conf=str(REPO / "conf.py")))
            builds[name] = SphinxPdf(srcdir, tmpdir / f"{name}-out", tmpdir / "cache")
        builds["first"] = SphinxPdf(
            tmpdir / "design-src", tmpdir / "first-out", tmpdir / "first-cache", first=True
        )
        command, why_not = rendercv()
        if command is not None:
            (tmpdir / "rendercv").mkdir()
            builds["rendercv"] = rendercv_pdf(command, tmpdir / "rendercv")
        times: dict[str, list[float]] = {name: [] for name in builds}
        for run in range(runs + 1):  # the first: warm-up, not counted
            for name, build in builds.items():
                seconds = build()
                if run:
                    times[name].append(seconds)
        median = {name: statistics.median(values) for name, values in times.items()}
        design: SphinxPdf = builds["design"]  # type: ignore[assignment]
        print(f"PDF of the real CV (whole processes, median of {runs} interleaved runs):")
        for args, cwd in commands(design.srcdir, design.outdir):
            print(f"  (cd {cwd} && {shlex.join(args)})")
        sphinx, latexmk = design.median_steps()
        print(
            f"  design {median['design']:6.2f} s  (goal <= {GOAL_SECONDS}): sphinx"
            f" {sphinx:.2f} s + latexmk {latexmk:.2f} s, medians"
            f" ({design.engine_runs} XeLaTeX runs), {design.pages()} pages"
        )
        first: SphinxPdf = builds["first"]  # type: ignore[assignment]
        sphinx, latexmk = first.median_steps()
        print(
            f"  first  {median['first']:6.2f} s  (no preloaded preamble yet: sphinx"
            f" {sphinx:.2f} s, which makes it, + latexmk {latexmk:.2f} s)"
        )
        plain: SphinxPdf = builds["plain"]  # type: ignore[assignment]
        print(f"  plain  {median['plain']:6.2f} s  (latex_theme = 'howto'), {plain.pages()} pages")
        ratio = median["design"] / median["plain"]
        print(f"  ratio design/plain: {ratio:.3f}  (goal <= {GOAL_PLAIN})")
        if command is None:
            print(f"  RenderCV: skipped, {why_not}")
        else:
            print(
                f"  rendercv {median['rendercv']:6.2f} s  ({command} {shlex.join(RENDERCV_ARGS)})"
            )
            print(
                f"  ratio design/rendercv: {median['design'] / median['rendercv']:.3f}"
                f"  (goal <= {GOAL_RENDERCV})"
            )
    return ratio


if __name__ == "__main__":
    pdf_time(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
