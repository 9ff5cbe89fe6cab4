"""My settings and my profile (R8): what I accept, what others see of me, and the
refund policy in force.

A change is checked as a whole before anything is written (a refused change changes
nothing), then lands in one transaction; searchable fields go through the store so the
search indexes follow.
"""

from __future__ import annotations

from netui.core.model import Category, Plan, RefundPolicy
from netui.core.profile import MyProfile, checked_skills, checked_text, completeness
from netui.errors import Refused
from netui.store import members, meta
from netui.store.db import transaction
from netui.world.context import Context
from netui.world.results import Settings


def settings(ctx: Context) -> Settings:
    me = ctx.member(ctx.me)
    profile = my_profile(ctx)
    done = completeness(profile)
    return Settings(
        me=ctx.me,
        name=me["name"],
        accept_inmail=me["accepts_inmail"],
        categories=tuple(Category(c) for c in me["categories"]),
        contact_visible=me["contact_visible"],
        open_profile=me["open_profile"],
        plan=Plan(me["plan"]),
        refund_policy=ctx.refund_policy(),
        headline=profile.headline,
        summary=profile.summary,
        photo=profile.photo,
        company=profile.company,
        skills=profile.skills,
        completeness=done.percent,
        missing=tuple(done.missing),
    )


def my_profile(ctx: Context) -> MyProfile:
    """What the people I write to see of me (R8.2)."""
    me = ctx.member(ctx.me)
    return MyProfile(
        headline=me["headline"],
        summary=me["summary"],
        photo=me["photo"],
        company=me["company"],
        skills=tuple(me["skills"]),
        contact_visible=me["contact_visible"],
    )


def change_settings(
    ctx: Context,
    *,
    accept_inmail: bool | None = None,
    categories: list[Category] | None = None,
    contact_visible: bool | None = None,
    open_profile: bool | None = None,
    refund_policy: RefundPolicy | None = None,
    headline: str | None = None,
    summary: str | None = None,
    photo: bool | None = None,
    company: str | None = None,
    skills: list[str] | None = None,
) -> Settings:
    """Change any of my settings and my profile in one action; a refused change
    changes nothing."""
    if open_profile and not ctx.my_plan().is_premium:
        raise Refused(
            "Open Profile is for premium members; change plan first (netui plan premium-career).",
        )
    changes = {
        "accepts_inmail": accept_inmail,
        "contact_visible": contact_visible,
        "open_profile": open_profile,
        "categories": None if categories is None else ";".join(c.value for c in categories),
        "headline": None if headline is None else checked_text("headline", headline),
        "summary": None if summary is None else checked_text("summary", summary),
        "photo": photo,
        "company": None if company is None else checked_text("company", company),
        "skills": None if skills is None else "; ".join(checked_skills(skills)),
    }
    changes = {column: value for column, value in changes.items() if value is not None}
    with transaction(ctx.db):
        if changes:
            members.update(ctx.db, ctx.me, changes)
        if refund_policy is not None:
            meta.update(ctx.db, refund_policy=refund_policy.value)
    return settings(ctx)
