"""NLU benchmark: the trained model on the held-out set, next to a baseline.

The held-out set (tests/nlu/heldout/) and the labelled crisis test sets
(tests/safety/crisis_set.yml, crisis_test3.yml … crisis_test5.yml) are never
used for training. The baseline, TF-IDF word n-grams with logistic
regression, is trained on the same training data and scored on the same sets
in this same run, so the figures can be compared directly.

Usage: make bench-nlu   (or: python -m bench.nlu [--model models/cjg.tar.gz])
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data
from rasa.utils.common import configure_logging_and_warnings
from rasa.utils.log_utils import configure_structlog
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline

from bot.content import current_content
from bot.safety import CRISIS_INTENT, PROBABILITY, SIGNAL_ENTITY, TOPIC_ENTITY, advice_lines, detect, lines_for, unsure

ROOT = Path(__file__).resolve().parent.parent
FALLBACK = "nlu_fallback"
# Never tuned on: `--errors` does not list their misses, so nobody fixes them one by one.
TEST_SETS = ("crisis_set", *(f"crisis_test{n}" for n in range(3, 9)))
# Parents often open with a greeting and ask in the same message ("hallo, mijn zoon van 4 wil niet slapen").
GREETINGS = ("hallo, ", "Hoi! ", "goedemiddag, ", "Goedenavond. ", "hey ", "Beste, ")


def examples(path: Path) -> list[tuple[str, str]]:
    data = load_data(str(path))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


@dataclass
class Predictions:
    """Per message: the model's top intent, what the assistant acts on (fallback and safety net included),
    the crisis classifier's probability, the danger kinds the safety net named, and those only talked about."""

    top: list[str] = field(default_factory=list)
    acted: list[str] = field(default_factory=list)
    probability: list[float] = field(default_factory=list)
    kinds: list[tuple[str, ...]] = field(default_factory=list)
    topics: list[tuple[str, ...]] = field(default_factory=list)


async def model_predictions(agent: Agent, texts: list[str]) -> Predictions:
    found = Predictions()
    for text in texts:
        parsed = await agent.parse_message(text)
        ranking = parsed.get("intent_ranking", [])
        entities = parsed.get("entities", [])
        found.acted.append(parsed["intent"]["name"])
        found.top.append(next(e["name"] for e in ranking if e["name"] != FALLBACK))
        found.probability.append(parsed.get(PROBABILITY, 0.0))
        found.kinds.append(tuple(e["value"] for e in entities if e["entity"] == SIGNAL_ENTITY))
        found.topics.append(tuple(e["value"] for e in entities if e["entity"] == TOPIC_ENTITY))
    return found


def right_lines(items: list[dict], acted: list[str], kinds: list[tuple[str, ...]]) -> tuple[int, int]:
    """Of the crisis messages the net caught: how many, and how many got every line their labelled kinds call for."""
    crisis = current_content().crisis
    caught = complete = 0
    for item, intent, named in zip(items, acted, kinds, strict=True):
        if item["crisis"] and intent == CRISIS_INTENT:
            caught += 1
            given = {line.name for line in lines_for(named, item["asker"], crisis)}
            needed = {line.name for line in lines_for(item["kinds"], item["asker"], crisis)}
            complete += needed <= given
    return caught, complete


def lines_without_alarm(found: Predictions, askers: list[str | None]) -> tuple[list[bool], list[bool]]:
    """Per message, as the actions decide: the advice reply (a danger named, not signalled),
    and the check after the usual answer (the classifier unsure, no advice reply)."""
    crisis = current_content().crisis
    advised = [
        a != CRISIS_INTENT and bool(t and advice_lines(t, who, crisis))
        for a, t, who in zip(found.acted, found.topics, askers, strict=True)
    ]
    checked = [
        a != CRISIS_INTENT and not d and unsure(p, crisis)
        for a, d, p in zip(found.acted, advised, found.probability, strict=True)
    ]
    return advised, checked


