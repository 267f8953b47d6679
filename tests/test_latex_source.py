"""The LaTeX the extension writes (``sphinx_cv.latex``), read from in-process builds.

``test_pdf.py`` runs XeLaTeX and reads the PDF's text, as a reader sees it; these read
the ``.tex`` and ``sphinxcv.sty`` of ``sphinx.testing`` builds of small roots, where
``make mutation`` sees them (a XeLaTeX run per mutant would take hours).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from conftest import build_in_process, shared
from sphinx.testing.util import SphinxTestApp
from sphinx_cv.latex.pagelimit import check, pages_written
from sphinx_cv.latex.pagelimit import main as pagelimit_main
from sphinx_cv.latex.preload import DUMP_POINT, KEPT, _forget_old, cache_dir, format_key


class Latex:
    """A LaTeX build: its ``.tex``, its ``sphinxcv.sty`` and its warnings."""

    def __init__(self, app: SphinxTestApp, warnings: str) -> None:
        self.app = app
        self.outdir = Path(app.outdir)
        self.warnings = warnings
        self.tex = next(self.outdir.glob("*.tex")).read_text(encoding="utf-8")
        self.sty = (self.outdir / "sphinxcv.sty").read_text(encoding="utf-8")

    def command(self, name: str) -> str:
        """The body of ``\\newcommand*\\NAME{...}`` (or ``\\def``) in sphinxcv.sty."""
        line = next(
            line
            for line in self.sty.splitlines()
            if re.match(rf"\\(newcommand\*|def)\\{name}\{{", line)
        )
        return line.split("{", 1)[1].rsplit("}", 1)[0]

    def body(self) -> str:
        return self.tex.split("\\begin{document}", 1)[1]


def build(rootdir: Path, tmp_path: Path, root: str, **overrides: Any) -> Latex:
    overrides.setdefault("cv_pdf_preload", False)  # a XeLaTeX run per preamble: see below
    source = tmp_path / root
    if not source.exists():
        shutil.copytree(rootdir / f"test-{root}", source)
    builddir = tmp_path / f"build-{len(list(tmp_path.iterdir()))}"
    return Latex(*build_in_process("latex", source, builddir, overrides))


@pytest.fixture(scope=shared)
def special(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Latex:
    return build(rootdir, tmp_path_factory.mktemp("special"), "latex-special")


def test_header_values_are_escaped_for_latex(special: Latex) -> None:
    assert special.warnings == ""
    assert special.command("sphinxcvname") == (
        r"Zoë O'Brien \#1 \& 100\% \{x\}\_y \textasciitilde{}z \textasciicircum{}w "
        r"\textbackslash{}q Юлия"
    )
    assert special.command("sphinxcvheadline").startswith(
        r"Costs \$5 \& 50\% off: C\#, a\_b, \{braces\}, \textasciitilde{}tilde, "
        r"\textasciicircum{}caret, back\textbackslash{}slash"
    )


def test_header_links_are_percent_encoded_targets_and_escaped_texts(special: Latex) -> None:
    assert special.command("sphinxcvlinks") == (
        r"\sphinxcvlink{https://example.org/a\_b/\%7Ex?q=1\&r=\%7B2\%7D\#frag}"
        r"{Site \#1 \& 50\%: example.org/a\_b/\%7Ex?q=1\&r=\{2\}\#frag}"
        r"\sphinxcvlinksep\sphinxcvlink{mailto:zoe@example.org}{Mail: zoe@example.org}"
    )


def test_metadata_keywords_language_and_words(special: Latex) -> None:
    assert (
        r"pdfkeywords={50\% \{x\}\_y \textasciitilde{}\textasciicircum{}, C\# \& F\#, Юникод},"
        in special.sty
    )
    assert "pdflang={en}" in special.sty
    assert r"\hyphenpenalty=10000\relax" in special.sty
    assert special.command("sphinxcvindexname") == "Index of skills"
    assert r"\newcommand*\sphinxcvpagesname{p.\,}" in special.sty


def test_letter_paper_by_one_setting(special: Latex) -> None:
    assert re.search(r"\\documentclass\[letterpaper,", special.tex)
    assert "sphinxcv.cls" in {p.name for p in special.outdir.iterdir()}


def test_a4_paper_hyphenation_and_no_index_by_settings(rootdir: Path, tmp_path: Path) -> None:
    latex = build(
        rootdir,
        tmp_path,
        "latex-special",
        cv_paper="a4",
        cv_pdf_hyphenation=True,
        cv_pdf_index=False,
        language="de",
    )
    assert re.search(r"\\documentclass\[a4paper,", latex.tex)
    assert r"\hyphenpenalty=50\relax" in latex.sty
    assert r"\printindex" not in latex.tex
    assert "pdflang={de}" in latex.sty
    assert latex.command("sphinxcvindexname") == "Index der Kenntnisse"
    assert r"\newcommand*\sphinxcvpagesname{S.\,}" in latex.sty


def test_the_projects_own_paper_and_index_settings_win(rootdir: Path, tmp_path: Path) -> None:
    latex = build(
        rootdir,
        tmp_path,
        "latex-special",
        cv_pdf_index=False,
        latex_elements={"papersize": "b5paper", "printindex": r"\printindex"},
    )
    assert re.search(r"\\documentclass\[b5paper,", latex.tex)
    assert r"\printindex" in latex.tex


def test_the_index_is_printed_by_default(special: Latex) -> None:
    assert r"\printindex" in special.tex


def test_keywords_are_the_most_used_skills_first_at_most_the_limit(
    rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sphinx_cv.latex

    monkeypatch.setattr(sphinx_cv.latex, "KEYWORDS", 2)
    latex = build(rootdir, tmp_path, "latex-special")
    keywords = re.search(r"pdfkeywords=\{(.*?)\},\n", latex.sty)[1]
    # C# & F# and 50% are used twice (text and entry), Юникод once: it is left out
    assert keywords == r"50\% \{x\}\_y \textasciitilde{}\textasciicircum{}, C\# \& F\#"


@pytest.fixture(scope=shared)
def design(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Latex:
    return build(rootdir, tmp_path_factory.mktemp("design"), "latex-design")


def between(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_grids_are_rows_of_cells_and_cards_blocks(design: Latex) -> None:
    assert design.warnings == ""
    projects = between(design.body(), r"\section{Projects}", r"\section{Cards}")
    assert projects.count(r"\begin{sphinxcvcolumns}{2}") == 1
    assert projects.count(r"\begin{sphinxcvcolumn}") == 2
    assert r"\end{sphinxcvcolumn}%" in projects  # cells of a row: no blank line between
    assert r"\begin{sphinxcvblocktitle}Grid card title\end{sphinxcvblocktitle}" in projects
    cards = between(design.body(), r"\section{Cards}", r"\section{Tabs}")
    assert cards.count(r"\begin{sphinxcvblock}") == 4
    assert (
        r"\begin{sphinxcvblocktitle}\sphinxhref{https://example.org/linked-card}"
        r"{Linked card title}\end{sphinxcvblocktitle}" in cards
    )
    assert (
        r"\begin{sphinxcvblocklink}\sphinxhref{https://example.org/alt-card}"
        r"{Alternative link text}\end{sphinxcvblocklink}" in cards
    )
    assert (
        r"\begin{sphinxcvblocklink}\sphinxhref{https://example.org/bare/card}"
        r"{example.org/bare/card}\end{sphinxcvblocklink}" in cards
    )


def test_tabs_and_dropdowns_are_titled_blocks_badges_and_buttons_links(design: Latex) -> None:
    tabs = between(design.body(), r"\section{Tabs}", r"\section{Short list}")
    titles = re.findall(r"\\begin\{sphinxcvblocktitle\}(.*?)\\end\{sphinxcvblocktitle\}", tabs)
    assert titles == ["First tab label", "Second tab label", "Dropdown title"]
    assert r"Badge text and \sphinxhref{https://example.org/badge}{Badge link}." in tabs
    assert r"\sphinxhref{https://example.org/button}{Button text}" in tabs


def test_a_list_of_five_very_short_items_is_three_columns(design: Latex) -> None:
    short = between(design.body(), r"\section{Short list}", r"\section{Skills}")
    assert short.count(r"\begin{sphinxcvcolumns}{3}") == 1
    assert short.count(r"\begin{sphinxcvcolumnitem}") == 5
    assert short.count(r"\end{sphinxcvcolumnitem}%") == 5  # cells: no \par between them
    assert r"\begin{itemize}" not in short


def test_the_pages_follow_the_home_pages_sections(design: Latex) -> None:
    # the toctree's pages at the top level: Skills is a \section, not in Short list
    assert r"\section{Skills}" in design.body()
    assert r"\subsection{Skills}" not in design.body()


def test_glossary_definitions_are_compact_paragraphs_with_their_pages(design: Latex) -> None:
    skills = design.body().split(r"\section{Skills}", 1)[1]
    assert skills.count(r"\begin{sphinxcvskills}") == 1  # one set of columns
    assert r"\begin{sphinxcvskill}\phantomsection\label{\detokenize{skills:skill-rust}}" in skills
    assert (
        r"\begin{sphinxcvskillname}Rust\end{sphinxcvskillname}Systems programming language. "
        in skills
    )
    assert (
        r"{rust\sphinxhyphen{}lang.org/\allowbreak{}learn/\allowbreak{}get\sphinxhyphen{}started}"
        in skills
    )
    assert (
        r"\sphinxstylestrong{Used in:} \sphinxcvpages{\sphinxcvpage{\detokenize{index:skill-"
        r"mention-0}}\sphinxcvpage{\detokenize{index:skill-mention-2}}}" in skills
    )
    assert r"\sphinxhref{https://go.dev/}{go.dev}. " in skills  # no break in a short url
    assert "desc_signature" not in skills and r"\pysigline" not in skills


def test_a_short_skills_line_ends_the_entrys_last_paragraph(design: Latex) -> None:
    assert re.search(
        r"A compiler written in .*\.\\begin\{sphinxcventryskillsinline\}"
        r"\\sphinxstylestrong\{Skills:\}\xa0.*Rust.*\\end\{sphinxcventryskillsinline\}\n",
        design.body(),
    )
    assert r"\begin{sphinxcventryskills}" not in design.body()


LAYOUT = {
    "conf.py": 'extensions = ["myst_parser", "sphinx_cv"]\nproject = "Jane Doe"\n'
    'latex_engine = "xelatex"\nlatex_theme = "cv"\nlatex_use_xindy = False\n'
    'latex_documents = [("index", "JaneDoe.tex", "Jane Doe", "Jane Doe", "cv")]\n'
    'cv_headline = "Builds things"\ncv_links = [("Code", "https://example.org/jane")]\n',
    "index.md": """# Jane Doe

