"""``sphinx-cv build --watch`` in this process, the site only: a save rebuilds, Ctrl-C ends.

``test_cli_build.py`` runs the watch as a user does, with the PDF. These are left out of
``make mutation``'s selection: they end the watch with a real SIGINT, which mutmut's runner
takes for itself.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import signal
import socket
import threading
import time
import weakref
from pathlib import Path

import pytest
from sphinx_cv.cli.builds import Project
from sphinx_cv.cli.watch import between_saves, watch


def test_the_watch_serves_rebuilds_after_a_save_and_stops_on_ctrl_c(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The site only (the PDF's worker is a process of its own, tested in test_cli_build)."""
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-variants", source)
    project = Project(source, source / "_build")
    page = project.html / "index.html"
    seen: dict[str, str] = {}

    def author() -> None:  # waits for the first build, saves a page, then presses Ctrl-C
        deadline = time.monotonic() + 120
        while not page.is_file() and time.monotonic() < deadline:
            time.sleep(0.2)
        index = source / "index.md"
        saved = index.read_text(encoding="utf-8") + "\nSaved once.\n"
        while "Saved once." not in page.read_text(encoding="utf-8"):
            if time.monotonic() > deadline:
                break
            index.write_text(saved, "utf-8")  # again, in case the watch was not watching yet
            time.sleep(3)
        seen["page"] = page.read_text(encoding="utf-8")
        os.kill(os.getpid(), signal.SIGINT)

    handler = signal.getsignal(signal.SIGTERM)
    thread = threading.Thread(target=author, daemon=True)
    thread.start()
    try:
        code = watch(project, "127.0.0.1", 0, pdf=False)
    finally:
        signal.signal(signal.SIGTERM, handler)
    thread.join(10)
    out, err = capsys.readouterr()
    assert code == 0
    assert "Saved once." in seen["page"]
    assert re.search(rf"Serving {re.escape(str(project.html))} on http://127\.0\.0\.1:\d+/", out)
    assert re.search(r"^site +\d+\.\d\d s  \(all pages\)$", out, re.M)
    assert re.search(r"^site +\d+\.\d\d s  \(index\.md\)$", out, re.M)
    assert "Traceback" not in err
    assert gc.get_freeze_count() == 0  # what the watch froze between saves, unfrozen


def test_the_watch_says_when_its_port_is_taken(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        handler = signal.getsignal(signal.SIGTERM)
        try:
            project = Project(rootdir / "test-variants", tmp_path / "out")
            code = watch(project, "127.0.0.1", port, pdf=False)
        finally:
            signal.signal(signal.SIGTERM, handler)
    _, err = capsys.readouterr()
    assert code == 1
    assert "sphinx-cv build --watch: [Errno 98] Address already in use\n" in err


def test_between_saves_the_garbage_is_collected_and_what_lives_on_frozen() -> None:
    class Node:
        pass

    garbage = Node()
    garbage.self = garbage  # a cycle: only the collector frees it
    freed = weakref.ref(garbage)
    gc.freeze()  # as a build leaves it: the garbage is frozen
    del garbage
    try:
        between_saves()
        assert freed() is None
        assert gc.get_freeze_count() > 10_000  # what lives on (the modules...) frozen
    finally:
        gc.unfreeze()
