"""The cjg-handoff/1 summary: built from the conversation, valid, and careful with what it passes on."""

from datetime import datetime, timezone

import pytest

from bot.handoff.summary import YOUTH_NOTICE, Consent, Contact, Conversation, SummaryError, build_summary, validate
from bot.triage.rules import Answers, Reason, Result

MARINA = Answers(
    asker="ouder", age_years=9, topics=("scheiding",), topic_domains=("gezin_relaties",),
    domains=("geld", "wonen", "school_werk"), duration="lang", impact="heel_veel", capacity="lukt_niet",
    network="beetje", risks=("geldzorgen", "alleenstaand", "ziekte_ouder", "verlies"), safe_now="ja", harm="nee",
)  # fmt: skip
RESULT = Result(level="C", reasons=(Reason("C_capacity", "Het lukt je nu niet meer."), Reason("B_long", "Lang.")))
NOW = datetime(2026, 11, 23, 21, 45, tzinfo=timezone.utc)


def test_with_consent_the_worker_gets_everything_without_personal_details() -> None:
    conversation = Conversation(
        age_band="4-12",
        user_words=("Ik heet Marina, bel me op 06-12345678", "ik heb schulden en twee kinderen"),
        transcript=(("persoon", "mijn mail is marina@example.nl"), ("bot", "Dank je.")),
        goal="Dat de kinderen rust krijgen",
        strengths="Mijn ouders helpen met de kinderen",
        consent=Consent(given=True, at=NOW),
        contact=Contact(mode="callback", phone="0612345678", preferred_time="morgenochtend"),
    )
    summary = build_summary(MARINA, RESULT, conversation, now=NOW)
    assert summary["schema"] == "cjg-handoff/1" and summary["level"] == "C"
    assert summary["reasons"][0] == {"rule": "C_capacity", "text": "Het lukt je nu niet meer."}
    assert summary["domains"] == ["geld", "gezin_relaties", "school_werk", "wonen"]
    assert summary["risks"] == ["alleenstaand", "geldzorgen", "verlies", "ziekte_ouder"]
    assert summary["user_words"] == ["Ik heet [verwijderd], bel me op [verwijderd]", "ik heb schulden en twee kinderen"]
    assert summary["transcript"][0] == {"from": "persoon", "text": "mijn mail is [verwijderd]"}
    assert summary["contact"]["phone"] == "0612345678"  # given for the call-back, on purpose
    assert summary["created_at"] == "2026-11-23T21:45:00+00:00"
    assert summary["notice"] is None


def test_without_consent_only_level_topics_and_refusal() -> None:
    conversation = Conversation(user_words=("ik heb schulden",), goal="rust", consent=Consent(given=False, at=NOW))
    summary = build_summary(MARINA, RESULT, conversation, now=NOW)
    assert summary["level"] == "C" and summary["topics"] == ["scheiding"]
    assert summary["consent"] == {"given": False, "at": "2026-11-23T21:45:00+00:00"}
    assert summary["user_words"] == [] and summary["goal"] is None and summary["reasons"] == []
    assert summary["duration"] is None and summary["risks"] == [] and summary["domains"] == []


def test_a_young_persons_summary_says_first_that_nothing_goes_to_parents() -> None:
    answers = Answers(asker="jongere", age_years=15, topics=("somberheid",), safe_now="ja", harm="nee")
    summary = build_summary(answers, Result("B", (Reason("B_long", "Lang."),)), Conversation(), now=NOW)
    assert summary["notice"] == YOUTH_NOTICE
    assert list(summary)[:5] == ["schema", "id", "created_at", "channel", "notice"]


def test_a_phone_number_is_kept_only_for_a_call_back() -> None:
    conversation = Conversation(consent=Consent(True, NOW), contact=Contact(mode="chat", phone="0612345678"))
    assert build_summary(MARINA, RESULT, conversation, now=NOW)["contact"]["phone"] is None


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"level": "E"}, "level"),
        ({"schema": "cjg-handoff/2"}, "schema"),
        ({"channel": "email"}, "channel"),
        ({"extra": 1}, "Additional properties"),
    ],
)
def test_schema_refuses_what_is_not_cjg_handoff_1(change: dict, complaint: str) -> None:
    summary = build_summary(MARINA, RESULT, Conversation(consent=Consent(True, NOW)), now=NOW)
    with pytest.raises(SummaryError, match=complaint):
        validate({**summary, **change})


def test_schema_refuses_words_without_consent() -> None:
    summary = build_summary(MARINA, RESULT, Conversation(consent=Consent(False, NOW)), now=NOW)
    with pytest.raises(SummaryError):
        validate({**summary, "user_words": ["mijn verhaal"]})
