"""A job posting read against the CV's skills: which it names, which terms the CV lacks.

Skills are found by name or alias as whole words in any case ("k8s" finds
Kubernetes; "Go" is not found in "good"). Names that are also everyday words or a
letter or two ("Go", "Make", "Helm", "C") count only as a name is written: with a
capital or a sign (``C++``), not at the start of a sentence unless a list goes on
after them ("Go, Python"), and a single letter not in "C-level" or "R&D".

The terms the CV does not have are a best-effort list of what reads as technical in
the posting: words with inner capitals (PostgreSQL), acronyms (GCP), letters with
digits (k8s, S3), names with signs (C#, .NET, Node.js), and capitalised words that
stand in a list with one of those or with a skill (Kafka in "Kafka, Redis and SQS"),
without the everyday word that opens a sentence ("Also AWS" gives AWS).
Nothing is added that the posting does not spell.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from babel.core import Locale

from .model import skill_key

if TYPE_CHECKING:
    from collections.abc import Iterable

_EVERYDAY = """
    access ant assembly backbone bamboo barman basic beam bird black buck cargo chef
    confluence consul crystal dart deb elastic ember envoy ergo eth excel express flask
    flux foreman go graphite helm jest julia kilo kind logo make maven mocha node nomad
    office packer pants pascal pip poetry prefect puppet react rust salt scheme sentry
    shell skipper slack spark squid stack storm swift teams vault waves windows word
"""
EVERYDAY_WORDS = frozenset(_EVERYDAY.split())
"""Tool names that are also everyday English words: found only as a name is written."""

_NOT_TECHNICAL = """
    A AM ASAP CEO CET CFO CTO CV EOD ETA EU FAQ FTE HR II III IT KPI KPIs NB NDA OK OKR OKRs
    PM PS PTO Q1 Q2 Q3 Q4 R&D SF TBD UK US USA UTC VP
"""
NOT_TECHNICAL = frozenset(_NOT_TECHNICAL.split())
"""Acronyms of everyday work that are not technology (the terms list leaves them out)."""

_OPENERS = """
    A Also An Any Basic Bonus Both Deep Desirable Either Especially Excellent Experience
    Expertise Familiarity Good Great Hands-on Ideally Including Knowledge Must Nice Our
    Plus Practical Preferred Previous Prior Proficiency Proven Required Solid Some Strong
    The These This Understanding Using We With Working You Your
"""
SENTENCE_OPENERS = frozenset(_OPENERS.split())
"""Words that open a posting's sentences and are part of no tool's name there: "Also AWS"
is AWS, "Strong Kafka, Redis" Kafka and Redis."""

_LIST_GOES_ON = re.compile(r"\s*(?:[,/;)&]|$|and\b|or\b)")
_LIST_GLUE = re.compile(r"\s*(?:[,/&;()]|,?\s*(?:and|or)\b)\s*\(?\s*")
_TOKEN = re.compile(r"(?<![\w.#+@/&-])\.?[^\W_][\w.+#&-]*(?<![.&-])")


@dataclass
class SkillMatch:
    """A skill of the CV the posting names: how it wrote it, how often, where first."""

    key: str
    spellings: list[str] = field(default_factory=list)
    count: int = 0
    first: int = 0


@dataclass(frozen=True)
class Reading:
    """What the posting names: skills of the CV (in posting order) and other terms."""

    skills: list[SkillMatch]
    missing: list[str]

    @property
    def coverage(self) -> float:
        """The share of the posting's terms that are skills of the CV (0 to 1)."""
        total = len(self.skills) + len(self.missing)
        return len(self.skills) / total if total else 0.0


def is_everyday(name: str) -> bool:
    """A name that is also a common word, or one or two letters."""
    return name.casefold() in EVERYDAY_WORDS or (name.isalpha() and len(name) <= 2)


def _pattern(names: Iterable[str]) -> re.Pattern[str]:
    """One expression for every name, the longest first (``C++`` before ``C``)."""
    spelled = sorted({n for n in names if n.strip()}, key=lambda n: (-len(n), n))
    if not spelled:  # an empty alternation would match the empty string everywhere
        return re.compile(r"(?!)")  # pragma: no mutate (any pattern around (?!) fails too)
    alternatives = "|".join(r"\s+".join(map(re.escape, n.split())) for n in spelled)
    return re.compile(rf"(?<![\w.#+@-])(?:{alternatives})(?![\w#+]|\.\w)", re.IGNORECASE)


