"""The PDF: a LaTeX theme of the extension's own, and the LaTeX form of what the pages hold.

``latex_theme = "cv"``
    The theme in the extension's ``latex/cv`` folder: the ``sphinxcv`` class over
    ``article``. A header of name, headline and links instead of a title page, no
    table of contents, compact sections and the index of skills at the end.
``cv_paper``
    ``"a4"`` (the default) or ``"letter"``: the PDF's paper, for any LaTeX theme.

The header and the PDF's metadata come from ``cv_name``, ``cv_headline`` and
``cv_links`` (:mod:`sphinx_cv.config`) and the skills of the ``cv`` domain; they
are written with the look of the extension's nodes into ``sphinxcv.sty``, which
every LaTeX build loads. For the LaTeX builder only, sphinx-design's components
become blocks and rows of cells, the pages of a toctree ending the home page follow
at the top level, lists of short items fill rows, and skill definitions become
compact paragraphs, the places they are used given as page numbers.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes
from sphinx.config import ENUM
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import texescape
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.template import LaTeXRenderer
from sphinx_design.shared import PassthroughTextElement

from .config import links
from .skills import _short_url
from .web.profile import _intro_paragraphs, _is_link_line, _lead_headline

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.latex import LaTeXTranslator

LATEX_DIR = Path(__file__).parent / "latex"
"""``cv/theme.conf`` (the theme), ``sphinxcv.cls`` and ``sphinxcv.sty.jinja``."""

PAPERS = {"a4": "a4paper", "letter": "letterpaper"}
URI_SAFE = ":/?#[]@!$&'()*+,;=%~"
"""Characters kept as they are in a link of the header (the others: percent-encoded)."""
MAX_COLUMNS = 3
SHORT_ITEM = 56
"""Longest item (in characters) of a list set in two columns (in three: two thirds of it)."""
SHORT_SKILLS = 60
"""Longest skills line (in characters) of an entry that ends its last paragraph."""


# -- nodes: environments of sphinxcv.sty ------------------------------------------


class cv_latex_env(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """A block typeset by the environment ``env`` of sphinxcv.sty, with arguments ``args``."""


class cv_latex_inline(nodes.Inline, nodes.TextElement):  # noqa: N801
    """Inline content in the environment ``env`` of sphinxcv.sty (no macro argument: it may
    hold ``\\index`` entries, which must be read as the text goes)."""


def visit_env(self: LaTeXTranslator, node: cv_latex_env) -> None:
    args = "".join(f"{{{arg}}}" for arg in node.get("args", ()))
    anchors = self.hypertarget_to(node, anchor=True) if node["ids"] else ""
    before = "" if node.get("cell") else "\n"  # cells of a row: no blank line, no \par
    self.body.append(f"{before}\\begin{{{node['env']}}}{args}{anchors}\n")


def depart_env(self: LaTeXTranslator, node: cv_latex_env) -> None:
    after = "%\n" if node.get("cell") else "\n"
    self.body.append(f"\n\\end{{{node['env']}}}{after}")


def visit_inline(self: LaTeXTranslator, node: cv_latex_inline) -> None:
    self.body.append(f"\\begin{{{node['env']}}}")


def depart_inline(self: LaTeXTranslator, node: cv_latex_inline) -> None:
    self.body.append(f"\\end{{{node['env']}}}")


class cv_latex_pages(nodes.Inline, nodes.Element):  # noqa: N801
    """The pages of the LaTeX labels ``labels`` (``docname:id``), each a link, repeats left out."""


def visit_pages(self: LaTeXTranslator, node: cv_latex_pages) -> None:
    labels = ",".join(self.idescape(label) for label in node["labels"])  # \detokenize{…}
    self.body.append(rf"\sphinxcvpages{{{labels}}}")
    raise nodes.SkipNode


def _env(env: str, *args: object, cell: bool = False) -> cv_latex_env:
    return cv_latex_env(env=env, args=[str(arg) for arg in args], cell=cell)


def _inline(env: str, *children: nodes.Node) -> cv_latex_inline:
    return cv_latex_inline("", "", *children, env=env)


def _is_env(node: nodes.Node, env: str) -> bool:
    return isinstance(node, cv_latex_env) and node["env"] == env


def _replace(node: nodes.Element, new: nodes.Element) -> nodes.Element:
    """Put *new* in the place of *node*, with its ids, source and children."""
    new["ids"].extend(node["ids"])
    new.source, new.line = node.source, node.line
    new.extend(node.children)
    node.replace_self(new)
    return new


def _unwrap(node: nodes.Element) -> None:
    """Put the children of *node* in its place (its ids kept as a target)."""
    anchor = [nodes.target("", "", ids=node["ids"])] if node["ids"] else []
    node.replace_self(anchor + list(node.children))


# -- sphinx-design's components ------------------------------------------------


def _columns(row: nodes.Element) -> int:
    """Columns of a grid row on a wide screen: ``sd-row-cols-lg-N`` (else ``sd-row-cols-N``)."""
    counts: dict[str, int] = {}
    for name in row.get("classes", []):
        match = re.fullmatch(r"sd-row-cols-(?:(xs|sm|md|lg)-)?(\d+)", name)
        if match:
            counts[match[1] or ""] = int(match[2])
    return max(1, min(counts.get("lg", counts.get("", 1)), MAX_COLUMNS))


def _card_title(title: nodes.Element) -> None:
    _replace(title, _inline("sphinxcvblocktitle"))


def _card(card: nodes.Element) -> None:
    """A ruled block with its title; a link card's title is its link."""
    title = next((c for c in card.children if _is_title(c)), None)
    link = _take_link(card)
    if link is not None:
        target = {key: link[key] for key in ("refuri", "refid", "internal") if key in link}
        if title is not None and not any(title.findall(nodes.reference)):
            link_title = nodes.reference("", "", **target)
            link_title.extend(list(title.children))
            title[:] = [link_title]
        else:
            text = link.astext()
            shown = _short_url(text) if text == link.get("refuri") else text
            shown_link = nodes.reference("", "", nodes.Text(shown), **target)
            card += _inline("sphinxcvblocklink", shown_link)
    _replace(card, _env("sphinxcvblock"))


