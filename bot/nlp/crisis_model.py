"""A binary crisis / not-crisis classifier, trained with the assistant at `rasa train`.

The intent classifier weighs `crisis` against 30 other intents, and adding
crisis examples there pulls topic questions towards it (docs/nlu-benchmark.md).
This model answers only one question, "does this message signal danger?",
from character and word n-grams, with the classes balanced. It is fitted on
the same NLU training data (crisis examples against everything else), and its
threshold lives in content/crisis.yml (`model_threshold`).

Its word n-grams see negation: the words just after "niet", "geen" or
"niemand" are marked, so "ik ben niet bang dat ik haar iets aandoe" does not
look like "ik ben bang dat ik haar iets aandoe" (docs/nlu-benchmark.md).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from bot.safety import normalise

_NEGATION = re.compile(r"\b(niet|geen|nooit|nee|zonder|niemand)\b")
_CLAUSE_BREAK = re.compile(r"[,.;:!?]|\b(maar|want|alleen|en)\b")
_NEGATION_REACH = 4  # words after a negation that it covers, within its clause


def mark_negation(text: str) -> str:
    """The text as tokens, with NEG_ before each word a negation covers."""
    tokens, reach = [], 0
    for token in re.findall(r"\w+|[^\w\s]", text):
        if _CLAUSE_BREAK.fullmatch(token):
            reach = 0
        elif _NEGATION.fullmatch(token):
            reach = _NEGATION_REACH
        elif reach:
            token, reach = f"NEG_{token}", reach - 1
        tokens.append(token)
    return " ".join(tokens)


def build(regularisation: float) -> Pipeline:
    features = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, preprocessor=mark_negation, token_pattern=r"\S+"),
    )
    return make_pipeline(features, LogisticRegression(C=regularisation, class_weight="balanced", max_iter=3000))


def fit(texts: list[str], is_crisis: list[bool], regularisation: float) -> Pipeline:
    """`regularisation` is LogisticRegression's C, set in config.yml and chosen on the crisis dev sets."""
    return build(regularisation).fit([normalise(t) for t in texts], is_crisis)


def extra_examples(paths: list[str | Path]) -> tuple[list[str], list[bool]]:
    """Examples for this model only (`crisis:` and `not_crisis:` lists), which the intent classifier never sees."""
    texts: list[str] = []
    labels: list[bool] = []
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if set(data) != {"crisis", "not_crisis"} or not all(isinstance(t, str) for v in data.values() for t in v):
            raise ValueError(f"{path}: needs exactly two lists of texts, 'crisis' and 'not_crisis'")
        texts += data["crisis"] + data["not_crisis"]
        labels += [True] * len(data["crisis"]) + [False] * len(data["not_crisis"])
    return texts, labels


def training_digest(paths: list[str | Path]) -> str:
    """Changes when the extra examples or this module change, so Rasa retrains this model (and only this one)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def probability(model: Pipeline, text: str) -> float:
    return float(model.predict_proba([normalise(text)])[0][1])
