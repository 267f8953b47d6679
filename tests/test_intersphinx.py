"""Another Sphinx project links to the CV's skills and entries through intersphinx."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import sphinx_build
from sphinx.testing.util import SphinxTestApp

CV_URL = "https://cv.example.org/"


@pytest.fixture(scope="module")
def cv_inventory(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cv")
    result = sphinx_build("html", rootdir / "test-skills", out, "-W")
    assert result.returncode == 0, result.stderr
    return out / "objects.inv"


def test_skills_and_entries_resolve_across_projects(
    make_app, rootdir: Path, cv_inventory: Path, tmp_path: Path
) -> None:
    """The other project loads sphinx_cv for the ``cv`` domain's roles, then links out."""
    app: SphinxTestApp = make_app(
        "html",
        srcdir=rootdir / "test-intersphinx-cv",
        builddir=tmp_path,
        confoverrides={"intersphinx_mapping": {"cv": (CV_URL, str(cv_inventory))}},
    )
    app.build()
    assert app.warning.getvalue() == ""
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    links = {a.get_text(): a["href"] for a in page.select("a.reference.external")}
    assert links["Cilium"] == f"{CV_URL}skills.html#skill-cilium"
    assert links["golang"] == f"{CV_URL}skills.html#skill-go"
    assert links["Cluster autoscaler"] == f"{CV_URL}projects.html#entry-cluster-autoscaler"
