"""``sphinx-cv new`` and ``sphinx-cv match`` called in this process, on small projects.

``test_cli_new.py`` runs the console script in a subprocess, as a user does, and
``test_match.py`` reads the real CV; these check the same commands' output, messages and
exit codes where ``make mutation`` sees them (it runs the tests that reach a mutant in its
process), and their CVs build without a warning.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
from contextlib import redirect_stdout
from pathlib import Path

import pytest
import watchfiles
from conftest import build_in_process
from sphinx.util.docutils import docutils_namespace, patch_docutils
from sphinx_cv.cli.builds import Project, latexmk_command, make_pdfs, rebuild
from sphinx_cv.cli.livereload import LiveServer
from sphinx_cv.cli.main import build_parser, main
from sphinx_cv.cli.new import render
from sphinx_cv.cli.watch import RESTART, SourceFilter, _latest, _names
from sphinx_cv.latex.fonts import font_for, text_font_has


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# -- new ----------------------------------------------------------------------------


def test_new_writes_a_cv_that_builds_without_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cv"
    code, out, err = run(capsys, "new", str(folder), "--name", " Zoë  Møller-Ångström ")
    assert (code, err) == (0, "")
    written = files_in(folder)
    assert out == (
        f"Created Zoë Møller-Ångström's CV in {folder}: {len(written)} files.\n"
        f"Next: cd {folder} && make   (the site in _build/html, the PDF in _build/latex)\n"
    )
    assert {".gitignore", ".readthedocs.yaml", "Makefile", "conf.py", "docs/index.md"} <= set(
        written
    )
    assert not [name for name in written if name.endswith((".jinja", "/gitignore"))]
    conf = written["conf.py"].decode()
    assert "project = 'Zoë Møller-Ångström'" in conf
    app, warnings = build_in_process("html", folder, tmp_path / "b", {})
    assert warnings == ""
    home = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "Zoë Møller-Ångström" in home


def test_render_names_each_file_from_its_template() -> None:
    files = render("Jane Doe")
    assert Path(".gitignore") in files and Path(".readthedocs.yaml") in files
    assert Path("gitignore") not in files
    assert all(not path.name.endswith(".jinja") for path in files)
    assert files[Path("conf.py")].endswith("\n")  # templates keep their last newline


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "--name '': a name needs at least one letter"),
        ("  ", "--name '': a name needs at least one letter"),
        ("42", "--name '42': a name needs at least one letter"),
        (
            "Jane *Doe*",
            "--name 'Jane *Doe*': '*' is not part of a name (letters, spaces and . - ' , only)",
        ),
        ("Jane\nDoe`", "--name 'Jane Doe`': '`' is not part of a name"),
    ],
)
def test_new_refuses_a_bad_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    code, out, err = run(capsys, "new", str(tmp_path / "cv"), "--name", name)
    assert (code, out) == (2, "")
    assert err.startswith(f"sphinx-cv new: error: {message}")
    assert not (tmp_path / "cv").exists()


@pytest.mark.parametrize(
    "name", ["Zoë Ångström", "José O'Neil", "Mary-Jane Watson, Jr.", "Ļ̂ Ð", "A’b"]
)
def test_new_takes_names_with_marks_and_punctuation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, _, err = run(capsys, "new", str(tmp_path / "cv"), "--name", name)
    assert (code, err) == (0, "")


def test_new_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "cv"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Mine\n", encoding="utf-8")
    (folder / "conf.py").write_text("# mine\n", encoding="utf-8")
    (folder / "notes.txt").write_text("kept\n", encoding="utf-8")
    code, out, err = run(capsys, "new", str(folder), "--name", "Jane Doe")
    assert (code, out) == (2, "")
    assert err == (
        f"sphinx-cv new: error: {folder}: would overwrite conf.py, docs/index.md; "
        "choose a new folder, or pass --force to overwrite\n"
    )
    assert (folder / "conf.py").read_text(encoding="utf-8") == "# mine\n"
    assert len(files_in(folder)) == 3
    code, _, err = run(capsys, "new", str(folder), "--name", "Jane Doe", "--force")
    assert (code, err) == (0, "")
    assert (folder / "docs" / "index.md").read_text(encoding="utf-8").startswith("# Jane Doe\n")
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "kept\n"


def test_new_writes_into_an_empty_folder(tmp_path: Path, capsys) -> None:
    code, _, _ = run(capsys, "new", str(tmp_path), "--name", "Jane Doe")
    assert code == 0 and (tmp_path / "conf.py").is_file()


def test_new_refuses_a_file_as_folder(tmp_path: Path, capsys) -> None:
    (tmp_path / "cv").write_text("")
    code, _, err = run(capsys, "new", str(tmp_path / "cv"), "--name", "Jane Doe", "--force")
    assert (code, err) == (
        2,
        f"sphinx-cv new: error: {tmp_path / 'cv'}: exists and is not a folder\n",
    )


def test_new_says_what_it_could_not_write(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "cv"
    folder.mkdir()
    (folder / "docs").write_text("a file where a folder goes")
    code, out, err = run(capsys, "new", str(folder), "--name", "Jane Doe", "--force")
    assert code == 2
    assert err.startswith("sphinx-cv new: error: ") and "docs" in err
    assert "Created" not in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in ([], ["new", "x"], ["nope"]):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
    capsys.readouterr()
    assert set(build_parser()._subparsers._group_actions[0].choices) == {  # type: ignore[union-attr]
        "new",
        "build",
        "import",
        "match",
    }


def test_every_command_and_option_is_described_in_sentence_case(
    capsys: pytest.CaptureFixture[str],
) -> None:
    commands = build_parser()._subparsers._group_actions[0]  # type: ignore[union-attr]
    for choice in commands._choices_actions:  # the list in ``sphinx-cv --help``
        assert re.match(r"[a-z]", choice.help), choice.dest
    for name, parser in commands.choices.items():
        assert re.match(r"[A-Z][a-z]", parser.description), name
        texts = [choice.help for choice in commands._choices_actions if choice.dest == name]
        texts += [parser.description] + [action.help for action in parser._actions]
        assert all(texts), f"{name}: an option without help"
        for text in texts:
            assert re.search(r"[a-z]", text), f"{name}: {text!r} is all capitals"
            assert not re.search(r"(?<![-_.\w])cv(?![:\w])", text), f"{name}: {text!r} writes cv"
        with pytest.raises(SystemExit):
            main([name, "--help"])
        assert parser.description.split()[0] in capsys.readouterr().out


# -- match --------------------------------------------------------------------------

POSTING = "We need Kubernetes, k8s, Golang and PHP; Postfix, Linux. We also use AWS and Rust.\n"


def test_match_reports_skills_with_their_entries_dates_and_places(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    code, out, err = run(capsys, "match", str(posting), "--source", str(rootdir / "test-variants"))
    assert (code, err) == (0, "")
    assert out == (
        "Skills of the CV the posting names (5):\n"
        '  Kubernetes (Containers) — posting: "Kubernetes", "k8s", 2 times\n'
        "      Cluster autoscaler (2021 – present) — Jane Doe\n"
        "      also in: Jane Doe; Notes\n"
        '  Golang (Languages) — posting: "Golang", once\n'
        "      Cluster autoscaler (2021 – present) — Jane Doe\n"
        '  PHP (Languages) — posting: "PHP", once\n'
        "      Web shop (2005 – 2008) — Jane Doe\n"
        '  Postfix (Mail) — posting: "Postfix", once\n'
        "      Mail gateway (2012 – 2016) — Jane Doe\n"
        '  Linux (Systems) — posting: "Linux", once\n'
        "      University (2000 – 2005) — Jane Doe\n"
        "\n"
        "Terms of the posting the CV does not have (2):\n"
        "  AWS, Rust\n"
        "\n"
        "Coverage: 5 of 7 terms (71%)\n"
    )


SMALL = {
    "conf.py": 'extensions = ["myst_parser", "sphinx_cv"]\nproject = "Jane Doe"\n'
    'exclude_patterns = ["_build", "variants"]\n',
    "index.md": "# Jane Doe\n\nI write {skill}`Go`.\n\n"
    "```{cv:project} Tool\n:skills: Go\n\nA tool.\n```\n\n"
    "```{cv:project} Dated\n:start: 2020-03\n:skills: Go\n\nAnother.\n```\n\n"
    "```{toctree}\n:hidden:\n\nskills\nnotes\n```\n",
    "notes.md": "# Notes\n\nSome {skill}`Perl`.\n",
    "skills.md": "# Skills\n\n```{cv:skill} Go\n\nA language.\n```\n\n"
    "```{cv:skill} Perl\n\nAnother.\n```\n\n```{cv:skill} Shell\n\nSee {skill}`Perl`.\n```\n",
}


@pytest.fixture
def small(tmp_path: Path) -> Path:
    for name, text in SMALL.items():
        (tmp_path / "cv" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "cv" / name).write_text(text, encoding="utf-8")
    return tmp_path / "cv"


def test_match_says_where_a_skill_outside_entries_is_and_what_is_unused(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text("Go, Perl and Shell; Go again.\n", encoding="utf-8")
    code, out, _ = run(capsys, "match", str(posting), "--source", str(small))
    assert code == 0
    assert out == (
        "Skills of the CV the posting names (3):\n"
        '  Go (Skills) — posting: "Go", 2 times\n'
        "      Tool — Jane Doe\n"
        "      Dated (Mar 2020 – present) — Jane Doe\n"
        "      also in: Jane Doe\n"
        '  Perl (Skills) — posting: "Perl", once\n'
        "      in: Notes\n"
        '  Shell (Skills) — posting: "Shell", once\n'
        "      defined, not used in any entry or page\n"
        "\n"
        "Terms of the posting the CV does not have (0):\n"
        "  none\n"
        "\n"
        "Coverage: 3 of 3 terms (100%)\n"
    )


def test_match_reads_standard_input_and_writes_a_variant(
    small: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Perl and Go.\n"))
    (small / "variants").mkdir()
    code, out, err = run(capsys, "match", "-", "--source", str(small), "--variant", "job_1-a")
    assert (code, err) == (0, "")
    path = small / "variants" / "job_1-a.json"
    assert out.endswith(f"\nWrote {path}: make variant NAME=job_1-a builds it.\n")
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == {"title": "For standard input", "skills": ["Perl", "Go"]}
    assert text.endswith("}\n") and '\n  "title"' in text


def test_match_writes_a_variant_with_the_cvs_names(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posting = tmp_path / "Jobs at Acme.md"
    posting.write_text("We use go, PERL.\n", encoding="utf-8")
    code, _, _ = run(capsys, "match", str(posting), "--source", str(small), "--variant", "acme")
    assert code == 0
    written = json.loads((small / "variants" / "acme.json").read_text(encoding="utf-8"))
    assert written == {"title": "For Jobs at Acme.md", "skills": ["Perl"]}


@pytest.mark.parametrize("name", ["../x", "_x", "a b", "a/b", "", "ä"])
def test_match_refuses_a_variant_name_that_is_no_file_name(
    small: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, err = run(capsys, "match", "-", "--source", str(small), "--variant", name)
    assert (code, out) == (2, "")
    assert err == (f"sphinx-cv match: --variant {name!r}: letters, digits, - and _ only\n")
    assert not (small / "variants").exists()


def test_match_bad_input_is_a_message_and_exit_code_2(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "match", str(tmp_path / "none.txt"), "--source", str(small))
    assert (code, out) == (2, "")
    assert err.startswith(f"sphinx-cv match: {tmp_path / 'none.txt'}: [Errno 2]")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\xe9".encode("latin-1"))
    code, _, err = run(capsys, "match", str(latin), "--source", str(small))
    assert code == 2 and err.startswith(f"sphinx-cv match: {latin}: 'utf-8' codec")
    posting = tmp_path / "posting.txt"
    posting.write_text("Go.\n", encoding="utf-8")
    code, _, err = run(capsys, "match", str(posting), "--source", str(tmp_path))
    assert code == 2
    assert err == (
        f"sphinx-cv match: {tmp_path}: no conf.py (give the CV's folder with --source)\n"
    )
    (small / "conf.py").write_text("extensions = ['sphinx_cv']\nproject = 'bad conf\n")
    code, out, err = run(capsys, "match", str(posting), "--source", str(small))
    assert (code, out) == (2, "")
    assert err.startswith(f"sphinx-cv match: {small}: Sphinx could not read the CV: ")
    assert "syntax error" in err


def test_match_keeps_sphinx_quiet_and_the_language_to_the_cv(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sphinx.locale import _ as sphinx_text

    before = sphinx_text("Index")
    project = tmp_path / "de"
    shutil.copytree(rootdir / "test-i18n-de", project)
    posting = tmp_path / "posting.txt"
    posting.write_text("We run k8s.\n", encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["match", str(posting), "--source", str(project)]) == 0
    assert "(März 2021 – Juni 2024)" in out.getvalue()
    assert out.getvalue().startswith("Skills of the CV the posting names (1):\n")
    assert sphinx_text("Index") == before  # German for that read only
    assert capsys.readouterr().err == ""


# -- build ---------------------------------------------------------------------------


def test_build_without_the_pdf_writes_the_site(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, stdout, err = run(
        capsys, "build", str(rootdir / "test-variants"), "-o", str(out), "--no-pdf", "-j", "1"
    )
    assert (code, err) == (0, "")
    # the last line (sphinxext-opengraph prints a line of its own when first imported)
    assert re.search(rf"^site: {re.escape(str(out / 'html'))} \(\d+\.\d\d s\)\n\Z", stdout, re.M)
    assert (out / "html" / "index.html").is_file()
    assert (out / "doctrees" / "index.doctree").is_file()
    assert not (out / "latex").exists()


def variants_with(rootdir: Path, tmp_path: Path, text: str) -> Path:
    """A copy of the ``variants`` root with *text* at the end of its home page."""
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-variants", source)
    with (source / "index.md").open("a", encoding="utf-8") as index:
        index.write(text)
    return source


def test_build_with_w_fails_on_a_warning(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = variants_with(rootdir, tmp_path, "\nUses {skill}`Cobol`.\n")
    code = main(["build", str(source), "-o", str(tmp_path / "out"), "--no-pdf", "-W", "-j", "1"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "index.md" in err and "Cobol" in err
    assert "site:" not in out
    code = main(["build", str(source), "-o", str(tmp_path / "out2"), "--no-pdf", "-j", "1"])
    assert code == 0  # a warning alone does not fail the build
    capsys.readouterr()
    code = main(["build", str(source), "-o", str(tmp_path / "out3"), "-W", "-j", "1"])
    out, err = capsys.readouterr()
    assert code == 1 and "PDF:" not in out and "site:" not in out  # the PDF's build first
    assert "index.md" in err and "Cobol" in err
    assert not list((tmp_path / "out3" / "latex").glob("*.pdf"))
    assert not (tmp_path / "out3" / "html").exists()


def test_build_needs_conf_py(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "build", str(tmp_path), "--no-pdf")
    assert (code, out) == (2, "")
    assert err == f"sphinx-cv build: no conf.py in {tmp_path.resolve()}\n"


def test_build_options_and_their_defaults() -> None:
    args = build_parser().parse_args(["build"])
    assert (args.source, args.output, args.jobs, args.port, args.host) == (
        Path("."),
        Path("_build"),
        args.jobs,
        8000,
        "127.0.0.1",
    )
    assert not (args.no_pdf or args.fail_on_warning or args.verbose or args.watch)
    args = build_parser().parse_args(["build", "src", "-o", "o", "-j", "2", "-W", "-v"])
    assert (args.source, args.output, args.jobs, args.fail_on_warning, args.verbose) == (
        Path("src"),
        Path("o"),
        2,
        True,
        True,
    )


def test_latexmk_is_run_in_the_engines_mode() -> None:
    assert latexmk_command("xelatex", "Cv.tex") == [
        "latexmk", "-r", "latexmkrc", "-pdfxe", "-interaction=nonstopmode", "-quiet", "Cv.tex",
    ]  # fmt: skip
    assert latexmk_command("lualatex", "Cv.tex")[3] == "-pdflua"
    assert latexmk_command("pdflatex", "Cv.tex")[3:6] == ["-pdf", "-dvi-", "-ps-"]


def test_project_layout(tmp_path: Path) -> None:
    project = Project(tmp_path / "src", tmp_path / "out")
    assert project.confdir == tmp_path / "src"
    assert (project.html, project.latex, project.doctrees) == (
        tmp_path / "out" / "html",
        tmp_path / "out" / "latex",
        tmp_path / "out" / "doctrees",
    )


def test_a_pdf_without_latexmk_says_so(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    try:
        code = main(["build", str(rootdir / "test-variants"), "-o", str(tmp_path / "o"), "-j", "1"])
    finally:  # what the build found without fc-list is not what later tests' builds find
        text_font_has.cache_clear()
        font_for.cache_clear()
    _, err = capsys.readouterr()
    assert code == 1
    assert err == (
        "sphinx-cv build: latexmk is not installed: the PDF needs TeX Live (see README)\n"
    )
    assert (tmp_path / "o" / "latex" / "JaneDoe.tex").is_file()
    assert not (tmp_path / "o" / "html").exists()


needs_latex = pytest.mark.skipif(not shutil.which("latexmk"), reason="needs latexmk (TeX Live)")


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@needs_latex
def test_build_writes_the_pdf_then_the_site_with_the_pdf_beside_it(
    rootdir: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    start = time.perf_counter()
    code = main(["build", str(rootdir / "test-variants"), "-o", str(out), "-j", "1"])
    took = time.perf_counter() - start
    stdout, err = capfd.readouterr()  # capfd: latexmk's own output would show here
    assert (code, err) == (0, "")
    pdf = out / "latex" / "JaneDoe.pdf"
    lines = re.search(
        rf"^PDF: {re.escape(str(pdf))} \((\d+\.\d\d) s\)\n"
        rf"site: {re.escape(str(out / 'html'))} \((\d+\.\d\d) s\)\n\Z",
        stdout,
        re.M,
    )
    assert lines
    assert float(lines[1]) + float(lines[2]) <= took + 0.01  # each build's own time
    assert "Jane Doe" in pdf_text(pdf)
    assert (out / "html" / "JaneDoe.pdf").read_bytes() == pdf.read_bytes()
    assert not list((out / "html").glob(".*.part"))


@needs_latex
def test_make_pdfs_copies_each_pdf_into_the_site_when_there_is_one(
    rootdir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-variants", source)
    conf = source / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8")
        + 'latex_documents.append(("notes", "Notes.tex", "Notes", author, "howto"))\n',
        encoding="utf-8",
    )
    project = Project(source, tmp_path / "out")
    with patch_docutils(source), docutils_namespace():
        app = project.app("latex")
        app.build()
        assert make_pdfs(app, html=project.html) == [  # no site yet: nothing copied
            project.latex / "JaneDoe.pdf",
            project.latex / "Notes.pdf",
        ]
        assert not project.html.exists()
        assert (project.latex / "JaneDoe.xdv").is_file()  # latexmk in the engine's mode
        project.html.mkdir(parents=True)
        (project.html / "Notes.pdf").write_bytes(b"%PDF-1.5 old\n")
        pdfs = make_pdfs(app, html=project.html)
    assert [p.name for p in pdfs] == ["JaneDoe.pdf", "Notes.pdf"]
    for pdf in pdfs:
        assert (project.html / pdf.name).read_bytes() == pdf.read_bytes()
    assert sorted(p.name for p in project.html.iterdir()) == ["JaneDoe.pdf", "Notes.pdf"]
    assert "Jane Doe" in pdf_text(pdfs[0])
    assert pdf_text(pdfs[1]).startswith("Notes")


@needs_latex
def test_a_latex_error_is_reported_with_where_its_log_is(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = variants_with(
        rootdir, tmp_path, "\n```{raw} latex\n\\undefinedcommandofthetest\n```\n"
    )
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "build", str(source), "-o", str(out), "-j", "1")
    assert code == 1 and "PDF:" not in stdout and "site:" not in stdout
    assert err.startswith(f"sphinx-cv build: LaTeX failed, see the .log in {out / 'latex'}\n")
    assert "\n      Refer to 'JaneDoe.log'" in err  # the end of latexmk's output, as text
    assert not (out / "html").exists()


# -- the preview's server ------------------------------------------------------------


@pytest.fixture
def live(tmp_path: Path):
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "index.html").write_text("<html><body><p>Home</p></body></html>", "utf-8")
    (site / "sub" / "index.html").write_text("<p>Sub</p>", "utf-8")
    (site / "style.css").write_text("p {}", "utf-8")
    server = LiveServer(site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.stop()
    thread.join(5)


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, dict(response.headers), response.read()


def test_pages_get_the_reload_script_before_their_body_ends(live: LiveServer) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", live.url)
    status, headers, body = fetch(live.url)
    script = b'<script>new EventSource("/_sphinx-cv/events").onmessage = () => location.reload();'
    assert status == 200
    assert body == b"<html><body><p>Home</p>" + script + b"</script></body></html>"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Length"] == str(len(body))
    assert headers["Cache-Control"] == "no-store"
    _, _, sub = fetch(live.url + "sub/")  # a folder's index.html; no </body>: at the end
    assert sub == b"<p>Sub</p>" + script + b"</script>"
    _, _, same = fetch(live.url + "index.html")
    assert same == body


def test_other_files_and_folders_are_served_as_they_are(live: LiveServer) -> None:
    status, headers, body = fetch(live.url + "style.css")
    assert (status, body) == (200, b"p {}")
    assert headers["Content-type"] == "text/css"  # as SimpleHTTPRequestHandler spells it
    status, _, body = fetch(live.url + "sub")  # redirected to sub/
    assert status == 200 and body.startswith(b"<p>Sub</p><script>")
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(live.url + "none.html")
    assert missing.value.code == 404


def test_open_pages_hear_of_each_build(live: LiveServer) -> None:
    with urllib.request.urlopen(live.url + "_sphinx-cv/events", timeout=5) as events:
        assert events.headers["Content-Type"] == "text/event-stream"
        assert events.headers["Cache-Control"] == "no-store"
        assert events.readline() == b": connected\n"
        assert events.readline() == b"\n"
        live.reload()
        assert events.readline() == b"data: reload\n"
        assert events.readline() == b"\n"
        live.reload()
        assert events.readline() == b"data: reload\n"
    assert live.generation == 2


def test_waiting_for_a_change_ends_when_the_server_stops(tmp_path: Path) -> None:
    server = LiveServer(tmp_path, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()  # as the watch does
    server.reload()
    assert server.wait_change(0) == 1
    stopper = threading.Timer(0.2, server.stop)
    stopper.daemon = True  # a stop that hangs fails this test, not pytest's exit
    stopper.start()
    assert server.wait_change(1) is None
    stopper.join(timeout=10)
    assert not stopper.is_alive()


# -- the watch's parts ---------------------------------------------------------------


def test_the_watch_ignores_the_output_and_what_watchfiles_ignores(tmp_path: Path) -> None:
    keep = SourceFilter(tmp_path / "_build")
    added = watchfiles.Change.added
    assert keep(added, str(tmp_path / "index.md"))
    assert not keep(added, str(tmp_path / "_build" / "html" / "index.html"))
    assert not keep(added, str(tmp_path / ".git" / "index"))
    assert keep(added, str(tmp_path / "_buildings.md"))


def test_changed_paths_are_named_from_the_source(tmp_path: Path) -> None:
    paths = {tmp_path / "b.md", tmp_path / "docs" / "a.md", Path("/elsewhere/c.md")}
    assert _names(paths, tmp_path) == ["/elsewhere/c.md", "b.md", "docs/a.md"]


def test_the_pdf_worker_takes_the_latest_request() -> None:
    import multiprocessing

    ours, theirs = multiprocessing.Pipe()
    ours.send(1.0)
    assert _latest(theirs) == 1.0
    for message in (1.0, 2.0, 3.0):
        ours.send(message)
    assert _latest(theirs) == 3.0  # those waiting: the last one
    for message in (1.0, RESTART, 2.0):
        ours.send(message)
    assert _latest(theirs) == RESTART  # a restart among them wins
    for message in (RESTART, 2.0):
        ours.send(message)
    assert _latest(theirs) == RESTART
    for message in (1.0, None):
        ours.send(message)
    assert _latest(theirs) is None  # the end, even after requests
    ours.send(None)
    assert _latest(theirs) is None
    ours.close()
    assert _latest(theirs) is None  # the watcher has gone


def test_a_rebuild_writes_what_changed(rootdir: Path, tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(rootdir / "test-variants", source)
    project = Project(source, tmp_path / "out")
    with patch_docutils(source), docutils_namespace():
        _rebuilds(project, source / "index.md")


def _rebuilds(project: Project, index: Path) -> None:
    app = project.app("html")
    app.build()
    index.write_text(index.read_text(encoding="utf-8") + "\nEdited once.\n", "utf-8")
    rebuild(app)
    page = (project.html / "index.html").read_text(encoding="utf-8")
    assert "Edited once." in page
    latex = project.app("latex")
    latex.build()
    index.write_text(index.read_text(encoding="utf-8") + "\nEdited twice.\n", "utf-8")
    rebuild(latex)
    tex = (project.latex / "JaneDoe.tex").read_text(encoding="utf-8")
    assert tex.count(r"\begin{document}") == 1 and "Edited twice." in tex
