"""Shared by the benchmarks: a seeded database to measure on, and percentiles."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def seeded(recipe: str) -> Path:
    """bench/out/<recipe>.db, seeded with `netui seed` the first time it is asked for."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{recipe}.db"
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "netui", "seed", "--recipe", recipe, "--db", str(path)],
            check=True,
        )
    return path


def scratch_copy(path: Path, name: str) -> Path:
    """A throwaway copy, so a benchmark that writes never changes the seeded original."""
    copy = OUT / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    shutil.copy(path, copy)
    return copy


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 20 else max(samples)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"
