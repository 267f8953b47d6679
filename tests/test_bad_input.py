"""Bad input, as a careless or hostile author writes it: a clear message, never a traceback.

Each case builds a small project written into ``tmp_path`` and checks three things: the
message (file:line or the configuration value), the exit status under ``-W`` (Sphinx's
``statuscode`` with warnings as errors, or ``python -m sphinx -W`` in a subprocess), and
the output (escaped text, no link, nothing counted that the output does not show).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from conftest import sphinx_build
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

CONF = """\
extensions = ["myst_parser", "sphinx_cv"]
project = "Jane Doe's CV"
author = "Jane Doe"
exclude_patterns = ["_build"]
html_baseurl = "https://jane.example.org/"
"""

INDEX = "# Jane Doe\n\nUses {skill}`Go`.\n\n```{toctree}\nskills\n```\n"
SKILLS = "# Skills\n\n## Languages\n\n```{cv:skill} Go\n\nCompiled language.\n```\n"


def write(srcdir: Path, conf: str = "", **pages: str) -> Path:
    """A project: ``CONF`` plus *conf*, and *pages* (``name="text"``, ``.md`` added)."""
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(CONF + conf, encoding="utf-8")
    for name, text in {"index": INDEX, "skills": SKILLS, **pages}.items():
        (srcdir / f"{name.replace('__', ',')}.md").write_text(text, encoding="utf-8")
    return srcdir


def build(make_app, srcdir: Path, builder: str = "html", **kwargs) -> SphinxTestApp:
    """Build with warnings as errors (``-W --keep-going``): ``statuscode`` is the exit status."""
    app = make_app(builder, srcdir=srcdir, warningiserror=True, freshenv=True, **kwargs)
    app.build()
    return app


def page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / name).read_text(encoding="utf-8"), "html.parser")


def person(app: SphinxTestApp) -> dict:
    script = page(app, "index.html").find("script", type="application/ld+json")
    return json.loads(script.string)


def warnings(app: SphinxTestApp) -> str:
    """The warnings with the source folder left out of their locations."""
    return strip_colors(app.warning.getvalue()).replace(str(app.srcdir) + "/", "")


def assert_clean(app: SphinxTestApp) -> None:
    assert warnings(app) == ""
    assert app.statuscode == 0


# -- configuration values of the wrong shape: an error at start-up ------------------

BAD_CONFIG = {
    "links-string": ('cv_links = "https://github.com/me"', "expected a list, each item a (network"),
    "links-url": (
        'cv_links = ["https://github.com/me"]',
        "cv_links: 'https://github.com/me' is not a (network, url) or (network, url, username)"
        " tuple of strings, such as ('GitHub', 'https://github.com/me'), the url an http, https,"
        " mailto or tel URL; it is left out",
    ),
    "links-four": (
        'cv_links = [("GitHub", "https://github.com/me", "me", "x")]',
        "cv_links: ('GitHub', 'https://github.com/me', 'me', 'x') is not a (network, url)",
    ),
    "links-number": ('cv_links = [("GitHub", 42)]', "cv_links: ('GitHub', 42) is not a"),
    "links-dict": ('cv_links = {"GitHub": "https://github.com/me"}', "expected a list, each"),
    "links-javascript": (
        'cv_links = [("Me", "javascript:alert(1)")]',
        "cv_links: ('Me', 'javascript:alert(1)') is not a (network, url)",
    ),
    "links-javascript-spaced": (
        'cv_links = [("Me", " JavaScript:alert(1)")]',
        "cv_links: ('Me', ' JavaScript:alert(1)') is not a",
    ),
    "links-relative": ('cv_links = [("Me", "github.com/me")]', "('Me', 'github.com/me') is not"),
    "links-data": ('cv_links = [("Me", "data:text/html,<b>x</b>")]', "it is left out"),
    "paper-a5": (
        'cv_paper = "a5"',
        "cv_paper = 'a5' in conf.py: expected 'a4' or 'letter'; using 'a4'",
    ),
    "paper-none": ("cv_paper = None", "cv_paper = None in conf.py: expected 'a4' or 'letter'"),
    "name-none": (
        "cv_name = None",
        "cv_name = None in conf.py: expected the person's name, a string that is not empty;"
        " using 'Jane Doe'",
    ),
    "name-empty": ('cv_name = ""', "cv_name = '' in conf.py: expected the person's name"),
    "name-blank": ('cv_name = "  \\n"', "cv_name = '  \\n' in conf.py: expected the person's"),
    "base-url-no-scheme": (
        'cv_base_url = "jane.example.org/cv/"',
        "cv_base_url = 'jane.example.org/cv/' in conf.py: expected an absolute http or https URL,"
        " such as 'https://me.example.org/'; using 'https://jane.example.org/'",
    ),
    "base-url-ftp": ('cv_base_url = "ftp://jane.example.org/"', "expected an absolute http"),
    "base-url-number": ("cv_base_url = 42", "cv_base_url = 42 in conf.py: expected a string"),
    "html-baseurl-no-scheme": (
        'html_baseurl = "jane.example.org"',
        "cv_base_url = 'jane.example.org' in conf.py: expected an absolute http or https URL",
    ),
    "headline-list": (
        'cv_headline = ["Engineer"]',
        "cv_headline = ['Engineer'] in conf.py: expected a string; using ''",
    ),
    "pdf-url-javascript": (
        'cv_pdf_url = "javascript:alert(1)"',
        "cv_pdf_url = 'javascript:alert(1)' in conf.py: expected an http or https URL or a path",
    ),
    "email-javascript": (
        'cv_email = "javascript:alert(1)"',
        "cv_email = 'javascript:alert(1)' in conf.py: expected an e-mail address, such as"
        " 'me@example.org'; using ''",
    ),
    "email-list": ('cv_email = ["me@example.org"]', "expected an e-mail address"),
    "phone-number": ("cv_phone = 4930123", "cv_phone = 4930123 in conf.py: expected a string"),
    "website-javascript": (
        'cv_website = "javascript:alert(1)"',
        "cv_website = 'javascript:alert(1)' in conf.py: expected an absolute http or https URL",
    ),
    "website-relative": ('cv_website = "me.example.org"', "expected an absolute http or https"),
    "location-list": (
        'cv_location = ["Berlin"]',
        "cv_location = ['Berlin'] in conf.py: expected text such as 'Berlin, Germany' or a dict"
        " of address, postalCode, city, region, countryCode with text values; using ''",
    ),
    "location-key": ('cv_location = {"town": "Berlin"}', "expected text such as 'Berlin"),
    "location-number": ('cv_location = {"postalCode": 10115}', "with text values"),
    "pdf-glossary-string": ('cv_pdf_glossary = "yes"', "expected True or False; using False"),
    "pdf-index-string": ('cv_pdf_index = "no"', "cv_pdf_index = 'no' in conf.py: expected True"),
    "pdf-hyphenation-string": (
        'cv_pdf_hyphenation = "de"',
        "cv_pdf_hyphenation = 'de' in conf.py: expected True or False; using False",
    ),
    "pdf-preload-string": (
        'cv_pdf_preload = "off"',
        "cv_pdf_preload = 'off' in conf.py: expected True or False; using True",
    ),
    "link-mentions-unknown": (
        'cv_link_mentions = "some"',
        "cv_link_mentions = 'some' in conf.py: expected 'first' or 'all'; using 'first'",
    ),
    "web-features-string": (
        'cv_web_features = "no"',
        "cv_web_features = 'no' in conf.py: expected True or False; using True",
    ),
}


@pytest.mark.parametrize(("line", "message"), BAD_CONFIG.values(), ids=BAD_CONFIG)
def test_config_value_of_the_wrong_shape_is_an_error_at_start_up(
    make_app, tmp_path: Path, line: str, message: str
) -> None:
    app = build(make_app, write(tmp_path, line + "\n"))
    assert app.statuscode == 1
    assert warnings(app).startswith("ERROR: ")
    assert message in warnings(app)
    assert warnings(app).count("\n") == 1 and warnings(app).endswith(" [cv.config]\n")
    # the build goes on with the default: a page of the person, none of the bad value
    data = person(app)
    assert data["name"] == "Jane Doe"
    assert "alert" not in json.dumps(data) and data.get("sameAs", []) == []


GOOD_CONFIG = {
    "links-with-username": 'cv_links = [("GitHub", "https://github.com/me", "me")]',
    "links-mailto-tel": 'cv_links = [("Mail", "mailto:me@example.org"), ("Phone", "tel:+4930")]',
    "links-tuple": 'cv_links = (["GitHub", "https://github.com/me"],)',
    "paper-letter": 'cv_paper = "letter"',
    "no-base-url": 'html_baseurl = ""',
    "pdf-url-path": 'cv_pdf_url = "files/cv.pdf"',
    "contact": 'cv_email = "me@example.org"\ncv_phone = "+49 30 1234"\ncv_website = "https://me.example"',
    "location-dict": 'cv_location = {"city": "Berlin", "countryCode": "DE"}',
}


@pytest.mark.parametrize("line", GOOD_CONFIG.values(), ids=GOOD_CONFIG)
def test_config_value_of_the_right_shape_builds(make_app, tmp_path: Path, line: str) -> None:
    app = build(make_app, write(tmp_path, line + "\n"))
    assert_clean(app)


def test_profiles_of_the_right_shape_are_kept(make_app, tmp_path: Path) -> None:
    links = '[("GitHub", "https://github.com/me"), ("Bad", "javascript:x"), ("Only",)]'
    app = build(make_app, write(tmp_path, f"cv_links = {links}\n"))
    assert warnings(app).count("[cv.config]") == 2
    assert person(app)["sameAs"] == ["https://github.com/me"]


def test_no_name_anywhere_falls_back_to_anonymous(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, 'author = ""\nproject = " "\n'))
    assert "cv_name = '' in conf.py: expected the person's name" in warnings(app)
    assert "using 'Anonymous'" in warnings(app)
    assert person(app)["name"] == "Anonymous"


def test_empty_name_and_author_fall_back_to_the_project(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, 'author = ""\nproject = "Jane Q"\n'))
    assert "cv_name = '' in conf.py" in warnings(app)
    assert person(app)["name"] == "Jane Q"


@pytest.mark.parametrize("line", [BAD_CONFIG["paper-a5"][0], BAD_CONFIG["links-url"][0]])
def test_config_error_fails_under_w_with_no_traceback(tmp_path: Path, line: str) -> None:
    srcdir = write(tmp_path / "src", line + "\n")
    result = sphinx_build("html", srcdir, tmp_path / "out", "-W", "--keep-going")
    assert result.returncode == 1
    assert "ERROR: cv_" in result.stderr and "[cv.config]" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert sphinx_build("html", srcdir, tmp_path / "out2").returncode == 0


# -- markup in the CV's text never reaches the pages as markup -----------------------

XSS = "<img src=x onerror=alert(1)>"


def test_html_in_a_category_option_is_text(make_app, tmp_path: Path) -> None:
    skills = f"# Skills\n\n```{{cv:skill}} Go\n:category: {XSS}\n\nLanguage.\n```\n"
    app = build(make_app, write(tmp_path, skills=skills))
    assert_clean(app)
    categories = page(app, "cv-categories.html")
    assert categories.find("img", src="x") is None
    assert XSS in [s.get_text() for s in categories.select("tr.cap strong")]


def test_html_in_a_section_title_category_is_text(make_app, tmp_path: Path) -> None:
    skills = f"# Skills\n\n## Tools & {XSS}\n\n```{{cv:skill}} Go\n\nLanguage.\n```\n"
    app = build(make_app, write(tmp_path, skills=skills))
    categories = page(app, "cv-categories.html")
    assert categories.find("img", src="x") is None
    assert f"Tools & {XSS}" in categories.get_text()
    assert "Tools &amp; &lt;img" in (Path(app.outdir) / "cv-categories.html").read_text()


def test_html_in_a_page_title_is_text_on_the_projects_page(make_app, tmp_path: Path) -> None:
    index = INDEX.replace("skills\n", "skills\nwork\n")
    work = f"# Work {XSS}\n\n```{{cv:entry}} Autoscaler\n:skills: Go\n```\n"
    app = build(make_app, write(tmp_path, index=index, work=work))
    assert_clean(app)
    # (the theme's navigation shows the title as the page's own HTML: MyST's inline HTML)
    entries = page(app, "cv-entries.html").select_one("article")
    assert entries.find("img", src="x") is None
    assert f"Work {XSS}" in [s.get_text() for s in entries.select("tr.cap strong")]


def test_html_in_a_section_title_is_text_in_the_skills_index(make_app, tmp_path: Path) -> None:
    index = INDEX.replace("Uses {skill}`Go`.", f"## Talks {XSS}\n\nUses {{skill}}`Go`.")
    app = build(make_app, write(tmp_path, index=index))
    skills = page(app, "cv-skills.html")
    assert skills.find("img", src="x") is None
    assert f"Jane Doe › Talks {XSS}" in skills.get_text()


def test_cv_pdf_url_stays_inside_its_attribute(make_app, tmp_path: Path) -> None:
    pdf = 'https://x.example/cv.pdf" onmouseover="alert(1)'
    conf = f"cv_pdf_url = {pdf!r}\nhtml_sidebars = {{'**': ['sidebar/cv-indexes.html']}}\n"
    app = build(make_app, write(tmp_path, conf))
    assert_clean(app)
    link = page(app, "index.html").find("a", string="PDF")
    assert link["href"] == pdf
    assert not link.has_attr("onmouseover")


def test_skill_name_cannot_end_the_json_ld_script(make_app, tmp_path: Path) -> None:
    skills = "# Skills\n\n```{cv:skill} a</script><script>alert(1)//\n\nOdd.\n```\n"
    app = build(
        make_app, write(tmp_path, skills=skills, index="# Jane Doe\n\n```{toctree}\nskills\n```\n")
    )
    html = (Path(app.outdir) / "index.html").read_text()
    assert "</script><script>alert(1)" not in html
    assert person(app)["knowsAbout"] == ["a</script><script>alert(1)//"]


# -- only http, https, mailto and tel URLs become links -------------------------------

NOT_LINKS = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<b>x</b>",
    "vbscript:msgbox(1)",
    "ftp://files.example.org/x",
    "docs/other-page",
    "//evil.example/x",
]


@pytest.mark.parametrize("url", NOT_LINKS)
def test_skill_url_that_is_not_a_link_is_left_out(make_app, tmp_path: Path, url: str) -> None:
    skills = f"# Skills\n\n```{{cv:skill}} Go\n:url: {url}\n\nLanguage.\n```\n"
    app = build(make_app, write(tmp_path, skills=skills))
    assert app.statuscode == 1
    assert warnings(app) == (
        f"skills.md:3: WARNING: :url: {url!r} is not an absolute http, https, mailto, tel URL;"
        " it is left out [cv.url]\n"
    )
    assert page(app, "skills.html").select("a.reference.external") == []


def _work(url: str) -> str:
    """A home page with a current job at *url*."""
    entry = f"```{{cv:work}} Acme\n:url: {url}\n:start: 2021\n:skills: Go\n```\n\n"
    return f"# Jane Doe\n\n{entry}```{{toctree}}\nskills\n```\n"


@pytest.mark.parametrize("url", NOT_LINKS)
def test_entry_url_that_is_not_a_link_is_left_out(make_app, tmp_path: Path, url: str) -> None:
    app = build(make_app, write(tmp_path, index=_work(url)))
    assert app.statuscode == 1
    assert f"index.md:3: WARNING: :url: {url!r} is not an absolute" in warnings(app)
    card = page(app, "index.html").find(id="entry-acme").find_parent(class_="cv-entry")
    assert card.select_one(".cv-entry-title").get_text() == "Acme"
    assert card.select_one(".cv-entry-title a") is None
    assert person(app)["worksFor"] == [{"@type": "Organization", "name": "Acme"}]
    resume = json.loads((Path(app.outdir) / "resume.json").read_text())
    assert "url" not in resume["work"][0]


@pytest.mark.parametrize(
    "url", ["mailto:jane@example.org", "tel:+49301234", "HTTPS://x.example", "http://x.example/a"]
)
def test_entry_url_that_is_a_link_stays(make_app, tmp_path: Path, url: str) -> None:
    app = build(make_app, write(tmp_path, index=_work(url)))
    assert_clean(app)
    card = page(app, "index.html").find(id="entry-acme").find_parent(class_="cv-entry")
    assert unquote(card.select_one(".cv-entry-title a")["href"]) == url
    assert person(app)["worksFor"][0]["url"] == url


# -- what used to be a traceback ---------------------------------------------------------

ORPHAN = "---\norphan: true\n---\n# Notes\n\nAlso {skill}`Go`.\n"


GLOSSARY = "cv_pdf_glossary = True\n"  # the PDF shows the definitions, with the pages they are used


def test_mention_in_an_orphan_page_is_left_out_of_the_pdf(make_app, tmp_path: Path) -> None:
    conf = 'latex_documents = [("index", "jane.tex", "Jane Doe", "Jane Doe", "manual")]\n'
    conf += GLOSSARY
    app = build(make_app, write(tmp_path, conf, notes=ORPHAN), "latex")
    assert_clean(app)
    tex = (Path(app.outdir) / "jane.tex").read_text()
    assert r"\sphinxcvpage{\detokenize{index:skill-mention-0}}" in tex
    assert "notes:" not in tex  # not in the "Used in" pages, nor in the skills index


def test_mention_in_an_orphan_page_is_listed_on_the_site(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, notes=ORPHAN))
    assert_clean(app)
    usage = page(app, "skills.html").select_one("p.cv-skill-usage")
    assert [a.get_text() for a in usage.select("a")] == ["Jane Doe", "Notes"]


def test_headline_with_a_blank_line_is_one_line(make_app, tmp_path: Path) -> None:
    conf = 'cv_headline = "Platform engineer.\\n\\nKubernetes."\n'
    app = build(make_app, write(tmp_path, conf), "latex")
    assert_clean(app)
    sty = (Path(app.outdir) / "sphinxcv.sty").read_text()
    assert r"\newcommand*\sphinxcvheadline{Platform engineer. Kubernetes.}" in sty


def test_headline_with_a_blank_line_is_one_line_on_the_site(make_app, tmp_path: Path) -> None:
    conf = 'cv_headline = "Platform engineer.\\n\\nKubernetes."\n'
    app = build(make_app, write(tmp_path, conf))
    assert person(app)["description"] == "Platform engineer. Kubernetes."


# -- silently wrong output ---------------------------------------------------------------

ONLY_LATEX = (
    "# Jane Doe\n\n```{only} latex\nIn print: {skill}`Go`.\n```\n\n```{toctree}\nskills\n```\n"
)


def test_mention_only_in_latex_is_not_counted_on_the_site(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, index=ONLY_LATEX))
    assert_clean(app)
    assert page(app, "skills.html").select_one("p.cv-skill-usage") is None
    rows = [" ".join(tr.get_text().split()) for tr in page(app, "cv-skills.html").select("tr")]
    assert rows[-1] == "Go (Languages)"  # and no place under it
    assert "skill-mention" not in (Path(app.outdir) / "cv-skills.html").read_text()


def test_mention_only_in_latex_is_counted_in_the_pdf(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, GLOSSARY, index=ONLY_LATEX), "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert r"\sphinxcvpage{\detokenize{index:skill-mention-0}}" in tex


def test_mention_in_nested_only_needs_both_conditions(make_app, tmp_path: Path) -> None:
    index = ONLY_LATEX.replace("```{only} latex\n", "````{only} html\n```{only} latex\n")
    index = index.replace("`Go`.\n```\n", "`Go`.\n```\n````\n")
    app = build(make_app, write(tmp_path, index=index))
    assert page(app, "skills.html").select_one("p.cv-skill-usage") is None


def test_mention_only_in_html_is_counted_on_the_site(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, index=ONLY_LATEX.replace("only} latex", "only} html")))
    usage = page(app, "skills.html").select_one("p.cv-skill-usage")
    assert usage.select_one("a")["href"].startswith("index.html#skill-mention-")


@pytest.mark.parametrize("listed", ["Go, Go, Go", "Go, go", "Go,  GO "])
def test_skill_listed_twice_in_an_entry_counts_once(make_app, tmp_path: Path, listed: str) -> None:
    index = f"# Jane Doe\n\n```{{cv:entry}} Autoscaler\n:skills: {listed}\n```\n\n"
    app = build(make_app, write(tmp_path, index=index + "```{toctree}\nskills\n```\n"))
    assert app.statuscode == 1
    assert "index.md:3: WARNING: skill 'Go' is listed twice in :skills:; it counts once" in (
        warnings(app).replace("'go'", "'Go'").replace("'GO'", "'Go'")
    )
    skills_line = page(app, "index.html").select_one("p.cv-entry-skills")
    assert [a.get_text() for a in skills_line.select("a")] == ["Go"]
    assert len(app.env.domains["cv"].mentions_by_skill()["go"]) == 1


def test_skill_listed_by_name_and_alias_counts_once(make_app, tmp_path: Path) -> None:
    index = "# Jane Doe\n\n```{cv:entry} Autoscaler\n:skills: Go, golang\n```\n\n"
    skills = SKILLS.replace("{cv:skill} Go\n", "{cv:skill} Go\n:aliases: golang\n")
    app = build(
        make_app, write(tmp_path, index=index + "```{toctree}\nskills\n```\n", skills=skills)
    )
    assert app.statuscode == 1
    assert warnings(app) == (
        "index.md:3: WARNING: 'golang' in :skills: is skill 'Go', listed already; it counts once"
        " [cv.skills]\n"
    )
    assert len(app.env.domains["cv"].mentions_by_skill()["go"]) == 1


@pytest.mark.parametrize(
    ("aliases", "why"), [("Go", "its own name"), ("GO ", "its own name"), ("go", "its own name")]
)
def test_alias_equal_to_the_name_is_not_an_alias(
    make_app, tmp_path: Path, aliases: str, why: str
) -> None:
    skills = f"# Skills\n\n```{{cv:skill}} Go\n:aliases: golang, {aliases}\n\nLanguage.\n```\n"
    app = build(make_app, write(tmp_path, skills=skills))
    assert app.statuscode == 1
    alias = aliases.strip()
    assert warnings(app) == (
        f"skills.md:3: WARNING: alias {alias!r} of skill 'Go' is {why}; it is left out [cv.alias]\n"
    )
    assert app.env.domains["cv"].skills["go"].aliases == ("golang",)
    shown = [dt.get_text() for dt in page(app, "skills.html").select("dt.cv-skill-alias")]
    assert shown == ["golang"]


def test_alias_listed_twice_is_one_alias(make_app, tmp_path: Path) -> None:
    skills = "# Skills\n\n```{cv:skill} Go\n:aliases: golang, GoLang\n\nLanguage.\n```\n"
    app = build(make_app, write(tmp_path, skills=skills))
    assert app.statuscode == 1
    assert "WARNING: alias 'GoLang' of skill 'Go' is listed twice; it is left out" in (
        warnings(app)
    )
    assert app.env.domains["cv"].skills["go"].aliases == ("golang",)


@pytest.mark.parametrize(
    ("caption", "shown"),
    [
        ("Uses {skill}`Go`", "Uses Go"),
        ("{skill}`the language <Go>` and more", "the language and more"),
        ("{cv:skill}`Go`", "Go"),
    ],
)
def test_role_in_a_toctree_caption_is_its_text(
    make_app, tmp_path: Path, caption: str, shown: str
) -> None:
    index = f"# Jane Doe\n\n```{{toctree}}\n:caption: {caption}\n\nskills\n```\n"
    app = build(make_app, write(tmp_path, index=index))
    assert app.statuscode == 1
    assert warnings(app) == (
        f"index.md:3: WARNING: roles are not read in a toctree caption: {caption!r} is shown as"
        f" {shown!r} [cv.caption]\n"
    )
    captions = {c.get_text() for c in page(app, "index.html").select(".caption-text")}
    assert shown in captions


def test_role_in_a_restructuredtext_toctree_caption(make_app, tmp_path: Path) -> None:
    srcdir = write(tmp_path)
    (srcdir / "index.md").unlink()
    (srcdir / "index.rst").write_text(
        "Jane Doe\n========\n\n.. toctree::\n   :caption: With :skill:`Go`\n\n   skills\n"
    )
    app = build(make_app, srcdir)
    assert "index.rst:4: WARNING: roles are not read in a toctree caption" in warnings(app)
    assert "With Go" in page(app, "index.html").get_text()


# -- other mistakes: reported where they are ------------------------------------------


@pytest.mark.parametrize(
    ("skill", "message"),
    [
        (
            ":aliases:",
            "skills.md:4: WARNING: 'cv:skill': Invalid option value for 'aliases': None: expected"
            " a comma-separated list of names",
        ),
        (
            ":aliases: a,,b",
            "skills.md:4: WARNING: 'cv:skill': Invalid option value for 'aliases': a,,b: empty"
            " name in 'a,,b'",
        ),
        (":category:", "skills.md:4: WARNING: 'cv:skill': Invalid option value for 'category'"),
        (":colour: red", "skills.md:4: WARNING: 'cv:skill': Unknown option key: 'colour'"),
    ],
)
def test_bad_skill_option_is_reported(make_app, tmp_path: Path, skill: str, message: str) -> None:
    skills = f"# Skills\n\n```{{cv:skill}} Go\n{skill}\n\nLanguage.\n```\n"
    app = build(make_app, write(tmp_path, skills=skills))
    assert app.statuscode == 1
    assert message in warnings(app)
    assert "Traceback" not in warnings(app)


def test_unknown_entry_reference_is_reported(make_app, tmp_path: Path) -> None:
    index = INDEX + "\nSee {cv:entry}`Nothing`.\n"
    app = build(make_app, write(tmp_path, index=index))
    assert app.statuscode == 1
    assert "index.md:9: WARNING: unknown CV entry: 'Nothing'" in warnings(app)


def test_unknown_skill_is_reported_with_a_suggestion(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, index=INDEX.replace("`Go`", "`Goo`")))
    assert app.statuscode == 1
    assert warnings(app) == (
        "index.md:3: WARNING: unknown skill 'Goo'; did you mean 'Go'? [cv.unknown-skill]\n"
    )
    assert page(app, "index.html").find("a", string="Goo") is None
    assert "Uses Goo." in page(app, "index.html").get_text()


def test_unknown_skill_between_two_mentions_leaves_the_repeat_as_text(
    make_app, tmp_path: Path
) -> None:
    """The unknown name is reported and read as text; the mention of Go after it is still
    a repeat in its section, text as well."""
    index = INDEX.replace("Uses {skill}`Go`.", "Uses {skill}`Go`, {skill}`Goo` and {skill}`go`.")
    app = build(make_app, write(tmp_path, index=index))
    assert app.statuscode == 1
    assert "index.md:3: WARNING: unknown skill 'Goo'" in warnings(app)
    paragraph = page(app, "index.html").select_one("article p")
    assert [a.get_text() for a in paragraph.find_all("a")] == ["Go"]
    assert paragraph.get_text() == "Uses Go, Goo and go."


def test_entry_without_a_title_is_reported(make_app, tmp_path: Path) -> None:
    index = INDEX + "\n```{cv:entry}\n```\n"
    app = build(make_app, write(tmp_path, index=index))
    assert app.statuscode == 1
    assert "index.md:9: ERROR: Directive 'cv:entry': 1 argument(s) required, 0 supplied" in (
        warnings(app)
    )


def test_duplicate_skill_is_reported_at_the_second_definition(make_app, tmp_path: Path) -> None:
    more = "# More\n\n```{cv:skill} GO\n\nAgain.\n```\n"
    index = INDEX.replace("skills\n", "skills\nmore\n")
    app = build(make_app, write(tmp_path, index=index, more=more))
    assert app.statuscode == 1
    # documents are read in name order: more.md first
    assert warnings(app) == (
        "skills.md:5: WARNING: duplicate definition of skill 'Go', defined in more.md:3"
        " [cv.duplicate-skill]\n"
    )
    assert page(app, "index.html").select_one("a[href='more.html#skill-go']") is not None


# -- an incremental build after a fix equals a clean build ----------------------------

SECOND = {
    "duplicate": "# More\n\n```{cv:skill} Go\n\nAgain.\n```\n",
    "alias": "# More\n\n```{cv:skill} Golang tools\n:aliases: go\n\nTools.\n```\n",
}


def _html(outdir: Path) -> dict[str, str]:
    return {
        str(p.relative_to(outdir)): str(
            BeautifulSoup(p.read_text(), "html.parser").select_one("div[role=main], article")
        )
        for p in sorted(outdir.glob("*.html"))
    }


def _build_into(make_app, srcdir: Path, builddir: Path, **kwargs) -> SphinxTestApp:
    """Build *srcdir* into *builddir* (incrementally, when built there before)."""
    app = make_app("html", srcdir=srcdir, builddir=builddir, warningiserror=True, **kwargs)
    app.build()
    app.cleanup()  # the next application registers its nodes afresh
    return app


@pytest.mark.parametrize("kind", SECOND)
@pytest.mark.parametrize("fixed", ["skills.md", "more.md"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_incremental_build_after_a_fix_equals_a_clean_build(
    make_app, tmp_path: Path, kind: str, fixed: str, jobs: int
) -> None:
    """skills.md and more.md both define Go (or more.md takes it as an alias); one is fixed.

    more.md is read first and wins: fixing it gives the name back to skills.md. The first
    build reads in parallel with *jobs* 2 (more than 5 pages), merging what each reader kept.
    """
    extra = {f"page{n}": f"# Page {n}\n\nOn {{skill}}`Go`.\n" for n in range(4)}
    index = INDEX.replace("skills\n", "skills\nmore\n" + "".join(f"{p}\n" for p in extra))
    srcdir = write(tmp_path / "src", index=index, more=SECOND[kind], **extra)
    first = _build_into(make_app, srcdir, tmp_path / "out", parallel=jobs)
    assert first.statuscode == 1
    assert "[cv.duplicate-skill]" in warnings(first)
    (srcdir / fixed).write_text(f"# {fixed}\n")
    incremental = _build_into(make_app, srcdir, tmp_path / "out")
    clean = _build_into(make_app, srcdir, tmp_path / "clean")
    assert warnings(incremental) == warnings(clean) == ""
    assert incremental.statuscode == clean.statuscode == 0
    assert _html(tmp_path / "out" / "html") == _html(tmp_path / "clean" / "html")


def test_unknown_skill_suggests_the_three_closest_names(make_app, tmp_path: Path) -> None:
    skills = "# Skills\n\n" + "".join(
        f"```{{cv:skill}} Golang {n}\n\nA language.\n```\n\n" for n in range(5)
    )
    index = "# Jane Doe\n\nUses {skill}`Golang`.\n\n```{toctree}\nskills\n```\n"
    app = build(make_app, write(tmp_path, index=index, skills=skills))
    assert warnings(app) == (
        "index.md:3: WARNING: unknown skill 'Golang'; did you mean 'Golang 4' or 'Golang 3' or"
        " 'Golang 2'? [cv.unknown-skill]\n"
    )


# -- the PDF keeps what the site shows -------------------------------------------------


def test_pdf_keywords_hold_the_most_used_skills_only(make_app, tmp_path: Path) -> None:
    skills = "# Skills\n\n" + "".join(
        f"```{{cv:skill}} Skill {n:03}\n\nNumber {n}.\n```\n\n" for n in range(250)
    )
    index = "# Jane Doe\n\nUses {skill}`Skill 249` and {skill}`Skill 220`.\n\n"
    app = build(
        make_app,
        write(tmp_path, skills=skills, index=index + "```{toctree}\nskills\n```\n"),
        "latex",
    )
    assert_clean(app)
    sty = (Path(app.outdir) / "sphinxcv.sty").read_text()
    keywords = re.search(r"pdfkeywords=\{([^}]*)\}", sty)[1].split(", ")
    assert len(keywords) == 200
    assert {"Skill 249", "Skill 220", "Skill 000"} <= set(keywords)
    assert "Skill 248" not in keywords
    assert keywords == sorted(keywords)


def test_page_named_with_a_comma_keeps_its_label_whole(make_app, tmp_path: Path) -> None:
    index = INDEX.replace("skills\n", "skills\na,b\n")
    app = build(
        make_app,
        write(tmp_path, GLOSSARY, index=index, a__b="# Talks\n\nOn {skill}`Go`.\n"),
        "latex",
    )
    assert_clean(app)
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert r"\sphinxcvpage{\detokenize{a,b:skill-mention-0}}" in tex
    assert r"\sphinxcvpages{\sphinxcvpage{" in tex


def _font_for(char: str) -> str | None:
    from sphinx_cv.latex.fonts import font_for, text_font_has

    if not text_font_has():
        pytest.skip("no fontconfig")
    return font_for(char)


XELATEX = 'latex_engine = "xelatex"\nlatex_theme = "cv"\nlatex_use_xindy = False\n'


def test_character_the_text_font_lacks_is_set_in_a_font_that_has_it(
    make_app, tmp_path: Path
) -> None:
    font = _font_for("⠁")  # Braille: DejaVu Sans has it, FreeSerif not
    if font is None:
        pytest.skip("no installed font has Braille")
    index = INDEX.replace("Uses", "Reads ⠁⠃ and uses")
    app = build(make_app, write(tmp_path, XELATEX, index=index), "latex")
    assert_clean(app)
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert rf"Reads \sphinxcvfont{{{font}}}{{⠁⠃}} and uses" in tex


def test_the_header_sets_characters_the_text_font_lacks_in_a_font_that_has_them(
    make_app, tmp_path: Path
) -> None:
    font = _font_for("⠁")
    if font is None:
        pytest.skip("no installed font has Braille")
    conf = XELATEX + 'cv_name = "Ada ⠁⠃ Example"\ncv_headline = "Reads ⠁ & more"\n'
    app = build(make_app, write(tmp_path, conf), "latex")
    assert_clean(app)
    sty = (Path(app.outdir) / "sphinxcv.sty").read_text()
    assert rf"\newcommand*\sphinxcvname{{Ada \sphinxcvfont{{{font}}}{{⠁⠃}} Example}}" in sty
    assert rf"\newcommand*\sphinxcvheadline{{Reads \sphinxcvfont{{{font}}}{{⠁}} \& more}}" in sty


def test_a_header_character_no_font_has_is_named_with_its_setting(make_app, tmp_path: Path) -> None:
    char = "\U0001fae0"
    if _font_for(char) is not None:
        pytest.skip(f"an installed font has {char!r}")
    app = build(make_app, write(tmp_path, XELATEX + f'cv_name = "Ada {char}{char}"\n'), "latex")
    assert app.statuscode == 1
    assert warnings(app) == (
        f"WARNING: {char!r} (U+{ord(char):04X}) in the PDF's header (cv_name) is in no installed"
        " font: the PDF leaves it out (install a font that has it, e.g. one of Debian's"
        " fonts-noto-* packages) [cv.font]\n"
    )


@pytest.mark.parametrize("char", ["中", "\U0001fae0"])  # a Han character; an emoji of 2021
def test_character_no_font_has_is_named_with_its_page(make_app, tmp_path: Path, char: str) -> None:
    if _font_for(char) is not None:
        pytest.skip(f"an installed font has {char!r}")
    more = f"# More\n\nSome text.\n\nIt says {char}{char} twice.\n"
    index = INDEX.replace("skills\n", "skills\nmore\n")
    app = build(make_app, write(tmp_path, XELATEX, index=index, more=more), "latex")
    assert app.statuscode == 1
    assert warnings(app) == (
        f"more.md:5: WARNING: {char!r} (U+{ord(char):04X}) is in no installed font: the PDF"
        " leaves it out (install a font that has it, e.g. one of Debian's fonts-noto-*"
        " packages) [cv.font]\n"
    )


def test_html_build_needs_no_font(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, XELATEX, index=INDEX.replace("Uses", "中文 uses")))
    assert_clean(app)
    assert "中文 uses" in page(app, "index.html").get_text()


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A PDF of the bad cases that reach LaTeX: quotes, a comma, a blank line, Braille."""
    if shutil.which("latexmk") is None or shutil.which("pdftotext") is None:
        pytest.skip("no LaTeX or pdftotext")
    tmp = tmp_path_factory.mktemp("pdf")
    conf = XELATEX + 'latex_documents = [("index", "jane.tex", "Jane", "Jane Doe", "cv")]\n'
    conf += 'cv_headline = "Platform engineer.\\n\\nKubernetes."\nlatex_domain_indices = False\n'
    conf += GLOSSARY
    index = INDEX.replace("Uses {skill}`Go`.", 'Uses {skill}`Go` and {skill}`"Quoted" tool` ⠁.')
    index = index.replace("skills\n", "skills\na,b\n")
    skills = SKILLS + '\n```{cv:skill} "Quoted" tool\n\nA tool.\n```\n'
    srcdir = write(
        tmp / "src", conf, index=index, skills=skills, a__b="# Talks\n\nOn {skill}`Go`.\n"
    )
    result = sphinx_build("latex", srcdir, tmp / "latex", "-W", "--keep-going")
    assert result.returncode == 0, result.stderr
    subprocess.run(
        ["make", "-C", str(tmp / "latex"), "all-pdf", "LATEXMKOPTS=-quiet"],
        capture_output=True,
        check=True,
        timeout=300,
    )
    pdf = tmp / "latex" / "jane.pdf"
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_pdf_headline_with_a_blank_line_is_one_line(pdf_text: str) -> None:
    assert _lines(pdf_text)[:2] == ["Jane Doe", "Platform engineer. Kubernetes."]


