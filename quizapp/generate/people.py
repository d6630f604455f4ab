"""Quotes, roles and names in one parsed sentence: who said it, who holds the office, which place."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizapp.generate import clauses as cl
from quizapp.generate.entities import PARTIES, PLACE_NOUNS, TITLES, Mention, clean_name, opens_on_a_job
from quizapp.generate.facts import ROLE_WORDS, SAY_VERBS, Fact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_SAID_BEFORE = re.compile(r"\b(saying|said|says)[:,]?\s*$")
_QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


def _close_quotes(text: str) -> str:
    """'Ms Ellery said: "I have heard ...' (the quote goes on in the next sentence): close it here."""
    if text.count('"') % 2:
        return text + '"'
    if text.count("“") > text.count("”"):
        return text + "”"
    return text


def speaker_of(sent: Span, person_of, resolve=None) -> tuple[str, int | None] | None:  # type: ignore[no-untyped-def]
    """The named person who says something in `sent` ('Macron said', 'according to Macron', or a
    'he said' that `resolve` can name), with the sentence that names them when it is another one."""
    for t in sent:
        if t.lemma_ in SAY_VERBS and t.pos_ == "VERB":
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if not subj and t.dep_ == "advcl" and t.tag_ == "VBG":  # "Dawson swore ..., saying "..."
                subj = [c for c in t.head.children if c.dep_ == "nsubj"]
            if subj and person_of(subj[0]):
                return person_of(subj[0]), None
        if t.lower_ == "according" and t.i + 1 < sent.end and t.nbor().lower_ == "to":
            pobj = [c for c in t.nbor().children if c.dep_ == "pobj"]
            if pobj and person_of(pobj[0]):
                return person_of(pobj[0]), None
    if resolve is not None:
        for t in sent:
            if t.lemma_ in SAY_VERBS and t.pos_ == "VERB":
                subj = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ in ("he", "she")]
                if subj and resolve(subj[0]):
                    return resolve(subj[0])
    return None


_UNKNOWN = object()


def quote_facts(sent: Span, base: Fact, person_of, resolve=None, said=_UNKNOWN) -> list[Fact]:  # type: ignore[no-untyped-def]
    """'“These 13 heroes ...,” Macron said' -> 'Who said "These 13 heroes ..."?'. `said`: the
    sentence's speaker_of, when the caller has it already."""
    out: list[Fact] = []
    found = speaker_of(sent, person_of, resolve) if said is _UNKNOWN else said
    if not found:
        return out
    speaker, antecedent = found
    for mq in _QUOTE.finditer(_close_quotes(cl.text_of(sent))):
        quote = (mq.group(1) or mq.group(2)).strip().rstrip(",")
        if quote.endswith(".") and not quote.endswith(".."):
            quote = quote[:-1]  # 'Who said “... not rocket science”?', not '... science.”?'
        words = quote.split()
        whole = bool(_SAID_BEFORE.search(_close_quotes(cl.text_of(sent))[:mq.start()]))  # 'saying "no judge ..."'
        if len(words) < 5 or not (quote[:1].isupper() or whole) or len(words) > 40:
            continue
        if _not_theirs_alone(quote, speaker) or cl.DO_SO.search(quote):
            continue
        q = quote.replace('"', "'")
        out.append(Fact(kind="quote", prompt=f"Who said “{q}”?", answer=speaker,
                        sentence=base.sentence, order=base.order + mq.start() / 1e6,
                        names_in_sentence=base.names_in_sentence, score=0.9, antecedent=antecedent))
    return out


def _an_example(tok: Token) -> bool:
    """'states such as Iowa', 'countries including Mali', 'firms like Nintaro': one of several."""
    head = tok.head
    before = [t.lower_ for t in tok.doc[max(0, tok.i - 3):tok.i]]
    return (head.dep_ == "prep" and head.lower_ in ("as", "including", "like")) or before[-2:] == ["such", "as"] \
        or before[-1:] in (["including"], ["like"])


