"""Is the message about the writer's child, or about the writer?"""

import pytest

from bot.asker import JONGERE, OUDER, detect_asker


@pytest.mark.parametrize(
    ("text", "topic", "expected"),
    [
        ("mijn dochter van 3 krijgt elke dag driftbuien", "dwars_gedrag", OUDER),
        ("ik word gepest op school", "pesten", JONGERE),
        ("ze pesten me in de klas", "pesten", JONGERE),
        ("ik ben 15 en voel me de hele tijd somber", "somberheid", JONGERE),
        ("mijn ouders gaan scheiden", "scheiding", JONGERE),
        ("ik kan me niet concentreren", "druk_adhd", JONGERE),
        ("ik maak me zorgen om hem", "somberheid", OUDER),
        ("ik ben zo moe, ik trek het niet meer", "ouderstress", None),
        ("we gaan scheiden, hoe vertel ik het", "scheiding", None),
        ("hoeveel schermtijd is normaal", "media", None),
        ("ons kind plast nog in bed", "zindelijkheid", OUDER),
    ],
)
def test_detect_asker(text: str, topic: str, expected: str | None) -> None:
    assert detect_asker(text, topic) == expected
