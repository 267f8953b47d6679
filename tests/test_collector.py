"""The garbage collector during a process's first build: long-lived objects frozen while
it runs, the youngest generation collected less often, both undone when it ends (also
when it fails); a later build of the same process (the watch, a test session) changes
nothing, so no earlier build's garbage outlives it. At exit, nothing is collected."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_python
from sphinx_cv import collector
from test_bad_input import INDEX, assert_clean, build, write


@pytest.fixture
def first_build_of_a_process() -> Iterator[None]:
    """The collector's state as in a process that has built nothing yet."""
    collector._first_build.clear()
    collector._thresholds.clear()
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    collector._first_build[:] = [0]


def frozen_and_thresholds(make_app, srcdir: Path) -> tuple[object, list[tuple[int, ...]]]:
    """The build's application; the freeze count and thresholds as each page is read."""
    seen: list[tuple[int, ...]] = []
    app = make_app("html", srcdir=srcdir, warningiserror=True, freshenv=True)
    app.connect(
        "doctree-read",
        lambda app, doctree: seen.append((gc.get_freeze_count(), *gc.get_threshold())),
    )
    app.build()
    return app, seen


def test_the_first_build_freezes_what_is_alive_until_it_finishes(
    make_app, tmp_path: Path, first_build_of_a_process: None
) -> None:
    writing: list[int] = []
    app = make_app("html", srcdir=write(tmp_path), warningiserror=True, freshenv=True)
    reading = [gc.get_freeze_count()]
    app.connect("doctree-read", lambda app, doctree: reading.append(gc.get_freeze_count()))
    app.connect("doctree-resolved", lambda *args: writing.append(gc.get_freeze_count()))
    app.build()
    assert_clean(app)
    assert len(reading) == 3  # at config-inited, then index and skills
    assert min(reading) > 10_000  # modules, config, registry, environment
    # the pages' objects, garbage once read, are not frozen for the writing
    assert len(writing) == 2 and max(writing) <= max(reading)
    assert gc.get_freeze_count() == 0


def test_the_first_build_collects_the_youngest_objects_less_often(
    make_app, tmp_path: Path, first_build_of_a_process: None
) -> None:
    gc.set_threshold(700, 10, 12)
    app, seen = frozen_and_thresholds(make_app, write(tmp_path / "first"))
    assert_clean(app)
    assert [thresholds for _, *thresholds in seen] == [[10_000, 10, 12]] * 2
    assert gc.get_threshold() == (700, 10, 12)
    app, seen = frozen_and_thresholds(make_app, write(tmp_path / "second"))
    assert [thresholds for _, *thresholds in seen] == [[700, 10, 12]] * 2


def test_a_higher_threshold_of_the_process_is_kept(
    make_app, tmp_path: Path, first_build_of_a_process: None
) -> None:
    gc.set_threshold(50_000, 20, 30)
    app, seen = frozen_and_thresholds(make_app, write(tmp_path))
    assert_clean(app)
    assert [thresholds for _, *thresholds in seen] == [[50_000, 20, 30]] * 2
    assert gc.get_threshold() == (50_000, 20, 30)


def test_a_later_build_freezes_nothing(
    make_app, tmp_path: Path, first_build_of_a_process: None
) -> None:
    build(make_app, write(tmp_path / "first")).cleanup()
    app, seen = frozen_and_thresholds(make_app, write(tmp_path / "second"))
    assert_clean(app)
    assert [count for count, *_ in seen] == [0, 0]
    srcdir = tmp_path / "second"  # a rebuild of a kept application (the watch)
    (srcdir / "index.md").write_text(INDEX.replace("Uses", "Uses daily"))
    app.build()
    assert [count for count, *_ in seen] == [0, 0, 0]


def test_a_failed_first_build_unfreezes(
    make_app, tmp_path: Path, first_build_of_a_process: None
) -> None:
    srcdir = write(tmp_path, index="# Jane\n\n{skill}`Nowhere`\n\n```{toctree}\nskills\n```\n")
    thresholds = gc.get_threshold()
    app = build(make_app, srcdir)
    assert app.statuscode == 1
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds
    assert collector._first_build == [0]


def test_a_process_that_froze_objects_itself_keeps_them_frozen(
    make_app, tmp_path: Path, first_build_of_a_process: None
) -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    thresholds = gc.get_threshold()
    app, seen = frozen_and_thresholds(make_app, write(tmp_path))
    counts = [count for count, *_ in seen]
    assert gc.get_threshold() == thresholds
    assert_clean(app)
    assert len(counts) == 2
    assert max(counts) <= frozen  # nothing more frozen during the build (some freed)
    assert frozen - 1000 < gc.get_freeze_count() <= frozen  # nor unfrozen after it
    assert collector._first_build == [0]


EXIT_CHECK = """
import atexit, gc, sys
# registered before the build, so run after what the build registers (last in, first out)
atexit.register(lambda: sys.stderr.write(f"frozen at exit: {gc.get_freeze_count()}\\n"))
from sphinx.cmd.build import main
sys.exit(main(["-q", "-b", "html", sys.argv[1], sys.argv[2]]))
"""


def test_a_sphinx_build_process_exits_without_a_last_collection(tmp_path: Path) -> None:
    """Python collects the whole heap at exit unless it is frozen: a sixth of a build."""
    srcdir = write(tmp_path / "src")
    done = run_python("-c", EXIT_CHECK, str(srcdir), str(tmp_path / "html"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "html" / "index.html").is_file()
    frozen = int(done.stderr.rpartition("frozen at exit: ")[2])
    assert frozen > 10_000  # modules, the environment, the build's objects
