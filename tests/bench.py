"""``make bench``: every speed and size figure of the project, measured in one run.

Figures are ratios against a baseline measured in the same run (these machines are noisy).
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_pdf  # noqa: E402
import bench_skills  # noqa: E402
import bench_web  # noqa: E402


def main() -> None:
    print(f"make bench: python {platform.python_version()}, {platform.machine()}")
    bench_skills.overhead()
    bench_skills.scale()
    bench_pdf.pdf_time()
    bench_web.main()


if __name__ == "__main__":
    main()
