"""A second engineer's CV (root ``career``): every kind of entry, every field, every person value.

Checked field by field in the HTML (headings, dates, details, the home page's header and
contents), the LaTeX and the PDF's text in reading order, ``resume.json`` and JSON-LD.
The root ``career-errors`` holds one mistake per entry: each is a warning at its line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import shared, sphinx_build
from sphinx.testing.util import SphinxTestApp
from test_pdf import Pdf, build_pdf
from test_pdf import pytestmark as needs_latexmk  # the PDF's tests only: the rest needs no TeX
from test_web import json_ld, schema_errors

EMAIL = "zoe@example.org"
PHONE = "+49 170 555 0199"
PLACE = "Beispielstraße 12, 80331 München, Bayern, DE"
WEBSITE = "https://zoe.example.org/"
GITHUB = "https://github.example.org/zoe-fn"
LINKEDIN = "https://linkedin.example.org/in/zoe-ferreira-nowak"
PROFILES = [f"GitHub: {GITHUB[8:]}", f"LinkedIn: {LINKEDIN[8:]}"]


class Entry:
    """What one entry of the root shows: page, id, heading, link, dates, details."""

    def __init__(
        self,
        page: str,
        anchor: str,
        heading: str,
        org: str,
        url: str = "",
        dates: str = "",
        iso: tuple[str, ...] = (),
        details: str = "",
        summary: str = "",
    ) -> None:
        self.page, self.id, self.heading, self.org, self.url = page, anchor, heading, org, url
        self.dates, self.iso, self.details, self.summary = dates, iso, details, summary

    def __repr__(self) -> str:
        return self.id


WORK = [
    Entry(
        "index",
        "entry-quellwerk-logistik-gmbh",
        "Staff Site Reliability Engineer — Quellwerk Logistik GmbH",
        "— Quellwerk Logistik GmbH",
        "https://quellwerk.example.org/",
        "Mar 2021 – present",
        ("2021-03",),
        "München, Germany · Warehouse logistics",
        "Leads the platform team that runs forty Kubernetes clusters",
    ),
    Entry(
        "index",
        "entry-nordlicht-payments-ab-the-payment-processor-for-scandinavian-online-shops-and"
        "-marketplaces",
        "Senior Platform Engineer — Nordlicht Payments AB, the payment processor for"
        " Scandinavian online shops and marketplaces",
        "— Nordlicht Payments AB, the payment processor for Scandinavian online shops and"
        " marketplaces",
        "https://nordlicht.example.org/",
        "Oct 2018 – Feb 2021",
        ("2018-10", "2021-02"),
        "Malmö, Sweden",
        "Built the company’s first Kubernetes platform",
    ),
    Entry(
        "index",
        "entry-cafe-acores-software",
        "Backend Developer — Café Açores Software",
        "— Café Açores Software",
        "https://acores.example.org/",
        "Sep 2015 – Sep 2018",
        ("2015-09", "2018-09"),
        "Porto, Portugal",
        "Wrote the ordering service of a restaurant chain’s app",
    ),
    Entry(
        "index",
        "entry-universitatsrechenzentrum-krakow",
        "Student System Administrator — Universitätsrechenzentrum Kraków",
        "— Universitätsrechenzentrum Kraków",
        "https://urk.example.org/",
        "Oct 1, 2013 – Jun 30, 2015",
        ("2013-10-01", "2015-06-30"),
        "Kraków, Poland",
        "Looked after the faculty’s Linux servers.",
    ),
]
OTHERS = [
    Entry(
        "index",
        "entry-code-club-munchen",
        "Mentor — Code Club München",
        "— Code Club München",
        "https://codeclub.example.org/",
        "2019 – present",
        ("2019",),
    ),
    Entry(
        "education",
        "entry-agh-university-of-krakow",
        "MSc, Computer Science — AGH University of Kraków",
        "— AGH University of Kraków",
        "https://agh.example.org/",
        "Oct 2013 – Jul 2015",
        ("2013-10", "2015-07"),
        "Score: 4.8/5 · Courses: Distributed Systems, Databases, Operating Systems",
    ),
    Entry(
        "education",
        "entry-universidade-do-porto",
        "BSc, Informatics Engineering — Universidade do Porto",
        "— Universidade do Porto",
        "https://up.example.org/",
        "2010 – 2013",
        ("2010", "2013"),
        "Score: 17/20 · Courses: Algorithms, Computer Networks",
    ),
    Entry(
        "more",
        "entry-engineer-of-the-year",
        "Engineer of the Year — Quellwerk Logistik GmbH",
        "— Quellwerk Logistik GmbH",
        "",
        "Dec 2023",
        ("2023-12",),
    ),
    Entry(
        "more",
        "entry-certified-kubernetes-administrator",
        "Certified Kubernetes Administrator — Example Certification Board",
        "— Example Certification Board",
        "https://certs.example.org/cka/zoe",
        "Jun 15, 2020",
        ("2020-06-15",),
    ),
    Entry(
        "more",
        "entry-failover-without-fear-postgresql-on-kubernetes",
        "Failover without fear: PostgreSQL on Kubernetes — Example Engineering Journal",
        "— Example Engineering Journal",
        "https://journal.example.org/failover-without-fear",
        "May 2022",
        ("2022-05",),
    ),
    Entry(
        "more",
        "entry-zero-downtime-database-upgrades",
        "Zero-downtime database upgrades — KubeCon Europe",
        "— KubeCon Europe",
        "https://talks.example.org/zero-downtime",
        "Apr 2022",
        ("2022-04",),
        "talk · Speaker, Author",
    ),
    Entry("more", "entry-portuguese", "Portuguese — Native speaker", "— Native speaker"),
    Entry(
        "more",
        "entry-deutsch",
        "Deutsch — Professional working proficiency",
        "— Professional working proficiency",
    ),
    Entry("more", "entry-mountaineering", "Mountaineering", "", details="Alps, Via ferrata, Tatra"),
    Entry(
        "more",
        "entry-jurgen-beispiel-cto-of-quellwerk-logistik",
        "Jürgen Beispiel, CTO of Quellwerk Logistik",
        "",
    ),
]
ENTRIES = WORK + OTHERS
WITH_SKILLS = 11
"""The entries with ``:skills:``: the work, volunteer and education entries, the award, the
certificate, the publication and the project."""
HEADING_LEVEL = {"index": "h3", "education": "h2", "more": "h3"}
"""One level below the entries' section: index's and more's h2 sections, education's h1."""


def text_of(node: Tag) -> str:
    return " ".join(node.get_text(" ").replace("¶", "").split()).replace(" ,", ",")


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope=shared)
def site(module_app, rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The ``career`` root's site, built once for this module, with a PDF beside it (as
    ``make`` leaves one in ``_build/latex``; its content does not matter here)."""
    builddir = tmp_path_factory.mktemp("b")
    (builddir / "latex").mkdir()
    (builddir / "latex" / "ZoeFerreiraNowak.pdf").write_bytes(b"%PDF-1.5\n")
    app = module_app("html", srcdir=rootdir / "test-career", builddir=builddir)
    app.build()
    return app


