"""Files written beside the HTML pages: ``resume.json`` and ``robots.txt``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .jsonld import person
from .jsonresume import FILENAME, resume
from .profile import current_profile, is_site

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_PERSON = "cv_web_person"


def write_files(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the JSON Resume and the robots' instructions."""
    if exception is not None or not is_site(app):
        return
    profile = current_profile(app)
    outdir = app.builder.outdir
    text = json.dumps(resume(profile), ensure_ascii=False, indent=2) + "\n"
    (outdir / FILENAME).write_text(text, encoding="utf-8")
    (outdir / "robots.txt").write_text(robots_txt(app, profile.base_url), encoding="utf-8")


def robots_txt(app: Sphinx, base_url: str) -> str:
    """Everything may be crawled; the sitemap is named when the site has an address."""
    lines = ["User-agent: *", "Allow: /"]
    sitemap = getattr(app.config, "sitemap_filename", "")
    if base_url and sitemap:
        lines += ["", f"Sitemap: {base_url}{sitemap}"]
    return "\n".join(lines) + "\n"


def pages_with_new_person(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every page, when the JSON-LD person changed since the last build."""
    if not is_site(app):
        return []
    data = json.dumps(person(current_profile(app, fresh=True)), sort_keys=True)
    before = getattr(env, _PERSON, None)
    setattr(env, _PERSON, data)
    return sorted(env.found_docs) if before is not None and before != data else []
