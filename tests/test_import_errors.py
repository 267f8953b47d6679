"""``sphinx-cv import`` on bad input: a message naming the JSON path or YAML line, exit 2,
nothing written, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx_cv.cli.main import main

DATA = Path(__file__).parent / "data" / "import"


def run_import(capsys, source: Path, target: Path) -> tuple[int, str]:
    code = main(["import", str(source), str(target)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return code, out.err


def rich_json() -> dict:
    return json.loads((DATA / "rich.json").read_text(encoding="utf-8"))


def write_json(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def yaml_with(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    """rich.yaml with ``count`` occurrences of ``old`` changed (all when -1)."""
    text = (DATA / "rich.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "cv.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_invalid_json_names_line_and_column(tmp_path, capsys):
    source = tmp_path / "resume.json"
    source.write_text('{"basics": {"name": "A"},\n  "work": [}\n', encoding="utf-8")
    code, err = run_import(capsys, source, tmp_path / "out")
    assert code == 2
    assert f"{source}:2:12: invalid JSON" in err
    assert not (tmp_path / "out").exists()


def test_schema_violation_names_json_path(tmp_path, capsys):
    data = rich_json()
    data["work"][1]["startDate"] = "March 2016"
    code, err = run_import(capsys, write_json(tmp_path, data), tmp_path / "out")
    assert code == 2
    assert "$.work[1].startDate: 'March 2016' does not match" in err
    assert not (tmp_path / "out").exists()


def test_wrong_type_names_json_path(tmp_path, capsys):
    data = rich_json()
    data["skills"][0]["keywords"] = "Kubernetes, Docker"
    code, err = run_import(capsys, write_json(tmp_path, data), tmp_path / "out")
    assert code == 2
    assert "$.skills[0].keywords: 'Kubernetes, Docker' is not of type 'array'" in err


def test_unknown_json_key_is_refused(tmp_path, capsys):
    data = rich_json()
    data["projects"][0]["stars"] = 12
    code, err = run_import(capsys, write_json(tmp_path, data), tmp_path / "out")
    assert code == 2
    assert "$.projects[0].stars: unknown key 'stars'" in err
    assert not (tmp_path / "out").exists()


def test_list_item_with_a_comma_is_refused(tmp_path, capsys):
    data = rich_json()
    data["education"][0]["courses"][1] = "Operating Systems, Networks"
    code, err = run_import(capsys, write_json(tmp_path, data), tmp_path / "out")
    assert code == 2
    assert "$.education[0].courses[1]: 'Operating Systems, Networks' holds a comma" in err


def test_entry_without_its_name(tmp_path, capsys):
    data = rich_json()
    del data["education"][1]["institution"]
    code, err = run_import(capsys, write_json(tmp_path, data), tmp_path / "out")
    assert code == 2
    assert "$.education[1].institution: sphinx-cv needs each entry's institution" in err


def test_bad_location_object_names_json_path(tmp_path, capsys):
    data = rich_json()
    data["volunteer"][0]["location"] = {"city": "Berlin", "planet": "Earth"}
    code, err = run_import(capsys, write_json(tmp_path, data), tmp_path / "out")
    assert code == 2
    assert "$.volunteer[0].location.planet: unknown key 'planet'" in err


def test_json_without_a_name(tmp_path, capsys):
    data = rich_json()
    del data["basics"]["name"]
    code, err = run_import(capsys, write_json(tmp_path, data), tmp_path / "out")
    assert code == 2
    assert "$.basics.name: a CV needs the person's name" in err


def test_invalid_yaml_names_line(tmp_path, capsys):
    source = yaml_with(tmp_path, "  headline: Embedded", "  headline: [Embedded")
    code, err = run_import(capsys, source, tmp_path / "out")
    assert code == 2
    assert f"{source}:" in err
    assert "invalid YAML" in err
    assert not (tmp_path / "out").exists()


def test_unknown_cv_key_names_yaml_line(tmp_path, capsys):
    source = yaml_with(tmp_path, "  headline:", "  headlin:")
    code, err = run_import(capsys, source, tmp_path / "out")
    assert code == 2
    assert f"{source}:{line_of(source, 'headlin:')}: cv.headlin: unknown key 'headlin'" in err


@pytest.mark.parametrize(
    ("line", "with_key", "where", "why"),
    [
        (  # in an entry
            "        position: Intern",
            "team: QA",
            "cv.sections.experience[1].team",
            "unknown key 'team' in ExperienceEntry",
        ),
        (  # in a value nested in the CV (a social network)
            "      username: soren-ol",
            "nick: so",
            "cv.social_networks[0].nick",
            "'nick' was unexpected",
        ),
    ],
)
def test_unknown_nested_key_names_its_yaml_line(tmp_path, capsys, line, with_key, where, why):
    indent = line[: len(line) - len(line.lstrip())]
    source = yaml_with(tmp_path, line, f"{line}\n{indent}{with_key}")
    code, err = run_import(capsys, source, tmp_path / "out")
    assert code == 2
    assert f"{source}:{line_of(source, with_key)}: {where}: " in err
    assert why in err


def test_unknown_entry_type_names_yaml_line(tmp_path, capsys):
    source = yaml_with(tmp_path, "- bullet:", "- talk:", count=-1)
    code, err = run_import(capsys, source, tmp_path / "out")
    assert code == 2
    assert f"{source}:{line_of(source, 'talks:')}: cv.sections.talks: no entry type matches" in err
    assert "BulletEntry" in err


def test_rendercv_schema_violation_names_yaml_line(tmp_path, capsys):
    source = yaml_with(tmp_path, "    - network: GitHub", "    - network: Myspace")
    code, err = run_import(capsys, source, tmp_path / "out")
    assert code == 2
    line = line_of(source, "Myspace")
    assert f"{source}:{line}: cv.social_networks[0].network: 'Myspace' is not one of" in err


def test_unknown_top_level_key_names_yaml_line(tmp_path, capsys):
    source = yaml_with(tmp_path, "locale:", "locales:")
    code, err = run_import(capsys, source, tmp_path / "out")
    assert code == 2
    assert f"{source}:{line_of(source, 'locales:')}: locales: unknown key 'locales'" in err


def test_existing_folder_is_left_alone(tmp_path, capsys):
    target = tmp_path / "cv"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    code, err = run_import(capsys, DATA / "rich.json", target)
    assert code == 2
    assert f"{target}: exists and is not an empty folder" in err
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_unknown_format(tmp_path, capsys):
    source = tmp_path / "cv.txt"
    source.write_text("name: A\n", encoding="utf-8")
    code, err = run_import(capsys, source, tmp_path / "out")
    assert code == 2
    assert "unknown format" in err


def test_missing_file(tmp_path, capsys):
    code, err = run_import(capsys, tmp_path / "none.json", tmp_path / "out")
    assert code == 2
    assert "cannot read" in err


@pytest.mark.parametrize("name", ["rich.json", "rich.yaml"])
def test_console_script_exit_codes(tmp_path, name):
    """The installed ``sphinx-cv`` script: 0 on good input, 2 when the folder exists."""
    script = Path(sys.executable).with_name("sphinx-cv")
    target = tmp_path / "cv"
    first = subprocess.run([script, "import", DATA / name, target], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    again = subprocess.run([script, "import", DATA / name, target], capture_output=True, text=True)
    assert again.returncode == 2
    assert "Traceback" not in again.stderr
