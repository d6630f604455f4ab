"""Turning a parsed clause into a question: move the asked-for phrase to the front.

Works on spaCy tokens of one sentence. Every function returns None when the
clause is not one it can rephrase safely; the caller then skips the fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "attr", "oprd"}
# Words that only the article's context explains.
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me",
            "his", "its", "their", "our", "my", "your", "hers", "theirs", "this", "these", "those",
            "that", "who", "which", "there", "one"}
# Nouns that, with "the" or "this" and nothing to pin them down, point back into the article.
ANAPHOR_NOUNS = frozenset([
    "actor", "actress", "agency", "album", "announcement", "area", "army", "authorities", "band", "bill", "body",
    "book", "boss", "boy", "building", "business", "capital", "case", "chairman", "changes", "checks", "chief",
    "city", "club", "coach", "company", "company's", "country", "county", "couple", "court", "deal", "decision",
    "department", "device", "director", "event", "figure", "figures", "film", "firm", "firm's", "footballer",
    "forces", "former", "game", "girl", "group", "head", "idea", "incident", "injunction",
    "interviews", "judge", "latter", "leader", "man", "manager", "measures", "men", "minister", "ministry",
    "mission", "move", "nation", "official", "operation", "order", "organisation", "organization", "owner", "pair",
    "party", "pilot", "plan", "plans", "player", "players", "police", "policy", "poll", "president", "process",
    "product", "program", "programme", "project", "proposal", "proposals", "province", "region", "report",
    "research", "reshuffle", "ruling", "same", "scheme", "service", "show", "side", "singer", "site", "spokesman",
    "spokeswoman", "squad", "star", "state", "station", "striker", "study", "survey", "suspect", "system", "team",
    "tests", "town", "unit", "verdict", "victim", "village", "woman", "women",
    # Events and dealings a story names once, then calls "the match", "the sale" ("During the match,
    # two fans were hurt", "the sale made more than planned"): which one, the sentences before said.
    "match", "trouble", "sale", "contestant", "patents", "stake", "offer", "takeover", "bid", "attack", "crash",
    "accident", "race", "tournament", "festival", "episode", "series", "vote", "inquiry", "investigation",
    "trial", "ceremony", "row", "dispute", "scandal", "talks", "strike", "money", "payment", "cuts", "loss",
    "news", "carmaker", "brewer", "airline", "retailer", "bank", "insurer", "broadcaster", "network",
    # A team called by its part in the match: "the visitors lost their last eight wickets", "the hosts levelled"
    "visitors", "hosts", "holders",
    # What a story's news is called once told: "is investigating the situation", "the ban will start"
    "situation", "issue", "matter", "ban",
    # A product named once, then called by its kind: "the handheld will sell for $250", "the probe"
    "handheld", "console", "gadget", "machine", "handset", "probe",
])
ANAPHORS = re.compile(
    r"\b(this|last|next|that) (week|month|year|weekend|morning|afternoon|evening|night|spring|"
    r"summer|autumn|fall|winter|season|time)\b|\b(yesterday|today|tomorrow|tonight|"
    r"here|such(?! as\b)|aforementioned)\b|\bthe (former|latter)\b|\beven then\b|"
    # "the figures above", "as below"; not "below the poverty line", "10% above forecasts"
    r"(?:(?<=\bas )|(?<=\bsee )|(?<=\bthe ))(above|below)\b|\b(above|below)(?=\s*[.,;:)!?]|\s*$)", re.I)


_PART_NOUNS = {"business", "unit", "division", "arm", "subsidiary"}
# Things a news story names once and then calls "the settlement": as the subject of a sentence,
# only a name pins them down ("as part of the settlement" is left out of a stem).
_NEEDS_NAME = {"settlement", "proposals", "proposal", "survey", "poll", "deal", "agreement", "scheme",
               "report", "study", "plans", "plan", "policy"}
# A survey, the people it asked, and what asking them is called: "respondents", "those surveyed".
SURVEY_NOUNS = frozenset({"poll", "survey", "study"})
ASKED_PEOPLE = frozenset({"respondents", "interviewees"})
ASKING_VERBS = frozenset({"interview", "survey", "question", "poll", "ask"})


def _named_in(noun: Token) -> bool:
    """A proper name (not a people's adjective: "Tory", "French") or a possessor within the phrase."""
    return any((t.pos_ == "PROPN" and t.ent_type_ != "NORP") or (t.dep_ == "poss" and t.head == noun)
               for t in noun.subtree if t.i != noun.i)


def _restrictive(child: Token) -> bool:
    """'the plans that the Tories announced' pins the plans down; 'the poll, which was mostly
    carried out before the floods' does not say which poll."""
    if child.dep_ != "relcl":
        return False
    first = min(t.i for t in child.subtree)
    return first == 0 or child.doc[first - 1].text != ","


def anaphoric_nouns(tokens: Iterable[Token]) -> list[Token]:
    """'the group', 'the plans', 'this company': nouns whose referent is elsewhere in the article.

    'the rural bus fund' (a modifier), 'the region of Kisumu' and 'the plans that the
    Tories announced' (pinned down by what follows) are not.
    """
    out = []
    for t in tokens:
        if t.lower_ in ASKED_PEOPLE and t.dep_ != "compound" and not _named_in(t):
            out.append(t)  # "38% of respondents in each country": respondents to what?
            continue
        dets = [c for c in t.children if c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")]
        if dets and dets[0].lower_ == "the" and not _named_in(t) and any(
                c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in ASKING_VERBS for c in t.children):
            out.append(t)  # "the 1,000 people interviewed": interviewed for what?
            continue
        if (t.lower_ not in ANAPHOR_NOUNS and t.lower_ not in _PART_NOUNS
                and not (t.lower_ in _NEEDS_NAME and t.dep_ in SUBJECTS)) or t.dep_ == "compound":
            continue
        if not dets or any(_restrictive(c) or (c.dep_ == "prep" and c.i == t.i + 1) for c in t.children):
            continue
        if (t.lower_ in _PART_NOUNS and not any(c.dep_ == "poss" for c in t.children)) or (
                t.lower_ in _NEEDS_NAME and t.dep_ in SUBJECTS and not _named_in(t)):
            # "the van business": whose? Zanetti's, said three sentences before. "The £1.8bn
            # settlement", "the Tory proposals": the settlement of what, proposals for what?
            out.append(t)
            continue
        if any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.lower_ not in WEEKDAYS
               for c in t.children) and dets[0].lower_ == "the":
            continue  # "the French government", "the Libyan leader": named enough
        out.append(t)
    return out


DEICTIC_TIME = re.compile(
    r"^(this|last|next|earlier|later|early|late|recent)\b.*\b(week|month|year|weekend|"
    r"morning|afternoon|evening|night|days?|weeks|months|years|decade|season|quarter|term|spring|summer|autumn|fall|winter)$"
    r"|^(yesterday|"
    r"today|tomorrow|tonight|now|recently|currently|meanwhile|(on )?(monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)( morning| afternoon| evening| night)?)$", re.I)
# "Last year the fair's tickets went in a week": without its "last year" the sentence says something
# else (this year's tickets), so a statement keeps a time that places it before or after another.
_RELATIVE_TIME = re.compile(r"^(last|next|earlier|later|early|late|recent)\b", re.I)
_EARLY_LATE = frozenset({"early", "late"})
_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
_MONTH_STARTS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
DROP_ADVERBS = {"also", "meanwhile", "however", "still", "now", "then", "too", "again",
                "instead", "though", "already", "further", "moreover", "currently", "recently",
                "so", "thus", "therefore", "nonetheless", "nevertheless", "yet", "even", "only",
                "just"}  # "has just announced": just, as of the day it was written
IRREGULAR_PARTICIPLES = {
    "took": "taken", "gave": "given", "wrote": "written", "ate": "eaten", "saw": "seen",
    "drove": "driven", "rose": "risen", "fell": "fallen", "chose": "chosen", "stole": "stolen",
    "spoke": "spoken", "broke": "broken", "began": "begun", "drew": "drawn", "grew": "grown",
    "knew": "known", "threw": "thrown", "flew": "flown", "shook": "shaken", "hid": "hidden",
    "forgot": "forgotten", "froze": "frozen", "swore": "sworn", "tore": "torn", "wore": "worn",
}


# "... our practice of doing so": what they would do, the article said before.
DO_SO = re.compile(r"\b(?:do|does|did|doing|done) so\b", re.I)

_ENTS = "quizapp.ents"


def ents(span: Span) -> list[Span]:
    """`span.ents`, filtered from one walk of the doc's entities: spaCy walks the whole chunk
    anew on every call, and a sentence asks a dozen times."""
    doc = span.doc
    every = doc.user_data.get(_ENTS)
    if every is None:
        every = doc.user_data[_ENTS] = doc.ents
    out = []
    for e in every:
        if e.start >= span.start:
            if e.end > span.end:
                break
            out.append(e)
    return out


def forget_ents(doc: Doc) -> None:
    """Call after changing `doc.ents`."""
    doc.user_data.pop(_ENTS, None)


_TEXT = "quizapp.text"


def text_of(span: Span) -> str:
    """`span.text`, cut from the doc's text (joined once a doc): spaCy joins a span's tokens anew on
    every call, and a sentence's text is asked for again and again."""
    doc = span.doc
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text[span.start_char:span.end_char]


_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?%)])")
_SPACE_BEFORE_POSSESSIVE = re.compile(r"\s+(’s|'s)\b")


