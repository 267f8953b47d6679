"""The page limit of a variant's PDF, checked once LaTeX has written it.

``python -m sphinx_cv.latex.pagelimit LATEX_DIR`` reads the limit the Sphinx build
noted (``sphinxcv-variant.json``) and the pages LaTeX wrote (its ``.log``); more
pages than the limit is a warning saying by how much. The PDF is never cut.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_WRITTEN = re.compile(r"Output written on .*?\((\d+) pages?", re.DOTALL)


def pages_written(log: Path) -> int | None:
    """The number of pages LaTeX's log says it wrote (``None``: no PDF)."""
    found = _WRITTEN.findall(log.read_text(encoding="utf-8", errors="replace"))
    return int(found[-1]) if found else None


def check(latex_dir: Path) -> str:
    """A warning when the variant's PDF in *latex_dir* is over its page limit, else ``""``."""
    noted = latex_dir / "sphinxcv-variant.json"
    if not noted.is_file():
        return ""
    variant = json.loads(noted.read_text(encoding="utf-8"))
    limit = int(variant.get("pages") or 0)
    logs = sorted(latex_dir.glob("*.log"))
    pages = pages_written(logs[0]) if logs else None
    if not limit or pages is None or pages <= limit:
        return ""
    over = pages - limit
    return (
        f"WARNING: variant {variant['variant']!r}: the PDF has {pages} pages, "
        f"{over} {'page' if over == 1 else 'pages'} over its limit of {limit} (cv_variants "
        f"'pages'); leave out more, or raise the limit [cv.page-limit]"
    )


def main(argv: list[str] | None = None) -> int:
    """Print the warning, if any, for each LaTeX folder given; exit 0 (a warning only)."""
    for folder in argv if argv is not None else sys.argv[1:]:
        warning = check(Path(folder))
        if warning:
            print(warning, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
