"""Lookups asked once, early: a thread started with the LaTeX builder, the first call waits
for its answer; a forked process (parallel reading) gets a lock of its own."""

from __future__ import annotations

import os
import signal
import threading
import time

from sphinx_cv.latex.fonts import text_font_has
from sphinx_cv.latex.prefetch import Once
from sphinx_cv.latex.preload import tex_installation


def test_a_lookup_started_early_is_asked_once_and_its_answer_awaited() -> None:
    asked: list[str] = []
    release = threading.Event()

    def lookup() -> str:
        asked.append(threading.current_thread().name)
        release.wait(5)
        return "answer"

    once = Once(lookup)
    once.start()
    while not asked:
        time.sleep(0.001)
    threading.Timer(0.05, release.set).start()
    assert once() == "answer"  # waited for the thread's answer
    assert once() == "answer"
    assert len(asked) == 1
    assert asked[0] != threading.current_thread().name
    once.cache_clear()  # asked again, by the call itself
    assert once() == "answer"
    assert asked[1:] == [threading.current_thread().name]


def test_a_process_forked_while_a_lookup_runs_asks_itself() -> None:
    release = threading.Event()

    def lookup() -> int:
        if threading.current_thread() is not threading.main_thread():
            release.wait(5)  # the parent's thread, until the child is forked
        return os.getpid()

    once = Once(lookup)
    once.start()
    time.sleep(0.02)  # the thread holds the lock
    child = os.fork()
    if child == 0:  # the child: no thread to release the lock
        signal.alarm(5)  # a child that waits for it forever ends, and the test fails
        os._exit(0 if once() == os.getpid() else 1)
    release.set()
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert once() == os.getpid()


def test_the_lookups_keep_their_documentation() -> None:
    assert "code points of the text font" in text_font_has.__doc__
    assert "engine's version" in tex_installation.__doc__
