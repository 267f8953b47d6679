"""What the web exports say about the person, read from the CV's own pages and domain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from ..config import base_url, links
from ..homepage import headline as headline_of
from ..homepage import intro_paragraphs, is_link_line, plain_text
from ..indices import definition_order

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..domain import CVDomain
    from ..model import Entry, Skill

EDUCATION_CAPTION = "education"
"""Pages listed by a toctree of the home page with this caption hold education entries."""


@dataclass(frozen=True)
class Project:
    """A CV entry with the canonical names of its skills."""

    entry: Entry
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    """The person, their skills and their entries, as one build sees them."""

    name: str
    headline: str
    summary: str
    links: tuple[tuple[str, str], ...]
    base_url: str
    home: str
    home_url: str
    skills: tuple[Skill, ...]
    projects: tuple[Project, ...]
    education: tuple[tuple[str, tuple[Project, ...]], ...]

    def home_projects(self) -> list[Project]:
        """The entries of the home page: the projects the person contributed to."""
        return [p for p in self.projects if p.entry.docname == self.home]


def read_profile(app: Sphinx) -> Profile:
    """Collect the profile from the config, the ``cv`` domain and the pages' doctrees."""
    env = app.env
    config = app.config
    domain: CVDomain = env.domains["cv"]  # type: ignore[assignment]
    root = env.get_doctree(config.root_doc)
    intro = intro_paragraphs(root)
    headline = headline_of(config, intro)
    profile_urls = {url.rstrip("/") for _, url in links(config)}
    summary = " ".join(
        plain_text(p)
        for p in intro
        if plain_text(p) != headline and not is_link_line(p, profile_urls)
    )
    education = _education_pages(root)
    entries = domain.all_entries()
    projects = [_project(domain, entry) for entry in entries]
    site = base_url(config)
    return Profile(
        name=config.cv_name,
        headline=headline,
        summary=summary,
        links=tuple(links(config)),
        base_url=site,
        home=config.root_doc,
        home_url=site + _page_uri(app, config.root_doc) if site else "",
        skills=tuple(sorted(domain.skills.values(), key=definition_order(env))),
        projects=tuple(p for p in projects if p.entry.docname not in education),
        education=tuple(
            (env.titles[doc].astext(), tuple(p for p in projects if p.entry.docname == doc))
            for doc in education
            if doc in env.titles
        ),
    )


def _page_uri(app: Sphinx, docname: str) -> str:
    """The page's address in the site (singlehtml's ``#document-…`` fragments left out)."""
    return app.builder.get_target_uri(docname).partition("#")[0]


def _education_pages(root: nodes.document) -> list[str]:
    return [
        docname
        for toctree in root.findall(addnodes.toctree)
        if (toctree.get("caption") or "").casefold() == EDUCATION_CAPTION
        for _title, docname in toctree["entries"]
    ]


def _project(domain: CVDomain, entry: Entry) -> Project:
    skills = (domain.find_skill(name) for name in entry.skills)
    return Project(
        entry=entry,
        skills=tuple(
            dict.fromkeys(
                s.name if s else name for s, name in zip(skills, entry.skills, strict=True)
            )
        ),
    )


_CACHE = "_cv_web_profile"


def is_site(app: Sphinx) -> bool:
    """Whether this build makes a web site (html, dirhtml, singlehtml; not epub)."""
    return app.builder.format == "html" and not getattr(app.builder, "embedded", False)


def current_profile(app: Sphinx, *, fresh: bool = False) -> Profile:
    """The profile of this build, read once (again when *fresh*) and kept on the builder."""
    profile = None if fresh else getattr(app.builder, _CACHE, None)
    if profile is None:
        profile = read_profile(app)
        setattr(app.builder, _CACHE, profile)
    return profile
