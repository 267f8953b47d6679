"""The ``cv`` domain: where skills, mentions and entries are kept and resolved."""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from .entries import entry_directives
from .homepage import plain_text
from .indices import CategoryIndex, EntryIndex, SkillIndex
from .locale import _
from .mentions import LINK, MENTION
from .model import Entry, Mention, Skill, document_order, skill_key
from .nodes import cv_entry, cv_entry_header, cv_entry_meta, cv_entry_title
from .skills import SkillDirective, skill_role

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

LOGGER = logging.getLogger(__name__)


class CVDomain(Domain):
    """Skills defined once, mentioned anywhere, and the CV entries that use them."""

    name = "cv"
    label = "CV"
    object_types = {
        "skill": ObjType(_("skill"), "skill", "any"),
        "entry": ObjType(_("entry"), "entry", "any"),
    }
    dangling_warnings = {
        "skill": "unknown skill: %(target)r",
        "entry": "unknown CV entry: %(target)r",
    }
    initial_data: dict[str, Any] = {
        "skills": {},  # skill key -> Skill
        "definitions": {},  # docname -> [Skill], each definition read, taken or not
        "names": {},  # name or alias key -> skill key
        "mentions": {},  # docname -> [Mention]
        "entries": {},  # docname -> [Entry]
        "referring": {},  # docname -> True, for documents with any cv cross-reference
    }
    data_version = 4

    directives = {"skill": SkillDirective, **entry_directives()}
    roles = {
        "skill": skill_role(),
        "entry": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
    }
    indices = [SkillIndex, CategoryIndex, EntryIndex]

    @property
    def skills(self) -> dict[str, Skill]:
        return self.data["skills"]

    @property
    def definitions(self) -> dict[str, list[Skill]]:
        return self.data["definitions"]

    @property
    def names(self) -> dict[str, str]:
        return self.data["names"]

    @property
    def mentions(self) -> dict[str, list[Mention]]:
        return self.data["mentions"]

    @property
    def entries(self) -> dict[str, list[Entry]]:
        return self.data["entries"]

    @property
    def referring(self) -> dict[str, bool]:
        return self.data["referring"]

    # -- collecting ---------------------------------------------------------

    def note_skill(self, skill: Skill, location: Any = None) -> None:
        """Register a definition; warn at *location* if the name or an alias is already taken.

        Without a *location*, taken names are left out silently: the definition was
        reported when it was read.
        """
        key = skill_key(skill.name)
        if key in self.skills:
            if location is not None:
                self._warn_taken("duplicate definition of skill %r", (skill.name,), key, location)
            return
        self.skills[key] = skill
        self._note_names(key, skill, location)
        self._by_skill = self._entries_by_skill = None

    def _note_names(self, key: str, skill: Skill, location: Any) -> None:
        for name in (skill.name, *skill.aliases):
            name_key = skill_key(name)
            owner = self.names.get(name_key)
            if owner is not None and owner != key:
                if location is not None:
                    message = "alias %r of skill %r is already a name of skill %r"
                    args = (name, skill.name, self.skills[owner].name)
                    self._warn_taken(message, args, owner, location)
                continue
            self.names[name_key] = key

    def _warn_taken(self, message: str, args: tuple[str, ...], key: str, location: Any) -> None:
        """Warn at *location* that a name is taken, naming the place of skill *key*."""
        other = self.skills[key]
        LOGGER.warning(
            message + ", defined in %s:%s",
            *args,
            self.env.doc2path(other.docname),
            other.lineno,
            location=location,
            type="cv",
            subtype="duplicate-skill",
        )

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Record the skills, mentions and entries of a freshly read document."""
        mentions: list[Mention] = []
        entries: list[Entry] = []
        for node, place in _walk(document, _Place()):
            if isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cv":
                self.referring[docname] = True
                if node["reftype"] == "skill" and not place.in_definition:
                    mentions.append(_mention(node, docname, place))
            elif isinstance(node, cv_entry):
                entries.append(_entry(node, docname))
            elif isinstance(node, addnodes.desc_signature) and "cv_skill" in node:
                skill = _skill(node, docname, place)
                self.definitions.setdefault(docname, []).append(skill)
                self.note_skill(skill, node)
        if mentions:
            self.mentions[docname] = mentions
        if entries:
            self.entries[docname] = entries
        self._by_skill = self._entries_by_skill = None

    def clear_doc(self, docname: str) -> None:
        self.definitions.pop(docname, None)
        gone = {key for key, skill in self.skills.items() if skill.docname == docname}
        for key in gone:
            del self.skills[key]
        for name_key in [n for n, key in self.names.items() if key in gone]:
            del self.names[name_key]
        if gone:
            self._take_freed_names()
        self.mentions.pop(docname, None)
        self.entries.pop(docname, None)
        self.referring.pop(docname, None)
        self._by_skill = self._entries_by_skill = None

    def _take_freed_names(self) -> None:
        """Give names freed by a removed definition to the other definitions that wanted them,
        as a clean build reading the documents in order would have."""
        for docname in sorted(self.definitions):
            for skill in self.definitions[docname]:
                key = skill_key(skill.name)
                if key not in self.skills:
                    self.note_skill(skill)
                elif self.skills[key] == skill:
                    self._note_names(key, skill, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in sorted(docnames):
            for skill in otherdata["definitions"].get(docname, []):
                self.definitions.setdefault(docname, []).append(skill)
                self.note_skill(skill, (skill.docname, skill.lineno))
        for docname in docnames:
            if docname in otherdata["mentions"]:
                self.mentions[docname] = otherdata["mentions"][docname]
            if docname in otherdata["entries"]:
                self.entries[docname] = otherdata["entries"][docname]
            if docname in otherdata["referring"]:
                self.referring[docname] = True
        self._by_skill = self._entries_by_skill = None

    # -- looking up ---------------------------------------------------------

    def find_skill(self, name: str) -> Skill | None:
        """The skill called *name* or having it as an alias, in any case."""
        key = self.names.get(skill_key(name))
        return self.skills[key] if key is not None else None

    def closest_names(self, name: str, n: int = 3) -> list[str]:
        """Known names and aliases closest to *name*, for "did you mean"."""
        spelled = {
            skill_key(s): s for skill in self.skills.values() for s in (skill.name, *skill.aliases)
        }
        matches = difflib.get_close_matches(skill_key(name), list(spelled), n=n, cutoff=0.6)
        return [spelled[m] for m in matches]

    def mentions_by_skill(self) -> dict[str, list[Mention]]:
        """Every resolved mention this builder shows, grouped by skill key, in reading order.

        A mention inside ``only`` directives counts where their condition holds.
        """
        if getattr(self, "_by_skill", None) is None:
            order = document_order(self.env)
            tags = self.env._tags  # the builder's tags, as Sphinx's ``only`` transform reads them
            grouped: dict[str, list[Mention]] = defaultdict(list)
            for docname in sorted(self.mentions, key=order):
                for mention, key in self._counted(docname):
                    if not mention.only or tags.eval_condition(mention.only):
                        grouped[key].append(mention)
            self._by_skill = dict(grouped)
        return self._by_skill

    def _counted(self, docname: str) -> Iterator[tuple[Mention, str]]:
        """The resolved mentions of *docname* with their skill keys; an entry's ``:skills:``
        naming one skill twice (by two of its names) counts once."""
        listed: set[tuple[str, str]] = set()
        for mention in self.mentions.get(docname, ()):
            key = self.names.get(skill_key(mention.target))
            if key is None:
                continue
            if mention.listed:
                if (mention.entry_id, key) in listed:
                    continue
                listed.add((mention.entry_id, key))
            yield mention, key

    def check_consistency(self) -> None:
        """Warn where an entry's ``:skills:`` names one skill twice (a name and an alias)."""
        for docname in sorted(self.mentions):
            counted = {m.node_id for m, _key in self._counted(docname)}
            for mention in self.mentions[docname]:
                key = self.names.get(skill_key(mention.target))
                if mention.listed and key is not None and mention.node_id not in counted:
                    LOGGER.warning(
                        "%r in :skills: is skill %r, listed already; it counts once",
                        mention.target,
                        self.skills[key].name,
                        location=(docname, mention.lineno),
                        type="cv",
                        subtype="skills",
                    )

    def entries_by_skill(self) -> dict[str, list[Entry]]:
        """The entries that used each skill (in ``:skills:`` or a mention inside), by skill key,
        in reading order."""
        if getattr(self, "_entries_by_skill", None) is None:
            entries = {(e.docname, e.node_id): e for e in self.all_entries()}
            grouped: dict[str, dict[tuple[str, str], Entry]] = defaultdict(dict)
            for key, mentions in self.mentions_by_skill().items():
                for mention in mentions:
                    entry = entries.get((mention.docname, mention.entry_id))
                    if entry is not None:
                        grouped[key][mention.docname, mention.entry_id] = entry
            self._entries_by_skill = {key: list(found.values()) for key, found in grouped.items()}
        return self._entries_by_skill

    def all_entries(self) -> list[Entry]:
        """Every entry, in reading order."""
        order = document_order(self.env)
        return [e for doc in sorted(self.entries, key=order) for e in self.entries[doc]]

    # -- resolving ----------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        if typ == "skill":
            skill = self.find_skill(target)
            if skill is None:
                return None
            if not node["refexplicit"] and node.get("cv_canonical"):
                contnode = nodes.inline(skill.name, skill.name, classes=contnode["classes"])
            if not node.get(LINK, True):  # a repeated mention (cv_link_mentions) reads as text
                contnode["classes"] = [c for c in contnode["classes"] if c != "xref"]
                return contnode
            ref = make_refnode(
                builder, fromdocname, skill.docname, skill.node_id, contnode, skill.name
            )
            ref["classes"].append(MENTION)
            return ref
        if typ == "entry":
            for entry in self.all_entries():
                if skill_key(entry.title) == skill_key(target):
                    return make_refnode(
                        builder, fromdocname, entry.docname, entry.node_id, contnode, entry.title
                    )
        return None

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for typ in self.object_types:
            ref = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if ref is not None:
                results.append((f"cv:{typ}", ref))
        return results

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        for skill in self.skills.values():
            yield skill.name, skill.name, "skill", skill.docname, skill.node_id, 1
            for alias in skill.aliases:
                yield alias, alias, "skill", skill.docname, skill.node_id, 2
        for entry in self.all_entries():
            yield entry.title, entry.title, "entry", entry.docname, entry.node_id, 1


