"""Numbers as news text writes them: values, hedges, units, and plausible wrong values."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100,
}
# A figure as digits in running text: "28", "1,450", "2.3" (not the "5" of "v2.5" or "0.5" split at its point).
WRITTEN_FIGURE = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\d,]*\.\d)")
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000,
          "mn": 1_000_000, "tn": 1_000_000_000_000}
FRACTIONS = {"half": 0.5, "a half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
             "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75,
             "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1}
FRACTION_CHOICES = ["a tenth", "a fifth", "a quarter", "a third", "half", "two thirds", "three quarters"]
MULTIPLIERS = {"twice": 2, "double": 2, "doubled": 2, "threefold": 3, "fourfold": 4, "fivefold": 5,
               "sixfold": 6, "sevenfold": 7, "eightfold": 8, "ninefold": 9, "tenfold": 10,
               "triple": 3, "tripled": 3, "quadrupled": 4}
MULTIPLIER_WORDS = {2: "twofold", 3: "threefold", 4: "fourfold", 5: "fivefold", 6: "sixfold",
                    7: "sevenfold", 8: "eightfold", 9: "ninefold", 10: "tenfold"}
CURRENCIES = {"$": "$", "£": "£", "€": "€", "¥": "¥", "dollars": "$", "pounds": "£", "euros": "€",
              "dollar": "$", "pound": "£", "euro": "€", "us$": "$", "yen": "¥",
              # the currencies of international news, before the sum ("A$48m", "Rs 700", "KSh 30") or after it
              # ("5.8 billion naira", "700 rupees")
              "US$": "$", "A$": "A$", "C$": "C$", "NZ$": "NZ$", "S$": "S$", "HK$": "HK$", "Rs": "Rs", "Rs.": "Rs",
              "₹": "₹", "₦": "₦", "KSh": "KSh", "rupees": "Rs", "naira": "₦", "rand": "R", "shillings": "Sh",
              "yuan": "yuan"}

# Hedge words and what they mean for the answer.
APPROX = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "close to",
          "an estimated", "estimated", "around about", "just under", "just over", "more or less"}
LOWER = {"at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "above"}
UPPER = {"at most", "less than", "fewer than", "under", "up to", "no more than", "below"}
HEDGES = APPROX | LOWER | UPPER

_NUM_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_number(text: str) -> float | None:
    """The value of '4,500', '1.5', 'thirteen', 'two'; None when it is not a plain number."""
    t = text.strip().lower()
    if _NUM_RE.match(t):
        return float(t.replace(",", ""))
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t])
    if "-" in t:
        parts = t.split("-")
        if len(parts) == 2 and parts[0] in WORD_NUMBERS and parts[1] in WORD_NUMBERS:
            return float(WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]])
    return None


@dataclass(frozen=True)
class NumberStyle:
    """How the article wrote a number, so distractors look alike."""

    commas: bool = False
    decimals: int = 0
    words: bool = False
    scale_word: str = ""  # "million", "bn", "m" after the number


def style_of(text: str, scale_word: str = "") -> NumberStyle:
    t = text.strip()
    decimals = len(t.split(".")[1]) if "." in t and t.replace(",", "").replace(".", "").isdigit() else 0
    return NumberStyle(commas="," in t, decimals=decimals, words=t.isalpha(), scale_word=scale_word)


_WORDS_BY_VALUE = {v: k for k, v in WORD_NUMBERS.items() if k not in ("dozen", "hundred")}


def format_number(value: float, style: NumberStyle) -> str:
    """Write `value` the way the article writes its numbers."""
    if style.words and value == int(value) and int(value) in _WORDS_BY_VALUE:
        text = _WORDS_BY_VALUE[int(value)]
    elif style.decimals:
        text = f"{value:,.{style.decimals}f}" if style.commas else f"{value:.{style.decimals}f}"
    else:
        text = f"{round(value):,}" if style.commas or value >= 1_000 else str(round(value))
    if style.scale_word:
        sep = "" if len(style.scale_word) <= 2 else " "
        text = f"{text}{sep}{style.scale_word}"
    return text


def plain(value: float) -> int | float:
    """An int when the value is whole, so banks read 13 and not 13.0."""
    return int(value) if float(value).is_integer() else round(value, 6)


def _round_like(value: float, original: float, decimals: int) -> float:
    if decimals:
        return round(value, decimals)
    if original >= 10 and original == int(original):
        zeros = len(str(int(original))) - len(str(int(original)).rstrip("0"))
        step = 10 ** min(zeros, max(0, len(str(int(value))) - 1))
        return float(math.floor(value / step + 0.5) * step)
    return float(math.floor(value + 0.5))


def wrong_values(value: float, kind: str, *, decimals: int = 0, prefer: list[float] | None = None,
                 avoid: set[float] | None = None, n: int = 3, later: bool = False,
                 latest: float | None = None, rank: int = 0, within: tuple[float, float] | None = None,
                 level: bool = False, binary: bool = False) -> list[float]:
    """Plausible wrong values for a number: article values of the same kind first, then changes.
    `later`: a year the article looks forward to ("2005 will be ...") gets later years only;
    `latest`: the article's latest year, which a year it looks back on cannot pass;
    `rank`: where the answer falls among the changed values (0 smallest .. 3 largest), so that
    a bank does not always hide it second from the bottom;
    `within`: bounds (exclusive) the sentence sets: "52% were worried, while 37% were
    confident" keeps the worried ahead, and "a majority in 11 of the 18 countries" stays below 18;
    `level`: a level such as an index's close ("the Tolley index closed at 6,418"), changed by a fifth
    or so, since halving it would be absurd; `binary`: a data size or speed that is a power of two
    ("a 256 kilobit line"), offered its halves and doubles (128, 512), as such sizes come."""
    avoid = set(avoid or ()) | {value}
    out: list[float] = []

    def take(v: float) -> None:
        if kind != "year" and value > 20 and abs(v - value) < value * 0.1:
            return  # 15,000 against 14,968: the article's "nearly 15,000" would make it true
        if v not in avoid and v not in out and v > 0 and len(out) < n:
            if kind == "percent" and v >= 100 and value < 100:
                return  # "more than 100% of the population"
            if later and v < value:
                return
            if within is not None and not within[0] < v < within[1]:
                return
            if kind == "year" and not later and latest is not None and v > max(latest, value):
                return  # "has climbed since the start of 2008" in an article of 2006
            out.append(v)

    for v in prefer or ():
        if kind == "year" and abs(v - value) > 15:
            continue
        if kind != "year" and not (value / 2 <= v <= value * 2):
            continue
        take(v)
    if binary and value >= 4 and value == int(value) and int(value) & (int(value) - 1) == 0:
        for f in ((2, 0.5, 4), (0.5, 2, 0.25), (0.25, 0.5, 2), (0.5, 0.25, 2))[rank % 4]:
            take(value * f)
        return out
    if kind == "year":
        for d in (1, 2, 3, 4) if later else (-3, 2, -1, 4, 1, -5, 6):
            take(value + d)
        return out
    if value <= 10 and value == int(value) and not decimals:
        for d in (*_STEPS[rank % 4], 2, -1, 3, 1, -2, 5, 6):
            if value > 1 and value + d == 1:
                continue  # "one helicopters"
            take(value + d)
        return out
    cents = round(value * 100) % 100
    if decimals == 2 and kind == "money" and cents in (49, 95, 99) and value > 2:
        # £39.99 against £19.99, £59.99, £79.99: a price keeps its pence (not £20.00, £59.98).
        whole = math.ceil(value)
        for f in (*_FACTORS[rank % 4], 0.75, 3.0, 1.5, 0.5):
            take(round(_round_like(whole * f, whole, 0) - (100 - cents) / 100, 2))
        return out
    factors = _LEVEL_FACTORS[rank % 4] if level else (*_FACTORS[rank % 4], 0.75, 3.0, 0.3, 1.5, 0.5, 2.0)
    for f in (*factors, 1.2, 0.85, 1.15, 1.25, 0.8, 1.35):
        take(_round_like(value * f, value, decimals))
    return out


# The answer's place among the changed values: second, smallest, third, largest. Uneven factors,
# so that no option is plainly the one the others are halves and doubles of.
_FACTORS = ((0.6, 1.4, 1.9), (1.3, 1.7, 2.4), (0.45, 0.7, 1.6), (0.35, 0.55, 0.8))
_LEVEL_FACTORS = ((0.85, 1.15, 1.25), (1.15, 1.25, 1.35), (0.8, 0.88, 1.2), (0.75, 0.85, 0.88))
_STEPS = ((2, -1, 3), (1, 2, 3), (-1, -2, 1), (-1, -2, -3))


def recall_share(value: float) -> float:
    """How far from a long exact figure (or an approximate one) an answer may be and still be right, as a
    share of it: what a reader recalls of it, its first two digits ("14,968" as 15,000; "87.3%" as 87%;
    "about 11" from 10.5 to 11.5): half a unit of the second digit (500 for 14,968), at least 1% and at most
    5% of the figure. A wider one passes numbers a reader of "87.3%" would not write: 5% of it takes in
    anything from 83 to 91.7."""
    value = abs(value)
    if not value:
        return 0.0
    half_unit = 0.5 * 10 ** (math.floor(math.log10(value)) - 1)
    return min(0.05, max(0.01, half_unit / value))