def render(tokens: Iterable[Token]) -> str:
    """Tokens back to text, keeping the article's spacing."""
    toks = sorted((t.i, t.text, t.whitespace_) for t in tokens if not t.is_space)
    out = []
    last = len(toks) - 1
    for j, (i, text, space) in enumerate(toks):
        out.append(text)
        if j < last and (space or toks[j + 1][0] != i + 1):
            out.append(" ")
    joined = _SPACE_BEFORE_MARK.sub(_first_group, "".join(out))
    return _SPACE_BEFORE_POSSESSIVE.sub(_first_group, joined).strip()


def _first_group(m: re.Match[str]) -> str:
    # (a function, not the template r"\1": given a template, every call of sub goes through
    # Python's own template code first, even on a text it leaves as it is)
    return m.group(1)


def starts_sentence(tok: Token) -> bool:
    """True for the first word of a sentence (after a blanked dateline or an opening quote)."""
    i = tok.i
    while i > tok.sent.start and (tok.doc[i - 1].is_space or tok.doc[i - 1].is_quote):
        i -= 1
    return i == tok.sent.start


def subtree(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _part_of_the(prep: Token) -> bool:
    """'as part of the settlement', 'as part of the deal': what it is part of, the article said before."""
    part = next((c for c in prep.children if c.dep_ == "pobj" and c.lower_ == "part"), None)
    of = next((c for c in part.children if c.dep_ == "prep" and c.lower_ == "of"), None) if part is not None else None
    thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return thing is not None and any(c.dep_ == "det" and c.lower_ == "the" for c in thing.children) and \
        not _named_in(thing)


def _next_subject(verb: Token, child: Token) -> set[int] | None:
    """The words from an "and" to `child`, a verb without a subject of its own, when they hang
    together as a noun phrase (relative clauses the parse hung on the noun before count too)."""
    for cc in (t for t in verb.doc[verb.i + 1:child.i] if t.dep_ == "cc"):
        noun = next((c for c in cc.head.children if c.dep_ == "conj" and c.i > cc.i
                     and c.pos_ in ("NOUN", "PROPN", "NUM")), None)
        span = range(cc.i + 1, child.i)
        if noun is not None and all(
                t.head.i in span or t == noun or (t.head == child and t.dep_ in ("aux", "neg"))
                or (t.dep_ == "relcl" and t.head == cc.head and t.i > noun.i) for t in verb.doc[cc.i + 1:child.i]):
            return set(range(cc.i, child.i))
    return None


def clause_tokens(verb: Token, participle: bool = False) -> set[int] | None:
    """The tokens of `verb`'s own clause, trimmed of side remarks; None if it leans on context.
    `participle` keeps a closing ", abandoning any hope of ..." that says what the act was."""
    keep = subtree(verb)
    sent = verb.sent
    drop: set[int] = set()
    for child in verb.children:
        if (child.dep_ in ("cc", "parataxis", "mark", "preconj", "dep", "meta", "intj")
                or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX", "NUM"))  # "and 3,000 at Bristol"
                or (child.dep_ == "advmod" and child.lower_ in DROP_ADVERBS)):
            drop |= subtree(child)
        second = child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "ccomp" and c.i < child.i for c in verb.children) and not any(
            c.dep_ in SUBJECTS for c in child.children)  # "declared 071 to be ... and 2007 is likely to"
        if second:
            drop |= subtree(child)
        if child.i > verb.i and child.pos_ in ("VERB", "AUX") and (child.dep_ == "conj" or second or (
                child.dep_ == "ccomp" and not any(c.dep_ in SUBJECTS for c in child.children))):
            # "... than a plane ticket and online booking is huge", "a phone that plays Zanetti's tunes and
            # other gadgets that hold a big memory will become common": the parse gave the next
            # clause's subject to the object before it; from that "and" on, the words are the next clause's.
            if (taken := _next_subject(verb, child)) is not None:
                drop |= taken | subtree(child)
        elif child.dep_ == "prep" and child.lower_ == "as" and _part_of_the(child):
            drop |= subtree(child)  # "Zanetti will pay Veltro $3bn as part of the settlement": the deal is the payment
        elif child.dep_ == "punct":
            drop.add(child.i)
        elif (child.dep_ in ("advcl", "npadvmod") and child.i > verb.i and leans_on_context(child.subtree)) or (
                child.dep_ == "advcl" and any(m.lower_ in ("while", "whereas", "although", "though", "as")
                                           and m.dep_ == "mark" for m in child.children)):
            drop |= subtree(child)
    # Everything after the first comma that hangs off the verb itself to its right: "..., up from
    # 574", "..., according to ...", "..., working with ..." are side remarks.
    commas = [c.i for c in verb.children if c.dep_ == "punct" and c.text in ",;:—–-" and c.i > verb.i]
    keep_comma = None
    if commas:
        after = verb.doc[commas[0] + 1] if commas[0] + 1 < len(verb.doc) else None
        tail = {i for i in keep if i >= commas[0]}
        # "conceded defeat, abandoning any hope of carrying Wessex": the participle says what
        # the act was and ends the sentence; kept, unless it leans on words elsewhere.
        rest = {i for i in tail if i != commas[0] and not (verb.doc[i].is_punct and i == max(keep))}
        if participle and len(commas) == 1 and after is not None and after.tag_ == "VBG" and after.dep_ == "advcl" \
                and after.head == verb and rest == subtree(after) and not leans_on_context(after.subtree):
            keep_comma = commas[0]
        else:
            drop |= tail
    # A leading "X, meanwhile," or "But" before the subject.
    lead_commas = [c.i for c in verb.children if c.dep_ == "punct" and c.text == "," and c.i < verb.i]
    for c in lead_commas:
        before = [ch for ch in verb.children if ch.i < c and ch.dep_ not in SUBJECTS]
        for ch in before:
            if ch.dep_ in ("advcl", "prep", "advmod", "npadvmod") and not any(
                    s.dep_ in SUBJECTS and s.i > ch.i for s in verb.children):
                continue
            if ch.dep_ == "prep" and any(t.lower_ in ("this", "these", "that", "those", "it", "them")
                                         for t in ch.subtree):
                return None  # "Within this, fraud by text message totalled £27m": within what?
            if ch.dep_ in ("advmod", "advcl", "prep", "npadvmod"):
                drop |= subtree(ch)
    drop |= deictic_tokens(t for t in sent if t.i in keep)
    out = keep - drop
    if commas and keep_comma is not None:
        out.add(keep_comma)
    return out if out else None


