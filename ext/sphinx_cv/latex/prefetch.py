"""Lookups that ask another program (fontconfig, TeX), started when the LaTeX builder
starts: they run while Sphinx reads the pages, on another core, and the first call waits
for the answer instead of asking again (about 0.05 s of this CV's LaTeX build)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Once(Generic[T]):
    """Decorator: *lookup*'s answer, asked once per process, by the first call or by
    :meth:`start` (a call meanwhile waits for that answer)."""

    def __init__(self, lookup: Callable[[], T]) -> None:
        self.lookup = lookup
        self.__doc__ = lookup.__doc__
        self._lock = threading.Lock()
        self._answer: tuple[T] | None = None
        # a process forked while the thread asks (Sphinx's parallel reading) has no thread
        # to release the lock: it gets a lock of its own, and asks itself if it needs to
        os.register_at_fork(after_in_child=self._new_lock)

    def _new_lock(self) -> None:
        self._lock = threading.Lock()

    def __call__(self) -> T:
        with self._lock:
            if self._answer is None:
                self._answer = (self.lookup(),)
            return self._answer[0]

    def cache_clear(self) -> None:
        """Forget the answer (as :func:`functools.cache`'s): the next call asks again."""
        with self._lock:
            self._answer = None

    def start(self) -> None:
        """Ask now, in a thread; a call meanwhile waits for its answer."""
        threading.Thread(target=self, daemon=True).start()
