"""Leave one author out: the safety net on wordings its classifier has never seen.

Each file in nlu_safety/ was written by its own author. For each file, the
crisis classifier is trained as `rasa train` trains it (config.yml), but
without that file, and the safety net is scored on the file's crisis
messages and near misses. That is 2,000+ crisis messages by eleven authors
the model did not learn from: a larger check on unseen wording than one test
set, and one the patterns and settings may be tuned on (the test sets in
tests/safety/ may not). The classifier alone and the patterns alone are
scored in the same run, as baselines.

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
from bot.safety import CRISIS_INTENT, detect, normalise

ROOT = Path(__file__).resolve().parent.parent


def safety_net_config() -> dict:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    return next(c for c in config["pipeline"] if c["name"].endswith("SafetyNet"))


def held_out_probabilities(held_out: str, files: list[str], base: tuple[list, list], c: float) -> list[float]:
    """The classifier's probabilities on one author's file, trained on the NLU data and the other files."""
    others = crisis_model.extra_examples([ROOT / f for f in files if f != held_out])
    model = crisis_model.fit(base[0] + others[0], base[1] + others[1], c)
    texts = crisis_model.extra_examples([ROOT / held_out])[0]
    return [float(p) for p in model.predict_proba([normalise(t) for t in texts])[:, 1]]


def errors(gold: list[bool], predicted: list[bool]) -> list[int]:
    """Crisis messages missed, and false alarms."""
    pairs = list(zip(gold, predicted, strict=True))
    return [sum(g and not p for g, p in pairs), sum(p and not g for g, p in pairs)]


def row(name: str, counts: list[int]) -> str:
    cells = "   ".join(f"{counts[i]:5} / {counts[i + 1]:<5}" for i in (2, 4, 6))
    return f"{name:30} {counts[0]:6} {counts[1]:5}   {cells}"


def main() -> None:
    started = time.perf_counter()
    config = safety_net_config()
    files = config["extra_examples"]
    data = load_data(str(ROOT / "data" / "nlu"))
    examples = [m for m in data.intent_examples if m.get("text")]
    base = ([m.get("text") for m in examples], [m.get("intent") == CRISIS_INTENT for m in examples])
    probabilities = Parallel(n_jobs=2)(delayed(held_out_probabilities)(f, files, base, config["C"]) for f in files)
    crisis = current_content().crisis

    print(f"{'held-out author file':30} {'crisis':>6} {'not':>5}   missed / FA: net, classifier alone, patterns alone")
    totals = [0] * 8
    for path, probs in zip(files, probabilities, strict=True):
        texts, gold = crisis_model.extra_examples([ROOT / path])
        net = [detect(t, crisis, p) is not None for t, p in zip(texts, probs, strict=True)]
        model = [p >= crisis.model_threshold for p in probs]
        rules = [(s := detect(t, crisis)) is not None and s.by_rule for t in texts]
        counts = [sum(gold), len(gold) - sum(gold), *errors(gold, net), *errors(gold, model), *errors(gold, rules)]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        print(row(Path(path).stem, counts))
    print(row("all authors", totals))
    for name, missed in (("net", 2), ("classifier alone", 4), ("patterns alone", 6)):
        recall, alarms = 1 - totals[missed] / totals[0], totals[missed + 1] / totals[1]
        print(f"{name:17} recall {recall:.3f}  false positives {alarms:.3f}")
    print(f"(threshold {crisis.model_threshold}, C {config['C']}; {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
