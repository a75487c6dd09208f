"""The custom actions, called as the action server calls them."""

import pytest
from rasa_sdk.events import SlotSet

from actions.fallback import ActionOutOfScope, ActionSuggestTopics
from actions.smalltalk import ActionSmalltalk
from actions.topics import ActionAnswerTopic
from actions.triage import ActionOfferTriage
from bot.answers import candidate_topics
from bot.content import current_content
from tests.unit.conftest import make_tracker, sent


def slots_of(events) -> dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_toddler_tantrums_get_the_toddler_answer(dispatcher) -> None:
    tracker = make_tracker("mijn dochter van 3 krijgt elke dag driftbuien", "topic_dwars_gedrag")
    events = ActionAnswerTopic().run(dispatcher, tracker, {})
    first, *rest = sent(dispatcher)
    assert first["meta"]["topic"] == "dwars_gedrag"
    assert first["meta"]["answer_band"] == "0-4"
    assert "peuter" in first["text"].lower()
    assert first["text"].startswith("Ik ga uit van 3 jaar.")
    (offer,) = rest  # the age is known: no question about it, only the triage offer
    assert offer["meta"]["triage_offer"] is True
    assert [b["payload"] for b in offer["buttons"]] == ["/start_triage", "/deny"]
    assert slots_of(events) == {
        "topic": "dwars_gedrag", "age_years": 3, "age_band": "0-4", "asker": "ouder", "triage_offered": True,
        "handoff_offered": False,  # a "ja" now is to the triage offer
    }  # fmt: skip


def test_unknown_age_answers_common_case_and_asks(dispatcher) -> None:
    tracker = make_tracker("mijn kind slaapt heel slecht", "topic_slapen")
    ActionAnswerTopic().run(dispatcher, tracker, {})
    answer, question = sent(dispatcher)  # no triage offer while the age question is open
    assert answer["meta"] == {"topic": "slapen", "answer_band": "0-4", "age_band": None}
    assert question["meta"]["asks"] == "age"
    assert question["buttons"][0]["payload"] == '/inform_age{"age_band": "0-4"}'


def test_age_given_afterwards_refines_the_answer(dispatcher) -> None:
    tracker = make_tracker("hij is 14", "inform_age", slots={"topic": "slapen"})
    events = ActionAnswerTopic().run(dispatcher, tracker, {})
    answer, offer = sent(dispatcher)
    assert answer["meta"]["topic"] == "slapen" and answer["meta"]["answer_band"] == "12-18"
    assert offer["meta"]["triage_offer"] is True
    assert slots_of(events)["age_years"] == 14


def test_age_button_uses_the_entity(dispatcher) -> None:
    tracker = make_tracker(
        '/inform_age{"age_band": "4-12"}',
        "inform_age",
        slots={"topic": "media"},
        entities=[{"entity": "age_band", "value": "4-12"}],
    )
    ActionAnswerTopic().run(dispatcher, tracker, {})
    answer, _offer = sent(dispatcher)
    assert answer["meta"]["answer_band"] == "4-12"
    assert answer["text"].startswith("Ik ga uit van een kind van de basisschoolleeftijd.")


def test_known_age_is_reused_for_the_next_topic(dispatcher) -> None:
    tracker = make_tracker("en hoe zit het met schermtijd", "topic_media", slots={"age_years": 9, "age_band": "4-12"})
    ActionAnswerTopic().run(dispatcher, tracker, {})
    answer, _offer = sent(dispatcher)
    assert answer["meta"]["answer_band"] == "4-12"


def test_no_triage_offer_once_the_triage_was_done(dispatcher) -> None:
    tracker = make_tracker("en schermtijd?", "topic_media", slots={"age_band": "4-12", "triage_level": "A"})
    events = ActionAnswerTopic().run(dispatcher, tracker, {})
    (answer,) = sent(dispatcher)
    assert answer["meta"]["topic"] == "media"
    assert slots_of(events)["triage_offered"] is False


def test_young_person_gets_the_answer_written_for_them(dispatcher) -> None:
    tracker = make_tracker("ik word gepest in de klas", "topic_pesten")
    events = ActionAnswerTopic().run(dispatcher, tracker, {})
    answer, _offer = sent(dispatcher)
    assert answer["meta"]["answer_band"] == "jongere"
    assert answer["text"] == current_content().answer("pesten", "jongere").text
    assert slots_of(events)["asker"] == "jongere"


