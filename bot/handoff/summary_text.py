"""The cjg-handoff/1 summary in plain Dutch lines, for the worker's summary panel.

A worker should know what they need without reading the transcript: who,
how old, what about, how serious and why, safety, consent, and how to reach
the person. Answer values are shown with the triage's own button wording.
"""

from __future__ import annotations

from typing import Any

from bot.content import Content

LEVEL_NAMES = {
    "A": "A, een lichte vraag", "B": "B, er speelt meer", "C": "C, een hand-off wordt aangeraden",
    "D": "D, de veiligheid van een kind is in het geding",
}  # fmt: skip
CONTACT = {
    "chat": "chat nu, in dit venster",
    "callback": "wil teruggebeld worden",
    "message": "liet een bericht achter",
}
SIGNAL_KINDS = {
    "suicide": "gedachten aan zelfdoding", "selfharm": "zelfbeschadiging", "violence": "geweld of bedreiging",
    "abuse": "seksueel misbruik", "neglect": "verwaarlozing", "parent_overload": "ouder bang een kind iets aan te doen",
    "missing": "vermist kind", "exploitation": "uitbuiting of sextortion",
}  # fmt: skip


def _label(content: Content, question: str, value: str) -> str:
    options = content.triage.questions[question].answers
    return next((o.button for o in options if o.value == value), value.replace("_", " "))


def _labels(content: Content, question: str, values: list[str]) -> str:
    return ", ".join(_label(content, question, v) for v in values)


def summary_lines(summary: dict[str, Any], content: Content) -> list[str]:
    lines: list[str] = []
    if summary.get("notice"):
        lines.append(summary["notice"])
    lines.append(f"Niveau {LEVEL_NAMES.get(summary['level'], summary['level'])}.")
    lines += [f"Waarom: {reason['text']}" for reason in summary.get("reasons") or []]
    topics = [content.topics[t].label if t in content.topics else t for t in summary.get("topics") or []]
    if topics:
        lines.append(f"Onderwerp: {', '.join(topics)}.")
    if not summary["consent"]["given"]:
        lines.append("Geen toestemming om antwoorden door te geven: je ziet alleen het niveau en het onderwerp.")
    else:
        lines += _consented(summary, content)
    lines += _contact(summary)
    return lines


def _consented(summary: dict[str, Any], content: Content) -> list[str]:
    lines = []
    asker, age = summary.get("asker"), summary.get("age_years")
    who = {"jongere": "Een jongere, over zichzelf", "professional": "Een professional"}.get(asker or "", "Een ouder")
    if age is not None:
        who += f"; leeftijd {age} jaar" if asker == "jongere" else f"; kind van {age} jaar"
    elif summary.get("age_band"):
        who += f"; leeftijd {summary['age_band']} jaar"
    lines.append(f"{who}.")
    answers = [
        ("domains", "Speelt ook", summary.get("domains")), ("duration", "Hoe lang", summary.get("duration")),
        ("impact", "Invloed op het dagelijks leven", summary.get("impact")),
        ("capacity", "Hoe het gaat", summary.get("capacity")), ("network", "Steun van anderen", summary.get("network")),
        ("risks", "Speelt ook mee", summary.get("risks")),
    ]  # fmt: skip
    for question, caption, value in answers:
        if value:
            shown = _labels(content, question, value) if isinstance(value, list) else _label(content, question, value)
            lines.append(f"{caption}: {shown}.")
    safety = summary["safety"]
    if safety.get("safe_now"):
        lines.append(f"Voelt iedereen zich nu veilig thuis: {_label(content, 'safe_now', safety['safe_now'])}.")
    if safety.get("harm"):
        lines.append(f"Zorgen over geweld, bedreiging of verwaarlozing: {_label(content, 'harm', safety['harm'])}.")
    if safety.get("signal"):
        kinds = ", ".join(SIGNAL_KINDS.get(k, k) for k in safety.get("signal_kinds") or []) or "zie het gesprek"
        lines.append(f"Signaal van gevaar in het gesprek: {kinds}.")
    if summary.get("goal"):
        lines.append(f"Wat zou je graag anders zien? “{summary['goal']}”")
    if summary.get("strengths"):
        lines.append(f"Wat gaat er goed? “{summary['strengths']}”")
    return lines


def _contact(summary: dict[str, Any]) -> list[str]:
    contact = summary.get("contact") or {}
    if not contact.get("mode"):
        return []
    line = f"Contact: {CONTACT[contact['mode']]}"
    if contact.get("phone"):
        line += f", op {contact['phone']}"
    lines = [f"{line}."]
    if contact.get("message"):
        lines.append(f"Bericht: “{contact['message']}”")
    return lines
