"""Bad input: clear messages with file and line, a failing exit under -W, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import sphinx_build
from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="skills-errors")
def test_each_mistake_is_reported_where_it_is(app: SphinxTestApp) -> None:
    app.build()
    warnings = app.warning.getvalue()
    root = Path(app.srcdir)
    assert (
        f"{root / 'index.md'}:9: WARNING: unknown skill 'kubernets'; did you mean 'kubernetes'?"
        " [cv.unknown-skill]"
    ) in warnings
    assert (
        f"{root / 'index.md'}:9: WARNING: unknown skill 'Nothing like it' [cv.unknown-skill]"
        in warnings
    )
    assert (
        f"{root / 'entries.md'}:11: WARNING: unknown skill 'Pyhton' [cv.unknown-skill]" in warnings
    )
    assert "duplicate definition of skill" in warnings
    assert str(root / "skills.md") in warnings and f"{root / 'more-skills.md'}:3" in warnings
    assert f"{root / 'entries.md'}:4: WARNING: 'cv:entry': Unknown option key: 'colour'" in warnings
    assert (
        f"{root / 'entries.md'}:8: WARNING: 'cv:entry': Invalid option value for 'skills'"
        in warnings
    )


@pytest.mark.sphinx("html", testroot="skills-errors", confoverrides={"suppress_warnings": ["cv"]})
def test_cv_warnings_can_be_silenced_by_type(app: SphinxTestApp) -> None:
    app.build()
    assert "cv." not in app.warning.getvalue()


def test_alias_taken_by_another_skill_is_reported(make_app, tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_cv"]\n')
    (tmp_path / "index.rst").write_text(
        "Skills\n======\n\n.. cv:skill:: Kubernetes\n   :aliases: k8s\n\n"
        ".. cv:skill:: Kustomize\n   :aliases: k8s, kustomize\n"
    )
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert (
        "alias 'k8s' of skill 'Kustomize' is already a name of skill 'Kubernetes'"
        in app.warning.getvalue()
    )


def test_warnings_fail_the_build_without_a_traceback(rootdir: Path, tmp_path: Path) -> None:
    result = sphinx_build("html", rootdir / "test-skills-errors", tmp_path, "-W", "--keep-going")
    assert result.returncode != 0
    assert "unknown skill 'kubernets'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