def relative_clause_facts(sent: Span, base: Fact, name_of) -> list[Fact]:  # type: ignore[no-untyped-def]
    """'Iowa, which has suffered a long run of poor harvests,' -> 'Which state has suffered ...?';
    'Dawson, who is now as famous for his rows with the law ...' -> 'Who is now as famous ...?':
    what an aside says of a name."""
    out: list[Fact] = []
    quoted = cl.quoted_tokens(sent)
    for ent in cl.ents(sent):
        root = ent.root
        name = name_of(root)
        if not name or root.i in quoted or root.dep_ == "conj" or _an_example(root):
            continue  # "farm states such as Iowa, which ...": other states may have suffered too
        for verb in root.children:
            if verb.dep_ != "relcl" or verb.pos_ not in ("VERB", "AUX") or verb.i < ent.end:
                continue
            wh = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                       and c.lower_ in ("who", "which")), None)
            if wh is None or wh.i != ent.end + 1 or sent.doc[ent.end].text != ",":
                continue  # only the aside between commas: "the firm which makes ..." defines, not adds
            prompt = cl.ask_subject(verb, {wh.i}, "{Wh}")
            if not prompt or len(prompt.split()) < 6 or len(prompt.split()) > 30 or any(ch.isdigit() for ch in prompt):
                continue
            out.append(Fact(kind="aside", prompt=prompt, answer=name, sentence=base.sentence,
                            order=base.order + ent.start / 10_000 + 0.00004,
                            names_in_sentence=base.names_in_sentence, score=0.5))  # an aside: after the main fact
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
    for ent in cl.ents(sent):
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
                # (with the rank's last word where the name as found opens on it: "Assistant Chief" +
                # "Constable Jo Reyes" is "the Assistant Chief Constable")
                role_toks = [sent.doc[i] for i in range(start, ent.start + int(opens_on_a_job(ent.text)))]
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
        if det and first.lower_ in ("a", "an"):
            det = first.lower_ + " "  # "Mr Demm, a truck industry veteran,": one of many, as the article has it
            first = role_toks[1]
        if not det and role[:1].islower():
            continue
        # "Conservative local government spokesman" keeps its capital at the start of a sentence
        proper = first.pos_ == "PROPN" or first.ent_type_ or first.text in _PARTY_ADJECTIVES
        phrase = det + (role if proper else role[:1].lower() + role[1:])
        out.append(Fact(kind="role", prompt=f"Who does the article describe as {phrase}?", answer=name,
                        sentence=base.sentence, order=base.order + ent.start / 10_000,
                        names_in_sentence=base.names_in_sentence, score=0.8))
    return out


