"""Write ``cv.yaml``: this repository's CV (``docs/``) as a RenderCV 2.8 input, for the bench.

``python tests/bench_data/rendercv_from_docs.py`` after the CV changes. Every page becomes
a section with the same text (cv roles as plain text, ``##`` titles in bold, entries as
bold titles with their text and skills, skills as one-line entries with their
descriptions), so that RenderCV typesets the same content as our PDF.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "tests"))

from bench_skills import ROLE  # noqa: E402  (the plain-text baseline's role pattern)

FENCE = re.compile(
    r"^(`{3,}|:{3,})\{([\w:-]+)\}([^\n]*)\n((?::[\w-]+:[^\n]*\n)*)(.*?)^\1\n", re.M | re.S
)
OPTION = re.compile(r"^:([\w-]+): *([^\n]*)$", re.M)


def plain(text: str) -> str:
    """MyST inline text without cv roles, on one line."""
    return " ".join(ROLE.sub(lambda m: m[1], text).split())


def blocks(markdown: str) -> list[str]:
    """The entries of one page's section: paragraphs, list items, titles, cv entries."""
    out: list[str] = []
    position = 0
    for match in FENCE.finditer(markdown):
        out += paragraphs(markdown[position : match.start()])
        position = match.end()
        kind, argument, options = match[2], match[3].strip(), dict(OPTION.findall(match[4]))
        if kind.startswith("cv:"):  # an entry of any kind; a section holds one type of entry:
            # all are text here
            name = f"[{argument}]({options['url']})" if "url" in options else argument
            skills = f" Skills: {options['skills']}." if "skills" in options else ""
            out.append(f"**{name}**: {plain(match[5])}{skills}")
        elif kind in ("grid-item-card", "card"):
            out += [f"**{argument}**", *paragraphs(match[5])]
        else:  # grids, grid items, toctrees: their content only
            out += blocks(match[5]) if kind != "toctree" else []
    return out + paragraphs(markdown[position:])


def paragraphs(markdown: str) -> list[str]:
    """Paragraphs and list items as text entries; ``##`` titles in bold."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", markdown):
        text = block.strip()
        if text.startswith("##"):
            out.append(f"**{plain(text.lstrip('#'))}**")
        elif text and not text.startswith(("#", "```", ":::")):
            out += [plain(item) for item in re.split(r"^- ", text, flags=re.M) if item.strip()]
    return out


def skills(markdown: str) -> list[dict[str, str]]:
    return [
        {"label": match[3].strip(), "details": plain(match[5])}
        for match in FENCE.finditer(markdown)
        if match[2] == "cv:skill"
    ]


def main() -> None:
    docs = REPO / "docs"
    index = (docs / "index.md").read_text()
    toctrees = "\n".join(re.findall(r"```\{toctree\}\n(.*?)```", index, re.S))
    order = re.findall(r"^(\w[\w-]*)$", toctrees, re.M)
    title, headline, link, *rest = re.split(r"\n\s*\n", index.split("\n## ", 1)[0])
    sections: dict[str, list[str]] = {"Profile": paragraphs("\n\n".join(rest))}
    for part in index.split("\n## ")[1:]:
        heading, body = part.split("\n", 1)
        sections[heading.strip()] = blocks(body)
    for name in order:
        page = (docs / f"{name}.md").read_text()
        heading, body = page.split("\n", 1)
        sections[heading.lstrip("# ").strip()] = skills(body) if name == "skills" else blocks(body)
    user = re.search(r"github\.com/(\w+)", link)[1]
    cv = {
        "cv": {
            "name": title.lstrip("# ").strip(),
            "headline": plain(headline.strip("* \n")),
            "social_networks": [{"network": "GitHub", "username": user}],
            "sections": sections,
        },
        "design": {"theme": "classic"},
    }
    header = "# Generated from docs/ by rendercv_from_docs.py (the bench's RenderCV input)\n"
    text = yaml.safe_dump(cv, sort_keys=False, allow_unicode=True, width=1000)
    (HERE / "cv.yaml").write_text(header + text)


if __name__ == "__main__":
    main()
