"""Dutch phone numbers for a call-back request, checked with Google's libphonenumber."""

from __future__ import annotations

import phonenumbers


def dutch_phone(text: str) -> str | None:
    """The number in its usual Dutch written form, or None when it is not a valid Dutch number."""
    try:
        number = phonenumbers.parse(text.strip(), "NL")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 31 or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
