"""Measured goals of the site as the web sees it: Lighthouse scores and the home page's weight.

Run by ``make bench``; never part of the tests. Lighthouse (from ``tests/browser``, ``npm
ci``) drives Debian's chromium on the real CV served from 127.0.0.1 with gzip, as Read the
Docs serves it compressed. Goals: every category 1.00 on the home page, a section page and
the skill index, desktop and mobile; the home page at most 15 KB heavier than the same
pages built with ``cv_web_features = False`` and without the three web extensions.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shlex
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "tests" / "browser" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"home": "index.html", "section": "kubernetes.html", "skills": "cv-skills.html"}
WEB_EXTENSIONS = ("sphinxext.opengraph", "sphinx_sitemap", "notfound.extension")
PLAIN_CONF = """
exec(open({conf!r}).read())
extensions = [name for name in extensions if name not in {web!r}]
cv_web_features = False
"""
WEIGHT_GOAL = 15 * 1024
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files, quietly, gzip-compressed when the browser accepts it (text types only)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED):
            return super().do_GET()
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """*directory* served on a free port of 127.0.0.1 by a thread; its base URL."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def build(outdir: Path, confdir: Path | None = None) -> None:
    """The CV's site; with another *confdir*, Sphinx reads the pages from ``docs/`` itself
    (``cv_pages_dir`` applies only where the source folder is the configuration's)."""
    args = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(outdir / ".doctrees")]
    srcdir = REPO
    if confdir is not None:
        args += ["-c", str(confdir)]
        srcdir = REPO / "docs"
    subprocess.run([*args, str(srcdir), str(outdir)], check=True, capture_output=True)


def lighthouse_command(url: str, report: Path, form: str) -> list[str]:
    preset = ["--preset=desktop"] if form == "desktop" else []
    return [
        str(LIGHTHOUSE), url, *preset, "--quiet", "--output=json", f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
    ]  # fmt: skip


def lighthouse(url: str, form: str, workdir: Path) -> dict[str, Any]:
    """One Lighthouse run; its JSON report."""
    report = workdir / f"lh-{abs(hash((url, form)))}.json"
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(lighthouse_command(url, report, form), check=True, env=env, capture_output=True)
    return json.loads(report.read_text(encoding="utf-8"))


def failing_audits(result: dict[str, Any]) -> list[str]:
    """The scored audits below 1 (what keeps a category from 1.00)."""
    audits = result["audits"]
    return sorted(
        {
            f"{ref['id']} ({audits[ref['id']]['score']})"
            for category in result["categories"].values()
            for ref in category["auditRefs"]
            if ref["weight"] > 0 and audits[ref["id"]]["score"] not in (None, 1)
        }
    )


def weight(result: dict[str, Any]) -> tuple[int, int]:
    """Bytes transferred and bytes of the resources (uncompressed), from the network requests."""
    requests = result["audits"]["network-requests"]["details"]["items"]
    return (
        sum(r.get("transferSize", 0) for r in requests),
        sum(r.get("resourceSize", 0) for r in requests),
    )


def score_table(url: str, workdir: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """Lighthouse on each page, desktop and mobile; prints the scores and what is below 1."""
    print("Lighthouse (scores 0-1; goal 1.00 everywhere), the real CV served with gzip:")
    print(f"  {'page':8} {'form':8} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    results = {}
    for name, path in PAGES.items():
        for form in ("desktop", "mobile"):
            result = results[name, form] = lighthouse(url + path, form, workdir)
            scores = [result["categories"][c]["score"] for c in CATEGORIES]
            print(f"  {name:8} {form:8} " + " ".join(f"{s:>14.2f}" for s in scores))
            if below := failing_audits(result):
                print(f"  {'':17} below 1: {', '.join(below)}")
    return results


def print_weights(ours: tuple[int, int], plain: tuple[int, int]) -> None:
    extra = ours[0] - plain[0]
    verdict = "met" if extra <= WEIGHT_GOAL else "NOT met"
    print("Home page weight (all requests of one load, desktop):")
    print(f"  with the web features:    {ours[0]:7d} B transferred, {ours[1]:7d} B of resources")
    print(f"  web features off (plain): {plain[0]:7d} B transferred, {plain[1]:7d} B")
    print(f"  difference: {extra:+d} B transferred (goal <= +{WEIGHT_GOAL} B: {verdict})")


def main() -> None:
    """Build the CV twice (web features on, off), run Lighthouse, print scores and weights."""
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci` in tests/browser (`make bench` does)")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        site, plain, plain_conf = workdir / "site", workdir / "plain", workdir / "plain-conf"
        plain_conf.mkdir()
        conf = PLAIN_CONF.format(conf=str(REPO / "conf.py"), web=WEB_EXTENSIONS)
        (plain_conf / "conf.py").write_text(conf, encoding="utf-8")
        build(site)
        build(plain, plain_conf)
        with serve(site) as url:
            results = score_table(url, workdir)
            example = lighthouse_command(url + PAGES["home"], Path("report.json"), "desktop")
        with serve(plain) as url:
            baseline = lighthouse(url + PAGES["home"], "desktop", workdir)
    print_weights(weight(results["home", "desktop"]), weight(baseline))
    print("Commands behind the figures (the port is a free one of 127.0.0.1):")
    print(f"  site:  {sys.executable} -m sphinx -b html {REPO} <site>")
    print(f"  plain: {sys.executable} -m sphinx -b html -c <dir> {REPO / 'docs'} <plain>; conf.py:")
    print("\n".join(f"           {line}" for line in conf.strip().splitlines()))
    print("  each page and form, served from <site> or <plain> with gzip:")
    print(f"         CHROME_PATH={CHROMIUM} {shlex.join(example)}")
    print("         (mobile: the same without --preset=desktop)")


if __name__ == "__main__":
    main()
