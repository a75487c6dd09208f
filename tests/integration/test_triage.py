"""The triage through the real stack: the seed cases, each level, and leaving it at any step.

Cases: seed 000 (Magda, Peter, Marina) and the four example questions of
seed 003 l. 999-1089. Answers are given as a person would: buttons (a value)
or their own words (a string starting with "tekst:").
"""

import pytest

from bot.triage.flow import answer_payload
from tests.integration.conftest import Conversation

pytestmark = pytest.mark.stack


def say_answer(conversation: Conversation, answer: str | list[str]) -> list[dict]:
    if isinstance(answer, list):  # several buttons, then "Dat was het"
        for value in answer:
            messages = conversation.say(answer_payload(value))
        return (
            conversation.say(answer_payload("klaar"))
            if len(answer) > 1 or answer[0] not in ("niets", "geen")
            else messages
        )
    if answer.startswith("tekst:"):
        return conversation.say(answer.removeprefix("tekst:"))
    return conversation.say(answer_payload(answer))


def run_triage(conversation: Conversation, opening: list[dict], answers: dict) -> tuple[list[str], list[dict]]:
    """Answer each question as it comes; return the questions asked and the result messages."""
    asked: list[str] = []
    messages = opening
    for _ in range(20):
        if any("level" in m["meta"] for m in messages):
            return asked, messages
        question = messages[-1]["meta"].get("triage_question")
        assert question, f"expected a triage question, got {messages[-1]}"
        asked.append(question)
        messages = say_answer(conversation, answers[question])
    raise AssertionError(f"the triage did not end; asked {asked}")


MARINA_OPENING = "Ik ben alleenstaand na een vechtscheiding en mijn twee kinderen hebben het er heel moeilijk mee."
MARINA_ANSWERS = {
    "asker": "ouder", "age": "tekst:ze is 9", "topic": "tekst:ja",
    "domains": ["geld", "wonen", "school_werk", "gezondheid"], "duration": "lang", "impact": "heel_veel",
    "capacity": "tekst:het gaat echt niet meer", "network": "beetje",
    "risks": ["geldzorgen", "geen_werk", "alleenstaand", "verlies"], "safe_now": "ja", "harm": "nee",
}  # fmt: skip


def start(conversation: Conversation, text: str) -> list[dict]:
    conversation.say(text)
    return conversation.say("/start_triage")


def test_magda_toddler_tantrums_is_b_with_tips(conversation: Conversation) -> None:
    opening = start(
        conversation, "Onze dochter van 2 heeft elke dag driftbuien en de opvang klaagt erover. We vinden het lastig."
    )
    assert "sla ik over" in opening[0]["text"]
    asked, result = run_triage(conversation, opening, {
        "domains": ["niets"], "duration": "tekst:een paar maanden", "impact": "veel", "capacity": "soms_zwaar",
        "network": "tekst:mijn moeder helpt veel", "risks": ["geen"], "safe_now": "ja", "harm": "nee",
    })  # fmt: skip
    assert asked[:1] == ["domains"]  # asker, age and topic came from the question itself
    assert result[0]["meta"] == {"level": "B", "reasons": ["B_impact", "B_capacity"], "from": "bot"}
    assert result[1]["meta"]["topic"] == "dwars_gedrag" and result[1]["meta"]["answer_band"] == "0-4"
    assert result[-1]["meta"]["handoff"] == {"status": "offered"}


def test_peter_reading_delay_and_morning_tears_is_b(conversation: Conversation) -> None:
    opening = start(
        conversation,
        "Mijn zoon zit in groep 6 en heeft een leesachterstand. Hij huilt 's ochtends als hij naar school moet.",
    )
    asked, result = run_triage(conversation, opening, {
        "domains": ["gedrag_emoties"], "duration": "tekst:al een half jaar", "impact": "veel", "capacity": "goed",
        "network": "ja", "risks": ["geen"], "safe_now": "ja", "harm": "nee",
    })  # fmt: skip
    assert asked[0] == "domains"  # the age (groep 6) and the topic came from the question itself
    assert result[0]["meta"]["level"] == "B"
    assert result[0]["meta"]["reasons"] == ["B_long", "B_impact", "B_domains"]
    assert result[1]["meta"]["answer_band"] == "4-12"


