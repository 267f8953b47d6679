"""Variants: one source, CVs tailored by ``cv_variants`` and built with ``-D cv_variant``.

``test-variants`` is a small CV with a Kubernetes project, a mail project, an old job
and a degree, a long page of notes, and variants in conf.py and ``variants/mail.json``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, sphinx_build
from sphinx.util.inventory import InventoryFile
from sphinx_cv.latex.pagelimit import check
from sphinx_cv.variants import variant_names
from test_pdf import build_pdf

needs_latex = pytest.mark.skipif(not shutil.which("latexmk"), reason="needs latexmk (TeX Live)")


class Site:
    """A built site of the ``variants`` root."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.path / name).read_text(encoding="utf-8"), "html.parser")

    def main(self, name: str) -> BeautifulSoup:
        return self.page(name).select_one("article[role=main]")

    def entries(self) -> list[str]:
        return [
            t.get_text(" ", strip=True) for t in self.main("index.html").select(".cv-entry-title")
        ]

    def defined(self) -> list[str]:
        skills = self.main("skills.html")
        return [dt.get_text(strip=True).rstrip("¶") for dt in skills.select("dt.sig")] + [
            name.get_text() for name in skills.select(".cv-skill-name")
        ]

    def resume(self) -> dict:
        return json.loads((self.path / "resume.json").read_text(encoding="utf-8"))

    def json_ld(self) -> dict:
        script = self.page("index.html").find("script", type="application/ld+json")
        return json.loads(script.string)

    def inventory(self) -> set[str]:
        data = InventoryFile.loads((self.path / "objects.inv").read_bytes(), uri="").data
        return set(data.get("cv:skill", {})) | set(data.get("cv:entry", {}))


@pytest.fixture(scope="module")
def sites(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Site]:
    """The root built whole and as the variants ``k8s``, ``recent``, ``mail``, ``compact``."""
    out = tmp_path_factory.mktemp("variants")
    built = {}
    # the PDFs `make variants` puts beside the pages (placeholders: the links are tested)
    for site, pdfs in {"whole": ["", "-k8s", "-mail"], "k8s": ["", "-k8s"]}.items():
        (out / site).mkdir()
        for suffix in pdfs:
            (out / site / f"JaneDoe{suffix}.pdf").write_bytes(b"%PDF-1.5\n")
    for name in ("", "k8s", "recent", "mail", "compact"):
        options = ["-W", "-d", str(out / f"doctrees-{name}")]
        options += ["-D", f"cv_variant={name}"] if name else []
        result = sphinx_build("html", rootdir / "test-variants", out / (name or "whole"), *options)
        assert result.returncode == 0, result.stderr
        built[name or "whole"] = Site(out / (name or "whole"))
    return built


def test_whole_cv_has_every_entry_and_skill(sites: dict[str, Site]) -> None:
    whole = sites["whole"]
    assert whole.entries() == [
        "Cluster autoscaler",
        "Mail gateway",
        "Developer — Web shop",
        "MSc — University",
    ]
    assert sorted(whole.defined()) == ["Golang", "Kubernetes", "Linux", "OpenBSD", "PHP", "Postfix"]


def test_entry_with_no_focused_skill_is_gone_with_its_skills(sites: dict[str, Site]) -> None:
    k8s = sites["k8s"]
    # the mail project and the job use no focused skill; education is not a focused kind
    assert k8s.entries() == ["Cluster autoscaler", "MSc — University"]
    assert sorted(k8s.defined()) == ["Golang", "Kubernetes"]
    index = k8s.main("cv-skills.html").get_text()
    for gone in ("Postfix", "OpenBSD", "PHP", "Mail gateway"):
        assert gone not in index
    genindex = [a.get_text() for a in k8s.main("genindex.html").select("table.indextable a")]
    assert genindex == ["Golang", "Kubernetes"]
    assert k8s.inventory() == {
        "Kubernetes",
        "k8s",
        "Golang",
        "go",
        "Cluster autoscaler",
        "University",
    }


def test_left_out_skills_leave_resume_json_and_json_ld(sites: dict[str, Site]) -> None:
    resume = sites["k8s"].resume()
    assert [p["name"] for p in resume["projects"]] == ["Cluster autoscaler"]
    assert resume.get("work", []) == []
    assert resume["skills"] == [
        {"name": "Containers", "keywords": ["Kubernetes"]},
        {"name": "Languages", "keywords": ["Golang"]},
    ]
    assert sites["k8s"].json_ld()["knowsAbout"] == ["Kubernetes", "Golang"]
    assert "Postfix" in sites["whole"].json_ld()["knowsAbout"]


