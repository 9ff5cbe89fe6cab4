from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from netui.world import World
from tests.handmade import handmade_network

# Folders whose files take longest (Pilot and the real program): handed out first, so
# that with pytest-xdist no worker starts a long file when the others are nearly done.
LONGEST_FIRST = ("ui", "e2e")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """How many workers `-n auto` (the default, see pyproject.toml) starts.

    One and a half per CPU: Pilot tests spend about half their time waiting for the app
    to go idle, and a third worker on two CPUs fills those waits. A file goes to one
    worker whole (`--dist loadfile`), so a run of named files needs no more workers than
    files, and a run of one file none (it runs in this process, without start-up costs).
    PYTEST_XDIST_AUTO_NUM_WORKERS still decides when it is set.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = max(2, (cpus or 1) * 3 // 2)
    files = {arg.split("::")[0] for arg in config.args}
    if all(file.endswith(".py") for file in files):
        return min(workers, len(files)) if len(files) > 1 else 0
    return workers


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A stable sort: files and the tests in each keep their order otherwise.
    items.sort(key=lambda item: item.path.parent.name not in LONGEST_FIRST)


@pytest.fixture(scope="session")
def handmade_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handmade network, built once per session (per xdist worker). Never open it:
    tests get their own copy from `handmade_db`."""
    path = tmp_path_factory.mktemp("template") / "handmade.db"
    World.build(path, lambda progress: handmade_network())
    # World.build closes its connection and leaves no WAL behind, so the file is whole.
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    return path


@pytest.fixture
def handmade_db(handmade_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the handmade network, for this test alone."""
    path = tmp_path / "handmade.db"
    shutil.copyfile(handmade_template, path)
    return path


@pytest.fixture
def world(handmade_db):
    world = World.open(handmade_db)
    yield world
    world.db.conn.close()