def test_marina_divorce_debts_and_two_children_is_c(conversation: Conversation) -> None:
    opening = start(conversation, MARINA_OPENING)
    asked, result = run_triage(conversation, opening, MARINA_ANSWERS)
    assert asked[-2:] == ["safe_now", "harm"]  # the safety questions are never skipped
    assert result[0]["meta"]["level"] == "C"
    assert {"C_capacity", "C_severe_long", "C_domains", "C_risks"} <= set(result[0]["meta"]["reasons"])
    assert "Het lukt je nu niet meer om ermee om te gaan." in result[0]["text"]
    assert "Zal ik je doorverbinden?" in result[-1]["text"]


def test_is_it_normal_that_my_child_does_this_is_a(conversation: Conversation) -> None:
    opening = start(conversation, "Is het gewoon dat mijn kind van 5 altijd zo koppig doet?")
    asked, result = run_triage(conversation, opening, {
        "domains": ["niets"], "duration": "kort", "impact": "weinig", "capacity": "goed", "network": "ja",
        "risks": ["geen"], "safe_now": "ja", "harm": "nee",
    })  # fmt: skip
    assert "age" not in asked
    assert result[0]["meta"] == {"level": "A", "reasons": ["A_default"], "from": "bot"}
    assert result[1]["meta"]["topic"] == "dwars_gedrag"
    assert not any("handoff" in m["meta"] for m in result)


def test_why_is_my_child_bullied_all_the_time_is_b(conversation: Conversation) -> None:
    opening = start(conversation, "Waarom wordt mijn kind steeds gepest? Hij is 10.")
    asked, result = run_triage(conversation, opening, {
        "domains": ["vrienden", "school_werk"], "duration": "maanden", "impact": "veel", "capacity": "soms_zwaar",
        "network": "ja", "risks": ["geen"], "safe_now": "ja", "harm": "nee",
    })  # fmt: skip
    assert "topic" not in asked
    assert result[0]["meta"]["level"] == "B"
    assert result[1]["meta"]["topic"] == "pesten"


def test_threatened_with_a_knife_gets_crisis_lines_in_the_first_reply(conversation: Conversation) -> None:
    first, offer = conversation.say("mijn kind heeft mij bedreigd met een mes, wat moet ik doen?")
    assert first["meta"]["safety"] is True and first["meta"]["level"] == "D"
    assert first["meta"]["signal_kinds"] == ["violence"]
    assert "112" in first["text"] and "0800-2000" in first["text"]
    assert offer["meta"]["handoff"] == {"status": "offered"}


def test_two_years_behind_in_development_is_c(conversation: Conversation) -> None:
    opening = start(conversation, "Mijn kind heeft een ontwikkelingsachterstand van twee jaar, hoe ga ik hiermee om?")
    asked, result = run_triage(conversation, opening, {
        "asker": "ouder", "age": "tekst:hij is 7", "topic": "tekst:nee", "domains": ["school_werk", "gezondheid"],
        "duration": "lang", "impact": "heel_veel", "capacity": "tekst:ik voel me machteloos", "network": "beetje",
        "risks": ["geen"], "safe_now": "ja", "harm": "nee",
    })  # fmt: skip
    assert "age" in asked  # "twee jaar" is the delay, not the age
    assert result[0]["meta"]["level"] == "C"


def test_crisis_in_the_middle_of_the_triage(conversation: Conversation) -> None:
    opening = start(conversation, "ik ben 15 en voel me al maanden somber")
    assert opening[-1]["meta"]["triage_question"] == "domains"
    conversation.say(answer_payload("niets"))
    first, _offer = conversation.say("eigenlijk wil ik gewoon niet meer leven")
    assert first["meta"]["safety"] is True and first["meta"]["signal_kinds"] == ["suicide"]
    assert "113" in first["text"] and "0800-0432" in first["text"]  # a young person also gets De Kindertelefoon
    after = conversation.say("hoe laat is het")  # the triage is over: no next question
    assert not any("triage_question" in m["meta"] for m in after)


def test_stop_in_the_middle_of_the_triage(conversation: Conversation) -> None:
    start(conversation, "mijn zoon van 8 luistert nooit")
    (stopped,) = conversation.say("stop")
    assert "ik stop met de vragen" in stopped["text"]
    assert not any("triage_question" in m["meta"] for m in conversation.say("mijn dochter van 4 wil niet slapen"))


