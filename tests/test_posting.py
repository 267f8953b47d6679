"""``sphinx_cv.posting`` called directly: how a posting's words are read as skills and terms.

``test_match.py`` reads postings against the real CV through ``sphinx-cv match``; these
cases pin each rule of the module on one short text each.
"""

from __future__ import annotations

from sphinx_cv.posting import read_posting


def test_a_cv_without_skills_reads_a_posting_for_its_terms() -> None:
    reading = read_posting("We use Go and Redis, Postgres.", {})
    assert reading.skills == []
    assert reading.missing == ["Go", "Postgres", "Redis"]


def test_blank_names_are_ignored() -> None:
    reading = read_posting("We use Go and Redis, Postgres.", {" ": "blank", "Go": "go"})
    assert [s.key for s in reading.skills] == ["go"]
    assert reading.missing == ["Postgres", "Redis"]
