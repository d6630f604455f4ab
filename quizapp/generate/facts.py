"""Checkable numbers in one parsed sentence, each phrased as a question stem.

A `Fact` already carries its question stem; the answer's distractors are
chosen later, when the whole article has been read (see questions.py). Quotes,
roles and names are in people.py, dates in dates.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quizapp.generate import clauses as cl
from quizapp.generate.numbers import style_of
from quizapp.generate.quantities import NumberMention, hedge_meaning, how_many

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SAY_VERBS = {"say", "tell", "add", "state", "declare", "write", "warn", "insist", "explain",
             "argue", "claim", "note", "announce", "admit", "confirm", "predict", "suggest"}
ROLE_WORDS = {"president", "minister", "secretary", "chancellor", "leader", "chief", "head",
              "director", "chairman", "chairwoman", "chair", "executive", "officer", "spokesman",
              "spokeswoman", "spokesperson", "governor", "mayor", "ambassador", "commander",
              "general", "editor", "founder", "boss", "manager", "analyst", "economist", "king",
              "queen", "prince", "premier", "senator", "judge", "coach", "captain", "envoy",
              "adviser", "advisor", "professor", "presenter", "producer", "owner", "veteran"}

@dataclass
class Fact:
    """One thing the article states, phrased as a question stem."""

    kind: str  # count year percent money fraction multiplier quote role entity aside
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
    chain: list[int] = field(default_factory=list)  # earlier sentences the proof needs (a quote's speaker)
    plural: bool = False  # the stem's verb agrees with a plural name ("The Tories say"): make it singular


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
            relative is None and (any(c.dep_ == "conj" and not _gapped(c) for c in noun.children)
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
        prompt = _ask(np, wh, sent, _gap_tokens(noun, sent))
    if prompt is None:
        return None
    f = _fact_from(base, "count", prompt, m)
    f.noun = noun.lemma_.lower()
    f.unit = noun_text if len(noun_text.split()) <= 3 else noun.text
    return f


def subset_fact(sent: Span, m: NumberMention, base: Fact) -> Fact | None:
    """'162,000 workers were tested for MRSA at Tolley and Wessex hospitals, only about 150 were found
    to be carriers' -> 'Of the 162,000 workers tested for MRSA at Tolley and Wessex hospitals, about
    how many were found to be carriers?': a bare count that is part of the count before it."""
    t = m.tokens[-1]
    part_verb = t.head
    if t.dep_ not in ("nsubj", "nsubjpass") or part_verb.pos_ != "VERB" or part_verb.dep_ not in ("conj", "ccomp") \
            or not any(c.dep_ == "auxpass" for c in part_verb.children):
        return None
    verb = part_verb.head
    whole = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_ == "NNS"), None)
    if verb.dep_ != "ROOT" or verb.tag_ != "VBN" or whole is None:
        return None
    count = next((c for c in whole.children if c.dep_ == "nummod" and c.like_num), None)
    if count is None or any(c.dep_ not in ("nummod", "amod", "compound") for c in whole.children):
        return None
    tested = [verb] + [w for c in verb.children if c.i > verb.i and c.dep_ in ("prep", "agent", "advmod")
                       and c.i < part_verb.i for w in c.subtree]
    asked = [w for w in part_verb.subtree if w.i > t.i and not w.is_punct]
    words = [w for w in whole.subtree if w.i < whole.i] + [whole] + tested
    if cl.leans_on_context(words + asked) or any(w.like_num for w in asked):
        return None
    phrase = cl.render(sorted(words, key=lambda w: w.i))
    prompt = f"Of the {phrase}, {how_many(m.hedge)} {cl.render(asked)}?"
    return _fact_from(base, "count", prompt, m)


def gapped_count_fact(sent: Span, m: NumberMention, base: Fact, lead: NumberMention | None) -> Fact | None:
    """'... on 140,000 travellers at Tolley Airport and 12,000 at Brindle': the second count, asked as
    the first is ('On how many travellers at Brindle were ...?'), its place put in for the first's."""
    doc = sent.doc
    first, last = min(m.ids), max(m.ids)
    if lead is None or first < 1 or doc[first - 1].lower_ not in ("and", "or") or last + 2 >= sent.end:
        return None
    prep = doc[last + 1]
    if prep.lower_ not in _GAP_PREPS or m.hedge != lead.hedge:
        return None
    gap = []
    for u in doc[prep.i:sent.end]:
        if u.is_punct and u.text in ",;:.!?—–":
            break
        gap.append(u)
    asked = count_facts(sent, lead, base)
    if asked is None or asked.kind != "count" or lead.head is None or len(gap) < 2 or len(gap) > 6:
        return None
    noun = lead.head.head
    pp = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == prep.lower_), None)
    if pp is None:
        return None
    place = cl.render(pp.subtree)
    if asked.prompt.count(place) != 1:
        return None
    f = _fact_from(base, "count", asked.prompt.replace(place, cl.render(gap)), m)
    f.noun, f.unit = asked.noun, asked.unit
    return f


