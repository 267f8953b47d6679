"""``make bench``: every speed and size figure of the project, measured in one run.

Figures are ratios against a baseline measured in the same run (these machines are noisy).
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_pdf
import bench_skills
import bench_web


def main() -> None:
    print(f"make bench: python {platform.python_version()}, {platform.machine()}")
    bench_skills.overhead()
    bench_skills.scale()
    bench_pdf.pdf_time()
    bench_web.main()


if __name__ == "__main__":
    main()
