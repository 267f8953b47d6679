"""``sphinx_cv.posting`` called directly: how a posting's words are read as skills and terms.

``test_match.py`` reads postings against the real CV through ``sphinx-cv match``; these
cases pin each rule of the module on one short text each.
"""

from __future__ import annotations

import pytest
from sphinx_cv.posting import (
    Reading,
    SkillMatch,
    _is_technical,
    at_sentence_start,
    find_missing_terms,
    find_skills,
    is_everyday,
    read_posting,
)

NAMES = {
    "Go": "go",
    "Golang": "go",
    "Make": "make",
    "C": "c",
    "C++": "cpp",
    "R": "r",
    "Kubernetes": "kubernetes",
    "k8s": "kubernetes",
    "Helm": "helm",
    "Google Cloud": "gcp",
}


def found(text: str) -> list[tuple[str, list[str], int, int]]:
    return [(s.key, s.spellings, s.count, s.first) for s in find_skills(text, NAMES)]


@pytest.mark.parametrize(
    ("name", "everyday"),
    [
        ("Go", True),  # two letters
        ("R", True),
        ("helm", True),  # a word of the list, in any case
        ("Helm", True),
        ("Make", True),
        ("C++", False),  # not letters only
        ("AWS", False),  # three letters
        ("k8s", False),
        ("Kubernetes", False),
        ("Qt", True),
        ("Го", True),
        ("Питон", False),  # five letters, not Latin ones
    ],
)
def test_everyday_names_are_listed_words_or_one_or_two_letters(name: str, everyday: bool) -> None:
    assert is_everyday(name) is everyday


@pytest.mark.parametrize(
    ("text", "start", "starts"),
    [
        ("Go", 0, True),
        ("  Go", 2, True),
        ("- Go", 2, True),
        ("* Go", 2, True),
        ("+ Go", 2, True),
        ("• Go", 2, True),
        ("12. Go", 4, True),
        ("1) Go", 3, True),
        ("## Go", 3, True),
        ("Done. Go", 6, True),
        ("Why? Go", 5, True),
        ("Yes! Go", 5, True),
        ("Stack: Go", 7, True),
        ("We use\nGo", 7, True),  # a new line
        ("We use Go", 7, False),
        ("v1.2 Go", 5, False),  # a dot inside a word does not end a sentence
        ("a, Go", 3, False),
        ("x - Go", 4, False),  # a dash inside the line is no list item
        ("Done.\nWe use Go", 13, False),  # only the line of the word counts
        ("a\nb\nGo", 4, True),  # the word's own line, not the first
    ],
)
def test_sentence_starts(text: str, start: int, starts: bool) -> None:
    assert at_sentence_start(text, start) is starts


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        # everyday names count as a name is written
        ("We use Go.", [("go", ["Go"], 1, 7)]),
        ("We use GO.", [("go", ["GO"], 1, 7)]),
        ("we go home", []),
        ("Go is fun.", []),  # opens a sentence
        ("Go, Python.", [("go", ["Go"], 1, 0)]),  # opens a list
        ("Go and Rust", [("go", ["Go"], 1, 0)]),
        ("Go or Rust", [("go", ["Go"], 1, 0)]),
        ("Go; Rust", [("go", ["Go"], 1, 0)]),
        ("Go/Rust", [("go", ["Go"], 1, 0)]),
        ("Go)", [("go", ["Go"], 1, 0)]),
        ("Go", [("go", ["Go"], 1, 0)]),  # the whole text
        ("Go andere", []),  # "and" as a whole word only
        ("Make sure", []),
        ("we make it", []),
        ("- Go is fun", []),  # a list item that does not go on
        ("- Go", [("go", ["Go"], 1, 2)]),  # the end of the text may go on
        ("- Go, Make", [("go", ["Go"], 1, 2), ("make", ["Make"], 1, 6)]),
        # one letter: a capital, not in C-level, C's, R&D, "&R"
        ("We use C.", [("c", ["C"], 1, 7)]),
        ("We use c.", []),
        ("C-level people", []),
        ("C's rules", []),
        ("We do R&D.", []),
        ("We do D&R.", []),
        ("We use C.x", []),
        ("We use C. Then", [("c", ["C"], 1, 7)]),  # a full stop is not ".x"
        ("We use C++ and C", [("cpp", ["C++"], 1, 7), ("c", ["C"], 1, 15)]),
        # whole words only, in any case, spellings in order, counted
        ("Kubernetes-native", [("kubernetes", ["Kubernetes"], 1, 0)]),
        ("xk8s Golangs k8s_x", []),
        ("#Go Go# @Go", []),
        (
            "We run k8s, K8S and Kubernetes: k8s.",
            [("kubernetes", ["k8s", "K8S", "Kubernetes"], 4, 7)],
        ),
        ("In Google   Cloud and Google\nCloud.", [("gcp", ["Google Cloud"], 2, 3)]),
        ("We use Golang and Go.", [("go", ["Golang", "Go"], 2, 7)]),
    ],
)
def test_skills_are_found_as_names_are_written(
    text: str, skills: list[tuple[str, list[str], int, int]]
) -> None:
    assert found(text) == skills


def test_skills_come_in_the_order_the_posting_first_names_them() -> None:
    text = "Helm charts. Kubernetes, Go and Helm."
    assert [s.key for s in find_skills(text, NAMES)] == ["kubernetes", "go", "helm"]
    assert found(text)[2] == ("helm", ["Helm"], 1, 32)  # "Helm charts" opens no list


