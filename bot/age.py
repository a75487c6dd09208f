"""Recognise a child's (or young person's) age in everyday Dutch.

Parents rarely type "leeftijd: 3". They write "mijn dochter van 3", "drie
jaar", "8 maanden", "peuter" or "groep 6". This module turns those phrases
into whole years and an age band, without any Rasa import, so the actions and
the triage can share it and it can be tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BANDS = ("0-4", "4-12", "12-18", "18-23")

_NUMBER_WORDS = {
    "nul": 0,
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
    "eenentwintig": 21,
    "tweeëntwintig": 22,
    "tweeentwintig": 22,
    "drieëntwintig": 23,
    "drieentwintig": 23,
}
NUMBER_PATTERN = r"(\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"

# Words that name a stage of life rather than a number: (pattern, years, band).
_STAGE_WORDS: tuple[tuple[str, int | None, str], ...] = (
    (r"pasgeboren|newborn|baby'?s?|babie|zuigeling", 0, "0-4"),
    (r"dreumes", 1, "0-4"),
    (r"peuter(tje)?s?", 3, "0-4"),
    (r"kleuter(tje)?s?", 5, "4-12"),
    (r"basisschool|basisschooler", None, "4-12"),
    (r"brugklas(ser)?|brugpieper|middelbare school|voortgezet onderwijs", 12, "12-18"),
    (r"puber(tje)?s?|tiener(s)?|adolescent(en)?", None, "12-18"),
)


@dataclass(frozen=True)
class Age:
    """An age as far as it is known: whole years when a number was given."""

    years: int | None
    band: str
    phrase: str

    def describe(self) -> str:
        """A short Dutch phrase for telling the person what was understood."""
        if self.years is None:
            return {
                "0-4": "een jong kind (0 tot 4 jaar)",
                "4-12": "een kind van de basisschoolleeftijd",
                "12-18": "een tiener",
                "18-23": "een jongvolwassene",
            }[self.band]
        if self.years == 0:
            return "een baby"
        return f"{self.years} jaar"


def band_for_years(years: int) -> str:
    """The protocol's band for whole years: 0-3 → 0-4, 4-11 → 4-12, ..."""
    if years < 4:
        return "0-4"
    if years < 12:
        return "4-12"
    if years < 18:
        return "12-18"
    return "18-23"


def number_value(token: str) -> int:
    """ "drie" or "3" → 3."""
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


def _age(years: int, phrase: str) -> Age | None:
    if 0 <= years <= 23:
        return Age(years=years, band=band_for_years(years), phrase=phrase)
    return None


_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "8 maanden", "18 mnd", "acht maanden oud"
    (re.compile(rf"\b{NUMBER_PATTERN}\s*(maanden|maand|mnd|mndn)\b"), "months"),
    # "anderhalf jaar", "anderhalf"
    (re.compile(r"\banderhalf\b"), "one_and_half"),
    # "3 jaar", "drie jaar", "14 jr", "3-jarige", "driejarige", "16jarige"
    (re.compile(rf"\b{NUMBER_PATTERN}\s*(-\s*)?(jaar|jr|jarige|jarig)\b"), "years"),
    (re.compile(rf"\b{NUMBER_PATTERN}(jarige|jarig)\b"), "years"),
    # "groep 6" (group 1 is age 4)
    (re.compile(r"\bgroep\s*([1-8])\b"), "school_group"),
    # "klas 2" / "2e klas" of secondary school
    (re.compile(r"\b(klas\s*[1-6]|[1-6]e\s+klas|[1-6]de\s+klas)\b"), "secondary"),
    # "van 3", "is 7", "ben 15", "wordt 7", "net 7", "bijna 2", "ze zijn 9 en 6" followed by no unit
    (
        re.compile(
            rf"\b(van|is|ben|wordt|word|werd|net|bijna|al|pas|nu|zit op|(?<=\bze )zijn|(?<=\bkinderen )zijn)"
            rf"\s+{NUMBER_PATTERN}\b"
            r"(?!\s*(keer|uur|minuten|min|dagen|dag|weken|week|maanden|maand|jaar|jr|euro|kinderen|kids|cm|kg|kilo|procent|%))"
        ),
        "bare_after_verb",
    ),
)


# "een achterstand van twee jaar", "al drie jaar", "twee jaar geleden": a span of time, not an age.
_SPAN_BEFORE = re.compile(r"((achterstand|vertraging|voorsprong|periode)\s+van|\b(sinds|al|ruim))\s+$")
_SPAN_AFTER = re.compile(r"^\s*(geleden|lang|later)\b")


def _is_time_span(text: str, match: re.Match[str]) -> bool:
    return bool(_SPAN_BEFORE.search(text[: match.start()]) or _SPAN_AFTER.search(text[match.end() :]))


# "moeder van twee", "vader van 3": how many children, not an age.
_PARENT_BEFORE = re.compile(r"\b(moeder|vader|ouders?|mama|papa|oma|opa|pleegmoeder|pleegvader|pleegouders?)\s+$")


def _bare_age(text: str, pattern: re.Pattern[str]) -> Age | None:
    """The first "van 3" / "is 7" that is an age: not a parent's number of children, not out of range."""
    for match in pattern.finditer(text):
        if match.group(1) == "van" and _PARENT_BEFORE.search(text[: match.start()]):
            continue
        found = _age(number_value(match.group(2)), match.group(0))
        if found:
            return found
    return None


def parse_age(text: str, *, bare_number: bool = False) -> Age | None:
    """Find an age in a message, or None.

    `bare_number` accepts a message that is only a number ("14"), which is a
    fine answer right after the assistant asked "hoe oud?", but not in the
    middle of a question.
    """
    lowered = text.lower()
    for pattern, kind in _PATTERNS:
        if kind == "bare_after_verb":
            if found := _bare_age(lowered, pattern):
                return found
            continue
        match = pattern.search(lowered)
        if not match:
            continue
        phrase = match.group(0)
        if kind == "months":
            months = number_value(match.group(1))
            return _age(months // 12, phrase)
        if kind == "one_and_half":
            return _age(1, phrase)
        if kind == "years":
            if _is_time_span(lowered, match):
                continue
            return _age(number_value(match.group(1)), phrase)
        if kind == "school_group":
            return _age(int(match.group(1)) + 3, phrase)
        if kind == "secondary":
            return Age(years=None, band="12-18", phrase=phrase)
    for pattern_text, years, band in _STAGE_WORDS:
        match = re.search(rf"\b({pattern_text})\b", lowered)
        if match:
            return Age(years=years, band=band, phrase=match.group(0))
    if bare_number:
        match = re.fullmatch(rf"\s*{NUMBER_PATTERN}\s*[.!]?\s*", lowered)
        if match:
            return _age(number_value(match.group(1)), match.group(1))
    return None
