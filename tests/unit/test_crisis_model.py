"""The safety net's binary crisis classifier: trained from examples, a probability out."""

import pytest

from bot.nlp import crisis_model

CRISIS = ["ik wil niet meer leven", "hij heeft me bedreigd met een mes", "ik snij mezelf elke avond",
          "mijn vader slaat me als hij dronken is", "ik denk aan zelfmoord"]  # fmt: skip
ORDINARY = ["mijn zoon van 3 wil niet slapen", "hoe leer ik mijn dochter zindelijk worden",
            "ze eet geen groente", "hij gamet de hele dag", "mijn kind wordt gepest op school"]  # fmt: skip


def test_it_learns_crisis_from_ordinary_and_gives_a_probability() -> None:
    model = crisis_model.fit(CRISIS + ORDINARY, [True] * len(CRISIS) + [False] * len(ORDINARY), regularisation=16.0)
    danger = crisis_model.probability(model, "Ik wil niet meer leven, echt niet")
    sleep = crisis_model.probability(model, "Mijn dochter van 3 wil niet slapen")
    assert 0.0 <= sleep < 0.5 < danger <= 1.0


def test_extra_examples_are_read_from_several_files_and_checked(tmp_path) -> None:
    first, second = tmp_path / "parents.yml", tmp_path / "youth.yml"
    first.write_text('crisis: ["ik wil er niet meer zijn"]\nnot_crisis: ["ik schaam me dood"]\n', encoding="utf-8")
    second.write_text('crisis: []\nnot_crisis:\n  - "ik ga dood van verveling"\n', encoding="utf-8")
    assert crisis_model.extra_examples([first, second]) == (
        ["ik wil er niet meer zijn", "ik schaam me dood", "ik ga dood van verveling"],
        [True, False, False],
    )
    before = crisis_model.training_digest([first, second])
    second.write_text('crisis:\n  - "ik wil dood"\nnot_crisis: []\n', encoding="utf-8")
    assert crisis_model.training_digest([first, second]) != before  # so Rasa retrains the classifier
    bad = tmp_path / "bad.yml"
    bad.write_text("crisis: [1, 2]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="crisis"):
        crisis_model.extra_examples([first, bad])
    assert crisis_model.extra_examples([]) == ([], [])


def test_the_training_digest_covers_the_feature_code(tmp_path, monkeypatch) -> None:
    """A change to how features are made must retrain the classifier, even with the same examples."""
    code = tmp_path / "crisis_model.py"
    code.write_text("features = 1\n", encoding="utf-8")
    monkeypatch.setattr(crisis_model, "__file__", str(code))
    before = crisis_model.training_digest([])
    code.write_text("features = 2\n", encoding="utf-8")
    assert crisis_model.training_digest([]) != before


def test_words_after_a_negation_are_marked_within_their_clause() -> None:
    assert crisis_model.mark_negation("ik ben niet bang dat ik haar iets aandoe") == (
        "ik ben niet NEG_bang NEG_dat NEG_ik NEG_haar iets aandoe"
    )
    assert crisis_model.mark_negation("ze wil niet dood, ze is somber") == "ze wil niet NEG_dood , ze is somber"
    assert crisis_model.mark_negation("niemand mist me maar ik blijf") == "niemand NEG_mist NEG_me maar ik blijf"
