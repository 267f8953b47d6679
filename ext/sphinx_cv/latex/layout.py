"""The CV's layout in the PDF: pages at the home page's level, compact lists and skills."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..homepage import header_paragraphs
from ..skills import skill_names_line
from .nodes import cv_latex_env, cv_latex_pages, is_env, latex_env, latex_inline, replace

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sphinx.application import Sphinx

SHORT_ITEM = 56
"""Longest item (in characters) of a list set in two columns (in three: two thirds of it)."""
SHORT_SKILLS = 60
"""Longest skills line (in characters) of an entry that ends its last paragraph."""


def _is_toctree_wrapper(node: nodes.Node) -> bool:
    return isinstance(node, nodes.compound) and "toctree-wrapper" in node["classes"]


class CVLayoutForLatex(SphinxPostTransform):
    """The home page's sections and its pages at one level, header lines once, short lists.

    Sphinx puts the pages of a toctree where the toctree is: at the end of the
    home page's last section, one level below it. They follow that section instead.
    The headline and profile links are in the ``cv`` theme's header: their paragraphs
    are marked, for the theme to leave them out (their anchors stay). Lists of short
    items are set in columns.
    """

    builders = ("latex",)
    default_priority = 210  # after DesignForLatex: no columns in its columns

    def run(self, **kwargs: Any) -> None:
        wrappers = list(self.document.findall(_is_toctree_wrapper))
        for wrapper in reversed(wrappers):  # the last first: each goes right after its section
            while self._ends_nested_section(wrapper):
                section = wrapper.parent
                section.remove(wrapper)
                section.parent.insert(section.parent.index(section) + 1, wrapper)
        if self.env.docname == self.config.root_doc:
            for paragraph in list(header_paragraphs(self.config, self.document)):
                anchors = list(paragraph.findall(nodes.target))
                for anchor in anchors:
                    anchor.parent.remove(anchor)
                shown_in_header = latex_env("sphinxcvheaderline")
                paragraph.replace_self([*anchors, shown_in_header])
                shown_in_header += paragraph
        for bullets in list(self.document.findall(nodes.bullet_list)):
            columns = _list_columns(bullets)
            if columns > 1 and not any(_ancestors(bullets, cv_latex_env)):
                for item in list(bullets.children):
                    replace(item, latex_env("sphinxcvcolumnitem", cell=True))
                replace(bullets, latex_env("sphinxcvcolumns", columns))

    @staticmethod
    def _ends_nested_section(node: nodes.Element) -> bool:
        section = node.parent
        return (
            isinstance(section, nodes.section)
            and isinstance(section.parent, nodes.section)
            and section[-1] is node
        )


def _list_columns(bullets: nodes.bullet_list) -> int:
    """Columns for a list of 4 short items or more (3 for 5 very short ones or more), else 1."""
    items = bullets.children
    if len(items) < 4 or not all(len(i) == 1 and isinstance(i[0], nodes.paragraph) for i in items):
        return 1
    longest = max(len(" ".join(item.astext().split())) for item in items)
    if longest > SHORT_ITEM:
        return 1
    return 3 if longest <= SHORT_ITEM * 2 // 3 and len(items) > 4 else 2


# -- skill definitions and entries (once "Used in" is filled) --------------------


def compact_for_latex(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: skill definitions as one line per category (or, with
    ``cv_pdf_glossary``, as paragraphs in columns), entries' skills small."""
    if app.builder.format != "latex":
        return
    if not app.config.cv_pdf_index:
        for index in list(doctree.findall(addnodes.index)):
            index.parent.remove(index)
    domain = app.env.domains["cv"]
    if not app.config.cv_pdf_glossary:
        _skills_as_lines(doctree, domain)
    for desc in list(doctree.findall(addnodes.desc)):
        if desc.get("domain") == "cv" and desc.get("objtype") == "skill":
            names = [s.astext() for s in desc.children if isinstance(s, addnodes.desc_signature)]
            skill = domain.find_skill(names[0]) if names else None  # type: ignore[attr-defined]
            _compact_skill(desc, skill.docname if skill else docname)
    for parent in {id(n.parent): n.parent for n in doctree.findall(cv_latex_env)}.values():
        for run in _skill_runs(parent.children):
            _wrap_run(parent, run, latex_env("sphinxcvskills"))
    for section in list(doctree.findall(nodes.section)):
        _one_set_of_columns(section)
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if "cv-entry-skills" in paragraph["classes"]:
            _entry_skills(paragraph)


def _skills_as_lines(doctree: nodes.document, domain: Any) -> None:
    """Each run of skill definitions as ``Category: a, b, c``; a section holding only
    definitions (a category) becomes its line. Every skill keeps its anchor; the index
    lists the pages that use a skill, not this line."""
    descs = [
        d
        for d in doctree.findall(addnodes.desc)
        if d.get("domain") == "cv" and d.get("objtype") == "skill"
    ]
    for parent in {id(d.parent): d.parent for d in descs}.values():
        own = [c for c in parent.children if c in descs]
        for desc in own:  # the index lists where a skill is used, not this line
            before = parent[parent.index(desc) - 1] if parent.index(desc) else None
            if isinstance(before, addnodes.index):
                parent.remove(before)
        categories: dict[str, list[addnodes.desc]] = {}
        for desc in own:
            skill = domain.find_skill(desc[0].astext())
            categories.setdefault(skill.category if skill else "", []).append(desc)
        for category, group in categories.items():
            label = f"{category}:" if category else ""
            line = skill_names_line([d[0] for d in group], label, ("cv-skill-category",))
            parent.insert(parent.index(group[0]), line)
        for desc in own:
            parent.remove(desc)
        if isinstance(parent, nodes.section) and _only_lines(parent):
            anchor = nodes.target("", "", ids=list(parent["ids"]))
            body = [c for c in parent.children if not isinstance(c, nodes.title)]
            parent.replace_self([anchor, *body])


