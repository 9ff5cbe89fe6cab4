"""Commands about members as I see them and reaching them: search, profiles, routes,
writing, invitations (R3, R4, R9), and my settings (R8)."""

from __future__ import annotations

import argparse

from netui.cli.arguments import (
    Add,
    categories,
    category,
    degrees,
    limit_of,
    member_id,
    on_off,
    open_world,
    text_of,
)
from netui.core.model import RefundPolicy, parse_enum


def run_search(args: argparse.Namespace) -> object:
    from netui.store.search import SearchFilters

    filters = SearchFilters(
        degrees=args.degree or (),
        country=args.country,
        industry=args.industry,
        company=args.company,
    )
    return open_world(args).search(" ".join(args.query), filters, limit=args.limit)


def run_profile(args: argparse.Namespace) -> object:
    return open_world(args).profile(args.id)


def run_route(args: argparse.Namespace) -> object:
    return open_world(args).route(args.id, want_inmail=args.inmail)


def run_settings(args: argparse.Namespace) -> object:
    world = open_world(args)
    if args.me is not None:
        world.switch_persona(args.me)
    return world.change_settings(
        accept_inmail=args.accept_inmail,
        categories=args.categories,
        contact_visible=args.contact_visible,
        open_profile=args.open_profile,
        refund_policy=args.refund_policy,
        headline=args.headline,
        summary=args.summary,
        photo=args.photo,
        company=args.company,
        skills=args.skills,
    )


def run_send(args: argparse.Namespace) -> object:
    return open_world(args).send(
        args.id,
        body=args.body,
        subject=args.subject,
        category=args.category,
        want_inmail=args.inmail,
    )


def run_connect(args: argparse.Namespace) -> object:
    return open_world(args).connect(args.id)


def run_withdraw(args: argparse.Namespace) -> object:
    return open_world(args).withdraw(args.id)


def register_members(add: Add) -> None:
    """search, profile, route, send, connect, withdraw."""
    p = add(
        "search",
        "find members (R9), 1st degree first",
        run_search,
        "netui search data engineer",
        "netui search --degree 2nd,3rd --country Italy rossi",
        "netui search --company acme --limit 100",
    )
    p.add_argument(
        "query",
        nargs="*",
        type=text_of("The search", multiline=True),
        help="words to look for (empty: my connections)",
    )
    p.add_argument("--degree", type=degrees, help="comma-separated: 1st,2nd,3rd,group,out")
    p.add_argument("--country", type=text_of("--country"), help="country name or ISO code")
    p.add_argument("--industry", type=text_of("--industry"), help="industry name")
    p.add_argument("--company", type=text_of("--company"), help="part of a company name")
    p.add_argument(
        "--limit", type=limit_of("results"), default=20, help="at most this many results (20)"
    )

    p = add("profile", "one member, from my side", run_profile, "netui profile 42")
    p.add_argument("id", type=member_id)

    p = add(
        "route",
        "how I may contact a member (R3)",
        run_route,
        "netui route 42",
        "netui route 42 --inmail",
    )
    p.add_argument("id", type=member_id)
    p.add_argument("--inmail", action="store_true", help="ask for InMail explicitly")

    p = add(
        "send",
        "write to a member by the route R3 allows",
        run_send,
        "netui send 42 --body 'Hi Marco, long time no see!'",
        "netui send 77 --inmail --category job-inquiry --subject 'Data roles at Acme' "
        "--body 'Dear Chiara, ...'",
    )
    p.add_argument("id", type=member_id)
    p.add_argument("--body", required=True, help="the text (1–2,000 characters)")
    p.add_argument("--subject", help="InMail subject (1–200 characters)")
    p.add_argument("--category", type=category, help="InMail category, e.g. job-inquiry")
    p.add_argument("--inmail", action="store_true", help="send as InMail (costs a credit)")

    p = add("connect", "invite a member to connect (R3.6)", run_connect, "netui connect 42")
    p.add_argument("id", type=member_id)
    p = add(
        "withdraw",
        "withdraw my pending invitation to a member (R3.6); 21 days before inviting again",
        run_withdraw,
        "netui withdraw 42",
    )
    p.add_argument("id", type=member_id)


def register_settings(add: Add) -> None:
    """settings (R8)."""
    p = add(
        "settings",
        "show or change my settings (R8)",
        run_settings,
        "netui settings",
        "netui settings --me 1234",
    )
    p.add_argument("--me", type=member_id, help="play as another member")
    p.add_argument("--accept-inmail", type=on_off, help="on|off: whether I accept InMail")
    p.add_argument(
        "--categories",
        type=categories,
        help="comma-separated categories I welcome, e.g. job-inquiry,new-venture",
    )
    p.add_argument("--contact-visible", type=on_off, help="on|off: contact info on my profile")
    p.add_argument("--open-profile", type=on_off, help="on|off: free InMail to me (premium)")
    p.add_argument(
        "--refund-policy",
        type=lambda t: parse_enum(RefundPolicy, t, "refund policy"),
        help="open-within-90-days | response-within-90-days | unopened-after-7-days",
    )
    p.add_argument(
        "--headline",
        type=text_of("--headline"),
        help="my headline, e.g. 'Data engineer at Acme' (R8.2)",
    )
    p.add_argument(
        "--summary",
        type=text_of("--summary", multiline=True),
        help="my profile summary (up to 2,000 characters)",
    )
    p.add_argument("--photo", type=on_off, help="on|off: a photo on my profile")
    p.add_argument("--company", type=text_of("--company"), help="my current position's company")
    p.add_argument(
        "--skills",
        type=lambda t: [part for part in text_of("--skills")(t).split(",") if part.strip()],
        help="comma-separated skills, e.g. 'python,sql,data modelling'",
    )
