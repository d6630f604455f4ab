"""Checkable facts in one parsed sentence: numbers, quotes, roles, names.

A `Fact` already carries its question stem; the answer's distractors are
chosen later, when the whole article has been read (see questions.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quizapp.generate import clauses as cl
from quizapp.generate.entities import PLACE_NOUNS, TITLES, Mention, clean_name
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
    style_of,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SAY_VERBS = {"say", "tell", "add", "state", "declare", "write", "warn", "insist", "explain",
             "argue", "claim", "note", "announce", "admit", "confirm", "predict", "suggest"}
ROLE_WORDS = {"president", "minister", "secretary", "chancellor", "leader", "chief", "head",
              "director", "chairman", "chairwoman", "chair", "executive", "officer", "spokesman",
              "spokeswoman", "spokesperson", "governor", "mayor", "ambassador", "commander",
              "general", "editor", "founder", "boss", "manager", "analyst", "economist", "king",
              "queen", "prince", "premier", "senator", "judge", "coach", "captain", "envoy",
              "adviser", "advisor", "professor", "presenter", "producer", "owner"}


@dataclass
class Fact:
    """One thing the article states, phrased as a question stem."""

    kind: str  # count year percent money fraction multiplier quote role entity
    prompt: str  # may hold {wh}/{Wh} for an entity whose kind is decided later
    answer: str  # the answer as text (a name, or a number as written)
    sentence: int  # index of the cited sentence in the article
    order: float  # position in the article, for keeping article order
    value: float | None = None
    hedge: str = ""
    unit: str | None = None
    noun: str = ""  # the counted noun, so "13 soldiers" finds "41 soldiers" as a distractor
    decimals: int = 0
    style_text: str = ""
    scale_word: str = ""
    names_in_sentence: set[str] = field(default_factory=set)
    score: float = 0.5
    antecedent: int | None = None  # the sentence that names the "he" or "she" the answer stands for
    options: list[str] = field(default_factory=list)  # distractors known when the fact is found


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
        return self.text


# --- numbers ---------------------------------------------------------------


def number_mentions(sent: Span) -> list[NumberMention]:
    """Every number in the sentence with its hedge, currency, scale and kind (not those in quotes)."""
    out: list[NumberMention] = []
    used: set[int] = cl.quoted_tokens(sent)
    doc = sent.doc
    for t in sent:
        if t.i in used:
            continue
        low = t.lower_
        two = f"{doc[t.i - 1].lower_} {low}" if t.i > sent.start else ""
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
        glued = GLUED_SCALE.match(t.text)  # "2bn", "1.5m" as one token
        if glued and t.i > sent.start and doc[t.i - 1].text in CURRENCIES:
            m = NumberMention([doc[t.i - 1], t], float(glued.group(1)), "money",
                              currency=CURRENCIES[doc[t.i - 1].text], scale_word=glued.group(2), head=t)
            _hedge(m, sent)
            out.append(m)
            used |= {t.i, t.i - 1}
            continue
        if not t.like_num or t.ent_type_ in ("ORDINAL", "TIME"):
            continue
        value = parse_number(t.text)
        if value is None or low == "one" or (len(t.text) > 1 and t.text.startswith("0") and "." not in t.text):
            continue  # "056" is a code, not a count
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
        elif j < sent.end and doc[j].lower_ in ("dollars", "pounds", "euros"):
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


GLUED_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(bn|m|k|tn)$")


def _is_date_part(t: Token) -> bool:
    near = [t.doc[i] for i in (t.i - 1, t.i + 1) if 0 <= i < len(t.doc)]
    months = {"january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
              "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
    return any(n.lower_ in months for n in near) or t.head.lower_ in months


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


# --- sentence-level extraction -------------------------------------------


_STOP_NOUNS = {"%", "cent", "percent", "times", "time", "per", "year", "years", "month", "months",
               "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "second",
               "seconds", "one", "ones", "point", "points", "bn", "m", "million", "billion",
               "kind", "way", "lot", "number", "part"}


def count_facts(sent: Span, m: NumberMention, base: Fact) -> Fact | None:
    """'About 4,500 French troops are stationed ...' -> 'About how many French troops are ...?'."""
    head = m.head
    if head is None or (head.dep_ != "nummod" and not (head.dep_ in ("quantmod",) and
                                                         head.head.dep_ == "nummod")):
        return None
    noun = head.head if head.dep_ == "nummod" else head.head.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ in _STOP_NOUNS or noun.tag_ == "NNP":
        return None
    if noun.tag_ not in ("NNS", "NNPS") and not m.scale_word:
        return None  # "the 3 network": a name, not a count
    relative = _relative_verb_before(m)
    listed = any(c.dep_ == "appos" for c in noun.children)  # "the two helicopters, a Tiger and a Cougar,"
    if (not listed and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some")
                           for c in noun.children)) or (
            relative is None and (any(c.dep_ == "conj" for c in noun.children)
                                  or noun.dep_ in ("attr", "conj", "appos"))):
        return None  # "the two candidates" takes the count as known
    np = noun
    while np.dep_ == "poss" and np.head.pos_ == "NOUN":
        np = np.head
    np_ids = cl.subtree(np)
    for t in np.subtree:
        if t.dep_ in ("relcl", "acl", "appos") and t.head.i in np_ids and (
                t.dep_ == "appos" or _after_comma(t) or len(list(t.subtree)) > 12):
            np_ids -= cl.subtree(t)
    for t in np.subtree:
        if t.dep_ in ("conj", "cc") and t.head.i in np_ids:
            np_ids -= cl.subtree(t)
    np_ids -= {t.i for t in np.subtree if t.dep_ == "punct" and t.tag_ != "HYPH"}
    words = [sent.doc[i] for i in sorted(np_ids) if i not in m.ids and not
             (sent.doc[i].dep_ == "det" and sent.doc[i].head == noun)]
    if any(w.like_num for w in words) or not words:
        return None
    noun_text = cl.render(words)
    wh = how_many(m.hedge) + " " + noun_text
    if cl.leans_on_context(words):
        return None
    prompt = None
    verb = _relative_verb_before(m)
    if verb is not None:
        target = {t.i for t in sent if min(m.ids) <= t.i <= noun.i}
        prompt = cl.ask_passive(verb, verb.head, target, wh)
    items = _listed_items(noun) if listed else None
    if items is not None and verb is None:
        # "The two helicopters, a Tiger and a Cougar, were ...": ask which, not how many.
        which = f"which {m.number_text.lower()} {noun_text}"
        prompt = _ask(np, which, sent)
        if prompt is None:
            return None
        listing, (a, b) = items
        f = Fact(kind="list", prompt=prompt, answer=listing, sentence=base.sentence,
                 order=base.order + m.tokens[0].i / 10_000, names_in_sentence=base.names_in_sentence,
                 score=0.8, options=[f"{m.number_text.lower()} {_plural(a)}", f"{m.number_text.lower()} {_plural(b)}"])
        return f
    if prompt is None:
        prompt = _ask(np, wh, sent)
    if prompt is None:
        return None
    f = _fact_from(base, "count", prompt, m)
    f.noun = noun.lemma_.lower()
    f.unit = noun_text if len(noun_text.split()) <= 3 else noun.text
    return f


def _listed_items(noun: Token) -> tuple[str, tuple[str, str]] | None:
    """'the two helicopters, a Tiger and a Cougar,' -> ('a Tiger and a Cougar', ('Tiger', 'Cougar'))."""
    appos = next((c for c in noun.children if c.dep_ == "appos"), None)
    if appos is None:
        return None
    conj = [c for c in appos.children if c.dep_ == "conj"]
    if len(conj) != 1 or appos.pos_ != "PROPN" or conj[0].pos_ != "PROPN":
        return None
    words = [t for t in appos.subtree if not (t.dep_ == "punct" and t.i > conj[0].i)]
    return cl.render(words), (appos.text, conj[0].text)


def _plural(name: str) -> str:
    return name + ("es" if name.endswith(("s", "x", "ch", "sh")) else "s")


def _after_comma(t: Token) -> bool:
    first = min(x.i for x in t.subtree)
    return first > 0 and t.doc[first - 1].text in (",", "—", "–", "(")


def _relative_verb_before(m: NumberMention) -> Token | None:
    """The verb of 'an ambush that killed [at least 53 soldiers]', even where the parse goes astray."""
    first = min(m.ids)
    if first == 0:
        return None
    verb = m.tokens[0].doc[first - 1]
    if verb.dep_ != "relcl" or verb.pos_ != "VERB":
        return None
    subj = [c for c in verb.children if c.dep_ in cl.SUBJECTS]
    if not subj or subj[0].tag_ != "WDT" or any(c.dep_ in cl.OBJECTS and c.i not in m.ids and
                                                  c.i > verb.i and c.i > m.head.i for c in verb.children):
        return None
    return verb


def _ask(np: Token, wh: str, sent: Span) -> str | None:
    """Place the wh-phrase where the noun phrase `np` stands in its clause."""
    verb = np.head
    target = cl.subtree(np)
    if np.dep_ in cl.SUBJECTS and verb.pos_ in ("VERB", "AUX"):
        if cl.subject_of(verb) is not None and cl.subject_of(verb) != np:
            return None
        return cl.ask_subject(verb, target, wh)
    if np.dep_ in cl.OBJECTS and verb.pos_ in ("VERB", "AUX"):
        rel_subj = [c for c in verb.children if c.dep_ in cl.SUBJECTS]
        if verb.dep_ == "relcl" and rel_subj and rel_subj[0].tag_ == "WDT":
            return cl.ask_passive(verb, verb.head, target, wh)
        if verb.dep_ in ("ROOT", "conj", "ccomp") and not (verb.dep_ == "conj" and verb.head.dep_ == "relcl"):
            return cl.ask_inverted(verb, target, wh)
        return None
    if np.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.pos_ in ("VERB", "AUX") and \
            verb.head.dep_ in ("ROOT", "conj", "ccomp") and verb.lower_ in ("in", "for", "to", "by", "from",
                                                                              "on", "at", "with", "over"):
        prep = verb
        return cl.ask_inverted(prep.head, cl.subtree(prep), f"{prep.lower_} {wh}")
    return None


def _fact_from(base: Fact, kind: str, prompt: str, m: NumberMention) -> Fact:
    return Fact(kind=kind, prompt=prompt, answer=m.text, sentence=base.sentence,
                order=base.order + m.tokens[0].i / 10_000, value=m.value, hedge=m.hedge,
                decimals=style_of(m.number_text).decimals, style_text=m.number_text,
                scale_word=m.scale_word, names_in_sentence=base.names_in_sentence)


def year_facts(sent: Span, m: NumberMention, base: Fact, parse=None) -> list[Fact]:  # type: ignore[no-untyped-def]
    """'began in 2014' -> 'In what year did ... begin?'; 'since 2012, when X' -> 'In what year did X?'."""
    t = m.tokens[0]
    out: list[Fact] = []
    prep = t.head
    if t.dep_ != "pobj" or prep.dep_ != "prep" or m.hedge or any(c.dep_ == "conj" for c in t.children):
        return out  # "in either 2006 or 2007" has no one year to ask for
    word = prep.lower_
    wh = {"in": "in what year", "since": "since what year", "by": "by what year",
          "until": "until what year"}.get(word)
    verb = prep.head
    if (wh and verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("ROOT", "conj", "ccomp") and \
            not any(a.lower_ in ("has", "have", "had") for a in cl.aux_of(verb))) or \
            (wh and word == "since" and verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("ROOT", "conj")):
        prompt = cl.ask_inverted(verb, cl.subtree(prep), wh)
        if prompt:
            f = _fact_from(base, "year", prompt, m)
            out.append(f)
    # "since 2012, when extremists seized Timbuktu": the small model often misparses the clause,
    # so it is parsed again on its own (a few tokens, rare).
    doc = sent.doc
    j = max(x.i for x in m.tokens) + 1
    if parse is not None and j + 2 < sent.end and doc[j].text == "," and doc[j + 1].lower_ == "when":
        clause = doc[j + 2:sent.end].text
        sub = parse(clause)
        root = next((tok for tok in sub if tok.dep_ == "ROOT"), None)
        if root is not None and root.pos_ in ("VERB", "AUX"):
            prompt = cl.ask_inverted(root, set(), "in what year")
            if prompt:
                f = _fact_from(base, "year", prompt, m)
                f.order += 0.00001
                f.score = 0.85  # the event the year is named for, rather than its frame
                out.append(f)
                return out
    for c in t.children:
        if c.dep_ in ("relcl", "advcl", "acl") and any(w.lower_ == "when" for w in c.children):
            when = next(w for w in c.children if w.lower_ == "when")
            verb2 = c
            keep = cl.clause_tokens(verb2)
            if keep is None:
                continue
            prompt = cl.ask_inverted(verb2, {when.i}, "in what year")
            if prompt:
                f = _fact_from(base, "year", prompt, m)
                f.order += 0.00001
                out.append(f)
    return out


def percent_fact(sent: Span, m: NumberMention, base: Fact) -> Fact | None:
    """'the Dow lost 5% of its value' -> 'What percentage of its value did the Dow lose ...?'."""
    head = m.head
    if head is None or head.text not in ("%", "cent", "percent"):
        return None
    np = head
    words = [t for t in np.subtree if t.i not in m.ids and t.dep_ != "det"]
    if words and (words[0].lower_ != "of" or any(w.dep_ in ("advmod", "relcl", "acl") for w in words)):
        return None
    wh = how_many(m.hedge, "what percentage")
    if m.hedge and hedge_meaning(m.hedge) == "approx":
        wh = "roughly what percentage"
    if words:
        wh += " " + cl.render(words)
    verb = np.head
    change = verb.lemma_ in ("rise", "fall", "drop", "increase", "decrease", "grow", "climb", "jump",
                             "slip", "decline", "gain", "lose", "slump", "surge", "shrink", "dip",
                             "soar", "plunge", "tumble", "cut", "raise", "reduce", "expand")
    if np.dep_ in ("npadvmod", "dobj") and change and not words:
        prompt = cl.ask_inverted(verb, cl.subtree(np), f"by {wh}") if verb.dep_ in ("ROOT", "conj", "ccomp") \
            else None
    elif np.dep_ == "pobj" and verb.lower_ == "by" and verb.head.lemma_ in (
            "rise", "fall", "drop", "increase", "decrease", "grow", "climb", "jump", "cut", "raise", "reduce"):
        prompt = cl.ask_inverted(verb.head, cl.subtree(verb), f"by {wh}") if verb.head.dep_ in (
            "ROOT", "conj", "ccomp") else None
    elif words and np.dep_ in ("nsubj", "nsubjpass", "dobj"):
        prompt = _ask(np, wh, sent)
    else:
        return None
    if prompt is None or cl.leans_on_context(words):
        return None
    f = _fact_from(base, "percent", prompt, m)
    f.unit = "%"
    return f


def money_fact(sent: Span, m: NumberMention, base: Fact) -> Fact | None:
    """'EA paid $30m for X' -> 'How much did EA pay for X?'."""
    head = m.head
    if head is None:
        return None
    np = head
    if {t.i for t in np.subtree} - m.ids:
        return None  # "the full £7.4m from the UK Treasury": the stem would lose what it is
    wh = how_many(m.hedge, "how much")
    if np.dep_ in cl.OBJECTS and np.head.pos_ == "VERB" and np.head.dep_ in ("ROOT", "conj", "ccomp"):
        prompt = cl.ask_inverted(np.head, cl.subtree(np), wh)
    elif np.dep_ in cl.SUBJECTS and np.head.pos_ in ("VERB", "AUX"):
        prompt = cl.ask_subject(np.head, cl.subtree(np), wh + " money")
    else:
        return None
    if prompt is None:
        return None
    f = _fact_from(base, "money", prompt, m)
    f.unit = (m.currency + (m.scale_word or "")).strip() or None
    return f


# --- quotes, roles, names -------------------------------------------------

_QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


def _close_quotes(text: str) -> str:
    """'Ms Essex said: "I have listened ...' (the quote goes on in the next sentence): close it here."""
    if text.count('"') % 2:
        return text + '"'
    if text.count("“") > text.count("”"):
        return text + "”"
    return text


def quote_facts(sent: Span, base: Fact, person_of, resolve=None) -> list[Fact]:  # type: ignore[no-untyped-def]
    """'“These 13 heroes ...,” Macron said' -> 'Who said "These 13 heroes ..."?'."""
    out: list[Fact] = []
    speaker = None
    for t in sent:
        if t.lemma_ in SAY_VERBS and t.pos_ == "VERB":
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if (subj and subj[0].ent_type_ == "PERSON") or (subj and person_of(subj[0])):
                speaker = person_of(subj[0])
                if speaker:
                    break
        if t.lower_ == "according" and t.nbor().lower_ == "to":
            pobj = [c for c in t.nbor().children if c.dep_ == "pobj"]
            if pobj and person_of(pobj[0]):
                speaker = person_of(pobj[0])
                break
    antecedent = None
    if not speaker and resolve is not None:
        for t in sent:
            if t.lemma_ in SAY_VERBS and t.pos_ == "VERB":
                subj = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ in ("he", "she")]
                if subj and resolve(subj[0]):
                    speaker, antecedent = resolve(subj[0])
                    break
    if not speaker:
        return out
    for mq in _QUOTE.finditer(_close_quotes(sent.text)):
        quote = (mq.group(1) or mq.group(2)).strip().rstrip(",")
        words = quote.split()
        if len(words) < 5 or not quote[:1].isupper() or len(words) > 40:
            continue
        if speaker.split()[-1].lower() in quote.lower():
            continue
        q = quote.replace('"', "'")
        out.append(Fact(kind="quote", prompt=f"Who said “{q}”?", answer=speaker,
                        sentence=base.sentence, order=base.order + mq.start() / 1e6,
                        names_in_sentence=base.names_in_sentence, score=0.9, antecedent=antecedent))
    return out


def pronoun_subject_facts(sent: Span, base: Fact, resolve) -> list[Fact]:  # type: ignore[no-untyped-def]
    """'He said the troops died for Mali' after a sentence about Keïta -> 'Who said the troops ...?'."""
    for t in sent:
        if t.dep_ == "nsubj" and t.lower_ in ("he", "she") and t.head.dep_ == "ROOT" and t.head.pos_ == "VERB":
            found = resolve(t)
            if not found:
                return []
            prompt = cl.ask_subject(t.head, {t.i}, "{Wh}")
            if not prompt or len(prompt.split()) < 6 or any(ch.isdigit() for ch in prompt):
                return []
            return [Fact(kind="entity", prompt=prompt, answer=found[0], sentence=base.sentence,
                         order=base.order + 0.00003, names_in_sentence=base.names_in_sentence, score=0.6,
                         antecedent=found[1])]
    return []


def role_facts(sent: Span, base: Fact, person_of) -> list[Fact]:  # type: ignore[no-untyped-def]
    """'Ibrahim Boubacar Keïta, Mali’s president,' -> 'Who does the article describe as Mali's president?'."""
    out: list[Fact] = []
    for ent in sent.ents:
        if ent.label_ != "PERSON":
            continue
        name = person_of(ent.root)
        if not name:
            continue
        role_toks: list[Token] = []
        for c in ent.root.children:
            if (c.dep_ == "appos" and c.lower_ in ROLE_WORDS | {w + "s" for w in ROLE_WORDS}) or \
                    (c.dep_ == "appos" and any(w.lower_ in ROLE_WORDS for w in c.subtree)):
                role_toks = [w for w in c.subtree if w.dep_ != "punct" or w.i < max(x.i for x in c.subtree)]
                while role_toks and role_toks[-1].dep_ == "punct":
                    role_toks.pop()
                break
        if not role_toks:
            left = [c for c in ent.root.lefts if c.i < ent.start and c.dep_ in ("compound", "nmod", "amod")]
            if left:
                start = min(w.i for c in left for w in c.subtree)
                role_toks = [sent.doc[i] for i in range(start, ent.start)]
        if ent.root.dep_ == "appos" and ent.root.head.lower_ in ROLE_WORDS:
            role_toks = [w for w in ent.root.head.subtree if (w.i < ent.root.i and w.dep_ != "punct")
                         or (w.i < ent.start and w.text != ",")]
            role_toks = [w for w in role_toks if w.i < ent.start]
            while role_toks and role_toks[-1].text in ",—–":
                role_toks.pop()
        while role_toks and role_toks[-1].text in ",—–(":
            role_toks.pop()
        if not role_toks or not any(w.lower_ in ROLE_WORDS for w in role_toks) or \
                role_toks[-1].pos_ in ("ADP", "CCONJ", "DET", "PUNCT"):
            continue
        if len(role_toks) < 2 or len(role_toks) > 12 or cl.leans_on_context(role_toks):
            continue
        role = cl.render(role_toks)
        role = re.sub(r"^(the|a|an)\s+", "", role, flags=re.I)
        if role.split()[0].lower() in TITLES and len(role.split()) == 1:
            continue
        first = role_toks[0]
        det = "" if any(w.tag_ == "POS" or w.lower_ in ("’s", "'s") for w in role_toks) or \
            first.tag_ == "PRP$" else "the "
        if not det and role[:1].islower():
            continue
        phrase = det + (role if first.pos_ == "PROPN" or first.ent_type_ else role[:1].lower() + role[1:])
        out.append(Fact(kind="role", prompt=f"Who does the article describe as {phrase}?", answer=name,
                        sentence=base.sentence, order=base.order + ent.start / 10_000,
                        names_in_sentence=base.names_in_sentence, score=0.8))
    return out