def entity_facts(sent: Span, base: Fact, name_of,  # type: ignore[no-untyped-def]
                 survey: tuple[str, int] | None = None) -> list[Fact]:
    """A named subject or place of the main clause: 'Which country provides ...?'; `survey` (the
    poll a sentence leans on) lets 'Portugal was the most pessimistic' be asked of that poll."""
    out: list[Fact] = []
    quoted = cl.quoted_tokens(sent)
    for ent in cl.ents(sent):
        if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
            continue
        root = ent.root
        name = name_of(root)
        if not name:
            continue
        if any(c.dep_ in ("conj", "cc") for c in root.children) or root.dep_ == "conj":
            continue
        if root.dep_ in ("nsubj", "nsubjpass") and any(t.dep_ == "cc" or t.lower_ == "both" for t in root.subtree):
            continue  # "both the Greens and the Liberal Democrats said": two right answers
        verb = root.head
        antecedent = None
        if root.i in quoted:
            continue
        if root.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "ROOT" and verb.pos_ in ("VERB", "AUX"):
            clause = list(verb.subtree)  # (walked once, not once per test)
            most = verb.lemma_ == "be" and any(t.tag_ == "RBS" for t in clause)
            if (verb.lemma_ == "be" and not (most and survey)) or any(
                    (t.tag_ == "RBS" and not survey) or t.lower_ == "among" for t in clause):
                continue  # "Portugal was the most pessimistic": about what, unless a poll says
            target = cl.subtree(root)
            prompt = cl.ask_subject(verb, target, "{Wh}")
            if prompt and survey and any(t.tag_ == "RBS" for t in clause):
                prompt = f"In {survey[0]}, {{wh}}{prompt[4:]}"  # "In the Tolley Institute poll, which ..."
                antecedent = survey[1]
            if (not prompt or len(prompt.split()) < 5) and verb.lemma_ not in SAY_VERBS:
                # "Who conceded defeat?" says too little: ", abandoning any hope of ..." with it
                prompt = cl.ask_subject(verb, target, "{Wh}", participle=True)
            if prompt and len(prompt.split()) < (8 if verb.lemma_ in SAY_VERBS else 5):
                continue  # "Which organisation said many tolls were already charged?": said what about what?
        elif (root.dep_ == "nsubj" and verb.dep_ == "ccomp" and verb.pos_ in ("VERB", "AUX")
              and verb.head.dep_ == "ROOT" and verb.head.lemma_ in SAY_VERBS and ent.label_ in ("GPE", "ORG")
              and verb.lemma_ != "be"):
            # "Vietnam has seen decades of export growth, says the WTV's Jun Park": his claim, so asked
            # as his ("According to the WTV's Jun Park, which country has seen ...?").
            prompt = _according_to(verb, root)
        elif root.dep_ == "dobj" and verb.dep_ == "ROOT" and verb.pos_ == "VERB" and \
                ent.label_ in ("GPE", "LOC", "ORG", "PERSON") and verb.lemma_ not in SAY_VERBS:
            prompt = cl.ask_inverted(verb, cl.subtree(root), "{Wh}")
            prompt = prompt if prompt and "{Wh}" in prompt and prompt.startswith("{Wh}") else None
        elif root.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.dep_ == "ROOT" and \
                verb.head.pos_ in ("VERB", "AUX") and verb.lower_ in ("from", "in", "to", "into", "at") and \
                ent.start == verb.i + 1:
            prompt = cl.ask_inverted(verb.head, cl.subtree(verb), f"{verb.lower_} {{wh}}")
            prompt = prompt if prompt and "{wh}" in prompt else None
        elif root.dep_ == "pobj" and verb.dep_ == "agent" and ent.label_ in ("ORG", "PERSON"):
            prompt = _ask_agent(verb.head, root, ent) or _ask_owner(verb.head, root, ent)
        else:
            continue
        if not prompt or len(prompt.split()) > 30:
            continue
        # "The Tories have warned": the verb right after a plural subject agrees with it.
        first = min([verb, *cl.aux_of(verb)], key=lambda x: x.i)
        plural = root.dep_ in ("nsubj", "nsubjpass") and first.tag_ == "VBP" and first.i == ent.end
        out.append(Fact(kind="entity", prompt=prompt, answer=name, sentence=base.sentence,
                        order=base.order + ent.start / 10_000 + 0.00002,
                        names_in_sentence=base.names_in_sentence, score=0.55, plural=plural,
                        antecedent=antecedent))
    return out


def _according_to(verb: Token, subject: Token) -> str | None:
    said = verb.head
    if cl.quoted_tokens(verb.sent) & cl.subtree(verb):
        return None  # "The Islamic State is “outpacing ... that threat,” Pompeo said": his words, not a claim
    speaker = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ == "PRON" or not any(t.pos_ == "PROPN" for t in speaker.subtree):
        return None  # "it says", "officials said": whose claim, the question could not say
    place = {t.i for c in speaker.children if c.dep_ == "prep" for t in c.subtree}  # "in Beijing" tells China
    words = sorted((t for t in speaker.subtree if t.i not in place), key=lambda t: t.i)
    if any(t.dep_ in ("relcl", "appos") or t.text in ",(" for t in words):
        return None
    who = cl.render(words)
    if words[0].lower_ == "the":
        who = "t" + who[1:]
    asked = cl.ask_subject(verb, cl.subtree(subject), "{wh}")
    if asked is None or subject.text.lower() in who.lower():
        return None
    return f"According to {who}, {asked}"