def _is_title(node: nodes.Node) -> bool:
    return isinstance(node, cv_latex_inline) and node["env"] == "sphinxcvblocktitle"


def _take_link(card: nodes.Element) -> nodes.reference | None:
    """Remove the card's stretched link (the whole card is clickable in HTML) and return it."""
    for child in card.children:
        if isinstance(child, PassthroughTextElement):
            card.remove(child)
            return next(iter(child.findall(nodes.reference)), None)
    return None


def _titled(block: nodes.Element) -> None:
    """A tab or a dropdown: a ruled block whose title is its label."""
    label = next((c for c in block.children if isinstance(c, nodes.rubric)), None)
    if label is not None:
        label.replace_self(_inline("sphinxcvblocktitle", *label.children))
    _replace(block, _env("sphinxcvblock"))


def _grid_row(row: nodes.Element) -> None:
    columns = _columns(row)
    if columns > 1:
        _replace(row, _env("sphinxcvcolumns", columns))
    else:
        _unwrap(row)


def _grid_item(item: nodes.Element) -> None:
    """A cell of its row (rows of one column flow freely)."""
    if _columns(item.parent) > 1:
        _replace(item, _env("sphinxcvcolumn", cell=True))
    else:
        _unwrap(item)


def _is_component(node: nodes.Element) -> bool:
    return bool(node.get("design_component"))


class DesignForLatex(SphinxPostTransform):
    """sphinx-design's containers as blocks, columns and items that sphinxcv.sty typesets.

    Cards, tabs and dropdowns are ruled blocks with their titles, grids are columns,
    badges and buttons stay text; any other component gives its content.
    """

    builders = ("latex",)
    default_priority = 200  # after references are resolved: a card's link is final

    handlers: ClassVar[dict[str, Callable[[nodes.Element], None]]] = {
        "card": _card,
        "card-title": _card_title,
        "tab-item": _titled,
        "dropdown": _titled,
        "grid-row": _grid_row,
        "grid-item": _grid_item,
    }

    def run(self, **kwargs: Any) -> None:
        components = [n for n in self.document.findall(nodes.container) if _is_component(n)]
        for node in reversed(components):  # the innermost first: a card finds its title made
            self.handlers.get(node["design_component"], _unwrap)(node)