def test_age_without_any_topic_asks_what_it_is_about(dispatcher) -> None:
    tracker = make_tracker("ze is 6", "inform_age")
    events = ActionAnswerTopic().run(dispatcher, tracker, {})
    (message,) = sent(dispatcher)
    assert "Waar gaat je vraag over" in message["text"]
    assert SlotSet("age_years", 6) in events


def test_unclear_message_suggests_likely_topics(dispatcher) -> None:
    ranking = [("nlu_fallback", 0.45), ("topic_angst", 0.3), ("greet", 0.2), ("topic_slapen", 0.15),
               ("topic_somberheid", 0.1), ("topic_media", 0.05)]  # fmt: skip
    tracker = make_tracker("hij wordt steeds wakker van enge dromen", "nlu_fallback", ranking=ranking)
    ActionSuggestTopics().run(dispatcher, tracker, {})
    (message,) = sent(dispatcher)
    assert message["text"].startswith("Ik weet niet zeker")
    assert message["meta"]["fallback"] is True
    assert [b["payload"] for b in message["buttons"]] == [
        "/topic_angst",
        "/topic_slapen",
        "/topic_somberheid",
    ]
    assert message["buttons"][0]["title"] == "Angst en bang zijn"


def test_candidate_topics_ignores_noise() -> None:
    ranking = [{"name": "topic_angst", "confidence": 0.01}, {"name": "topic_onbekend", "confidence": 0.5}]
    assert candidate_topics(ranking, {"angst"}) == []


def test_nothing_likely_asks_to_rephrase(dispatcher) -> None:
    tracker = make_tracker("blabla", "nlu_fallback", ranking=[("nlu_fallback", 0.5), ("greet", 0.4)])
    ActionSuggestTopics().run(dispatcher, tracker, {})
    (message,) = sent(dispatcher)
    assert message["buttons"] == [] and message["meta"] == {"fallback": True}


def test_out_of_scope_is_honest_and_points_elsewhere(dispatcher) -> None:
    ActionOutOfScope().run(dispatcher, make_tracker("ik wil een paspoort", "out_of_scope"), {})
    (message,) = sent(dispatcher)
    assert message["text"].startswith("Daar kan ik je helaas niet mee helpen")
    assert current_content().contact.municipality_website in message["text"]
    assert message["meta"] == {"fallback": True, "out_of_scope": True}


def test_capabilities_says_it_is_not_a_person(dispatcher) -> None:
    ActionSmalltalk().run(dispatcher, make_tracker("ben je een robot?", "capabilities"), {})
    (message,) = sent(dispatcher)
    assert "geen mens" in message["text"]
    assert message["buttons"][0]["payload"] == "/request_human"


CHECK = current_content().crisis.check_threshold
PARENT_CHECK = ["Veilig Thuis", "113 Zelfmoordpreventie"]


def danger_topic(*kinds: str) -> list[dict]:
    return [{"entity": "danger_topic", "value": kind} for kind in kinds]


def test_a_question_about_a_danger_gets_where_to_talk_about_it_instead_of_a_topic_answer(dispatcher) -> None:
    """The topic answers do not cover suicide: say so, give the line that also advises, no alarm."""
    text = "hoe leg ik mijn zoon van 9 uit wat zelfmoord is? hij hoorde het woord op school"
    tracker = make_tracker(text, "topic_dwars_gedrag", entities=danger_topic("suicide"))
    events = ActionAnswerTopic().run(dispatcher, tracker, {})
    (message,) = sent(dispatcher)
    assert message["meta"] == {"advice_lines": ["113 Zelfmoordpreventie"]}
    assert "0800-0113" in message["text"] and message["text"].endswith("Bij direct gevaar kun je altijd 112 bellen.")
    assert [b["payload"] for b in message["buttons"]] == ["/request_human"]
    assert slots_of(events) == {"asker": "ouder"}  # no topic, no triage offer to say "ja" to


def test_a_young_person_asking_about_a_danger_gets_their_lines(dispatcher) -> None:
    tracker = make_tracker("ik ben 15, hoe weet ik of mijn vriendin aan zelfbeschadiging doet?",
                           "topic_somberheid", entities=danger_topic("selfharm"))  # fmt: skip
    ActionAnswerTopic().run(dispatcher, tracker, {})
    (message,) = sent(dispatcher)
    assert message["meta"]["advice_lines"] == ["113 Zelfmoordpreventie", "De Kindertelefoon"]
    assert message["text"].startswith("Daar weet ik zelf niet genoeg van.")