def appositive(t: Token) -> bool:
    """Whether `t` heads an apposition: one the parse calls so, or a second object after a comma, which is one
    misparsed ("cut its rate to 3.75%, its third cut this year": "cut" is no second thing cut)."""
    if t.dep_ == "appos":
        return True
    start = t.left_edge.i
    return t.dep_ == "dobj" and start > t.sent.start and t.doc[start - 1].text == "," \
        and any(c.dep_ == "dobj" and c.i < start for c in t.head.children)


def deictic_tokens(tokens: Iterable[Token], keep_relative: bool = False) -> set[int]:
    """Time phrases that only make sense on the day of the article ("this month", "on Tuesday");
    with `keep_relative`, not those that place it before or after another time ("last year")."""
    drop: set[int] = set()
    for t in tokens:
        if t.dep_ in ("npadvmod", "tmod", "pobj", "compound", "advmod") or t.ent_type_ == "DATE":
            if not _may_open_time(t.left_edge):
                continue  # "the new service": no time phrase opens on "the"
            phrase = render(t.subtree)
            if t.lower_ == "sunday" and t.i >= 2 and t.nbor(-1).lower_ == "on" and t.nbor(-2).text in ON_SUNDAY:
                continue  # "an Independent on Sunday poll": a newspaper's name, not the day
            if _time_spent(t if t.dep_ != "compound" else t.head):
                continue  # "spent Thursday night in them": the time is what the verb takes, not when
            if t.dep_ == "compound" and t.lower_ in WEEKDAYS:
                if t.head.text[:1].isupper() and t.head.lower_[:3] not in _MONTH_STARTS:
                    continue  # a name: the album "Sunday Best", "the Sunday Times" (not "Friday Dec 10")
                if t.head.lower_.endswith("s") and t.head.lower_[:-1] in _TIMES_OF_DAY:
                    continue  # a habit, not a day: "sang in a pub on Friday nights" (not "on nights")
                if t.head.lower_ in _TIMES_OF_DAY and t.head.dep_ in ("compound", "amod"):
                    continue  # a slot, not a day: "its Sunday night drama" (not "its night drama")
                if t.head.lower_ in _TIMES_OF_DAY:
                    # "broke early Wednesday morning": the whole time goes, not the day alone ("broke early morning")
                    drop |= _time_phrase(t.head)
                    continue
                drop.add(t.i)
            elif t.lower_ in _TIMES_OF_DAY and t.dep_ in ("compound", "amod"):
                continue  # the slot of "its Sunday night drama", not the day it went out
            elif DEICTIC_TIME.match(phrase) and not (keep_relative and _RELATIVE_TIME.match(phrase)):
                drop |= _time_phrase(t)
    return drop


