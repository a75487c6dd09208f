"""NLU benchmark: the trained model on the held-out set, next to a baseline.

The held-out set (tests/nlu/heldout/) is never used for training. The
baseline, TF-IDF word n-grams with logistic regression, is trained on the
same training data and scored on the same held-out set in this same run, so
the two figures can be compared directly.

Usage: make bench-nlu   (or: python -m bench.nlu [--model models/cjg.tar.gz])
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from collections import Counter
from pathlib import Path

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data
from rasa.utils.common import configure_logging_and_warnings
from rasa.utils.log_utils import configure_structlog
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline

ROOT = Path(__file__).resolve().parent.parent
FALLBACK = "nlu_fallback"


def examples(path: Path) -> list[tuple[str, str]]:
    data = load_data(str(path))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


async def model_predictions(model: Path, texts: list[str]) -> tuple[list[str], list[str]]:
    """The model's top intent, and what the assistant acts on (the fallback included)."""
    agent = Agent.load(str(model))
    top, acted = [], []
    for text in texts:
        parsed = await agent.parse_message(text)
        ranking = [entry["name"] for entry in parsed.get("intent_ranking", [])]
        acted.append(parsed["intent"]["name"])
        top.append(next(name for name in ranking if name != FALLBACK))
    return top, acted


def baseline_predictions(train: list[tuple[str, str]], texts: list[str]) -> list[str]:
    pipeline = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True),
        LogisticRegression(C=10.0, max_iter=2000),
    )
    pipeline.fit([t for t, _ in train], [i for _, i in train])
    return list(pipeline.predict(texts))


def scores(gold: list[str], predicted: list[str]) -> tuple[float, float]:
    labels = sorted(set(gold))
    return accuracy_score(gold, predicted), f1_score(gold, predicted, labels=labels, average="macro")


def confusion_pairs(gold: list[str], predicted: list[str], most: int = 10) -> list[tuple[str, str, int]]:
    pairs = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    return [(g, p, n) for (g, p), n in pairs.most_common(most)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "cjg.tar.gz")
    parser.add_argument("--train", type=Path, default=ROOT / "data" / "nlu")
    parser.add_argument("--heldout", type=Path, default=ROOT / "tests" / "nlu" / "heldout")
    parser.add_argument(
        "--allow-overlap", action="store_true", help="for a dev set: drop sentences also in training"
    )
    parser.add_argument("--errors", action="store_true", help="list every misclassified held-out message")
    args = parser.parse_args()
    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)

    if not args.model.is_file():
        raise SystemExit(f"No model at {args.model}; run 'make setup' first.")
    train = examples(args.train)
    heldout = examples(args.heldout)
    overlap = {t.lower() for t, _ in train} & {t.lower() for t, _ in heldout}
    if overlap and not args.allow_overlap:
        raise SystemExit(f"Held-out sentences also in training data: {sorted(overlap)[:5]}")
    heldout = [(t, i) for t, i in heldout if t.lower() not in overlap]
    texts = [t for t, _ in heldout]
    gold = [i for _, i in heldout]

    started = time.perf_counter()
    top, acted = asyncio.run(model_predictions(args.model, texts))
    model_seconds = time.perf_counter() - started
    started = time.perf_counter()
    base = baseline_predictions(train, texts)
    base_seconds = time.perf_counter() - started

    print(f"Training examples: {len(train)}   held-out examples: {len(heldout)}   intents: {len(set(gold))}")
    print(f"{'system':44} {'accuracy':>9} {'macro-F1':>9} {'seconds':>8}")
    rows = [
        ("DIET pipeline (config.yml), top intent", *scores(gold, top), model_seconds),
        ("DIET pipeline, as acted on (fallback = miss)", *scores(gold, acted), model_seconds),
        ("baseline: TF-IDF 1-2 grams + log. regression", *scores(gold, base), base_seconds),
    ]
    for name, accuracy, macro_f1, seconds in rows:
        print(f"{name:44} {accuracy:9.3f} {macro_f1:9.3f} {seconds:8.1f}")
    fallbacks = sum(1 for a in acted if a == FALLBACK)
    print(f"Held-out messages sent to the 'Bedoel je ...?' fallback: {fallbacks} of {len(acted)}")
    topic_gold = [(g, p) for g, p in zip(gold, top, strict=True) if g.startswith("topic_")]
    topic_accuracy = sum(g == p for g, p in topic_gold) / len(topic_gold)
    print(f"Topic questions only (top intent): accuracy {topic_accuracy:.3f} on {len(topic_gold)}")
    print("\nMost frequent confusions of the DIET pipeline (gold -> predicted: count):")
    for g, p, n in confusion_pairs(gold, top):
        print(f"  {g} -> {p}: {n}")
    if args.errors:
        print("\nMisclassified held-out messages (gold -> top intent):")
        for text, g, p in zip(texts, gold, top, strict=True):
            if g != p:
                print(f"  [{g} -> {p}] {text}")
    print("\nMost frequent confusions of the baseline:")
    for g, p, n in confusion_pairs(gold, base):
        print(f"  {g} -> {p}: {n}")


if __name__ == "__main__":
    main()
