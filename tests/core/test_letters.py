"""R6.3, R6.4: the texts the simulated members write."""

from __future__ import annotations

from random import Random

import pytest

from netui.core.behaviour import Answer
from netui.core.checklist import validate_draft
from netui.core.letters import INMAIL_TEMPLATES, Letter, Writer, answer_letter, inbound_letter
from netui.core.model import Category, MessageKind

GIULIA = Writer("Giulia Conti", "Head of Talent", "Nexa Srl")


def inmail(category: Category, seed: int = 1) -> Letter:
    return inbound_letter(
        Random(seed),
        MessageKind.INMAIL,
        writer=GIULIA,
        reader_first_name="Marco",
        reader_company="Acme",
        category=category,
    )


def test_every_category_has_templates():
    assert set(INMAIL_TEMPLATES) == set(Category)


@pytest.mark.parametrize("category", list(Category))
def test_r6_4_inbound_inmail_has_a_subject_and_a_body_that_would_pass_validation(category):
    for seed in range(20):
        letter = inmail(category, seed)
        validate_draft(MessageKind.INMAIL, letter.subject, letter.body, category)
        assert letter.body.startswith(("Hi Marco", "Hello Marco", "Dear Marco", "Good morning"))
        assert letter.body.endswith("\nGiulia")
        assert "{" not in letter.subject + letter.body  # every placeholder was filled


def test_r6_4_inmail_introduces_the_writer():
    assert "I'm Giulia Conti, Head of Talent at Nexa Srl." in inmail(Category.BUSINESS_DEAL).body


def test_r6_4_letters_are_deterministic_and_varied():
    assert inmail(Category.NEW_VENTURE, 3) == inmail(Category.NEW_VENTURE, 3)
    assert len({inmail(Category.NEW_VENTURE, seed) for seed in range(30)}) > 5


@pytest.mark.parametrize("kind", [MessageKind.MESSAGE, MessageKind.GROUP_MESSAGE])
def test_r6_4_messages_have_no_subject(kind):
    letter = inbound_letter(
        Random(1), kind, writer=GIULIA, reader_first_name="Marco", group_name="Python Italia"
    )
    assert letter.subject == ""
    validate_draft(kind, None, letter.body, None)


def test_r6_4_group_messages_name_the_group():
    bodies = {
        inbound_letter(
            Random(seed),
            MessageKind.GROUP_MESSAGE,
            writer=GIULIA,
            reader_first_name="Marco",
            group_name="Python Italia",
        ).body
        for seed in range(10)
    }
    assert all("Python Italia" in body for body in bodies)


def test_an_inmail_letter_needs_a_category():
    with pytest.raises(ValueError):
        inbound_letter(Random(1), MessageKind.INMAIL, writer=GIULIA, reader_first_name="Marco")


@pytest.mark.parametrize("answer", list(Answer))
def test_r6_3_answers_to_an_inmail(answer):
    letter = answer_letter(
        Random(5),
        answer,
        writer=GIULIA,
        reader_first_name="Marco",
        kind=MessageKind.INMAIL,
        subject="Your data work",
    )
    assert letter.subject == "Re: Your data work"
    assert "Marco" in letter.body and letter.body.endswith("\nGiulia")
    validate_draft(MessageKind.MESSAGE, None, letter.body, None)


def test_r6_3_replies_to_a_message_have_no_subject():
    letter = answer_letter(
        Random(5), Answer.REPLY, writer=GIULIA, reader_first_name="Marco", kind=MessageKind.MESSAGE
    )
    assert letter.subject == ""


def test_writer_first_name():
    assert GIULIA.first_name == "Giulia"
    assert Writer("").first_name == ""
    assert Writer("Nagy Eszter", given_name="Eszter").first_name == "Eszter"