# Verbs whose object is a stretch of time: "spent Thursday night in the car", "passed Sunday at home".
_SPEND_VERBS = frozenset({"spend", "pass"})


def _time_spent(t: Token) -> bool:
    """Whether a time phrase headed by `t` is the object of spending it: left out, "were thought to have spent
    Thursday night in them" loses what was spent (the parser may call such an object a modifier)."""
    return t.dep_ in ("npadvmod", "dobj", "tmod") and t.head.lemma_ in _SPEND_VERBS


def _time_phrase(t: Token) -> set[int]:
    """The tokens of the time phrase headed by `t`: with its preposition where it is the preposition's only object
    ("on Sunday"), and an "early" or "late" timing it ("capsized early on Sunday": not "capsized early on")."""
    prep = t.head
    if not (t.dep_ == "pobj" and prep.dep_ == "prep"
            and all(c.i == t.i or c.lower_ in _EARLY_LATE for c in prep.children)):
        return subtree(t)
    drop = subtree(prep)
    if prep.head.lower_ == "as" and prep.head.dep_ == "prep" and len(list(prep.head.children)) == 1:
        drop = subtree(prep.head)  # "contained as of Sunday morning": the "as" goes with it
    if prep.i > 0 and t.doc[prep.i - 1].lower_ in _EARLY_LATE:
        drop.add(prep.i - 1)
    return drop | _bare_participle(prep.head, drop)


