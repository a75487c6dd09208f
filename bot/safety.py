"""The safety net: does a message signal danger, of which kind, and which lines help.

Two parts work together. The crisis classifier catches the many ways people
say things; the patterns in content/crisis.yml catch what the model may miss,
and name the kind. Figures of speech ("ik ga dood van schaamte") are not read
by the patterns, and a negation just before a pattern ("ze wil niet dood")
keeps it from firing. A message that is about a danger rather than in one (a
school project, the news, something long past and handled) sets off no
pattern. Both keep an unsure classifier from firing; a sure one
(`model_sure`) is not overruled. Topic words ("zelfmoord", "loverboy") come
up in questions about a danger as often as in one, so they never fire on
their own: when the classifier fires, they name the kind, and so the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel, Field, validator
from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import zipf_frequency

from bot.replies import Button
from bot.triage.protocol import SIGNAL_KINDS
from bot.triage.questions import Question
from bot.triage.understand import says_only_values

CRISIS_INTENT = "crisis"
SIGNAL_ENTITY = "signal_kind"  # the entity that carries each kind from the NLU to the actions
TOPIC_ENTITY = "danger_topic"  # a kind named by a topic word in a message that signals no danger
PROBABILITY = "crisis_probability"  # the classifier's probability, in the parse result of every typed message
ANSWERING = "triage_question"  # in a message's metadata: the triage question it answers (set by the gateway)
# The questions whose typed answers are short and read apart (measured on tests/safety/crisis_triage_answers.yml).
# Not the topic question: "Waar maak je je vooral zorgen over?" is answered like any first message.
SHORT_ANSWERS = ("domains", "duration", "impact", "capacity", "network", "risks", "safe_now", "harm")
ASKERS = ("ouder", "jongere")
# Dutch, and English for parents who write it
_NEGATION = re.compile(r"\b(niet|geen|nooit|nee|not|never|no|don'?t|doesn'?t|isn'?t)\b")
_CLAUSE_BREAK = re.compile(r"[,.;:!?]|\b(maar|want|alleen|but)\b")
_WORD = re.compile(r"[^\W\d_]+")
SPELLING_MIN = 7  # shorter words lie too close to everyday ones ("klassen" / "krassen")
SPELLING_LONG = 9  # a word this long may be two letters off, a shorter one one
SPELLING_KNOWN = 1.0  # a word written this often in Dutch (Zipf scale, wordfreq) is a word, not a typo


def _pattern(value: str) -> str:
    """A regular expression that compiles; the error names the field, so staff can find their typo."""
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"not a valid pattern {value!r}: {error}") from error
    return value


class Line(BaseModel):
    name: str
    text: str


class Kind(BaseModel):
    lines: dict[str, list[str]]
    patterns: list[str]
    topic_words: list[str] = []
    except_: list[str] = Field([], alias="except")

    _compiles = validator("patterns", "topic_words", "except_", each_item=True, allow_reuse=True)(_pattern)

    @validator("lines")
    def _every_asker(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        if set(value) != set(ASKERS):
            raise ValueError(f"lines need exactly {ASKERS}")
        return value


class AboutDanger(BaseModel):
    """Contexts that show a message talks about a danger, and words that say it is present after all."""

    contexts: list[str]
    unless: list[str]

    _compiles = validator("contexts", "unless", each_item=True, allow_reuse=True)(_pattern)


class CrisisContent(BaseModel):
    model_threshold: float = Field(ge=0.0, le=1.0)
    model_sure: float = Field(ge=0.0, le=1.0)
    answer_threshold: float = Field(ge=0.0, le=1.0)
    check_threshold: float = Field(ge=0.0, le=1.0)
    intro: dict[str, str]
    intro_unsure: dict[str, str]
    unsure_topic_offer: str
    unsure_topic_button: str
    advice_intro: dict[str, str]
    check_intro: dict[str, str]
    advice_outro: str
    advice_buttons: list[Button]
    handoff_offer: str
    handoff_buttons: list[Button]
    handoff_urgent: str
    help_title: str
    lines: dict[str, Line]
    check_lines: dict[str, list[str]]
    kinds: dict[str, Kind]
    figures_of_speech: list[str]
    about_danger: AboutDanger
    spelling: list[str] = []

    _figures_compile = validator("figures_of_speech", each_item=True, allow_reuse=True)(_pattern)

    @validator("spelling", each_item=True)
    def _a_word(cls, value: str) -> str:
        if not re.fullmatch(r"[^\W\d_]+", value) or value != value.lower() or len(value) < SPELLING_MIN:
            raise ValueError(f"{value!r}: one lower-case word of at least {SPELLING_MIN} letters")
        return value

    @validator("answer_threshold")
    def _not_below_alarm(cls, value: float, values: dict) -> float:
        if value < values.get("model_threshold", 0.0):
            raise ValueError("answer_threshold must not be below model_threshold")
        return value

    @validator("check_threshold")
    def _below_alarm(cls, value: float, values: dict) -> float:
        if value > values.get("model_threshold", 1.0):
            raise ValueError("check_threshold must not be above model_threshold")
        return value

    @validator("unsure_topic_button")
    def _names_the_topic(cls, value: str) -> str:
        if "{label}" not in value or value.replace("{label}", "").count("{"):
            raise ValueError("needs {label}, and no other {…}")
        return value

    @validator("intro", "intro_unsure", "advice_intro", "check_intro", "check_lines")
    def _every_asker(cls, value: dict) -> dict:
        if set(value) != set(ASKERS):
            raise ValueError(f"needs exactly {ASKERS}")
        return value

    @validator("check_lines")
    def _known_check_lines(cls, value: dict[str, list[str]], values: dict) -> dict[str, list[str]]:
        unknown = {name for names in value.values() for name in names} - set(values.get("lines", {}))
        if unknown:
            raise ValueError(f"unknown lines {sorted(unknown)}")
        return value

    @validator("kinds")
    def _known_kinds(cls, kinds: dict[str, Kind], values: dict) -> dict[str, Kind]:
        if set(kinds) != set(SIGNAL_KINDS):
            raise ValueError(f"kinds must be exactly {SIGNAL_KINDS}")
        lines = values.get("lines", {})
        for name, kind in kinds.items():
            for asker_lines in kind.lines.values():
                unknown = set(asker_lines) - set(lines)
                if unknown:
                    raise ValueError(f"{name}: unknown lines {sorted(unknown)}")
        return kinds

    class Config:
        keep_untouched = (cached_property,)

    @cached_property
    def compiled(self) -> dict[str, tuple[list[re.Pattern[str]], list[re.Pattern[str]]]]:
        """Per kind: the patterns, and the exceptions that silence them."""
        return {
            name: ([re.compile(p) for p in kind.patterns], [re.compile(p) for p in kind.except_])
            for name, kind in self.kinds.items()
        }

    @cached_property
    def compiled_topics(self) -> dict[str, tuple[list[re.Pattern[str]], list[re.Pattern[str]]]]:
        """Per kind: the words that name it, and the same exceptions."""
        return {
            name: ([re.compile(p) for p in kind.topic_words], [re.compile(p) for p in kind.except_])
            for name, kind in self.kinds.items()
        }

    @cached_property
    def compiled_figures(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.figures_of_speech]

    @cached_property
    def compiled_about(self) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
        return (
            [re.compile(p) for p in self.about_danger.contexts],
            [re.compile(p) for p in self.about_danger.unless],
        )


@dataclass(frozen=True)
class Signal:
    """A danger signal: its kinds (empty when only the model saw it), and who saw it."""

    kinds: tuple[str, ...]
    by_rule: bool
    by_model: bool


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def spelled(text: str, crisis: CrisisContent) -> str:
    """The text with each misspelt danger word from `spelling` written right ("zelfmoort" → "zelfmoord").

    People type in a hurry and the patterns read whole words; the classifier
    reads character n-grams and needs no help. A word Dutch writers use
    ("vermoordt", "geslapen", "verdienen") is never changed, however close.
    """

    def right(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) < SPELLING_MIN - 1:
            return word
        found = process.extractOne(word, crisis.spelling, scorer=OSA.distance, score_cutoff=2)
        if found is None or found[1] > (2 if len(found[0]) >= SPELLING_LONG else 1):
            return word
        return word if zipf_frequency(word, "nl") >= SPELLING_KNOWN else found[0]

    return _WORD.sub(right, text) if crisis.spelling else text


def _negated(text: str, start: int) -> bool:
    """A negation in the same clause, at most three words before the match."""
    before = _CLAUSE_BREAK.split(text[:start])[-1]
    return bool(_NEGATION.search(" ".join(before.split()[-3:])))


def without_figures(text: str, crisis: CrisisContent) -> str:
    """The text with its figures of speech blanked out.

    Blanking keeps a pattern from reading "ik wil dood van schaamte" as "ik
    wil dood", while "ik schaam me dood en ik wil dood" still matches.
    """
    for figure in crisis.compiled_figures:
        text = figure.sub(lambda m: " " * len(m.group()), text)
    return text


def rule_kinds(text: str, crisis: CrisisContent, *, topics: bool = False) -> list[str]:
    """The kinds whose patterns (or, with `topics`, topic words) match outside figures of speech, not negated.

    The text is read as written and with its danger words spelled right, so
    a correction only adds ("gechanteert" still holds "chanteert").
    """
    found: list[str] = []
    for reading in dict.fromkeys((text, spelled(text, crisis))):
        literal = without_figures(reading, crisis)
        for kind, (patterns, exceptions) in (crisis.compiled_topics if topics else crisis.compiled).items():
            if kind in found or any(e.search(reading) for e in exceptions):
                continue
            if any(not _negated(literal, m.start()) for p in patterns for m in p.finditer(literal)):
                found.append(kind)
    return found


def about_danger(text: str, crisis: CrisisContent) -> bool:
    """The message talks about a danger (a school project, the news, the past) and does not say it is here now."""
    contexts, unless = crisis.compiled_about
    about = any(not _negated(text, m.start()) for c in contexts for m in c.finditer(text))  # "niet voor een werkstuk"
    return about and not any(u.search(text) for u in unless)


def detect(
    text: str, crisis: CrisisContent, probability: float = 0.0, *, answering: Question | None = None
) -> Signal | None:
    """Combine the classifier's probability with the patterns; None when there is no danger signal.

    An answer to a triage question (`answering`) needs `answer_threshold`
    from the classifier alone: it learned from whole messages, and a short
    answer such as "ik sta er alleen voor" reads heavier to it than it is.
    An answer made only of the question's answer phrases ("nee, ik heb
    niemand") says what its values say, and the triage's rules score those:
    there the classifier has no say. The patterns read every message.
    """
    if answering is not None and says_only_values(text, answering):
        probability = 0.0
    clean = normalise(text)
    about = about_danger(clean, crisis)
    by_rule = [] if about else rule_kinds(clean, crisis)
    everyday = about or any(f.search(clean) for f in crisis.compiled_figures)
    threshold = crisis.answer_threshold if answering is not None else crisis.model_threshold
    by_model = probability >= threshold and (not everyday or probability >= crisis.model_sure)
    if not by_rule and not by_model:
        return None
    kinds = by_rule + [k for k in rule_kinds(clean, crisis, topics=True) if k not in by_rule] if by_model else by_rule
    return Signal(kinds=tuple(kinds), by_rule=bool(by_rule), by_model=by_model)


def topic_kinds(text: str, crisis: CrisisContent) -> list[str]:
    """The kinds a message names by their topic words ("hoe praat ik met mijn kind over zelfmoord?")."""
    return rule_kinds(normalise(text), crisis, topics=True)


def unsure(probability: float, crisis: CrisisContent) -> bool:
    """The classifier saw something, too little to raise the alarm: the answer gets the lines as a check."""
    return probability >= crisis.check_threshold


def check_lines(asker: str | None, crisis: CrisisContent) -> list[Line]:
    return [crisis.lines[name] for name in crisis.check_lines[asker if asker in ASKERS else "ouder"]]


def advice_lines(kinds: tuple[str, ...] | list[str], asker: str | None, crisis: CrisisContent) -> list[Line]:
    """The lines that also give advice when there is no danger now: the kinds' lines without 112."""
    return [line for line in lines_for(kinds, asker, crisis) if line is not crisis.lines["112"]]


def lines_for(kinds: tuple[str, ...] | list[str], asker: str | None, crisis: CrisisContent) -> list[Line]:
    """The crisis lines for what was said and who asks; 112 first, each line once.

    With no kind named (the model was sure, the words were not), every line
    that fits the asker is given.
    """
    who = asker if asker in ASKERS else "ouder"
    chosen: list[str] = []
    for kind in kinds or crisis.kinds:
        for line in crisis.kinds[kind].lines[who]:
            if line not in chosen:
                chosen.append(line)
    chosen.sort(key=lambda name: name != "112")
    return [crisis.lines[name] for name in chosen]
