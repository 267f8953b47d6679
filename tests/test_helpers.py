"""The skills engine's small helpers called directly: option parsing, names and keys, years
of evidence, URLs and file names shown to the reader."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx_cv.defaults import pdf_basename
from sphinx_cv.evidence import entry_count, entry_years, span
from sphinx_cv.html import _default_pdf_url, pdf_name
from sphinx_cv.kinds import KINDS, kind_labels
from sphinx_cv.model import Entry, skill_key
from sphinx_cv.skills import comma_list, short_url
from sphinx_cv.sources import has_root_doc


def entry(start: str = "", end: str = "", **fields: str | tuple[str, ...]) -> Entry:
    return Entry(
        "work", "Acme", tuple(fields.items()), start, end, (), "", (), "index", "entry-acme", 1
    )


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        ("2016-04", "present", (2016, None)),
        ("2016-04", "2019-02-01", (2016, 2019)),
        ("2016", "", (2016, 2016)),
        ("", "", None),
        ("", "2019", None),
    ],
)
def test_entry_years(start: str, end: str, years: tuple[int, int | None] | None) -> None:
    assert entry_years(entry(start, end)) == years


@pytest.mark.parametrize(
    ("dates", "shown"),
    [
        ([("2016", "2018"), ("2019-03", "present")], "2016–present"),
        ([("2019", "2021"), ("2015-01", "2017")], "2015–2021"),
        ([("2020-01", "2020-05")], "2020"),
        ([("2020", "2020"), ("", "")], "2020"),
        ([("", "")], ""),
        ([], ""),
    ],
)
def test_span_of_the_entries_years(dates: list[tuple[str, str]], shown: str) -> None:
    assert span([entry(s, e) for s, e in dates]) == shown


def test_entry_count_in_english() -> None:
    assert (entry_count(1), entry_count(2), entry_count(0)) == ("1 entry", "2 entries", "0 entries")


def test_entry_options_by_name() -> None:
    work = entry(url="https://acme.example/", roles=("Lead", "Developer"))
    assert (work.get("url"), work.get("roles"), work.get("position")) == (
        "https://acme.example/",
        ("Lead", "Developer"),
        "",
    )
    assert work.url == "https://acme.example/"
    assert entry(url=("not", "text")).url == ""
    assert entry().url == ""


@pytest.mark.parametrize(
    ("name", "key"),
    [("Go", "go"), ("  Google   Cloud\tPlatform ", "google cloud platform"), ("Straße", "strasse")],
)
def test_skill_key_ignores_case_and_spacing(name: str, key: str) -> None:
    assert skill_key(name) == key


@pytest.mark.parametrize(
    ("argument", "names"),
    [
        ("Go", ("Go",)),
        ("Go, Rust ,  Google   Cloud ", ("Go", "Rust", "Google Cloud")),
    ],
)
def test_comma_list(argument: str, names: tuple[str, ...]) -> None:
    assert comma_list(argument) == names


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        (None, "^expected a comma-separated list of names$"),
        ("   ", "^expected a comma-separated list of names$"),
        ("Go,, Rust", r"^empty name in 'Go,, Rust'$"),
        ("Go, ", r"^empty name in 'Go, '$"),
    ],
)
def test_comma_list_refuses_empty_names(argument: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        comma_list(argument)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://www.example.org/path/", "example.org/path"),
        ("http://example.org", "example.org"),
        ("https://github.com/me/", "github.com/me"),
        ("mailto:me@example.org", "mailto:me@example.org"),
        ("https://wwwx.example.org/", "wwwx.example.org"),
        ("https://example.org/www.x/", "example.org/www.x"),
        (
            "https://web.archive.org/web/2020/https://me.example/",
            "web.archive.org/web/2020/https://me.example",
        ),
    ],
)
def test_short_url(url: str, shown: str) -> None:
    assert short_url(url) == shown


@pytest.mark.parametrize(
    ("name", "file"),
    [("Zoë van Dijk", "ZoevanDijk"), ("Jane O'Neil-Smith 2", "JaneONeilSmith2"), ("---", "cv")],
)
def test_pdf_basename_is_ascii(name: str, file: str) -> None:
    assert pdf_basename(name) == file


def test_pdf_name_is_the_first_latex_documents_with_pdf() -> None:
    documents = [("index", "Jane.tex", "T", "A", "cv"), ("other", "Other.tex", "T", "A", "cv")]
    assert pdf_name(SimpleNamespace(latex_documents=documents)) == "Jane.pdf"
    assert pdf_name(SimpleNamespace(latex_documents=[])) == ""


def test_pdf_url_on_read_the_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    config = SimpleNamespace(language="de")
    monkeypatch.delenv("READTHEDOCS_CANONICAL_URL", raising=False)
    assert _default_pdf_url(config) == ""
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://jane.readthedocs.io/en/latest/")
    monkeypatch.delenv("READTHEDOCS_LANGUAGE", raising=False)
    monkeypatch.delenv("READTHEDOCS_VERSION", raising=False)
    assert _default_pdf_url(config) == "https://jane.readthedocs.io/_/downloads/de/latest/pdf/"
    assert (
        _default_pdf_url(SimpleNamespace(language=None))
        == "https://jane.readthedocs.io/_/downloads/en/latest/pdf/"
    )
    monkeypatch.setenv("READTHEDOCS_LANGUAGE", "fr")
    monkeypatch.setenv("READTHEDOCS_VERSION", "v2")
    assert _default_pdf_url(config) == "https://jane.readthedocs.io/_/downloads/fr/v2/pdf/"


def test_root_doc_with_any_suffix(tmp_path: Path) -> None:
    assert not has_root_doc(tmp_path, "index")
    (tmp_path / "index.rst").write_text("x")
    (tmp_path / "[a].md").write_text("x")
    assert has_root_doc(tmp_path, "index")
    assert has_root_doc(tmp_path, "[a]")  # a name with glob characters
    assert not has_root_doc(tmp_path, "a")


def test_option_names_of_a_kind() -> None:
    assert KINDS["award"].option_names == ("awarder", "date", "skills")
    assert KINDS["language"].option_names == ("fluency",)
    assert KINDS["reference"].option_names == ("skills",)


def test_each_kind_has_a_label() -> None:
    labels = {kind: str(label) for kind, label in kind_labels().items()}
    assert list(labels) == list(KINDS)  # in JSON Resume's order
    assert labels == {
        "work": "Work",
        "volunteer": "Volunteering",
        "education": "Education",
        "award": "Awards",
        "certificate": "Certificates",
        "publication": "Publications",
        "language": "Languages",
        "interest": "Interests",
        "reference": "References",
        "project": "Projects",
    }