def _gapped(conj: Token) -> bool:
    """'140,000 travellers at Tolley and 12,000 at Brindle': a bare number standing for another count
    of the same noun, which leaves the first count its own."""
    return conj.pos_ == "NUM" and conj.like_num and not any(c.dep_ == "conj" for c in conj.children)


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


_GAP_PREPS = {"at", "in", "on", "for", "from", "to", "by", "with", "of"}


def _gap_tokens(noun: Token, sent: Span) -> set[int]:
    """The remnant 'and 12,000 at Brindle' of a gapped count after `noun`, up to the end of its
    clause, found by its words (the small model hangs it anywhere)."""
    doc = sent.doc
    for t in doc[noun.i + 1:sent.end - 2]:
        if t.lower_ in ("and", "or") and doc[t.i + 1].like_num and doc[t.i + 2].lower_ in _GAP_PREPS:
            out = set()
            for u in doc[t.i:sent.end]:
                if u.is_punct and u.text in ",;:.!?—–":
                    break
                out.add(u.i)
            return out
        if t.is_punct and t.text in ",;:":
            break
    return set()


# "... at schools in Swansea and 2,000 at Newport?": a gapped count the parse hung elsewhere.
_GAP_LEFT = re.compile(r"\b(and|or) \d[\d,.]*%? (at|in|on|for|from|to|by|with|of)\b")


def _ask(np: Token, wh: str, sent: Span, extra: set[int] | None = None) -> str | None:
    """Place the wh-phrase where the noun phrase `np` stands in its clause (less the `extra` tokens)."""
    prompt = _ask_unchecked(np, wh, sent, extra)
    return None if prompt is None or _GAP_LEFT.search(prompt) else prompt


def _ask_unchecked(np: Token, wh: str, sent: Span, extra: set[int] | None = None) -> str | None:
    verb = np.head

    def within(v: Token) -> set[int]:  # the remnant's words the clause of `v` holds (others are dropped)
        return (extra or set()) & (cl.clause_tokens(v) or set())

    target = cl.subtree(np) | within(verb)
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
        return cl.ask_inverted(prep.head, cl.subtree(prep) | within(prep.head), f"{prep.lower_} {wh}")
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
    if word == "by" and (target := _target_year(prep)):
        return [_fact_from(base, "year", target, m)]
    wh = {"in": "in what year", "since": "since what year", "by": "by what year",
          "until": "until what year"}.get(word)
    verb = prep.head
    if word == "to" and any(c.dep_ == "prep" and c.lower_ == "from" and any(w.like_num for w in c.subtree)
                            for c in verb.children):
        # "made to move its profit target from 2006 to 2008" -> "To what year was ... made to move
        # its profit target from 2006?"
        top = verb
        while top.dep_ == "xcomp" and top.head.pos_ in ("VERB", "AUX"):
            top = top.head
        if top.dep_ in ("ROOT", "conj"):
            prompt = cl.ask_inverted(top, cl.subtree(prep), "to what year")
            if prompt:
                out.append(_fact_from(base, "year", prompt, m))
        return out
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
    """'the Tolley index shed 4% of its value' -> 'What percentage of its value did the Tolley index shed ...?'."""
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
            or _side_clause(verb) else None
    elif np.dep_ == "npadvmod" and verb.lower_ in ("higher", "lower") and verb.head.lemma_ in _CLOSING \
            and verb.head.dep_ in ("ROOT", "conj") and not words:
        # "The Tolley index closed more than 2% higher at 6,418" -> "By more than what percentage did
        # the Tolley index close higher at 6,418?"
        prompt = cl.ask_inverted(verb.head, cl.subtree(np), f"by {wh}")
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


_CLOSING = {"close", "end", "finish", "open", "trade"}


# (by their forms: the small model's lemma of "hoped" is "hop")
_AIMING = {form: forms.split()[0] for forms in ("hope hopes hoped", "aim aims aimed", "plan plans planned",
                                                 "expect expects expected", "want wants wanted",
                                                 "intend intends intended") for form in forms.split()}