class _Place(NamedTuple):
    """Where a node sits: its section, its entry, and whether in a skill's definition."""

    section: str = ""
    section_id: str = ""
    entry: str = ""
    entry_id: str = ""
    in_definition: bool = False
    only: str = ""


def _walk(node: nodes.Element, place: _Place) -> Iterator[tuple[nodes.Element, _Place]]:
    """Every element below *node*, each with its place, in one pass."""
    for child in node.children:
        if not isinstance(child, nodes.Element):
            continue
        inner = place
        if isinstance(child, nodes.section):
            section_id = child["ids"][0] if child["ids"] else ""
            inner = place._replace(section=child[0].astext(), section_id=section_id)
        elif isinstance(child, cv_entry):
            heading = next(child.findall(cv_entry_title))
            inner = place._replace(entry=child["title"], entry_id=heading["ids"][0])
        elif isinstance(child, addnodes.desc) and child.get("domain") == "cv":
            inner = place._replace(in_definition=True)
        elif isinstance(child, addnodes.only):
            condition = f"({child['expr']})"
            inner = place._replace(only=" and ".join(filter(None, (place.only, condition))))
        yield child, inner
        yield from _walk(child, inner)


def _skill(signode: addnodes.desc_signature, docname: str, place: _Place) -> Skill:
    """The skill a ``cv:skill`` signature defines; its category defaults to its section's title."""
    data = signode["cv_skill"]
    return Skill(
        name=data["name"],
        category=data["category"] or place.section or _("Skills"),
        aliases=tuple(data["aliases"]),
        url=data["url"],
        level=data.get("level", ""),
        description=data["description"],
        docname=docname,
        node_id=signode["ids"][0],
        lineno=signode.line or 0,
    )


