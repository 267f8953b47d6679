"""The garbage collector during a process's first build: what is alive is left alone.

A build allocates many small objects (tokens, nodes, attributes). Each time enough of them
pile up, Python's collector walks the tracked objects, including the hundreds of thousands
that the imports, the configuration, the registry and the environment hold for the whole
build. Frozen (:func:`gc.freeze`) when the configuration is read, when the builder starts
and before reading, these are skipped: the collector's share of the LaTeX build of this CV
went from about 0.2 s to 0.1 s of 1 s. They are unfrozen when the build finishes. (Not
after reading as well: that froze the read pages' garbage too, and a CV of 50,000
mentions peaked at 884 MiB instead of 643.)

The same build also collects its youngest objects less often: after 10,000 new objects
rather than Python's 700. A page's nodes are cyclic (parents and children) and live while
the page is read or written; collected every 700 allocations, many of them outlive a few
collections, move to the oldest generation and wait there for a full collection of the
whole heap. A CV of 20,000 mentions spent a quarter of its HTML build collecting (26 s,
20 s with the collector off); with the higher threshold, 20 s.

When the process exits, Python collects the whole heap once more before it clears the
modules: 0.14-0.20 s after this CV's HTML build had finished, a sixth of ``sphinx-build``'s
time. The first build has everything frozen at exit (:mod:`atexit`), so that this last
collection is skipped and the operating system takes the memory back: the exit takes
0.04 s. Objects in reference cycles are then not finalized at exit, which Python does not
promise either; Sphinx and the extension close their files where they write them.

Only the first build of a process freezes: it is the whole of ``sphinx-build``'s work, and
a freeze in a later build of a process that goes on (``sphinx-cv build --watch``, a test
session) would also freeze the earlier builds' garbage, which then outlives them. Nor does
a build in a process that has frozen objects itself (a server that forks workers).
"""

from __future__ import annotations

import atexit
import gc
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

YOUNGEST_THRESHOLD = 10_000
"""New objects between two collections of the youngest generation, during the first build."""

_first_build: list[int] = []
"""The ``id`` of the application of the process's first build, and ``0`` once it is done."""
_thresholds: list[tuple[int, int, int]] = []
"""The collector's thresholds before the first build changed them."""


def freeze(app: Sphinx, *args: Any) -> None:
    """Leave every object alive now out of the collector's walks until the build ends;
    at the first stage, collect the youngest objects less often, and nothing at exit."""
    if not _first_build:  # a process that froze objects of its own keeps them as they are
        _first_build.append(0 if gc.get_freeze_count() else id(app))
        if _first_build == [id(app)]:
            _thresholds.append(gc.get_threshold())
            gc.set_threshold(max(YOUNGEST_THRESHOLD, _thresholds[0][0]), *_thresholds[0][1:])
            atexit.register(gc.freeze)
    if _first_build == [id(app)]:
        gc.freeze()


def unfreeze(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: back to the collector's oldest generation, for good, and the
    collector's thresholds as they were."""
    if _first_build == [id(app)]:
        gc.unfreeze()
        gc.set_threshold(*_thresholds[0])
        _first_build[0] = 0


def setup_collector(app: Sphinx) -> None:
    """Freeze at each stage of a build that leaves long-lived objects; unfreeze at its end."""
    app.connect("config-inited", freeze, priority=1000)  # imports, extensions, config
    app.connect("builder-inited", freeze, priority=0)  # the environment, the builder
    app.connect("env-before-read-docs", freeze, priority=0)
    app.connect("build-finished", unfreeze, priority=1000)