def page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope=shared)
def resume(site: SphinxTestApp) -> dict:
    return json.loads((site.outdir / "resume.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pdf(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    return build_pdf(rootdir / "test-career", tmp_path_factory.mktemp("career"))


# -- HTML ------------------------------------------------------------------------


def test_builds_without_warnings(site: SphinxTestApp) -> None:
    assert site.warning.getvalue() == ""


@pytest.mark.parametrize("entry", ENTRIES, ids=repr)
def test_entry_is_a_heading_with_its_org_dates_and_details(
    site: SphinxTestApp, entry: Entry
) -> None:
    html = page(site, entry.page)
    heading = html.find(id=entry.id)
    assert heading is not None and heading.name == HEADING_LEVEL[entry.page]
    section_heading = heading.find_parent("section").find(re.compile(r"^h\d$"))
    assert int(heading.name[1]) == int(section_heading.name[1]) + 1
    assert text_of(heading) == entry.heading
    org = heading.select_one(".cv-entry-org")
    assert (text_of(org) if org else "") == entry.org
    links = [a["href"] for a in heading.select("a.reference.external")]
    assert links == ([entry.url] if entry.url else [])
    card = heading.find_parent(class_="cv-entry")
    dates = card.select_one(".cv-entry-dates")
    assert (text_of(dates) if dates else "") == entry.dates
    assert tuple(t["datetime"] for t in card.select(".cv-entry-dates time")) == entry.iso
    details = card.select_one("p.cv-entry-meta")
    assert (text_of(details) if details else "") == entry.details


def test_entry_body_is_summary_highlights_then_skills(site: SphinxTestApp) -> None:
    card = page(site, "index").find(id=WORK[0].id).find_parent(class_="cv-entry")
    blocks = [
        child for child in card.select_one(".sd-card-body").children if isinstance(child, Tag)
    ]
    assert [b.name for b in blocks] == ["div", "p", "p", "ul", "p"]
    assert text_of(blocks[2]).startswith(WORK[0].summary)
    assert [text_of(li) for li in blocks[3].select("li")] == [
        "Cut the time to deploy a service from 40 to 5 minutes.",
        "Moved every cluster to one Terraform module.",
    ]
    assert text_of(blocks[4]) == "Skills: Kubernetes, Go, Terraform"
    assert [a["href"] for a in blocks[4].select("a")] == [
        "skills.html#skill-kubernetes",
        "skills.html#skill-go",
        "skills.html#skill-terraform",
    ]
    reference = page(site, "more").find(id=OTHERS[-1].id).find_parent(class_="cv-entry")
    assert "Zoë turned a fragile platform" in text_of(reference)


def test_home_page_header_shows_every_contact_value(site: SphinxTestApp) -> None:
    html = page(site, "index")
    header = html.select_one("article h1 + .cv-person")
    assert header is not None
    assert text_of(header.select_one(".cv-headline")) == (
        "Site reliability engineer: Kubernetes platforms and PostgreSQL"
    )
    items = {
        li["class"][0]: (text_of(li).replace(" ", "") if "email" in li["class"][0] else text_of(li))
        for li in header.select(".cv-contact > li")
    }
    assert list(items) == ["cv-email", "cv-phone", "cv-location", "cv-website", "cv-profile"]
    assert items["cv-email"] == EMAIL
    assert unquote(header.select_one(".cv-email a")["href"]) == f"mailto:{EMAIL}"
    assert items["cv-phone"] == PHONE  # shown as written
    assert header.select_one(".cv-phone a")["href"] == "tel:+491705550199"
    assert items["cv-location"] == PLACE
    assert header.select_one(".cv-location a") is None
    assert (items["cv-website"], header.select_one(".cv-website a")["href"]) == (
        "zoe.example.org",
        WEBSITE,
    )
    profiles = header.select(".cv-profile a")
    assert [text_of(a) for a in profiles] == PROFILES
    assert [a["href"] for a in profiles] == [GITHUB, LINKEDIN]
    download = header.select_one("a.cv-download")
    assert (text_of(download), download["href"]) == ("Download PDF", "ZoeFerreiraNowak.pdf")


@pytest.mark.parametrize("name", ["index", "education", "more"])
def test_page_contents_list_the_entries_under_their_sections(
    site: SphinxTestApp, name: str
) -> None:
    html = page(site, name)
    toc = html.select_one(".toc-tree")
    listed = [(a["href"], text_of(a)) for a in toc.select("a")]
    entries = [e for e in ENTRIES if e.page == name]
    assert [item for item in listed if item[0].startswith("#entry-")] == [
        (f"#{e.id}", e.heading) for e in entries
    ]
    for entry in entries:  # nested in the item of its section
        section = html.find(id=entry.id).find_parent("section")
        link = toc.select_one(f'a[href="#{entry.id}"]')
        assert link.find_parent("ul").find_parent("li").a["href"] in {
            f"#{section['id']}",
            "#",  # the page's own title
        }


# -- JSON-LD ---------------------------------------------------------------------


def test_json_ld_person_has_contact_address_work_schools_and_profiles(site: SphinxTestApp) -> None:
    person = json_ld(page(site, "index"))
    assert person["email"] == f"mailto:{EMAIL}"
    assert person["telephone"] == PHONE
    assert person["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Beispielstraße 12",
        "postalCode": "80331",
        "addressLocality": "München",
        "addressRegion": "Bayern",
        "addressCountry": "DE",
    }
    assert person["worksFor"] == [
        {
            "@type": "Organization",
            "name": "Quellwerk Logistik GmbH",
            "url": "https://quellwerk.example.org/",
        }
    ]
    assert [(s["@type"], s["name"], s["url"]) for s in person["alumniOf"]] == [
        ("EducationalOrganization", "AGH University of Kraków", "https://agh.example.org/"),
        ("EducationalOrganization", "Universidade do Porto", "https://up.example.org/"),
    ]
    assert person["sameAs"] == [GITHUB, LINKEDIN]  # not the e-mail, phone or website


# -- resume.json -----------------------------------------------------------------


def test_resume_is_valid_json_resume(resume: dict) -> None:
    assert schema_errors(resume) == []


def test_resume_basics(resume: dict) -> None:
    basics = resume["basics"]
    assert basics["name"] == "Zoë Ferreira-Nowak"
    assert basics["label"] == "Site reliability engineer: Kubernetes platforms and PostgreSQL"
    assert (basics["email"], basics["phone"], basics["url"]) == (EMAIL, PHONE, WEBSITE)
    assert basics["summary"].startswith("I keep Kubernetes platforms and PostgreSQL databases")
    assert basics["location"] == {
        "address": "Beispielstraße 12",
        "postalCode": "80331",
        "city": "München",
        "region": "Bayern",
        "countryCode": "DE",
    }
    assert basics["profiles"] == [
        {"network": "GitHub", "username": "zoe-fn", "url": GITHUB},
        {"network": "LinkedIn", "username": "zoefn", "url": LINKEDIN},  # given in cv_links
    ]


def test_resume_work(resume: dict) -> None:
    work = resume["work"]
    assert [w["name"] for w in work] == [
        "Quellwerk Logistik GmbH",
        "Nordlicht Payments AB, the payment processor for Scandinavian online shops and"
        " marketplaces",
        "Café Açores Software",
        "Universitätsrechenzentrum Kraków",
    ]
    first = work[0]
    assert first == {
        "name": "Quellwerk Logistik GmbH",
        "position": "Staff Site Reliability Engineer",
        "location": "München, Germany",
        "description": "Warehouse logistics",
        "url": "https://quellwerk.example.org/",
        "startDate": "2021-03",  # no endDate: still there
        "summary": "Leads the platform team that runs forty Kubernetes clusters for the"
        " company’s warehouses.",
        "highlights": [
            "Cut the time to deploy a service from 40 to 5 minutes.",
            "Moved every cluster to one Terraform module.",
        ],
        "keywords": ["Kubernetes", "Go", "Terraform"],
    }
    assert [(w["startDate"], w.get("endDate")) for w in work[1:]] == [
        ("2018-10", "2021-02"),
        ("2015-09", "2018-09"),
        ("2013-10-01", "2015-06-30"),
    ]
    assert [(w["position"], w["location"], w["url"]) for w in work] == [
        (e.heading.split(" — ")[0], e.details.split(" · ")[0], e.url) for e in WORK
    ]


def test_resume_volunteer_and_education(resume: dict) -> None:
    assert resume["volunteer"] == [
        {
            "organization": "Code Club München",
            "position": "Mentor",
            "url": "https://codeclub.example.org/",
            "startDate": "2019",
            "summary": "Teaches children to program in Python on Saturdays.",
            "highlights": ["Wrote the club’s first set of exercises."],
            "keywords": ["Python"],
        }
    ]
    master, bachelor = resume["education"]
    assert master == {
        "institution": "AGH University of Kraków",
        "studyType": "MSc",
        "area": "Computer Science",
        "score": "4.8/5",
        "courses": ["Distributed Systems", "Databases", "Operating Systems"],
        "url": "https://agh.example.org/",
        "startDate": "2013-10",
        "endDate": "2015-07",
        "summary": "Thesis on consensus in geo-distributed databases, written in Go.",
        "highlights": ["Graduated with distinction."],
        "keywords": ["Go", "Linux"],
    }
    assert (bachelor["institution"], bachelor["studyType"], bachelor["area"]) == (
        "Universidade do Porto",
        "BSc",
        "Informatics Engineering",
    )
    assert (bachelor["score"], bachelor["courses"]) == (
        "17/20",
        ["Algorithms", "Computer Networks"],
    )
    assert (bachelor["startDate"], bachelor["endDate"]) == ("2010", "2013")


def test_resume_awards_certificates_publications(resume: dict) -> None:
    assert resume["awards"] == [
        {
            "title": "Engineer of the Year",
            "awarder": "Quellwerk Logistik GmbH",
            "date": "2023-12",
            "summary": "For the warehouse platform migration.",
            "keywords": ["Kubernetes"],
        }
    ]
    assert resume["certificates"] == [
        {
            "name": "Certified Kubernetes Administrator",
            "issuer": "Example Certification Board",
            "url": "https://certs.example.org/cka/zoe",
            "date": "2020-06-15",
            "keywords": ["Kubernetes"],
        }
    ]
    assert resume["publications"] == [
        {
            "name": "Failover without fear: PostgreSQL on Kubernetes",
            "publisher": "Example Engineering Journal",
            "url": "https://journal.example.org/failover-without-fear",
            "releaseDate": "2022-05",
            "summary": "How the payment platform kept its databases available through node"
            " failures.",
            "keywords": ["PostgreSQL", "Kubernetes"],
        }
    ]


def test_resume_languages_interests_references_projects(resume: dict) -> None:
    assert resume["languages"] == [
        {"language": "Portuguese", "fluency": "Native speaker"},
        {"language": "Deutsch", "fluency": "Professional working proficiency"},
    ]
    assert resume["interests"] == [
        {"name": "Mountaineering", "keywords": ["Alps", "Via ferrata", "Tatra"]}
    ]
    assert resume["references"] == [
        {
            "name": "Jürgen Beispiel, CTO of Quellwerk Logistik",
            "reference": "Zoë turned a fragile platform into one the whole company trusts.",
        }
    ]
    assert resume["projects"] == [
        {
            "name": "Zero-downtime database upgrades",
            "type": "talk",
            "roles": ["Speaker", "Author"],
            "entity": "KubeCon Europe",
            "url": "https://talks.example.org/zero-downtime",
            "startDate": "2022-04",
            "endDate": "2022-04",
            "description": "A talk on upgrading PostgreSQL major versions on Kubernetes"
            " without downtime.",
            "highlights": ["Demo of a live upgrade of a production-sized cluster."],
            "keywords": ["PostgreSQL", "Kubernetes"],
        }
    ]


# -- LaTeX and the PDF -----------------------------------------------------------


def lines_of(pdf: Pdf) -> list[str]:
    """pdftotext's lines (reading order, no layout), white space squeezed, blank ones out."""
    return [one_line(line) for line in pdf.text().splitlines() if line.strip()]


@needs_latexmk
def test_pdf_fits_two_a4_pages(pdf: Pdf) -> None:
    assert not re.search(r"^! ", pdf.log, re.MULTILINE), "LaTeX errors"
    assert "(A4)" in pdf.info()["Page size"]
    assert pdf.pages() <= 2


@needs_latexmk
def test_pdf_header_holds_every_contact_value(pdf: Pdf) -> None:
    sty = (pdf.path.parent / "sphinxcv.sty").read_text(encoding="utf-8")
    links = re.search(r"\\newcommand\*\\sphinxcvlinks\{(.*)\}$", sty, re.MULTILINE)[1]
    assert rf"\sphinxcvlink{{mailto:{EMAIL}}}{{{EMAIL}}}" in links
    assert rf"\sphinxcvlink{{tel:+491705550199}}{{{PHONE}}}" in links
    assert rf"\sphinxcvplace{{{PLACE}}}" in links
    assert rf"\sphinxcvlink{{{WEBSITE}}}{{zoe.example.org}}" in links
    assert (
        rf"\sphinxcvlink{{{GITHUB}}}{{GitHub: github.example.org/zoe\sphinxhyphen{{}}fn}}" in links
    )
    first_page = one_line(pdf.text(1, 1))
    header = first_page[: first_page.index("I keep Kubernetes")]
    for value in (EMAIL, PHONE, PLACE, "zoe.example.org", *PROFILES):
        assert value in header
    targets = pdf.link_texts()
    assert one_line(targets[f"mailto:{EMAIL}"]) == EMAIL
    assert one_line(targets["tel:+491705550199"]) == PHONE
    assert one_line(targets[LINKEDIN]) == PROFILES[1]


@needs_latexmk
def test_pdf_dates_are_one_box(pdf: Pdf) -> None:
    dated = [e for e in ENTRIES if e.dates]
    for entry in dated:
        assert rf"{{\mbox{{{entry.dates}}}}}" in pdf.tex
    lines = lines_of(pdf)
    # each whole at the start of the line under its heading, before the details
    assert [e.dates for e in dated if not any(ln.startswith(e.dates) for ln in lines)] == []
    # the long heading takes two lines; its dates stay whole on the next
    assert WORK[1].heading not in lines
    assert any(line.startswith(WORK[1].dates) for line in lines)


@needs_latexmk
@pytest.mark.parametrize("number", range(len(WORK)), ids=[repr(e) for e in WORK])
def test_pdf_reads_heading_dates_details_summary(pdf: Pdf, number: int) -> None:
    entry, following = ENTRIES[number], ENTRIES[number + 1]
    text = one_line(pdf.text())
    at, end = text.index(entry.heading), text.index(following.heading)
    for part in (entry.dates, entry.details, entry.summary):
        found = text.find(part, at, end)
        assert found >= 0, (part, text[at:end])
        at = found + len(part)


@needs_latexmk
@pytest.mark.parametrize(
    "number",
    [n for n, e in enumerate(ENTRIES) if e.dates],
    ids=[repr(e) for e in ENTRIES if e.dates],
)
def test_pdf_reads_each_entrys_dates_right_after_its_heading(pdf: Pdf, number: int) -> None:
    """Not after the page's footer, even for the last entry of a page."""
    entry = ENTRIES[number]
    text = one_line(pdf.text())
    after = text[text.index(entry.heading) + len(entry.heading) :]
    assert after.startswith(f" {entry.dates} "), after[:200]


@needs_latexmk
def test_skills_label_keeps_to_its_first_skill(pdf: Pdf) -> None:
    labels = pdf.tex.count("Skills:")
    assert labels == WITH_SKILLS
    kept = re.findall(r"Skills:\}?(?:~|\\nobreakspace\b|\\nobreak\b|\xa0)", pdf.tex)
    assert len(kept) == labels
    assert [line for line in lines_of(pdf) if line.endswith("Skills:")] == []


# -- bad input -------------------------------------------------------------------


def test_each_entry_mistake_is_a_warning_at_its_line(
    make_app, rootdir: Path, tmp_path: Path
) -> None:
    app = make_app("html", srcdir=rootdir / "test-career-errors", builddir=tmp_path)
    app.build()
    warnings = app.warning.getvalue()
    index = rootdir / "test-career-errors" / "index.md"
    expected = [
        (5, "'2021-13' is not a date: month must be in 1..12", "entry-date"),
        (10, "the end 2019-12 is before the start 2020-05", "entry-date"),
        (16, "an end of 'present' needs a start", "entry-date"),
        (
            21,
            "unknown kind of CV entry 'job'; the kinds are work, volunteer, education,"
            " award, certificate, publication, language, interest, reference, project",
            "entry-kind",
        ),
        (
            25,
            "option 'degree' is not one of a work entry's (position, location, description,"
            " url, start, end, skills)",
            "entry-option",
        ),
    ]
    for line, message, subtype in expected:
        assert f"{index}:{line}: WARNING: {message} [cv.{subtype}]" in warnings
    assert warnings.count("[cv.") == len(expected)
    html = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    # the entries are kept, without the dates that are wrong
    assert [text_of(h) for h in html.select(".cv-entry-title")] == [
        "Engineer — Bad Month GmbH",
        "Engineer — Backwards AG",
        "Engineer — Open Ended KG",
        "Engineer — Wrong Option SA",
    ]
    assert html.select(".cv-entry-dates") == []


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_entry_mistakes_fail_the_build_without_a_traceback(
    rootdir: Path, tmp_path: Path, builder: str
) -> None:
    result = sphinx_build(builder, rootdir / "test-career-errors", tmp_path, "-W", "--keep-going")
    assert result.returncode != 0
    assert "index.md:5: WARNING: '2021-13' is not a date" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_profile_that_is_not_a_pair_is_a_config_warning(
    make_app, rootdir: Path, tmp_path: Path
) -> None:
    links = [("GitHub", GITHUB), "https://example.org/bare", ("Only a network",)]
    app = make_app(
        "html", srcdir=rootdir / "test-career", builddir=tmp_path, confoverrides={"cv_links": links}
    )
    app.build()
    warnings = app.warning.getvalue()
    assert warnings.count("[cv.config]") == 2
    assert "cv_links: 'https://example.org/bare' is not a (network, url)" in warnings
    assert [a["href"] for a in page(app, "index").select(".cv-profile a")] == [GITHUB]
