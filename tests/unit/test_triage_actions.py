"""The triage's actions, called as the action server calls them."""

import asyncio

import pytest

from actions.safety import ActionSafetyNet, ActionSafetyNetInHandoff
from actions.triage import ASK_ACTIONS, ActionStartTriage, ActionTriageBack, ActionTriageResult, ValidateTriageForm
from bot.content import current_content
from bot.triage.protocol import QUESTION_ORDER
from tests.unit.conftest import make_tracker, sent

CHECK = current_content().crisis.check_threshold


def slots_of(events) -> dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_start_skips_what_the_conversation_told_and_says_so(dispatcher) -> None:
    tracker = make_tracker(
        "ja graag", "affirm", slots={"asker": "ouder", "age_years": 3, "age_band": "0-4", "topic": "dwars_gedrag"}
    )
    events = ActionStartTriage().run(dispatcher, tracker, {})
    (message,) = sent(dispatcher)
    assert "sla ik over" in message["text"] and "3 jaar" in message["text"] and "driftbuien" in message["text"]
    slots = slots_of(events)
    assert slots["triage_asker"] == "ouder" and slots["triage_age"] == "0-4" and slots["triage_topic"] == "dwars_gedrag"
    assert slots["triage_safe_now"] is None and slots["triage_harm"] is None  # never skipped


@pytest.mark.parametrize("question", QUESTION_ORDER)
def test_every_question_carries_its_protocol_id(dispatcher, question: str) -> None:
    (action,) = [a for a in ASK_ACTIONS if a().name().startswith(f"action_ask_triage_{question}")]
    action().run(dispatcher, make_tracker("", "affirm", slots={"triage_asker": "ouder", "topic": "slapen"}), {})
    (message,) = sent(dispatcher)
    assert message["meta"] == {"triage_question": question}
    assert (message["text"] and message["buttons"]) or question == "topic"


def test_a_young_person_is_asked_about_themself(dispatcher) -> None:
    (ask_safe,) = [a for a in ASK_ACTIONS if a().name() == "action_ask_triage_safe_now"]
    ask_safe().run(dispatcher, make_tracker("", "affirm", slots={"triage_asker": "jongere"}), {})
    (message,) = sent(dispatcher)
    assert message["text"] == "Voel jij je thuis op dit moment veilig?"


def test_free_text_answer_is_understood(dispatcher) -> None:
    tracker = make_tracker("al een half jaar", "triage_answer", slots={"requested_slot": "triage_duration"})
    result = ValidateTriageForm()._single("duration", "al een half jaar", dispatcher, tracker)
    assert result == {"triage_duration": "lang"}


def test_button_answer_wins(dispatcher) -> None:
    tracker = make_tracker('/triage_answer{"answer": "veel"}', "triage_answer",
                           entities=[{"entity": "answer", "value": "veel"}])  # fmt: skip
    assert ValidateTriageForm()._single("impact", "whatever", dispatcher, tracker) == {"triage_impact": "veel"}


def test_unclear_answer_is_asked_again_kindly(dispatcher) -> None:
    tracker = make_tracker("pizza", "out_of_scope")
    assert ValidateTriageForm()._single("capacity", "pizza", dispatcher, tracker) == {"triage_capacity": None}
    (message,) = sent(dispatcher)
    assert "begreep ik niet" in message["text"]


def test_an_answer_to_a_later_question_is_noted_and_this_one_asked_again(dispatcher) -> None:
    """ "al een half jaar" when asked what else plays a part: the duration is noted, not "begreep ik niet"."""
    tracker = make_tracker("al een half jaar", "triage_answer", slots={"triage_domains": []})
    result = ValidateTriageForm()._multi("domains", "al een half jaar", dispatcher, tracker)
    assert result == {"triage_domains_done": None, "triage_duration": "lang"}
    (message,) = sent(dispatcher)
    assert message["meta"] == {"noted_ahead": "duration"}
    assert message["text"].startswith('Dank je, dat schrijf ik alvast op bij "Hoe lang speelt dit al?": langer dan')


def test_an_answer_that_fits_two_later_questions_is_not_guessed(dispatcher) -> None:
    """ "mijn moeder helpt veel" could be how much it affects life or who helps: ask again instead."""
    tracker = make_tracker("mijn moeder helpt veel", "triage_answer")
    result = ValidateTriageForm()._single("duration", "mijn moeder helpt veel", dispatcher, tracker)
    assert result == {"triage_duration": None}
    assert "begreep ik niet" in sent(dispatcher)[0]["text"]


def test_a_later_question_already_answered_is_not_overwritten(dispatcher) -> None:
    tracker = make_tracker("al een half jaar", "triage_answer", slots={"triage_duration": "kort"})
    assert ValidateTriageForm()._single("capacity", "al een half jaar", dispatcher, tracker) == {
        "triage_capacity": None}  # fmt: skip