def crisis_report(agent: Agent, train: list[tuple[str, str]], path: Path, show_errors: bool) -> None:
    """Recall and false positives of the safety net on the labelled crisis set, next to a baseline."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    texts = [item["text"] for item in items]
    gold = [bool(item["crisis"]) for item in items]
    found = asyncio.run(model_predictions(agent, texts))
    acted, kinds = found.acted, found.kinds
    crisis = current_content().crisis
    systems = {
        "safety net as deployed (model + patterns)": [a == CRISIS_INTENT for a in acted],
        f"crisis classifier alone (>= {crisis.model_threshold})": [
            c >= crisis.model_threshold for c in found.probability
        ],
        "patterns alone (content/crisis.yml)": [detect(t, crisis) is not None for t in texts],
        "baseline: TF-IDF + log. regression": [p == CRISIS_INTENT for p in baseline_predictions(train, texts)],
    }
    positives = sum(gold)
    print(f"\nSafety net on {path.resolve().relative_to(ROOT)}: {positives} crisis, {len(gold) - positives} not crisis")
    print(f"{'system':44} {'recall':>9} {'false pos.':>11}")
    for name, predicted in systems.items():
        hits = sum(p and g for p, g in zip(predicted, gold, strict=True))
        false = sum(p and not g for p, g in zip(predicted, gold, strict=True))
        print(f"{name:44} {hits / positives:9.3f} {false / (len(gold) - positives):11.3f}")
    caught, complete = right_lines(items, acted, kinds)
    print(f"Crisis messages caught that got every line their kinds call for: {complete} of {caught}")
    advised, checked = lines_without_alarm(found, [item["asker"] for item in items])
    missed = [g and a != CRISIS_INTENT for g, a in zip(gold, acted, strict=True)]
    print(
        "Got the advice reply (a danger named, not signalled): "
        f"{sum(a and m for a, m in zip(advised, missed, strict=True))} of {sum(missed)} missed crisis messages, "
        f"{sum(a and not g for a, g in zip(advised, gold, strict=True))} of {len(gold) - positives} not crisis"
    )
    lines = [a == CRISIS_INTENT or d or c for a, d, c in zip(acted, advised, checked, strict=True)]
    print(
        "Got the lines in the first reply (alarm, advice reply, or the check after the answer): "
        f"{sum(g and x for g, x in zip(gold, lines, strict=True))} of {positives} crisis messages; "
        f"the check: {sum(c and not g for c, g in zip(checked, gold, strict=True))} "
        f"of {len(gold) - positives} not crisis"
    )
    if show_errors:
        deployed = systems["safety net as deployed (model + patterns)"]
        for text, p, g in zip(texts, deployed, gold, strict=True):
            if p != g:
                print(f"  [{'missed' if g else 'false alarm'}] {text}")


def answers_report(agent: Agent, path: Path) -> None:
    """Typed answers to the triage questions: the alarm as an answer (answer_threshold) and as a whole message."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    probabilities = asyncio.run(model_predictions(agent, [item["text"] for item in items])).probability
    crisis = current_content().crisis
    danger = [bool(item["crisis"]) for item in items]
    dangers, ordinary = sum(danger), len(danger) - sum(danger)
    print(f"\nTyped answers to the triage questions, {path.resolve().relative_to(ROOT)}: "
          f"{dangers} dangers, {ordinary} ordinary")  # fmt: skip
    header = ("alarm on dangers", "on ordinary", "lines on dangers", "check on ordinary")
    print(f"{'read as':44} {header[0]:>17} {header[1]:>12} {header[2]:>17} {header[3]:>18}")
    for name, answer in (("an answer (as deployed)", True), ("a whole message (no triage context)", False)):
        alarm, lines = [], []
        for item, probability in zip(items, probabilities, strict=True):
            question = current_content().triage.questions[item["question"]] if answer else None
            alarm.append(detect(item["text"], crisis, probability, answering=question) is not None)
            lines.append(alarm[-1] or unsure(probability, crisis))
        caught = sum(a and d for a, d in zip(alarm, danger, strict=True))
        false = sum(a and not d for a, d in zip(alarm, danger, strict=True))
        given = sum(x and d for x, d in zip(lines, danger, strict=True))
        checked = sum(x and not a and not d for x, a, d in zip(lines, alarm, danger, strict=True))
        print(f"{name:44} {caught:>10} of {dangers:<3} {false:>5} of {ordinary:<3} {given:>10} of {dangers:<3}"
              f" {checked:>11} of {ordinary:<3}")  # fmt: skip


def greeting_report(agent: Agent, train: list[tuple[str, str]], topics: list[tuple[str, str]]) -> None:
    """The held-out topic questions again, each with a greeting in front: the question must still be answered."""
    texts = [GREETINGS[n % len(GREETINGS)] + text for n, (text, _) in enumerate(topics)]
    gold = [intent for _, intent in topics]
    found = asyncio.run(model_predictions(agent, texts))
    base = baseline_predictions(train, texts)
    print(f"Topic questions with a greeting in front ({len(texts)}): top intent {scores(gold, found.top)[0]:.3f}, "
          f"as acted on {scores(gold, found.acted)[0]:.3f}, taken for a greeting {found.acted.count('greet')}, "
          f"crisis lines {found.acted.count(CRISIS_INTENT)}; baseline {scores(gold, base)[0]:.3f}")  # fmt: skip


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
        "--crisis",
        type=Path,
        nargs="+",
        default=[
            ROOT / "tests" / "safety" / f"{name}.yml"
            for name in (*TEST_SETS, "crisis_dev", "crisis_dev2", "crisis_dev3", "crisis_dev4", "crisis_dev_typos")
        ],
        help="labelled crisis sets: the held-out test sets, then the development sets used for tuning",
    )
    parser.add_argument(
        "--answers",
        type=Path,
        default=ROOT / "tests" / "safety" / "crisis_triage_answers.yml",
        help="labelled typed answers to the triage questions",
    )
    parser.add_argument("--allow-overlap", action="store_true", help="for a dev set: drop sentences also in training")
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

    agent = Agent.load(str(args.model))
    started = time.perf_counter()
    found = asyncio.run(model_predictions(agent, texts))
    top, acted = found.top, found.acted
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
    everyday = [a for g, a in zip(gold, acted, strict=True) if g != CRISIS_INTENT]
    alarms = sum(1 for a in everyday if a == CRISIS_INTENT)
    print(f"Held-out everyday messages answered with the crisis lines: {alarms} of {len(everyday)}")
    checked = lines_without_alarm(found, [None] * len(gold))[1]
    checks = sum(c for g, c in zip(gold, checked, strict=True) if g != CRISIS_INTENT)
    print(f"Held-out everyday messages given the check after the answer: {checks} of {len(everyday)}")
    topic_gold = [(g, p) for g, p in zip(gold, top, strict=True) if g.startswith("topic_")]
    topic_accuracy = sum(g == p for g, p in topic_gold) / len(topic_gold)
    print(f"Topic questions only (top intent): accuracy {topic_accuracy:.3f} on {len(topic_gold)}")
    greeting_report(agent, train, [(t, g) for t, g in heldout if g.startswith("topic_")])
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
    for path in args.crisis:
        if path.exists():
            crisis_report(agent, train, path, args.errors and path.stem not in TEST_SETS)
    answers_report(agent, args.answers)


if __name__ == "__main__":
    main()
