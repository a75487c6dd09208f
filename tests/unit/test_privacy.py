"""Personal details never reach a worker's screen in the person's own words."""

import pytest

from bot.privacy import REMOVED, scrub


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("bel me op 06-12345678", "bel me op", "12345678"),
        ("mijn nummer is +31 6 1234 5678", "mijn nummer is", "5678"),
        ("mail naar sanne@example.nl", "mail naar", "sanne@"),
        ("we wonen in 3901 AB", "we wonen in", "3901"),
        ("ik woon op de Dorpsstraat 12", "ik woon op de", "Dorpsstraat"),
        ("ik heet Sanne", "ik heet", "Sanne"),
        ("mijn dochter heet Noor en is 4", "en is 4", "Noor"),
        ("mijn BSN is 123456782", "mijn BSN is", "123456782"),
        ("IBAN NL91ABNA0417164300", "IBAN", "ABNA"),
    ],
)
def test_personal_details_are_removed(text: str, kept: str, gone: str) -> None:
    cleaned = scrub(text)
    assert kept in cleaned and gone not in cleaned and REMOVED in cleaned


@pytest.mark.parametrize("text", ["ze is 3 jaar en slaapt slecht", "al 6 maanden", "groep 6", "om 8 uur naar bed"])
def test_ordinary_words_and_numbers_stay(text: str) -> None:
    assert scrub(text) == text