def test_pdf_index_prints_quotes_as_written(pdf_text: str) -> None:
    index = pdf_text.partition("Index of skills")[2]
    assert re.search(r'(^|\s)"Quoted" tool, 1\s', index)
    assert "”" not in index


def test_pdf_index_lists_each_page_once(pdf_text: str) -> None:
    index = pdf_text.partition("Index of skills")[2]
    assert re.search(r"\sGo, 1\s", index)  # defined and mentioned on page 1: not "Go, 1, 1"


def test_pdf_used_in_pages_of_a_page_named_with_a_comma(pdf_text: str) -> None:
    assert "Go – Compiled language. Used in: p. 1" in _lines(pdf_text)


def test_pdf_keeps_characters_of_other_fonts(pdf_text: str) -> None:
    if _font_for("⠁") is None:
        pytest.skip("no installed font has Braille")
    assert "⠁" in pdf_text


def test_emoji_are_never_set_in_a_colour_font(make_app, tmp_path: Path) -> None:
    """Noto Color Emoji (on many desktops) is a font XeTeX cannot load: fontspec's error
    stopped the PDF. An emoji goes to a black-and-white font that has it, or is a warning."""
    from sphinx_cv.latex.fonts import _fc_list

    if "Noto Color Emoji" not in _fc_list("--format", "%{family[0]}\n", ":color=True"):
        pytest.skip("no colour emoji font installed (Debian: fonts-noto-color-emoji)")
    font = _font_for("😀")
    assert font is not None and "Color" not in font
    index = INDEX.replace("Uses", "Ships 😀 and uses")
    app = build(make_app, write(tmp_path, XELATEX, index=index), "latex")
    assert_clean(app)
    tex = next(Path(app.outdir).glob("*.tex")).read_text()
    assert rf"Ships \sphinxcvfont{{{font}}}{{😀}} and uses" in tex
