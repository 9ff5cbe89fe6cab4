"""What the World answers: one frozen type per answer, read by attribute.

The CLI prints `as_json()`, which spells each answer exactly as the command contract
does (R11); the UI reads the fields, which hold the domain's own values (a `Degree`, a
`Route`, the `RouteDecision` itself), so no screen turns a word back into a rule.

All the types live in this one package, not beside the module that produces each: the
CLI and the screens read answers from several modules at once (the dashboard shows
stats, settings, the inbox and sent InMails), and here a reader finds every shape that
crosses the boundary, with its JSON, in one place: `members` (profiles, search, the
dashboard, settings), `mail` (sending, invitations, the inbox) and `money` (credits,
packs, plans, the clock), over `base` (how a result becomes JSON). Dates stay ISO
strings: the contract prints them so and the screens only show them.
"""

from __future__ import annotations

from netui.world.results.base import Result, to_json
from netui.world.results.mail import (
    Conversation,
    InvitationSent,
    InvitationWithdrawn,
    Reply,
    SendReceipt,
    SentItem,
    ThreadMessage,
)
from netui.world.results.members import (
    Facet,
    Facets,
    Glance,
    NextExpiry,
    Profile,
    ScoreLine,
    SearchResult,
    Settings,
    Stats,
)
from netui.world.results.money import (
    AdvanceReport,
    BalanceDay,
    CreditsOverview,
    LedgerLine,
    LotGroup,
    PlanChanged,
    Purchase,
    RefundWindowItem,
)

__all__ = [
    "AdvanceReport",
    "BalanceDay",
    "Conversation",
    "CreditsOverview",
    "Facet",
    "Facets",
    "Glance",
    "InvitationSent",
    "InvitationWithdrawn",
    "LedgerLine",
    "LotGroup",
    "NextExpiry",
    "PlanChanged",
    "Profile",
    "Purchase",
    "RefundWindowItem",
    "Reply",
    "Result",
    "ScoreLine",
    "SearchResult",
    "SendReceipt",
    "SentItem",
    "Settings",
    "Stats",
    "ThreadMessage",
    "to_json",
]
