"""Each rule of ``cv_variants`` on the ``variants`` root, built in this process.

The variants are given with ``confoverrides``: one small variant per case, its entries,
skills, warnings, PDF name and page limit checked (``test_variants.py`` has the root's own
variants, built as a user builds them).
"""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import build_in_process
from sphinx.testing.util import SphinxTestApp
from sphinx_cv.model import Entry
from sphinx_cv.variants import Variant, _too_old, pdf_name
from test_variants import Site

ALL = ["Cluster autoscaler", "Mail gateway", "Developer — Web shop", "MSc — University"]


class Built:
    """A build of the root: its site (or LaTeX folder) and its warnings."""

    def __init__(self, app: SphinxTestApp, warnings: str) -> None:
        self.app = app
        self.outdir = Path(app.outdir)
        self.site = Site(self.outdir)
        self.warnings = warnings


@pytest.fixture
def source(rootdir: Path, tmp_path: Path) -> Path:
    shutil.copytree(rootdir / "test-variants", tmp_path / "src")
    return tmp_path / "src"


def build(
    source: Path,
    variants: dict[str, Any] | None = None,
    variant: str = "",
    builder: str = "html",
    builddir: Path | None = None,
    **overrides: Any,
) -> Built:
    if variants is not None:
        overrides["cv_variants"] = variants
    overrides["cv_variant"] = variant
    builddir = builddir or source.parent / f"build-{variant or 'whole'}-{builder}"
    return Built(*build_in_process(builder, source, builddir, overrides))


def one(source: Path, **values: Any) -> Built:
    """The root built as one variant ``v`` with *values*."""
    return build(source, {"v": values}, "v")


def entry(start: str, end: str) -> Entry:
    return Entry("work", "A", (), start, end, (), "", (), "index", "a", 1)


def test_the_variant_label_is_its_title_or_its_name() -> None:
    assert Variant("k8s").label == "k8s"
    assert Variant("k8s", title="Kubernetes").label == "Kubernetes"
    assert pdf_name("JaneDoe", None) == "JaneDoe.pdf"
    assert pdf_name("JaneDoe", Variant("k8s")) == "JaneDoe-k8s.pdf"


@pytest.mark.parametrize(
    ("start", "end", "years", "old"),
    [
        ("2001", "2005", 0, False),  # no limit
        ("2001", "present", 1, False),
        ("", "", 1, False),  # undated
        ("2001", "2005", 10, True),  # by its end
        ("2001", "", 10, True),  # by its start, with no end
        ("2030", "", 10, False),
        ("2001-05", "2099-01", 10, False),
    ],
)
def test_too_old_is_by_the_last_year(start: str, end: str, years: int, old: bool) -> None:
    assert _too_old(entry(start, end), years) is old


def test_a_year_limit_counts_back_from_this_year() -> None:
    year = datetime.date.today().year
    assert not _too_old(entry(str(year - 3), ""), 3)
    assert _too_old(entry(str(year - 4), ""), 3)


def test_whole_cv_keeps_everything(source: Path) -> None:
    whole = build(source)
    assert whole.warnings == ""
    assert whole.site.entries() == ALL


@pytest.mark.parametrize(
    ("values", "entries"),
    [
        ({"skills": ["Golang"]}, ["Cluster autoscaler", "MSc — University"]),
        ({"skills": "Golang, , PHP"}, ["Cluster autoscaler", "Developer — Web shop", ALL[3]]),
        ({"skills": ["go"]}, ["Cluster autoscaler", "MSc — University"]),  # an alias
        ({"categories": ["mail"]}, ["Mail gateway", "MSc — University"]),  # any case
        ({"categories": ["Mail"], "kinds": ["project"]}, [*ALL[1:]]),
        ({"skills": ["Linux"], "kinds": ["education"]}, ALL),  # the other kinds stay
        ({"drop_kinds": ["education", "work"]}, ["Cluster autoscaler", "Mail gateway"]),
        ({"drop_entries": ["mail GATEWAY"]}, ["Cluster autoscaler", *ALL[2:]]),
        ({"drop_skills": ["Postfix"]}, ["Cluster autoscaler", *ALL[2:]]),  # in its text
        ({"drop_skills": ["k8s"]}, ALL[1:]),
        ({"skills": ["Golang"], "entries": ["web shop"]}, [ALL[0], *ALL[2:]]),
        ({"drop_kinds": ["project"], "entries": ["Mail gateway"]}, ALL[1:]),
        ({"years": 10}, ["Cluster autoscaler", "Mail gateway"]),
        ({"years": 0}, ALL),
        ({}, ALL),
    ],
)
def test_what_a_variant_keeps(source: Path, values: dict[str, Any], entries: list[str]) -> None:
    built = one(source, **values)
    assert built.warnings == ""
    assert built.site.entries() == entries