def test_a_person_asked_for_in_the_middle_ends_the_triage_and_starts_the_hand_off(conversation: Conversation) -> None:
    start(conversation, "mijn dochter van 13 is heel somber")
    (consent,) = conversation.say("ik wil liever met een medewerker praten")
    assert consent["meta"]["handoff_question"] == "handoff_consent"
    assert "samenvatting" in consent["text"]


def test_back_asks_the_previous_question_again(conversation: Conversation) -> None:
    opening = start(conversation, "mijn zoon van 6 is heel druk")
    conversation.say(answer_payload("niets"))
    (question,) = conversation.say(answer_payload("kort"))
    assert question["meta"]["triage_question"] == "impact"
    again = conversation.say("terug")
    assert again[-1]["meta"]["triage_question"] == "duration"
    assert opening


def test_restart_begins_again(conversation: Conversation) -> None:
    start(conversation, "mijn kind van 10 gamet te veel")
    conversation.say(answer_payload("niets"))
    restarted = conversation.say("opnieuw")
    assert "opnieuw" in restarted[0]["text"]
    assert restarted[-1]["meta"]["triage_question"] == "domains"


def test_worry_without_a_question_is_offered_the_triage(conversation: Conversation) -> None:
    (offer,) = conversation.say("ik maak me echt zorgen om mijn dochter")
    assert offer["meta"]["triage_offer"] is True
    started = conversation.say("ja graag")
    assert started[-1]["meta"]["triage_question"] == "asker"


def test_an_answer_given_early_is_noted_and_its_question_skipped(conversation: Conversation) -> None:
    """ "al een half jaar" at the question what else plays a part: noted for 'duration', which is not asked."""
    messages = start(conversation, "yo ik ben 15 en ik voel me echt kut de laatste tijd")
    assert messages[-1]["meta"]["triage_question"] == "domains"
    noted, again = conversation.say("al een half jaar")
    assert noted["meta"]["noted_ahead"] == "duration" and "langer dan 3 maanden" in noted["text"]
    assert again["meta"]["triage_question"] == "domains"
    assert conversation.say(answer_payload("niets"))[-1]["meta"]["triage_question"] == "impact"


def test_heavy_typed_answers_are_read_as_answers_and_get_the_lines_once(conversation: Conversation) -> None:
    """Marina's own words set off the classifier as whole messages; as answers to "who supports you?" and "does
    any of this play a part?" they say what the answer values say. The triage goes on to its end (C), and the
    lines come once, before the next question."""
    opening = start(conversation, MARINA_OPENING)
    answers = {**MARINA_ANSWERS, "network": "tekst:nee, eigenlijk niemand",
               "risks": "tekst:schulden, en ik sta er alleen voor"}  # fmt: skip
    asked, result = run_triage(conversation, opening, answers)
    assert asked[-2:] == ["safe_now", "harm"]
    assert result[0]["meta"]["level"] == "C" and "C_severe_alone" in result[0]["meta"]["reasons"]
    told = conversation.transcript()
    assert not any(m["meta"].get("safety") for m in told)
    checks = [i for i, m in enumerate(told) if "check_lines" in m["meta"]]
    assert len(checks) == 1 and "0800-2000" in told[checks[0]]["text"]
    assert "triage_question" in told[checks[0] + 1]["meta"]  # the next question follows the lines


def test_a_danger_typed_as_an_answer_still_ends_the_triage_with_the_lines(conversation: Conversation) -> None:
    start(conversation, MARINA_OPENING)
    conversation.say(answer_payload("ouder"))
    first, _offer = conversation.say("mijn ex heeft me gisteren gewurgd waar de kinderen bij waren")
    assert first["meta"]["safety"] is True and "violence" in first["meta"]["signal_kinds"]
    assert "0800-2000" in first["text"]


def test_dat_was_het_after_a_typed_list_asks_the_next_question_again(conversation: Conversation) -> None:
    messages = start(conversation, "mijn zoon van 9 is heel druk")
    assert messages[-1]["meta"]["triage_question"] == "domains"
    (question,) = conversation.say("school en vrienden")
    assert question["meta"]["triage_question"] == "duration"
    (again,) = conversation.say("dat was het")
    assert again["meta"]["triage_question"] == "duration" and "begreep" not in again["text"]
