"""The site as the web sees it: JSON-LD, resume.json, sitemap, robots, 404, favicon, assets."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import jsonschema
import pytest
from bs4 import BeautifulSoup
from conftest import GITHUB, REPO, CVBuild, sphinx_build
from sphinx.testing.util import SphinxTestApp

BASE = "https://sphinx-cv.readthedocs.io/en/latest/"
SCHEMA = REPO / "tests" / "data" / "jsonresume" / "schema.json"  # JSON Resume 1.3.1, MIT


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(html: Path) -> list[Path]:
    return sorted(html.rglob("*.html"))


def json_ld(page: BeautifulSoup) -> dict:
    scripts = page.select('head script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def domain_skill_names(build: CVBuild) -> set[str]:
    with (build.html.parent / "doctrees" / "environment.pickle").open("rb") as f:
        env = pickle.load(f)
    return {skill.name for skill in env.domaindata["cv"]["skills"].values()}


def validator() -> jsonschema.Draft7Validator:
    """JSON Resume 1.3.1, with its ``uri`` formats checked too."""
    checker = jsonschema.FormatChecker()

    @checker.checks("uri")
    def is_uri(value: object) -> bool:
        parts = urlsplit(str(value))
        return parts.scheme in {"http", "https"} and bool(parts.netloc)

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=checker)


def schema_errors(resume: dict) -> list[str]:
    """What JSON Resume 1.3.1 finds wrong in *resume*: ``[path]: message`` each."""
    errors = sorted(validator().iter_errors(resume), key=str)
    return [f"{list(error.absolute_path)}: {error.message}" for error in errors]


@pytest.fixture(scope="module")
def site(cv_build: CVBuild) -> Path:
    assert cv_build.html_log.returncode == 0, cv_build.html_log.stderr
    return cv_build.html


@pytest.fixture(scope="module")
def resume(site: Path) -> dict:
    return json.loads((site / "resume.json").read_text(encoding="utf-8"))


# -- JSON-LD -------------------------------------------------------------------


def test_every_page_has_the_person_as_json_ld(site: Path, cv_build: CVBuild) -> None:
    skills = domain_skill_names(cv_build)
    for path in pages(site):
        person = json_ld(soup_of(path))
        assert person["@context"] == "https://schema.org", path
        assert person["@type"] == "Person"
        assert person["name"] == "Serge Logvinov"
        assert person["url"] == BASE + "index.html"
        assert person["description"].startswith("Hybrid cloud and Kubernetes infrastructure")
        assert set(person["knowsAbout"]) == skills
    assert {"Cilium", "Golang", "Talos"} <= skills


def test_same_as_holds_the_profiles_only(site: Path) -> None:
    person = json_ld(soup_of(site / "index.html"))
    assert person["sameAs"] == [GITHUB]
    assert [school["name"] for school in person["alumniOf"]] == ["University", "School"]
    assert "worksFor" not in person and "email" not in person  # the seed gives none


@pytest.mark.sphinx("html", testroot="web-person")
def test_content_cannot_break_out_of_the_json_ld_script(app: SphinxTestApp) -> None:
    app.build()
    assert app.warning.getvalue() == ""
    text = (app.outdir / "index.html").read_text(encoding="utf-8")
    head = text[: text.index("</head>")]
    ld = head[head.index('<script type="application/ld+json">') :]
    ld = ld[: ld.index("</script>")]
    assert "<" not in ld.removeprefix("<script") and "&" not in ld
    person = json_ld(BeautifulSoup(text, "html.parser"))
    assert person["name"] == "Jane </script><!-- Doe"
    assert person["description"].startswith("Breaks </script> and <!")
    assert person["knowsAbout"] == ["a</script>b", "Kubernetes"]
    assert person["sameAs"] == ["https://github.com/jane-doe", "https://social.example/@jane"]
    assert "url" not in person  # no canonical address: no URL is made up


# -- JSON Resume ---------------------------------------------------------------


def test_resume_is_valid_json_resume(resume: dict) -> None:
    assert schema_errors(resume) == []


def test_resume_basics(resume: dict) -> None:
    basics = resume["basics"]
    assert basics["name"] == "Serge Logvinov"
    assert (
        basics["label"]
        == "Hybrid cloud and Kubernetes infrastructure: Talos, bare metal and cloud providers."
    )
    assert basics["url"] == BASE + "index.html"
    assert basics["summary"].startswith("Since 2018 I have been working on hybrid cloud solutions")
    assert basics["profiles"] == [
        {
            "network": "GitHub",
            "username": "sergelogvinov",
            "url": "https://github.com/sergelogvinov",
        }
    ]
    assert resume["meta"]["canonical"] == BASE + "resume.json"


def test_resume_projects_are_the_cv_entries(resume: dict) -> None:
    projects = {p["name"]: p for p in resume["projects"]}
    assert projects["Proxmox CSI"] == {
        "name": "Proxmox CSI",
        "description": "CSI plugin that brings Proxmox storage to Kubernetes.",
        "keywords": ["Proxmox", "Kubernetes", "Container Storage Interface"],
        "url": "https://github.com/sergelogvinov/proxmox-csi-plugin",
    }
    assert "ansible-role-kubernetes" in projects and "Office network gateway" in projects
    assert len(projects["Office network gateway"]["highlights"]) == 5
    assert set(resume) == {"$schema", "basics", "projects", "education", "skills", "meta"}


def test_resume_skills_are_the_domain_skills_by_category(resume: dict, cv_build: CVBuild) -> None:
    categories = [group["name"] for group in resume["skills"]]
    assert categories[:2] == ["Programming languages", "Infrastructure as code"]
    assert len(categories) == len(set(categories))
    names = [name for group in resume["skills"] for name in group["keywords"]]
    assert sorted(names) == sorted(domain_skill_names(cv_build))


def test_resume_education_invents_nothing(resume: dict) -> None:
    education = {e["institution"]: e for e in resume["education"]}
    assert list(education) == ["University", "School"]
    assert education["School"]["highlights"][0].startswith("A DOS game like Arkanoid")
    assert len(education["University"]["highlights"]) == 4
    for item in resume["education"]:
        assert not {"studyType", "startDate", "endDate", "area", "score", "url"} & set(item)


@pytest.mark.sphinx("html", testroot="web-person")
def test_resume_dates_and_roles_only_where_given(app: SphinxTestApp) -> None:
    app.build()
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert not list(validator().iter_errors(resume))
    first, undated = resume["projects"]
    assert (first["startDate"], first.get("endDate"), first["roles"]) == (
        "2018",
        None,
        ["Maintainer"],
    )
    assert first["highlights"] == ["First highlight.", "Second highlight."]
    assert not {"startDate", "endDate", "url", "roles"} & set(undated)
    assert resume["education"][0]["startDate"] == resume["education"][0]["endDate"] == "1998"
    assert "url" not in resume["basics"] and "meta" not in resume


# -- discovery: sitemap, robots, 404, favicon, descriptions ------------------------


def test_sitemap_lists_the_pages_at_the_canonical_address(site: Path) -> None:
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    locs = {el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert BASE + "index.html" in locs and BASE + "cv-skills.html" in locs
    assert all(loc.startswith(BASE) for loc in locs)
    for excluded in ("search.html", "genindex.html", "404.html"):
        assert BASE + excluded not in locs


def test_robots_txt_names_the_sitemap(site: Path) -> None:
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert robots[:2] == ["User-agent: *", "Allow: /"]
    assert f"Sitemap: {BASE}sitemap.xml" in robots


def test_404_page_links_from_the_site_root(site: Path) -> None:
    page = soup_of(site / "404.html")
    assert "Page not found" in page.title.get_text()
    assert page.select_one('link[rel="stylesheet"][href^="/en/latest/_static/"]')


def test_every_page_has_a_favicon_and_a_description(site: Path) -> None:
    assert (site / "_static" / "cv-favicon.svg").read_text(encoding="utf-8").startswith("<svg")
    for path in pages(site):
        page = soup_of(path)
        icon = page.select_one('link[rel~="icon"]')
        address = BASE + path.relative_to(site).as_posix()
        assert icon and urljoin(address, icon["href"]) == BASE + "_static/cv-favicon.svg", path
        description = page.select_one('meta[name="description"]')
        assert description and description["content"].strip(), path


def test_content_pages_have_opengraph_tags(site: Path) -> None:
    page = soup_of(site / "kubernetes.html")
    assert page.select_one('meta[property="og:url"]')["content"] == BASE + "kubernetes.html"
    assert page.select_one('meta[property="og:description"]')["content"].startswith(
        "I have been using"
    )
    assert page.select_one('link[rel="canonical"]')["href"] == BASE + "kubernetes.html"


def test_site_links_to_resume_json(site: Path) -> None:
    page = soup_of(site / "linux.html")
    assert (
        page.select_one('link[rel="alternate"][type="application/json"]')["href"] == "resume.json"
    )
    assert [a["href"] for a in page.select(".sidebar-tree a") if a.get_text() == "JSON Resume"] == [
        "resume.json"
    ]


# -- privacy and print -----------------------------------------------------------


def test_no_asset_comes_from_another_origin(site: Path) -> None:
    fetched = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest"}
    for path in pages(site):
        page = soup_of(path)
        urls = [el["src"] for el in page.select("script[src], img[src], iframe[src]")]
        urls += [el["href"] for el in page.select("link[href]") if fetched & set(el.get("rel", []))]
        for url in urls:
            assert urlsplit(urljoin("http://127.0.0.1/", url)).netloc == "127.0.0.1", (path, url)
    for css in (site / "_static").rglob("*.css"):
        assert "url(http" not in css.read_text(encoding="utf-8").replace("'", "").replace(
            '"', ""
        ), css


def test_print_stylesheet_is_linked_for_print_only(site: Path) -> None:
    links = soup_of(site / "index.html").select('link[href*="cv-print.css"]')
    assert [link.get("media") for link in links] == ["print"]
    assert (site / "_static" / "cv-print.css").is_file()


def test_links_that_spell_their_address_are_marked(site: Path) -> None:
    page = soup_of(site / "index.html")
    talos = page.find("a", href="https://www.talos.dev/")
    assert "cv-url-text" in talos["class"]
    assert "cv-url-text" not in page.find("a", string="Talos CCM")["class"]


# -- switches and incremental builds ---------------------------------------------


def test_web_features_can_be_turned_off(rootdir: Path, tmp_path: Path) -> None:
    result = sphinx_build(
        "html", rootdir / "test-web-person", tmp_path, "-W", "-D", "cv_web_features=0"
    )
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "application/ld+json" not in html and "cv-print.css" not in html
    assert not (tmp_path / "resume.json").exists() and not (tmp_path / "robots.txt").exists()


def test_a_new_skill_reaches_every_page(make_app, rootdir: Path, tmp_path: Path) -> None:
    # a copy of its own: the edit would reach the other tests of the root's shared copy
    shutil.copytree(rootdir / "test-web-person", tmp_path / "src")
    app = make_app("html", srcdir=tmp_path / "src", freshenv=True)
    app.build()
    skills = app.srcdir / "skills.md"
    skills.write_text(
        skills.read_text(encoding="utf-8") + "\n```{cv:skill} Rust\n\nA language.\n```\n",
        encoding="utf-8",
    )
    app.build()
    person = json_ld(soup_of(app.outdir / "school.html"))  # a page that did not change
    assert person["knowsAbout"] == ["a</script>b", "Kubernetes", "Rust"]


def test_resume_lists_a_category_split_over_two_places_once(make_app, tmp_path: Path) -> None:
    """Databases on two pages, with another category between: one group, in CV order."""
    (tmp_path / "conf.py").write_text('extensions = ["myst_parser", "sphinx_cv"]\n')
    (tmp_path / "index.md").write_text("# Jane Doe\n\n```{toctree}\nfirst\nsecond\n```\n")
    skill = "```{{cv:skill}} {}\n\nA skill.\n```\n\n"
    (tmp_path / "first.md").write_text(
        "# First\n\n## Databases\n\n"
        + skill.format("PostgreSQL")
        + "## Languages\n\n"
        + skill.format("Go")
    )
    (tmp_path / "second.md").write_text("# Second\n\n## Databases\n\n" + skill.format("Redis"))
    app = make_app("html", srcdir=tmp_path)
    app.build()
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert resume["skills"] == [
        {"name": "Databases", "keywords": ["PostgreSQL", "Redis"]},
        {"name": "Languages", "keywords": ["Go"]},
    ]