# -- the CV's layout -------------------------------------------------------------


def _is_toctree_wrapper(node: nodes.Node) -> bool:
    return isinstance(node, nodes.compound) and "toctree-wrapper" in node["classes"]


def header_lines(config: Config, root: nodes.document) -> Iterator[nodes.paragraph]:
    """The home page's paragraphs that the header shows: the headline, the profile links."""
    intro = _intro_paragraphs(root)
    headline = headline_of(config, intro)
    urls = {url.rstrip("/") for _, url in links(config)}
    for paragraph in intro:
        if " ".join(paragraph.astext().split()) == headline or _is_link_line(paragraph, urls):
            yield paragraph


def headline_of(config: Config, intro: list[nodes.paragraph]) -> str:
    """``cv_headline``, else the home page's first paragraph when it is all bold."""
    return config.cv_headline or _lead_headline(intro)


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
            for paragraph in list(header_lines(self.config, self.document)):
                anchors = list(paragraph.findall(nodes.target))
                for anchor in anchors:
                    anchor.parent.remove(anchor)
                shown_in_header = _env("sphinxcvheaderline")
                paragraph.replace_self([*anchors, shown_in_header])
                shown_in_header += paragraph
        for bullets in list(self.document.findall(nodes.bullet_list)):
            columns = _list_columns(bullets)
            if columns > 1 and not any(_ancestors(bullets, cv_latex_env)):
                for item in list(bullets.children):
                    _replace(item, _env("sphinxcvcolumnitem", cell=True))
                _replace(bullets, _env("sphinxcvcolumns", columns))

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
    """``doctree-resolved``: skill definitions as paragraphs in columns, entries' skills small."""
    if app.builder.format != "latex":
        return
    domain = app.env.domains["cv"]
    for desc in list(doctree.findall(addnodes.desc)):
        if desc.get("domain") == "cv" and desc.get("objtype") == "skill":
            names = [s.astext() for s in desc.children if isinstance(s, addnodes.desc_signature)]
            skill = domain.find_skill(names[0]) if names else None  # type: ignore[attr-defined]
            _compact_skill(desc, skill.docname if skill else docname)
    for parent in {id(n.parent): n.parent for n in doctree.findall(cv_latex_env)}.values():
        for run in _skill_runs(parent.children):
            _wrap_run(parent, run, _env("sphinxcvskills"))
    for section in list(doctree.findall(nodes.section)):
        _one_set_of_columns(section)
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if "cv-entry-skills" in paragraph["classes"]:
            _entry_skills(paragraph)


def _entry_skills(skills: nodes.paragraph) -> None:
    """A short skills line ends the entry's last paragraph; a long one follows it."""
    parent = skills.parent
    before = parent[parent.index(skills) - 1] if parent.index(skills) else None
    if isinstance(before, nodes.paragraph) and len(skills.astext()) <= SHORT_SKILLS:
        before += _inline("sphinxcventryskillsinline", *skills.children)
        parent.remove(skills)
    else:
        wrapper = _env("sphinxcventryskills")
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
    line += _inline("sphinxcvskillname", nodes.Text(", ".join(s.astext() for s in signatures)))
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
    skill = _env("sphinxcvskill")
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
            _is_env(child, "sphinxcvskill") or isinstance(child, (addnodes.index, nodes.target))
        ):
            run.append(child)
            continue
        while run and not _is_env(run[-1], "sphinxcvskill"):
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
        for skills in [c for c in part.children if _is_env(c, "sphinxcvskills")]:
            skills.replace_self(skills.children)
    _wrap_run(section, parts, _env("sphinxcvskills"))


