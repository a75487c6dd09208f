"""From the conversation to the stored hand-off, and the summary a worker reads."""

from bot.content import current_content
from bot.handoff import queue
from bot.handoff.intake import conversation_texts, ordinal, submit
from bot.handoff.summary_text import summary_lines
from tests.handoff.helpers import EVENTS, MARINA, make_handoff


def test_the_transcript_leaves_out_the_phone_number_and_shows_buttons_by_their_answer() -> None:
    words, transcript = conversation_texts(EVENTS)
    assert words == ("Ik ben gescheiden, heb schulden en mijn twee kinderen hebben het zwaar",)
    assert ("persoon", "[knop] ja") in transcript
    assert ("bot", "Wat vervelend. Zal ik met je meekijken?") in transcript
    assert not any("12345678" in text for _, text in transcript)


def test_marina_gets_level_c_and_a_place_in_line(db) -> None:
    make_handoff(db, "someone-else")
    handoff, replies = submit(db, current_content(), "marina", MARINA, EVENTS)
    assert handoff is not None and (handoff.level, handoff.mode, handoff.status) == ("C", "chat", "waiting")
    assert "als tweede aan de beurt" in replies[0]["text"]
    assert replies[0]["meta"]["handoff"] == {"id": handoff.id, "status": "waiting", "mode": "chat"}
    summary = handoff.summary
    assert summary["goal"] == "Dat de kinderen weer rust hebben. Bel me op [verwijderd]."
    assert {"C_capacity", "C_severe_long", "C_domains", "C_risks"} <= {r["rule"] for r in summary["reasons"]}


def test_the_summary_lines_tell_a_worker_what_they_need(db) -> None:
    text = "\n".join(summary_lines(make_handoff(db).summary, current_content()))
    for expected in ("Niveau C", "Scheiding", "kind van 9 jaar", "Langer dan", "Heel veel", "Geldzorgen",
                     "Wat zou je graag anders zien?", "We praten veel met elkaar", "chat nu"):  # fmt: skip
        assert expected.lower() in text.lower(), expected


def test_without_consent_a_worker_sees_only_level_and_topic(db) -> None:
    handoff = make_handoff(db, handoff_consent="nee", handoff_goal=None, handoff_strengths=None)
    lines = summary_lines(handoff.summary, current_content())
    assert handoff.summary["user_words"] == [] and handoff.summary["transcript"] == []
    assert any("Geen toestemming" in line for line in lines)
    assert not any("kind van 9" in line for line in lines)


def test_a_young_persons_notice_comes_first(db) -> None:
    handoff = make_handoff(db, triage_asker="jongere", age_years=15, triage_age="12-18")
    assert summary_lines(handoff.summary, current_content())[0].startswith("Deze jongere vroeg hulp voor zichzelf")


def test_a_call_back_keeps_the_number_and_a_message_its_words(db) -> None:
    content = current_content()
    callback, replies = submit(db, content, "p", {**MARINA, "handoff_route": "callback",
                                                  "handoff_phone": "06 12345678"}, EVENTS)  # fmt: skip
    assert callback.summary["contact"]["phone"] == "06 12345678" and "06 12345678" in replies[0]["text"]
    message, _ = submit(db, content, "m", {**MARINA, "handoff_route": "message", "handoff_message": "Bel niet, mail"},
                        EVENTS)  # fmt: skip
    assert message.summary["contact"]["message"] == "Bel niet, mail" and not message.live
    nothing, replies = submit(db, content, "n", {**MARINA, "handoff_route": "geen"}, EVENTS)
    assert nothing is None and replies[0]["meta"]["handoff"] == {"status": "declined"}
    assert len(queue.listing(db, "waiting")) == 2


def test_positions_are_said_in_words() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 11)] == ["eerste", "tweede", "derde", "11e"]


def test_without_a_triage_the_conversation_still_tells_who_asks_and_about_what(db) -> None:
    slots = {
        "asker": "jongere",
        "topic": "somberheid",
        "age_years": 15,
        "handoff_consent": "ja",
        "handoff_route": "chat",
    }
    handoff, _ = submit(db, current_content(), "y", slots, EVENTS)
    assert (handoff.summary["asker"], handoff.summary["topics"], handoff.level) == ("jongere", ["somberheid"], "A")
    assert handoff.summary["notice"].startswith("Deze jongere")