def _bare_participle(verb: Token, drop: set[int]) -> set[int]:
    """The participle a time phrase hangs from, where the phrase is all it says, and its commas: "the city's
    draft budget, published on Wednesday" without the day would end on "published", and "The figures,
    released on Tuesday, show" on "released,"; the two go together."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("acl", "advcl") or \
            not all(c.i in drop or c.dep_ == "punct" for c in verb.children):
        return set()
    doc = verb.doc
    out = {verb.i}
    if verb.i > 0 and doc[verb.i - 1].text == ",":
        out.add(verb.i - 1)
        end = max(drop | out) + 1
        if end < len(doc) and doc[end].text == "," and end + 1 < len(doc) and not doc[end + 1].is_punct:
            out.add(end)  # ("The figures, released on Tuesday, show": both commas of the aside)
    return out


# Newspapers named for the day they come out: "the Mail on Sunday", "an Independent on Sunday poll". (A place
# or an event before a day is no name: "at the Tolley Arena on Tuesday" says when, as "on Tuesday" does.)
ON_SUNDAY = frozenset({"Mail", "Independent", "Scotland", "Wales", "Express", "Observer"})


# The words a DEICTIC_TIME phrase may open on, as a cheap test before the phrase is rendered.
_TIME_OPENERS = ("this", "last", "next", "earlier", "later", "early", "late", "recent", "yesterday", "today",
                 "tomorrow", "tonight", "now", "recently", "currently", "meanwhile", "on", *WEEKDAYS)
# The same test as set look-ups: "las" begins an opener ("last"), "lasting" begins with one.
_OPENER_SET = frozenset(_TIME_OPENERS)
_OPENER_PREFIXES = frozenset(w[:n] for w in _TIME_OPENERS for n in range(len(w) + 1))
_OPENER_LENGTHS = tuple(sorted({len(w) for w in _TIME_OPENERS}))


def _may_open_time(first: Token) -> bool:
    """Whether a phrase whose first token is `first` may match DEICTIC_TIME ("last week", "on Monday"),
    going by the words it may open on; a space or a word not wholly ASCII is left to the pattern."""
    if first.is_space or not first.text.isascii():
        return True
    low = first.lower_
    # (an opener begins with the word, or the word begins with an opener)
    return low in _OPENER_PREFIXES or any(low[:n] in _OPENER_SET for n in _OPENER_LENGTHS if n <= len(low))


def leans_on_context(tokens: Iterable[Token], quoted: Set[int] | None = None, *,
                     allow_possessive: bool | str = False) -> bool:
    """True when the words need the article's context: he, the group, this month..."""
    quoted = quoted or set()
    toks = [t for t in tokens if t.i not in quoted]
    seen_noun = allow_possessive in (True, "person")  # "Who quoted its plan?": whose plan, unsaid
    persons = allow_possessive if allow_possessive in ("person", "who") else False
    for t in toks:
        low = t.lower_
        if t.tag_ == "PRP$" and seen_noun and (low in ("its", "their") or (persons and low in ("his", "her"))):
            continue
        if persons == "who" and low in ("he", "she", "his", "her", "him", "himself", "herself") and not any(
                x.pos_ == "PROPN" and x.i < t.i for x in toks):
            continue  # "Who said she knew the queues were too long?": she is the one asked for
            # (not after a name: "Who said Reyes believed he ...?", Reyes or the one asked for)
        if of_a_kind(t):
            continue  # "taxes on those earning more than $250,000": people of a kind, not ones named before
        if low in ("this", "these", "those") or (low == "that" and t.tag_ == "DT"):
            return True
        if t.tag_ in ("WDT", "WP") and t.dep_ in SUBJECTS and t.head.dep_ in ("ROOT", "ccomp"):
            return True
        if t.pos_ in ("NOUN", "PROPN"):
            seen_noun = True
        if t.tag_ in ("PRP", "PRP$") and low in PRONOUNS and not (low == "it" and t.dep_ == "expl") \
                and not _told_whom(t):
            return True
        if t.tag_ == "DT" and low in ("this", "these", "those", "that") and t.dep_ == "det":
            return True
        if low == "both" and t.dep_ in ("det", "predet") and t.head.tag_ == "NNS":
            return True  # "warned both parties": which two, the article said before
        if t.tag_ == "EX":
            continue
        if low == "one" and t.dep_ in SUBJECTS:
            return True
    return bool(anaphoric_nouns(toks)) or bool(ANAPHORS.search(render(toks)))