def test_skills_no_entry_kept_uses_leave_the_site(source: Path) -> None:
    built = one(source, drop_kinds=["education", "work"], drop_entries=["Mail gateway"])
    # Linux, PHP and Postfix were used by the left-out entries only (a mention in a
    # definition is no use); OpenBSD is mentioned on the home page
    assert sorted(built.site.defined()) == ["Golang", "Kubernetes", "OpenBSD"]
    assert [s["name"] for s in built.site.resume()["skills"]] == [
        "Containers",
        "Languages",
        "Systems",
    ]


def test_a_focus_keeps_its_skills_even_unused(source: Path) -> None:
    built = one(source, skills=["Postfix", "Golang"])
    assert sorted(built.site.defined()) == ["Golang", "Kubernetes", "OpenBSD", "Postfix"]


def test_unknown_names_in_a_variant_are_warnings(source: Path) -> None:
    built = one(
        source,
        skills=["Kubernetes", "Rust"],
        drop_skills=["Cobol"],
        categories=["Cooking"],
        entries=["Moon base"],
        drop_entries=["Mars base"],
    )
    for message in (
        "cv_variants['v']: skill 'Rust' is not a skill of the CV",
        "cv_variants['v']: skill 'Cobol' is not a skill of the CV",
        "cv_variants['v']: no skill category 'cooking'",
        "cv_variants['v']: no entry 'moon base'",
        "cv_variants['v']: no entry 'mars base'",
    ):
        assert f"WARNING: {message} [cv.variant]" in built.warnings
    assert built.warnings.count("WARNING") == 5
    assert built.site.entries() == ["Cluster autoscaler", "MSc — University"]


KEYS = (
    "title, headline, skills, categories, kinds, drop_kinds, drop_entries, drop_skills, "
    "drop_pages, entries, years, pages, compact"
)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"skils": ["k8s"]}, f"unknown key 'skils' of variant 'v'; the keys are {KEYS}"),
        ({"pages": "two"}, "'pages' of variant 'v' must be a whole number"),
        ({"pages": -1}, "'pages' of variant 'v' must be a whole number"),
        ({"years": True}, "'years' of variant 'v' must be a whole number"),
        ({"compact": "yes"}, "'compact' of variant 'v' must be true or false"),
        ({"compact": 1}, "'compact' of variant 'v' must be true or false"),
        ({"skills": [1]}, "'skills' of variant 'v' must be a list of names"),
        ({"skills": {"k8s": 1}}, "'skills' of variant 'v' must be a list of names"),
        ({"title": 3}, "'title' of variant 'v' must be text"),
        ({"headline": ["x"]}, "'headline' of variant 'v' must be text"),
    ],
)
def test_a_wrong_value_is_a_warning_and_left_out(
    source: Path, values: dict[str, Any], message: str
) -> None:
    built = one(source, **values)
    assert built.warnings.count("WARNING") == 1
    assert f"WARNING: cv_variants: {message} [cv.variant]" in built.warnings
    assert built.site.entries() == ALL  # the wrong value was left out: no focus


