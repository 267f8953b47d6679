"""``sphinx-cv import``: the MyST text it writes, and the CVs it makes, built."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sphinx_cv.importers
from bs4 import BeautifulSoup
from conftest import sphinx_build
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from ruamel.yaml import YAML
from sphinx_cv.cli.main import main
from sphinx_cv.importers.myst import escape
from sphinx_cv.importers.rendercv import ENTRY_TYPES, entry_type, markup

DATA = Path(__file__).parent / "data" / "import"

# every MyST syntax extension, so that none of them can turn a value into markup
# (not the typographic "replacements" and "smartquotes": imported CVs keep them off)
MYST = create_md_parser(
    MdParserConfig(
        enable_extensions={
            "amsmath", "attrs_inline", "colon_fence", "deflist", "dollarmath", "fieldlist",
            "html_admonition", "html_image", "strikethrough", "substitution", "tasklist",
        }
    ),
    RendererHTML,
)  # fmt: skip

TRICKY = [
    "Runs {cv:skill}`Kubernetes` for <b>teams</b> of 5 * 10 & more",
    "# not a heading",
    "## nor this",
    "1990. a year, not a list",
    "3) nor this",
    "- not a bullet",
    "+ nor this",
    "> not a quote",
    ":field: not a field list",
    "(target)=",
    "% not a comment",
    "---",
    "***",
    "| a | b |",
    "- [ ] not a task",
    "_snake_case_ and *stars* and ~~strike~~",
    "$x^2$ and $$y$$",
    "{{ substitution }}",
    "[text](https://example.org) and ![image](x.png)",
    "&amp; &#42; entities",
    "back\\slash\\",
    "```fence",
    "~~~",
    ":::{note}",
    "<https://example.org>",
    "Zoë Ångström — 東京",
]


@pytest.mark.parametrize("text", TRICKY)
def test_escaped_text_renders_as_the_same_characters(text):
    """The escaped value parses as one paragraph of plain text equal to the value."""
    tokens = MYST.parse(escape(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children
    assert [c.type for c in children] == ["text"]
    assert children[0].content == text


def test_rendercv_markdown_is_kept_and_the_rest_escaped():
    """RenderCV's bold, italic, code and links stay markup; other syntax is plain text."""
    text = "**Bold** *it* `code` [RAUC](https://rauc.io/) {cv:skill} <b> & # 1."
    tokens = [t for t in MYST.parse(markup(text))[1].children if t.type != "text" or t.content]
    assert [t.type for t in tokens] == [
        "strong_open", "text", "strong_close", "text", "em_open", "text", "em_close", "text",
        "code_inline", "text", "link_open", "text", "link_close", "text",
    ]  # fmt: skip
    assert tokens[10].attrs["href"] == "https://rauc.io/"
    assert tokens[-1].content == " {cv:skill} <b> & # 1."


# --- the imported CVs, built -------------------------------------------------------------


@dataclass
class Imported:
    """A CV imported by ``sphinx-cv import``, built into HTML and a PDF with ``-W``."""

    root: Path
    html: Path
    pdf: Path
    logs: list[subprocess.CompletedProcess[str]]

    def soup(self, page: str) -> BeautifulSoup:
        return BeautifulSoup((self.html / page).read_text(encoding="utf-8"), "html.parser")

    def pdf_text(self) -> str:
        return subprocess.run(
            ["pdftotext", str(self.pdf), "-"], capture_output=True, text=True, check=True
        ).stdout


def build_imported(source: Path, out: Path) -> Imported:
    root = out / "cv"
    assert main(["import", str(source), str(root)]) == 0
    options = ("-W", "--keep-going", "-d", str(out / "doctrees"))
    logs = [
        sphinx_build("html", root, out / "html", *options),
        sphinx_build("latex", root, out / "latex", *options),
    ]
    pdf = out / "latex" / "missing.pdf"
    if logs[1].returncode == 0 and shutil.which("latexmk"):
        subprocess.run(
            ["make", "-C", str(out / "latex"), "all-pdf", "LATEXMKOPTS=-quiet"],
            capture_output=True,
            check=False,
        )
        pdf = next(iter(sorted((out / "latex").glob("*.pdf"))), pdf)
    return Imported(root, out / "html", pdf, logs)


