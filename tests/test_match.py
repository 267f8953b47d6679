"""``sphinx-cv match``: the real CV read against postings written for the tests.

``tests/data/postings``: a platform engineer posting this CV matches well, a
frontend posting it matches little, and a posting full of tricky words ("Go",
"go live", "C", "C#", "C-level", "R", "R&D", "Make", "make", ".NET", "helm").
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, sphinx_build
from sphinx_cv.cli.main import main
from sphinx_cv.posting import read_posting

POSTINGS = Path(__file__).parent / "data" / "postings"


def match(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["match", *args])
    out, err = capsys.readouterr()
    return code, out, err


def matched(report: str) -> dict[str, str]:
    """Each matched skill's name and its line: ``Kubernetes (...) — posting: ...``."""
    return {m[1]: m[0] for m in re.finditer(r"^  (\S.*?) \([^)]*\) — posting: .*$", report, re.M)}


def section(report: str, title: str) -> str:
    return report.split(title, 1)[1].split("\n\n", 1)[0]


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    """The report of each posting against this repository's CV (read once each)."""
    found = {}
    for posting in sorted(POSTINGS.iterdir()):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["match", str(posting), "--source", str(REPO)]) == 0
        found[posting.stem] = out.getvalue()
    return found


def test_good_match_finds_skills_by_name_and_alias_with_their_entries(
    reports: dict[str, str],
) -> None:
    report = reports["platform-engineer"]
    skills = matched(report)
    assert {"Kubernetes", "Talos", "Proxmox", "Cloud Controller Manager", "Helm", "Argo CD"} <= set(
        skills
    )
    assert '"Kubernetes", "k8s"' in skills["Kubernetes"]
    assert '"Go"' in skills["Golang"]  # an alias, in the posting's spelling
    assert '"Proxmox VE"' in skills["Proxmox"]
    entries = re.split(r"\n  (?! )", report.split(skills["Proxmox"], 1)[1])[0]
    assert "Proxmox CCM — Serge Logvinov" in entries
    assert "Proxmox CSI — Serge Logvinov" in entries
    assert "Linux › Clouds" in entries  # a place outside any entry


def test_good_match_lists_missing_terms_and_coverage(reports: dict[str, str]) -> None:
    report = reports["platform-engineer"]
    assert section(report, "does not have (2):").split() == ["Crossplane,", "Kafka"]
    count = len(matched(report))
    assert f"Coverage: {count} of {count + 2} terms ({count / (count + 2):.0%})" in report
    assert "EU" not in section(report, "does not have")  # not technology
    assert "March" not in section(report, "does not have")  # a month (Babel's names)


def test_poor_match_has_low_coverage_and_names_what_is_missing(reports: dict[str, str]) -> None:
    report = reports["frontend-developer"]
    assert list(matched(report)) == ["Docker"]
    missing = section(report, "does not have").split(":", 1)[1]
    for term in ("TypeScript", "React", "Node.js", "GraphQL", "Tailwind CSS", "Jest", "Redux"):
        assert term in missing
    for word in ("Lisbon", "English", "HR", "Frontend", "Requirements", "Join"):
        assert word not in missing
    assert re.search(r"Coverage: 1 of \d+ terms \(\d%\)", report)


def test_tricky_words_are_whole_words_written_as_names(reports: dict[str, str]) -> None:
    report = reports["tricky-words"]
    skills = matched(report)
    assert '"Go", once' in skills["Golang"]  # not "good", "go wrong", "go live"
    assert '"Make", once' in skills["Make"]  # "Make, CMake": not "Make sure", "we make"
    assert '"C", "C++", 2 times' in skills["C/C++"]  # not C#, C-level, .NET
    assert '"Helm", once' in skills["Helm"]  # "Helm charts", not "the helm of"
    assert "Bash" not in skills  # its alias "sh" is not in "she" or "shell"
    missing = section(report, "does not have").split(":", 1)[1].replace(",", " ").split()
    assert missing == [".NET", "Bazel", "C#", "CI", "CMake", "R"]  # not "D" of R&D


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Experience with k8s and golang.", ["kubernetes", "go"]),
        ("A good engineer will go far.", []),
        ("Objective-C and C-level and R&D.", []),
        ("C/C++ or C.", ["c/c++"]),
        ("ASP.NET Core", []),
        (".NET and Node.js", ["dotnet", "node"]),
        ("Make sure builds use Make.", ["make"]),
        ("Go, Rust and Make are used.", ["go", "make"]),
        ("Kubernetes-native tooling", ["kubernetes"]),
        ("Google  Cloud\nPlatform", ["gcp"]),
    ],
)
def test_names_match_as_whole_words(text: str, found: list[str]) -> None:
    names = {
        "Kubernetes": "kubernetes",
        "k8s": "kubernetes",
        "Golang": "go",
        "go": "go",
        "C/C++": "c/c++",
        "c": "c/c++",
        "c++": "c/c++",
        ".NET": "dotnet",
        "Node.js": "node",
        "Make": "make",
        "Google Cloud Platform": "gcp",
    }
    assert [m.key for m in read_posting(text, names).skills] == found


def test_output_is_the_same_every_run(reports: dict[str, str], capsys) -> None:
    code, out, _ = match(capsys, str(POSTINGS / "tricky-words.txt"), "--source", str(REPO))
    assert code == 0
    assert out == reports["tricky-words"]


def test_variant_is_written_with_the_matched_skills(
    rootdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "cv"
    shutil.copytree(rootdir / "test-i18n-de", project)
    posting = tmp_path / "posting.txt"
    posting.write_text("We run k8s clusters; Go and Rust for tools.\n", encoding="utf-8")
    code, out, _ = match(capsys, str(posting), "--source", str(project), "--variant", "job-1")
    assert code == 0
    written = json.loads((project / "variants" / "job-1.json").read_text(encoding="utf-8"))
    assert written == {"title": "For posting.txt", "skills": ["Kubernetes", "Golang"]}
    assert "make variant NAME=job-1" in out
    assert "Cluster autoscaler (März 2021 – Juni 2024) — Jane Doe" in out  # the CV's language
    assert "Rust" in section(out, "does not have")
    # the variant builds: the entry using none of the posting's skills is left out
    html = tmp_path / "html"
    result = sphinx_build("html", project, html, "-W", "-D", "cv_variant=job-1")
    assert result.returncode == 0, result.stderr
    page = (html / "index.html").read_text(encoding="utf-8")
    assert "Cluster autoscaler" in page
    assert "Build farm" not in page


def test_bad_input_is_a_message_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = match(capsys, str(tmp_path / "none.txt"), "--source", str(REPO))
    assert (code, out) == (2, "")
    assert "none.txt" in err and "Traceback" not in err
    posting = POSTINGS / "tricky-words.txt"
    code, _, err = match(capsys, str(posting), "--source", str(tmp_path))
    assert code == 2 and "no conf.py" in err
    code, _, err = match(capsys, str(posting), "--variant", "../x", "--source", str(REPO))
    assert code == 2 and "--variant" in err
