"""Variants: one CV source, several CVs, each tailored to a kind of job.

``cv_variants``
    Named variants, ``{"platform": {...}}``, with these keys (all optional):

    ``title``
        The variant's name for readers ("Kubernetes platform"): the label of its PDF.
    ``headline``
        The headline it shows instead of the CV's.
    ``skills``, ``categories``
        The skills to focus on, by name or alias, and categories whose skills are all
        focused on. Entries of the ``kinds`` below that use none of them are left out.
    ``kinds``
        The kinds of entry the focus applies to (default: work, volunteer, project);
        entries of other kinds (education, languages, ...) stay.
    ``drop_kinds``, ``drop_entries``, ``drop_skills``, ``drop_pages``
        Kinds of entry, entries (by title), entries using these skills, and pages (by
        document name, e.g. ``docs/office``) to leave out.
    ``entries``
        Entries (by title) to keep whatever the rules above say.
    ``years``
        Only entries that went on within this many years (undated ones stay).
    ``pages``
        The most pages the PDF may have; more is a warning saying by how much.
    ``compact``
        ``True``: the site's skills are a line of names per category (as the PDF's are
        unless ``cv_pdf_glossary``), and the PDF has no index of skills.

``cv_variants_dir``
    A folder (beside conf.py, default ``variants``) whose ``NAME.json`` files are more
    variants, as ``sphinx-cv match --variant NAME`` writes them.
``cv_variant``
    The variant to build (``-D cv_variant=NAME``); empty: the whole CV.

A variant shows what it keeps: the entries left out are gone with their mentions,
and skills neither focused on nor mentioned by what remains leave the skill pages,
the indexes, the search, ``objects.inv``, JSON-LD and ``resume.json``.
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from .homepage import intro_paragraphs, lead_headline
from .locale import _
from .model import skill_key
from .nodes import cv_entry
from .skills import skill_names_line
from .uses import entry_skills

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .domain import CVDomain
    from .model import Entry, Mention

LOGGER = logging.getLogger(__name__)

FOCUSED_KINDS = ("work", "volunteer", "project")
_HIDDEN = "variant_hidden"


@dataclass(frozen=True)
class Variant:
    """One variant of the CV, as ``cv_variants`` describes it."""

    name: str
    title: str = ""
    headline: str = ""
    skills: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    kinds: tuple[str, ...] = FOCUSED_KINDS
    drop_kinds: tuple[str, ...] = ()
    drop_entries: tuple[str, ...] = ()
    drop_skills: tuple[str, ...] = ()
    drop_pages: tuple[str, ...] = ()
    entries: tuple[str, ...] = ()
    years: int = 0
    pages: int = 0
    compact: bool = False

    @property
    def label(self) -> str:
        return self.title or self.name


def _variant(name: str, values: dict[str, Any], where: str) -> Variant:
    """A :class:`Variant` from a dict; keys or values of the wrong kind are warnings."""
    known = {f.name: f for f in fields(Variant) if f.name != "name"}
    given: dict[str, Any] = {}
    for key, value in values.items():
        spec = known.get(key)
        if spec is None:
            keys = ", ".join(known)
            _warn("%s: unknown key %r of variant %r; the keys are %s", where, key, name, keys)
        elif isinstance(spec.default, bool):
            if isinstance(value, bool):
                given[key] = value
            else:
                _warn("%s: %r of variant %r must be true or false", where, key, name)
        elif isinstance(spec.default, int):
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                given[key] = value
            else:
                _warn("%s: %r of variant %r must be a whole number", where, key, name)
        elif isinstance(spec.default, tuple):
            if isinstance(value, str):
                value = [part.strip() for part in value.split(",")]
            if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
                given[key] = tuple(v for v in value if v)
            else:
                _warn("%s: %r of variant %r must be a list of names", where, key, name)
        elif isinstance(value, str):
            given[key] = value
        else:
            _warn("%s: %r of variant %r must be text", where, key, name)
    return Variant(name=name, **given)


def _warn(message: str, *args: object) -> None:
    LOGGER.warning(message, *args, type="cv", subtype="variant")


def read_variants(config: Config, confdir: Path) -> dict[str, Variant]:
    """``cv_variants`` and the ``NAME.json`` files of ``cv_variants_dir``, by name."""
    found: dict[str, Variant] = {}
    folder = confdir / config.cv_variants_dir if config.cv_variants_dir else None
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            try:
                values = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                _warn("%s: not a variant: %s", path, error)
                continue
            if isinstance(values, dict):
                found[path.stem] = _variant(path.stem, values, str(path))
            else:
                _warn("%s: not a variant: a JSON object is expected", path)
    for name, values in (config.cv_variants or {}).items():
        if isinstance(values, dict):
            found[str(name)] = _variant(str(name), values, "cv_variants")
        else:
            _warn("cv_variants: variant %r must be a dict", name)
    return found


def variant_names(confdir: str | Path) -> list[str]:
    """The names of the variants of the project in *confdir* (for ``make variants``)."""
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    config = Config.read(Path(confdir), overrides={}, tags=Tags())
    config.add("cv_variants", {}, "env", frozenset({dict}))
    config.add("cv_variants_dir", "variants", "env", frozenset({str}))
    config.init_values()
    return sorted(read_variants(config, Path(confdir)))


def current(app: Sphinx) -> Variant | None:
    """The variant this build makes, or ``None`` for the whole CV."""
    return getattr(app, "_cv_variant", None)


def pdf_name(stem: str, variant: Variant | None) -> str:
    """``SergeLogvinov-platform.pdf``: each variant's PDF beside the full CV's."""
    return f"{stem}-{variant.name}.pdf" if variant else f"{stem}.pdf"


# -- choosing the variant (config-inited) ------------------------------------------


def choose(app: Sphinx, config: Config) -> None:
    """``config-inited``: read the variants; for ``cv_variant``, apply its settings."""
    variants = read_variants(config, Path(app.confdir))
    app._cv_variants = variants  # type: ignore[attr-defined]
    stem = Path(config.latex_documents[0][1]).stem if config.latex_documents else ""
    app._cv_pdf_stem = stem  # type: ignore[attr-defined]
    name = config.cv_variant
    if not name:
        return
    variant = variants.get(name)
    if variant is None:
        _warn("cv_variant: no variant %r; the variants are %s", name, ", ".join(variants) or "none")
        return
    app._cv_variant = variant  # type: ignore[attr-defined]
    if variant.headline:
        config.cv_headline = variant.headline
    for page in variant.drop_pages:
        if not any(Path(app.srcdir).glob(f"{page}.*")):
            _warn("cv_variants[%r]: drop_pages: no page %r", variant.name, page)
    if variant.drop_pages:
        config.exclude_patterns = [
            *config.exclude_patterns,
            *(f"{page}.*" for page in variant.drop_pages),
        ]
        config.suppress_warnings = [*config.suppress_warnings, "toc.excluded"]
    if variant.compact:
        config.cv_pdf_index = False
    if config.latex_documents:
        start, _target, *rest = config.latex_documents[0]
        config.latex_documents = [(start, pdf_name(stem, variant).replace(".pdf", ".tex"), *rest)]


# -- what a variant leaves out (env-updated) ----------------------------------------


def _keys(domain: CVDomain, names: tuple[str, ...], what: str, variant: Variant) -> set[str]:
    keys = set()
    for name in names:
        key = domain.names.get(skill_key(name))
        if key is None:
            _warn("cv_variants[%r]: %s %r is not a skill of the CV", variant.name, what, name)
        else:
            keys.add(key)
    return keys


def _too_old(entry: Entry, years: int) -> bool:
    if not years or entry.end == "present" or not (entry.end or entry.start):
        return False
    last = int((entry.end or entry.start)[:4])
    return last < datetime.date.today().year - years


def focus(domain: CVDomain, variant: Variant) -> set[str]:
    """The keys of the skills the variant focuses on."""
    keys = _keys(domain, variant.skills, "skill", variant)
    categories = {c.casefold() for c in variant.categories}
    known = {s.category.casefold() for s in domain.skills.values()}
    for category in categories - known:
        _warn("cv_variants[%r]: no skill category %r", variant.name, category)
    return keys | {k for k, s in domain.skills.items() if s.category.casefold() in categories}


def left_out(domain: CVDomain, variant: Variant, focused: set[str]) -> list[Entry]:
    """The entries the variant leaves out; *focused*: the skills it focuses on."""
    dropped = _keys(domain, variant.drop_skills, "skill", variant)
    kept = {t.casefold() for t in variant.entries}
    titles = {e.title.casefold() for e in domain.all_entries()}
    for title in (kept | {t.casefold() for t in variant.drop_entries}) - titles:
        _warn("cv_variants[%r]: no entry %r", variant.name, title)
    out = []
    for entry in domain.all_entries():
        if entry.title.casefold() in kept:
            continue
        used = entry_skills(domain, entry)
        if (
            entry.kind in variant.drop_kinds
            or entry.title.casefold() in {t.casefold() for t in variant.drop_entries}
            or used & dropped
            or _too_old(entry, variant.years)
            or (focused and entry.kind in variant.kinds and not used & focused)
        ):
            out.append(entry)
    return out


def _reading_order(mention: Mention) -> int:
    """Mention anchors are numbered in reading order (``skill-mention-12``)."""
    return int(mention.node_id.rpartition("-")[2] or 0)


def _restore(env: BuildEnvironment, domain: CVDomain) -> dict[str, Any]:
    """Put back what the last build of the variant took out; the store, emptied."""
    hidden = domain.data.setdefault(_HIDDEN, {})
    for docname, entries in hidden.get("entries", {}).items():
        domain.entries.setdefault(docname, []).extend(entries)
        domain.entries[docname].sort(key=lambda e: e.lineno)  # back in reading order
    for docname, mentions in hidden.get("mentions", {}).items():
        domain.mentions.setdefault(docname, []).extend(mentions)
        domain.mentions[docname].sort(key=_reading_order)
    for key, skill in hidden.get("skills", {}).items():
        domain.skills[key] = skill
    domain.names.update(hidden.get("names", {}))
    index = env.domains["index"].entries  # type: ignore[attr-defined]
    for docname, items in hidden.get("index", {}).items():
        index.setdefault(docname, []).extend(items)
    hidden.clear()
    hidden.update({"entries": {}, "mentions": {}, "skills": {}, "names": {}, "index": {}})
    return hidden


def leave_out(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: take the variant's left-out entries and unused skills out of the
    domain (kept aside: the next build of the variant starts again from all of them)."""
    domain: CVDomain = env.domains["cv"]  # type: ignore[assignment]
    hidden = _restore(env, domain)
    variant = current(app)
    if variant is None:
        _forget_groupings(domain)
        return []
    focused = focus(domain, variant)  # once: its warnings once
    for entry in left_out(domain, variant, focused):
        domain.entries[entry.docname].remove(entry)
        hidden["entries"].setdefault(entry.docname, []).append(entry)
        mentions = domain.mentions.get(entry.docname, [])
        for mention in [m for m in mentions if m.entry_id == entry.node_id]:
            mentions.remove(mention)
            hidden["mentions"].setdefault(entry.docname, []).append(mention)
    _leave_out_headline(env, domain, hidden, variant)
    _forget_groupings(domain)
    if focused:  # the focus, and what the entries kept of the focused kinds use
        entries = [e for e in domain.all_entries() if e.kind in variant.kinds]
        used = focused.union(*(entry_skills(domain, entry) for entry in entries))
    else:  # what the pages kept mention
        used = set(domain.mentions_by_skill())
    index = env.domains["index"].entries  # type: ignore[attr-defined]
    for key in [k for k in domain.skills if k not in used]:
        skill = domain.skills.pop(key)
        hidden["skills"][key] = skill
        for name in [n for n, k in domain.names.items() if k == key]:
            hidden["names"][name] = domain.names.pop(name)
        items = index.get(skill.docname, [])
        for item in [i for i in items if i[2] == skill.node_id]:
            items.remove(item)
            hidden["index"].setdefault(skill.docname, []).append(item)
    _forget_groupings(domain)
    return []