def _ask_agent(verb: Token, name: Token, ent: Span) -> str | None:
    """'A new service has been launched by internet service provider Skyline Online' -> 'Which internet
    service provider has launched a new service?' (or '{Wh} has launched ...' without a descriptor)."""
    if verb.tag_ != "VBN" or verb.dep_ != "ROOT" or any(c.dep_ == "neg" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if subj is None or not auxes or auxes[-1].dep_ != "auxpass":
        return None
    lead = [a.lower_ for a in auxes[:-1]]
    if lead == [] and auxes[-1].lower_ in ("was", "were"):
        tense = [verb.text]
    elif lead in (["has"], ["have"]) and auxes[-1].lower_ == "been":
        tense = ["has", verb.text]
    elif lead == ["will"] and auxes[-1].lower_ == "be":
        tense = ["will", verb.lemma_]
    else:
        return None  # "is launched", "is being launched": no safe active form
    # The object: the passive subject, and what follows the verb other than the agent.
    obj = [t for t in subj.subtree if not t.is_space]
    rest = [t for c in verb.children if c.i > verb.i and c.dep_ not in ("agent", "punct")
            for t in c.subtree]
    if cl.leans_on_context(obj + rest) or any(t.i in cl.quoted_tokens(verb.sent) for t in obj + rest):
        return None
    obj_text = cl.render(obj)
    if obj[0].pos_ == "DET" or (obj[0].pos_ != "PROPN" and not obj[0].text.isupper()):
        obj_text = obj_text[:1].lower() + obj_text[1:]
    desc = [t for t in name.subtree if t.i < ent.start and t.dep_ == "compound" and t.pos_ == "NOUN"]
    if any(t.i < ent.start and t not in desc and t.dep_ != "det" for t in name.subtree):
        return None
    wh = f"Which {cl.render(desc)}" if desc else "{Wh}"
    return cl.well_formed(cl.finish(" ".join([wh, *tense, obj_text, cl.render(rest)]).strip()))


# "currently owned by Rapido" -> "Which company owned ...?": as the article had it, not as of today
_HOLDING = {"own": "owned", "control": "controlled", "run": "ran", "operate": "operated", "back": "backed"}


def _ask_owner(verb: Token, name: Token, ent: Span) -> str | None:
    """'the Falco car company - currently owned by Rapido -' -> 'Which company owned the Falco car
    company?': a named thing that a participle says another name holds."""
    thing = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_ not in _HOLDING or thing.pos_ != "NOUN":
        return None
    if ent.end != max(t.i for t in verb.subtree) + 1 - (1 if verb.doc[ent.end - 1].is_punct else 0) and \
            ent.end != verb.right_edge.i + 1:
        return None  # "owned by Rapido since 1997 and ...": more than who holds it
    words = [t for t in thing.subtree if t.i < verb.i and not t.is_punct and t.i not in cl.subtree(verb)]
    if not any(t.pos_ == "PROPN" for t in words) or cl.leans_on_context(words):
        return None  # "the company - owned by X -": which company, it does not say
    text = cl.render(words)
    text = text[:1].lower() + text[1:] if words[0].pos_ == "DET" else text
    return cl.well_formed(" ".join(["{Wh}", _HOLDING[verb.lemma_], text]) + "?")


def country_of_thing_facts(sent: Span, base: Fact, name_of) -> list[Fact]:  # type: ignore[no-untyped-def]
    """'Westport's new tolls are modelled on the New Zealand scheme.' -> 'On which country's scheme
    are Westport's new tolls modelled?': a country named as the modifier of a thing."""
    out: list[Fact] = []
    for ent in cl.ents(sent):
        root = ent.root
        noun = root.head
        if ent.label_ != "GPE" or root.dep_ != "compound" or noun.pos_ != "NOUN" or noun.dep_ != "pobj":
            continue
        prep = noun.head
        verb = prep.head
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "in", "from", "by", "to", "with") or \
                any(c.dep_ in ("conj", "cc") for c in noun.children):
            continue
        top = verb.head if verb.dep_ in ("acomp", "xcomp") else verb
        if top.dep_ != "ROOT" or top.pos_ not in ("VERB", "AUX") or not name_of(root):
            continue
        mods = [t for t in noun.subtree if t.i not in range(ent.start, ent.end) and t.dep_ != "det"]
        if any(t.i < ent.start for t in mods) or len(mods) > 4:
            continue  # "the old New Zealand system": keep it simple
        thing = cl.render(mods)
        prompt = cl.ask_inverted(top, cl.subtree(prep), f"{prep.lower_} {{wh}}'s {thing}")
        if not prompt or "{wh}" not in prompt or any(ch.isdigit() for ch in prompt):
            continue
        out.append(Fact(kind="possessor", prompt=prompt, answer=name_of(root), sentence=base.sentence,
                        order=base.order + ent.start / 10_000 + 0.00002,
                        names_in_sentence=base.names_in_sentence, score=0.6))
    return out


