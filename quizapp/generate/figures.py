"""Which figures of a sentence are facts to check, and which are names, labels or fine print.

A figure that is part of a name ("No 10", "the Commodore 64", "the Six Nations"), a clock time
("2200 GMT"), a rank in a list ("top 10"), an age, a currency conversion in brackets, or a count the
sentence itself spells out ("four companies: A, B, C and D") gives wrong options a student can
strike out without reading the article, or asks about nothing worth knowing.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

    from quizapp.generate.quantities import NumberMention

_NAMED = frozenset({"ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "PERSON", "GPE", "NORP", "LOC"})
_CLOCK = frozenset({"gmt", "bst", "cet", "et", "est", "edt", "pst", "pdt", "utc", "am", "pm", "a.m.", "p.m.", "hrs"})
_LABEL_BEFORE = frozenset({"no", "no.", "number", "top", "all", "both", "aged", "age", "route", "channel",
                           "radio", "version", "model", "series", "page", "room", "flight", "chapter"})
_SCALE_ONLY = frozenset({"hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
                         "billions", "dozen", "dozens", "score", "scores"})
_SHARE_AFTER = frozenset({"of", "the", "a", "an", "its", "their", "his", "her", "our", "all", "that", "as"})
_SHARE_BEFORE = frozenset({"by", "than", "about", "almost", "nearly", "over", "around", "roughly", "just",
                           "some", "least", "only", "more", "less", "under", "a"})
_FRACTION_NOUNS = frozenset({"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                             "tenth", "tenths"})
# "four companies, Bharti, Essar, Reliance and BSNL", "three Cups, the 2001 Wessex Cup, Tolley Cup in 2003 and
# ...": the list the count counts (an item may open on "the" and a year, or end on "in" and one).
_ITEM = r"(?:the\s+)?(?:(?:19|20)\d\d\s+)?[A-Z]"
_LIST_AFTER = re.compile(rf"(?:{_ITEM}[\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|the|and|&|in\s+(?:19|20)\d\d))*"
                         rf"(?:\s*\([^)]*\))?\s*,\s*){{2,}}(?:and\s+)?{_ITEM}")


_OPENERS = {"“", '"', "‘", "'", ":", "(", "-", "–", "—"}
ARTICLE_TEXT = "quizapp.article"  # a parsed chunk's key for the whole article's text


def not_a_fact(sent: Span, m: NumberMention) -> str | None:
    """Why a figure of `sent` is no fact to vary or ask, or None when it is one."""
    doc = sent.doc
    first, last = min(t.i for t in m.tokens), max(t.i for t in m.tokens)
    prev = doc[first - 1] if first > sent.start else None
    nxt = doc[last + 1] if last + 1 < sent.end else None
    if any(t.ent_type_ in _NAMED for t in m.tokens if t.like_num or t.is_alpha):
        return "part of a name"  # "the RBS Six Nations", "Commodore 64", "the 2012 Games"
    if prev is not None and prev.text not in _OPENERS and m.tokens[0].is_alpha and m.tokens[0].text[:1].isupper() \
            and nxt is not None and nxt.text[:1].isupper():
        return "part of a name"  # "a Six Nations title", "the Big Four banks": a capital mid-sentence
    if prev is not None and prev.text[:1].isupper() and m.kind == "count" and \
            doc.user_data.get(ARTICLE_TEXT, doc.text).count(f"{prev.text} {m.tokens[0].text}") >= 2:
        return "part of a name"  # "Tolley 80 owners ..." in a story that names the Tolley 80 again
    if prev is not None and prev.lower_ in _LABEL_BEFORE and not (prev.lower_ in ("all", "both") and m.value >= 1000):
        return "a label"  # "No 10", "top 10", "all five matches", "aged 18" (not "all 112,000 tickets sold out")
    if prev is not None and m.kind == "count" and not m.scale_word and (
            prev.pos_ == "PROPN" or (prev.lower_ in ("'s", "’s") and first >= 2 and doc[first - 2].pos_ == "PROPN")):
        return "part of a name"  # "Sharp's 902", "Number 73", "Porsche's 911"
    end = m.tokens[-1].idx + len(m.tokens[-1].text)
    if m.kind in ("multiplier", "fraction") and (
            (nxt is not None and nxt.text in ("-", "–")) or doc.text[end:end + 1] == "-"):
        return "part of a compound"  # "a double-digit increase", "a third-set rally": no "three times-digit"
    if prev is not None and prev.lower_ == "per" and m.kind == "count" and m.value >= 10 \
            and math.log10(m.value).is_integer():
        return "a unit's base"  # "9 phones per 100 people", "$40 per 1,000 litres"
    if prev is not None and prev.lower_ in ("within", "under", "below"):
        return "a bound"  # "within 50 million years": "within 70 million years" is true as well
    if m.kind != "money" and _converted(sent, last):
        return "a conversion beside it"  # "3 feet (1.8 meters)": a changed figure contradicts its brackets
    if m.kind == "fraction" and m.tokens[-1].lower_ == "half" and not (
            (nxt is not None and nxt.lower_ in _SHARE_AFTER) or (prev is not None and prev.lower_ in _SHARE_BEFORE)):
        return "not a share"  # "into the Italian half", "the first half": a part of a match, not of a whole
    if m.kind == "fraction" and m.tokens[-1].lower_ != "half" and nxt is not None and nxt.tag_ in ("NN", "NNP", "JJ"):
        return "an ordinal"  # "before a third season", "a fifth successive title": no "before a quarter season"
    word = m.tokens[-1]
    if m.kind == "multiplier" and ((word.pos_ == "NOUN" and word.dep_ in ("dobj", "pobj", "attr", "nsubj")) or (
            word.lower_ in ("double", "treble", "triple") and prev is not None
            and prev.pos_ in ("NOUN", "PROPN", "ADJ", "DET"))):
        return "a noun"  # "won a rare cup double": no "a rare cup three times"
    if m.kind == "count" and not m.scale_word and m.value >= 100 and nxt is not None and nxt.tag_ == "NN" \
            and prev is not None and prev.lower_ in ("a", "an", "the"):
        return "a label"  # "a call to a 999 operator", "the 747 jumbo": a name, not a number of things
    dialled = prev is not None and (prev.lemma_ in _DIAL or (
        prev.lower_ == "to" and first - 2 >= sent.start and doc[first - 2].lemma_ in (*_DIAL, "connect")))
    if m.kind == "count" and dialled and m.tokens[0].text.isdigit() and len(m.tokens[0].text) == 3:
        return "a phone number"  # "calling 999", "dial 911", "calls to 111", "connect to 999": no number of things
    if any(t.lower_ == "ago" for t in doc[last + 1:min(sent.end, last + 3)]):
        return "a time before the article's day"  # "opened 40 years ago": when, only the article's date says
    if nxt is not None and nxt.lower_ in _CLOCK:
        return "a clock time"
    if nxt is not None and m.kind == "count" and nxt.lower_ in _FRACTION_NOUNS:
        return "a fraction"  # "three quarters of all consoles sold" is no count of quarters
    if m.kind == "year" and nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ in ("EVENT", "ORG", ""):
        return "part of a name"  # "the 2012 Games", "the 2005 Budget"
    if m.kind in ("count", "money") and not any(
            any(ch.isdigit() for ch in t.text) or (t.like_num and t.lower_ not in _SCALE_ONLY) for t in m.tokens):
        return "no figure"  # "a few hundred pounds": "a few 200 pounds" is no sentence
    text = "".join(t.text_with_ws for t in m.tokens)
    if "year-old" in text or (nxt is not None and nxt.lower_ in ("-year", "year-old")):
        return "an age"
    if m.kind in ("count", "money", "percent") and m.tokens[0].dep_ == "appos":
        return "an age"  # "Ms Reed, 58, was appointed ..."
    if m.kind in ("money", "count") and _in_brackets_after_amount(sent, first):
        return "a conversion"  # "9bn rupees ($120m; £70m)": the same sum in dollars
    if m.kind == "count" and _bounded(sent, last):
        return "bounded by another count"
    if m.kind == "count" and nxt is not None and (
            _LIST_AFTER.match(doc[last + 1:sent.end].text.lstrip(" ,:-–—")) or (
                nxt.tag_ in ("NNS", "NNPS") and _LIST_AFTER.search(doc[last + 1:min(sent.end, last + 40)].text))):
        return "counts a list the sentence gives"  # "four companies, Bharti, Essar, Reliance and Tata"
    if m.kind == "year" and prev is not None and prev.lower_ in ("on", "than") and any(
            t.like_num and "%" in doc[t.i:t.i + 2].text for t in doc[sent.start:first]):
        return "a year compared with"  # "up 4.1% on 2001": the figure is the fact, not its baseline
    return None


_DIAL = ("call", "dial", "ring", "phone", "text")


def _converted(sent: Span, last: int) -> bool:
    """'3 feet (1.8 meters)', '60 miles (97 km)': the same quantity again, in brackets right after it."""
    doc = sent.doc
    window = doc[last + 1:min(sent.end, last + 4)]
    for t in window:
        if t.text == "(":
            return t.i + 1 < sent.end and any(ch.isdigit() for ch in doc[t.i + 1].text)
    return False


def _in_brackets_after_amount(sent: Span, first: int) -> bool:
    doc = sent.doc
    for i in range(first - 1, max(sent.start, first - 6) - 1, -1):
        if doc[i].text == ")":
            return False
        if doc[i].text == "(":
            return any(any(ch.isdigit() for ch in t.text) for t in doc[max(sent.start, i - 4):i])
    return False


def _bounded(sent: Span, last: int) -> bool:
    """'two wins from two games', 'won four times in their last six visits'."""
    doc = sent.doc
    for j in range(last + 1, min(sent.end, last + 4)):
        word = doc[j].lower_
        if word not in ("from", "in", "out"):
            continue
        rest = doc[j + 1:min(sent.end, j + 5)]
        num = next((t for t in rest if t.like_num), None)
        if num is None or num.i + 1 >= sent.end or doc[num.i + 1].tag_ != "NNS":
            return False
        return word in ("from", "out") or any(t.lower_ in ("last", "first", "past", "previous") for t in rest)
    return False
