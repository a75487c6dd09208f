"""What triage-protocol.md version 1 fixes: question ids, their order and answer values.

The wording and the rules live in content/triage.yml; these ids and values
are the contract that the rules, the summary and the tests share.
"""

from __future__ import annotations

QUESTION_ORDER = (
    "asker", "age", "topic", "domains", "duration", "impact",
    "capacity", "network", "risks", "safe_now", "harm",
)  # fmt: skip

ANSWER_VALUES: dict[str, tuple[str, ...]] = {
    "asker": ("ouder", "jongere", "professional"),
    "domains": (
        "gezondheid",
        "gedrag_emoties",
        "school_werk",
        "gezin_relaties",
        "vrienden",
        "wonen",
        "geld",
        "veiligheid",
        "niets",
    ),
    "duration": ("kort", "maanden", "lang"),
    "impact": ("weinig", "veel", "heel_veel"),
    "capacity": ("goed", "soms_zwaar", "lukt_niet"),
    "network": ("ja", "beetje", "nee"),
    "risks": ("geldzorgen", "geen_werk", "alleenstaand", "ziekte_ouder", "verslaving", "verlies", "geen"),
    "safe_now": ("ja", "nee", "weet_niet"),
    "harm": ("nee", "ja", "weet_niet"),
}

MULTI_ANSWER = frozenset({"domains", "risks"})
NONE_VALUES = {"domains": "niets", "risks": "geen"}
NEVER_SKIPPED = frozenset({"safe_now", "harm"})
LEVELS = ("A", "B", "C", "D")
SIGNAL_KINDS = (
    "suicide", "selfharm", "violence", "abuse", "neglect", "parent_overload", "missing", "exploitation",
)  # fmt: skip
