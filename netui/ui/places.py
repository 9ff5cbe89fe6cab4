"""Where a user can go, and what the tab bar says on every screen.

Imports nothing of netui's UI, so the app, the palette and the tab bar all read it
without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from netui.world import World

# The screens you move between, in the order of the tab bar.
PLACES: dict[str, str] = {
    "dashboard": "Dashboard",
    "search": "Search",
    "inbox": "Inbox",
    "credits": "Credits",
    "lab": "Lab",
    "settings": "Settings",
}
# Where each place's screen is, as (module of netui.ui.screens, class): the App imports
# one on its first visit. The dashboard, shown first, is imported with the App.
PLACE_SCREENS: dict[str, tuple[str, str]] = {
    "search": ("search", "SearchScreen"),
    "inbox": ("inbox", "InboxScreen"),
    "credits": ("credits", "CreditsScreen"),
    "lab": ("lab", "LabScreen"),
    "settings": ("settings", "SettingsScreen"),
}


@dataclass(frozen=True)
class Status:
    """What the tab bar shows on every screen: when it is, who I am, what I have."""

    date: str = ""
    me_name: str = ""
    credits: int | None = None
    unread: int | None = None

    @classmethod
    def of(cls, world: World) -> Status:
        now = world.glance()
        return cls(now.date, now.me_name, now.credits, now.unread)
