"""The person's header on the home page: the opening's headline and profile lines move into
it, with the contact list and the PDF; other pages have none."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from test_bad_input import CONF as CONF_BASE
from test_bad_input import assert_clean, build, write

HOME = """\
# Jane Doe

**Platform engineer.**

GitHub: <https://github.com/jane>

Ten years of running clusters and a few more words than a profile line.

Uses {skill}`Go`.

```{toctree}
skills
```
"""

CONF = 'cv_links = [("GitHub", "https://github.com/jane")]\ncv_pdf_url = "files/cv.pdf"\n'


def html(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(), "html.parser")


def test_header_takes_the_headline_and_the_profile_line_out_of_the_page(
    make_app, tmp_path: Path
) -> None:
    app = build(make_app, write(tmp_path, CONF, index=HOME))
    assert_clean(app)
    article = html(app, "index.html").select_one("article")
    header = article.select_one("h1 + div.cv-person")
    kept = [
        (p.get("class", []), " ".join(p.get_text().split()))
        for p in header.find_all("p", recursive=False)
    ]
    assert kept == [
        (["cv-headline"], "Platform engineer."),
        ([], "Download PDF"),
    ]
    assert [li["class"] for li in header.select("ul.cv-contact > li")] == [["cv-profile"]]
    download = header.select_one("a.cv-download")
    assert sorted(download["class"]) == [
        "cv-download",
        "external",
        "reference",
        "sd-btn",
        "sd-btn-primary",
    ]
    assert download["href"] == "files/cv.pdf"
    rest = [
        " ".join(p.get_text().split())
        for p in article.find_all("p")
        if not p.find_parent(class_="cv-person")
    ]
    assert rest[0].startswith("Ten years")  # the moved paragraphs are not left behind
    assert "Platform engineer." not in " ".join(rest)
    assert "github.com/jane" not in " ".join(rest)  # the profile line: in the contact list
    assert html(app, "skills.html").select_one(".cv-person") is None


def test_cv_headline_replaces_the_bold_paragraph_which_stays(make_app, tmp_path: Path) -> None:
    conf = 'cv_headline = "SRE,\\n  Kubernetes."\n'
    app = build(make_app, write(tmp_path, conf, index=HOME))
    article = html(app, "index.html").select_one("article")
    headline = article.select_one(".cv-person > p.cv-headline")
    assert headline.get_text() == "SRE, Kubernetes."
    assert article.select_one(".cv-person strong") is None
    assert "Platform engineer." in article.get_text()  # not the headline: left in the page


def test_home_page_in_a_folder_links_the_pdf_from_there(make_app, tmp_path: Path) -> None:
    srcdir = write(tmp_path, CONF + 'root_doc = "cv/index"\n', index="# Other\n")
    (srcdir / "cv").mkdir()
    (srcdir / "cv" / "index.md").write_text(HOME.replace("skills\n", "../skills\n"))
    app = build(make_app, srcdir)
    download = html(app, "cv/index.html").select_one("a.cv-download")
    assert download["href"] == "../files/cv.pdf"


PERSON = {  # the values the header shows: the first build's, then the one changed to
    "cv_headline": ("Old line.", "New line."),
    "cv_email": ("jane@example.org", "roe@example.org"),
    "cv_phone": ("+1 555 0100", "+1 555 0199"),
    "cv_website": ("https://jane.example.org/", "https://roe.example.org/"),
    "cv_location": ("Berlin, Germany", "Paris, France"),
    "cv_links": ([("GitHub", "https://github.com/jane")], [("GitLab", "https://gitlab.com/roe")]),
}


def conf(values: dict) -> str:
    # without the web features, whose JSON-LD person rewrites every page when it changes:
    # the header alone, which the pages read again show
    values = {"cv_web_features": False, **values}
    return CONF_BASE + "".join(f"{name} = {value!r}\n" for name, value in values.items())


def shown(app) -> dict:
    """The person's values as the home page's header shows them."""
    header = html(app, "index.html").select_one(".cv-person")
    return {
        "cv_headline": header.select_one(".cv-headline").get_text(),
        "cv_email": header.select_one(".cv-email a")["href"]
        .replace("%40", "@")
        .removeprefix("mailto:"),
        "cv_phone": header.select_one(".cv-phone a").get_text(),
        "cv_website": header.select_one(".cv-website a")["href"],
        "cv_location": header.select_one(".cv-location").get_text(strip=True),
        "cv_links": [
            (a.get_text().partition(":")[0], a["href"]) for a in header.select(".cv-profile a")
        ],
    }


def test_each_person_value_reaches_the_home_page_on_an_incremental_build(
    make_app, tmp_path: Path
) -> None:
    """Each value, changed alone in conf.py, has the pages read again (Sphinx's "env")."""
    values = {name: first for name, (first, _) in PERSON.items()}
    srcdir = write(tmp_path / "src", index=HOME)
    (srcdir / "conf.py").write_text(conf(values), encoding="utf-8")
    app = build(make_app, srcdir, builddir=tmp_path / "build")
    assert shown(app) == values
    for name, (_, changed) in PERSON.items():
        app.cleanup()
        values[name] = changed
        (srcdir / "conf.py").write_text(conf(values), encoding="utf-8")  # no page changes
        app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
        app.build()
        assert shown(app) == values, name


def test_a_link_within_the_home_page_leaves_its_line_in_the_page(make_app, tmp_path: Path) -> None:
    """A link to a section of the home page itself (no URL) is not a profile link."""
    home = HOME.replace(
        "Uses {skill}`Go`.", "See {ref}`work`.\n\n(work)=\n## Work\n\nUses {skill}`Go`."
    )
    app = build(make_app, write(tmp_path, CONF, index=home))
    assert_clean(app)
    article = html(app, "index.html").select_one("article")
    assert article.select_one(".cv-person a[href='#work']") is None
    link = article.select_one("p > a[href='#work']")
    assert " ".join(link.parent.get_text().split()) == "See Work."
