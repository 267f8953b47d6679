"""Benchmarks of the skills engine: overhead on the real CV, and cost per mention at scale.

Run by ``make bench`` (``python tests/bench.py``); never part of the tests.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent

CV_CONF = """
exec(open({conf!r}).read())
"""
PLAIN_CONF = (
    CV_CONF
    + """
# what sphinx_cv sets up, without it
extensions = ["myst_parser", "sphinx_design"]
root_doc = "docs/index"
html_theme = "furo"
html_copy_source = False
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3
myst_url_schemes = ["http", "https", "mailto", "tel"]
"""
)

ROLE = re.compile(r"\{(?:skill|cv:skill|cv:entry)\}`([^`<]*?)(?:\s*<[^`]*>)?`")
DIRECTIVE = re.compile(
    r"^```\{cv:([\w-]+)\} ([^\n]+)\n((?::[\w-]+:[^\n]*\n)*)(.*?)^```\n", re.M | re.S
)


def plain_text(markdown: str) -> str:
    """The same page with every cv role and directive turned into plain MyST text."""

    def directive(match: re.Match[str]) -> str:
        options = dict(re.findall(r"^:([\w-]+): *(.*)$", match[3], re.M))
        skills = f"\n\nSkills: {options['skills']}" if "skills" in options else ""
        return f"**{match[2]}**\n\n{match[4].strip()}{skills}\n"

    return ROLE.sub(lambda m: m[1], DIRECTIVE.sub(directive, markdown))


class Timed(NamedTuple):
    seconds: float  # wall clock
    peak: int  # peak memory, KiB
    cpu: float  # user + system seconds: less sensitive than seconds to a busy machine


def timed_build(
    srcdir: Path, outdir: Path, confdir: Path | None = None, clean: bool = True
) -> Timed:
    """Seconds, peak memory and CPU seconds of one ``sphinx -b html`` run in a fresh process."""
    if clean:
        shutil.rmtree(outdir, ignore_errors=True)
    args = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-b",
        "html",
        "-j",
        "1",
        "-d",
        str(outdir / ".doctrees"),
    ]
    if confdir is not None:
        args += ["-c", str(confdir)]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*args, str(srcdir), str(outdir)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"build failed: {' '.join(args)}\n{proc.stderr.read().decode()}")
    return Timed(elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)


def overhead(runs: int = 5) -> None:
    """Real CV: cold and no-op HTML builds with the extension ÷ the same pages as plain text."""
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        cv, plain = tmpdir / "cv-src", tmpdir / "plain-src"
        engine = tmpdir / "engine-src"  # the skills engine alone: the web features off
        engine_conf = CV_CONF + "cv_web_features = False\n"
        for srcdir, conf in ((cv, CV_CONF), (plain, PLAIN_CONF), (engine, engine_conf)):
            shutil.copytree(REPO / "docs", srcdir / "docs")
            (srcdir / "conf.py").write_text(conf.format(conf=str(REPO / "conf.py")))
        for page in (plain / "docs").glob("*.md"):
            page.write_text(plain_text(page.read_text()))
        builds: dict[str, list[Timed]] = {
            "cv cold": [],
            "plain cold": [],
            "cv no-op": [],
            "plain no-op": [],
            "engine cold": [],
            "engine no-op": [],
        }
        for _ in range(runs):  # interleaved, so that machine noise hits all alike
            builds["cv cold"].append(timed_build(cv, tmpdir / "cv-out"))
            builds["plain cold"].append(timed_build(plain, tmpdir / "plain-out"))
            builds["engine cold"].append(timed_build(engine, tmpdir / "engine-out"))
            builds["cv no-op"].append(timed_build(cv, tmpdir / "cv-out", clean=False))
            builds["plain no-op"].append(timed_build(plain, tmpdir / "plain-out", clean=False))
            builds["engine no-op"].append(timed_build(engine, tmpdir / "engine-out", clean=False))
    median = {name: statistics.median(b.seconds for b in values) for name, values in builds.items()}
    cpu = {name: statistics.median(b.cpu for b in values) for name, values in builds.items()}
    print(f"Overhead on the real CV (HTML, -j 1, median of {runs} interleaved runs):")
    for name, value in median.items():
        print(f"  {name:12} {value:6.2f} s  (CPU {cpu[name]:.2f} s)")
    print(f"  cold  ratio cv/plain: {median['cv cold'] / median['plain cold']:.3f}  (goal <= 1.10)")
    print(
        f"  no-op ratio cv/plain: {median['cv no-op'] / median['plain no-op']:.3f}  (goal <= 1.05)"
    )
    print(
        f"  the same in CPU seconds: cold {cpu['cv cold'] / cpu['plain cold']:.3f},"
        f" no-op {cpu['cv no-op'] / cpu['plain no-op']:.3f} (less sensitive to a busy machine)"
    )
    print(
        "  the skills engine alone (cv_web_features = False) / plain:"
        f" cold {median['engine cold'] / median['plain cold']:.3f},"
        f" no-op {median['engine no-op'] / median['plain no-op']:.3f}"
        " (no goal: where the time goes)"
    )


SCALE_CONF = (
    'extensions = ["myst_parser", "sphinx_cv"]\nexclude_patterns = ["_build"]\n'
    'html_theme = "alabaster"\n'
)
# (both: Sphinx's default theme and no sidebar: furo, which sphinx_cv chooses when
# conf.py does not, renders the whole toctree on each page, pages x pages; the figures
# show what the extension costs)


LINKS_CONF = (
    'extensions = ["myst_parser"]\nexclude_patterns = ["_build"]\nmyst_heading_anchors = 3\n'
)
"""The baseline of the scale figures: no extension; skills are headings, mentions links."""


def generate_cv(root: Path, skills: int, mentions: int, pages: int, links: bool = False) -> None:
    """*pages* pages, *skills* skills in 20 categories, *mentions* mentions spread evenly.

    *links*: the baseline, the same pages without sphinx-cv: each skill a ``###``
    heading with its text, each mention a plain MyST link to the heading's anchor.
    """
    docs = root / "docs"
    docs.mkdir(parents=True)
    conf = LINKS_CONF if links else SCALE_CONF
    (root / "conf.py").write_text(conf + 'html_sidebars = {"**": []}\nroot_doc = "docs/index"\n')
    names = [f"Skill {number:04d}" for number in range(skills)]
    lines = ["# Skills\n"]
    for number, name in enumerate(names):
        if number % (skills // 20 or 1) == 0:
            lines.append(f"\n## Category {number // (skills // 20 or 1)}\n")
        if links:
            lines.append(f"### {name}\n\nAlso: s{number}. Tool number {number}.\n")
        else:
            lines.append(
                f"```{{cv:skill}} {name}\n:aliases: s{number}\n\nTool number {number}.\n```\n"
            )
    (docs / "skills.md").write_text("\n".join(lines))
    per_page = mentions // pages
    for page in range(pages):
        body = [f"# Page {page}\n", "## Work\n"]
        for n in range(per_page):
            index = (page * per_page + n) * 7919 % skills
            text = f"s{index}" if n % 2 else f"Skill {index:04d}"
            link = f"[{text}](skills.md#skill-{index:04d})"
            mention = link if links else f"{{skill}}`{text}`"
            body.append(f"Used {mention} here." if n % 2 else f"With {mention}.")
        (docs / f"page{page:03d}.md").write_text("\n".join(body) + "\n")
    toctree = "\n".join(f"page{page:03d}" for page in range(pages))
    (docs / "index.md").write_text(f"# Scale\n\n```{{toctree}}\nskills\n{toctree}\n```\n")


def scale(skills: int = 2000, pages: int = 500) -> None:
    """Cold HTML build time and peak memory at 1k, 10k and 50k mentions; cost per mention
    against the same pages with plain MyST links (goal: at most 1.5 times theirs)."""
    print(f"Scale: {skills} skills over {pages} pages (+ skills page), HTML cold build, -j 1:")
    results: dict[bool, list[tuple[int, float]]] = {False: [], True: []}
    for mentions in (1_000, 10_000, 50_000):
        for links in (False, True):
            with tempfile.TemporaryDirectory() as tmp:
                root = Path(tmp) / "cv"
                generate_cv(root, skills, mentions, pages, links=links)
                seconds, peak, _cpu = timed_build(root, Path(tmp) / "out")
            results[links].append((mentions, seconds))
            name = "links" if links else "cv"
            print(
                f"  {name:5} {mentions:6d} mentions: {seconds:6.1f} s,"
                f" peak memory {peak / 1024:6.0f} MiB"
            )
    cost = {}
    for links, ((m1, t1), (m2, t2), (m3, t3)) in results.items():
        low, high = (t2 - t1) / (m2 - m1), (t3 - t2) / (m3 - m2)
        cost[links] = high
        print(
            f"  {'links' if links else 'cv':5} cost per mention: {low * 1000:.3f} ms (1k-10k),"
            f" {high * 1000:.3f} ms (10k-50k); ratio {high / low:.2f} (flat: about 1)"
        )
    print(f"  cost per mention at 10k-50k, cv/links: {cost[False] / cost[True]:.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    overhead()
    scale()
