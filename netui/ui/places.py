"""Where a user can go, and what the tab bar says on every screen.

Imports nothing of netui's UI, so the app, the palette and the tab bar all read it
without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass

# The screens you move between, in the order of the tab bar.
PLACES: dict[str, str] = {
    "dashboard": "Dashboard",
    "search": "Search",
    "inbox": "Inbox",
    "credits": "Credits",
    "lab": "Lab",
    "settings": "Settings",
}


@dataclass(frozen=True)
class Status:
    """What the tab bar shows on every screen: when it is, who I am, what I have."""

    date: str = ""
    me_name: str = ""
    credits: int | None = None
    unread: int | None = None
