"""The short triage: offer, start, ask, understand, and the result. The logic lives in bot.triage."""

from __future__ import annotations

from functools import partial
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.forms import ask_action
from actions.safety import check
from actions.topics import known_from
from bot.age import Age, parse_age
from bot.answers import TOPIC_INTENT_PREFIX
from bot.content import current_content
from bot.replies import Message, reply
from bot.triage import flow
from bot.triage.protocol import ANSWER_VALUES, MULTI_ANSWER, NONE_VALUES, QUESTION_ORDER
from bot.triage.rules import score
from bot.triage.understand import understand_multi, understand_single

ANSWER_INTENT = "triage_answer"
TRIAGE_SLOTS = [flow.slot_for(q) for q in QUESTION_ORDER] + [
    "triage_domains", "triage_risks", "triage_topic_open", "requested_slot",
]  # fmt: skip


def _asker(tracker: Tracker) -> str | None:
    return tracker.get_slot("triage_asker") or tracker.get_slot("asker")


def button_value(tracker: Tracker) -> str | None:
    """The value of a tapped answer button, or None when the person typed."""
    message = tracker.latest_message
    if (message.get("intent") or {}).get("name") != ANSWER_INTENT:
        return None
    return next((str(e["value"]) for e in message.get("entities") or [] if e.get("entity") == "answer"), None)