def _only_lines(section: nodes.section) -> bool:
    """A section with a title and nothing but category lines and index entries."""
    return all(
        isinstance(c, (nodes.title, addnodes.index, nodes.target))
        or "cv-skill-category" in c.get("classes", [])
        for c in section.children
    )


def _entry_skills(skills: nodes.paragraph) -> None:
    """A short skills line ends the entry's last paragraph; a long one follows it."""
    parent = skills.parent
    before = parent[parent.index(skills) - 1] if parent.index(skills) else None
    if isinstance(before, nodes.paragraph) and len(skills.astext()) <= SHORT_SKILLS:
        before += latex_inline("sphinxcventryskillsinline", *skills.children)
        parent.remove(skills)
    else:
        wrapper = latex_env("sphinxcventryskills")
        skills.replace_self(wrapper)
        wrapper += skills


def _compact_skill(desc: addnodes.desc, page: str) -> None:
    """``Name – description. Also: aliases · url. Used in: p. 1, 3`` as one paragraph.

    *page* is the skill's page. The places a skill is used, which the site names,
    are pages in the PDF (and the same links): in print the names take as much room
    as the rest of the skill.
    """
    signatures = [c for c in desc.children if isinstance(c, addnodes.desc_signature)]
    content = [c for c in desc.children if isinstance(c, addnodes.desc_content)]
    line = nodes.paragraph()
    line += latex_inline("sphinxcvskillname", nodes.Text(", ".join(s.astext() for s in signatures)))
    rest: list[nodes.Node] = []
    for child in (c for block in content for c in block.children):
        if "cv-skill-usage" in child.get("classes", []):
            _usage_as_pages(child, page)
        for ref in child.findall(nodes.reference):
            _breakable_url(ref)
        if isinstance(child, nodes.paragraph) and not rest:
            if len(line) > 1:
                line += nodes.Text(" " if line.astext().rstrip()[-1:] in ".!?:;" else ". ")
            line.extend(child.children)
        else:
            rest.append(child)
    skill = latex_env("sphinxcvskill")
    skill["ids"] = [node_id for s in signatures for node_id in s["ids"]]
    skill += [line, *rest]
    desc.replace_self(skill)


def _usage_as_pages(usage: nodes.Element, page: str) -> None:
    """``Used in: Page › Section (2); …`` as ``Used in: p. 1, 3`` (links to the same places)."""
    labels = []
    for ref in usage.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if uri.startswith("%"):  # the LaTeX builder's "%docname#id"
            docname, _, node_id = uri[1:].partition("#")
        else:  # an id on the skill's page
            docname, node_id = page, ref.get("refid", "")
        if node_id:
            labels.append(f"{docname}:{node_id}")
    label = next(iter(usage.findall(nodes.strong)), None)
    usage[:] = [label, nodes.Text(" "), cv_latex_pages(labels=labels)] if label else []


def _breakable_url(ref: nodes.reference) -> None:
    """Let a link shown as ``site.org/long/path`` break after its slashes."""
    text = ref.astext()
    if len(ref) == 1 and isinstance(ref[0], nodes.Text) and "/" in text and " " not in text:
        parts: list[nodes.Node] = []
        for number, part in enumerate(text.split("/")):
            if number:
                parts += [nodes.Text("/"), nodes.raw("", r"\allowbreak{}", format="latex")]
            parts.append(nodes.Text(part))
        ref[:] = parts


def _ancestors(node: nodes.Node, cls: type[nodes.Element]) -> Iterator[nodes.Element]:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, cls):
            yield parent
        parent = parent.parent


def _skill_runs(children: Iterable[nodes.Node]) -> Iterator[list[nodes.Node]]:
    """Runs of skill definitions with their index entries in between."""
    run: list[nodes.Node] = []
    for child in [*children, None]:
        if child is not None and (
            is_env(child, "sphinxcvskill") or isinstance(child, (addnodes.index, nodes.target))
        ):
            run.append(child)
            continue
        while run and not is_env(run[-1], "sphinxcvskill"):
            run.pop()
        if run:
            yield run
        run = []


def _one_set_of_columns(section: nodes.section) -> None:
    """Sections that hold only skill definitions (categories) share one set of columns."""
    parts = [c for c in section.children if isinstance(c, nodes.section)]
    if not parts or not all(_only_skills(part) for part in parts):
        return
    for part in parts:
        for skills in [c for c in part.children if is_env(c, "sphinxcvskills")]:
            skills.replace_self(skills.children)
    _wrap_run(section, parts, latex_env("sphinxcvskills"))


def _only_skills(section: nodes.section) -> bool:
    body = [c for c in section.children if not isinstance(c, nodes.title)]
    return bool(body) and all(is_env(c, "sphinxcvskills") for c in body)


def _wrap_run(parent: nodes.Element, run: list[nodes.Node], wrapper: nodes.Element) -> None:
    parent.insert(parent.index(run[0]), wrapper)
    for node in run:
        parent.remove(node)
        wrapper.append(node)


# -- theme, paper and the files beside the .tex ----------------------------------
