"""Mentions: how names and aliases match, and how mentions group into places."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def _project(tmp_path: Path, **pages: str) -> Path:
    (tmp_path / "conf.py").write_text('extensions = ["myst_parser", "sphinx_cv"]\n')
    for name, text in pages.items():
        (tmp_path / f"{name}.md").write_text(text)
    return tmp_path


def test_aliases_match_in_any_case_whatever_case_they_are_defined_in(
    make_app, tmp_path: Path
) -> None:
    srcdir = _project(
        tmp_path,
        index="# CV\n\nRan {skill}`k8s`, {skill}`K8S` and {skill}`kube  ctl`.\n\n"
        "```{toctree}\nskills\n```\n",
        skills="# Skills\n\n```{cv:skill} Kubernetes\n:aliases: K8s, Kube Ctl\n\n"
        "Orchestrator.\n```\n",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert app.warning.getvalue() == ""
    # the first mention on a page is the link; all three resolve
    links = [a["href"] for a in soup(app, "index.html").select("a.reference.internal")]
    assert "skills.html#skill-kubernetes" in links
    domain = app.env.domains["cv"]
    assert domain.names == {
        "kubernetes": "kubernetes",
        "k8s": "kubernetes",
        "kube ctl": "kubernetes",
    }
    assert domain.skills["kubernetes"].aliases == ("K8s", "Kube Ctl")  # shown as written


def test_mentions_in_two_sections_of_one_page_are_two_places(make_app, tmp_path: Path) -> None:
    srcdir = _project(
        tmp_path,
        index="# CV\n\n## Work\n\nWrote {skill}`Go`.\n\n## Talks\n\nOn {skill}`Go` and "
        "{skill}`Go`.\n\n```{toctree}\nskills\n```\n",
        skills="# Skills\n\n```{cv:skill} Go\n\nLanguage.\n```\n",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    usage = soup(app, "skills.html").select_one("p.cv-skill-usage")
    assert [a.get_text() for a in usage.select("a")] == ["CV › Work", "CV › Talks"]
    assert " ".join(usage.get_text().split()) == "Used in: CV › Work; CV › Talks"
    rows = [" ".join(tr.get_text().split()) for tr in soup(app, "cv-skills.html").select("tr")]
    assert rows[-2:] == ["CV › Work", "CV › Talks"]