@pytest.fixture(scope="module")
def from_json(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return build_imported(DATA / "rich.json", tmp_path_factory.mktemp("json"))


@pytest.fixture(scope="module")
def from_yaml(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return build_imported(DATA / "rich.yaml", tmp_path_factory.mktemp("yaml"))


def leaves(value: Any, path: str = "$") -> dict[str, Any]:
    """Every scalar of a JSON value by its JSON path: ``{"$.work[0].name": "Acme"}``."""
    if isinstance(value, dict):
        return {
            p: v for key, item in value.items() for p, v in leaves(item, f"{path}.{key}").items()
        }
    if isinstance(value, list):
        return {
            p: v for n, item in enumerate(value) for p, v in leaves(item, f"{path}[{n}]").items()
        }
    return {path: value}


def warnings(build: Imported) -> list[str]:
    return [line for log in build.logs for line in log.stderr.splitlines() if "WARNING" in line]


@pytest.mark.parametrize("fixture", ["from_json", "from_yaml"])
def test_imported_cv_builds_html_and_pdf_without_a_warning(fixture, request):
    build: Imported = request.getfixturevalue(fixture)
    made = {p.name for p in build.root.iterdir()}
    assert {"conf.py", "Makefile", "requirements.txt", ".readthedocs.yaml", "README.md"} <= made
    assert [log.returncode for log in build.logs] == [0, 0], warnings(build)
    assert warnings(build) == []
    if shutil.which("latexmk"):
        assert build.pdf.is_file()


# Every scalar of rich.json that is not in the exported resume.json, and why.
LOST = {
    "$.basics.image": "a photo at another origin: a commented html_logo line in conf.py "
    "(the site loads nothing from another origin); resume.json has no image",
    "$.basics.summary": "two paragraphs: the home page keeps them, resume.json joins a "
    "summary's paragraphs with a space",
    "$.projects[0].keywords[0]": "'kubernetes' is matched to the skill 'Kubernetes': "
    "resume.json names the skill",
    "$.meta.version": "no sphinx-cv setting: a comment in conf.py",
    "$.meta.lastModified": "no sphinx-cv setting: a comment in conf.py",
}


def test_json_resume_round_trip(from_json):
    """Each field of rich.json equals the exported resume.json's, except those in LOST."""
    source = leaves(json.loads((DATA / "rich.json").read_text(encoding="utf-8")))
    exported = leaves(json.loads((from_json.html / "resume.json").read_text(encoding="utf-8")))
    lost = {path for path, value in source.items() if exported.get(path) != value}
    assert sorted(lost) == sorted(LOST)
    assert len(source) - len(lost) == 98  # of 103
    assert exported["$.basics.summary"] == " ".join(
        json.loads((DATA / "rich.json").read_text(encoding="utf-8"))["basics"]["summary"].split()
    )
    assert exported["$.basics.profiles[1].username"] == "@zoe@fosstodon.example"
    assert exported["$.work[0].summary"] == "Runs the company's Kubernetes platform."
    assert exported["$.projects[0].keywords[0]"] == "Kubernetes"


def test_values_stay_text_on_the_site_and_in_the_pdf(from_json):
    """Markup characters of the input are shown as written, never interpreted."""
    home = from_json.soup("index.html").select_one("article")
    texts = [p.get_text() for p in home.find_all("p", recursive=False)]
    texts += [p.get_text() for p in home.section.find_all("p", recursive=False)]
    assert "Runs {cv:skill}`Kubernetes` platforms <for> teams of 5 * 10 engineers." in texts
    assert "# Not a heading: a second paragraph." in texts
    assert [h.get_text(strip=True) for h in home.find_all("h1")] == ["Zoë Ångström-Kovač¶"]
    assert home.select_one(".cv-headline").get_text() == (
        "Site reliability engineer: *Kubernetes* & `Go`"
    )
    award = from_json.soup("awards.html").select_one(".cv-entry-award")
    assert award.h2.get_text().startswith("Best Talk <KubeCon>")
    assert award.find("kubecon") is None
    assert award.select_one(".cv-entry-dates").get_text() == "Oct 26, 2022"
    work = from_json.soup("work.html").select_one(".cv-entry-work")
    assert [li.get_text() for li in work.find_all("li")] == [
        "Cut deploy time from 40 to 5 minutes.",
        "1. Not a numbered list",
        "- not a bullet",
    ]
    if from_json.pdf.is_file():  # test_imported_cv_builds_html_and_pdf_without_a_warning
        text = " ".join(from_json.pdf_text().split())
        for written in (
            "Zoë Ångström-Kovač",
            "Runs {cv:skill}`Kubernetes` platforms <for> teams of 5 * 10 engineers.",
            "Best Talk <KubeCon>",
            "For a talk on {weird} _edge_ cases.",
            "Ōkami KK",
            "Jürgen Müller",
        ):
            assert written in text


SECTIONS = {  # JSON Resume section: (page, kind)
    "work": ("work", "work"),
    "volunteer": ("volunteer", "volunteer"),
    "education": ("education", "education"),
    "awards": ("awards", "award"),
    "certificates": ("certificates", "certificate"),
    "publications": ("publications", "publication"),
    "languages": ("languages", "language"),
    "interests": ("interests", "interest"),
    "references": ("references", "reference"),
    "projects": ("projects", "project"),
}


def test_every_json_resume_section_is_a_page_of_its_kind(from_json):
    source = json.loads((DATA / "rich.json").read_text(encoding="utf-8"))
    toctree = [
        a["href"]
        for a in from_json.soup("index.html").select(
            ".sidebar-tree:not(.cv-sidebar-indexes) .toctree-l1 > a"
        )
    ]
    assert toctree == [f"{page}.html" for page, _ in SECTIONS.values()] + ["skills.html"]
    for section, (page, kind) in SECTIONS.items():
        entries = from_json.soup(f"{page}.html").select(f".cv-entry-{kind}")
        assert len(entries) == len(source[section]), section


def test_skills_by_category_and_project_keywords_link_to_them(from_json):
    skills = from_json.soup("skills.html")
    categories = {
        h2.get_text(strip=True).rstrip("¶"): [dt["id"] for dt in h2.parent.select("dt[id]")]
        for h2 in skills.select("article section section > h2")
    }
    assert list(categories) == ["Containers", "Languages", "Terraform", "Other"]
    assert [len(ids) for ids in categories.values()] == [3, 3, 1, 1]
    project = from_json.soup("projects.html").select_one(".cv-entry-skills")
    links = {a.get_text(): a["href"] for a in project.find_all("a")}
    assert list(links) == ["Kubernetes", "Go", "gRPC"]
    for name, href in links.items():
        page, _, anchor = href.partition("#")
        assert page == "skills.html"
        assert skills.find(id=anchor).select_one(".sig-name").get_text() == name
    exported = json.loads((from_json.html / "resume.json").read_text(encoding="utf-8"))
    assert exported["skills"][0] == {
        "name": "Containers",
        "level": "Master",
        "keywords": ["Kubernetes", "Docker", "Cilium"],
    }
    assert exported["skills"][3] == {"name": "Other", "keywords": ["gRPC"]}


def test_rendercv_entry_types_on_the_site(from_yaml):
    pages = [
        a["href"]
        for a in from_yaml.soup("index.html").select(
            ".sidebar-tree:not(.cv-sidebar-indexes) .toctree-l1 > a"
        )
    ]
    assert pages == [
        "experience.html", "education.html", "projects.html",
        "publications.html", "skills.html", "talks.html", "patents.html", "recent-talks.html",
    ]  # fmt: skip
    home = from_yaml.soup("index.html").select_one("article section")
    first, second = home.find_all("p", recursive=False)  # the "summary" section
    assert first.strong.get_text() == "embedded Linux"  # RenderCV's Markdown stays Markdown
    assert first.em.get_text() == "medical"
    assert first.code.get_text() == "C"
    assert first.get_text().endswith("and {Rust}.")
    assert second.get_text() == "# not a heading, and <not html>"
    work = from_yaml.soup("experience.html").select(".cv-entry-work")
    assert [w.h2.get_text() for w in work] == [
        "Firmware Engineer — Ørsted A/S",
        "Intern — Nokia",
    ]
    assert work[0].select_one(".cv-entry-dates").get_text() == "Jan 2020 – present"
    assert work[0].find("a", href="https://rauc.io/").get_text() == "RAUC"
    assert work[1].select_one(".cv-entry-dates").get_text() == "Jul 2019"
    education = from_yaml.soup("education.html").select(".cv-entry-education")
    assert education[1].h2.get_text() == "Physics — Aarhus Universitet"
    assert education[1].p.get_text() == "Aarhus · Autumn 2016"  # no option for them
    projects = from_yaml.soup("projects.html").select(".cv-entry-project")
    assert projects[0].h2.a["href"] == "https://github.com/soren-ol/yocto-fastboot"
    assert projects[0].h2.get_text() == "yocto-fastboot"
    publication = from_yaml.soup("publications.html").select_one(".cv-entry-publication")
    assert publication.h2.a["href"] == "https://doi.org/10.1234/example.5678"
    assert [p.get_text() for p in publication.find_all("p")] == [
        "https://example.org/field-updates",
        "Søren Øster-Łukasiewicz, Ada Jensen",
    ]
    lists = {
        page: [(ol_or_ul.name, [li.get_text() for li in ol_or_ul.find_all("li")])]
        for page in ("talks", "patents", "recent-talks")
        for ol_or_ul in from_yaml.soup(f"{page}.html").select(
            "article section > ul, article section > ol"
        )
    }
    assert lists == {
        "talks": [("ul", ["Embedded Recipes 2023, Paris", "FOSDEM 2022 (online)"])],
        "patents": [
            ("ol", ["EP 1 234 567 — Redundant boot selection", "EP 7 654 321: Update rollback"])
        ],
        "recent-talks": [("ol", ["Rust on microcontrollers, 2024", "Secure boot, 2023"])],
    }


def test_rendercv_header_skills_and_paper(from_yaml):
    contact = from_yaml.soup("index.html").select(".cv-contact a")
    assert [a["href"] for a in contact] == [
        "mailto:soren%40example.org",
        "tel:+4512345678",
        "https://soren.example.org/",
        "mailto:soren.work%40example.com",
        "https://github.com/soren-ol",
        "https://fosstodon.example/@soren",
        "https://cal.example/soren",
    ]
    exported = json.loads((from_yaml.html / "resume.json").read_text(encoding="utf-8"))
    assert exported["basics"]["summary"] == (
        "Builds embedded Linux systems for medical devices; writes C and {Rust}."
        " # not a heading, and <not html>"
    )
    assert exported["skills"] == [
        {"name": "Languages", "keywords": ["C", "Rust", "Python"]},
        {"name": "Tools", "keywords": ["Yocto", "RAUC", "U-Boot"]},
    ]
    conf = (from_yaml.root / "conf.py").read_text(encoding="utf-8")
    assert "cv_paper = 'letter'" in conf
    assert "#  'design': {'theme': 'classic', 'page': {'size': 'us-letter'}}," in conf
    if from_yaml.pdf.is_file():  # test_imported_cv_builds_html_and_pdf_without_a_warning
        size = subprocess.run(["pdfinfo", str(from_yaml.pdf)], capture_output=True, text=True)
        assert "612 x 792 pts (letter)" in size.stdout
        assert "Søren Øster-Łukasiewicz" in from_yaml.pdf_text()


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def test_rendercv_photo_is_copied_as_the_logo(tmp_path):
    (tmp_path / "me.png").write_bytes(PNG)
    source = tmp_path / "cv.yaml"
    source.write_text("cv:\n  name: Ana Lima\n  photo: me.png\n", encoding="utf-8")
    assert main(["import", str(source), str(tmp_path / "cv")]) == 0
    assert (tmp_path / "cv" / "me.png").read_bytes() == PNG
    log = sphinx_build("html", tmp_path / "cv", tmp_path / "html", "-W")
    assert log.returncode == 0, log.stderr
    logo = BeautifulSoup((tmp_path / "html" / "index.html").read_text(), "html.parser")
    assert logo.select_one("img.sidebar-logo")["src"] == "_static/me.png"


def test_a_name_alone_is_a_cv(tmp_path):
    source = tmp_path / "resume.json"
    source.write_text('{"basics": {"name": "Ana Lima"}}', encoding="utf-8")
    assert main(["import", str(source), str(tmp_path / "cv")]) == 0
    log = sphinx_build("html", tmp_path / "cv", tmp_path / "html", "-W")
    assert log.returncode == 0, log.stderr
    exported = json.loads((tmp_path / "html" / "resume.json").read_text(encoding="utf-8"))
    assert exported["basics"]["name"] == "Ana Lima"


def schema_fields(node: dict[str, Any], path: str = "$") -> set[str]:
    """Every field the JSON Resume schema defines, as ``$.work[].name``."""
    fields = set()
    for key, child in node.get("properties", {}).items():
        fields |= {f"{path}.{key}"} | schema_fields(child, f"{path}.{key}")
    if "items" in node:
        fields |= schema_fields(node["items"], f"{path}[]")
    return fields


def test_rich_json_sample_has_every_field_of_the_schema():
    """The round trip covers the whole schema: rich.json sets every field it defines."""
    schema = json.loads(
        (Path(sphinx_cv.importers.__file__).parent / "schemas" / "jsonresume.json").read_text()
    )
    sample = json.loads((DATA / "rich.json").read_text(encoding="utf-8"))
    present = set()
    for path in leaves(sample):
        parts = re.sub(r"\[\d+\]", "[]", path)
        while parts != "$":
            present.add(parts)
            parts = re.sub(r"(\.[^.\[]+|\[\])$", "", parts)
    assert schema_fields(schema) - present == set()


def test_rich_yaml_sample_has_every_rendercv_entry_type():
    sections = YAML().load((DATA / "rich.yaml").read_text(encoding="utf-8"))["cv"]["sections"]
    found = {entry_type(entries) for entries in sections.values()}
    assert found == {*ENTRY_TYPES, "TextEntry"}


def test_a_skill_in_two_categories_is_defined_once(tmp_path, capsys):
    source = tmp_path / "resume.json"
    source.write_text(
        json.dumps(
            {
                "basics": {"name": "Ana Lima"},
                "skills": [
                    {"name": "Containers", "keywords": ["Docker", "Podman"]},
                    {"name": "DevOps", "keywords": ["docker", "Ansible"]},
                ],
                "work": [{"name": "Acme", "position": "Senior"}, {"name": "Acme"}],
            }
        ),
        encoding="utf-8",
    )
    assert main(["import", str(source), str(tmp_path / "cv")]) == 0
    assert "Note: skill 'docker' of 'DevOps': defined once, in 'Containers'" in (
        capsys.readouterr().out
    )
    log = sphinx_build("html", tmp_path / "cv", tmp_path / "html", "-W")
    assert log.returncode == 0, log.stderr
    exported = json.loads((tmp_path / "html" / "resume.json").read_text(encoding="utf-8"))
    assert exported["skills"] == [
        {"name": "Containers", "keywords": ["Docker", "Podman"]},
        {"name": "DevOps", "keywords": ["Ansible"]},
    ]
    assert [w["name"] for w in exported["work"]] == ["Acme", "Acme"]


def test_rendercv_own_example_imports_and_builds(tmp_path):
    """RenderCV's example CV, as its repository ships it, builds with no warning."""
    assert main(["import", str(DATA / "rendercv-example.yaml"), str(tmp_path / "cv")]) == 0
    log = sphinx_build("html", tmp_path / "cv", tmp_path / "html", "-W", "--keep-going")
    assert log.returncode == 0, log.stderr
    exported = json.loads((tmp_path / "html" / "resume.json").read_text(encoding="utf-8"))
    assert exported["basics"]["name"] == "John Doe"
    assert [p["name"] for p in exported["projects"]] == ["FlashInfer", "NeuralPrune"]
    assert exported["projects"][0]["url"] == "https://github.com/"  # from "[FlashInfer](…)"
    assert {s["name"] for s in exported["skills"]} == {
        "Languages", "ML Frameworks", "Infrastructure", "Research Areas",
    }  # fmt: skip


def test_json_resume_own_sample_imports_and_builds(tmp_path):
    """JSON Resume's sample resume, as its repository ships it, builds with no warning."""
    assert main(["import", str(DATA / "jsonresume-sample.json"), str(tmp_path / "cv")]) == 0
    log = sphinx_build("html", tmp_path / "cv", tmp_path / "html", "-W", "--keep-going")
    assert log.returncode == 0, log.stderr
    source = leaves(json.loads((DATA / "jsonresume-sample.json").read_text(encoding="utf-8")))
    exported = leaves(json.loads((tmp_path / "html" / "resume.json").read_text(encoding="utf-8")))
    lost = sorted(path for path, value in source.items() if exported.get(path) != value)
    assert lost == [
        "$.basics.image",  # "": no photo
        "$.meta.canonical",  # not the address of a site's resume.json: a comment in conf.py
        "$.meta.lastModified",
        "$.meta.version",
    ]


def test_work_location_object_of_later_schemas(tmp_path):
    """The schema after 1.3.1 has a location object in work, volunteer and education."""
    data = json.loads((DATA / "rich.json").read_text(encoding="utf-8"))
    data["work"][1]["location"] = {"city": "Tōkyō", "countryCode": "JP"}
    data["education"][1]["location"] = {"city": "Zürich", "countryCode": "CH"}
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", str(source), str(tmp_path / "cv")]) == 0
    log = sphinx_build("html", tmp_path / "cv", tmp_path / "html", "-W")
    assert log.returncode == 0, log.stderr
    exported = json.loads((tmp_path / "html" / "resume.json").read_text(encoding="utf-8"))
    assert exported["work"][1]["location"] == "Tōkyō, JP"
    assert exported["education"][1]["summary"] == "Zürich, CH"  # cv:education has no location
