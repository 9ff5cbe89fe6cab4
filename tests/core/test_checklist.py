"""R4.6: the InMail checklist, read from the real text; R4.1: what a valid draft is."""

from __future__ import annotations

from dataclasses import replace

import pytest

from netui.core.checklist import (
    ITEMS,
    Draft,
    LengthBand,
    RecipientView,
    SenderView,
    check_inmail,
    validate_draft,
)
from netui.core.model import Category, MessageKind
from netui.errors import BadInput

CHIARA = RecipientView(
    name="Chiara Bianchi",
    first_name="Chiara",
    company="Acme S.p.A.",
    industry="Banking & Finance",
    skills=("Machine Learning", "C++", "Risk Modelling"),
    welcomed=frozenset({Category.EXPERTISE_REQUEST, Category.CONSULTING_OFFER}),
    mutual_names=("Luca Verdi",),
    shared_group_names=("Data Science Milano",),
)
MARCO = SenderView(
    name="Marco Rossi", headline="Data Engineer", company="Beta Srl", contact_visible=True
)
WELL_MADE = Draft(
    subject="Scaling machine learning pipelines at Acme",
    body=(
        "Dear Chiara,\n"
        "I'm Marco Rossi, a data engineer at Beta. Our mutual connection Luca Verdi "
        "suggested I write to you. I'm writing because I'd like your advice on scaling "
        "our machine learning pipeline, given your experience at Acme. Would you be open "
        "to a 20-minute call next week?\n"
        "Thank you for your time,\nMarco"
    ),
    category=Category.EXPERTISE_REQUEST,
)
GENERIC = Draft(subject="Hi", body="Hi, buy my product", category=Category.BUSINESS_DEAL)


def check(body: str = "", subject: str = "A specific subject line here", **changes) -> dict:
    """Check a draft with this body; return {key: item}."""
    recipient = replace(CHIARA, **{k: v for k, v in changes.items() if hasattr(CHIARA, k)})
    sender = replace(MARCO, **{k: v for k, v in changes.items() if hasattr(MARCO, k)})
    category = changes.get("category", Category.EXPERTISE_REQUEST)
    result = check_inmail(Draft(subject, body, category), recipient, sender)
    return {item.key: item for item in result.items}


# --- the whole list ---------------------------------------------------------------------


def test_r4_6_a_well_made_draft_meets_all_nine():
    result = check_inmail(WELL_MADE, CHIARA, MARCO)
    assert result.score == 9, [(i.key, i.reason) for i in result.unmet]
    assert result.length is LengthBand.SHORT


def test_r4_6_the_nine_items_come_in_spec_order():
    result = check_inmail(WELL_MADE, CHIARA, MARCO)
    assert [item.key for item in result.items] == [key for key, _ in ITEMS]
    assert [item.key for item in result.items] == [
        "contact_visible",
        "category_welcomed",
        "personal",
        "their_interests",
        "shared",
        "clear_reason",
        "who_and_what",
        "next_step",
        "thanks",
    ]


def test_r4_6_a_generic_sales_pitch_fails_and_says_why():
    hidden = replace(MARCO, contact_visible=False)
    result = check_inmail(GENERIC, CHIARA, hidden)
    assert result.score == 0
    reasons = {item.key: item.reason for item in result.unmet}
    assert reasons == {
        "contact_visible": "Make your contact info visible in Settings",
        "category_welcomed": "Chiara welcomes: Consulting offer, Expertise request",
        "personal": "Mention Chiara by name",
        "their_interests": "Mention their work: Machine Learning, Banking & Finance or Acme S.p.A.",
        "shared": "Mention Luca Verdi or the Data Science Milano group",
        "clear_reason": "Use a specific subject and say why you are writing",
        "who_and_what": "Say who you are and what you want",
        "next_step": 'End with a question ("Would you be open to a call?")',
        "thanks": "Thank them for their time",
    }


# --- item by item ------------------------------------------------------------------------


def test_r4_6_1_contact_info_visible():
    assert check()["contact_visible"].met
    assert not check(contact_visible=False)["contact_visible"].met


