"""``make mutation``'s helper (run in _build/mutation): list mutmut's mutants, draw a uniform
random sample of them, and count a run's results by module.

    python tests/mutation.py names [--sample N] [--seed S] [PATTERN ...]
    python tests/mutation.py score [--names FILE] [PATTERN ...]
    python tests/mutation.py verify NAME [PYTEST-ARGUMENT ...]

``verify`` applies one mutant to a copy of the sources and runs pytest on it in a fresh
process: for mutants in code that runs when a module is imported (an option spec, a table
of checks), which mutmut cannot test (it imports the modules once, then forks a process
per mutant).

PATTERNs are mutmut's (``sphinx_cv.dates*``, fnmatch on mutant names); none means every mutant.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

DETECTED = {"killed", "timeout", "caught by type check", "segfault"}
"""Statuses in which the tests (or the run) noticed the mutant."""


def metas() -> list[Path]:
    return sorted(Path("mutants", "src").rglob("*.py.meta"))


def generate() -> None:
    """Write mutmut's mutants and their .meta files without running any test."""
    import mutmut.__main__ as mutmut

    with contextlib.redirect_stdout(sys.stderr):  # mutmut prints each file it mutates
        mutmut.copy_src_dir()
        mutmut.create_mutants(1)


def results(patterns: list[str]) -> dict[str, dict[str, int | None]]:
    """Exit code by mutant name, by module file, for the mutants the patterns name."""
    by_module: dict[str, dict[str, int | None]] = {}
    for meta in metas():
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        module = str(meta.relative_to("mutants", "src")).removesuffix(".meta")
        by_module[module] = {
            name: code
            for name, code in codes.items()
            if not patterns or any(fnmatch.fnmatch(name, p) for p in patterns)
        }
    return by_module


def wilson(detected: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion seen in a sample."""
    p = detected / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return centre - half, centre + half


def names(args: argparse.Namespace) -> int:
    generate()
    chosen = sorted(n for codes in results(args.patterns).values() for n in codes)
    if args.sample:
        chosen = sorted(random.Random(args.seed).sample(chosen, min(args.sample, len(chosen))))
    print("\n".join(chosen))
    return 0


def score(args: argparse.Namespace) -> int:
    from mutmut.stats import status_by_exit_code

    wanted = set(Path(args.names).read_text().split()) if args.names else None
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for module, codes in results(args.patterns).items():
        for name, code in codes.items():
            if wanted is None or name in wanted:
                counts[module][status_by_exit_code[code]] += 1
    total = Counter[str]()
    print(f"{'module':32} {'killed':>7} {'survived':>8} {'other':>6} {'total':>6} {'score':>6}")
    for module, c in sorted(counts.items()):
        total.update(c)
        line(module, c)
    line("all", total)
    checked = sum(total.values()) - total["not checked"]
    detected = sum(total[s] for s in DETECTED)
    if args.names and checked:
        low, high = wilson(detected, checked)
        print(f"sample of {checked}: 95 % interval {low:.1%} to {high:.1%}")
    others = {s: n for s, n in total.items() if s not in DETECTED | {"survived"}}
    if others:
        print("other:", ", ".join(f"{n} {s}" for s, n in sorted(others.items())))
    return 0


def line(module: str, c: Counter[str]) -> None:
    detected = sum(c[s] for s in DETECTED)
    checked = sum(c.values()) - c["not checked"]
    other = checked - detected - c["survived"]
    rate = f"{detected / checked:.1%}" if checked else "-"
    print(f"{module:32} {detected:7} {c['survived']:8} {other:6} {checked:6} {rate:>6}")


def verify(args: argparse.Namespace) -> int:
    """Exit 0 when the tests fail on the mutant (killed), 1 when they pass (survived)."""
    mutmut = Path(sys.executable).with_name("mutmut")
    repo = Path("src").resolve().parent
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree("src", Path(tmp, "src"), symlinks=False)
        Path(tmp, "mutants").symlink_to(Path("mutants").resolve())
        shutil.copy("pyproject.toml", tmp)
        subprocess.run([mutmut, "apply", args.name], cwd=tmp, check=True, capture_output=True)
        env = {**os.environ, "PYTHONPATH": str(Path(tmp, "src"))}
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
        result = subprocess.run([*command, *args.pytest], cwd=repo, env=env, check=False)
    if result.returncode == 5:  # pytest collected no test
        raise SystemExit(f"{args.name}: no test ran")
    status = "survived" if result.returncode == 0 else "killed"
    print(f"{args.name}: {status} (pytest exit {result.returncode})")
    return 1 if status == "survived" else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("names", help="generate the mutants and print their names")
    listing.add_argument("--sample", type=int, help="a uniform random sample of this many")
    listing.add_argument("--seed", type=int, default=1)
    listing.add_argument("patterns", nargs="*")
    listing.set_defaults(run=names)
    counting = commands.add_parser("score", help="killed, survived and total by module")
    counting.add_argument("--names", help="count only the mutants this file names")
    counting.add_argument("patterns", nargs="*")
    counting.set_defaults(run=score)
    checking = commands.add_parser("verify", help="one mutant applied, in a fresh process")
    checking.add_argument("name")
    checking.add_argument("pytest", nargs=argparse.REMAINDER)
    checking.set_defaults(run=verify)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
