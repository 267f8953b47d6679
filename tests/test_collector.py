"""The garbage collector during a build: long-lived objects frozen while it runs, released
when it ends (also when the build fails), so that a process that goes on collects them."""

from __future__ import annotations

import gc
from pathlib import Path

from test_bad_input import assert_clean, build, write


def test_objects_alive_before_reading_are_frozen_during_the_build_only(
    make_app, tmp_path: Path
) -> None:
    frozen_while_reading: list[int] = []
    app = make_app("html", srcdir=write(tmp_path), warningiserror=True, freshenv=True)
    app.connect(
        "doctree-read", lambda app, doctree: frozen_while_reading.append(gc.get_freeze_count())
    )
    app.build()
    assert_clean(app)
    assert len(frozen_while_reading) == 2  # index and skills
    assert min(frozen_while_reading) > 10_000  # modules, config, registry, environment
    assert gc.get_freeze_count() == 0


def test_a_failed_build_unfreezes(make_app, tmp_path: Path) -> None:
    srcdir = write(tmp_path, index="# Jane\n\n{skill}`Nowhere`\n\n```{toctree}\nskills\n```\n")
    app = build(make_app, srcdir)
    assert app.statuscode == 1
    assert gc.get_freeze_count() == 0


def test_a_kept_application_freezes_again_on_each_rebuild(make_app, tmp_path: Path) -> None:
    srcdir = write(tmp_path)
    app = make_app("html", srcdir=srcdir, warningiserror=True, freshenv=True)
    app.build()
    counts: list[int] = []
    app.connect("doctree-read", lambda app, doctree: counts.append(gc.get_freeze_count()))
    (srcdir / "index.md").write_text(
        "# Jane Doe\n\nUses {skill}`Go` daily.\n\n```{toctree}\nskills\n```\n"
    )
    app.build()
    assert counts and min(counts) > 10_000
    assert gc.get_freeze_count() == 0
