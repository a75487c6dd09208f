"""Remove personal details from a person's own words before a worker sees them.

The protocol passes on the person's words only with consent, and even then
"personal data removed": phone numbers, e-mail addresses, postcodes, house
numbers with a street, long numbers (BSN, bank accounts) and names the person
gives as a name ("ik heet Sanne").
"""

from __future__ import annotations

import re

REMOVED = "[verwijderd]"

_PATTERNS = (
    re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"),  # e-mail
    re.compile(r"(https?://|www\.)\S+"),  # links
    re.compile(r"\bNL\d{2}\s?[A-Z]{4}(\s?\d){10}\b", re.IGNORECASE),  # IBAN
    re.compile(r"(\+31|0031|\b0)[\s-]?\d([\s-]?\d){8}\b"),  # Dutch phone numbers
    re.compile(r"\b\d{4}\s?[A-Z]{2}\b"),  # postcode
    re.compile(r"\b[A-Z][a-z]+(straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad)\s+\d+\w?\b"),  # address
    re.compile(r"\b\d{8,}\b"),  # BSN and other long numbers
)
_NAME_GIVEN = re.compile(
    r"\b(ik heet|mijn naam is|m'n naam is|mn naam is|hij heet|zij heet|ze heet|mijn (zoon|dochter|kind) heet)"
    r"\s+([A-Z]?[a-z]+)",
    re.IGNORECASE,
)


def scrub(text: str) -> str:
    """The text with personal details replaced by [verwijderd]."""
    for pattern in _PATTERNS:
        text = pattern.sub(REMOVED, text)
    return _NAME_GIVEN.sub(lambda m: f"{m.group(1)} {REMOVED}", text)
