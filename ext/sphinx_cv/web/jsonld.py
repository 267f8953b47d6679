"""schema.org ``Person`` as JSON-LD, for search engines and link previews."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .profile import Profile

# Characters that could end the <script> element or open an HTML comment inside it.
_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def person(profile: Profile) -> dict[str, Any]:
    """The person: name, home page, profiles and projects (``sameAs``), skills (``knowsAbout``)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": profile.name,
    }
    if profile.home_url:
        data["url"] = profile.home_url
    if profile.headline:
        data["description"] = profile.headline
    same_as = [url for _label, url in profile.links]
    same_as += [p.entry.url for p in profile.home_projects() if p.entry.url]
    if same_as:
        data["sameAs"] = list(dict.fromkeys(same_as))
    data["knowsAbout"] = [skill.name for skill in profile.skills]
    return data


def script_tag(data: dict[str, Any]) -> str:
    """``<script type="application/ld+json">``: no content can end the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_UNSAFE)
    return f'<script type="application/ld+json">{text}</script>'