_ORG_NOUNS = {"firm", "company", "consultancy", "regulator", "watchdog", "agency", "charity", "bank",
              "insurer", "retailer", "operator", "carmaker", "publisher", "broadcaster", "union"}

_WORK_NOUNS = {"album", "albums", "single", "song", "songs", "film", "films", "movie", "movies", "book", "books",
               "novel", "label", "game", "games", "show", "shows", "series", "brand", "brands", "website",
               "magazine", "newspaper", "play", "musical", "programme", "app", "title", "titles", "product",
               "products"}


def _in_list_of_works(tok: Token) -> bool:
    """'titles such as Kart Rally and Danny Diver': names in a list of works are works, not people."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "as" and head.head.lower_ in _WORK_NOUNS:
        return True
    return tok.dep_ == "appos" and head.lower_ in _WORK_NOUNS


def _described(ent: Span) -> str:
    """'Telecoms regulator Telecor', 'the now closed consumer watchdog Callguard': the common
    nouns right before a name, which say what it is."""
    words = []
    for t in reversed(ent.doc[max(ent.sent.start, ent.start - 4):ent.start]):
        if t.pos_ not in ("NOUN", "ADJ") or t.dep_ not in ("compound", "amod", "nmod"):
            break
        words.append(t.lower_)
    return " ".join(reversed(words))


def mentions_of(sent: Span) -> list[Mention]:
    """The named entities of a sentence with the cues that help decide their kind."""
    out = []
    doc = sent.doc
    for ent in cl.ents(sent):
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
            after_org_noun=ent.label_ == "ORG" and ((before is not None and (
                before.lower_ in _ORG_NOUNS or (before.lower_ in ("at", "of") and ent.start - 2 >= sent.start
                                                and doc[ent.start - 2].lower_ in ROLE_WORDS)))  # "officer at Telecor"
                or (after is not None and _called_a_firm(ent))),  # "the Falco car company"
            after_work_noun=(before is not None and before.lower_ in _WORK_NOUNS) or _in_list_of_works(ent.root),
            before_which=ent.end + 1 < sent.end and doc[ent.end].text == "," and doc[ent.end + 1].lower_ == "which",
            title=next((w.text.rstrip(".") for w in (ent[0], before) if w is not None
                        and w.lower_.rstrip(".") in ("mr", "mrs", "ms", "miss", "dr", "sir")), ""),
            proper=proper, acts=ent.root.dep_ == "nsubj" and ent.root.head.pos_ == "VERB"
            and ent.root.i not in cl.quoted_tokens(sent), described=_described(ent)))
    return out




_PARTY_WORDS: dict[str, list[list[str]]] = {}
for _name in sorted(PARTIES, key=len, reverse=True):
    _PARTY_WORDS.setdefault(_name.split()[0], []).append(_name.split())


def mark_org_names(doc: Doc) -> None:
    """'internet service provider Skyline Online', 'the consumer watchdog Callguard': capitalised words
    right after a noun for an organisation name one, where the small model saw none (or only a part)."""
    from spacy.attrs import LOWER, ORTH
    from spacy.tokens import Span
    from spacy.util import filter_spans

    # Each token's word read once, as a number, from one array: the few words these rules start at
    # ("provider", "Labour") are found without making a Token of every word of the chunk.
    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, ORTH]).tolist() if len(doc) else []
    nouns = {strings[w] for w in (*_ORG_NOUNS, "provider", "maker", "manufacturer")}
    found = []
    for t in [doc[i] for i, (lower, _) in enumerate(rows) if lower in nouns]:
        end = t.i + 1
        while end < len(doc) and doc[end].tag_ in ("NNP", "NNPS") and doc[end].text[:1].isupper():
            end += 1
        if end == t.i + 1:
            continue
        if t.lower_ not in _FIRM_NOUNS and any(e.label_ == "PERSON" and e.start <= t.i + 1 < e.end for e in doc.ents):
            continue  # "publisher Jane Smith" is a person; "oil company Northwind" is not
        if any(e.label_ == "ORG" and e.start == t.i + 1 and e.end == end for e in doc.ents):
            continue
        found.append(Span(doc, t.i + 1, end, label="ORG"))
    # Parties the model often leaves unlabelled ("Labour claims ...").
    parties = {strings[w] for w in _PARTY_WORDS}
    for t in [doc[i] for i, (_, orth) in enumerate(rows) if orth in parties]:
        for words in _PARTY_WORDS[t.text]:
            end = t.i + len(words)
            if end <= len(doc) and [w.text for w in doc[t.i:end]] == words and \
                    not any(e.start <= t.i < e.end and e.label_ in ("ORG", "NORP") for e in doc.ents):
                found.append(Span(doc, t.i, end, label="ORG"))
                break
    # "Conservative housing spokesman Huw Harries": a name right after a job only people
    # hold is a person's, whatever the model called it.
    for e in doc.ents:
        before = doc[e.start - 1] if e.start > 0 else None
        if e.label_ != "PERSON" and before is not None and before.lower_ in _PEOPLES_JOBS and \
                before.dep_ == "compound" and before.head.i == e.end - 1 and 2 <= len(e) <= 3 and \
                all(t.tag_ == "NNP" and t.is_alpha and t.text[:1].isupper() and t.lower_ not in _ORG_NOUNS
                    for t in e):
            found.append(Span(doc, e.start, e.end, label="PERSON"))
    # "the Falco car company", "its Stella Rossa marque": a name the noun after it says is a firm.
    for e in doc.ents:
        if e.label_ in ("FAC", "GPE", "LOC", "PRODUCT", "NORP") and _called_a_firm(e):
            found.append(Span(doc, e.start, e.end, label="ORG"))
    # "Brindle, a Leeds-based company, said ...": a name its appositive calls a firm.
    for e in doc.ents:
        if e.label_ != "ORG" and any(c.dep_ == "appos" and c.lower_ in _FIRM_NOUNS and c.i > e.end
                                     and any(d.lower_ in ("a", "an") for d in c.children) for c in e.root.children) \
                and all(t.tag_ == "NNP" for t in e) and not (e.start > 0 and doc[e.start - 1].lower_.rstrip(".")
                                                             in ("mr", "mrs", "ms", "miss", "dr", "sir")):
            found.append(Span(doc, e.start, e.end, label="ORG"))
    if found:
        kept = [e for e in doc.ents if not any(e.start < f.end and f.start < e.end for f in found)]
        doc.ents = filter_spans([*kept, *found])
        cl.forget_ents(doc)


_FIRM_NOUNS = {"company", "firm", "group", "marque", "brand", "carmaker"}
_PARTY_ADJECTIVES = {p.split()[0] for p in PARTIES.values()}
_PEOPLES_JOBS = {"spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "chancellor",
                 "chairman", "chairwoman", "analyst", "economist", "presenter", "senator"}


def _called_a_firm(ent: Span) -> bool:
    """'the Falco car company', 'its Stella Rossa marque': a name the noun after it calls a firm."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    nxt = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    firm = after is not None and (after.lower_ in _FIRM_NOUNS or (
        after.lower_ == "car" and nxt is not None and nxt.lower_ in _FIRM_NOUNS))
    return firm and ent.root.dep_ == "compound" and all(t.tag_ == "NNP" for t in ent)