def test_multi_answer_buttons_collect_until_done(dispatcher) -> None:
    form = ValidateTriageForm()
    tap = lambda value, selected: make_tracker(  # noqa: E731
        "/triage_answer", "triage_answer", entities=[{"entity": "answer", "value": value}],
        slots={"triage_domains": selected},
    )  # fmt: skip
    assert form._multi("domains", "", dispatcher, tap("geld", [])) == {
        "triage_domains_done": None, "triage_domains": ["geld"]}  # fmt: skip
    assert form._multi("domains", "", dispatcher, tap("klaar", ["geld", "wonen"])) == {
        "triage_domains_done": True, "triage_domains": ["geld", "wonen"]}  # fmt: skip
    assert form._multi("domains", "", dispatcher, tap("niets", [])) == {
        "triage_domains_done": True, "triage_domains": ["niets"]}  # fmt: skip


def test_multi_answer_typed_at_once(dispatcher) -> None:
    tracker = make_tracker("schulden en geen werk", "triage_answer", slots={"triage_risks": []})
    assert ValidateTriageForm()._multi("risks", "schulden en geen werk", dispatcher, tracker) == {
        "triage_risks_done": True, "triage_risks": ["geldzorgen", "geen_werk"]}  # fmt: skip


def test_safety_question_accepts_yes_and_no(dispatcher) -> None:
    tracker = make_tracker("nope", "deny")
    assert ValidateTriageForm()._single("safe_now", "nope", dispatcher, tracker) == {"triage_safe_now": "nee"}


def test_back_forgets_the_previous_answer(dispatcher) -> None:
    tracker = make_tracker("terug", "back", slots={
        "requested_slot": "triage_capacity", "triage_duration": "lang", "triage_impact": "veel"})  # fmt: skip
    events = ActionTriageBack().run(dispatcher, tracker, {})
    assert slots_of(events) == {"triage_impact": None, "requested_slot": None}


MAGDA = {
    "triage_asker": "ouder", "age_years": 3, "triage_age": "0-4", "triage_topic": "dwars_gedrag",
    "triage_domains": ["niets"], "triage_duration": "maanden", "triage_impact": "veel", "triage_capacity": "soms_zwaar",
    "triage_network": "ja", "triage_risks": ["geen"], "triage_safe_now": "ja", "triage_harm": "nee",
}  # fmt: skip


def test_result_b_gives_reasons_tips_and_an_offer(dispatcher) -> None:
    events = ActionTriageResult().run(dispatcher, make_tracker("nee", "triage_answer", slots=MAGDA), {})
    result, answer, offer = sent(dispatcher)
    assert result["meta"] == {"level": "B", "reasons": ["B_impact", "B_capacity"]}
    assert "Waarom ik dit zeg:" in result["text"]
    assert answer["meta"]["topic"] == "dwars_gedrag" and answer["meta"]["answer_band"] == "0-4"
    assert offer["meta"]["handoff"] == {"status": "offered"} and offer["buttons"][0]["payload"] == "/request_human"
    assert slots_of(events) == {
        "triage_level": "B", "triage_reasons": ["B_impact", "B_capacity"], "handoff_offered": True,
    }  # fmt: skip


def test_result_a_offers_no_worker_so_a_typed_yes_is_not_taken_as_one(dispatcher) -> None:
    slots = {**MAGDA, "triage_duration": "kort", "triage_impact": "weinig", "triage_capacity": "goed"}
    events = ActionTriageResult().run(dispatcher, make_tracker("nee", "triage_answer", slots=slots), {})
    assert slots_of(events)["triage_level"] == "A" and slots_of(events)["handoff_offered"] is False


def test_result_d_starts_with_crisis_lines(dispatcher) -> None:
    slots = {**MAGDA, "triage_safe_now": "nee"}
    ActionTriageResult().run(dispatcher, make_tracker("nee", "triage_answer", slots=slots), {})
    first, *rest = sent(dispatcher)
    assert first["meta"]["safety"] is True and first["meta"]["level"] == "D"
    assert "112" in first["text"] and "0800-2000" in first["text"]
    assert rest[-1]["buttons"][0]["payload"] == "/request_human"


def test_safety_net_reply_ends_the_triage_and_names_the_kinds(dispatcher) -> None:
    tracker = make_tracker("ik wil dood", "crisis", entities=[{"entity": "signal_kind", "value": "suicide"}],
                           slots={"triage_asker": "jongere"})  # fmt: skip
    tracker.active_loop = {"name": "triage_form"}
    events = ActionSafetyNet().run(dispatcher, tracker, {})
    lines, offer = sent(dispatcher)
    assert lines["meta"] == {"safety": True, "level": "D", "signal_kinds": ["suicide"]}
    assert "113" in lines["text"] and "0800-0432" in lines["text"]
    assert offer["meta"]["handoff"] == {"status": "offered"}
    assert {"event": "active_loop", "name": None} in [{k: e.get(k) for k in ("event", "name")} for e in events]
    assert slots_of(events)["triage_level"] == "D" and slots_of(events)["handoff_offered"] is True


