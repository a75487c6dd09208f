"""A greeting in front of a question is left out before the message is read (bot/nlp/greeting.py)."""

import pytest

from bot.nlp.greeting import without_greeting


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # found by hand on `make run`: these got only "Hoi! Waar wil je het over hebben?"
        ("goedemiddag, mijn zoon van 4 wil niet slapen", "mijn zoon van 4 wil niet slapen"),
        ("hallo, ik ben alleenstaand sinds de scheiding", "ik ben alleenstaand sinds de scheiding"),
        ("Hoi! ik word gepest op school", "ik word gepest op school"),
        ("Hallo daar! Mijn kind van 3 bijt", "Mijn kind van 3 bijt"),
        ("hoi hoi, ik heb een vraagje", "ik heb een vraagje"),
        ("Beste, mijn dochter liegt steeds", "mijn dochter liegt steeds"),
        ("hey hij spijbelt", "hij spijbelt"),
        ("Goeienavond... ik wil niet meer leven", "ik wil niet meer leven"),
    ],
)
def test_a_greeting_in_front_is_left_out(text: str, read: str) -> None:
    assert without_greeting(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "hallo",
        "hoi allemaal",
        "goedemorgen!",
        "hallo Anna",  # a greeting and a name: still a greeting
        "dag en nacht huilt ze",  # "dag" is not taken for a greeting
        "beste manier om een baby te laten slapen?",  # nor "beste" without a comma
        "hierbij mijn vraag over slapen",
        "/greet",
    ],
)
def test_a_greeting_alone_or_a_word_that_only_looks_like_one_is_kept(text: str) -> None:
    assert without_greeting(text) == text
