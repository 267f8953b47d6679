"""``sphinx-cv build --watch``: rebuild on every save, with the Sphinx applications kept in memory.

The site's application lives in this process and rebuilds only the pages a save changed;
the browser reloads from :class:`~.livereload.LiveServer`. The PDF's application lives in
a worker process (Sphinx keeps global state per process), with its own doctrees, and
runs latexmk, which starts from the previous run's .aux and index: one XeLaTeX run when
no page number moved. The two run side by side, the PDF's at a lower priority.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

import watchfiles
from sphinx.util.docutils import docutils_namespace, patch_docutils

from .builds import Project, make_pdfs, rebuild
from .livereload import LiveServer

if TYPE_CHECKING:
    from collections.abc import Iterator
    from multiprocessing.connection import Connection

    from sphinx.application import Sphinx

PDF_NICENESS = 5
"""The PDF worker's (and its TeX runs') lower priority: where the cores are busy, the
page on screen comes first; on an idle machine both run at full speed."""
RESTART = "restart"
"""Message to the PDF worker: conf.py changed, start a new application."""


class SourceFilter(watchfiles.DefaultFilter):
    """What watchfiles' default filter keeps (no .git, editor swap files...), less the output."""

    def __init__(self, outdir: Path) -> None:
        super().__init__()
        self.outdir = outdir

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        return not Path(path).is_relative_to(self.outdir) and super().__call__(change, path)


def watch(project: Project, host: str, port: int, pdf: bool = True) -> int:
    """Build, serve on *host*:*port*, then rebuild after every save until interrupted."""
    signal.signal(signal.SIGTERM, _interrupt)
    conf = project.confdir / "conf.py"
    worker = PdfWorker(project) if pdf else None
    server = None
    changes = _changes(project)
    try:
        while True:  # once, and again after each change of conf.py
            with patch_docutils(project.confdir), docutils_namespace():
                app = _timed_html(project.app("html"), "all pages")
                if server is None:
                    server = LiveServer(project.html, host, port)
                    threading.Thread(target=server.serve_forever, daemon=True).start()
                    print(f"Serving {project.html} on {server.url} (Ctrl-C to stop)", flush=True)
                server.reload()
                between_saves()
                for changed in changes:
                    if worker is not None:
                        worker.request(restart=conf in changed)
                    if conf in changed:
                        break
                    _timed_html(app, ", ".join(_names(changed, project.srcdir)))
                    server.reload()
                    between_saves()
    except KeyboardInterrupt:
        pass
    except OSError as error:  # the port is taken, or the output cannot be written
        print(f"sphinx-cv build --watch: {error}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.stop()
        if worker is not None:
            worker.stop()
        gc.unfreeze()  # what between_saves froze: a caller that goes on collects it again
    return 0


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _changes(project: Project) -> Iterator[set[Path]]:
    """The paths changed by each save (changes within 50 ms are one save)."""
    for changes in watchfiles.watch(
        project.srcdir, watch_filter=SourceFilter(project.outdir), step=50
    ):
        yield {Path(path) for _, path in changes}


def _names(paths: set[Path], root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) if p.is_relative_to(root) else str(p) for p in paths)


def between_saves() -> None:
    """Once the page is on screen: the last build's garbage collected, and what lives on
    (the applications, their environments) left out of the next rebuild's collections
    (the next rebuild took 0.1 s longer when it collected the first build's garbage)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _timed_html(app: Sphinx, what: str) -> Sphinx:
    """Build; print how long it took (a failed build is reported, the watch goes on)."""
    start = time.perf_counter()
    try:
        rebuild(app)
    except Exception:  # any error of a page: shown, then the next save tries again
        traceback.print_exc()
    print(f"site  {time.perf_counter() - start:5.2f} s  ({what})", flush=True)
    return app


class PdfWorker:
    """The PDF's Sphinx application in a process of its own; one build per request."""

    def __init__(self, project: Project) -> None:
        context = multiprocessing.get_context("spawn")
        self.requests, worker_end = context.Pipe()
        self.process = context.Process(
            target=pdf_loop, args=(project, worker_end), name="sphinx-cv-pdf"
        )
        self.process.start()
        self.request()

    def request(self, restart: bool = False) -> None:
        self.requests.send(RESTART if restart else time.perf_counter())

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # the worker has gone already
            self.requests.send(None)
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.terminate()


def pdf_loop(project: Project, requests: Connection) -> None:
    """The worker: build the PDF after each request, until ``None`` comes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the watcher stops us
    os.nice(PDF_NICENESS)
    doctrees = project.outdir / "doctrees-pdf"
    with patch_docutils(project.confdir), docutils_namespace():
        app = project.app("latex", doctrees=doctrees)
        while (message := _latest(requests)) is not None:
            if message == RESTART:
                app = project.app("latex", doctrees=doctrees)
            start = time.perf_counter()
            try:
                rebuild(app)
                for path in make_pdfs(app, html=project.html):
                    print(f"PDF   {time.perf_counter() - start:5.2f} s  {path}", flush=True)
            except Exception as error:  # a LaTeX or Sphinx error: shown, the next save retries
                print(f"PDF failed: {error} (see {app.outdir})", file=sys.stderr, flush=True)
            between_saves()


def _latest(requests: Connection) -> Any:
    """The next request, skipping to the last of those already waiting (EOF: ``None``)."""
    try:
        message = requests.recv()
        while message is not None and requests.poll():
            newer = requests.recv()
            message = RESTART if RESTART in (message, newer) else newer
            if newer is None:
                return None
    except EOFError:
        return None
    return message