def test_r4_6_2_category_they_welcome():
    assert check()["category_welcomed"].reason == "Chiara welcomes Expertise request"
    assert not check(category=Category.BUSINESS_DEAL)["category_welcomed"].met
    none = check(welcomed=frozenset())["category_welcomed"]
    assert not none.met and none.reason == "Chiara welcomes no InMail categories"


@pytest.mark.parametrize("body", ["Hi Chiara,", "CIAO CHIARA!", "Dear Chíàra", "Chiara's work"])
def test_r4_6_3_addresses_them_by_name_ignoring_case_and_accents(body):
    item = check(body)["personal"]
    assert item.met and item.reason == "Addresses Chiara"


@pytest.mark.parametrize("body", ["Hi there,", "Hi Chiaraxyz", "Dear Ms Bianchi"])
def test_r4_6_3_a_name_must_be_a_whole_word(body):
    assert not check(body)["personal"].met


def test_r4_6_3_the_full_name_also_counts():
    assert check("Dear Chiara Bianchi,", first_name="")["personal"].met


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Your machine-learning talk", "Machine Learning"),
        ("I saw your C++ library", "C++"),
        ("risk modelling in banks", "Risk Modelling"),
        ("Acme is doing great", "Acme S.p.A."),
        ("trends in finance", "Finance"),
    ],
)
def test_r4_6_4_about_their_skills_industry_or_company(body, found):
    item = check(body)["their_interests"]
    assert item.met and item.reason == f"Mentions {found}"


def test_r4_6_4_my_own_interests_do_not_count():
    assert not check("I sell C sharp tooling and services to everyone")["their_interests"].met


def test_r4_6_5_what_we_share():
    assert check("Luca Verdi told me about you")["shared"].reason == "Mentions Luca Verdi"
    assert check("we both follow data science milano")["shared"].met
    assert not check("Luca told me about you")["shared"].met


def test_r4_6_5_nothing_shared_says_so():
    item = check("Hello", mutual_names=(), shared_group_names=())["shared"]
    assert not item.met and item.reason == "You share no connections or groups"


@pytest.mark.parametrize(
    "subject", ["", "hi", "Hello!", "Question", "OPPORTUNITY", "Quick question", "Hi Chiara"]
)
def test_r4_6_6_a_generic_subject_is_not_a_clear_reason(subject):
    item = check("I'm writing because I need advice", subject=subject)["clear_reason"]
    assert not item.met and item.reason == "Use a specific subject, not just a greeting"


@pytest.mark.parametrize(
    "body",
    [
        "I'm writing because our team needs advice",
        "I would like your view on this",
        "I am looking for a mentor",
        "Reaching out about your talk",
        "Ti scrivo perché cerco un consiglio",
        "Vorrei il tuo parere",
    ],
)
def test_r4_6_6_a_stated_purpose_in_english_or_italian(body):
    assert check(body, subject="Advice on credit risk models")["clear_reason"].met


def test_r4_6_6_a_specific_subject_without_a_purpose():
    item = check("Nice weather today.", subject="Advice on credit risk models")["clear_reason"]
    assert not item.met and "why you are writing" in item.reason


@pytest.mark.parametrize(
    "body",
    [
        "I'm Marco and I'd like your advice.",
        "My name is Marco; could you help?",
        "As a data engineer at Beta I would like to ask you something.",
        "Mi chiamo Marco e vorrei un consiglio.",
    ],
)
def test_r4_6_7_who_i_am_and_what_i_want(body):
    assert check(body)["who_and_what"].met


def test_r4_6_7_missing_halves_are_named():
    assert check("I'd like your advice")["who_and_what"].reason.startswith("Say who you are:")
    assert check("I'm a data engineer.")["who_and_what"].reason == "Say what you want from them"


@pytest.mark.parametrize(
    "body", ["Are you free?", "Let me know what you think.", "Could we chat", "Fammi sapere"]
)
def test_r4_6_8_asks_to_continue(body):
    assert check(body)["next_step"].met


def test_r4_6_8_no_question_no_call_to_action():
    assert not check("That is all.")["next_step"].met


@pytest.mark.parametrize(
    "body", ["Thanks!", "Thank you", "THANK YOU", "I appreciate it", "Grazie mille", "Ti ringrazio"]
)
def test_r4_6_9_thanks_the_reader(body):
    assert check(body)["thanks"].met


