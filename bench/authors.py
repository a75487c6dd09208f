"""Leave one author out: the safety net on wordings its classifier has never seen.

Each file in nlu_safety/ was written by its own author. For each file, the
crisis classifier is trained as `rasa train` trains it (config.yml), but
without that file, and the safety net is scored on the file's crisis
messages and near misses. That is 2,500 crisis messages by thirteen authors
the model did not learn from: a larger check on unseen wording than one test
set, and one the patterns and settings may be tuned on (the test sets
crisis_set and crisis_test3-6 may not). The classifier alone and the patterns alone are
scored in the same run, as baselines, and so is a wider measure: the crisis
messages that get the lines in the first reply at all (the alarm, the advice
reply, or the check after an unsure message).

Example files that were measured and not kept for training
(tests/safety/kept_out/) are scored too, by the classifier trained on every
file in config.yml.

Usage: make bench-authors   (or: python -m bench.authors)
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml
from joblib import Parallel, delayed
from rasa.shared.nlu.training_data.loading import load_data

from bot.content import current_content
from bot.nlp import crisis_model
from bot.safety import CRISIS_INTENT, CrisisContent, advice_lines, detect, normalise, topic_kinds, unsure

ROOT = Path(__file__).resolve().parent.parent
# Example files by more authors, measured and not trained on: scored by the classifier as trained.
KEPT_OUT = ROOT / "tests" / "safety" / "kept_out"


def safety_net_config() -> dict:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    return next(c for c in config["pipeline"] if c["name"].endswith("SafetyNet"))


def held_out_probabilities(held_out: str, files: list[str], base: tuple[list, list], c: float) -> list[float]:
    """The classifier's probabilities on one author's file, trained on the NLU data and the other files."""
    others = crisis_model.extra_examples([ROOT / f for f in files if f != held_out])
    model = crisis_model.fit(base[0] + others[0], base[1] + others[1], c)
    texts = crisis_model.extra_examples([ROOT / held_out])[0]
    return [float(p) for p in model.predict_proba([normalise(t) for t in texts])[:, 1]]


def advised(text: str, crisis: CrisisContent) -> bool:
    """The message gets the advice reply: it names a danger whose lines also advise (a parent's lines here)."""
    kinds = topic_kinds(text, crisis)
    return bool(kinds and advice_lines(kinds, None, crisis))


def errors(gold: list[bool], predicted: list[bool]) -> list[int]:
    """Crisis messages missed, and false alarms."""
    pairs = list(zip(gold, predicted, strict=True))
    return [sum(g and not p for g, p in pairs), sum(p and not g for g, p in pairs)]


def row(name: str, counts: list[int]) -> str:
    cells = "   ".join(f"{counts[i]:5} / {counts[i + 1]:<5}" for i in (2, 4, 6, 8))
    return f"{name:30} {counts[0]:6} {counts[1]:5}   {cells}"


def counts(path: str, probabilities: list[float], crisis: CrisisContent) -> list[int]:
    """Crisis and other messages, then missed / false alarms for each system, and for the lines in the first reply."""
    texts, gold = crisis_model.extra_examples([ROOT / path])
    net = [detect(t, crisis, p) is not None for t, p in zip(texts, probabilities, strict=True)]
    model = [p >= crisis.model_threshold for p in probabilities]
    rules = [(s := detect(t, crisis)) is not None and s.by_rule for t in texts]
    lines = [a or advised(t, crisis) or unsure(p, crisis) for t, a, p in zip(texts, net, probabilities, strict=True)]
    systems = (net, model, rules, lines)
    return [sum(gold), len(gold) - sum(gold), *(n for system in systems for n in errors(gold, system))]


def report(title: str, files: list[str], probabilities: list[list[float]], crisis: CrisisContent) -> None:
    print(
        f"{title:30} {'crisis':>6} {'not':>5}   missed / FA: net, classifier alone, patterns alone,"
        " lines in the first reply (alarm, advice reply or check)"
    )
    totals = [0] * 10
    for path, probs in zip(files, probabilities, strict=True):
        found = counts(path, probs, crisis)
        totals = [a + b for a, b in zip(totals, found, strict=True)]
        print(row(Path(path).stem, found))
    print(row("all", totals))
    for name, missed in (("net", 2), ("classifier alone", 4), ("patterns alone", 6)):
        recall, alarms = 1 - totals[missed] / totals[0], totals[missed + 1] / totals[1]
        print(f"{name:17} recall {recall:.3f}  false positives {alarms:.3f}")
    given = totals[9] - totals[3]  # not-crisis messages with the lines but no alarm
    print(f"lines in the first reply: {1 - totals[8] / totals[0]:.3f} of crisis messages; without alarm to "
          f"{given / totals[1]:.3f} of the rest (check from {crisis.check_threshold})\n")  # fmt: skip


def main() -> None:
    started = time.perf_counter()
    config = safety_net_config()
    files = config["extra_examples"]
    kept_out = sorted(str(p.relative_to(ROOT)) for p in KEPT_OUT.glob("*.yml"))
    data = load_data(str(ROOT / "data" / "nlu"))
    examples = [m for m in data.intent_examples if m.get("text")]
    base = ([m.get("text") for m in examples], [m.get("intent") == CRISIS_INTENT for m in examples])
    # A file kept out of training is scored by the classifier trained on every file in config.yml.
    probabilities = Parallel(n_jobs=2)(
        delayed(held_out_probabilities)(f, files, base, config["C"]) for f in files + kept_out
    )
    crisis = current_content().crisis
    report("held-out author file", files, probabilities[: len(files)], crisis)
    if kept_out:
        report("file kept out of training", kept_out, probabilities[len(files) :], crisis)
    print(f"(threshold {crisis.model_threshold}, C {config['C']}; {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
