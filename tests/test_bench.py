"""The benchmarks' baselines are what they claim to be."""

from __future__ import annotations

import re

import pytest
from bench_skills import plain_text
from conftest import REPO


@pytest.mark.parametrize("page", sorted((REPO / "docs").glob("*.md")), ids=lambda p: p.name)
def test_plain_baseline_keeps_every_word_and_drops_every_cv_construct(page) -> None:
    source = page.read_text()
    plain = plain_text(source)
    assert not re.search(r"\{(skill|cv:[\w-]+)\}", plain)
    shown = re.sub(r"^:(?!skills:)[\w-]+:.*$", "", source, flags=re.M)  # url, aliases...
    shown = re.sub(r"<[^`>]*>`", "`", shown)  # a role's target, when it has a text
    shown = re.sub(r"^```\{cv:[\w-]+\}", "```", shown, flags=re.M)  # a directive's name
    lost = words(shown) - words(plain) - {"skill", "skills", "entry"}
    assert not lost, sorted(lost)[:20]


def words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{4,}", text))
