"""The ``cv:entry`` directive: a project, a solution or a piece of education."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from .model import skill_key
from .nodes import cv_entry, cv_entry_header, cv_entry_meta, cv_entry_title
from .skills import LOGGER, comma_list, link_option, skill_reference

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec


class EntryDirective(SphinxDirective):
    """Title as argument; url, period, role and skills as options; body as content."""

    has_content = True
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {
        "url": directives.uri,
        "period": directives.unchanged_required,
        "role": directives.unchanged_required,
        "skills": comma_list,
    }

    def run(self) -> list[Node]:
        title = " ".join(self.arguments[0].split())
        url = link_option(self)
        period = self.options.get("period", "")
        role = self.options.get("role", "")
        skills = self._skills()
        node = cv_entry(title=title, url=url, period=period, role=role, skills=list(skills))
        self.set_source_info(node)
        node["ids"].append(make_id(self.env, self.state.document, "entry", title.casefold()))
        self.state.document.note_explicit_target(node)

        heading = cv_entry_title()
        heading += nodes.reference(title, title, refuri=url) if url else nodes.Text(title)
        meta = " · ".join(part for part in (role, period) if part)
        node += cv_entry_header("", heading, cv_entry_meta(meta, meta))
        node += self.parse_content_to_nodes()
        if skills:
            node += self._skills_line(skills)
        return [node]

    def _skills(self) -> tuple[str, ...]:
        """``:skills:`` with each name once (a repeat is a warning)."""
        skills: dict[str, str] = {}
        for name in self.options.get("skills", ()):
            if skill_key(name) in skills:
                LOGGER.warning(
                    "skill %r is listed twice in :skills:; it counts once",
                    name,
                    location=self.get_location(),
                    type="cv",
                    subtype="skills",
                )
                continue
            skills[skill_key(name)] = name
        return tuple(skills.values())

    def _skills_line(self, skills: tuple[str, ...]) -> nodes.paragraph:
        line = nodes.paragraph(classes=["cv-entry-skills"])
        line += nodes.strong("Skills:", "Skills:")
        for number, name in enumerate(skills):
            line += nodes.Text(" " if number == 0 else ", ")
            anchor, xref = skill_reference(self.env, self.state.document, name, name, False)
            xref["cv_canonical"] = True
            self.set_source_info(xref)
            line += [anchor, xref]
        return line
