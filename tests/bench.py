"""``make bench``: every speed and size figure of the project, measured in one run.

Figures are ratios against a baseline measured in the same run (these machines are noisy),
and absolute times where the goal is one; the load average shows how busy the machine was.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_pdf
import bench_skills
import bench_watch
import bench_web


def main() -> None:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"make bench: python {platform.python_version()}, {platform.machine()},")
    print(f"  {os.cpu_count()} CPUs, load average {load} (1, 5, 15 min) at the start")
    bench_skills.overhead()
    bench_skills.scale()
    bench_pdf.pdf_time()
    bench_watch.edit_to_screen()
    bench_web.main()


if __name__ == "__main__":
    main()
