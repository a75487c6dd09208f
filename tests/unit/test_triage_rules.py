"""Every triage rule, and the boundaries of the counted ones (triage-protocol.md, "Levels and rules")."""

import pytest

from bot.content import load_content
from bot.triage.rules import Answers, TriageRules, score

RULES: TriageRules = load_content().triage.rules
CALM = dict(duration="kort", impact="weinig", capacity="goed", network="ja", safe_now="ja", harm="nee")


def answers(**changes) -> Answers:
    return Answers(**{**CALM, **changes})


@pytest.mark.parametrize(
    ("changes", "level", "first_rule"),
    [
        ({}, "A", "A_default"),
        ({"safe_now": "nee"}, "D", "D_unsafe"),
        ({"harm": "ja"}, "D", "D_harm"),
        ({"signal": True}, "D", "D_signal"),
        ({"safe_now": "weet_niet"}, "C", "C_safety_unsure"),
        ({"harm": "weet_niet"}, "C", "C_safety_unsure"),
        ({"capacity": "lukt_niet"}, "C", "C_capacity"),
        ({"impact": "heel_veel", "duration": "lang"}, "C", "C_severe_long"),
        ({"impact": "heel_veel", "network": "nee"}, "C", "C_severe_alone"),
        ({"domains": ("geld", "wonen", "school_werk")}, "C", "C_domains"),
        ({"risks": ("geldzorgen", "geen_werk", "alleenstaand", "verlies")}, "C", "C_risks"),
        ({"duration": "lang"}, "B", "B_long"),
        ({"impact": "veel"}, "B", "B_impact"),
        ({"impact": "heel_veel"}, "B", "B_impact"),
        ({"capacity": "soms_zwaar"}, "B", "B_capacity"),
        ({"domains": ("geld", "wonen")}, "B", "B_domains"),
        ({"risks": ("geldzorgen", "geen_werk")}, "B", "B_risks"),
        ({"risks": ("geldzorgen", "geen_werk", "verslaving")}, "B", "B_risks"),
        ({"network": "nee"}, "B", "B_alone"),
    ],
)
def test_each_rule(changes: dict, level: str, first_rule: str) -> None:
    result = score(answers(**changes), RULES)
    assert result.level == level
    assert result.rule_ids[0] == first_rule
    assert all(reason.text for reason in result.reasons)


@pytest.mark.parametrize(
    ("domains", "topic_domains", "level"),
    [
        ((), (), "A"),
        (("geld",), (), "A"),
        (("niets",), ("gedrag_emoties",), "A"),
        (("geld",), ("gedrag_emoties",), "B"),  # the topic's own domain counts
        (("geld", "wonen"), ("gedrag_emoties",), "C"),
        (("geld", "wonen", "niets"), (), "B"),  # "niets" is not a domain
        (("gedrag_emoties",), ("gedrag_emoties",), "A"),  # distinct domains only
    ],
)
def test_domain_count_boundaries(domains: tuple, topic_domains: tuple, level: str) -> None:
    assert score(answers(domains=domains, topic_domains=topic_domains), RULES).level == level


@pytest.mark.parametrize(
    ("risks", "level"),
    [
        ((), "A"),
        (("geen",), "A"),
        (("geldzorgen",), "A"),
        (("geldzorgen", "geen"), "A"),
        (("geldzorgen", "alleenstaand"), "B"),
        (("geldzorgen", "alleenstaand", "ziekte_ouder"), "B"),
        (("geldzorgen", "alleenstaand", "ziekte_ouder", "verlies"), "C"),
        (("geldzorgen", "alleenstaand", "ziekte_ouder", "verlies", "geen_werk", "verslaving"), "C"),
    ],
)
def test_risk_count_boundaries(risks: tuple, level: str) -> None:
    assert score(answers(risks=risks), RULES).level == level


def test_first_level_wins_and_all_fired_rules_are_reasons() -> None:
    result = score(answers(safe_now="nee", capacity="lukt_niet", duration="lang"), RULES)
    assert result.level == "D"
    assert result.rule_ids == ["D_unsafe", "C_capacity", "B_long"]


def test_severe_but_short_and_supported_is_only_b() -> None:
    assert score(answers(impact="heel_veel", duration="maanden", network="beetje"), RULES).rule_ids == ["B_impact"]


def test_unanswered_questions_fire_nothing() -> None:
    assert score(Answers(), RULES).level == "A"


@pytest.mark.parametrize(
    ("rules", "complaint"),
    [
        ([{"id": "X", "level": "E", "when": {}, "text": "t"}], "level must be one of"),
        ([{"id": "X", "level": "C", "when": {"impact": "enorm"}, "text": "t"}], "impact has no answer"),
        ([{"id": "X", "level": "C", "when": {"duration_count": {"min": 2}}, "text": "t"}], "can be counted"),
        (
            [{"id": "X", "level": "C", "when": {"risks_count": {"min": "c_nope"}}, "text": "t"}],
            "unknown threshold",
        ),
        ([{"id": "X", "level": "C", "when": {"moon": "full"}, "text": "t"}], "unknown condition"),
        (
            [{"id": "X", "level": "C", "when": {"impact": "veel"}, "text": "t"}],
            "last rule must have an empty",
        ),
    ],
)
def test_invalid_rules_are_refused(rules: list, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        TriageRules(thresholds={}, rules=rules)
