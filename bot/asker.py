"""Tell whether a message is about the writer's child or about the writer.

A 15-year-old who types "ik word gepest" must get an answer addressed to
them, not advice about "je kind". We only switch to the young person's
answer on clear signs; the default is a parent (the website's main user).
"""

from __future__ import annotations

import re

OUDER = "ouder"
JONGERE = "jongere"

_CHILD_REFERENCE = re.compile(
    r"\b(mijn|m'n|mn|ons|onze|haar|zijn|de|het)\s+"
    r"(zoon(tje)?|dochter(tje)?|kind(je|eren)?|kids|kinders|jongste|oudste|middelste|"
    r"baby|dreumes|peuter|kleuter|puber|tiener|meisje|meid|jongen|knul|"
    r"stief(zoon|dochter|kind)|pleeg(zoon|dochter|kind)|tweeling)\b"
    r"|\b(zoon|dochter|kind)\s+van\b"
    r"|\bkinderen\b|\bons\s+kind\b"
)
_YOUTH_MARKERS = re.compile(
    r"\b(mijn|m'n|mn)\s+(ouders|moeder|vader|mama|papa|mam|pap|stiefvader|stiefmoeder|mentor|juf|meester)\b"
    r"|\bik\s+ben\s+(1[2-9]|2[0-3])\b"
    r"|\bik\s+(zit|zat)\s+in\s+(de\s+)?(brugklas|klas|groep|havo|vwo|vmbo|mbo)\b"
    r"|\bik\s+word\s+(gepest|uitgescholden|buitengesloten)\b"
    r"|\b(pesten|pest|schelden|negeren)\s+(me|mij)\b"
)
_FIRST_PERSON = re.compile(r"\b(ik|me|mij|mijzelf|mezelf)\b")
_THIRD_PERSON = re.compile(r"\b(hij|hem|haar)\b")

# Topics where a first-person message is still most likely from a parent.
_PARENT_FIRST_PERSON_TOPICS = frozenset({"ouderstress", "scheiding"})


def detect_asker(text: str, topic: str | None = None) -> str | None:
    """Return "ouder", "jongere", or None when the message does not say."""
    lowered = text.lower()
    if _YOUTH_MARKERS.search(lowered):
        return JONGERE
    if _CHILD_REFERENCE.search(lowered) or _THIRD_PERSON.search(lowered):
        return OUDER
    if _FIRST_PERSON.search(lowered) and topic not in _PARENT_FIRST_PERSON_TOPICS:
        return JONGERE
    return None
