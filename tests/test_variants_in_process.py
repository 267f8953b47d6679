"""``test_variants.py``'s checks of the built variants, on builds made in this process.

``test_variants.py`` builds with ``python -m sphinx``, as a user does. ``make mutation``
runs, for each mutant, only the tests that reached the mutated code in the test process,
and a subprocess build reaches none: these are the same checks on ``sphinx.testing``
builds of the same root and variants, each variant built when a test first asks for it.
"""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from conftest import shared
from sphinx.testing.util import SphinxTestApp
from test_variants import (
    Site,
    test_compact_variant_lists_skill_names_and_drops_pages,
    test_entry_with_no_focused_skill_is_gone_with_its_skills,
    test_left_out_skills_leave_resume_json_and_json_ld,
    test_links_to_left_out_things_are_plain_text,
    test_site_offers_every_variants_pdf,
    test_used_in_links_reach_the_mentions_left_on_the_pages,
    test_variant_from_a_json_file_focuses_on_a_category,
    test_variant_headline_replaces_the_home_pages,
    test_whole_cv_has_every_entry_and_skill,
    test_years_and_kinds_leave_out_old_and_education_entries,
)

__all__ = [  # the checks, collected here again with this module's ``sites``
    "test_compact_variant_lists_skill_names_and_drops_pages",
    "test_entry_with_no_focused_skill_is_gone_with_its_skills",
    "test_left_out_skills_leave_resume_json_and_json_ld",
    "test_links_to_left_out_things_are_plain_text",
    "test_site_offers_every_variants_pdf",
    "test_used_in_links_reach_the_mentions_left_on_the_pages",
    "test_variant_from_a_json_file_focuses_on_a_category",
    "test_variant_headline_replaces_the_home_pages",
    "test_whole_cv_has_every_entry_and_skill",
    "test_years_and_kinds_leave_out_old_and_education_entries",
]

# the PDFs `make variants` puts beside the pages (placeholders: the links are tested)
PDFS = {"whole": ["", "-k8s", "-mail"], "k8s": ["", "-k8s"]}


class Sites(dict[str, Site]):
    """The ``variants`` root built whole or as a variant on first use, without a warning."""

    def __init__(self, source: Path, out: Path) -> None:
        super().__init__()
        self.source = source
        self.out = out

    def __missing__(self, name: str) -> Site:
        warnings = StringIO()
        app = SphinxTestApp(
            "html",
            srcdir=self.source,
            builddir=self.out / name,
            confoverrides={"cv_variant": "" if name == "whole" else name},
            freshenv=True,
            warning=warnings,
        )
        try:
            app.outdir.mkdir(parents=True, exist_ok=True)
            for suffix in PDFS.get(name, []):
                (app.outdir / f"JaneDoe{suffix}.pdf").write_bytes(b"%PDF-1.5\n")
            app.build()
        finally:
            app.cleanup()
        assert warnings.getvalue() == ""
        self[name] = Site(app.outdir)
        return self[name]


@pytest.fixture(scope=shared)
def sites(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Sites:
    out = tmp_path_factory.mktemp("variants-in-process")
    shutil.copytree(rootdir / "test-variants", out / "src")
    return Sites(out / "src", out)