def test_a_danger_during_the_hand_off_questions_gives_the_lines_and_the_hand_off_goes_on(dispatcher) -> None:
    """The person is already on the way to a worker: no offer to start over, the hand-off becomes urgent."""
    entities = [{"entity": "signal_kind", "value": "violence"}]
    tracker = make_tracker(
        "dat mijn man ophoudt met slaan", "crisis", entities=entities, slots={"requested_slot": "handoff_goal"}
    )
    tracker.active_loop = {"name": "handoff_form"}
    events = ActionSafetyNetInHandoff().run(dispatcher, tracker, {})
    lines, urgent = sent(dispatcher)
    assert "112" in lines["text"] and "0800-2000" in lines["text"]
    assert urgent["text"] == current_content().crisis.handoff_urgent and not urgent.get("buttons")
    assert urgent["meta"]["handoff"] == {"status": "urgent"} and urgent["meta"]["level"] == "D"
    assert not [e for e in events if e.get("event") == "active_loop"]  # the form goes on
    assert slots_of(events)["triage_level"] == "D" and "handoff_offered" not in slots_of(events)
    assert slots_of(events)["handoff_goal"] == "dat mijn man ophoudt met slaan"  # their answer, not asked again


CRISIS = current_content().crisis


def test_a_sure_signal_says_it_is_serious_and_offers_no_topic(dispatcher) -> None:
    ranking = [("crisis", 0.7), ("topic_somberheid", 0.2)]
    entities = [{"entity": "signal_kind", "value": "suicide"}]
    ActionSafetyNet().run(dispatcher, make_tracker("ik wil dood", "crisis", entities=entities, ranking=ranking), {})
    lines, offer = sent(dispatcher)
    assert lines["text"].startswith(CRISIS.intro["jongere"])  # "ik": a young person
    assert [b["payload"] for b in offer["buttons"]] == ["/request_human"]


def test_only_the_model_saw_danger_the_lines_come_first_and_the_answer_is_one_tap_away(dispatcher) -> None:
    """A heavy everyday worry may set off the classifier alone: say we are not sure, and keep the answer near."""
    ranking = [("crisis", 0.6), ("topic_voeding", 0.25), ("topic_somberheid", 0.1)]
    text = "mijn dochter van 13 eet bijna niks meer en zit alleen op haar kamer"
    ActionSafetyNet().run(dispatcher, make_tracker(text, "crisis", ranking=ranking), {})
    lines, offer = sent(dispatcher)
    assert lines["text"].startswith(CRISIS.intro_unsure["ouder"])
    assert "112" in lines["text"] and "0800-2000" in lines["text"] and "0800-0113" in lines["text"]
    assert lines["meta"] == {"safety": True, "level": "D", "signal_kinds": []}
    assert offer["meta"]["safety"] is True and offer["meta"]["level"] == "D"
    assert [(b["title"], b["payload"]) for b in offer["buttons"]] == [
        ("Ja, met spoed", "/request_human"),
        ("Info: Eten en drinken", "/topic_voeding"),
    ]
    assert offer["text"].endswith(CRISIS.unsure_topic_offer)


def test_an_age_in_words_keeps_the_years_for_the_summary(dispatcher) -> None:
    tracker = make_tracker("ze is 9", "inform_age", slots={"requested_slot": "triage_age"})
    result = ValidateTriageForm().validate_triage_age("ze is 9", dispatcher, tracker, {})
    assert result == {"triage_age": "4-12", "age_band": "4-12", "age_years": 9}


@pytest.mark.parametrize(("probability", "checked"), [(CHECK, True), (CHECK - 0.01, False)])
def test_a_typed_answer_the_classifier_is_unsure_about_gets_the_lines_before_the_next_question(
    dispatcher, probability: float, checked: bool
) -> None:
    """Inside the triage as outside it: the lines in the first reply, once, and the triage goes on."""
    tracker = make_tracker("nee, niemand eigenlijk", "triage_answer", probability=probability,
                           slots={"requested_slot": "triage_network", "triage_asker": "ouder"})  # fmt: skip
    domain = {"forms": {"triage_form": {"required_slots": ["triage_network"]}}, "slots": {}}
    events = asyncio.run(ValidateTriageForm().run(dispatcher, tracker, domain))
    assert not any(e.get("event") == "active_loop" for e in events)
    messages = sent(dispatcher)
    assert bool(messages and "check_lines" in messages[0]["meta"]) is checked
    if checked:
        assert "0800-2000" in messages[0]["text"] and "113" in messages[0]["text"]


def test_dat_was_het_after_a_list_answered_in_one_go_is_not_an_error(dispatcher) -> None:
    """ "geld en school", then "dat was het": the list was taken whole, so the next question is just asked again."""
    tracker = make_tracker("Dat was het", "triage_answer", slots={"requested_slot": "triage_duration"})
    assert ValidateTriageForm()._single("duration", "Dat was het", dispatcher, tracker) == {"triage_duration": None}
    assert sent(dispatcher) == []
