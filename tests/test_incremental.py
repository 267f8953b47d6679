"""Incremental and parallel builds give what a clean, serial build gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, sphinx_build


def article_texts(outdir: Path) -> dict[str, str]:
    """Each page's main content (what the extension is responsible for), by file name."""
    pages = {}
    for path in sorted(outdir.rglob("*.html")):
        body = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
            "div[role=main], article"
        )
        pages[str(path.relative_to(outdir))] = str(body)
    return pages


def build(srcdir: Path, outdir: Path, *options: str) -> dict[str, str]:
    result = sphinx_build("html", srcdir, outdir, "-W", "--keep-going", *options)
    assert result.returncode == 0, result.stderr
    return article_texts(outdir)


def edit(srcdir: Path) -> None:
    """Move a mention, add a page that mentions skills, delete a page with entries."""
    experience = srcdir / "experience.md"
    text = experience.read_text()
    text = text.replace("{skill}`the Cilium CNI <cilium>`", "{skill}`Redis`")
    experience.write_text(text.replace("{cv:entry}`Cluster autoscaler`", "{cv:entry}`Meetup talk`"))
    (srcdir / "talks.md").write_text(
        "# Talks\n\nOn {skill}`Cilium` and {skill}`walg`.\n\n"
        "```{cv:entry} Meetup talk\n:skills: Go\n```\n"
    )
    (srcdir / "projects.md").unlink()
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("projects\n", "talks\n"))


@pytest.fixture
def source(rootdir: Path, tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-skills", srcdir)
    return srcdir


def test_edit_add_delete_then_rebuild_equals_clean_build(source: Path, tmp_path: Path) -> None:
    before = build(source, tmp_path / "incremental")
    edit(source)
    incremental = build(source, tmp_path / "incremental")
    clean = build(source, tmp_path / "clean", "-E")

    assert incremental != before
    assert "projects.html" not in clean
    for page in (
        "skills.html",
        "cv-skills.html",
        "cv-categories.html",
        "cv-entries.html",
        "talks.html",
    ):
        assert incremental[page] == clean[page], page
    assert {p: t for p, t in incremental.items() if p != "projects.html"} == clean


def rename_cilium_and_rebuild(source: Path, tmp_path: Path) -> tuple[dict, dict]:
    """Rename Cilium (its old name an alias); the incremental and a clean build's pages."""
    skills = source / "skills.md"
    skills.write_text(
        skills.read_text().replace("{cv:skill} Cilium", "{cv:skill} Cilium CNI\n:aliases: cilium")
    )
    return build(source, tmp_path / "out"), build(source, tmp_path / "clean", "-E")


def test_renaming_a_skill_relinks_unchanged_pages(source: Path, tmp_path: Path) -> None:
    build(source, tmp_path / "out")
    incremental, clean = rename_cilium_and_rebuild(source, tmp_path)
    assert "#skill-cilium-cni" in incremental["experience.html"]
    assert incremental == clean


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    serial = build(REPO, tmp_path / "serial", "-j", "1", "-d", str(tmp_path / "d1"))
    parallel = build(REPO, tmp_path / "parallel", "-j", "2", "-d", str(tmp_path / "d2"))
    assert len(serial) > 10
    assert parallel == serial


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_renaming_a_skill_relinks_pages_without_web_features(
    source: Path, tmp_path: Path, jobs: str
) -> None:
    """With ``cv_web_features`` off nothing else rewrites every page (the JSON-LD person
    lists the skills): the domain's own record of referring pages must, read serially or
    merged from parallel readers."""
    conf = source / "conf.py"
    conf.write_text(conf.read_text() + "cv_web_features = False\n")
    extras = [f"extra{n}" for n in range(5)]  # more than 5 pages: Sphinx reads them in parallel
    for name in extras:
        (source / f"{name}.md").write_text(f"# {name}\n\nUses {{skill}}`cilium`.\n")
    index = source / "index.md"
    index.write_text(index.read_text().replace("skills\n", "skills\n" + "\n".join(extras) + "\n"))
    build(source, tmp_path / "out", "-j", jobs)
    incremental, clean = rename_cilium_and_rebuild(source, tmp_path)
    assert "skills.html#skill-cilium-cni" in incremental["extra0.html"]
    assert incremental == clean


def test_retitled_page_and_section_reach_the_used_in_lines(source: Path, tmp_path: Path) -> None:
    """No mention moved: only the titles the definitions' "Used in" lines show changed."""
    build(source, tmp_path / "out")
    experience = source / "experience.md"
    experience.write_text(experience.read_text().replace("# Experience", "# Work history"))
    incremental = build(source, tmp_path / "out")
    assert "Work history › Clusters" in incremental["skills.html"]
    experience.write_text(experience.read_text().replace("## Clusters", "## Production clusters"))
    incremental = build(source, tmp_path / "out")
    assert "Work history › Production clusters" in incremental["skills.html"]
    assert incremental == build(source, tmp_path / "clean", "-E")


def test_a_text_only_edit_writes_only_its_page(source: Path, tmp_path: Path) -> None:
    """A line of text changes no "Used in" line: the definitions' page is not written again
    (the indexes and the search index always are, and Sphinx writes the page's toctree
    parent); the result is a clean build's."""
    out = tmp_path / "out"
    build(source, out)
    written = {page: (out / page).stat().st_mtime_ns for page in ("skills.html", "projects.html")}
    experience = source / "experience.md"
    experience.write_text(experience.read_text() + "\nA line of text, no skill in it.\n")
    incremental = build(source, out)
    assert "A line of text, no skill in it." in incremental["experience.html"]
    assert {page: (out / page).stat().st_mtime_ns for page in written} == written
    assert incremental == build(source, tmp_path / "clean", "-E")
