"""``sphinx-cv match POSTING``: the CV's skills a job posting names, with their evidence."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..dates import parse_period
from ..indices import mention_label
from ..posting import read_posting
from ..uses import places_outside_entries
from .project import ProjectError, read_project

if TYPE_CHECKING:
    import argparse

    from ..domain import CVDomain
    from ..model import Entry
    from ..posting import Reading

VARIANTS_DIR = "variants"
"""Where ``--variant NAME`` writes ``NAME.json`` (read by the extension as ``cv_variants``)."""
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "match",
        help="the CV's skills a job posting names, with evidence and coverage",
        description=(
            "Read the CV with Sphinx and a job posting (plain text or Markdown); print "
            "the skills of the CV the posting names (by name or alias, whole words, any "
            "case) with the entries that show them, the posting's technical terms the CV "
            "does not have, and the share of the posting's terms the CV covers. Offline "
            "and deterministic."
        ),
    )
    parser.add_argument("posting", help="the job posting's text file ('-': standard input)")
    parser.add_argument(
        "--source", type=Path, default=Path(), help="the CV's folder, with conf.py (default: .)"
    )
    parser.add_argument(
        "--variant",
        metavar="NAME",
        help=f"also write {VARIANTS_DIR}/NAME.json, a variant focused on the matched skills "
        "(then: make variant NAME=NAME)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.variant is not None and not _NAME.fullmatch(args.variant):
        print(
            f"sphinx-cv match: --variant {args.variant!r}: letters, digits, - and _ only",
            file=sys.stderr,
        )
        return 2
    try:
        text = sys.stdin.read() if args.posting == "-" else Path(args.posting).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"sphinx-cv match: {args.posting}: {error}", file=sys.stderr)
        return 2
    try:
        with read_project(args.source.resolve()) as domain:
            names = {
                name: key
                for key, skill in domain.skills.items()
                for name in (skill.name, *skill.aliases)
            }
            reading = read_posting(text, names)
            print(report(domain, reading))
            if args.variant:
                path = write_variant(args.source, args.variant, args.posting, domain, reading)
                print(f"\nWrote {path}: make variant NAME={args.variant} builds it.")
    except ProjectError as error:
        print(f"sphinx-cv match: {error}", file=sys.stderr)
        return 2
    return 0


def report(domain: CVDomain, reading: Reading) -> str:
    """The matched skills with their entries, the missing terms, the coverage."""
    used_by = domain.entries_by_skill()
    lines = [f"Skills of the CV the posting names ({len(reading.skills)}):"]
    for match in reading.skills:
        skill = domain.skills[match.key]
        spelled = ", ".join(f'"{s}"' for s in match.spellings)
        times = "once" if match.count == 1 else f"{match.count} times"
        lines.append(f"  {skill.name} ({skill.category}) — posting: {spelled}, {times}")
        entries = used_by.get(match.key, [])
        for entry in entries:
            dates = entry_dates(domain, entry)
            page = mention_label_of_entry(domain, entry)
            lines.append(f"      {entry.title}{f' ({dates})' if dates else ''} — {page}")
        places = places_outside_entries(domain, match.key)
        if places:
            shown = "; ".join(mention_label(domain, m) for m in places)
            lines.append(f"      {'also in' if entries else 'in'}: {shown}")
        if not entries and not places:
            lines.append("      defined, not used in any entry or page")
    missing = reading.missing
    lines += ["", f"Terms of the posting the CV does not have ({len(missing)}):"]
    lines.append("  " + (", ".join(missing) if missing else "none"))
    total = len(reading.skills) + len(missing)
    lines += ["", f"Coverage: {len(reading.skills)} of {total} terms ({reading.coverage:.0%})"]
    return "\n".join(lines)


def entry_dates(domain: CVDomain, entry: Entry) -> str:
    """The entry's dates as the CV shows them (in its language)."""
    if not entry.start and not entry.end:
        return ""
    period = parse_period(entry.start or None, entry.end or None)
    return period.format(domain.env.config.language)


def mention_label_of_entry(domain: CVDomain, entry: Entry) -> str:
    docname = entry.docname
    titles = domain.env.titles
    return titles[docname].astext() if docname in titles else docname


def write_variant(
    source: Path, name: str, posting: str, domain: CVDomain, reading: Reading
) -> Path:
    """``variants/NAME.json``: a variant focused on the skills the posting names."""
    folder = source / VARIANTS_DIR
    folder.mkdir(exist_ok=True)
    title = "standard input" if posting == "-" else Path(posting).name
    variant = {
        "title": f"For {title}",
        "skills": [domain.skills[m.key].name for m in reading.skills],
    }
    path = folder / f"{name}.json"
    path.write_text(json.dumps(variant, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