def at_sentence_start(text: str, start: int) -> bool:
    """Whether ``text[start]`` begins a sentence, a line or a list item."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return bool(re.fullmatch(r"\s*(?:[-*+•]|\d+[.)]|#+)?\s*", before)) or bool(
        re.search(r"[.!?:]\s+$", before)
    )


def _counts(text: str, start: int, end: int, name: str) -> bool:
    """Whether the words at ``text[start:end]`` name the tool *name* (see the module)."""
    found = text[start:end]
    if not is_everyday(name):
        return True
    if found.isalpha() and found.islower():
        return False
    if len(found) == 1 and (
        not found.isupper()
        or re.match(r"[-'’&]|\.\w", text[end : end + 2])
        or text[start - 1 : start] == "&"
    ):
        return False
    return not at_sentence_start(text, start) or _LIST_GOES_ON.match(text, end) is not None


def find_skills(text: str, names: dict[str, str]) -> list[SkillMatch]:
    """The skills *text* names, in the order it first names them.

    *names* maps each name and alias (as the CV spells it) to its skill's key.
    """
    by_key = {skill_key(name): key for name, key in names.items()}
    spelled_as = {skill_key(name): name for name in names}
    found: dict[str, SkillMatch] = {}
    for match in _pattern(names).finditer(text):
        name_key = skill_key(match[0])
        key = by_key[name_key]
        if not _counts(text, match.start(), match.end(), spelled_as[name_key]):
            continue
        skill = found.setdefault(key, SkillMatch(key, first=match.start()))
        skill.count += 1
        if " ".join(match[0].split()) not in skill.spellings:
            skill.spellings.append(" ".join(match[0].split()))
    return list(found.values())


def _named_things(language: str = "en") -> set[str]:
    """Months, weekdays, countries and languages: capitalised words that are not tools."""
    locale = Locale.parse(language)
    names: set[str] = set()
    for width in ("wide", "abbreviated"):
        names |= set(locale.months["format"][width].values())
        names |= set(locale.days["format"][width].values())
    for table in (locale.territories, locale.languages):
        names |= {word for value in table.values() for word in value.split()}
    return {name.casefold() for name in names}


def _is_technical(token: str) -> bool:
    """Spelled as technology: inner capitals, an acronym, letters and digits, signs."""
    if token in NOT_TECHNICAL or "://" in token or "@" in token:
        return False
    letters = re.sub(r"[^A-Za-z]", "", token)
    if not letters:
        return False
    return bool(
        re.search(r"[a-z][A-Z]", token)  # PostgreSQL, GitLab
        or (len(letters) >= 2 and letters.isupper() and len(token) <= 8)  # AWS, GCP
        or (re.search(r"\d", token) and re.search(r"[A-Za-z]", token) and len(token) <= 12)
        or re.search(r"[#+]$|^\.|[a-z]\.[A-Za-z]", token)  # C#, C++, .NET, Node.js
    )


@dataclass(frozen=True)
class _Phrase:
    """Capitalised or technical words in a row, one space apart: ``Tailwind CSS``."""

    start: int
    end: int
    text: str
    technical: bool
    opens_sentence: bool
    in_heading: bool


def _phrases(text: str, tokens: list[re.Match[str]]) -> list[_Phrase]:
    named = _named_things()
    runs: list[list[re.Match[str]]] = []
    for token in tokens:
        word = token[0]
        opener = word in SENTENCE_OPENERS and at_sentence_start(text, token.start())
        wanted = not opener and (
            _is_technical(word)
            or (word[:1].isupper() and word.casefold() not in named and word not in NOT_TECHNICAL)
        )
        if not wanted:  # an empty run ends the one before (None would do the same)
            runs.append([])  # pragma: no mutate
        elif runs and runs[-1] and text[runs[-1][-1].end() : token.start()] == " ":
            runs[-1].append(token)
        else:
            runs.append([token])
    return [
        _Phrase(
            start=run[0].start(),
            end=run[-1].end(),
            text=text[run[0].start() : run[-1].end()],
            technical=any(_is_technical(t[0]) for t in run),
            opens_sentence=at_sentence_start(text, run[0].start()),
            in_heading=text[text.rfind("\n", 0, run[0].start()) + 1 :].startswith("#"),
        )
        for run in runs
        if run
    ]


def find_missing_terms(text: str, names: dict[str, str]) -> list[str]:
    """The posting's technical terms that are neither a skill nor an alias of the CV.

    A phrase counts when it is spelled as technology, or when it is capitalised (not
    because it opens a sentence or is a heading) and stands in a list with a skill of
    the CV, a technical term or another capitalised phrase.
    """
    known = [(m.start(), m.end()) for m in _pattern(names).finditer(text)]
    tokens = [t for t in _TOKEN.finditer(text) if not any(s <= t.start() < e for s, e in known)]
    phrases = _phrases(text, tokens)
    items: list[tuple[int, int, _Phrase | None]] = sorted(
        [(s, e, None) for s, e in known] + [(p.start, p.end, p) for p in phrases],
        # (start, end) never tie (phrases are made of tokens outside the names): sorting by
        # the whole tuple, or by none of it, is the same order
        key=lambda item: item[:2],  # pragma: no mutate
    )
    listed: set[int] = set()  # phrases joined to a neighbour by a list's glue
    for (_, end, left), (start, _, right) in itertools.pairwise(items):
        if _LIST_GLUE.fullmatch(text[end:start]):
            if left is not None and (right is None or not right.in_heading):
                listed.add(id(left))
            if right is not None and not right.opens_sentence:
                listed.add(id(right))
    terms: dict[str, str] = {}
    for phrase in phrases:
        if phrase.technical or (id(phrase) in listed and not phrase.in_heading):
            terms.setdefault(phrase.text.casefold(), phrase.text)
    return sorted(terms.values(), key=str.casefold)


def read_posting(text: str, names: dict[str, str]) -> Reading:
    """The skills of the CV that *text* names, and its technical terms the CV lacks."""
    return Reading(find_skills(text, names), find_missing_terms(text, names))
