"""What the web exports say about the person, read from the CV's own pages and domain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config import base_url, links, location, profiles
from ..homepage import headline as headline_of
from ..homepage import intro_paragraphs, is_link_line, plain_text
from ..indices import definition_order

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..domain import CVDomain
    from ..model import Entry, Skill


@dataclass(frozen=True)
class ProfileEntry:
    """A CV entry with the canonical names of its skills."""

    entry: Entry
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    """The person, their skills and their entries, as one build sees them."""

    name: str
    headline: str
    summary: str
    email: str
    phone: str
    website: str
    location: dict[str, str]
    links: tuple[tuple[str, str, str], ...]  # (network, url, username)
    base_url: str
    home: str
    home_url: str
    skills: tuple[Skill, ...]
    entries: tuple[ProfileEntry, ...]

    def of_kind(self, kind: str) -> list[ProfileEntry]:
        """The entries of one kind (``work``, ``education``, ...), in reading order."""
        return [e for e in self.entries if e.entry.kind == kind]


def read_profile(app: Sphinx) -> Profile:
    """Collect the profile from the config, the ``cv`` domain and the home page."""
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
    site = base_url(config)
    return Profile(
        name=config.cv_name,
        headline=headline,
        summary=summary,
        email=config.cv_email.strip(),
        phone=config.cv_phone.strip(),
        website=config.cv_website.strip(),
        location=location(config),
        links=tuple(profiles(config)),
        base_url=site,
        home=config.root_doc,
        home_url=site + _page_uri(app, config.root_doc) if site else "",
        skills=tuple(sorted(domain.skills.values(), key=definition_order(env))),
        entries=tuple(_profile_entry(domain, entry) for entry in domain.all_entries()),
    )


def _page_uri(app: Sphinx, docname: str) -> str:
    """The page's address in the site (singlehtml's ``#document-…`` fragments left out)."""
    return app.builder.get_target_uri(docname).partition("#")[0]


def _profile_entry(domain: CVDomain, entry: Entry) -> ProfileEntry:
    skills = (domain.find_skill(name) for name in entry.skills)
    return ProfileEntry(
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