def entity_facts(sent: Span, base: Fact, name_of) -> list[Fact]:  # type: ignore[no-untyped-def]
    """A named subject or place of the main clause: 'Which country provides ...?'."""
    out: list[Fact] = []
    quoted = cl.quoted_tokens(sent)
    for ent in sent.ents:
        if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
            continue
        root = ent.root
        name = name_of(root)
        if not name:
            continue
        if any(c.dep_ in ("conj", "cc") for c in root.children) or root.dep_ == "conj":
            continue
        verb = root.head
        if root.i in quoted:
            continue
        if root.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ROOT" and verb.pos_ in ("VERB", "AUX"):
            if verb.lemma_ == "be" or any(t.tag_ == "RBS" or t.lower_ == "among" for t in verb.subtree):
                continue  # "South Korea was the most pessimistic": about what?
            target = cl.subtree(root)
            prompt = cl.ask_subject(verb, target, "{Wh}")
            if prompt and len(prompt.split()) < (8 if verb.lemma_ in SAY_VERBS else 5):
                continue  # "Which organisation said many tests were already done?": said what about what?
        elif root.dep_ == "dobj" and verb.dep_ == "ROOT" and verb.pos_ == "VERB" and \
                ent.label_ in ("GPE", "LOC", "ORG", "PERSON") and verb.lemma_ not in SAY_VERBS:
            prompt = cl.ask_inverted(verb, cl.subtree(root), "{Wh}")
            prompt = prompt if prompt and "{Wh}" in prompt and prompt.startswith("{Wh}") else None
        elif root.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.dep_ == "ROOT" and \
                verb.head.pos_ in ("VERB", "AUX") and verb.lower_ in ("from", "in", "to", "into", "at") and \
                ent.start == verb.i + 1:
            prompt = cl.ask_inverted(verb.head, cl.subtree(verb), f"{verb.lower_} {{wh}}")
            prompt = prompt if prompt and "{wh}" in prompt else None
        else:
            continue
        if not prompt or len(prompt.split()) > 30 or any(ch.isdigit() for ch in prompt):
            continue
        out.append(Fact(kind="entity", prompt=prompt, answer=name, sentence=base.sentence,
                        order=base.order + ent.start / 10_000 + 0.00002,
                        names_in_sentence=base.names_in_sentence, score=0.55))
    return out


