from __future__ import annotations

import pytest

from netui.world import World
from tests.handmade import handmade_network


@pytest.fixture
def handmade_db(tmp_path):
    path = tmp_path / "handmade.db"
    World.build(path, lambda progress: handmade_network())
    return path


@pytest.fixture
def world(handmade_db):
    world = World.open(handmade_db)
    yield world
    world.db.conn.close()
