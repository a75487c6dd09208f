"""Understand a triage answer typed in the person's own words.

Buttons give exact values; people also type "al een half jaar", "het gaat
echt niet meer" or "mijn moeder helpt veel". The phrases that map to each
value are CJG data (content/triage.yml); this module matches them, preferring
the longest phrase so that "niet veel" beats "veel", and reads durations
with a number ("3 weken", "twee maanden").
"""

from __future__ import annotations

import re

from bot.age import NUMBER_PATTERN, number_value, parse_age
from bot.triage.protocol import NONE_VALUES
from bot.triage.questions import Question

_UNIT_MONTHS = {
    "dag": 1 / 30, "dagen": 1 / 30, "week": 0.25, "weken": 0.25, "maand": 1, "maanden": 1, "jaar": 12, "jaren": 12,
}  # fmt: skip
_DURATION = re.compile(rf"\b{NUMBER_PATTERN}\s*(dagen|dag|weken|week|maanden|maand|jaren|jaar)\b")


def _matches(text: str, phrase: str) -> re.Match[str] | None:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)


# Dutch puts "ik" after the verb when something comes first: "eerlijk gezegd red ik het niet meer".
_SUBJECT = re.compile(r"(?<!\w)ik (?=\w)")


def _best_value(text: str, question: Question) -> str | None:
    """The value of the longest phrase found, in the text as typed or with "ik" left out."""
    texts = (text, _SUBJECT.sub("", text))
    best: tuple[int, str] | None = None
    for option in question.answers:
        for phrase in option.phrases:
            if any(_matches(t, phrase) for t in texts) and (best is None or len(phrase) > best[0]):
                best = (len(phrase), option.value)
    return best[1] if best else None


def duration_from_number(text: str) -> str | None:
    """ "3 weken" → kort, "twee maanden" → maanden, "5 maanden" → lang."""
    match = _DURATION.search(text)
    if not match:
        return None
    months = number_value(match.group(1)) * _UNIT_MONTHS[match.group(2)]
    if months < 1:
        return "kort"
    return "maanden" if months <= 3 else "lang"


# Words that add nothing to an answer: pronouns, articles, "en", "hoor". Not "wil", "meer", "nooit" or "weg":
# "ik wil niet meer" says more than any answer value.
_FILLER = frozenset(
    {
        "ik", "je", "jij", "we", "wij", "ze", "zij", "hij", "het", "de", "een", "en", "of", "maar", "dan", "dat",
        "die", "dit", "er", "is", "ben", "zijn", "was", "heb", "hebben", "heeft", "hoor", "wel", "ja", "nee", "nou",
        "eigenlijk", "gewoon", "echt", "zo", "ook", "nog", "al", "vooral", "mijn", "mn", "m'n", "ons", "onze", "me",
        "mij", "met", "van", "voor", "in", "op", "bij", "aan",
    }
)  # fmt: skip


def says_only_values(text: str, question: Question) -> bool:
    """The answer holds nothing but the question's answer phrases, numbers and filler words ("nee, ik heb niemand").

    Such an answer says what its values say, and the triage's rules score those; the safety net does not let
    the classifier alone read a danger into it (`bot.nlp.safety_net`).
    """
    lowered = " ".join(text.lower().split())
    rest = lowered
    for phrase in sorted({p for o in question.answers for p in o.phrases}, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", rest)
    if rest == lowered:
        return False  # not one answer phrase
    return all(w in _FILLER or re.fullmatch(NUMBER_PATTERN, w) for w in re.findall(r"[\w']+", rest))


def understand_single(question_id: str, text: str, question: Question) -> str | None:
    """The one value a free-text answer gives, or None when it is not clear."""
    lowered = " ".join(text.lower().split())
    if question_id == "duration":
        by_number = duration_from_number(lowered)
        if by_number:
            return by_number
    if question_id == "age":
        age = parse_age(lowered, bare_number=True)
        return age.band if age else None
    return _best_value(lowered, question)


def understand_multi(question_id: str, text: str, question: Question) -> list[str]:
    """Every value a free-text answer names ("geld en school"); the none-value only on its own."""
    lowered = " ".join(text.lower().split())
    found = [o.value for o in question.answers if any(_matches(lowered, p) for p in o.phrases)]
    none_value = NONE_VALUES[question_id]
    named = [value for value in found if value != none_value]
    if named:
        return named
    return [none_value] if none_value in found else []
