"""What the privacy guard finds, kind by kind, and what it leaves alone (000 §15 keeps
children to a reference and initials; these are the slips it catches)."""

from __future__ import annotations

import pytest

from app.policy.identifying import Guard, given_names, nhs_number_valid, plain
from tests.privacy.corpus import PEOPLE

GUARD = Guard.made(people=PEOPLE)


def found(text: str, initials: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(h.kind, h.text) for h in GUARD.scan(text, initials)]


def test_the_name_list_is_shipped_with_at_least_5000_given_names() -> None:
    names = given_names()
    assert len(names) >= 5000
    assert {"kayla", "siobhan", "zoe", "oluwaseun", "mohammed", "niamh"} <= names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kayla said she was fine.", "Kayla"),
        ("Spoke with Kayla Morris at school.", "Kayla Morris"),
        ("Mrs Morris phoned.", "Mrs Morris"),
        ("Met Mr. O'Neill at the door.", "Mr. O'Neill"),
        ("Ms Adebayo-Okoro attended.", "Ms Adebayo-Okoro"),
        ("Zoë drew her family.", "Zoë"),
        ("Siobhán asked for her aunt.", "Siobhán"),
        ("Ellie-May was calm.", "Ellie-May"),
        ("We saw Tyler's new bike.", "Tyler"),
        ("Her sister Poppy came too.", "Poppy"),
        ("Precious (mum) was tired.", "Precious"),
        ("Grace Morris is the aunt.", "Grace Morris"),
    ],
)
def test_names_in_their_usual_forms(text: str, name: str) -> None:
    assert ("name", name) in found(text)


def test_the_case_s_initials_make_any_pair_of_words_a_name() -> None:
    text = "Xanthe Quillfeather was at home."  # neither word is on the list
    assert found(text) == []
    assert found(text, ("XQ",)) == [("name", "Xanthe Quillfeather")]


def test_the_placement_s_own_people_are_never_flagged() -> None:
    text = "Robin Ashdown visited with Pat Kendrick; Jo Whitfield and Sam covered. Leah took over."
    assert found(text) == []
    assert found("Robin's recording was clear; Pat's feedback was kind.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Team Around the Child meeting on Tuesday.",
        "The Child Protection Plan was reviewed.",
        "Mapped with Signs of Safety.",
        "Notes typed on Liquid Logic.",
        "Training at Stockport Town Hall.",
        "She is in Year 4.",
        "Will review in May.",
        "May need a CAMHS referral.",
        "Hope to visit before June.",
        "Meeting at the Rose Centre in Hazel Grove.",
        "Early Help assessment with the Family Support Team.",
    ],
)
def test_ordinary_social_work_words_are_not_names(text: str) -> None:
    assert found(text) == []


def test_the_words_a_pe_keeps_are_never_flagged() -> None:
    own = Guard.made(people=PEOPLE, never=["Marlowe Academy", "Bethany"])
    assert own.scan("Bethany from Marlowe Academy called.") == []
    assert GUARD.scan("Bethany from Marlowe Academy called.") != []


@pytest.mark.parametrize(
    ("text", "kind", "hit"),
    [
        ("Letters to 14 Albert Road please.", "address", "14 Albert Road"),
        ("Moved to Flat 3, 22 Mill Lane last week.", "address", "Flat 3, 22 Mill Lane"),
        ("Now at 9 oak grove.", "address", "9 oak grove"),
        ("Postcode SK4 2PQ.", "postcode", "SK4 2PQ"),
        ("Postcode sk42pq.", "postcode", "sk42pq"),
        ("Postcode M14 5RT.", "postcode", "M14 5RT"),
        ("Call 0161 496 0123.", "phone", "0161 496 0123"),
        ("Call (0161) 496 0987.", "phone", "(0161) 496 0987"),
        ("Call +44 7700 900456.", "phone", "+44 7700 900456"),
        ("Call 07700-900-123.", "phone", "07700-900-123"),
        ("Call 07700900123.", "phone", "07700900123"),
        ("Write to kelly.family@example.com.", "email", "kelly.family@example.com"),
        ("NHS 943 476 5919.", "nhs-number", "943 476 5919"),
        ("NHS 9434765919.", "nhs-number", "9434765919"),
        ("Born 03/05/2015 in Stockport.", "date-of-birth", "03/05/2015"),
        ("DOB: 3rd May 2015.", "date-of-birth", "3rd May 2015"),
        ("d.o.b. 2015-05-03", "date-of-birth", "2015-05-03"),
        ("Her date of birth is 3 May 2015.", "date-of-birth", "3 May 2015"),
    ],
)
def test_each_kind_in_its_usual_forms(text: str, kind: str, hit: str) -> None:
    assert (kind, hit) in found(text)


def test_ten_digits_that_fail_the_modulus_11_check_are_not_an_nhs_number() -> None:
    assert nhs_number_valid("9434765919") and not nhs_number_valid("9434765918")
    assert not nhs_number_valid("0000000000")
    assert found("Reference 943 476 5918 on the letter.") == []


def test_a_date_far_from_any_birth_word_is_not_a_date_of_birth() -> None:
    assert found("The review is on 03/05/2027.") == []
    assert found("Case allocated 12 Oct 2026 after the meeting.") == []


def test_text_in_any_script_and_odd_characters_never_break_it() -> None:
    for text in (
        "Кайла Моррис пришла",
        "カイラは学校に行った",
        "\u202eKayla\u202c",
        "\ud800",
        "🙂 Kayla 🙂",
        "x" * 5000,
    ):
        assert isinstance(GUARD.scan(text), list)
    assert ("name", "Kayla") in found("🙂 Kayla 🙂")


def test_kinds_can_be_switched_off() -> None:
    names_only = Guard.made(people=PEOPLE, kinds=["name"])
    assert [h.kind for h in names_only.scan("Kayla on 0161 496 0123 at SK4 2PQ")] == ["name"]
    assert plain("Siobhán") == "siobhan"