def _forget_groupings(domain: CVDomain) -> None:
    """The domain's groupings of mentions and entries by skill, made again when asked."""
    domain._by_skill = None
    domain._entries_by_skill = None


def _leave_out_headline(
    env: BuildEnvironment, domain: CVDomain, hidden: dict[str, Any], variant: Variant
) -> None:
    """The mentions in the home page's headline, which the variant's headline replaces."""
    root = env.config.root_doc
    if not variant.headline or root not in env.all_docs:
        return
    intro = intro_paragraphs(env.get_doctree(root))
    if not lead_headline(intro):
        return
    ids = {x.get("cv_mention_id") for x in intro[0].findall(addnodes.pending_xref)}
    mentions = domain.mentions.get(root, [])
    for mention in [m for m in mentions if m.node_id in ids]:
        mentions.remove(mention)
        hidden["mentions"].setdefault(root, []).append(mention)


def forget_document(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """``env-purge-doc``: what was kept aside of a document read again is gone with it."""
    hidden = env.domains["cv"].data.get(_HIDDEN, {})
    for part in ("entries", "mentions", "index"):
        hidden.get(part, {}).pop(docname, None)
    gone = [k for k, s in hidden.get("skills", {}).items() if s.docname == docname]
    for key in gone:
        del hidden["skills"][key]
    for name in [n for n, k in hidden.get("names", {}).items() if k in gone]:
        del hidden["names"][name]


def unlink_left_out(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """``missing-reference``: a link to what the variant leaves out is plain text."""
    if node.get("refdomain") != "cv":
        return None
    hidden = env.domains["cv"].data.get(_HIDDEN, {})
    target = skill_key(node["reftarget"])
    if node["reftype"] == "skill" and target in hidden.get("names", {}):
        return contnode
    entries = (e for items in hidden.get("entries", {}).values() for e in items)
    if node["reftype"] == "entry" and any(skill_key(e.title) == target for e in entries):
        return contnode
    return None


# -- the pages (doctree-resolved) ---------------------------------------------------


def prune(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: take out the left-out entries and skill definitions, and the
    blocks and sections they leave empty; the home page's headline gives way to the
    variant's."""
    variant = current(app)
    if variant is None:
        return
    env = app.env
    hidden = env.domains["cv"].data.get(_HIDDEN, {})
    entry_ids = {(e.docname, e.node_id) for v in hidden.get("entries", {}).values() for e in v}
    skill_ids = {s.node_id for s in hidden.get("skills", {}).values()}

    def page(node: nodes.Element) -> str:
        return env.path2doc(node.source) or docname if node.source else docname

    for entry in list(doctree.findall(cv_entry)):
        ids = {i for node in entry.findall(nodes.Element) for i in node["ids"]}
        if {(page(entry), i) for i in ids} & entry_ids:
            _remove(entry)
    for desc in list(doctree.findall(addnodes.desc)):
        ids = {i for s in desc.children if isinstance(s, addnodes.desc_signature) for i in s["ids"]}
        if desc.get("domain") == "cv" and ids & skill_ids:
            _remove(desc)
    if variant.compact and app.builder.format != "latex":  # the PDF's layout has its own
        for parent in {id(d.parent): d.parent for d in doctree.findall(_is_skill)}.values():
            _skills_as_names(parent)
    if variant.headline and docname == app.config.root_doc:
        intro = intro_paragraphs(doctree)
        if lead_headline(intro):
            intro[0].parent.remove(intro[0])


def _is_skill(node: nodes.Node) -> bool:
    return isinstance(node, addnodes.desc) and node.get("domain") == "cv"


def _skills_as_names(parent: nodes.Element) -> None:
    """Each run of skill definitions as one line of their names, each name its anchor."""
    run: list[nodes.Element] = []
    for child in [*parent.children, None]:
        if _is_skill(child) or isinstance(child, addnodes.index):
            run.append(child)  # type: ignore[arg-type]
            continue
        if any(_is_skill(node) for node in run):
            parent.insert(parent.index(run[0]), _names_line(run))
            for node in run:
                parent.remove(node)
        run = []


def _names_line(run: list[nodes.Element]) -> nodes.paragraph:
    signatures = [
        s for node in run if _is_skill(node) for s in node.findall(addnodes.desc_signature)
    ]
    line = skill_names_line(signatures, classes=("cv-skill-names",))
    line += [node.deepcopy() for node in run if isinstance(node, addnodes.index)]
    return line


def _empty(node: nodes.Element) -> bool:
    """Nothing left to read in *node*: at most a title, targets and index entries."""
    for child in node.children:
        if isinstance(child, (nodes.title, nodes.target, addnodes.index)):
            continue
        if isinstance(child, nodes.Text):
            if child.strip():
                return False
        elif isinstance(child, nodes.TextElement) or not _empty(child):
            return False
    return True


def _remove(node: nodes.Element) -> None:
    """Remove *node*, then the blocks and sections it leaves with nothing to read (a
    page's own section stays, with its title)."""
    parent = node.parent
    parent.remove(node)
    while (
        parent is not None
        and not isinstance(parent, nodes.document)
        and not isinstance(parent.parent, nodes.document)
        and _empty(parent)
    ):
        grand = parent.parent
        grand.remove(parent)
        parent = grand


# -- the downloads -----------------------------------------------------------------


def variant_pdfs(app: Sphinx) -> list[tuple[str, str]]:
    """Every other PDF the site offers: the whole CV's in a variant, each variant's.

    Those beside the pages (``make variants`` puts them there); on Read the Docs all of
    them (its ``post_build`` job adds them once the pages are written).
    """
    stem = getattr(app, "_cv_pdf_stem", "")
    if not stem:
        return []
    this = current(app)
    offered = [] if this is None else [(str(_("PDF: whole CV")), pdf_name(stem, None))]
    for variant in getattr(app, "_cv_variants", {}).values():
        if this is None or variant.name != this.name:
            offered.append((str(_("PDF: %s")) % variant.label, pdf_name(stem, variant)))
    on_read_the_docs = bool(os.environ.get("READTHEDOCS"))
    return [
        (label, name)
        for label, name in offered
        if on_read_the_docs or (Path(app.outdir) / name).is_file()
    ]


def write_limits(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: the LaTeX folder notes the variant's page limit for the check
    after latexmk (``python -m sphinx_cv.latex.pagelimit``)."""
    variant = current(app)
    if exception is not None or app.builder.format != "latex" or variant is None:
        return
    data = {"variant": variant.name, "title": variant.label, "pages": variant.pages}
    (Path(app.outdir) / "sphinxcv-variant.json").write_text(json.dumps(data) + "\n", "utf-8")


def setup_variants(app: Sphinx) -> None:
    """Declare ``cv_variants``, ``cv_variants_dir`` and ``cv_variant``; hook the build."""
    app.add_config_value("cv_variants", {}, "env", frozenset({dict}), "named variants of the CV")
    app.add_config_value("cv_variants_dir", "variants", "env", frozenset({str}))
    app.add_config_value("cv_variant", "", "env", frozenset({str}), "the variant to build")
    app.connect("config-inited", choose, priority=400)  # before the PDF's name is used
    app.connect("env-updated", leave_out)
    app.connect("env-purge-doc", forget_document)
    app.connect("missing-reference", unlink_left_out)
    app.connect("doctree-resolved", prune, priority=400)  # before "Used in" and the header
    app.connect("build-finished", write_limits)
