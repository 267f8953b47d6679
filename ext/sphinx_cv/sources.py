"""The pages' folder: ``conf.py`` at a repository's root, the pages in ``docs/``.

``cv_pages_dir`` (default ``"docs"``)
    When Sphinx's source directory is the folder of ``conf.py`` (``sphinx-build . OUT``,
    what Read the Docs runs) and holds no root document while ``cv_pages_dir`` does,
    Sphinx reads the pages from ``cv_pages_dir``: the site's pages are at its root
    (``kubernetes.html``, not ``docs/kubernetes.html``). ``""`` keeps the source
    directory as given, as does ``sphinx-build -c . docs OUT``.
"""

from __future__ import annotations

import glob
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def has_root_doc(folder: Path, root_doc: str) -> bool:
    """Whether ``folder`` holds ``root_doc`` with any suffix (``index.md``, ``index.rst``)."""
    return any(Path(folder).glob(glob.escape(root_doc) + ".*"))


def use_pages_dir(app: Sphinx, config: Config) -> None:
    """``config-inited`` (first, before Sphinx lists the pages): read ``cv_pages_dir``."""
    if not config.cv_pages_dir or app.srcdir != app.confdir:
        return
    pages = Path(app.srcdir, config.cv_pages_dir)
    if has_root_doc(pages, config.root_doc) and not has_root_doc(app.srcdir, config.root_doc):
        app.srcdir = pages  # type: ignore[assignment]


def setup_sources(app: Sphinx) -> None:
    """Declare ``cv_pages_dir``."""
    app.add_config_value("cv_pages_dir", "docs", "env", frozenset({str}), "the pages' folder")
    app.connect("config-inited", use_pages_dir, priority=50)
