"""The built CV in headless Chromium: pages, search, skill links, print and accessibility.

Debian's chromium is driven by Playwright (never its own browser download); the site is
served from 127.0.0.1 and every request to another origin is refused and reported.
Without chromium or playwright the tests are skipped, except in CI (``CI=true``) where
they fail. axe-core comes from ``tests/browser`` (``make test`` runs ``npm ci`` there).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from bench_web import CHROMIUM_ARGS, serve
from conftest import CVBuild

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
HOME, SECTION, SKILL_INDEX = "index.html", "kubernetes.html", "cv-skills.html"
SKILLS = "skills.html"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def missing_tools() -> str:
    """Why the browser tests cannot run here, or ``""``."""
    if not CHROMIUM.exists():
        return f"chromium is not installed ({CHROMIUM}; `apt-get install chromium`)"
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (`pip install -e '.[test]'`)"
    return ""


@pytest.fixture(scope="module")
def site_url(cv_build: CVBuild) -> Iterator[str]:
    """The built site served from 127.0.0.1 (compressed, as Read the Docs serves it)."""
    assert cv_build.html_log.returncode == 0, cv_build.html_log.stderr
    with serve(cv_build.html) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    reason = missing_tools()
    if reason:
        if in_ci():
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@dataclass
class Visit:
    """A browser tab on the site, with what went wrong while it was open."""

    page: Page
    base: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and response.ok, path
        return self.page

    def assert_clean(self) -> None:
        assert self.console_errors == []
        assert self.failed == []
        assert self.foreign == []


@pytest.fixture
def visit(browser: Browser, site_url: str) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    visit = Visit(page, site_url)
    origin = urlsplit(site_url).netloc

    def route(route: Any) -> None:
        if urlsplit(route.request.url).netloc == origin or route.request.url.startswith("data:"):
            route.continue_()
        else:
            visit.foreign.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and visit.console_errors.append(m.text))
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and visit.failed.append(f"{r.url}: {r.status}"))
    yield visit
    context.close()


@pytest.mark.parametrize("path", [HOME, SECTION, SKILL_INDEX])
def test_page_renders_with_no_error_and_no_other_origin(visit: Visit, path: str) -> None:
    page = visit.open(path)
    heading = page.locator("article h1").first
    assert heading.is_visible()
    # the tab's title is the page's own heading (then the site's, but on the home page)
    title = heading.inner_text().rstrip("¶#").strip()
    assert page.title() == title or page.title().startswith(title + " - ")
    page.wait_for_load_state("networkidle")
    visit.assert_clean()


@pytest.mark.parametrize(
    ("query", "skill"), [("cilium", "skill-cilium"), ("k8s", "skill-kubernetes")]
)
def test_site_search_shows_the_skill_first(visit: Visit, query: str, skill: str) -> None:
    page = visit.open(f"search.html?q={query}")
    page.locator("#search-results .search-summary").wait_for()  # the search has finished
    results = page.locator("#search-results ul.search li a")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs and hrefs[0].endswith(f"skills.html#{skill}"), hrefs
    visit.assert_clean()


def test_a_skill_mention_leads_to_its_definition(visit: Visit) -> None:
    page = visit.open(SECTION)
    page.locator("article a.reference.internal", has_text="Cilium").first.click()
    page.wait_for_url("**/skills.html#skill-cilium")
    definition = page.locator("#skill-cilium")
    assert definition.is_visible() and "Cilium" in definition.inner_text()
    page.wait_for_function(  # the browser scrolled to it
        "() => Math.abs(document.getElementById('skill-cilium').getBoundingClientRect().top) < 100"
    )
    visit.assert_clean()


def test_the_skill_index_links_back_to_the_page(visit: Visit) -> None:
    page = visit.open(SKILL_INDEX)
    back = page.locator('article a[href^="kubernetes.html#skill-mention-"]').first
    anchor = back.get_attribute("href").split("#", 1)[1]
    back.click()
    page.wait_for_url(f"**/kubernetes.html#{anchor}")
    assert page.locator(f"[id='{anchor}']").count() == 1
    visit.assert_clean()


def test_a_used_in_link_lands_on_a_highlighted_mention(visit: Visit) -> None:
    page = visit.open(SKILLS)
    definition = page.locator("dl.cv.skill", has=page.locator("#skill-cilium"))
    used_in = definition.locator('.cv-skill-usage a[href^="kubernetes.html#skill-mention-"]').first
    assert not used_in.is_visible()  # details on demand
    definition.locator("summary").click()
    anchor = used_in.get_attribute("href").split("#", 1)[1]
    used_in.click()
    page.wait_for_url(f"**/kubernetes.html#{anchor}")
    background = "(e) => getComputedStyle(e).backgroundColor"
    landed = page.locator(f"[id='{anchor}'] + *")
    other = page.locator(f"span.target:not([id='{anchor}']) + a.cv-mention").first
    assert landed.inner_text() == "Cilium"
    assert landed.evaluate(background) != other.evaluate(background)
    page.wait_for_function(  # the browser scrolled to it
        f"() => {{ const r = document.getElementById('{anchor}').getBoundingClientRect();"
        " return r.top > 0 && r.bottom < window.innerHeight; }"
    )
    visit.assert_clean()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_the_home_page_header_is_in_the_first_viewport(
    visit: Visit, width: int, height: int
) -> None:
    visit.page.set_viewport_size({"width": width, "height": height})
    page = visit.open(HOME)
    header = page.locator("article .cv-person")
    parts = [header, *page.locator(".cv-person .cv-contact a").all()]
    parts.append(page.locator(".cv-person a.cv-download"))
    assert len(parts) >= 3  # the header, a contact link, the PDF
    for part in parts:
        assert part.is_visible()
        box = part.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert page.locator(".cv-person a.cv-download").inner_text() == "Download PDF"


def test_printing_shows_the_content_and_the_link_addresses(visit: Visit) -> None:
    page = visit.open(HOME)
    page.emulate_media(media="print")
    for hidden in (".sidebar-drawer", ".sidebar-search", ".theme-toggle", ".toc-drawer", "footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("article h1").is_visible()
    after = "(e) => getComputedStyle(e, '::after').content"
    talos = page.locator('article a[href="https://github.com/siderolabs/talos"]').first
    assert talos.evaluate(after) == '" (https://github.com/siderolabs/talos)"'
    spelled = page.locator('article a.cv-url-text[href="https://www.talos.dev/"]')
    assert spelled.evaluate(after) == "none"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [HOME, SECTION, SKILLS, SKILL_INDEX])
def test_axe_finds_no_wcag_violation(visit: Visit, path: str, scheme: str) -> None:
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` in tests/browser (`make test` does)"
    visit.page.emulate_media(color_scheme=scheme)
    page = visit.open(path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']}: "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert violations == []