def test_right_values_of_each_kind_are_taken(source: Path) -> None:
    built = one(source, pages=0, years=0, compact=False, title="T", skills=("Kubernetes",))
    assert built.warnings == ""
    assert built.site.entries() == ["Cluster autoscaler", "MSc — University"]


def test_variant_files_and_settings_that_are_not_variants(source: Path) -> None:
    (source / "variants" / "broken.json").write_text("{not json", encoding="utf-8")
    (source / "variants" / "list.json").write_text("[1]", encoding="utf-8")
    (source / "variants" / "ok.json").write_text('{"skills": "PHP", "titel": 1}', "utf-8")
    built = build(source, {"odd": ["k8s"], "fine": {}}, "ok")
    warnings = built.warnings
    assert "broken.json: not a variant: Expecting property name" in warnings
    assert "list.json: not a variant: a JSON object is expected [cv.variant]" in warnings
    assert "ok.json: unknown key 'titel' of variant 'ok'" in warnings
    assert "WARNING: cv_variants: variant 'odd' must be a dict [cv.variant]" in warnings
    assert warnings.count("WARNING") == 4
    assert built.site.entries() == ["Developer — Web shop", "MSc — University"]


def test_settings_win_over_a_file_of_the_same_name(source: Path) -> None:
    built = build(source, {"mail": {"skills": ["PHP"]}}, "mail")
    assert built.site.entries() == ["Developer — Web shop", "MSc — University"]


def test_no_variants_folder(source: Path) -> None:
    built = build(source, {}, "mail", cv_variants_dir="")
    assert "WARNING: cv_variant: no variant 'mail'; the variants are none" in built.warnings
    assert built.site.entries() == ALL
    built = build(source, {"a": {}, "b": {}}, "c", cv_variants_dir="elsewhere")
    assert "cv_variant: no variant 'c'; the variants are a, b [cv.variant]" in built.warnings


def test_drop_pages_leaves_the_page_out_quietly(source: Path) -> None:
    built = one(source, drop_pages=["notes"])
    assert built.warnings == ""
    assert not (built.outdir / "notes.html").exists()
    assert (built.outdir / "skills.html").exists()
    built = one(source, drop_pages=["note"])
    assert "WARNING: cv_variants['v']: drop_pages: no page 'note' [cv.variant]" in built.warnings
    assert (built.outdir / "notes.html").exists()


def test_the_pdf_of_a_variant_is_named_after_it_and_notes_its_limit(source: Path) -> None:
    built = build(source, None, "short", builder="latex")
    assert built.warnings == ""
    assert (built.outdir / "JaneDoe-short.tex").is_file()
    assert not (built.outdir / "JaneDoe.tex").exists()
    limit = json.loads((built.outdir / "sphinxcv-variant.json").read_text(encoding="utf-8"))
    assert limit == {"variant": "short", "title": "One page", "pages": 1}
    tex = (built.outdir / "JaneDoe-short.tex").read_text(encoding="utf-8")
    assert "entry-cluster-autoscaler}}Cluster autoscaler}" in tex
    assert "entry-mail-gateway" not in tex  # the link to it is plain text
    assert "\\printindex" in tex


def test_the_whole_cvs_pdf_notes_no_limit(source: Path) -> None:
    built = build(source, None, "", builder="latex")
    assert (built.outdir / "JaneDoe.tex").is_file()
    assert not (built.outdir / "sphinxcv-variant.json").exists()
    assert built.site.path == built.outdir


def test_a_compact_variants_pdf_has_no_index_and_its_own_skills_layout(source: Path) -> None:
    built = build(source, None, "compact", builder="latex")
    tex = (built.outdir / "JaneDoe-compact.tex").read_text(encoding="utf-8")
    assert "\\printindex" not in tex
    assert "Kubernetes" in tex and "Postfix" not in tex.split("\\begin{document}")[1]


