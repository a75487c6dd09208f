"""The safety net's binary crisis classifier: trained from examples, a probability out."""

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
