"""Hand-offs as the action server makes them, for tests that start from a stored one."""

from typing import Any

import sqlite_utils

from bot.content import current_content
from bot.handoff import queue
from bot.handoff.intake import summary_from

MARINA = {
    "triage_asker": "ouder", "age_years": 9, "triage_age": "4-12", "triage_topic": "scheiding",
    "triage_domains": ["school_werk", "geld"], "triage_duration": "lang", "triage_impact": "heel_veel",
    "triage_capacity": "lukt_niet", "triage_network": "beetje",
    "triage_risks": ["geldzorgen", "alleenstaand", "verlies", "geen_werk"],
    "triage_safe_now": "ja", "triage_harm": "nee", "handoff_consent": "ja",
    "handoff_goal": "Dat de kinderen weer rust hebben. Bel me op 06 12345678.",
    "handoff_strengths": "We praten veel met elkaar", "handoff_route": "chat",
}  # fmt: skip

EVENTS = [
    {"event": "user", "text": "Ik ben gescheiden, heb schulden en mijn twee kinderen hebben het zwaar"},
    {"event": "bot", "text": "", "data": {"custom": {"text": "Wat vervelend. Zal ik met je meekijken?"}}},
    {"event": "user", "text": '/triage_answer{"answer": "ja"}',
     "parse_data": {"entities": [{"entity": "answer", "value": "ja"}]}},
    {"event": "slot", "name": "requested_slot", "value": "handoff_phone"},
    {"event": "user", "text": "06 12345678"},
]  # fmt: skip


def make_handoff(
    db: sqlite_utils.Database, conversation_id: str = "c1", mode: str = "chat", **slots: Any
) -> queue.Handoff:
    values = {**MARINA, "handoff_route": mode, **slots}
    return queue.create(db, conversation_id, summary_from(current_content(), values, EVENTS), mode=mode)
