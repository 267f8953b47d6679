"""``test_import.py``'s checks of the imported sites, on builds made in this process.

``test_import.py`` builds the imported CVs with ``python -m sphinx`` and XeLaTeX, as a user
does. ``make mutation`` runs, for each mutant, only the tests that reached the mutated
code in the test process, and a subprocess build reaches none: these are the same checks
of the site on an import and a ``sphinx.testing`` HTML build in this process.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_in_process, shared
from sphinx_cv.cli.main import main
from test_import import (
    DATA,
    Imported,
    test_every_json_resume_section_is_a_page_of_its_kind,
    test_json_resume_round_trip,
    test_rendercv_entry_types_on_the_site,
    test_rendercv_header_skills_and_paper,
    test_skills_by_category_and_project_keywords_link_to_them,
    test_values_stay_text_on_the_site_and_in_the_pdf,
)

__all__ = [  # the checks, collected here again with this module's fixtures
    "test_every_json_resume_section_is_a_page_of_its_kind",
    "test_json_resume_round_trip",
    "test_rendercv_entry_types_on_the_site",
    "test_rendercv_header_skills_and_paper",
    "test_skills_by_category_and_project_keywords_link_to_them",
    "test_values_stay_text_on_the_site_and_in_the_pdf",
]


def import_and_build(source: Path, out: Path) -> Imported:
    """``sphinx-cv import`` then an HTML build without a warning (no PDF: ``pdf`` is absent)."""
    root = out / "cv"
    assert main(["import", str(source), str(root)]) == 0
    app, warnings = build_in_process("html", root, out / "build", {})
    assert warnings == ""
    return Imported(root, app.outdir, out / "no.pdf", [])


@pytest.fixture(scope=shared)
def from_json(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return import_and_build(DATA / "rich.json", tmp_path_factory.mktemp("json"))


@pytest.fixture(scope=shared)
def from_yaml(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return import_and_build(DATA / "rich.yaml", tmp_path_factory.mktemp("yaml"))


@pytest.mark.parametrize("name", ["rich.json", "rich.yaml"])
def test_import_says_how_many_files_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    root = tmp_path / "cv"
    assert main(["import", str(DATA / name), str(root)]) == 0
    written = [path for path in root.rglob("*") if path.is_file()]
    assert capsys.readouterr().out.splitlines()[0] == f"Wrote {len(written)} files to {root}/"
