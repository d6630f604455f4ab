"""Dates in one parsed sentence: 'On what date ...?', 'In what month ...?', and nearby wrong dates."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizapp.generate import clauses as cl
from quizapp.generate.facts import SAY_VERBS, Fact

if TYPE_CHECKING:
    from spacy.tokens import Span


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAY_MONTH = re.compile(rf"^(\d{{1,2}}) ({'|'.join(MONTHS)})$|^({'|'.join(MONTHS)}) (\d{{1,2}})$")
_MONTH = re.compile(rf"^(early |late |mid-)?({'|'.join(MONTHS)})$")
MONTH_WORDS = re.compile(rf"^({'|'.join(MONTHS)})$")


def date_facts(sent: Span, base: Fact) -> list[Fact]:
    """'The case is due to be heard on 14 March' -> 'On what date is the case due to be heard?'."""
    out: list[Fact] = []
    quoted = cl.quoted_tokens(sent)
    for ent in cl.ents(sent):
        if ent.label_ != "DATE" or ent.root.i in quoted:
            continue  # "... and it will be in the shops on March 14," he said: his words, and his "it"
        text = ent.text.strip()
        day = DAY_MONTH.match(text)
        month = _MONTH.match(text)
        weekday = text in WEEKDAYS
        if not (day or month or weekday):
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
        if weekday and (prep.lower_ != "on" or verb.dep_ != "ROOT" or not any(
                c.dep_ == "nsubj" and c.ent_type_ in ("PERSON", "ORG") for c in verb.children)):
            continue  # "Mr Corwin conceded defeat on Wednesday": a named actor's day, not "released on Monday"
        wh = "on what date" if day else "on which day" if weekday else "in what month"
        if prep.lower_ in ("by", "until"):
            wh = f"{prep.lower_} what date" if day else f"{prep.lower_} what month"
        top = verb
        while top.dep_ == "xcomp" and top.head.pos_ in ("VERB", "AUX"):
            top = top.head
        # (a weekday is a time only the day of the article pins down: the clause has already left it out)
        target = set() if weekday else cl.subtree(prep)
        prompt = cl.ask_inverted(top, target, wh)
        if not prompt or any(ch.isdigit() for ch in prompt):
            continue
        f = Fact(kind="date", prompt=prompt, answer=text, sentence=base.sentence,
                 order=base.order + ent.start / 10_000, names_in_sentence=base.names_in_sentence,
                 score=0.5 if weekday else 0.7)  # who did it, where asked too, is the better question
        out.append(f)
    return out


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def date_distractors(answer: str) -> list[str]:
    """Nearby dates written the same way: a week either side, the same day a month on (for a
    weekday, the days either side and the one after)."""
    if answer in WEEKDAYS:
        i = WEEKDAYS.index(answer)
        return [WEEKDAYS[(i + d) % 7] for d in (-1, 1, 2)]
    m = DAY_MONTH.match(answer)
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
