"""The ``cv`` domain's lookups: the objects it gives Sphinx (inventory, search) and the
``any`` role, which tries every object type of every domain."""

from __future__ import annotations

from pathlib import Path

import sphinx_cv
from bs4 import BeautifulSoup
from test_bad_input import build, write

SKILLS = """\
# Skills

```{cv:skill} Go
:aliases: golang, Go lang

Compiled language.
```
"""

PROJECTS = """\
# Projects

```{cv:project} Cluster autoscaler
:skills: Go

Scales clusters.
```
"""

INDEX = """\
# Jane Doe

Any name: {any}`golang`, {any}`Cluster autoscaler`.

An entry in any case: {cv:entry}`cluster  AUTOSCALER`.

```{toctree}
skills
projects
```
"""


def test_objects_are_skills_their_aliases_and_entries(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, index=INDEX, skills=SKILLS, projects=PROJECTS))
    assert sorted(app.env.domains["cv"].get_objects()) == [
        (
            "Cluster autoscaler",
            "Cluster autoscaler",
            "entry",
            "projects",
            "entry-cluster-autoscaler",
            1,
        ),
        ("Go", "Go", "skill", "skills", "skill-go", 1),
        ("Go lang", "Go lang", "skill", "skills", "skill-go", 2),  # an alias: a lower priority
        ("golang", "golang", "skill", "skills", "skill-go", 2),
    ]


def test_any_role_finds_a_skill_by_alias_and_an_entry_by_title(make_app, tmp_path: Path) -> None:
    app = build(make_app, write(tmp_path, index=INDEX, skills=SKILLS, projects=PROJECTS))
    assert app.statuscode == 0  # no warning (-W)
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    links = {a.get_text(): a["href"] for a in page.select("article p a.reference.internal")}
    assert links == {
        "golang": "skills.html#skill-go",
        "Cluster autoscaler": "projects.html#entry-cluster-autoscaler",
        "cluster  AUTOSCALER": "projects.html#entry-cluster-autoscaler",  # as written
    }


def test_extension_declares_its_version_and_parallel_safety(make_app, tmp_path: Path) -> None:
    app = make_app("html", srcdir=write(tmp_path))
    extension = app.extensions["sphinx_cv"]
    assert extension.version == sphinx_cv.__version__
    assert (extension.parallel_read_safe, extension.parallel_write_safe) == (True, True)