@pytest.mark.parametrize(("probability", "checked"), [(0.0, False), (CHECK, True)])
def test_a_danger_with_only_an_emergency_line_gets_the_usual_answer(dispatcher, probability, checked) -> None:
    """A missing child's only line is 112: that is for a danger now, not for advice; an unsure one gets the check."""
    tracker = make_tracker("hoe leer ik mijn kind van 6 wat hij moet doen als hij vermist raakt in de stad?",
                           "topic_angst", entities=danger_topic("missing"), probability=probability)  # fmt: skip
    ActionAnswerTopic().run(dispatcher, tracker, {})
    answer, *_, last = sent(dispatcher)
    assert answer["meta"]["topic"] == "angst"
    assert ("check_lines" in last["meta"]) is checked


def test_an_unclear_question_or_small_talk_about_a_danger_gets_where_to_talk_about_it(dispatcher) -> None:
    text, entities = "wat is een loverboy precies", danger_topic("exploitation")
    ranking = [("nlu_fallback", 0.5), ("topic_media", 0.4)]
    ActionSuggestTopics().run(dispatcher, make_tracker(text, "nlu_fallback", ranking=ranking, entities=entities), {})
    ActionSmalltalk().run(dispatcher, make_tracker(text, "affirm", entities=entities), {})
    for message in sent(dispatcher):
        assert "Veilig Thuis" in message["text"] and message["meta"] == {"advice_lines": ["Veilig Thuis"]}


def test_an_unsure_message_gets_its_answer_then_the_lines_without_alarm(dispatcher) -> None:
    """Too little for the alarm, enough to doubt: the answer first, then where to talk, day and night."""
    text = "mijn peuter van 3 wil niet slapen en ik weet het niet meer"
    tracker = make_tracker(text, "topic_slapen", probability=CHECK)
    ActionAnswerTopic().run(dispatcher, tracker, {})
    answer, *_, last = sent(dispatcher)
    assert answer["meta"]["topic"] == "slapen"
    assert last["meta"] == {"check_lines": PARENT_CHECK} and last["buttons"] == []
    assert "0800-2000" in last["text"] and "0800-0113" in last["text"]
    assert last["text"].endswith("Bij direct gevaar kun je altijd 112 bellen.")


def test_a_young_person_gets_the_kindertelefoon_in_the_check(dispatcher) -> None:
    tracker = make_tracker("ik ben 14 en ik kan s nachts niet slapen", "topic_slapen", probability=CHECK)
    ActionAnswerTopic().run(dispatcher, tracker, {})
    assert sent(dispatcher)[-1]["meta"] == {"check_lines": ["De Kindertelefoon", "113 Zelfmoordpreventie"]}


@pytest.mark.parametrize(
    ("probability", "slots", "events", "entities"),
    [
        (CHECK - 0.01, {}, [], []),  # below the check: the answer alone
        (0.0, {}, [], []),
        (CHECK, {"safety_signal": True}, [], []),  # the crisis lines were given already
        (CHECK, {}, [{"event": "bot", "data": {"custom": {"meta": {"check_lines": PARENT_CHECK}}}}], []),  # once
        (CHECK, {}, [], danger_topic("suicide")),  # the advice reply gives the lines
    ],
)
def test_no_check_when_it_is_not_needed(dispatcher, probability, slots, events, entities) -> None:
    tracker = make_tracker("mijn dochter van 8 slaapt slecht", "topic_slapen",
                           probability=probability, slots=slots, events=events, entities=entities)  # fmt: skip
    ActionAnswerTopic().run(dispatcher, tracker, {})
    assert not any("check_lines" in message["meta"] for message in sent(dispatcher))


@pytest.mark.parametrize(
    ("action", "intent", "first_meta"),
    [
        (ActionSuggestTopics(), "nlu_fallback", "fallback"),
        (ActionOutOfScope(), "out_of_scope", "out_of_scope"),
        (ActionSmalltalk(), "greet", "smalltalk"),
        (ActionOfferTriage(), "express_worry", "triage_offer"),
    ],
)
def test_every_answer_to_a_typed_message_gets_the_check_when_unsure(dispatcher, action, intent, first_meta) -> None:
    ranking = [(intent, 0.6), ("topic_slapen", 0.3)]
    tracker = make_tracker("het is allemaal zo veel", intent, ranking=ranking, probability=CHECK)
    action.run(dispatcher, tracker, {})
    first, *_, last = sent(dispatcher)
    assert first_meta in first["meta"]
    assert last["meta"] == {"check_lines": PARENT_CHECK}
