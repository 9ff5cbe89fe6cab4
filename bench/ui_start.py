"""Start-up of the terminal UI: from launching Python to a dashboard showing the numbers.

    python bench/ui_start.py [--db PATH] [--recipe default|large|tiny] [--runs 5]

Each run is a fresh process (imports included) that starts as `make run` starts the
`netui` command, so the figure is what a user waits for. The same run measures a minimal
Textual app (one Static and a Footer) on this machine, and prints both and their
ratio: netui's own cost is the difference. Runs alternate between the two, so a busy
machine slows both alike. Headless: no terminal needed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

from common import seeded

# Each child reports how long after its first line the screen was ready, then exits.
NETUI = """
import time; started = time.perf_counter()
import gc, sys
from pathlib import Path
import netui.cli  # what the `netui` command loads first
gc.disable()  # as netui.cli.main does before it loads the UI
from netui.ui.app import NetuiApp
from netui.ui.screens.dashboard import DashboardScreen
from netui.ui.widgets.reach_chart import ReachChart

class Timed(NetuiApp):
    def on_mount(self) -> None:
        self.set_interval(0.002, self.check)

    def check(self) -> None:
        charts = self.screen.query(ReachChart)  # empty until the dashboard is composed
        if isinstance(self.screen, DashboardScreen) and charts and charts.first().counts:
            # Ready: the numbers are on screen and keys are being read.
            print(time.perf_counter() - started)
            self.exit()

# The stylesheet is found next to the class's module; this class has none, so say where.
Timed.CSS_PATH = str(Path(sys.modules["netui.ui.app"].__file__).with_name("app.tcss"))
Timed(db_path=Path(sys.argv[1])).run(headless=True)
"""

MINIMAL = """
import time; started = time.perf_counter()
from textual.app import App
from textual.widgets import Footer, Static

class Minimal(App):
    def compose(self):
        yield Static("hello")
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(0.002, self.check)

    def check(self) -> None:
        print(time.perf_counter() - started)
        self.exit()

Minimal().run(headless=True)
"""


def run(code: str, *args: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, timeout=120
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--recipe", default="default")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = args.db or seeded(args.recipe)
    # As `make run` does: netui's bytecode compiled, like Textual's was when pip
    # installed it (this matters where PYTHONDONTWRITEBYTECODE is set).
    netui_package = Path(__file__).resolve().parent.parent / "netui"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(netui_package)], check=True)
    run(MINIMAL)  # warm the file cache for both before measuring
    run(NETUI, str(path))
    netui, minimal = [], []
    for _ in range(args.runs):
        minimal.append(run(MINIMAL))
        netui.append(run(NETUI, str(path)))
    n, m = statistics.median(netui), statistics.median(minimal)
    print(f"database: {path} ({args.recipe if not args.db else 'given'})")
    print(
        f"netui to an interactive dashboard: median {n * 1000:.0f} ms "
        f"(min {min(netui) * 1000:.0f}, max {max(netui) * 1000:.0f}) over {args.runs} runs"
    )
    print(
        f"minimal Textual app:               median {m * 1000:.0f} ms "
        f"(min {min(minimal) * 1000:.0f}, max {max(minimal) * 1000:.0f})"
    )
    print(f"ratio netui / minimal: {n / m:.2f}×")


if __name__ == "__main__":
    main()