def test_links_to_left_out_things_are_plain_text(sites: dict[str, Site]) -> None:
    home = sites["k8s"].main("index.html")
    sentence = next(p for p in home.select("p") if "mail gateways on" in p.get_text())
    assert "OpenBSD" in sentence.get_text()
    assert "OpenBSD" not in [a.get_text() for a in sentence.select("a")]
    mention = next(p for p in home.select("p") if "described under" in p.get_text())
    assert "Mail gateway" in mention.get_text() and not mention.select("a")
    usage = sites["k8s"].main("skills.html").select(".cv-skill-usage a")
    assert all("mail" not in a["href"] for a in usage)


def test_variant_headline_replaces_the_home_pages(sites: dict[str, Site]) -> None:
    home = sites["k8s"].main("index.html")
    assert [p.get_text() for p in home.select(".cv-headline")] == ["Kubernetes clusters."]
    assert "mail systems" not in home.get_text()


def test_used_in_links_reach_the_mentions_left_on_the_pages(sites: dict[str, Site]) -> None:
    """The whole CV's Kubernetes is first used in the headline; the variant's headline
    replaces it, and the home page's "Used in" link goes to the next mention instead
    (a variant without a headline keeps the page's)."""
    cases = (("whole", "Platform engineer:"), ("k8s", "I run "), ("recent", "Platform engineer:"))
    for name, paragraph in cases:
        site = sites[name]
        links = [a["href"] for a in site.main("skills.html").select(".cv-skill-usage a")]
        page, _, anchor = links[0].partition("#")
        assert page == "index.html"
        assert site.page(page).find(id=anchor).find_parent("p").get_text().startswith(paragraph)
        for link in links:
            page, _, anchor = link.partition("#")
            assert site.page(page).find(id=anchor) is not None, (name, link)


def test_years_and_kinds_leave_out_old_and_education_entries(sites: dict[str, Site]) -> None:
    assert sites["recent"].entries() == ["Cluster autoscaler", "Mail gateway"]
    assert "PHP" not in sites["recent"].defined()


def test_variant_from_a_json_file_focuses_on_a_category(sites: dict[str, Site]) -> None:
    mail = sites["mail"]
    assert mail.entries() == ["Mail gateway", "MSc — University"]
    assert sorted(mail.defined()) == ["OpenBSD", "Postfix"]


def test_compact_variant_lists_skill_names_and_drops_pages(sites: dict[str, Site]) -> None:
    compact = sites["compact"]
    skills = compact.main("skills.html")
    assert [p.get_text() for p in skills.select(".cv-skill-names")] == ["Kubernetes", "Golang"]
    assert skills.find(id="skill-kubernetes") is not None  # mentions still link to it
    assert not (compact.path / "notes.html").exists()


def test_site_offers_every_variants_pdf(sites: dict[str, Site]) -> None:
    links = {
        a.get_text(): a["href"]
        for a in sites["whole"].page("index.html").select(".cv-sidebar-indexes a")
    }
    assert links["PDF"] == "JaneDoe.pdf"
    assert links["PDF: Kubernetes"] == "JaneDoe-k8s.pdf"
    assert links["PDF: Mail"] == "JaneDoe-mail.pdf"
    in_variant = {
        a.get_text(): a["href"]
        for a in sites["k8s"].page("index.html").select(".cv-sidebar-indexes a")
    }
    assert in_variant["PDF"] == "JaneDoe-k8s.pdf"
    assert in_variant["PDF: whole CV"] == "JaneDoe.pdf"
    assert "PDF: Kubernetes" not in in_variant


def test_variant_names_are_read_from_conf_and_files(rootdir: Path) -> None:
    names = variant_names(rootdir / "test-variants")
    assert names == ["compact", "k8s", "long", "mail", "recent", "short"]


