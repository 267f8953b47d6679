"""Incremental builds in this process (where ``make mutation`` sees them): which unchanged
pages are written again, and that the result is a clean build's.

``test_incremental.py`` builds as a user does, in a subprocess; these build the ``skills``
root with ``SphinxTestApp`` into one folder twice, the second build reading the first's
environment. ``cv_web_features`` is off: with it, a change of the JSON-LD person (the
skills, the entries) writes every page again, hiding which pages the ``cv`` domain asks for.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import build_in_process

if TYPE_CHECKING:
    from collections.abc import Callable

PAGES = ("index.html", "experience.html", "projects.html", "skills.html")


@pytest.fixture
def source(rootdir: Path, tmp_path: Path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-skills", srcdir)
    with (srcdir / "conf.py").open("a") as conf:
        conf.write("cv_web_features = False\n")
    return srcdir


def build(srcdir: Path, builddir: Path, parallel: int = 0) -> dict[str, str]:
    """Build *srcdir* into *builddir* with no warning; each page's main content."""
    app, warnings = build_in_process("html", srcdir, builddir, {}, parallel=parallel)
    assert warnings == ""
    outdir = Path(app.outdir)
    return {
        path.name: str(BeautifulSoup(path.read_text(), "html.parser").select_one("article"))
        for path in sorted(outdir.glob("*.html"))
    }


def written(builddir: Path) -> dict[str, int]:
    """The pages' modification times, to tell which a build wrote again."""
    return {page: (builddir / "html" / page).stat().st_mtime_ns for page in PAGES}


def rewritten(before: dict[str, int], builddir: Path) -> set[str]:
    return {page for page, mtime in written(builddir).items() if mtime != before[page]}


def used_in(pages: dict[str, str], skill: str) -> str:
    """The text of *skill*'s "Used in" line on the definitions' page."""
    soup = BeautifulSoup(pages["skills.html"], "html.parser")
    definition = soup.find(id=f"skill-{skill}").find_parent("dl")
    return definition.select_one(".cv-skill-usage").get_text()


def test_a_rebuild_with_no_change_writes_no_page(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(source, out)
    before = written(out)
    assert build(source, out) == first
    assert rewritten(before, out) == set()


def rebuild_after(
    source: Path, tmp_path: Path, page: str, change: Callable[[str], str]
) -> tuple[set[str], dict[str, str]]:
    """Build, apply *change* to *page*'s text, build again into the same folder: the pages
    written again and the second build's pages, which a clean build gives as well."""
    out = tmp_path / "out"
    build(source, out)
    before = written(out)
    path = source / page
    path.write_text(change(path.read_text()))
    incremental = build(source, out)
    assert incremental == build(source, tmp_path / "clean")
    return rewritten(before, out), incremental


def test_a_text_only_edit_writes_only_its_page(source: Path, tmp_path: Path) -> None:
    line = "A line of text, no skill in it."
    pages, incremental = rebuild_after(
        source, tmp_path, "experience.md", lambda text: f"{text}\n{line}\n"
    )
    assert pages == {"experience.html", "index.html"}  # Sphinx writes its toctree parent
    assert line in incremental["experience.html"]


def test_a_moved_mention_rewrites_the_definitions_page(source: Path, tmp_path: Path) -> None:
    """Python's mention moves to Redis: the "Used in" lines change, the links do not."""
    pages, incremental = rebuild_after(
        source,
        tmp_path,
        "experience.md",
        lambda text: text.replace("{skill}`Python`", "{skill}`Redis`"),
    )
    assert pages == {"experience.html", "index.html", "skills.html"}
    assert used_in(incremental, "redis") == "Used in: Experience › Tooling"


def test_renaming_a_skill_relinks_the_pages_that_mention_it(source: Path, tmp_path: Path) -> None:
    renamed = "{cv:skill} Cilium CNI\n:aliases: cilium"
    pages, incremental = rebuild_after(
        source, tmp_path, "skills.md", lambda text: text.replace("{cv:skill} Cilium", renamed)
    )
    # experience.md was not read again: every page that mentions a skill is written
    assert pages == set(PAGES)
    assert "skills.html#skill-cilium-cni" in incremental["experience.html"]


def test_a_moved_entry_relinks_the_pages_that_refer_to_it(source: Path, tmp_path: Path) -> None:
    """Cluster autoscaler moves to a new page; experience.md, which refers to it, is not
    read again, and no skill's definition changes."""
    out = tmp_path / "out"
    build(source, out)
    projects = source / "projects.md"
    text = projects.read_text()
    start, end = text.index("```{cv:entry} Cluster"), text.index("```{cv:entry} Backup")
    entry = text[start:end]
    projects.write_text(text.replace(entry, ""))
    (source / "talks.md").write_text("# Talks\n\n" + entry)
    index = source / "index.md"
    index.write_text(index.read_text().replace("skills\n", "skills\ntalks\n"))
    incremental = build(source, out)
    assert "talks.html#entry-cluster-autoscaler" in incremental["experience.html"]
    assert incremental == build(source, tmp_path / "clean")


def test_a_retitled_page_reaches_the_used_in_lines(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(source, out)
    experience = source / "experience.md"
    experience.write_text(experience.read_text().replace("# Experience", "# Work history"))
    incremental = build(source, out)
    assert used_in(incremental, "python") == "Used in: Work history › Tooling"
    assert incremental == build(source, tmp_path / "clean")


def test_a_removed_page_leaves_the_used_in_lines(source: Path, tmp_path: Path) -> None:
    """An orphan page is removed and no other page changes: nothing is read again."""
    (source / "notes.md").write_text("---\norphan: true\n---\n# Notes\n\nOn {skill}`Redis`.\n")
    out = tmp_path / "out"
    first = build(source, out)
    assert used_in(first, "redis") == "Used in: Notes"
    (source / "notes.md").unlink()
    incremental = build(source, out)
    redis = BeautifulSoup(incremental["skills.html"], "html.parser").find(id="skill-redis")
    assert redis.find_parent("dl").select_one(".cv-skill-usage") is None
    del incremental["notes.html"]  # the old output stays
    assert incremental == build(source, tmp_path / "clean")


def test_a_parallel_build_equals_a_serial_build(source: Path, tmp_path: Path) -> None:
    """Six more pages (Sphinx reads in parallel from six), each with an entry, a mention
    and a skill: the readers' records merge into what one reader keeps."""
    extras = [f"extra{n}" for n in range(6)]
    for n, name in enumerate(extras):
        (source / f"{name}.md").write_text(
            f"# Extra {n}\n\nOn {{skill}}`Go`, {{cv:entry}}`Talk {n}`.\n\n"
            f"```{{cv:entry}} Talk {n}\n:skills: Python\n```\n\n"
            f"```{{cv:skill}} Tool {n}\n\nA tool.\n```\n"
        )
    index = source / "index.md"
    index.write_text(index.read_text().replace("skills\n", "skills\n" + "\n".join(extras) + "\n"))
    serial = build(source, tmp_path / "serial")
    parallel = build(source, tmp_path / "parallel", parallel=2)
    assert "Extra 5 › Talk 5" in used_in(serial, "python")
    assert parallel == serial
    # the pages each reader found referring to skills are written again after a rename
    skills = source / "skills.md"
    renamed = "{cv:skill} Go language\n:aliases: golang, Go"
    skills.write_text(skills.read_text().replace("{cv:skill} Go\n:aliases: golang", renamed))
    incremental = build(source, tmp_path / "parallel")
    assert "skills.html#skill-go-language" in incremental["extra0.html"]
    assert incremental == build(source, tmp_path / "clean")
