"""Conversations through the real gateway, Rasa model and action server."""

import pytest

from tests.integration.conftest import Conversation

pytestmark = pytest.mark.stack


def test_health_is_ok_when_everything_runs(api) -> None:
    response = api.get("/api/health")
    assert response.status_code == 200
    assert response.json()["rasa"]["up"] and response.json()["action_server"]["up"]


def test_toddler_tantrums_get_an_age_appropriate_answer(conversation: Conversation) -> None:
    first, *rest = conversation.say("mijn dochter van 3 krijgt elke dag driftbuien")
    assert first["meta"]["topic"] == "dwars_gedrag"
    assert first["meta"]["answer_band"] == "0-4"
    assert "peuter" in first["text"].lower()
    assert "Wat kun je doen?" in first["text"] and "Bron:" in first["text"]
    assert [m["meta"].get("triage_offer") for m in rest] == [True]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("onze zoon van 7 jat geld uit mijn portemonnee", "grensoverschrijdend"),
        ("hij kan echt geen minuut stilzitten in de klas", "druk_adhd"),
        ("mijn dochter durft niet alleen naar boven omdat ze bang is", "angst"),
        ("ze is al weken verdrietig en heeft nergens zin in", "somberheid"),
        ("mijn zoon wordt elke dag uitgescholden door klasgenoten", "pesten"),
        ("ze wil niet meer naar school en haar cijfers zakken", "school"),
        ("ik vond een vape in de jaszak van mijn dochter van 14", "middelen"),
        ("mijn kind van 4 zit steeds aan zijn piemel", "seksualiteit"),
        ("mijn zoon is te zwaar en beweegt bijna niet", "leefstijl"),
        ("onze baby wordt elke nacht vier keer wakker", "slapen"),
        ("vanaf welke leeftijd kan de luier er overdag af", "zindelijkheid"),
        ("ze eet alleen brood en weigert alles wat warm is", "voeding"),
        ("hoeveel uur mag een kind van 10 gamen", "media"),
        ("ik ben als moeder zo moe en ik twijfel steeds of ik het goed doe", "ouderstress"),
        ("hoe vertellen we de kinderen dat we uit elkaar gaan", "scheiding"),
    ],
)
def test_each_topic_is_recognised_and_answered(conversation: Conversation, text: str, topic: str) -> None:
    first = conversation.say(text)[0]
    assert first["meta"]["topic"] == topic
    assert "Wat kun je doen?" in first["text"]


def test_unknown_age_is_asked_and_the_answer_refined(conversation: Conversation) -> None:
    answer, question = conversation.say("mijn kind ligt elke avond uren wakker")
    assert answer["meta"]["topic"] == "slapen" and question["meta"]["asks"] == "age"
    refined, _offer = conversation.say("hij is 9")
    assert refined["meta"] == {"topic": "slapen", "answer_band": "4-12", "age_band": "4-12", "from": "bot"}
    by_button, _offer = conversation.say(question["buttons"][2]["payload"])
    assert by_button["meta"]["answer_band"] == "12-18"


def test_young_person_is_answered_as_themself(conversation: Conversation) -> None:
    first = conversation.say("ik word gepest en ik weet niet wat ik moet doen")[0]
    assert first["meta"]["topic"] == "pesten" and first["meta"]["answer_band"] == "jongere"
    assert "Kindertelefoon" in first["text"]


def test_the_chat_page_opens_with_the_greeting_from_content(conversation: Conversation) -> None:
    (hello,) = conversation.say("/greet")  # what chat.js sends when the page opens
    assert hello["text"].startswith("Hoi! Ik ben de digitale assistent van")


def test_greeting_and_capabilities(conversation: Conversation) -> None:
    (hello,) = conversation.say("goedemiddag, ik heb een vraagje")
    assert hello["text"].startswith("Hoi!")
    (about,) = conversation.say("waarmee kun jij mensen helpen?")
    assert "geen mens" in about["text"]


def test_out_of_scope_is_honest(conversation: Conversation) -> None:
    (reply,) = conversation.say("mijn rijbewijs is verlopen, waar moet ik heen?")
    assert reply["meta"]["fallback"] is True
    assert "niet mee helpen" in reply["text"]


def test_asking_for_a_person_starts_the_hand_off_with_consent(conversation: Conversation) -> None:
    (reply,) = conversation.say("ik wil graag even een medewerker spreken")
    assert reply["meta"]["handoff_question"] == "handoff_consent"
    assert [b["title"] for b in reply["buttons"]] == ["Ja, dat is goed", "Nee, liever niet"]


def test_gibberish_gets_a_fallback_not_a_guess(conversation: Conversation) -> None:
    (reply,) = conversation.say("qwpoeiru zxmcvnb")
    assert reply["meta"]["fallback"] is True
    assert "topic" not in reply["meta"]


def test_a_message_the_classifier_is_unsure_about_gets_the_lines_once_without_alarm(conversation) -> None:
    """Enough to doubt, too little for the alarm: the usual reply, then where to talk, once per conversation."""
    replies = conversation.say("ik kan nergens meer blij van worden")
    *usual, check = replies
    assert usual and not any("safety" in m["meta"] for m in replies)
    assert check["meta"] == {"check_lines": ["De Kindertelefoon", "113 Zelfmoordpreventie"], "from": "bot"}  # "ik"
    assert "0800-0432" in check["text"] and check["text"].endswith("112 bellen.")
    again = conversation.say("mijn moeder zegt steeds dat ze het niet meer trekt met ons")
    assert again and not any("check_lines" in m["meta"] or "safety" in m["meta"] for m in again)


def test_an_alarm_only_the_classifier_raised_keeps_the_answer_one_tap_away(conversation) -> None:
    """The lines first, without saying it is serious; a heavy everyday worry still gets its answer."""
    lines, offer = conversation.say("mijn dochter van 13 eet bijna niks meer en zit alleen op haar kamer")
    assert lines["meta"]["safety"] is True and lines["meta"]["signal_kinds"] == []
    assert "Ik weet niet zeker of ik je goed begrijp" in lines["text"] and "bel 112" in lines["text"]
    (topic,) = [b["payload"] for b in offer["buttons"] if b["payload"].startswith("/topic_")]
    answer, *_ = conversation.say(topic)
    assert answer["meta"]["topic"] == topic.removeprefix("/topic_") and "safety" not in answer["meta"]


def test_a_question_about_a_danger_gets_where_to_talk_about_it_without_alarm(conversation: Conversation) -> None:
    """A topic word ("zelfmoord") without a danger signal: no crisis reply, and no unrelated topic answer."""
    (reply,) = conversation.say("hoe leg ik mijn zoon van 9 uit wat zelfmoord is? hij hoorde het woord op school")
    assert reply["meta"]["advice_lines"] == ["113 Zelfmoordpreventie"] and "safety" not in reply["meta"]
    assert "0800-0113" in reply["text"] and "112" in reply["text"]
    assert [b["payload"] for b in reply["buttons"]] == ["/request_human"]
