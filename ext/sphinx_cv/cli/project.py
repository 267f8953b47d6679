"""Reading a CV project through Sphinx, in process, writing nothing."""

from __future__ import annotations

import io
import tempfile
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx import locale
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..domain import CVDomain


class ProjectError(Exception):
    """The project cannot be read (no conf.py, a broken configuration)."""


@contextmanager
def read_project(source: Path, overrides: dict[str, Any] | None = None) -> Iterator[CVDomain]:
    """The ``cv`` domain of the project whose ``conf.py`` is in *source*, freshly read.

    Sphinx reads every page with its ``dummy`` builder into a temporary folder; its
    output and warnings are kept from the terminal.
    """
    if not (source / "conf.py").is_file():
        raise ProjectError(f"{source}: no conf.py (give the CV's folder with --source)")
    with (
        tempfile.TemporaryDirectory(prefix="sphinx-cv-") as tmp,
        patch_docutils(source),
        docutils_namespace(),
    ):
        translators = dict(locale.translators)  # the project's language is for this read only
        try:
            try:
                with redirect_stdout(io.StringIO()):  # what extensions print while loading
                    app = _read(source, Path(tmp), overrides or {})
            except Exception as error:  # Sphinx's own errors, a conf.py that fails
                raise ProjectError(f"{source}: Sphinx could not read the CV: {error}") from error
            yield app.env.domains["cv"]  # type: ignore[misc]
        finally:
            locale.translators.clear()
            locale.translators.update(translators)


def _read(source: Path, tmp: Path, overrides: dict[str, Any]) -> Sphinx:
    app = Sphinx(
        source,
        source,
        tmp / "out",
        tmp / "doctrees",
        "dummy",
        confoverrides=overrides,
        status=None,
        warning=io.StringIO(),
        freshenv=True,
    )
    app.build()
    return app