def test_rebuilding_a_variant_after_an_edit_keeps_it_tailored(
    rootdir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-variants", source)
    options = ("-W", "-d", str(tmp_path / "d"), "-D", "cv_variant=k8s")
    assert sphinx_build("html", source, tmp_path / "html", *options).returncode == 0
    first = Site(tmp_path / "html")
    before = (first.entries(), first.defined(), first.resume())
    index = source / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    result = sphinx_build("html", source, tmp_path / "html", *options)
    assert result.returncode == 0, result.stderr
    assert "1 changed" in result.stdout
    assert (first.entries(), first.defined(), first.resume()) == before


def test_bad_variants_are_warnings_naming_the_setting(rootdir: Path, tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-variants", source)
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('cv_variants["bad"] = {"skils": ["Kubernetes"], "pages": "two"}\n')
        conf.write('cv_variants["k8s"]["drop_pages"] = ["note"]\n')
    (source / "variants" / "broken.json").write_text("{not json", encoding="utf-8")
    result = sphinx_build("html", source, tmp_path / "html", "-W", "--keep-going")
    assert result.returncode != 0
    assert "cv_variants: unknown key 'skils' of variant 'bad'" in result.stderr
    assert "cv_variants: 'pages' of variant 'bad' must be a whole number" in result.stderr
    assert "broken.json: not a variant" in result.stderr
    result = sphinx_build("html", source, tmp_path / "y", "-D", "cv_variant=k8s")
    assert "cv_variants['k8s']: drop_pages: no page 'note'" in result.stderr
    result = sphinx_build("html", source, tmp_path / "x", "-D", "cv_variant=nope")
    assert "cv_variant: no variant 'nope'" in result.stderr
    assert "Traceback" not in result.stderr


# -- the PDF: page limits -----------------------------------------------------------


@needs_latex
def test_page_limit_met_is_silent_and_missed_says_by_how_much(
    rootdir: Path, tmp_path: Path
) -> None:
    short = build_pdf(rootdir / "test-variants", tmp_path / "short", "-D", "cv_variant=short")
    assert short.path.name == "JaneDoe-short.pdf"
    assert short.pages() == 1
    assert check(short.path.parent) == ""
    long = build_pdf(rootdir / "test-variants", tmp_path / "long", "-D", "cv_variant=long")
    pages = long.pages()
    assert pages > 1  # never clipped to the limit
    over = pages - 1
    assert check(long.path.parent) == (
        f"WARNING: variant 'long': the PDF has {pages} pages, {over} "
        f"{'page' if over == 1 else 'pages'} over its limit of 1 (cv_variants 'pages'); "
        "leave out more, or raise the limit [cv.page-limit]"
    )


@needs_latex
@pytest.mark.parametrize("name", ["platform", "infrastructure"])
def test_this_cvs_variants_are_two_full_a4_pages(name: str, tmp_path: Path) -> None:
    pdf = build_pdf(REPO, tmp_path, "-D", f"cv_variant={name}")
    assert pdf.path.name == f"SergeLogvinov-{name}.pdf"
    assert pdf.pages() <= 2
    assert min(pdf.fill()) > 0.5  # no sparse page
    assert pdf.info()["Page size"].startswith("595.")  # A4
    assert check(pdf.path.parent) == ""


@needs_latex
def test_read_the_docs_puts_each_variants_pdf_in_the_site(tmp_path: Path) -> None:
    """``.readthedocs.yaml``'s ``post_build`` job, run as Read the Docs runs it."""
    jobs = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))["build"]["jobs"]
    checkout, html = tmp_path / "checkout", tmp_path / "output" / "html"
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in tracked:
        if (REPO / name).is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, checkout / name)
    html.mkdir(parents=True)
    env = {**os.environ, "READTHEDOCS_OUTPUT": str(html.parent)}
    env["PATH"] = f"{Path(sys.executable).parent}:{env['PATH']}"  # its python is the venv's
    for command in jobs["post_build"]:
        result = subprocess.run(
            ["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in html.glob("*.pdf")) == [
        "SergeLogvinov-infrastructure.pdf",
        "SergeLogvinov-platform.pdf",
    ]


def test_read_the_docs_site_offers_this_cvs_variants_pdfs(tmp_path: Path) -> None:
    """On Read the Docs the links are there before ``post_build`` adds the files."""
    env = {**os.environ, "READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": "https://x.example/"}
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", str(REPO), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in page.select(".cv-sidebar-indexes a")}
    assert links["PDF"] == "https://x.example/_/downloads/en/latest/pdf/"
    assert links["PDF: Kubernetes platform"] == "SergeLogvinov-platform.pdf"
    assert links["PDF: Network and Linux infrastructure"] == "SergeLogvinov-infrastructure.pdf"
