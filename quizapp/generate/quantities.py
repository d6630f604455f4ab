"""Numbers as a parsed sentence holds them: the value, its hedge, currency, scale and kind."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quizapp.generate import clauses as cl
from quizapp.generate.numbers import (
    APPROX,
    CURRENCIES,
    FRACTIONS,
    HEDGES,
    LOWER,
    MULTIPLIERS,
    SCALES,
    UPPER,
    parse_number,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass
class NumberMention:
    tokens: list[Token]
    value: float
    kind: str
    hedge: str = ""
    hedge_tokens: list[Token] = field(default_factory=list)
    currency: str = ""
    scale_word: str = ""
    head: Token | None = None  # the token the group hangs from

    @property
    def ids(self) -> set[int]:
        return {t.i for t in self.tokens} | {t.i for t in self.hedge_tokens}

    @property
    def text(self) -> str:
        return cl.render(self.tokens)

    @property
    def number_text(self) -> str:
        for t in self.tokens:
            if t.like_num:
                return t.text
            glued = GLUED_SCALE.match(t.text)
            if glued:
                return glued.group(1)
            money = GLUED_CURRENCY.match(t.text)
            if money:
                return money.group(2)
        return self.text


_MENTIONS = "quizapp.number_mentions"
# The second words of the two-word fractions ("a third" -> "third"): only after one of these may
# the word before make a fraction.
_FRACTION_ENDS = frozenset(k.split(" ")[1] for k in FRACTIONS if " " in k)


def number_mentions(sent: Span) -> list[NumberMention]:
    """Every number in the sentence with its hedge, currency, scale and kind (not those in quotes).
    Worked out once per sentence (a sentence with "$3bn" is asked about it several times); each
    caller gets its own list."""
    known = sent.doc.user_data.setdefault(_MENTIONS, {})
    key = (sent.start, sent.end)
    if key not in known:
        known[key] = _number_mentions(sent)
    return list(known[key])


def _number_mentions(sent: Span) -> list[NumberMention]:
    out: list[NumberMention] = []
    used = set(cl.quoted_tokens(sent))
    doc = sent.doc
    for t in sent:
        if t.i in used:
            continue
        low = t.lower_
        # (the word before and after are looked up only for the words that need them)
        two = f"{doc[t.i - 1].lower_} {low}" if t.i > sent.start and low in _FRACTION_ENDS else ""
        if low in ("double", "single", "triple") and t.i + 1 < sent.end and \
                doc[t.i + 1].lower_ in ("figures", "digits", "digit", "figure"):
            continue  # "increases into double figures": a size of number, not a multiple of one
        if low in MULTIPLIERS or (low.endswith("fold") and low[:-4] in ("two", "three", "four", "five",
                                                                        "six", "seven", "eight",
                                                                        "nine", "ten")):
            value = MULTIPLIERS.get(low) or float(parse_number(low[:-4]) or 0)
            m = NumberMention([t], float(value), "multiplier", head=t)
            _hedge(m, sent)
            out.append(m)
            used.add(t.i)
            continue
        if two in FRACTIONS and doc[t.i - 1].i not in used:
            m = NumberMention([doc[t.i - 1], t], FRACTIONS[two], "fraction", head=t)
            _hedge(m, sent)
            out.append(m)
            used |= {t.i, t.i - 1}
            continue
        if low == "half" and t.dep_ in ("dobj", "nsubj", "pobj", "nsubjpass", "predet"):
            m = NumberMention([t], 0.5, "fraction", head=t)
            _hedge(m, sent)
            out.append(m)
            used.add(t.i)
            continue
        money = GLUED_CURRENCY.match(t.text)  # "R1.2bn", "N27 billion", "KSh30": a currency's letters glued on
        if money and (money.group(3) or money.group(1) not in ("R", "N") or "," in money.group(2) or (
                t.i + 1 < sent.end and doc[t.i + 1].lower_ in SCALES)) and parse_number(money.group(2)) is not None:
            # (a bare "N95" or "R2" is a name: "N95 masks"; "N27 billion" and "R1,757" are sums)
            toks = [t]
            scale = money.group(3) or ""
            if not scale and t.i + 1 < sent.end and doc[t.i + 1].lower_ in SCALES:
                toks.append(doc[t.i + 1])
                scale = doc[t.i + 1].lower_
            m = NumberMention(toks, float(parse_number(money.group(2)) or 0), "money",
                              currency=GLUED_CURRENCY_LETTERS[money.group(1)], scale_word=scale, head=t)
            _hedge(m, sent)
            out.append(m)
            used |= {x.i for x in toks}
            continue
        glued = GLUED_SCALE.match(t.text)  # "2bn", "1.5m" as one token
        if glued and t.i > sent.start and doc[t.i - 1].text in CURRENCIES:
            m = NumberMention([doc[t.i - 1], t], float(glued.group(1)), "money",
                              currency=CURRENCIES[doc[t.i - 1].text], scale_word=glued.group(2), head=t)
            _hedge(m, sent)
            out.append(m)
            used |= {t.i, t.i - 1}
            continue
        if glued and t.i + 1 < sent.end and doc[t.i + 1].lower_ in _CURRENCY_AFTER:
            # "2.4bn euros", "30bn yen": the currency named after the sum
            m = NumberMention([t, doc[t.i + 1]], float(glued.group(1)), "money",
                              currency=CURRENCIES[doc[t.i + 1].lower_], scale_word=glued.group(2), head=t)
            _hedge(m, sent)
            out.append(m)
            used |= {t.i, t.i + 1}
            continue
        if not t.like_num or t.ent_type_ in ("ORDINAL", "TIME"):
            continue
        value = parse_number(t.text)
        one_scaled = low == "one" and t.i + 1 < sent.end and doc[t.i + 1].lower_ in SCALES  # "one million"
        if value is None or (low == "one" and not one_scaled) or (
                len(t.text) > 1 and t.text.startswith("0") and "." not in t.text):
            continue  # "071" is a code, not a count
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        prv = doc[t.i - 1] if t.i > 0 else None
        if nxt is not None and (nxt.tag_ == "HYPH" or nxt.text.startswith("-") or (
                not t.whitespace_ and nxt.is_alpha and nxt.lower_ not in SCALES)):
            continue  # "five-and-a-half", "two-thirds", "3G"
        if prv is not None and prv.tag_ == "HYPH" and not prv.whitespace_:
            continue
        toks = [t]
        j = t.i + 1
        scale = ""
        if (j < sent.end and doc[j].lower_ in SCALES and doc[j].lower_ != "hundred") or \
                (j < sent.end and doc[j].lower_ == "hundred" and value < 100):
            scale = doc[j].lower_
            toks.append(doc[j])
            j += 1
        kind = "count"
        currency = ""
        if t.i > sent.start and doc[t.i - 1].text in CURRENCIES:
            currency = CURRENCIES[doc[t.i - 1].text]
            toks.insert(0, doc[t.i - 1])
            kind = "money"
        elif j < sent.end and doc[j].lower_ in _CURRENCY_AFTER:
            currency = CURRENCIES[doc[j].lower_]
            toks.append(doc[j])
            kind = "money"
        if j < sent.end and doc[j].text == "%":
            toks.append(doc[j])
            kind = "percent"
        elif (j + 1 < sent.end and doc[j].lower_ == "per" and doc[j + 1].lower_ == "cent") or \
                (j < sent.end and doc[j].lower_ == "percent"):
            toks += [doc[j], doc[j + 1]] if doc[j].lower_ == "per" else [doc[j]]
            kind = "percent"
        if kind == "count" and not scale and "," not in t.text and "." not in t.text \
                and 1800 <= value <= 2100 and len(t.text) == 4:
            kind = "year"
        elif kind == "count" and j < sent.end and doc[j].lemma_.lower() in DURATION_UNITS and \
                not _is_date_part(t) and doc[j].dep_ != "compound" and value == int(value):
            kind = "duration"  # "less than six months", "over the last 10 years"
        elif kind == "count" and t.ent_type_ == "DATE":
            continue  # "3 November", "10 days"
        if kind == "count" and _is_date_part(t):
            continue
        m = NumberMention(toks, value, kind, currency=currency, scale_word=scale)
        heads = [x for x in toks if x.head.i not in {y.i for y in toks} or x.head == x]
        m.head = heads[-1] if heads else t
        _hedge(m, sent)
        used |= {x.i for x in toks}
        out.append(m)
    return out


_CURRENCY_AFTER = frozenset({"dollars", "pounds", "euros", "yen", "rupees", "naira", "rand", "shillings", "yuan"})
DURATION_UNITS = {"day", "week", "month", "year", "decade", "hour", "minute"}
GLUED_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(bn|m|k|tn)$")
# A sum with its currency's letters glued on: "R1.2bn" (rand), "N27" (naira), "KSh30", "Rs700", "₹40" (the
# letters as written, and the currency they stand for; the longer first, as the pattern tries them)
GLUED_CURRENCY_LETTERS = {"KSh": "KSh", "Sh": "Sh", "Rs": "Rs", "R": "R", "N": "₦", "₦": "₦", "₹": "₹"}
GLUED_CURRENCY = re.compile("^(" + "|".join(map(re.escape, GLUED_CURRENCY_LETTERS))
                            + r")(\d[\d,]*(?:\.\d+)?)(bn|m|k|tn)?$")


def figure_token(t: Token) -> bool:
    """Whether a token writes a figure: "12", "twelve", "2bn", "R1.2bn"."""
    return bool(t.like_num or GLUED_SCALE.match(t.text) or GLUED_CURRENCY.match(t.text))


MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"})
_MONTH_WORDS = MONTHS | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _is_date_part(t: Token) -> bool:
    near = [t.doc[i] for i in (t.i - 1, t.i + 1) if 0 <= i < len(t.doc)]
    return any(n.lower_ in _MONTH_WORDS for n in near) or t.head.lower_ in _MONTH_WORDS


def _hedge(m: NumberMention, sent: Span) -> None:
    doc = sent.doc
    first = min(x.i for x in m.tokens)
    if first > sent.start and doc[first - 1].lower_ in ("a", "an") and m.kind in ("multiplier",):
        first -= 1
    for width in (3, 2, 1):
        start = first - width
        if start < sent.start:
            continue
        words = [doc[i] for i in range(start, first)]
        phrase = " ".join(w.lower_ for w in words)
        if phrase in HEDGES:
            m.hedge = phrase
            m.hedge_tokens = words
            return


def hedge_meaning(hedge: str) -> str:
    if hedge in APPROX:
        return "approx"
    if hedge in LOWER:
        return "lower"
    if hedge in UPPER:
        return "upper"
    return ""


def how_many(hedge: str, what: str = "how many") -> str:
    """'at least' + 'how many' -> 'at least how many'; 'almost' -> 'about how many'."""
    if not hedge:
        return what
    if hedge_meaning(hedge) == "approx":
        return f"about {what}"
    return f"{hedge} {what}"


def noun_of(m: NumberMention) -> str:
    """What a number counts ("soldier"), or its currency: £402.4m takes no distractor from 600m euros."""
    if m.kind == "money":
        return m.currency
    head = m.head
    if head is not None and head.dep_ == "nummod":
        return head.head.lemma_.lower()
    return ""
