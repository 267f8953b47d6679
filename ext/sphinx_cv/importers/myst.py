"""A :class:`~.document.Document` as the files of a CV repository, in MyST Markdown."""

from __future__ import annotations

import re
import unicodedata
from pprint import pformat
from typing import TYPE_CHECKING

from .document import Block, Entry, Markup

if TYPE_CHECKING:
    from .document import Document, Section

# Characters that start markup anywhere in a line (CommonMark and MyST's roles, targets,
# substitutions, HTML, autolinks, entities), and at the start of a line (headings, lists,
# quotes, tables, comments, field lists, thematic breaks).
_INLINE = re.compile(r"([\\`*_{}\[\]<>&|~$])")
_LINE_START = re.compile(r"^(\s*\d*)([#+\-=>:%|!(.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Plain text as MyST inline text that renders as the same characters."""
    if isinstance(text, Markup):
        return text
    return _LINE_START.sub(r"\1\\\2", _INLINE.sub(r"\\\1", text))


def one_line(text: str) -> str:
    """A directive argument or option value: one line, runs of white space as one space."""
    return " ".join(text.split())


def paragraphs(text: str) -> list[str]:
    """Text split at blank lines; lines inside a paragraph joined by a space."""
    return [one_line(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def slug(title: str) -> str:
    """A page name: lower-case ASCII letters, digits and hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "section"


def entry(item: Entry) -> str:
    """One ``{cv:KIND}`` directive in a backtick fence."""
    fence = "~~~" if "`" in item.name else "```"  # a backtick fence's info has no backtick
    lines = [f"{fence}{{cv:{item.kind}}} {one_line(item.name)}"]
    lines += [f":{key}: {one_line(value)}" for key, value in item.options.items() if value.strip()]
    body = [escape(p) for p in item.paragraphs]
    if item.highlights:
        body.append(bullets(item.highlights))
    if body:
        lines += ["", "\n\n".join(body)]
    lines.append(fence)
    return "\n".join(lines)


def bullets(items: list[str], numbered: bool = False) -> str:
    """A Markdown list; an item's later lines are indented under it."""
    out = []
    for number, item in enumerate(items, 1):
        marker = f"{number}. " if numbered else "- "
        text = escape(one_line(item)) if not isinstance(item, Markup) else item
        out.append(marker + text.replace("\n", "\n" + " " * len(marker)))
    return "\n".join(out)


def block(item: Block) -> str:
    if item.style == "paragraphs":
        return "\n\n".join(escape(p) for p in item.items)
    return bullets(item.items, numbered=item.style == "numbered")


def section_page(section: Section) -> str:
    parts = [f"# {escape(one_line(section.title))}"]
    parts += [entry(i) if isinstance(i, Entry) else block(i) for i in section.items]
    return "\n\n".join(parts) + "\n"


def skills_page(document: Document) -> str:
    parts = ["# Skills"]
    for group in document.skills:
        if group.category:
            parts.append(f"## {escape(one_line(group.category))}")
        for skill in group.skills:
            lines = [f"```{{cv:skill}} {one_line(skill.name)}"]
            if skill.level.strip():
                lines.append(f":level: {one_line(skill.level)}")
            lines.append("```")
            parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def index_page(document: Document, pages: list[str]) -> str:
    parts = [f"# {escape(document.name)}"]
    parts += [escape(p) for p in document.summary]
    if pages:
        parts.append("```{toctree}\n:hidden:\n\n" + "\n".join(pages) + "\n```")
    return "\n\n".join(parts) + "\n"


def conf_py(document: Document, source: str) -> str:
    """The Sphinx configuration: the person's values; sphinx_cv gives every other one."""
    lines = [
        f"# Sphinx configuration of the CV of {one_line(document.name)},",
        f"# imported from {one_line(source)} by sphinx-cv import.",
        "",
        f"project = {document.name!r}",
        f"author = {document.name!r}",
        f"copyright = {document.name!r}",
        "",
        'extensions = ["sphinx_cv"]',
        'smartquotes = False  # the text as imported: straight quotes, "--" not a dash',
        "",
        "# who the CV is about, shown under the name on the site and in the PDF",
    ]
    lines += [
        f"{key} = {pformat(value, width=88 - len(f'{key} = '), sort_dicts=False)}"
        for key, value in document.person.items()  # 88 columns, ``key = `` included
    ]
    if document.image in document.files:
        lines += ["", f"html_logo = {document.image!r}  # the photo"]
    elif document.image:
        lines += [
            "",
            "# The photo's address: save the photo beside conf.py and name the file here",
            "# (the site loads nothing from another origin).",
            f"# html_logo = {document.image!r}",
        ]
    if document.kept:
        lines += ["", f"# Values of {one_line(source)} that sphinx-cv has no setting for:"]
        lines += [
            "# " + line for line in pformat(document.kept, width=86, sort_dicts=False).splitlines()
        ]
    return "\n".join(lines) + "\n"


def files(document: Document, source: str) -> dict[str, str]:
    """The pages and ``conf.py`` by path, relative to the repository's root."""
    pages: dict[str, str] = {}
    reserved = {"index", "genindex", "search"} | ({"skills"} if document.skills else set())
    for number, section in enumerate(document.sections):
        if number == document.skills_at and document.skills:
            pages["skills"] = skills_page(document)
        name, count = section.slug, 1
        while name in pages or name in reserved:
            count += 1
            name = f"{section.slug}-{count}"
        pages[name] = section_page(section)
    if document.skills and "skills" not in pages:
        pages["skills"] = skills_page(document)
    out = {f"docs/{name}.md": text for name, text in pages.items()}
    out["docs/index.md"] = index_page(document, list(pages))
    out["conf.py"] = conf_py(document, source)
    return out
