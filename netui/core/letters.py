"""The words the simulated members write: answers to my messages and messages to me.

Template-based and deterministic: the same rng state and names give the same letter.
The texts are short, varied and professional, in English. Names are passed in; the
templates never invent a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from netui.core.behaviour import Answer
from netui.core.model import Category, MessageKind


@dataclass(frozen=True)
class Letter:
    """A subject (empty for messages, which have none) and a body."""

    subject: str
    body: str


@dataclass(frozen=True)
class Writer:
    """Who writes a letter, as the templates mention them."""

    name: str
    headline: str = ""
    company: str = ""
    # Where the family name comes first (e.g. Hungarian, Chinese), the caller knows
    # the given name better than the first word of `name`.
    given_name: str = ""

    @property
    def first_name(self) -> str:
        words = self.name.split()
        return self.given_name or (words[0] if words else self.name)


GREETINGS = ("Hi {first},", "Hello {first},", "Dear {first},", "Good morning {first},")
SIGN_OFFS = ("Best regards,", "Kind regards,", "Best,", "All the best,", "Thanks again,")

# --- answers to what I sent -----------------------------------------------------------

ANSWERS = {
    Answer.ACCEPT: (
        "Thanks for reaching out — I'd be glad to talk. When suits you next week?",
        "Happy to connect on this. Send me a couple of times that work for you.",
        "This sounds interesting. Let's set up a short call; my calendar is fairly open.",
        "Thank you for your note. Yes, I'm interested — tell me more about the next steps.",
    ),
    Answer.DECLINE: (
        "Thank you for thinking of me, but this isn't something I can take on right now.",
        "I appreciate the message, but I'll pass for now. Best of luck with it.",
        "Thanks for getting in touch. It's not a fit for me at the moment.",
        "Kind of you to write, but I'm not looking into this currently.",
    ),
    Answer.REPLY: (
        "Thanks for your message. Could you share a bit more detail so I can see how I might help?",
        "Good to hear from you. I have a few questions first — what timeline do you have in mind?",
        "Thanks for writing. I'm travelling this week but will have more time after; "
        "happy to continue then.",
        "Interesting — I've been thinking about something similar. What prompted you to "
        "write to me in particular?",
    ),
}
MESSAGE_REPLIES = (
    "Great to hear from you! Things are busy here but good. Let's catch up soon.",
    "Thanks for the message — yes, that works for me.",
    "Good point. Let me look into it and get back to you in a day or two.",
    "Always happy to help. Send over the details whenever you're ready.",
    "Thanks! I saw that too. Shall we talk about it over a coffee?",
)


def answer_letter(
    rng: Random,
    answer: Answer,
    *,
    writer: Writer,
    reader_first_name: str,
    kind: MessageKind,
    subject: str = "",
) -> Letter:
    """The note that comes with an answer to my message or InMail (R6.3)."""
    if kind is MessageKind.INMAIL:
        line = rng.choice(ANSWERS[answer])
    else:
        line = rng.choice(MESSAGE_REPLIES)
    body = _letter(rng, reader_first_name, [line], writer)
    return Letter(f"Re: {subject}" if subject else "", body)


# --- messages to me --------------------------------------------------------------------

# Per category: subjects and the body's central sentence. {company}, {headline} and
# {their_company} are filled from the writer and from me.
INMAIL_TEMPLATES: dict[Category, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Category.CAREER_OPPORTUNITY: (
        ("A role at {company} you may like", "Opening at {company} that fits your profile",
         "Career opportunity at {company}"),
        ("I'm hiring for a role at {company} and your background stood out to me.",
         "We are growing our team at {company}, and your experience looks like a "
         "strong match.",),
    ),
    Category.CONSULTING_OFFER: (
        ("Consulting support for {their_company}?", "An offer of help from {company}",
         "Short consulting engagement"),
        ("I advise companies like {their_company} and think I could help with a "
         "current challenge.",
         "At {company} we run short consulting projects, and I believe one could be "
         "useful to your team.",),
    ),
    Category.NEW_VENTURE: (
        ("A new venture you might want to see", "Building something new at {company}",
         "Early-stage project, looking for advice"),
        ("I'm starting a new venture and would value the view of someone with your "
         "experience.",
         "We've just launched {company} and are looking for people who know the field.",),
    ),
    Category.JOB_INQUIRY: (
        ("Question about roles at {their_company}", "Interested in joining {their_company}",
         "Job inquiry from a {headline}"),
        ("I'm exploring my next step, and {their_company} is high on my list.",
         "I'd love to learn whether {their_company} is hiring for someone with my "
         "background.",),
    ),
    Category.EXPERTISE_REQUEST: (
        ("Your expertise on a question", "Could I ask your advice?",
         "A question for an expert"),
        ("I'm working on a problem where your expertise would make a real difference.",
         "I read about your work and would value your opinion on an approach we are "
         "considering.",),
    ),
    Category.BUSINESS_DEAL: (
        ("Partnership between {company} and {their_company}", "A business proposal",
         "Working together?"),
        ("I see a good fit between {company} and {their_company} and would like to "
         "explore a partnership.",
         "We have a product at {company} that could save your team time, and I'd like "
         "to propose a pilot.",),
    ),
    Category.REFERENCE_REQUEST: (
        ("Reference request", "Could you vouch for a former colleague?",
         "A quick reference question"),
        ("A candidate listed you as a reference, and I'd appreciate a few words about "
         "working with them.",
         "I'm checking references for a candidate who worked with you; may I ask a "
         "few questions?",),
    ),
    Category.GETTING_BACK_IN_TOUCH: (
        ("Long time no see!", "Getting back in touch", "Catching up"),
        ("It's been a while since we last spoke, and I wanted to hear how things are going.",
         "I came across your profile and realised we haven't talked in ages.",),
    ),
}  # fmt: skip
CLOSERS = (
    "Would you be open to a short call?",
    "Let me know if you'd like to talk.",
    "Could we find 20 minutes in the next few weeks?",
    "I'd be glad to hear your thoughts.",
)
MESSAGE_LINES = (
    "Hope all is well. Are you going to the industry meetup next month?",
    "I saw your recent post and wanted to say it was spot on.",
    "Quick one: do you have a contact in procurement you could introduce me to?",
    "Congratulations on the new role! Let's catch up soon.",
    "Thanks again for your help last week — it made a difference.",
    "I'm putting together a small panel and thought of you. Interested?",
)
GROUP_LINES = (
    "I enjoyed your comment in {group} and wanted to continue the discussion here.",
    "Fellow member of {group} here — I think we work on similar problems.",
    "Saw your question in {group}; I had the same issue and may have an answer.",
    "We're both in {group}, so I thought I'd say hello and swap notes.",
)


def inbound_letter(
    rng: Random,
    kind: MessageKind,
    *,
    writer: Writer,
    reader_first_name: str,
    reader_company: str = "",
    category: Category | None = None,
    group_name: str = "",
) -> Letter:
    """A message, group message or InMail someone writes to me (R6.4).

    InMails need a category; messages and group messages have no subject.
    """
    if kind is MessageKind.INMAIL:
        if category is None:
            raise ValueError("An InMail letter needs a category.")
        return _inmail_letter(rng, category, writer, reader_first_name, reader_company)
    if kind is MessageKind.GROUP_MESSAGE:
        line = rng.choice(GROUP_LINES).format(group=group_name or "our group")
    else:
        line = rng.choice(MESSAGE_LINES)
    return Letter("", _letter(rng, reader_first_name, [line], writer))


def _inmail_letter(
    rng: Random, category: Category, writer: Writer, reader_first_name: str, reader_company: str
) -> Letter:
    subjects, lines = INMAIL_TEMPLATES[category]
    fields = {
        "company": writer.company or "my company",
        "headline": writer.headline or "professional",
        "their_company": reader_company or "your company",
    }
    subject = rng.choice(subjects).format(**fields)
    introduction = f"I'm {writer.name}" + (f", {writer.headline}" if writer.headline else "")
    if writer.company:
        introduction += f" at {writer.company}"
    lines = [rng.choice(lines).format(**fields), rng.choice(CLOSERS)]
    if category is not Category.GETTING_BACK_IN_TOUCH:  # old contacts need no introduction
        lines.insert(0, introduction + ".")
    return Letter(subject, _letter(rng, reader_first_name, lines, writer))


def _letter(rng: Random, reader_first_name: str, lines: list[str], writer: Writer) -> str:
    greeting = rng.choice(GREETINGS).format(first=reader_first_name or "there")
    sign_off = rng.choice(SIGN_OFFS)
    return f"{greeting}\n\n{' '.join(lines)}\n\n{sign_off}\n{writer.first_name}"