**Builds things**

Code: [example.org/jane](https://example.org/jane)

Uses {skill}`Go`.

## Lists

- one
- two
- three
- four

Five, all short:

- a
- b
- c
- d
- e

Four of 40 characters, five: two columns:

- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
- b
- c
- d
- e

Three items:

- a
- b
- c

One long item:

- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
- b
- c
- d

An item of two paragraphs:

- a

  more
- b
- c
- d

The longest item for columns, 56 characters (words joined by one space):

- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
  bbbbbbbbbbbbbbbbbbbbbbbbb
- b
- c
- d

Five, the longest of 37 characters: three columns:

- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
- b
- c
- d
- e

Five, the longest of 38 characters: two:

- aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
- b
- c
- d
- e

```{card} A card's list stays a list

- a
- b
- c
- d

> - a quoted list
> - in the card
> - stays
> - a list
```

## Work

```{cv:project} Tool
:skills: Go, Make, Kubernetes, PostgreSQL, Terraform, Prometheus, Grafana

A tool.
```

```{cv:project} Bare
:skills: Go
```

```{toctree}
:hidden:

skills
```
""",
    "skills.md": """# Skills

## Languages

```{cv:skill} Go
A language.
```

```{cv:skill} Make

See [**gnu/make**](https://www.gnu.org/software/make/) and
[the manual at gnu.org/make](https://www.gnu.org/software/make/manual/).
```

## Tools

```{cv:skill} Kubernetes
:category: Platforms
```

```{cv:skill} PostgreSQL
```

```{cv:skill} Terraform
```

```{cv:skill} Prometheus
```

```{cv:skill} Grafana
```
""",
}


@pytest.fixture(scope="module")
def layout_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("layout")
    for name, text in LAYOUT.items():
        (root / "test-layout" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "test-layout" / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope=shared)
def layout(layout_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Latex:
    return build(layout_root, tmp_path_factory.mktemp("layout-build"), "layout")


def test_short_lists_are_columns_by_their_longest_item(layout: Latex) -> None:
    lists = between(layout.body(), r"\section{Lists}", r"\section{Work}")
    found = re.findall(r"\\begin\{sphinxcvcolumns\}\{(\d)\}|\\begin\{itemize\}", lists)
    # four items: 2; five very short: 3; five of 40 characters: 2; three, one long
    # item, an item of two paragraphs: a list; at most 56 characters: 2; five of 37: 3,
    # of 38: 2; a list in a card (a block of its own), even quoted there: a list
    assert found == ["2", "3", "2", "", "", "", "2", "3", "2", "", ""]
    assert layout.warnings == ""


def test_header_lines_are_marked_for_the_theme(layout: Latex) -> None:
    home = layout.body().split(r"\section{Lists}", 1)[0]
    assert home.count(r"\begin{sphinxcvheaderline}") == 2
    assert r"\begin{sphinxcvheaderline}" not in layout.body().split(r"\section{Lists}", 1)[1]
    assert "Uses " in home and home.index("Uses ") > home.rindex(r"\end{sphinxcvheaderline}")


def test_a_long_skills_line_follows_the_entry(layout: Latex) -> None:
    work = between(layout.body(), r"\section{Work}", r"\section{Skills}")
    tool, bare = work.split(r"\begin{sphinxcventry}")[1:3]
    assert r"\begin{sphinxcventryskills}" in tool and "sphinxcventryskillsinline" not in tool
    # an entry with no paragraph: the line is a block of its own
    assert r"\begin{sphinxcventryskills}" in bare


def test_skills_are_category_lines_without_the_glossary(layout: Latex) -> None:
    skills = layout.body().split(r"\section{Skills}", 1)[1]
    assert "sphinxcvskill}" not in skills.replace("sphinxcvskills}", "")
    lines = re.findall(r"\\sphinxstylestrong\{([^}]*):\}", skills)
    assert lines == ["Languages", "Platforms", "Tools"]
    assert r"\subsection{" not in skills  # a category of lines only is its line
    for name in ("go", "make", "kubernetes", "postgresql"):
        assert rf"\label{{\detokenize{{skills:skill-{name}}}}}" in skills
    # the index points at the uses, not at the definitions' line
    assert skills.count(r"\index{") == 0


def test_only_a_link_spelling_an_address_breaks_after_its_slashes(
    layout_root: Path, tmp_path: Path
) -> None:
    latex = build(layout_root, tmp_path, "layout", cv_pdf_glossary=True)
    make = (
        latex.body().split(r"\begin{sphinxcvskillname}Make", 1)[1].split(r"\end{sphinxcvskill}")[0]
    )
    assert r"{\sphinxstylestrong{gnu/make}}" in make  # formatted: kept as it is
    assert "{the manual at gnu.org/make}" in make  # words, not an address
    assert r"\allowbreak" not in make


def test_no_index_entries_without_the_index(layout_root: Path, tmp_path: Path) -> None:
    latex = build(layout_root, tmp_path, "layout", cv_pdf_index=False)
    assert r"\index{" not in latex.body()
    assert r"\printindex" not in latex.tex


# -- the page limit, read from LaTeX's log -------------------------------------------


def limit_folder(tmp_path: Path, pages: int | None, limit: int, log: str = "Cv.log") -> Path:
    (tmp_path / "sphinxcv-variant.json").write_text(
        json.dumps({"variant": "short", "title": "One page", "pages": limit}), encoding="utf-8"
    )
    if pages is not None:
        written = (
            f"Output written on Cv.pdf\n ({pages} {'page' if pages == 1 else 'pages'}, 1 bytes)."
        )
        (tmp_path / log).write_text(f"This is XeTeX\n{written}\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("pages", "limit", "over"),
    [(1, 1, None), (2, 1, 1), (5, 2, 3), (3, 0, None), (None, 1, None), (1, 2, None)],
)
def test_page_limit(tmp_path: Path, pages: int | None, limit: int, over: int | None) -> None:
    folder = limit_folder(tmp_path, pages, limit)
    if over is None:
        assert check(folder) == ""
    else:
        assert check(folder) == (
            f"WARNING: variant 'short': the PDF has {pages} pages, {over} "
            f"{'page' if over == 1 else 'pages'} over its limit of {limit} (cv_variants "
            "'pages'); leave out more, or raise the limit [cv.page-limit]"
        )


def test_no_limit_noted_is_no_check(tmp_path: Path) -> None:
    (tmp_path / "Cv.log").write_text("Output written on Cv.pdf (9 pages, 1 bytes).", "utf-8")
    assert check(tmp_path) == ""


def test_the_last_run_of_the_log_counts(tmp_path: Path) -> None:
    log = tmp_path / "Cv.log"
    log.write_text(
        "Output written on\nCv.pdf (1 page, 9 bytes).\n"
        "Output written on Cv.pdf (3 pages, 9 bytes).",
        encoding="utf-8",
    )
    assert pages_written(log) == 3
    log.write_text("No pages of output.", encoding="utf-8")
    assert pages_written(log) is None


def test_the_check_command_prints_warnings_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    over = limit_folder(tmp_path / "a", 2, 1)
    fine = limit_folder(tmp_path / "b", 1, 1)
    assert pagelimit_main([str(over), str(fine)]) == 0
    err = capsys.readouterr().err
    assert err.count("WARNING") == 1 and "the PDF has 2 pages, 1 page over" in err


# -- the preamble preloaded (a XeLaTeX format, made once) ------------------------------

needs_xelatex = pytest.mark.skipif(not shutil.which("xelatex"), reason="needs XeLaTeX")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "sphinx-cv" / "formats"


@needs_xelatex
def test_a_format_is_made_once_and_named_on_the_first_line(
    rootdir: Path, tmp_path: Path, cache: Path
) -> None:
    first = build(rootdir, tmp_path, "latex-design", cv_pdf_preload=True)
    assert first.tex.startswith("%&AdaExample-preamble\n")
    assert first.tex.count(DUMP_POINT) == 1
    preamble, rest = first.tex.split(DUMP_POINT)
    # the fonts (Sphinx's fontpkg) come after the dump point: XeTeX dumps no system font
    assert "\\setmainfont" not in preamble
    assert "\\setmainfont" in rest.split("\\begin{document}")[0]
    beside = first.outdir / "AdaExample-preamble.fmt"
    made = list(cache.glob("*.fmt"))
    assert len(made) == 1 and beside.read_bytes() == made[0].read_bytes()
    assert not list(first.outdir.glob(".preload-*"))  # the folder TeX worked in is gone
    again = build(rootdir, tmp_path, "latex-design", cv_pdf_preload=True)
    assert again.tex == first.tex
    assert list(cache.glob("*.fmt")) == made  # the same preamble: the same format
    other = build(rootdir, tmp_path, "latex-design", cv_pdf_preload=True, cv_headline="Other")
    assert other.tex.startswith("%&AdaExample-preamble\n")
    assert len(list(cache.glob("*.fmt"))) == 2  # the header is in the preamble (sphinxcv.sty)


def test_no_dump_point_without_preloading_or_the_cv_theme(rootdir: Path, tmp_path: Path) -> None:
    for overrides in (
        {"cv_pdf_preload": False},
        {"cv_pdf_preload": True, "latex_theme": "howto"},
        {"cv_pdf_preload": True, "latex_engine": "lualatex"},
    ):
        latex = build(rootdir, tmp_path, "latex-design", **overrides)
        assert "endofdump" not in latex.tex, overrides
        assert not latex.tex.startswith("%&")
        assert not list(latex.outdir.glob("*.fmt"))


def test_without_xelatex_the_fonts_move_and_no_format_is_named(
    rootdir: Path, tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    latex = build(rootdir, tmp_path, "latex-design", cv_pdf_preload=True)
    assert latex.tex.count(DUMP_POINT) == 1
    assert not latex.tex.startswith("%&")
    assert not cache.exists()


@needs_xelatex
def test_a_cache_that_cannot_be_written_reads_the_whole_preamble(
    rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache's folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    status = StringIO()
    source = tmp_path / "latex-design"
    shutil.copytree(rootdir / "test-latex-design", source)
    app = SphinxTestApp("latex", srcdir=source, builddir=tmp_path / "b", status=status)
    try:
        app.build()
    finally:
        app.cleanup()
    assert "XeLaTeX reads AdaExample.tex's whole preamble on each run" in status.getvalue()
    tex = (Path(app.outdir) / "AdaExample.tex").read_text(encoding="utf-8")
    assert not tex.startswith("%&") and DUMP_POINT in tex
    assert not (Path(app.outdir) / "AdaExample-preamble.fmt").exists()


def test_the_cache_keeps_the_most_recently_used_formats(tmp_path: Path) -> None:
    for number in range(KEPT + 3):
        path = tmp_path / f"{number}.fmt"
        path.write_bytes(b"fmt")
        os.utime(path, (1000 + number, 1000 + number))
    _forget_old(tmp_path)
    kept = sorted(int(p.stem) for p in tmp_path.glob("*.fmt"))
    assert kept == list(range(3, KEPT + 3))


def test_the_cache_is_under_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "sphinx-cv" / "formats"
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "sphinx-cv" / "formats"


def test_a_formats_key_is_its_preamble_and_the_files_beside_it(tmp_path: Path) -> None:
    tex = tmp_path / "Cv.tex"
    body = "\\documentclass{sphinxcv}\n" + DUMP_POINT + "\\begin{document}x\\end{document}\n"
    key = format_key(tex, body)
    assert len(key) == 24
    assert format_key(tex, body.replace("}x", "}y")) == key  # the body after the dump point
    assert format_key(tex, "%\n" + body) != key
    (tmp_path / "sphinxcv.sty").write_text("a", encoding="utf-8")
    with_sty = format_key(tex, body)
    assert with_sty != key
    (tmp_path / "sphinxcv.sty").write_text("b", encoding="utf-8")
    assert format_key(tex, body) not in (key, with_sty)
    (tmp_path / "other.cls").write_text("b", encoding="utf-8")
    assert format_key(tex, body) not in (key, with_sty)
