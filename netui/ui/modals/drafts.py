"""Keeping what is typed in the compose form (issue 14.1): escape never loses a draft.

The form reads and fills its own fields; the keeper decides when to save. A save waits
for a pause in typing (a write per keystroke would queue behind the checklist for
nothing), happens at once when the form closes or netui quits, and is skipped when
the database already holds the same text. Saves are asked of the app, not of the
form: the one made as the form closes must land after the form is gone.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.timer import Timer

from netui.core.model import Category
from netui.ui.gate import WorldGate

if TYPE_CHECKING:
    from netui.world import World

# How long typing must pause before the draft is saved, in seconds.
SAVE_DELAY = 0.6

# What a form holds: subject, body, category.
Fields = tuple[str, str, Category | None]


class DraftKeeper:
    def __init__(
        self, form: Screen, gate: WorldGate, member_id: int, read: Callable[[], Fields]
    ) -> None:
        self.form = form
        self.gate = gate
        self.member_id = member_id
        self.read = read
        self.kept: Fields | None = None  # what the database holds, as last saved
        self.timer: Timer | None = None
        self.due = 0.0  # when the typing will have paused long enough (monotonic)
        self.restored = False
        self.inmail = False

    def restoring(self) -> bool:
        """Whether a draft may be put back now: once, into a form still empty."""
        if self.restored:
            return False
        self.restored = True
        subject, body, _ = self.read()
        return not subject and not body

    def restored_as(self, fields: Fields) -> None:
        """The form now shows the draft the database holds."""
        self.kept = fields

    def typed(self, *, inmail: bool) -> None:
        """The draft changed: save it once typing pauses. A key only moves the time the
        save is due; one timer waits for it (a new timer at every key is a task made
        and cancelled while the key waits to be drawn)."""
        self.inmail = inmail
        self.due = time.monotonic() + SAVE_DELAY
        if self.timer is None:
            self.timer = self.form.set_timer(SAVE_DELAY, self._when_due)

    def _when_due(self) -> None:
        self.timer = None
        if (left := self.due - time.monotonic()) > 0:  # typed since: wait for the pause
            self.timer = self.form.set_timer(left, self._when_due)
        else:
            self.save()

    def stop(self) -> None:
        """Forget a save still waiting (the draft is being sent)."""
        if self.timer is not None:
            self.timer.stop()
            self.timer = None

    def save(self) -> None:
        """Save now, unless the database already holds this text (or nothing was ever
        typed: an empty form leaves no draft behind)."""
        if (keep := self._unsaved()) is not None:
            self.gate.ask(self.form.app, keep, lambda _: None, group="draft", latest_only=False)

    def save_before_quit(self) -> None:
        """Save what was typed since the last save (within SAVE_DELAY of quitting), at
        once and on the event loop: netui is quitting, and no worker would run."""
        if (keep := self._unsaved()) is not None:
            self.gate.last_call(keep)

    def _unsaved(self) -> Callable[[World], None] | None:
        """The save of what the form holds now, if the database does not hold it."""
        self.stop()
        fields = self.read()
        if fields == self.kept or (self.kept is None and not any(fields[:2])):
            return None
        self.kept = fields
        subject, body, category = fields
        member, inmail = self.member_id, self.inmail

        def keep(world: World) -> None:
            world.save_draft(member, inmail=inmail, subject=subject, body=body, category=category)

        return keep
