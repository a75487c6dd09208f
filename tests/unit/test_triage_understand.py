"""Triage answers in people's own words (triage-protocol.md: "real understanding of free text")."""

import pytest

from bot.content import load_content
from bot.triage.understand import says_only_values, understand_multi, understand_single

QUESTIONS = load_content().triage.questions


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("duration", "al een half jaar", "lang"),
        ("duration", "sinds een week of twee", "kort"),
        ("duration", "3 weken", "kort"),
        ("duration", "twee maanden ongeveer", "maanden"),
        ("duration", "al 5 maanden", "lang"),
        ("duration", "eigenlijk altijd al", "lang"),
        ("duration", "sinds de zomer", "maanden"),
        ("impact", "niet veel eigenlijk", "weinig"),
        ("impact", "best veel", "veel"),
        ("impact", "heel veel, het hele gezin lijdt eronder", "heel_veel"),
        ("capacity", "het gaat echt niet meer", "lukt_niet"),
        ("capacity", "ik ben ten einde raad", "lukt_niet"),
        ("capacity", "soms is het pittig", "soms_zwaar"),
        ("capacity", "dat gaat prima", "goed"),
        ("network", "mijn moeder helpt veel", "ja"),
        ("network", "niemand eigenlijk", "nee"),
        ("network", "een beetje, af en toe de buren", "beetje"),
        ("safe_now", "dat weet ik niet zeker", "weet_niet"),
        ("safe_now", "ja hoor", "ja"),
        ("safe_now", "nee, helemaal niet", "nee"),
        ("harm", "nee gelukkig niet", "nee"),
        ("harm", "misschien, ik twijfel", "weet_niet"),
        # found by hand on 2026-12-02: a negation or a word too many used to flip the answer
        ("impact", "niet zo veel", "weinig"),
        ("impact", "het valt wel mee", "weinig"),
        ("network", "geen familie hier", "nee"),
        ("safe_now", "ik weet het niet", "weet_niet"),
        ("safe_now", "niet echt", "nee"),
        ("duration", "een paar weekjes", "kort"),
        ("duration", "al best lang", "lang"),
        ("capacity", "valt wel mee", "goed"),
        ("capacity", "ik hou het vol", "soms_zwaar"),
        # found by hand in the fourth round: no value, or the wrong one
        ("capacity", "ik red het niet meer", "lukt_niet"),
        # found by hand: the verb before "ik" when something comes first
        ("capacity", "eerlijk gezegd red ik het niet meer", "lukt_niet"),
        ("capacity", "op dit moment kan ik het niet meer aan", "lukt_niet"),
        ("capacity", "soms trek ik het niet", "soms_zwaar"),
        ("network", "ik ben niet alleen, mijn buurvrouw helpt", "ja"),
        ("capacity", "het wordt me allemaal te veel", "lukt_niet"),
        ("capacity", "ik red het wel", "goed"),
        ("capacity", "het is me soms te veel", "soms_zwaar"),
        ("network", "mijn zus en mijn ouders", "ja"),
        ("network", "alleen mijn man", "beetje"),  # "alleen" is not "alone" here
        ("network", "mijn man werkt veel, verder niemand", "beetje"),
        ("network", "mijn moeder is overleden", "nee"),
        ("network", "mijn familie woont ver weg", "nee"),
        ("safe_now", "meestal wel", "weet_niet"),
        ("safe_now", "weet ik veel", "weet_niet"),
        ("harm", "soms", "ja"),
        ("harm", "niet dat ik weet", "nee"),
        ("asker", "over mezelf", "jongere"),
        ("asker", "over mijn zoon", "ouder"),
        ("age", "ze is 9", "4-12"),
        ("age", "14", "12-18"),
        ("age", "peuter", "0-4"),
    ],
)
def test_single_answers(question: str, text: str, value: str) -> None:
    assert understand_single(question, text, QUESTIONS[question]) == value


@pytest.mark.parametrize(("question", "text"), [("impact", "hmm"), ("duration", "pizza"), ("capacity", "blauw")])
def test_unclear_answers_are_not_guessed(question: str, text: str) -> None:
    assert understand_single(question, text, QUESTIONS[question]) is None


@pytest.mark.parametrize(
    ("question", "text", "values"),
    [
        ("domains", "geld en school", ["school_werk", "geld"]),
        ("domains", "nee niets", ["niets"]),
        ("risks", "ik heb schulden en ben alleenstaand", ["geldzorgen", "alleenstaand"]),
        ("risks", "schulden, en ik sta er helemaal alleen voor", ["geldzorgen", "alleenstaand"]),
        ("risks", "geen werk en mijn man is ziek", ["geen_werk", "ziekte_ouder"]),
        ("risks", "geen van deze", ["geen"]),
        ("risks", "banaan", []),
    ],
)
def test_multi_answers(question: str, text: str, values: list) -> None:
    assert understand_multi(question, text, QUESTIONS[question]) == values


@pytest.mark.parametrize(
    ("question", "text", "only"),
    [
        ("network", "nee, ik heb niemand", True),
        ("risks", "schulden, en ik sta er alleen voor", True),
        ("duration", "al 2 jaar", True),
        ("capacity", "ik wil niet meer", False),  # "wil" says more than any value
        ("network", "hoi", False),  # no answer phrase at all
        ("risks", "verlies, mn vader is dood en ik wil naar hem toe", False),
    ],
)
def test_an_answer_of_only_answer_phrases_is_told_apart(question: str, text: str, only: bool) -> None:
    assert says_only_values(text, QUESTIONS[question]) is only