def test_r4_6_9_no_thanks():
    assert not check("Bye.")["thanks"].met


# --- length bands --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("chars", "band"),
    [
        (1, LengthBand.SHORT),
        (399, LengthBand.SHORT),
        (400, LengthBand.MEDIUM),
        (800, LengthBand.MEDIUM),
        (801, LengthBand.LONG),
        (1_200, LengthBand.LONG),
        (1_201, LengthBand.VERY_LONG),
        (2_000, LengthBand.VERY_LONG),
    ],
)
def test_r4_6_length_band(chars, band):
    assert LengthBand.of("x" * chars) is band


def test_r4_6_length_band_shows_the_published_effect():
    assert "+22%" in LengthBand.SHORT.effect and "400" in LengthBand.SHORT.label
    assert "−11%" in LengthBand.VERY_LONG.effect and "1,200" in LengthBand.VERY_LONG.label
    assert LengthBand.SHORT.response_factor == pytest.approx(1.22)
    assert LengthBand.VERY_LONG.response_factor == pytest.approx(0.89)


# --- R4.1: valid drafts ---------------------------------------------------------------------


def test_r4_1_a_valid_inmail_passes():
    draft = validate_draft(
        MessageKind.INMAIL, "Subject", "Body\n\twith a tab", Category.NEW_VENTURE
    )
    assert draft == Draft("Subject", "Body\n\twith a tab", Category.NEW_VENTURE)


def test_r4_1_limits_are_inclusive():
    validate_draft(MessageKind.INMAIL, "s" * 200, "b" * 2_000, Category.NEW_VENTURE)
    validate_draft(MessageKind.MESSAGE, None, "b" * 2_000, None)


@pytest.mark.parametrize(
    ("subject", "body", "category", "problem"),
    [
        ("", "Body", Category.JOB_INQUIRY, "Subject is empty"),
        ("   ", "Body", Category.JOB_INQUIRY, "Subject is empty"),
        ("s" * 201, "Body", Category.JOB_INQUIRY, "Subject is 201 characters; the limit is 200"),
        ("Subject", "", Category.JOB_INQUIRY, "Body is empty"),
        ("Subject", " \n\t ", Category.JOB_INQUIRY, "Body is empty"),
        ("Subject", "b" * 2_001, Category.JOB_INQUIRY, "Body is 2,001 characters"),
        ("Subject", "Body", None, "An InMail needs a category"),
        ("Two\nlines", "Body", Category.JOB_INQUIRY, "Subject must be a single line"),
        ("Sub\tject", "Body", Category.JOB_INQUIRY, "Subject contains a control character"),
        ("Subject", "Bell\x07", Category.JOB_INQUIRY, "control character (U+0007)"),
        ("Subject", "CR\r\n", Category.JOB_INQUIRY, "control character (U+000D)"),
    ],
)
def test_r4_1_invalid_inmails_are_bad_input(subject, body, category, problem):
    with pytest.raises(BadInput) as raised:
        validate_draft(MessageKind.INMAIL, subject, body, category)
    assert problem in raised.value.message


def test_r4_1_every_problem_is_listed():
    with pytest.raises(BadInput) as raised:
        validate_draft(MessageKind.INMAIL, "", "", None)
    assert raised.value.message == "The draft has 3 problems."
    assert len(raised.value.reasons) == 3


@pytest.mark.parametrize("kind", [MessageKind.MESSAGE, MessageKind.GROUP_MESSAGE])
def test_r4_1_messages_need_only_a_body(kind):
    assert validate_draft(kind, None, "Hello", None) == Draft("", "Hello", None)
    # The route decides the kind: a subject or category typed for an InMail is dropped.
    assert validate_draft(kind, "S", "Hello", Category.NEW_VENTURE) == Draft("", "Hello", None)
    with pytest.raises(BadInput, match="Body is empty"):
        validate_draft(kind, None, "  ", None)


def test_r4_1_unicode_and_emoji_are_fine():
    text = "Caffè? 👩‍💻 ok"  # the emoji holds a zero-width joiner, a format char
    assert validate_draft(MessageKind.INMAIL, text, text, Category.NEW_VENTURE).body == text
