"""`netui seed`: recipe → generated network → database, with a progress bar."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from netui.core.model import RefundPolicy
from netui.core.money import PriceList
from netui.core.progress import no_progress
from netui.synth import stream
from netui.synth.recipe import load_recipe
from netui.world import BuildSummary, World


def seed_database(
    path: Path,
    recipe_name: str,
    *,
    members: int | None = None,
    seed: int | None = None,
    force: bool = False,
    show_progress: bool = True,
    refund_policy: RefundPolicy = RefundPolicy.OPEN_WITHIN_90_DAYS,
    prices: PriceList | None = None,
) -> BuildSummary:
    recipe = load_recipe(recipe_name, members=members, seed=seed)
    with progress_bar(show_progress) as progress:
        return World.build(
            path,
            lambda report: stream(recipe, report),
            force=force,
            progress=progress,
            refund_policy=refund_policy,
            prices=prices,
        )


@contextmanager
def progress_bar(visible: bool) -> Iterator:
    """A one-line bar on stderr that names the phase; silent when not visible."""
    if not visible:
        yield no_progress
        return
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description:<34}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("Starting", total=1.0)

        def report(phase: str, fraction: float) -> None:
            bar.update(task, description=phase, completed=fraction)

        yield report
