"""The NLU training data and the held-out set stay apart."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _nlu_examples(folder: Path) -> set[str]:
    examples = set()
    for path in folder.rglob("*.yml"):
        for block in yaml.safe_load(path.read_text())["nlu"]:
            if "intent" in block:
                lines = block["examples"].splitlines()
                examples |= {line[2:].strip().lower() for line in lines if line.startswith("- ")}
    return examples


def test_heldout_nlu_set_is_not_in_the_training_data() -> None:
    heldout = _nlu_examples(ROOT / "tests" / "nlu" / "heldout")
    assert len(heldout) > 250
    assert heldout.isdisjoint(_nlu_examples(ROOT / "data" / "nlu"))


def test_no_example_has_two_intents() -> None:
    owners: dict[str, set[str]] = {}
    for path in (ROOT / "data" / "nlu").rglob("*.yml"):
        for block in yaml.safe_load(path.read_text())["nlu"]:
            if "intent" in block:
                for line in block["examples"].splitlines():
                    if line.startswith("- "):
                        owners.setdefault(line[2:].strip().lower(), set()).add(block["intent"])
    assert {text: intents for text, intents in owners.items() if len(intents) > 1} == {}


def _training_texts() -> set[str]:
    """Everything a model learns from: the NLU data, and the crisis classifier's own examples."""
    texts = _nlu_examples(ROOT / "data" / "nlu")
    for path in (ROOT / "nlu_safety").glob("*.yml"):
        extra = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts |= {t.lower() for v in extra.values() for t in v}
    return texts


def test_the_crisis_classifier_learns_from_every_extra_file() -> None:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    (net,) = [c for c in config["pipeline"] if c["name"].endswith("SafetyNet")]
    assert sorted(net["extra_examples"]) == sorted(f"nlu_safety/{p.name}" for p in (ROOT / "nlu_safety").glob("*.yml"))


# the test sets, and the dev sets that were blind when they were first used
BLIND_WHEN_WRITTEN = [
    *(f"crisis_{name}" for name in ("set", "test3", "test4", "test5", "test6", "test7", "test8")),
    "crisis_dev3",
    "crisis_dev4",
    "crisis_dev_typos",
    "crisis_triage_answers",
]


@pytest.mark.parametrize("name", BLIND_WHEN_WRITTEN)
def test_crisis_evaluation_sets_are_not_in_the_training_data(name: str) -> None:
    items = yaml.safe_load((ROOT / "tests" / "safety" / f"{name}.yml").read_text())["items"]
    assert len(items) >= 150
    assert {i["text"].lower() for i in items}.isdisjoint(_training_texts())


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "safety" / "kept_out").glob("*.yml")), ids=lambda p: p.stem)
def test_example_files_kept_out_of_training_are_not_in_it(path) -> None:
    """They measure the classifier on authors it never learned from (make bench-authors)."""
    extra = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts = {t.lower() for v in extra.values() for t in v}
    assert len(texts) >= 300 and texts.isdisjoint(_training_texts())