_WORK_NOUNS = {"album", "albums", "single", "song", "film", "movie", "book", "novel", "label", "game", "show",
               "series", "brand", "website", "magazine", "newspaper", "play", "musical", "programme", "app"}


def mentions_of(sent: Span) -> list[Mention]:
    """The named entities of a sentence with the cues that help decide their kind."""
    out = []
    doc = sent.doc
    for ent in sent.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "PRODUCT",
                              "WORK_OF_ART", "EVENT"):
            continue
        name = clean_name(ent.text)
        words = [t for t in ent if t.lower_ not in ("the", "’s", "'s")]
        proper = bool(words) and all(t.pos_ == "PROPN" or (t.text[:1].isupper() and t.pos_ != "ADV")
                                     or not t.is_alpha for t in words)
        if ent.label_ == "DATE" and not proper:
            continue
        if any(t.like_num for t in ent):
            continue
        before = doc[ent.start - 1] if ent.start > sent.start else None
        after = doc[ent.end] if ent.end < sent.end else None
        out.append(Mention(
            name=name, label=ent.label_,
            with_the=(ent[0].lower_ == "the" or (before is not None and before.lower_ == "the"))
            and ent.label_ in ("PERSON", "DATE"),
            before_place_noun=after is not None and after.lower_ in PLACE_NOUNS,
            after_title=(before is not None and before.lower_.rstrip(".") in TITLES)
            or ent[0].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr", "sir"),
            after_place_prep=before is not None and before.lower_ in ("at", "in", "near", "from"),
            after_work_noun=before is not None and before.lower_ in _WORK_NOUNS,
            title=next((w.text.rstrip(".") for w in (ent[0], before) if w is not None
                        and w.lower_.rstrip(".") in ("mr", "mrs", "ms", "miss", "dr", "sir")), ""),
            proper=proper))
    return out


