from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netui.world import World
from tests.handmade import handmade_network


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
