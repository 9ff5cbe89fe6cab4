"""Issue 14.1: drafts kept in the database, one per recipient, for the member I play."""

from __future__ import annotations

import pytest

from netui.core.model import Category, MessageKind
from netui.errors import UnknownMember
from netui.world import World


def test_a_draft_is_kept_replaced_and_dropped(world: World):
    assert world.draft_for(4) is None
    world.save_draft(4, inmail=True, subject="Hi", body="First", category=Category.NEW_VENTURE)
    world.save_draft(4, inmail=True, subject="Hi", body="Second", category=None)
    draft = world.draft_for(4)
    assert (draft.kind, draft.subject, draft.body, draft.category) == (
        MessageKind.INMAIL,
        "Hi",
        "Second",
        None,
    )
    assert draft.saved == world.today
    world.drop_draft(4)
    assert world.draft_for(4) is None


def test_an_empty_draft_is_not_kept(world: World):
    world.save_draft(2, inmail=False, subject="", body="Ciao")
    assert world.draft_for(2).kind is MessageKind.MESSAGE
    world.save_draft(2, inmail=False, subject="  ", body="\n")
    assert world.draft_for(2) is None


def test_drafts_are_per_persona_and_survive_reopening(world: World, handmade_db):
    world.save_draft(4, inmail=True, subject="S", body="B")
    world.switch_persona(2)
    assert world.draft_for(4) is None
    world.switch_persona(1)
    world.db.conn.close()
    assert World.open(handmade_db).draft_for(4).body == "B"


def test_a_draft_to_an_unknown_member_is_refused(world: World):
    with pytest.raises(UnknownMember):
        world.save_draft(999, inmail=False, subject="", body="x")
