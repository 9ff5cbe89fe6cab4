"""What screens, modals and widgets ask of the app, as Textual messages.

A screen does not call the App: it posts one of these, and the App (which owns the
World's gate and the screen stack) handles it with `@on`. So the screens never import
the App, and the App is the one place that opens a profile, a form, or an invitation.
"""

from __future__ import annotations

from textual.message import Message


class OpenMember(Message):
    """Show a member's profile on top of wherever I am."""

    def __init__(self, member_id: int) -> None:
        super().__init__()
        self.member_id = member_id


class ComposeTo(Message):
    """Open the compose form to a member; the World decides the route (R3.7)."""

    def __init__(self, member_id: int, *, want_inmail: bool) -> None:
        super().__init__()
        self.member_id = member_id
        self.want_inmail = want_inmail


class Connect(Message):
    """Send a member an invitation to connect."""

    def __init__(self, member_id: int) -> None:
        super().__init__()
        self.member_id = member_id


class WorldChanged(Message):
    """Something was changed in the World: the tab bar and the screen in front reload."""


class PersonaChanged(Message):
    """I now play another member: the places behind open afresh (their filters and the
    conversation shown belonged to the member played before)."""


class FocusSearch(Message):
    """Sent to the search screen when the user asks for search: the cursor to the box."""