_OPEN = "\"“"
_CLOSE = "\"”"


def quote_is_open(text: str) -> bool:
    """True when `text` opens a quote that it does not close (the quote goes on in the next sentence)."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


# "If that's true, ...", "This is why ...": a quote that goes on from what the speaker just said.
# "But the new levy ...", "In fact, it would be ...", "That is why ...": a quote
# that opens by leaning on the words before it, which the question does not show.
_LINKED = re.compile(r"(but|and|so|or|yet|nor|also|in fact|indeed|however|then)\b", re.I)
_LEANS_BACK = re.compile(r"(if |and |so |but )?(that|this|these|those)\b", re.I)
# "She said he had sold the van": a speaker passing on what someone else said, whom only the article names.
# "He also sends instructions to ...": whom the words are about, only the sentences before say.
_POINTS_BACK = re.compile(r"(?:He|She|They|His|Her|Its|Their|Him|Them)\b")
_REPORTED = re.compile(r"(he|she|they)(?: \w+){0,2} (said|says|told|tells|asked|claimed|added)\b", re.I)


# A quote that names a party tells which side its speaker is on ("shield Labour's MPs from blame",
# "my talks with Liberal Democrat councillors in Wessex").
_SIDES = re.compile(r"\b(Labour|Tory|Tories|Conservatives?|Liberal Democrats?|Lib Dems?|Plaid|SNP|UKIP|"
                    r"Greens?|Republicans?|Democrats?|Democratic Party)\b")


def _not_theirs_alone(quote: str, speaker: str) -> bool:
    """Whether a quote tells its speaker or leans on what the article said before it: it names the
    speaker, opens on "and" or "He", passes on what someone else said, or names a party."""
    return bool(speaker.split()[-1].lower() in quote.lower() or _LINKED.match(quote) or _POINTS_BACK.match(quote)
                or _SIDES.search(quote) or _REPORTED.match(quote))


def continued_quote_fact(text: str, base: Fact, speaker: str, chain: list[int]) -> Fact | None:
    """A sentence that only goes on with a named speaker's quote: 'Who said “...”?', citing the
    sentences from the one that names the speaker to this one (`chain`)."""
    body = text.strip()
    if body[:1] in _OPEN:
        body = body[1:]
    inner = body.rstrip()
    while inner[-1:] in _CLOSE:
        inner = inner[:-1].rstrip()
    if any(ch in inner for ch in "\"“”"):
        return None  # the quote ends inside the sentence: someone else may speak after it
    quote = inner.rstrip(",.")
    words = quote.split()
    if len(words) < 5 or len(words) > 40 or not quote[:1].isupper():
        return None
    if _not_theirs_alone(quote, speaker) or _LEANS_BACK.match(quote):
        return None
    return Fact(kind="quote", prompt=f"Who said “{quote}”?", answer=speaker, sentence=base.sentence,
                order=base.order, names_in_sentence=base.names_in_sentence, score=0.8,
                antecedent=chain[0], chain=list(chain))


def _speaker_subject(verb: Token) -> list[Token]:
    """The subjects of a say-verb. "Nora Quist, head of policy at the Tolley Wheelers Trust said":
    the article left out the comma that closes the description, and the model took the trust for
    a second subject; the speaker is the name the description hangs on."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subj) == 2 and any(c.dep_ == "appos" for c in subj[0].children) and \
            subj[0].ent_type_ == "PERSON" and subj[1].ent_type_ == "ORG" and subj[1].i == verb.i - 1:
        return subj[:1]
    return subj