def _target_year(prep: Token) -> str | None:
    """'Nintaro's revenues were $2bn in 2006, which Nintaro hoped to double by 2011' -> 'By what year did Nintaro
    hope to double its revenues?': the aim a side clause sets for the subject of the sentence."""
    act = prep.head
    aim = act.head
    if act.dep_ != "xcomp" or aim.lower_ not in _AIMING or aim.dep_ != "relcl":
        return None
    if not any(c.dep_ == "dobj" and c.lower_ == "which" for c in act.children):
        return None
    who = next((c for c in aim.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    root = aim.sent.root
    what = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if who is None or what is None or root.lemma_ != "be" or cl.leans_on_context(what.subtree):
        return None
    thing = cl.render(sorted(what.subtree, key=lambda t: t.i))
    # the whole name, not its last word: "Tolley Group hoped", not "Group hoped"
    first = min([c.i for c in who.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [who.i])
    name = who.doc[first:who.i + 1].text
    owner = f"{name}'s "
    if thing.startswith(owner):
        thing = "its " + thing[len(owner):]  # "Nintaro hope to double its revenues"
    elif what.left_edge.pos_ != "PROPN":
        thing = thing[:1].lower() + thing[1:]  # "The company's revenues" opened the sentence
    return f"By what year did {name} {_AIMING[aim.lower_]} to {act.lemma_} {thing}?"


def _side_clause(verb: Token) -> bool:
    """'..., while the Wessex Composite rose 0.7% to 1,552': a clause of its own, with its own named subject."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children) \
        and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in verb.children)


def money_fact(sent: Span, m: NumberMention, base: Fact) -> Fact | None:
    """'Nintaro paid $30m for X' -> 'How much did Nintaro pay for X?'."""
    head = m.head
    if head is None:
        return None
    np = head
    converted = {t.i for c in np.children if c.dep_ == "appos" and any(w.tag_ == "$" or w.text in "£$€"
                                                                      for w in c.subtree) for t in c.subtree}
    brackets = {c.i for c in np.children if c.text in "()"} if converted else set()
    if {t.i for t in np.subtree} - m.ids - converted - brackets:
        return None  # "the full £5.2m from the lottery fund": the stem would lose what it is
    wh = how_many(m.hedge, "how much")
    if np.dep_ in ("nmod", "compound", "amod") and np.head.lemma_ in _SUMS:
        return _size_of(sent, m, base, np.head)
    if np.dep_ in cl.OBJECTS and np.head.pos_ == "VERB" and np.head.dep_ in ("ROOT", "conj", "ccomp"):
        prompt = cl.ask_inverted(np.head, cl.subtree(np), wh)
    elif np.dep_ in cl.SUBJECTS and np.head.pos_ in ("VERB", "AUX"):
        prompt = cl.ask_subject(np.head, cl.subtree(np), wh + " money")
    elif np.dep_ == "attr" and np.head.lemma_ == "be" and np.head.dep_ == "ROOT" and any(
            c.dep_ == "nsubj" and c.lemma_ in _SUMS | {"sale", "revenue", "profit", "cost"} for c in np.head.children):
        # "Nintaro's revenues were $2bn in 2006" -> "How much were Nintaro's revenues in 2006?" (without the
        # ", which Nintaro hoped to double by 2011" the parse may hang on the year)
        aside = {i for t in sent if t.dep_ == "relcl" and t.left_edge.i > sent.start
                 and sent.doc[t.left_edge.i - 1].text == "," for i in (*cl.subtree(t), t.left_edge.i - 1)}
        prompt = cl.ask_inverted(np.head, cl.subtree(np) | aside, wh)
    elif (np.dep_ == "pobj" and np.head.lower_ == "of" and np.head.head.lemma_ in _SUMS | {"sale", "loss"}
          and np.head.head.dep_ in cl.OBJECTS and np.head.head.head.pos_ == "VERB"
          and np.head.head.head.dep_ == "ROOT" and not any(
              c.dep_ in ("det", "poss", "amod") for c in np.head.head.children)):
        # "Nintaro reported sales of $24bn" -> "How much in sales did Nintaro report?"
        noun = np.head.head
        prompt = cl.ask_inverted(noun.head, {noun.i} | cl.subtree(np.head), f"{wh} in {noun.lower_}")
    else:
        return None
    if prompt is None:
        return None
    f = _fact_from(base, "money", prompt, m)
    f.unit = (m.currency + (m.scale_word or "")).strip() or None
    return f




# Sums that a figure before them sizes: "Canada's $61bn federal budget deficit".
_SUMS = {"deficit", "surplus", "debt", "loss", "profit", "budget", "settlement", "deal", "fine", "bill",
         "bailout", "package", "investment", "takeover", "bid", "fund", "revenue", "turnover"}


def _size_of(sent: Span, m: NumberMention, base: Fact, noun: Token) -> Fact | None:
    """'... to rein in Canada's $61bn federal budget deficit' -> 'How big is
    Canada's federal budget deficit?': only a sum its owner names, so the stem says which."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN" or any(c.dep_ in ("det", "conj", "appos") for c in noun.children):
        return None
    words = [t for t in noun.subtree if t.i <= noun.i and t.i not in m.ids and (not t.is_punct or t.tag_ == "POS")]
    if any(t.like_num for t in words) or cl.leans_on_context(words):
        return None
    prompt = cl.well_formed(f"How big is {cl.render(words)}?")
    if prompt is None:
        return None
    f = _fact_from(base, "money", prompt, m)
    f.unit = (m.currency + (m.scale_word or "")).strip() or None
    return f


def partitive_fact(sent: Span, m: NumberMention, base: Fact) -> Fact | None:
    """'Seven of the 20 best-selling board games ... were made by Nintaro' -> 'How many of the 20
    best-selling board games ... were made by Nintaro?'; 'in four of the last seven years' -> 'In how
    many of the last seven years ...?'."""
    t = m.tokens[0]
    if len(m.tokens) != 1 or not t.like_num:
        return None
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == t.i + 1), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None or whole.tag_ != "NNS":
        return None
    dets = [c for c in whole.children if c.dep_ in ("det", "poss")]
    # "the countries" leans on the article ("which countries?"); "the 20 best-selling board games"
    # and "the last seven years" say what the whole is.
    named = [c for c in whole.children if c.dep_ in ("nummod", "amod", "compound", "prep")]
    if not dets or dets[0].lower_ not in ("the", "its", "their") or not named:
        return None
    whole_words = [w for w in of.subtree if w.i > of.i]
    if cl.leans_on_context([w for w in whole_words if w.dep_ != "poss"]):
        return None
    wh = f"{how_many(m.hedge)} of {cl.render(whole_words)}"
    verb = t.head
    if t.dep_ in cl.SUBJECTS and verb.pos_ in ("VERB", "AUX"):
        keep = cl.clause_tokens(verb) or set()
        prompt = cl.ask_subject(verb, cl.subtree(t) & keep, wh)  # less "last year", which dates it
    elif t.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("in", "on", "at", "for") and \
            verb.head.pos_ in ("VERB", "AUX") and verb.head.dep_ in ("ROOT", "conj", "ccomp"):
        prompt = cl.ask_inverted(verb.head, cl.subtree(verb), f"{verb.lower_} {wh}")
    else:
        return None
    if prompt is None:
        return None
    f = _fact_from(base, "count", prompt, m)
    f.noun = whole.lemma_.lower()
    f.unit = whole.text
    f.score = 0.9
    return f


def times_fact(sent: Span, m: NumberMention, base: Fact) -> Fact | None:
    """'The ferry is 12 times quieter than the diesel boats' -> 'How many times quieter than
    the diesel boats is the ferry?'."""
    t = m.tokens[0]
    doc = sent.doc
    if len(m.tokens) != 1 or not t.like_num or t.i + 2 >= sent.end or doc[t.i + 1].lower_ != "times":
        return None
    comp = doc[t.i + 2]
    if comp.tag_ not in ("JJR", "RBR") or comp.dep_ not in ("acomp", "attr") or \
            not (t.head == comp or (t.head == doc[t.i + 1] and t.head.head == comp)):
        return None
    than = next((c for c in comp.children if c.dep_ == "prep" and c.lower_ == "than"), None)
    if than is None:
        return None  # "16 times faster" than what, the stem could not say
    words = [w for w in comp.subtree if w.i not in (t.i, t.i + 1)]
    if cl.leans_on_context(words):
        return None
    verb = comp.head
    if verb.lemma_ != "be" or verb.dep_ not in ("ROOT", "conj", "ccomp"):
        return None
    prompt = cl.ask_inverted(verb, cl.subtree(comp), f"{how_many(m.hedge)} times {cl.render(words)}")
    if prompt is None:
        return None
    f = _fact_from(base, "times", prompt, m)
    f.unit = "times"
    f.noun = "times"
    return f