def _mention(node: addnodes.pending_xref, docname: str, place: _Place) -> Mention:
    return Mention(
        target=node["reftarget"],
        docname=docname,
        node_id=node["cv_mention_id"],
        lineno=node.line or 0,
        section=place.section,
        section_id=place.section_id,
        entry=place.entry,
        entry_id=place.entry_id,
        only=place.only,
        listed=bool(node.get("cv_canonical")),
    )


def _entry(node: cv_entry, docname: str) -> Entry:
    body = [
        child
        for child in node.children
        if not isinstance(child, (cv_entry_header, cv_entry_meta))
        and "cv-entry-skills" not in child["classes"]
    ]
    heading = next(node.findall(cv_entry_title))
    return Entry(
        kind=node["kind"],
        title=node["title"],
        fields=tuple((name, node["fields"][name]) for name in sorted(node["fields"])),
        start=node["start"],
        end=node["end"],
        skills=tuple(dict.fromkeys(node["skills"])),
        description=" ".join(plain_text(c) for c in body if isinstance(c, nodes.paragraph)),
        highlights=tuple(
            plain_text(item)
            for c in body
            if isinstance(c, (nodes.bullet_list, nodes.enumerated_list))
            for item in c.children
        ),
        docname=docname,
        node_id=heading["ids"][0],
        lineno=node.line or 0,
    )


def warn_unknown_skill(app: Any, domain: Domain, node: pending_xref) -> bool | None:
    """``warn-missing-reference``: name the unknown skill and the closest known ones."""
    if domain is None or domain.name != "cv" or node["reftype"] != "skill":
        return None
    target = node["reftarget"]
    assert isinstance(domain, CVDomain)
    suggestions = domain.closest_names(target)
    hint = f"; did you mean {' or '.join(map(repr, suggestions))}?" if suggestions else ""
    LOGGER.warning(
        "unknown skill %r%s", target, hint, location=node, type="cv", subtype="unknown-skill"
    )
    return True