def _without_concession(verb: Token, toks: list[Token]) -> list[Token]:
    """'..., even though that has not yet shown up in ...' closing a claim: the claim is
    whole without it, and its 'that' leans on the words before."""
    for c in verb.subtree:
        if c.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in ("though", "although", "whereas")
                                        for m in c.children):
            continue
        first = min(t.i for t in c.subtree)
        if max(t.i for t in c.subtree) >= toks[-1].i - 1 and first > toks[0].i + 6:
            return [t for t in toks if t.i < first]
    return toks


def reported_speech_facts(sent: Span, base: Fact, person_of, name_of=None) -> list[Fact]:  # type: ignore[no-untyped-def]
    """'Vietnam has seen decades of export growth, says the WTV's Jun Park.' -> 'Who says Vietnam
    has seen decades of export growth?': a claim without quote marks whose speaker the sentence names
    (a person, or with `name_of` an organisation: 'Which organisation predicts ...?')."""
    quoted = cl.quoted_tokens(sent)
    if quoted:
        return []
    for t in sent:
        if t.lemma_ not in SAY_VERBS or t.pos_ != "VERB" or t.dep_ != "ROOT" or cl.aux_of(t):
            continue
        subj = _speaker_subject(t)
        claim = [c for c in t.children if c.dep_ == "ccomp"]
        if len(subj) != 1 or len(claim) != 1:
            continue
        if any(w.dep_ == "cc" or w.lower_ == "both" for w in subj[0].subtree):
            continue  # two speakers: "which one said it" has two right answers
        speaker = person_of(subj[0])
        org = None if speaker or name_of is None else name_of(subj[0])
        if not (speaker or org):
            continue
        toks = sorted(claim[0].subtree, key=lambda x: x.i)
        if toks[-1].i - toks[0].i + 1 != len(toks):
            return []
        if toks[0].lower_ == "that":
            toks = toks[1:]
        toks = _without_concession(claim[0], toks)
        while toks and toks[-1].is_punct:
            toks.pop()
        # "Who said she knew the queues were too long?": the she is the one asked for.
        if not toks or len(toks) < 8 or len(toks) > 35 or cl.leans_on_context(
                toks, allow_possessive="who" if speaker else False):
            return []
        if any(w.lower_ in ("i", "we", "our", "my", "us", "me", "you", "your") for w in toks):
            return []
        if cl.DO_SO.search(cl.render(toks)):
            return []  # "... a practice of doing so": doing what, the article said before
        first = toks[0]
        text = cl.render(toks)
        if text.endswith(".") and text.count(".") == 1:
            text = text[:-1]  # "... market share from 3G.": the model kept the full stop on the word
        if not (first.pos_ == "PROPN" or first.text.isupper()):
            text = text[:1].lower() + text[1:]
        if org and not any(w.pos_ == "PROPN" for w in toks):
            return []  # "Which organisation said profits are likely to shrink?": whose profits?
        if org:
            return [Fact(kind="claim", prompt=f"{{Wh}} {t.text.lower()} {text}?", answer=org, sentence=base.sentence,
                         order=base.order + 0.00001, names_in_sentence=base.names_in_sentence, score=0.65,
                         plural=t.tag_ == "VBP")]
        told = [c for c in t.children if c.dep_ in ("dobj", "dative") and c.i < toks[0].i]
        if len(told) > 1 or (t.lemma_ == "tell" and not told):
            return []
        verb = " ".join([t.text.lower(), *(cl.render(sorted(c.subtree, key=lambda x: x.i)) for c in told)])
        prompt = f"Who {verb} {text}?"
        return [Fact(kind="quote", prompt=prompt, answer=speaker, sentence=base.sentence,
                     order=base.order + 0.00001, names_in_sentence=base.names_in_sentence, score=0.7)]
    return []
