"""Helpers shared by the benchmark scripts: machine description and medians."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from collections.abc import Callable


def machine() -> str:
    """One line naming the CPU, cores, memory and Python, for docs/benchmarks.md."""
    cpu = platform.processor() or platform.machine()
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                cpu = line.split(":", 1)[1].strip()
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}"


def median_of(runs: int, measure: Callable[[], float]) -> tuple[float, list[float]]:
    """The median of `runs` calls of `measure`, and every value measured."""
    values = [measure() for _ in range(runs)]
    return statistics.median(values), values
