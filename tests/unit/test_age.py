"""Age phrases as parents and young people type them."""

import pytest

from bot.age import band_for_years, parse_age


@pytest.mark.parametrize(
    ("text", "years", "band"),
    [
        ("mijn dochter van 3 krijgt elke dag driftbuien", 3, "0-4"),
        ("hij is drie jaar en slaapt slecht", 3, "0-4"),
        ("onze baby van 8 maanden huilt veel", 0, "0-4"),
        ("zoon van 18 mnd wil niet eten", 1, "0-4"),
        ("mijn peuter bijt", 3, "0-4"),
        ("onze dreumes valt niet in slaap", 1, "0-4"),
        ("mijn kleuter is bang in het donker", 5, "4-12"),
        ("ze zit in groep 6 en leest slecht", 9, "4-12"),
        ("hij zit in groep 1", 4, "4-12"),
        ("mijn zoon van 14 jr blowt", 14, "12-18"),
        ("een 3-jarige die niet luistert", 3, "0-4"),
        ("onze driejarige wil niet op het potje", 3, "0-4"),
        ("mijn puber zit de hele dag te gamen", None, "12-18"),
        ("ze zit in de brugklas", 12, "12-18"),
        ("ik ben 15 en ik word gepest", 15, "12-18"),
        ("dochter wordt bijna 12", 12, "12-18"),
        ("ze is anderhalf", 1, "0-4"),
        ("ik ben twintig", 20, "18-23"),
        ("zit in klas 2 van het vmbo", None, "12-18"),
        # found by hand: the number of children is not the age, and an age out of range does not hide the next
        ("ik ben alleenstaande moeder van twee en ik weet het niet meer met mijn zoon van 11", 11, "4-12"),
        ("vader van drie, de middelste is 9 en wil niet naar school", 9, "4-12"),
        ("mijn stiefzoon van 25 en mijn dochter van 7 maken ruzie", 7, "4-12"),
        # found by hand: two children's ages after "ze zijn"; the first is taken
        ("het gaat niet goed met mijn twee kinderen, ze zijn 9 en 6", 9, "4-12"),
        ("mijn kinderen zijn 14 en 16 en maken alleen maar ruzie", 14, "12-18"),
    ],
)
def test_recognises_age_in_a_question(text: str, years: int | None, band: str) -> None:
    age = parse_age(text)
    assert age is not None, text
    assert (age.years, age.band) == (years, band)


@pytest.mark.parametrize(
    "text",
    [
        "ik ben moeder van 3 kinderen en heel moe",
        "ik ben moeder van twee en heel moe",
        "als oma van vier pas ik elke woensdag op",
        "hij huilt 3 keer per nacht",
        "ze zit 5 uur per dag op haar telefoon",
        "mijn kind luistert niet",
        "14",  # a bare number is only an age when we just asked for one
        "hij is 45 en mijn ex",
        "mijn kind heeft een ontwikkelingsachterstand van twee jaar",
        "het speelt al drie jaar",
        "er zijn 2 dingen waar ik mee zit",
        "twee jaar geleden begon het",
    ],
)
def test_no_age_where_none_was_given(text: str) -> None:
    assert parse_age(text) is None


@pytest.mark.parametrize(("text", "years"), [("14", 14), ("7.", 7), (" zeven ", 7)])
def test_bare_number_is_an_age_when_asked(text: str, years: int) -> None:
    age = parse_age(text, bare_number=True)
    assert age is not None and age.years == years


@pytest.mark.parametrize(
    ("years", "band"),
    [(0, "0-4"), (3, "0-4"), (4, "4-12"), (11, "4-12"), (12, "12-18"), (17, "12-18"), (18, "18-23")],
)
def test_band_boundaries(years: int, band: str) -> None:
    assert band_for_years(years) == band


def test_describe_says_what_was_understood() -> None:
    assert parse_age("van 3").describe() == "3 jaar"
    assert parse_age("8 maanden").describe() == "een baby"
    assert parse_age("puber").describe() == "een tiener"