def _only_skills(section: nodes.section) -> bool:
    body = [c for c in section.children if not isinstance(c, nodes.title)]
    return bool(body) and all(_is_env(c, "sphinxcvskills") for c in body)


def _wrap_run(parent: nodes.Element, run: list[nodes.Node], wrapper: nodes.Element) -> None:
    parent.insert(parent.index(run[0]), wrapper)
    for node in run:
        parent.remove(node)
        wrapper.append(node)


# -- theme, paper and the files beside the .tex ----------------------------------


def add_theme(app: Sphinx, config: Config) -> None:
    """``config-inited``: find the ``cv`` theme; paper from ``cv_paper`` unless set otherwise."""
    # new values, not changed defaults (which other Sphinx applications may share)
    if str(LATEX_DIR) not in map(str, config.latex_theme_path):
        config.latex_theme_path = [*config.latex_theme_path, str(LATEX_DIR)]
    if "papersize" not in config.latex_elements:
        config.latex_theme_options = {
            "papersize": PAPERS[config.cv_paper],
            **config.latex_theme_options,
        }


def copy_support_files(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: ``sphinxcv.cls`` and ``sphinxcv.sty`` (header, metadata) by the .tex."""
    if exception is not None or app.builder.format != "latex":
        return
    copy_asset_file(LATEX_DIR / "sphinxcv.cls", app.outdir, force=True)
    copy_asset_file(
        LATEX_DIR / "sphinxcv.sty.jinja",
        app.outdir,
        context=header_context(app),
        renderer=LaTeXRenderer(latex_engine=app.config.latex_engine),
        force=True,
    )


def header_context(app: Sphinx) -> dict[str, str]:
    """The header and PDF metadata as LaTeX text: name, headline, links, skill names."""
    config = app.config
    escape = partial(texescape.escape, latex_engine=config.latex_engine)
    root = app.env.get_doctree(config.root_doc)
    skills = sorted((s.name for s in app.env.domains["cv"].skills.values()), key=str.casefold)
    return {
        "name": escape(config.cv_name),
        "headline": escape(headline_of(config, _intro_paragraphs(root))),
        "links": r"\sphinxcvlinksep".join(
            rf"\sphinxcvlink{{{_latex_uri(url, escape)}}}{{{escape(text)}}}"
            for text, url in _link_texts(config)
        ),
        "keywords": escape(", ".join(skills)),
        "language": escape(config.language or "en"),
    }


def _link_texts(config: Config) -> Iterator[tuple[str, str]]:
    """``GitHub: github.com/me``: a printed CV shows where its links go."""
    for label, url in links(config):
        shown = re.sub(r"^(mailto|tel):", "", _short_url(url))
        same = label.strip().casefold() in {"", shown.casefold()}
        yield (shown if same else f"{label}: {shown}"), url


def _latex_uri(url: str, escape: Callable[[str], str]) -> str:
    """A URL for ``\\href``: characters a URI may not hold percent-encoded, then escaped as
    Sphinx's LaTeX writer escapes link targets."""
    return (
        escape(quote(url, safe=URI_SAFE))
        .replace(r"\textasciitilde{}", "~")
        .replace(r"\sphinxhyphen{}", "-")
        .replace(r"\textquotesingle{}", "'")
    )


def setup_latex(app: Sphinx) -> None:
    """Register ``cv_paper``, the ``cv`` theme, the LaTeX nodes, transforms and files."""
    app.add_config_value("cv_paper", "a4", "", ENUM(*PAPERS), "the PDF's paper: a4 or letter")
    app.connect("config-inited", add_theme)
    app.add_node(cv_latex_env, latex=(visit_env, depart_env))
    app.add_node(cv_latex_inline, latex=(visit_inline, depart_inline))
    app.add_node(cv_latex_pages, latex=(visit_pages, None))
    app.add_post_transform(DesignForLatex)
    app.add_post_transform(CVLayoutForLatex)
    app.connect("doctree-resolved", compact_for_latex, priority=800)  # after "Used in"
    app.add_latex_package("sphinxcv", after_hyperref=True)
    app.connect("build-finished", copy_support_files)