def test_the_longest_name_wins() -> None:
    names = {"C": "c", "C++": "cpp", "Google": "google", "Google Cloud": "gcp"}
    assert [s.key for s in find_skills("We use C++ on Google Cloud.", names)] == ["cpp", "gcp"]


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        # spelled as technology
        ("We use PostgreSQL and GitLab.", ["GitLab", "PostgreSQL"]),
        ("Hosted on AWS or GCP.", ["AWS", "GCP"]),
        ("Store in S3 today.", ["S3"]),
        ("We write C#, .NET or Node.js code.", [".NET", "C#", "Node.js"]),
        ("Mail a@b.example or see https://x.example/Go today.", []),
        ("No ABCDEFGHI here.", []),  # too long for an acronym
        ("We build abcdefghijk1 now.", ["abcdefghijk1"]),
        ("We build abcdefghijkl1 now.", []),  # too long for letters and digits
        ("Since 2019 with 100 people.", []),
        ("Our CEO, HR and the EU team.", []),  # everyday acronyms
        # capitalised words in a list with a skill or a term
        ("We use Kafka, Redis and SQS.", ["Kafka", "Redis", "SQS"]),
        ("We use Redis, Postgres.", ["Postgres", "Redis"]),
        ("We use Go and Terraform.", ["Terraform"]),
        ("We use Terraform and Go.", ["Terraform"]),
        ("We use Terraform today.", []),  # capitalised, alone
        ("Kafka is used.", []),  # opens the sentence
        ("Offices in Germany, Portugal and March.", []),  # countries and months
        ("Tailwind CSS and Jest.", ["Jest", "Tailwind CSS"]),
        ("Jest and Tailwind CSS.", ["Jest", "Tailwind CSS"]),
        ("# Kafka\nRedis, Postgres", ["Postgres", "Redis"]),  # a heading is no list item
        ("Redis\nKafka, Postgres", ["Kafka", "Postgres"]),  # a new line is no glue
        ("We use Kafka, KAFKA.", ["Kafka"]),  # one term in any case, as first spelled
        # a sentence's opening word is no part of a name
        ("Also AWS and GCP.", ["AWS", "GCP"]),
        ("Strong Kafka, Redis.", ["Kafka", "Redis"]),
        ("Also, Kafka and Redis.", ["Kafka", "Redis"]),
        ("- Solid PostgreSQL", ["PostgreSQL"]),
        ("We use it. Also AWS.", ["AWS"]),
        ("Amazon EKS is used.", ["Amazon EKS"]),  # a name's first word, not an opener
        ("We use Also, Kafka.", ["Also", "Kafka"]),  # inside a sentence: as written
    ],
)
def test_missing_terms(text: str, missing: list[str]) -> None:
    assert find_missing_terms(text, NAMES) == missing


@pytest.mark.parametrize(
    ("token", "technical"),
    [
        ("PostgreSQL", True),  # inner capitals
        ("GitLab", True),
        ("CI", True),  # an acronym of two letters or more, 8 characters at most
        ("ABCDEFGH", True),
        ("ABCDEFGHI", False),
        ("K8S", True),
        ("S3", True),  # letters and digits
        ("abcdefghijk1", True),
        ("abcdefghijkl1", False),
        ("C#", True),  # signs
        ("C++", True),
        (".NET", True),
        ("Node.js", True),
        ("Vue.JS", True),
        ("Kafka", False),
        ("kafka", False),
        ("EU", False),  # everyday acronyms
        ("KPIs", False),
        ("https://x.example", False),
        ("a@b.example", False),
        ("1+", False),  # no letter
        ("2024", False),
        ("ЖЖ", False),
    ],
)
def test_terms_spelled_as_technology(token: str, technical: bool) -> None:
    assert _is_technical(token) is technical


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("We use Go, March and Monday.", []),  # months and days, wide
        ("We use Go, Mar and Tue.", []),  # and abbreviated
        ("We use Go, Germany and English.", []),  # countries, languages
        ("We use Go,\nKafka is used.", []),  # a line's first word is no list item
        ("\n# Kafka, Redis", []),  # a heading after a blank first line
        ("# Kafka, Redis\nWe use Go.", []),  # a heading before more lines
        ("Intro\n# Jobs\nWe use Kafka, Redis.", ["Kafka", "Redis"]),  # under a heading
        ("We use Kafka,\n# Redis", []),  # a heading is no list's next item
        ("We use Zookeeper and k3s.", ["k3s", "Zookeeper"]),  # in any case's order
    ],
)
def test_names_openers_and_headings_are_no_terms(text: str, missing: list[str]) -> None:
    assert find_missing_terms(text, NAMES) == missing


def test_a_heading_before_a_list_is_not_a_term() -> None:
    assert find_missing_terms("## Requirements\nKafka, Redis", NAMES) == ["Kafka", "Redis"]
    assert find_missing_terms("## Kafka, Redis", NAMES) == []


def test_coverage_is_the_share_of_terms_that_are_skills() -> None:
    assert Reading([], []).coverage == 0.0
    assert Reading([SkillMatch("go")], ["AWS", "GCP", "S3"]).coverage == 0.25
    assert Reading([SkillMatch("go"), SkillMatch("c")], []).coverage == 1.0


def test_a_cv_without_skills_reads_a_posting_for_its_terms() -> None:
    reading = read_posting("We use Go and Redis, Postgres.", {})
    assert reading.skills == []
    assert reading.missing == ["Go", "Postgres", "Redis"]


def test_blank_names_are_ignored() -> None:
    reading = read_posting("We use Go and Redis, Postgres.", {" ": "blank", "Go": "go"})
    assert [s.key for s in reading.skills] == ["go"]
    assert reading.missing == ["Postgres", "Redis"]