# --- dates -------------------------------------------------------------------

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
_DAY_MONTH = re.compile(rf"^(\d{{1,2}}) ({'|'.join(MONTHS)})$|^({'|'.join(MONTHS)}) (\d{{1,2}})$")
_MONTH = re.compile(rf"^(early |late |mid-)?({'|'.join(MONTHS)})$")


def date_facts(sent: Span, base: Fact) -> list[Fact]:
    """'The case is set to be heard on 20 December' -> 'On what date is the case set to be heard?'."""
    out: list[Fact] = []
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        text = ent.text.strip()
        day = _DAY_MONTH.match(text)
        month = _MONTH.match(text)
        if not (day or month):
            continue
        prep = ent.root.head
        if ent.root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("on", "in", "by", "until"):
            continue
        if ent.start != prep.i + 1:
            continue
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in SAY_VERBS or \
                verb.dep_ not in ("ROOT", "conj", "xcomp"):
            continue
        wh = "on what date" if day else "in what month"
        if prep.lower_ in ("by", "until"):
            wh = f"{prep.lower_} what date" if day else f"{prep.lower_} what month"
        top = verb
        while top.dep_ == "xcomp" and top.head.pos_ in ("VERB", "AUX"):
            top = top.head
        if top is not verb:
            prompt = cl.ask_inverted(top, cl.subtree(prep), wh)
        else:
            prompt = cl.ask_inverted(verb, cl.subtree(prep), wh)
        if not prompt or any(ch.isdigit() for ch in prompt):
            continue
        f = Fact(kind="date", prompt=prompt, answer=text, sentence=base.sentence,
                 order=base.order + ent.start / 10_000, names_in_sentence=base.names_in_sentence, score=0.7)
        out.append(f)
    return out


def date_distractors(answer: str) -> list[str]:
    """Nearby dates written the same way: a week either side, the same day a month on."""
    m = _DAY_MONTH.match(answer)
    if m:
        day_first = m.group(1) is not None
        day = int(m.group(1) or m.group(4))
        month = MONTHS.index(m.group(2) or m.group(3))
        options = []
        for d, mo in ((day - 7, month), (day + 7, month), (day, (month + 1) % 12), (day + 3, month)):
            if 1 <= d <= 28:
                options.append(f"{d} {MONTHS[mo]}" if day_first else f"{MONTHS[mo]} {d}")
        return options[:3]
    m = _MONTH.match(answer)
    if m:
        prefix = m.group(1) or ""
        month = MONTHS.index(m.group(2))
        return [prefix + MONTHS[(month + d) % 12] for d in (-1, 1, 2)]
    return []