def intent_of(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


class ActionOfferTriage(Action):
    """A worry without a concrete question: offer to look together."""

    def name(self) -> str:
        return "action_offer_triage"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        triage = current_content().triage
        offer = reply(Message(text=triage.offer_worry, buttons=triage.offer_buttons), triage_offer=True)
        for outgoing in [offer, *check(tracker)]:
            dispatcher.utter_message(json_message=outgoing)
        return [SlotSet("triage_offered", True), SlotSet("handoff_offered", False)]


class ActionDeclineTriage(Action):
    def name(self) -> str:
        return "action_decline_triage"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(json_message=reply(current_content().message("triage_declined")))
        return [SlotSet("triage_offered", False)]


def _start_events(dispatcher: CollectingDispatcher, tracker: Tracker, opening: str) -> list[EventType]:
    """Clear earlier answers, fill in what the conversation already told, and say so."""
    content = current_content()
    known = known_from(tracker)
    age = Age(years=known.age_years, band=known.age_band, phrase="") if known.age_band else None
    slots, told = flow.prefill(content, flow.Known(asker=known.asker, age=age, topic=tracker.get_slot("topic")))
    text = f"{opening}\n\n{told}" if told else opening
    dispatcher.utter_message(json_message=reply(Message(text=text), triage_started=True))
    events: list[EventType] = [SlotSet(slot, None) for slot in TRIAGE_SLOTS]
    events += [SlotSet(slot, value) for slot, value in slots.items()]
    return [*events, SlotSet("triage_offered", False)]


class ActionStartTriage(Action):
    def name(self) -> str:
        return "action_start_triage"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        return _start_events(dispatcher, tracker, current_content().triage.start)


class ActionTriageRestart(Action):
    def name(self) -> str:
        return "action_triage_restart"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        return _start_events(dispatcher, tracker, current_content().triage.restarted)


class ActionTriageStop(Action):
    """ "stop", or a request for a person: end the triage (the person is never held in it)."""

    def name(self) -> str:
        return "action_triage_stop"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if intent_of(tracker) != "request_human":
            dispatcher.utter_message(json_message=reply(Message(text=current_content().triage.stopped)))
        return [ActiveLoop(None), SlotSet("requested_slot", None)]


class ActionTriageBack(Action):
    """ "terug": forget the previous answer so that question is asked again."""

    def name(self) -> str:
        return "action_triage_back"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        slots = [flow.slot_for(q) for q in QUESTION_ORDER]
        current = slots.index(requested) if requested in slots else len(slots)
        answered = [s for s in slots[:current] if tracker.get_slot(s) is not None]
        if not answered:
            return []
        previous = answered[-1]
        events: list[EventType] = [SlotSet(previous, None), SlotSet("requested_slot", None)]
        question = previous.removeprefix("triage_").removesuffix("_done")
        if question in MULTI_ANSWER:
            events.append(SlotSet(f"triage_{question}", None))
        return events


def _question(question_id: str, tracker: Tracker) -> dict[str, Any]:
    selected = tuple(tracker.get_slot(f"triage_{question_id}") or ()) if question_id in MULTI_ANSWER else ()
    return flow.ask(
        current_content(),
        question_id,
        _asker(tracker),
        topic=tracker.get_slot("topic"),
        open_topic=bool(tracker.get_slot("triage_topic_open")),
        selected=selected,
    )


ASK_ACTIONS = [ask_action(flow.slot_for(q), partial(_question, q)) for q in QUESTION_ORDER]


AHEAD_QUESTIONS = ("duration", "impact", "capacity", "network")  # answers that can be typed before they are asked


class ValidateTriageForm(FormValidationAction):
    """Turns a tapped button or typed words into the protocol's answer values."""

    def name(self) -> str:
        return "validate_triage_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """A typed answer the classifier is unsure about gets the lines first (once), as outside the triage."""
        for outgoing in check(tracker, _asker(tracker)):
            dispatcher.utter_message(json_message=outgoing)
        return await super().run(dispatcher, tracker, domain)

    def _unclear(self, question_id: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict:
        """Not an answer to this question: perhaps one to a later question (noted), else asked again kindly."""
        typed = "" if button_value(tracker) else str(value or "")
        ahead = self._answered_ahead(question_id, typed, dispatcher, tracker) if typed else {}
        if not ahead and not self._closing_a_list(typed):
            dispatcher.utter_message(json_message=reply(Message(text=current_content().triage.not_understood)))
        return ahead

    @staticmethod
    def _closing_a_list(text: str) -> bool:
        """ "dat was het" typed after a list question answered in one go: not an error, the question is asked again."""
        said = " ".join(text.lower().split()).strip(".! ")
        questions = current_content().triage.questions
        return any(said == (questions[q].done_button or "").lower() for q in MULTI_ANSWER)

    def _answered_ahead(self, current: str, text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict:
        """An answer to one later, still open question typed in place of this one; noted, and said so.

        Only the questions whose words are unambiguous (how long, how much, coping, help nearby), and only
        when exactly one of them understands the text: "mijn moeder helpt veel" could be two answers.
        """
        triage = current_content().triage
        found = {}
        for question_id in QUESTION_ORDER[QUESTION_ORDER.index(current) + 1 :]:
            if question_id in AHEAD_QUESTIONS and tracker.get_slot(flow.slot_for(question_id)) is None:
                question = triage.questions[question_id]
                answer = understand_single(question_id, text, question)
                if answer is not None:
                    found[question_id] = answer
        if len(found) != 1:
            return {}
        ((question_id, answer),) = found.items()
        question = triage.questions[question_id]
        button = next(a.button for a in question.answers if a.value == answer)
        asked = question.text["jongere" if _asker(tracker) == "jongere" else "ouder"]
        noted = triage.noted_ahead.format(question=asked, answer=button.lower())
        dispatcher.utter_message(json_message=reply(Message(text=noted), noted_ahead=question_id))
        return {flow.slot_for(question_id): answer}

    def _single(self, question_id: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict:
        question = current_content().triage.questions[question_id]
        allowed = ANSWER_VALUES.get(question_id) or [o.value for o in question.answers]
        if value in allowed and not button_value(tracker):
            return {flow.slot_for(question_id): value}  # filled before the form began, or typed exactly
        answer = button_value(tracker) or understand_single(question_id, str(value or ""), question)
        if question_id in ("safe_now", "harm") and answer is None:
            answer = {"affirm": "ja", "deny": "nee"}.get(intent_of(tracker))
        if answer not in allowed:
            return {flow.slot_for(question_id): None, **self._unclear(question_id, value, dispatcher, tracker)}
        return {flow.slot_for(question_id): answer}

    def _multi(self, question_id: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict:
        question = current_content().triage.questions[question_id]
        selected = list(tracker.get_slot(f"triage_{question_id}") or [])
        tapped = button_value(tracker)
        done_slot = flow.slot_for(question_id)
        if tapped in (flow.DONE, flow.SKIP):
            return {done_slot: True, f"triage_{question_id}": selected}
        if tapped == NONE_VALUES[question_id]:
            return {done_slot: True, f"triage_{question_id}": [tapped]}
        if tapped in ANSWER_VALUES[question_id]:
            return {done_slot: None, f"triage_{question_id}": [*selected, tapped]}
        typed = understand_multi(question_id, str(value or ""), question)
        if not typed:
            return {done_slot: None, **self._unclear(question_id, value, dispatcher, tracker)}
        return {done_slot: True, f"triage_{question_id}": list(dict.fromkeys([*selected, *typed]))}

    def validate_triage_asker(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._single("asker", value, dispatcher, tracker)

    def validate_triage_age(self, value: Any, dispatcher, tracker, domain) -> dict:
        result = self._single("age", value, dispatcher, tracker)
        if not result["triage_age"]:
            return result
        typed = parse_age(str(value or ""), bare_number=True)  # "ze is 9": keep the years for the summary
        years = (
            {"age_years": typed.years}
            if typed and typed.years is not None and typed.band == result["triage_age"]
            else {}
        )
        return {**result, "age_band": result["triage_age"], **years}

    def validate_triage_topic(self, value: Any, dispatcher, tracker, domain) -> dict:
        content = current_content()
        intent = intent_of(tracker)
        if value in content.topics and intent != "deny":
            return {"triage_topic": value}  # filled in from the conversation before the form began
        if intent.startswith(TOPIC_INTENT_PREFIX) and intent.removeprefix(TOPIC_INTENT_PREFIX) in content.topics:
            return {"triage_topic": intent.removeprefix(TOPIC_INTENT_PREFIX), "triage_topic_open": False}
        if tracker.get_slot("triage_topic_open"):
            return {"triage_topic": "", "triage_topic_open": False}  # in their own words; not one of ours
        if intent == "affirm" and tracker.get_slot("topic") in content.topics:
            return {"triage_topic": tracker.get_slot("topic")}
        return {"triage_topic": None, "triage_topic_open": True}

    def validate_triage_domains_done(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._multi("domains", value, dispatcher, tracker)

    def validate_triage_duration(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._single("duration", value, dispatcher, tracker)

    def validate_triage_impact(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._single("impact", value, dispatcher, tracker)

    def validate_triage_capacity(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._single("capacity", value, dispatcher, tracker)

    def validate_triage_network(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._single("network", value, dispatcher, tracker)

    def validate_triage_risks_done(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._multi("risks", value, dispatcher, tracker)

    def validate_triage_safe_now(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._single("safe_now", value, dispatcher, tracker)

    def validate_triage_harm(self, value: Any, dispatcher, tracker, domain) -> dict:
        return self._single("harm", value, dispatcher, tracker)


class ActionTriageResult(Action):
    def name(self) -> str:
        return "action_triage_result"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        content = current_content()
        slots = tracker.current_slot_values()
        signal_kinds = tuple(tracker.get_slot("signal_kinds") or ())
        answers = flow.answers_from(slots, content, signal=bool(tracker.get_slot("safety_signal")))
        result = score(answers, content.triage.rules)
        topic = slots.get("triage_topic") or None
        for message in flow.result_replies(
            content, result, asker=answers.asker, topic=topic, age_band=slots.get("triage_age"),
            signal_kinds=signal_kinds,
        ):  # fmt: skip
            dispatcher.utter_message(json_message=message)
        return [
            SlotSet("triage_level", result.level),
            SlotSet("triage_reasons", result.rule_ids),
            SlotSet("handoff_offered", bool(content.triage.results[result.level].offer)),
        ]