def of_a_kind(t: Token) -> bool:
    """'those earning more than $250,000', 'those who moved up a band': people of a kind, not
    ones named before."""
    after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if t.lower_ in ("that", "those") and after is not None and after.lower_ == "of" and t.dep_ == "pobj" and any(
            n.pos_ in ("NOUN", "PROPN") for n in t.doc[t.sent.start:t.i]):
        return True  # "a price $3,000 above that of a normal car": the noun before it, for another owner
    return t.lower_ == "those" and after is not None and (
        after.tag_ == "VBG" or after.lower_ in ("who", "with", "aged", "earning"))


def _told_whom(t: Token) -> bool:
    """'warned Labour and the Tories they were ...': `they` is the named object of the verb the
    clause hangs on, which the same words give."""
    if t.lower_ not in ("he", "she", "they") or t.dep_ != "nsubj" or t.head.dep_ != "ccomp":
        return False
    obj = next((c for c in t.head.head.children if c.dep_ in ("dobj", "dative") and c.i < t.i), None)
    return obj is not None and obj.pos_ == "PROPN" and (t.lower_ != "they" or obj.tag_ == "NNPS" or any(
        c.dep_ == "conj" for c in obj.children))


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, looking through 'and'-joined verbs and xcomp/aux chains."""
    v = verb
    for _ in range(4):
        for c in v.children:
            if c.dep_ in SUBJECTS:
                return c
        if v.dep_ in ("conj", "xcomp") and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
            continue
        return None
    return None


def aux_of(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i
            and c.tag_ != "TO"]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def finish(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:—–-")
    text = re.sub(r"\s+([,?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = text.rstrip(" ,;:.")
    text = re.sub(r"[.,]([”\"])$", r"\1", text)  # 'Who said “... science.”?' ends in '...science”?'
    if text.count("“") == text.count("”") + 1:
        text += "”"  # the closing mark hung off the main verb, outside the clause we kept
    return _cap(text) + "?"


def ask_subject(verb: Token, target: set[int], wh: str, participle: bool = False) -> str | None:
    """'X did Y' with X the asked-for subject -> 'wh did Y?'."""
    keep = clause_tokens(verb, participle)
    if keep is None or not target <= keep:
        return None
    first = min(target)
    rest_before = [i for i in keep if i < first]
    if any(verb.doc[i].dep_ not in ("punct", "cc") for i in rest_before):
        return None  # something stands before the subject that we cannot place
    rest = [verb.doc[i] for i in sorted(keep - target) if i > first]
    after = rest[-1].i + 1 if rest else len(verb.doc)
    said = render(rest)
    if after < len(verb.doc) and verb.doc[after].text in ('"', "”") and (
            said.count('"') % 2 or said.count("“") > said.count("”")):
        rest.append(verb.doc[after])  # the closing quote, which the parse hung on the main verb
    finite = ("VBD", "VBZ", "VBP", "MD")
    if len(rest) < 3:
        return None  # (nothing after the subject: a parse that took the whole clause for it)
    head = rest[1] if rest[0].pos_ == "ADV" else rest[0]
    if not (head.tag_ in finite or head.dep_ in ("aux", "auxpass", "neg")):
        return None  # "How many people waiting for treatment?" has no verb to ask with
    if leans_on_context(rest, quoted_tokens(verb.sent),
                        allow_possessive="who" if wh.lower().startswith("{wh}") else True):
        return None
    return well_formed(finish(f"{wh} {render(rest)}"))


def well_formed(prompt: str | None) -> str | None:
    """None for a stem with unbalanced brackets or quotes, or too short to ask anything."""
    if prompt is None:
        return None
    words = re.findall(r"[a-z]+", prompt.lower())
    if any(words.count(w) > 1 for w in ("said", "says", "say", "told")):
        return None  # "had said the day before ... said that": the article's own slip
    for a, b in ("()", "[]", "“”"):
        if prompt.count(a) != prompt.count(b):
            return None
    if prompt.count('"') % 2 or len(prompt.split()) < 4:
        return None
    return prompt


def ask_inverted(verb: Token, target: set[int], wh: str) -> str | None:
    """'S V ... X ...' with X an object or prepositional phrase -> 'wh aux S V ...?'."""
    keep = clause_tokens(verb)
    if keep is not None and target and max(target) < verb.i and any(
            verb.doc[i].dep_ == "prep" and verb.doc[i].head == verb for i in target):
        keep |= target  # "In South Korea, a seat on the fast train is cheaper ...": the place is what is asked
    if keep is None or not target <= keep:
        return None
    subj = subject_of(verb)
    if subj is None:
        return None
    subj_ids = subtree(subj) - {t.i for t in subj.subtree if t.dep_ in ("relcl", "acl")
                                and any(c.dep_ == "punct" for c in t.children)}
    subj_ids = {i for i in subj_ids if verb.doc[i].dep_ != "punct" or i < max(subj_ids)}
    subj_toks = [verb.doc[i] for i in sorted(subj_ids) if not verb.doc[i].is_space]
    while subj_toks and subj_toks[-1].text in ",;—–-":
        subj_toks.pop()
    subj_text = render(subj_toks)
    if any(t.text == "," for t in subj_toks):
        subj_text += ","
    if subj_toks and starts_sentence(subj_toks[0]) and subj_toks[0].pos_ not in ("PROPN",) \
            and subj_toks[0].text[:1].isupper() and not (len(subj_toks[0].text) > 1 and subj_toks[0].text.isupper()):
        subj_text = subj_text[:1].lower() + subj_text[1:]
    auxes = aux_of(verb)
    if not auxes and verb.dep_ == "conj":
        auxes = []
    if leans_on_context(subj_toks, quoted_tokens(verb.sent)):
        return None
    neg = [c for c in verb.children if c.dep_ == "neg"]
    body_ids = keep - target - subj_ids - {a.i for a in auxes} - {n.i for n in neg} - {verb.i}
    body_ids = {i for i in body_ids if i > verb.i or verb.doc[i].dep_ in ("advmod",)}
    pre = [verb.doc[i] for i in sorted(body_ids) if i < verb.i]
    post = [verb.doc[i] for i in sorted(body_ids) if i > verb.i]
    person = any(t.ent_type_ == "PERSON" for t in subj_toks)
    if leans_on_context(pre + post, quoted_tokens(verb.sent), allow_possessive="person" if person else True):
        return None
    if auxes:
        first, others = auxes[0], auxes[1:]
        lead = first.text.lower()
        middle = " ".join([*(a.text for a in others), *(n.text for n in neg)])
        verb_text = verb.text
    elif verb.lemma_ == "be":
        lead = verb.text.lower()
        middle = " ".join(n.text for n in neg)
        verb_text = ""
    else:
        if verb.tag_ == "VBD":
            lead = "did"
        elif verb.tag_ == "VBZ":
            lead = "does"
        elif verb.tag_ == "VBP":
            lead = "do"
        else:
            return None
        middle = " ".join(n.text for n in neg)
        verb_text = verb.lemma_
    parts = [wh, lead, subj_text, middle, render(pre), verb_text, render(post)]
    return well_formed(finish(" ".join(p for p in parts if p)))


def ask_passive(verb: Token, antecedent: Token, target: set[int], wh: str) -> str | None:
    """'an attack that killed 30 soldiers in Gao' -> 'How many soldiers were killed in an attack in Gao?'."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or aux_of(verb):
        return None
    participle = IRREGULAR_PARTICIPLES.get(verb.lower_, verb.text if verb.tag_ in ("VBD", "VBN") else None)
    if participle is None or not participle.endswith(("ed", "en", "wn", "un", "t")):
        return None
    keep = clause_tokens(verb)
    if keep is None:
        return None
    keep -= {t.i for t in verb.doc if t.i not in subtree(verb)}
    rel_subj = [c for c in verb.children if c.dep_ in SUBJECTS]
    body = keep - target - {verb.i} - {i for s in rel_subj for i in subtree(s)}
    ante_ids = subtree(antecedent) - subtree(verb)
    ante_ids -= {t.i for t in antecedent.subtree if t.dep_ in ("relcl", "acl", "appos", "punct")
                 for t in t.subtree}
    ante = [antecedent.doc[i] for i in sorted(ante_ids)]
    post = [verb.doc[i] for i in sorted(body) if i > verb.i]
    if leans_on_context(ante + post, quoted_tokens(verb.sent)):
        return None
    be = "were" if verb.tag_ in ("VBD", "VBN") else "are"
    prep = "in" if verb.lemma_ in ("kill", "injure", "wound", "hurt", "displace", "destroy",
                                   "damage", "claim", "leave") else "by"
    ante_text = render(ante)
    if ante and starts_sentence(ante[0]) and ante[0].pos_ != "PROPN" and not ante[0].text.isupper():
        ante_text = ante_text[:1].lower() + ante_text[1:]
    return well_formed(finish(" ".join(p for p in [wh, be, participle, prep, ante_text, render(post)] if p)))


_QUOTE_RE = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")  # an open quote runs on to the end


def quoted_tokens(sent) -> frozenset[int]:  # type: ignore[no-untyped-def]
    """Indices of tokens inside quotation marks in a sentence (spans of the doc). Worked out once
    per sentence (asked for thousands of times an article) and shared: a caller that adds to it
    makes its own copy."""
    known = sent.doc.user_data.setdefault("quoted_tokens", {})
    key = (sent.start, sent.end)
    if key not in known:
        text = text_of(sent)
        spans = [(m.start() + sent.start_char, m.end() + sent.start_char) for m in _QUOTE_RE.finditer(text)]
        known[key] = frozenset(t.i for t in sent for a, b in spans if a <= t.idx < b)
    return known[key]
