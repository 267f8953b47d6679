"""schema.org ``Person`` as JSON-LD, for search engines and link previews."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..dates import PRESENT

if TYPE_CHECKING:
    from .profile import Profile, ProfileEntry

# Characters that could end the <script> element or open an HTML comment inside it.
_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})

_ADDRESS = {
    "address": "streetAddress",
    "postalCode": "postalCode",
    "city": "addressLocality",
    "region": "addressRegion",
    "countryCode": "addressCountry",
}
"""JSON Resume's ``location`` keys as schema.org ``PostalAddress`` properties."""


def person(profile: Profile) -> dict[str, Any]:
    """The person: contact, address, current employer, schools, profiles, skills."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": profile.name,
    }
    if profile.home_url:
        data["url"] = profile.home_url
    if profile.headline:
        data["description"] = profile.headline
    if profile.email:
        data["email"] = f"mailto:{profile.email}"
    if profile.phone:
        data["telephone"] = profile.phone
    if profile.location:
        address = {_ADDRESS[key]: value for key, value in profile.location.items()}
        data["address"] = {"@type": "PostalAddress", **address}
    current = [e for e in profile.of_kind("work") if e.entry.end == PRESENT]
    if current:
        data["worksFor"] = [_organization("Organization", e) for e in current]
    schools = {e.entry.title: e for e in profile.of_kind("education")}
    if schools:
        data["alumniOf"] = [_organization("EducationalOrganization", e) for e in schools.values()]
    same_as = [url for _network, url, _username in profile.links]
    if same_as:
        data["sameAs"] = list(dict.fromkeys(same_as))
    data["knowsAbout"] = [skill.name for skill in profile.skills]
    return data


def _organization(kind: str, item: ProfileEntry) -> dict[str, str]:
    data = {"@type": kind, "name": item.entry.title}
    if item.entry.url:
        data["url"] = item.entry.url
    return data


def script_tag(data: dict[str, Any]) -> str:
    """``<script type="application/ld+json">``: no content can end the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_UNSAFE)
    return f'<script type="application/ld+json">{text}</script>'
