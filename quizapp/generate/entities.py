"""Names in an article and what kind of thing each names, one kind per name.

The small English model calls Mali and Dakar people and Niger a date; a
gazetteer of countries, US states and cities, and a vote across the article,
set that right.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field

from quizapp.generate.gazetteer import Gazetteer

KINDS = ("person", "country", "state", "city", "place", "party", "org", "group")
WH = {"person": "who", "country": "which country", "state": "which state", "city": "which city",
      "place": "which place", "party": "which party", "org": "which organisation"}
# Political parties as news text names them, each with the one party it stands for: the Tories
# are the Conservatives, so neither is a distractor for the other.
PARTIES = {
    "Labour": "Labour", "Labour Party": "Labour", "Conservatives": "Conservative", "Conservative Party":
    "Conservative", "Tories": "Conservative", "Tory Party": "Conservative", "Liberal Democrats": "Liberal Democrat",
    "Lib Dems": "Liberal Democrat", "Liberal Democrat Party": "Liberal Democrat", "Plaid Cymru": "Plaid Cymru",
    "SNP": "SNP", "Scottish National Party": "SNP", "UKIP": "UKIP", "UK Independence Party": "UKIP",
    "Green Party": "Green", "Greens": "Green", "Sinn Fein": "Sinn Fein", "DUP": "DUP",
    "Democratic Unionist Party": "DUP", "Democrats": "Democratic", "Democratic Party": "Democratic",
    "Republicans": "Republican", "Republican Party": "Republican",
}
_LABEL_KIND = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
               "NORP": "group"}
PLACE_NOUNS = {"region", "province", "state", "city", "town", "village", "county", "district",
               "area", "valley", "desert", "river", "island", "islands", "mountains", "coast"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "president", "prime", "minister",
          "secretary", "senator", "governor", "mayor", "judge", "chancellor", "general", "king",
          "queen", "prince", "princess", "pope", "professor", "chief", "chairman", "director"}
_TRIM = re.compile(r"^(the|The|Mr|Mrs|Ms|Miss|Dr|Sir|Mr\.|Mrs\.|Ms\.|Dr\.)\s+|(’s|'s|’|')$")


# A job written before a name, capitalised where it opens a sentence: "Keeper Jo Reyes said ...".
_JOB_BEFORE = re.compile(r"^(?:Keeper|Goalkeeper|Striker|Defender|Midfielder|Winger|Captain|Coach|Manager|Lawyer|"
                         r"Attorney|Detective|Investigator|Officer|Sergeant|Inspector|Singer|Guitarist|Drummer|"
                         r"Actor|Actress|Director|Producer|Presenter|Analyst|Economist|Spokesman|Spokeswoman|"
                         r"Chairman|Chairwoman|Player|Jockey|Trainer|Author|Writer|Novelist|Comedian|Rapper|"
                         # a rank's last word ("Assistant Chief Constable Jo Reyes"), never the start of a name
                         r"Constable|Superintendent|Sheriff|Corporal|Lieutenant|Colonel|Brigadier|"
                         # "Spaniard Jo Reyes": a nationality said as a noun, never the start of a name
                         r"Spaniard|Briton|Scot|Swede|Dane|Finn|Pole|Turk|Frenchman|Frenchwoman|Dutchman|"
                         r"Irishman|Englishman|Scotsman|Welshman|Welshwoman)"
                         r"\s+(?=[A-Z][\w’'-]+\s+[A-Z])")


def opens_on_a_job(text: str) -> bool:
    """Whether a name as the language model found it opens on a job or rank word: "Constable Jo Reyes" (of
    "Assistant Chief Constable Jo Reyes"), "Keeper Jo Reyes"."""
    return _JOB_BEFORE.match(text) is not None


# (the same few names are cleaned thousands of times an article: by every mention, and by every
# look-up of the name book)
@functools.lru_cache(maxsize=4096)
def clean_name(text: str) -> str:
    """'the Élysée Palace' -> 'Élysée Palace', 'France’s' -> 'France', 'Keeper Jo Reyes' -> 'Jo Reyes'."""
    text = " ".join(text.split())
    prev = None
    while prev != text:
        prev = text
        text = _JOB_BEFORE.sub("", _TRIM.sub("", text)).strip()
    return text


@dataclass
class Mention:
    name: str
    label: str
    with_the: bool = False  # "the Sahel"
    before_place_noun: bool = False  # "the Gao region"
    after_title: bool = False  # "Mr Ashby", "President Macron"
    after_place_prep: bool = False  # "at Brindle", "in Wessex"
    title: str = ""  # "Mr", "Ms", "Dr" written before the name
    after_work_noun: bool = False  # "his album Moonlight Drive", "the label Tolley Records"
    before_which: bool = False  # "Tolley Records, which is selling it": a thing, not a person
    after_org_noun: bool = False  # "analyst firm Signal Watch", "regulator Telecor": an organisation
    proper: bool = True  # every word a proper noun or capitalised
    acts: bool = False  # the subject of a verb: "Falco has announced a pact", "Rapido launched"
    described: str = ""  # the words before it that say what it is: "telecommunications regulator"


@dataclass
class NameBook:
    """Every name of an article with its kind, and the full form of short person names."""

    kinds: dict[str, str] = field(default_factory=dict)
    full: dict[str, str] = field(default_factory=dict)  # "Macron" -> "Emmanuel Macron"
    order: list[str] = field(default_factory=list)  # canonical names in order of first mention
    titles: dict[str, str] = field(default_factory=dict)  # canonical person -> "Mr", "Ms", "Dr"
    mentions: Counter[str] = field(default_factory=Counter)  # canonical name -> times mentioned

    def kind(self, name: str) -> str | None:
        return self.kinds.get(self.canonical(name))

    def canonical(self, name: str) -> str:
        name = clean_name(name)
        return self.full.get(name, name)

    def of_kind(self, kind: str) -> list[str]:
        return [n for n in self.order if self.kinds.get(n) == kind and n in self.sure]

    sure: set[str] = field(default_factory=set)  # names sure enough of their kind to be distractors
    # What sort of organisation the article says a name is, where it says: "regulator", "analyst".
    sectors: dict[str, str] = field(default_factory=dict)
    acting_once: set[str] = field(default_factory=set)  # of those, one-word organisations named once, acting


_SECTORS = (("regulator", re.compile(r"\b(regulator|watchdog|ombudsman)\b")),
            ("analyst", re.compile(r"\b(analysts?|consultancy|research|pollsters?|polling)\b")))


def sector_of(described: str) -> str:
    """'telecommunications regulator' -> 'regulator', 'analyst firm' -> 'analyst': the sorts of
    organisation that do not stand in for companies (nor companies for them); '' for the rest."""
    return next((sector for sector, pattern in _SECTORS if pattern.search(described)), "")


_CUES = (("with_the", "the"), ("before_place_noun", "place_noun"), ("after_title", "title"),
         ("after_work_noun", "work"), ("before_which", "which"), ("after_place_prep", "place_prep"),
         ("acts", "acts"))


def _initials_of_org(short: str, book: NameBook) -> bool:
    """'ZM' after 'Zanetti Motors': a short name that is the initials of an organisation named before."""
    return short.isupper() and any(
        book.kinds.get(n) == "org" and len(n.split()) == len(short) and n in book.sure
        and "".join(w[0] for w in n.split()) == short for n in book.order)


def build_namebook(mentions: list[Mention], gaz: Gazetteer, common: Set[str] = frozenset()) -> NameBook:
    """Decide one kind per name from spaCy's labels, the gazetteer and simple cues; `common` holds
    the words the article also writes in lower case (a capitalised one of those is no name)."""
    votes: dict[str, Counter[str]] = {}
    cues: dict[str, Counter[str]] = {}
    order: list[str] = []
    for m in mentions:
        if not m.name or not m.proper or len(m.name) < 2:
            continue
        if m.name not in votes:
            votes[m.name] = Counter()
            cues[m.name] = Counter()
            order.append(m.name)
        kind = _LABEL_KIND.get(m.label)
        if kind:
            votes[m.name][kind] += 1
        if m.after_org_noun:
            votes[m.name]["org"] += 1
        cues[m.name].update(cue for attr, cue in _CUES if getattr(m, attr))
    book = NameBook()
    titled = {n for n in order if cues[n]["title"]}
    persons = [n for n in order if votes[n].most_common(1) and votes[n].most_common(1)[0][0] == "person"
               and " " in n]
    for name in order:
        v, c = votes[name], cues[name]
        longer = [p for p in persons if p != name and p.split()[-1] == name]
        if name in titled and not longer:
            votes[name]["person"] += 2
        place = gaz.kind_of(name)
        if longer and place != "country":
            book.full[name] = longer[0]
            continue
        if name in PARTIES or (name.endswith(" Party") and name[:1].isupper()):
            book.kinds[name] = "party"  # before the test below: "the labour market" leaves Labour a party
            book.order.append(name)
            book.sure.add(name)
            continue
        if " " not in name and name.lower() in common and not place:
            continue  # "Broadband's rapid rise": a word the article also writes in lower case
        if place and not c["title"] and not (longer and v["person"] > 0):
            kind = place
        elif not v:
            continue
        else:
            kind = v.most_common(1)[0][0]
            ties = [k for k, n in v.items() if n == v[kind]]
            kind = min(ties, key=KINDS.index)
            if kind == "person" and (c["the"] or c["place_noun"] or (c["place_prep"] and " " not in name)) \
                    and not c["title"]:
                kind = "place"
            if kind == "place" and name.isupper() and len(name) <= 5:
                kind = "org"  # "BT's exchanges": no place the gazetteer knows, written like a company
            if kind == "person" and " " not in name and not c["title"] and v["person"] < 2 \
                    and sum(v.values()) == 1 and not longer:
                kind = "person"
        book.kinds[name] = kind
        book.order.append(name)
        # A one-word "person" that is never called Mr or Ms anything may well be a product
        # (WiFi, Voip); one-word organisations are often games, diseases, brands.
        steady_org = kind == "org" and v["org"] >= 1 and v["org"] == sum(v.values()) and (v["org"] >= 2 or c["acts"])
        if kind in ("person", "org") and " " not in name and not c["title"] and not name.isupper() \
                and not steady_org:
            continue
        if kind == "org" and (len(name.replace(".", "")) <= 2 or name.lower().startswith("non-")) and \
                not _initials_of_org(name, book):
            continue  # "TB", "GP", "RV": too short to tell an organisation from anything else (ZM is
            # Zanetti Motors' initials, when the article names Zanetti Motors)
        if c["work"] or (kind == "person" and c["which"] and not c["title"]):
            continue
        if kind == "person" and any(ch.isdigit() for ch in name):
            continue
        book.sure.add(name)
        if kind == "org" and " " not in name and v["org"] < 2 and not c["title"]:
            book.acting_once.add(name)  # "Falco has announced a pact": an organisation, of what sort unsaid
    for m in mentions:
        if m.title:
            book.titles.setdefault(book.canonical(m.name), m.title)
        if sector := sector_of(m.described):
            book.sectors.setdefault(book.canonical(m.name), sector)
        if m.name:
            book.mentions[book.canonical(m.name)] += 1
    return book
