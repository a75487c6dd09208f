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


def held_out_probabilities(held_out: str, files: list[str], base: tuple[list[str], list[bool]], c: float) -> list[float]:
    texts, labels = list(base[0]), list(base[1])
    others = crisis_model.extra_examples([ROOT / f for f in files if f != held_out])
    model = crisis_model.fit(texts + others[0], labels + others[1], c)
    return [float(p) for p in model.predict_proba([normalise(t) for t in crisis_model.extra_examples([ROOT / held_out])[0]])[:, 1]]


def main() -> None:
    started = time.perf_counter()
    config = safety_net_config()
    files = config["extra_examples"]
    data = load_data(str(ROOT / "data" / "nlu"))
    examples = [m for m in data.intent_examples if m.get("text")]
    base = ([m.get("text") for m in examples], [m.get("intent") == CRISIS_INTENT for m in examples])
    probabilities = Parallel(n_jobs=2)(delayed(held_out_probabilities)(f, files, base, config["C"]) for f in files)
    crisis = current_content().crisis

    header = f"{'held-out author file':32} {'crisis':>6} {'not':>5}   {'net missed / FA':>16}   {'classifier':>12}   {'patterns':>12}"
    print(header)
    totals = [0] * 8
    for path, probs in zip(files, probabilities):
        texts, gold = crisis_model.extra_examples([ROOT / path])
        net = [detect(t, crisis, p) is not None for t, p in zip(texts, probs)]
        model = [p >= crisis.model_threshold for p in probs]
        rules = [(s := detect(t, crisis)) is not None and s.by_rule for t in texts]
        row = [sum(gold), len(gold) - sum(gold)]
        for predicted in (net, model, rules):
            row += [sum(g and not p for g, p in zip(gold, predicted)), sum(p and not g for g, p in zip(gold, predicted))]
        totals = [a + b for a, b in zip(totals, row)]
        print(f"{Path(path).stem:32} {row[0]:6} {row[1]:5}   {row[2]:7} / {row[3]:<6}   {row[4]:4} / {row[5]:<5}   {row[6]:4} / {row[7]:<5}")
    pos, neg = totals[0], totals[1]
    print(f"{'all authors':32} {pos:6} {neg:5}   {totals[2]:7} / {totals[3]:<6}   {totals[4]:4} / {totals[5]:<5}   {totals[6]:4} / {totals[7]:<5}")
    for name, missed, alarms in (("net", 2, 3), ("classifier alone", 4, 5), ("patterns alone", 6, 7)):
        print(f"{name:17} recall {1 - totals[missed] / pos:.3f}  false positives {totals[alarms] / neg:.3f}")
    print(f"(threshold {crisis.model_threshold}, C {config['C']}; {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