def test_a_variant_built_again_links_its_skills_as_before(source: Path) -> None:
    """An incremental build of a variant puts back what the last one left out (the old
    headline's mention among it), then leaves it out again."""

    def usage(built: Built) -> list[list[str]]:
        lines = built.site.main("skills.html").select(".cv-skill-usage")
        return [[a["href"] for a in line.select("a")] for line in lines]

    first = usage(build(source, None, "k8s"))
    notes = source / "notes.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    again = build(source, None, "k8s")
    assert again.warnings == ""
    assert "Edited." in again.site.main("notes.html").get_text()
    assert usage(again) == first
    assert first[0][0] == "index.html#skill-mention-1"  # not the replaced headline's 0


def test_a_variant_of_a_headline_alone_leaves_out_only_its_mention(source: Path) -> None:
    built = one(source, headline="Kubernetes clusters.")
    assert built.warnings == ""
    assert built.site.entries() == ALL
    usage = built.site.main("skills.html").select_one(".cv-skill-usage a")
    assert usage["href"] == "index.html#skill-mention-1"  # the headline's was 0


def test_a_headline_only_replaces_the_lead_headline(source: Path) -> None:
    index = source / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(
        text.replace("**Platform engineer", "Platform engineer").replace(
            "mail systems.**", "mail systems."
        ),
        encoding="utf-8",
    )
    built = one(source, headline="Kubernetes clusters.")
    home = built.site.main("index.html").get_text()
    assert "Platform engineer: Kubernetes clusters and mail systems." in home


def test_the_site_offers_the_other_pdfs_beside_it(source: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "b" / "html"
    outdir.mkdir(parents=True)
    for name in ("JaneDoe.pdf", "JaneDoe-k8s.pdf", "JaneDoe-short.pdf"):
        (outdir / name).write_bytes(b"%PDF-1.5\n")
    built = build(source, None, "k8s", builddir=tmp_path / "b")
    links = {
        a.get_text(): a["href"]
        for a in built.site.page("index.html").select(".cv-sidebar-indexes a")
    }
    assert links == {**links, "PDF: whole CV": "JaneDoe.pdf", "PDF: One page": "JaneDoe-short.pdf"}
    assert not {"PDF: Kubernetes", "PDF: Recent work", "PDF: Mail"} & set(links)


def test_on_read_the_docs_every_pdf_is_offered(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READTHEDOCS", "True")
    (source.parent / "b" / "html").mkdir(parents=True)
    (source.parent / "b" / "html" / "JaneDoe.pdf").write_bytes(b"%PDF-1.5\n")
    built = build(source, builddir=source.parent / "b")
    labels = [a.get_text() for a in built.site.page("index.html").select(".cv-sidebar-indexes a")]
    for label in (
        "PDF: Kubernetes",
        "PDF: Recent work",
        "PDF: One page",
        "PDF: compact",
        "PDF: Mail",
    ):
        assert label in labels


def test_no_pdf_is_offered_without_latex_documents(source: Path, monkeypatch) -> None:
    monkeypatch.setenv("READTHEDOCS", "True")
    built = build(source, None, "k8s", latex_documents=[])
    labels = [a.get_text() for a in built.site.page("index.html").select(".cv-sidebar-indexes a")]
    assert not [label for label in labels if label.startswith("PDF")]


def test_a_rebuild_after_an_edit_keeps_the_variant(source: Path, tmp_path: Path) -> None:
    builddir = tmp_path / "again"
    first = build(source, None, "k8s", builddir=builddir)
    before = (first.site.entries(), sorted(first.site.defined()), first.site.resume())
    inventory = first.site.inventory()
    for page in ("index.md", "skills.md"):
        path = source / page
        path.write_text(path.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    again = build(source, None, "k8s", builddir=builddir)
    assert again.warnings == ""
    assert (again.site.entries(), sorted(again.site.defined()), again.site.resume()) == before
    assert again.site.inventory() == inventory
    genindex = [a.get_text() for a in again.site.main("genindex.html").select("table.indextable a")]
    assert genindex == ["Golang", "Kubernetes"]
    usage = again.site.main("skills.html").select_one(".cv-skill-usage").get_text()
    assert "Cluster autoscaler" in usage
