"""What else a person could have been: the jobs a role question offers beside the true one.

"Kestrel Payments chief executive Rosa Lind" is asked as "How does the article describe Rosa
Lind?", with the same organisation's other offices as the wrong answers: "the Kestrel Payments
chairman", "the Kestrel Payments finance director". A minister keeps the office and changes the
department ("Home Office Minister", "Health Minister").
"""

from __future__ import annotations

import re

# Offices of one kind, each a stand-in for the others. The longer titles come first, so "chief
# technology officer" is matched before "officer" could be.
_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("chief executive", "chairman", "finance director", "managing director", "general manager",
     "marketing director", "chief operating officer", "chief technology officer", "head of sales"),
    ("principal analyst", "chief economist", "senior analyst", "research director", "head of research"),
    ("spokesman", "chief executive", "chairman", "press officer"),
    ("spokeswoman", "chief executive", "chairwoman", "press officer"),
)
# Titles too close to tell apart: never offered against each other.
_SAME = ({"chief executive", "managing director", "general manager"}, {"chairman", "chairwoman"})
_DEPARTMENTS = ("Home Office", "Foreign Office", "Health", "Treasury", "Education", "Defence", "Transport",
                "Trade")
_MINISTER = re.compile(rf"\b({'|'.join(_DEPARTMENTS)}) (Minister|Secretary)\b")
_TITLES = sorted({t for family in _FAMILIES for t in family}, key=len, reverse=True)
_TITLE = re.compile(r"\b(" + "|".join(re.escape(t) for t in _TITLES) + r")\b", re.I)


def role_variants(phrase: str, n: int = 3) -> list[str]:
    """Up to `n` offices the person of `phrase` does not hold, written as `phrase` is: the
    organisation and the rest kept, the title changed. Empty when the title is not one we know."""
    if m := _MINISTER.search(phrase):
        others = [d for d in _DEPARTMENTS if d != m.group(1)]
        return [phrase[:m.start(1)] + d + phrase[m.end(1):] for d in others[:n]]
    m = _TITLE.search(phrase)
    if m is None:
        return []
    title = m.group(1).lower()
    family = next(f for f in _FAMILIES if title in f)
    capital = m.group(1)[:1].isupper()
    out = []
    for other in family:
        if other == title or other in phrase.lower() or any({title, other} <= same for same in _SAME):
            continue
        word = other.title() if capital else other
        out.append(phrase[:m.start(1)] + word + phrase[m.end(1):])
    return out[:n]
