"""generate_bank: articles in, a question bank out. The GUI and the CLI both call this."""

from __future__ import annotations

import copy
import functools
import itertools
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from quizapp.core.article import ENDS_AS_SENTENCE, Article, headline, load_article
from quizapp.core.errors import ArticleError, FileProblems, Problem
from quizapp.core.model import GENERATED_MARK, QUESTION_TYPES, Bank, Source, key_for_file
from quizapp.generate import clauses as cl
from quizapp.generate import dates, people
from quizapp.generate import facts as fx
from quizapp.generate import quantities as qty
from quizapp.generate.entities import TITLES, Mention, build_namebook, clean_name
from quizapp.generate.figures import ARTICLE_TEXT, not_a_fact
from quizapp.generate.nlp import parse_many
from quizapp.generate.numbers import parse_number, style_of
from quizapp.generate.questions import (
    ARTICLE_ORDER,
    BODY_NOUNS,
    FEMALE_TITLES,
    GAP_KINDS,
    HE_WORDS,
    MALE_TITLES,
    ORG_NOUNS,
    SHE_WORDS,
    ArticleFacts,
    Candidate,
    NameSlot,
    Statement,
    article_of,
    build_candidates,
    select_candidates,
)
from quizapp.generate.rank import (
    LOW_CONCERN,
    RETIRED_CONCERN,
    SUGGESTED_ONLY,
    SUGGESTED_ONLY_CONCERN,
    features,
    kind_of,
    load_ranker,
    retired,
)
from quizapp.generate.statements import (
    extraposed_it,
    quote_statements,
    statement_template,
    this_years_named,
    word_statements,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

# Bounds that keep a huge article in bounded time and memory.
MAX_SENTENCE_CHARS = 1_500
MAX_CANDIDATES = 3_000
BATCH = 64
CHUNK_CHARS = 5_000
# The finders' own score a question must reach where no ranker has been fitted.
DEFAULT_BAR = 0.3


class GenerationCancelled(Exception):
    """Raised by generate_bank when its `cancel` callable returned True."""


def generate_bank(articles: Sequence[str | Path], *, max_questions: int | None = None,
                  types: Sequence[str] = QUESTION_TYPES, progress: Progress | None = None,
                  cancel: Cancel | None = None, bank_dir: str | Path | None = None,
                  title: str | None = None, min_confidence: float | None = None) -> Bank:
    """Read articles and write a bank of cited questions about them.

    `min_confidence` (0-1) overrides the bar a question's confidence must reach; 0 keeps every
    candidate the finders offer (for review and for labelling the ranker).

    Source paths are relative to `bank_dir` (default: the current folder). Raises
    ArticleError for unusable input and GenerationCancelled when `cancel()` says so.
    """
    return generate_with_facts(articles, max_questions=max_questions, types=types, progress=progress,
                               cancel=cancel, bank_dir=bank_dir, title=title,
                               min_confidence=min_confidence)[0]


@dataclass
class Draft:
    """A generated bank for a teacher to review: each question's confidence, why a low one is low,
    and the bar a question must reach to be ticked."""

    bank: Bank
    confidence: list[float]
    concerns: list[list[str]]
    bar: float
    found: int = 0  # every question the finders offered, however unsure: says why a draft is empty
    words: int = 0  # in the articles' sentences
    skipped: list[Problem] = field(default_factory=list)  # why each article that could not be read was left out
    every: bool = False  # every question found is listed, however far below the bar


# Fewer words than this is a fragment or a news brief (a headline and a paragraph, say): too short to
# ask about, whatever it holds. An article of a few paragraphs has more.
SHORT_TEXT_WORDS = 100


def why_no_questions(found: int, words: int, bar: float, *, near: bool = True) -> str:
    """Why a run gave no question, from what the generator counted (`found` candidates of any confidence
    in `words` words of sentences): the one cause that applies (a text too short, nothing to ask about,
    or questions found but all below `bar`), not a list of maybes. `near`: a review would have listed
    questions a little below the bar, so none came near it (not merely none reached it)."""
    text = f"{words} word{'s' if words != 1 else ''}"
    short = words < SHORT_TEXT_WORDS
    if found:
        # Either cause may hold for each: a sentence that leans on another, or a kind of question reviewers
        # rarely accept ("Who said ...?"), which is scored but never kept however high its score.
        return (f"No questions: the generator found {found} in {text} of text, none "
                f"{'near' if near else 'reached'} the confidence bar of {bar:.0%} and of a kind it keeps: their "
                "sentences may lean on context it cannot resolve (he, the group, this month), or they are of "
                "kinds reviewers rarely accept." + (" A longer text gives it more to choose from." if short else ""))
    if not words:
        return "No questions: the text has no sentence to ask about. Add the article's paragraphs."
    if short:
        return (f"No questions: the text is too short ({text}) to find anything to ask about. Add the whole "
                "article: a few paragraphs at least.")
    return (f"No questions found in {text} of text: it has no figures, names, dates or quotes that a question "
            "could ask about on its own.")


def article_words(facts: Sequence[ArticleFacts]) -> int:
    """The words in the articles' sentences: what a run had to read."""
    return sum(len(s.split()) for af in facts for s in af.sentences)


# The review list also shows questions down to this share of the bar, unticked, for a teacher to rescue.
REVIEW_SHARE = 0.6


def confidence_bar() -> float:
    """The confidence a generated question must reach to be kept (the ranker's, or the finders' own bar)."""
    ranker = load_ranker()
    return ranker.threshold if ranker is not None else DEFAULT_BAR


def generate_draft(articles: Sequence[str | Path], *, max_questions: int | None = None,
                   types: Sequence[str] = QUESTION_TYPES, progress: Progress | None = None,
                   cancel: Cancel | None = None, bank_dir: str | Path | None = None,
                   skip_unreadable: bool = False, every: bool = False) -> Draft:
    """generate_bank for review: also the questions a little below the bar, each with its confidence;
    with `every`, all the questions found, however unsure (as `generate --min-confidence 0`).

    `skip_unreadable`: an article that cannot be read (binary, empty, not an article) is left out and
    said in `Draft.skipped`, and the others are read; only when none can be read is that an error."""
    bar = confidence_bar()
    found = find_candidates(articles, types=types, progress=progress, cancel=cancel, bank_dir=bank_dir,
                            skip_unreadable=skip_unreadable)
    kept = review_candidates(found.candidates, bar, 0.0 if every else REVIEW_SHARE)
    found.done()
    bank = found.bank(kept)
    if max_questions is not None and len(kept) > max_questions:
        # The best N: those above the bar first, then the finders' own order of preference.
        best = sorted(range(len(kept)), key=lambda i: (kept[i].trust < bar, -kept[i].score, kept[i].order))
        kept = [kept[i] for i in sorted(best[:max_questions])]
        bank = bank.model_copy(update={"questions": [c.question for c in kept]})
    words = article_words(found.facts)
    return Draft(bank=bank, confidence=[c.trust for c in kept], concerns=[list(c.concerns) for c in kept], bar=bar,
                 found=len(found.candidates), words=words, skipped=found.skipped, every=every)


def review_candidates(cands: list[Candidate], bar: float, share: float = REVIEW_SHARE) -> list[Candidate]:
    """The questions a bank keeps at `bar`, exactly as generate_bank chooses them, and, in article order
    among them, the best of the rest down to `share` of the bar: none on a sentence a kept
    question asks about, each with an id of its own and a concern to show."""
    kept = select_candidates([copy.copy(c) for c in cands], None, bar)
    asked = {(article_of(c), c.sentence) for c in kept}
    ids = {c.question.id for c in kept}
    below = []
    for c in select_candidates([copy.copy(c) for c in cands], None, bar * share):
        if c.trust >= bar or (article_of(c), c.sentence) in asked:
            continue  # kept above, or asked about by a question that is
        c.concerns = c.concerns or [LOW_CONCERN]
        base, n = c.question.id, 1
        while c.question.id in ids:
            n += 1
            c.question = c.question.model_copy(update={"id": f"{base}-{n}"})
        ids.add(c.question.id)
        below.append(c)
    return sorted(kept + below, key=lambda c: c.order)


def generate_with_facts(articles: Sequence[str | Path], *, max_questions: int | None = None,
                        types: Sequence[str] = QUESTION_TYPES, progress: Progress | None = None,
                        cancel: Cancel | None = None, bank_dir: str | Path | None = None,
                        title: str | None = None, min_confidence: float | None = None
                        ) -> tuple[Bank, list[ArticleFacts]]:
    """generate_bank, also returning what was found in each article (for the quality report)."""
    bank, found, _ = generate_candidates(articles, max_questions=max_questions, types=types, progress=progress,
                                         cancel=cancel, bank_dir=bank_dir, title=title,
                                         min_confidence=min_confidence)
    return bank, found


def generate_candidates(articles: Sequence[str | Path], *, max_questions: int | None = None,
                        types: Sequence[str] = QUESTION_TYPES, progress: Progress | None = None,
                        cancel: Cancel | None = None, bank_dir: str | Path | None = None,
                        title: str | None = None, min_confidence: float | None = None
                        ) -> tuple[Bank, list[ArticleFacts], list[Candidate]]:
    """generate_with_facts, also returning the kept candidates: each question's features and confidence."""
    found, kept = _chosen(articles, max_questions, types, progress, cancel, bank_dir, min_confidence)
    return found.bank(kept, title), found.facts, kept


def generate_explained(articles: Sequence[str | Path], *, max_questions: int | None = None,
                       types: Sequence[str] = QUESTION_TYPES, bank_dir: str | Path | None = None,
                       min_confidence: float | None = None) -> tuple[Bank, str, int]:
    """generate_bank, and when it keeps no question, why (see why_no_questions; else ''), and how many
    questions the finders offered, however unsure."""
    found, kept = _chosen(articles, max_questions, types, None, None, bank_dir, min_confidence)
    bar = confidence_bar() if min_confidence is None else min_confidence
    why = "" if kept else why_no_questions(len(found.candidates), article_words(found.facts), bar, near=False)
    return found.bank(kept), why, len(found.candidates)


def _chosen(articles: Sequence[str | Path], max_questions: int | None, types: Sequence[str],
            progress: Progress | None, cancel: Cancel | None, bank_dir: str | Path | None,
            min_confidence: float | None) -> tuple[Found, list[Candidate]]:
    found = find_candidates(articles, types=types, progress=progress, cancel=cancel, bank_dir=bank_dir)
    kept = select_candidates(found.candidates, max_questions,
                             confidence_bar() if min_confidence is None else min_confidence)
    found.done()
    return found, kept


@dataclass
class Found:
    """Every candidate the finders offer on some articles, before any is chosen."""

    loaded: list[Article]
    facts: list[ArticleFacts]
    candidates: list[Candidate]
    sources: dict[str, Source]
    total: int  # sentences read, for progress
    progress: Progress | None = None
    skipped: list[Problem] = field(default_factory=list)  # articles left out: they could not be read

    def done(self) -> None:
        """Report the questions chosen: the end of the run."""
        if self.progress is not None:
            self.progress(self.total, self.total, "done")

    def bank(self, kept: list[Candidate], title: str | None = None) -> Bank:
        """The bank of the `kept` candidates' questions, with the articles as its sources."""
        return Bank(title=title or _title(self.loaded), description=_description(self.loaded),
                    sources=self.sources, questions=[c.question for c in kept])


def find_candidates(articles: Sequence[str | Path], *, types: Sequence[str] = QUESTION_TYPES,
                    progress: Progress | None = None, cancel: Cancel | None = None,
                    bank_dir: str | Path | None = None, skip_unreadable: bool = False) -> Found:
    """Read and parse the articles; every candidate question, scored by the ranker. An article that
    cannot be read raises ArticleError, or with `skip_unreadable` is left out (unless all are)."""
    bad = sorted(set(types) - set(QUESTION_TYPES))
    if bad:
        raise ValueError(f"unknown question type {bad[0]!r}: use {', '.join(QUESTION_TYPES)}")
    if not articles:
        raise ValueError("give at least one article")
    loaded, skipped = _readable(articles, skip_unreadable)
    base_dir = Path(bank_dir) if bank_dir is not None else Path.cwd()
    keys = _source_keys(loaded)
    total = sum(len(a.sentences) for a in loaded)
    report = progress or (lambda done, total, message: None)
    stop = cancel or (lambda: False)
    report(0, total, "loading the language model")
    from quizapp.generate.gazetteer import load_gazetteer
    from quizapp.generate.nlp import load_nlp, parse_one

    nlp = load_nlp()
    parse = functools.partial(parse_one, nlp)  # a sentence reparsed, as the full pipeline parses it
    gaz = load_gazetteer()
    ranker = load_ranker()
    sources: dict[str, Source] = {}
    done = 0
    all_cands = []
    found: list[ArticleFacts] = []
    for article, key in zip(loaded, keys, strict=True):
        if stop():
            raise GenerationCancelled()
        web_page = article.path.suffix.lower() in (".html", ".htm")
        published = re.search(r"\b(19|20)\d\d\b", article.meta.date or "")
        if published and web_page and \
                not re.search(rf"\b{published.group(0)}\b", article.text):
            # A page's date kept in its markup alone, which the article's text (all a reader is shown) never
            # gives: "last year" written as "in 2024" would be a year the reader cannot check (reviewers failed it
            # as invented). A teacher's own date (a Markdown article's front matter) is used as given.
            published = None
        af = ArticleFacts(source=key if len(loaded) > 1 else None,
                          sentences=[article.text[s.start:s.end] for s in article.sentences],
                          title=article.meta.title or headline(article.text) or "",
                          year=int(published.group(0)) if published else None,
                          web_page=web_page)
        mentions: list[Mention] = []
        for i, doc in _parsed(nlp, article):
            if i % 16 == 0:
                if stop():
                    raise GenerationCancelled()
                report(done + i, total, f"reading {article.display_title}")
            _extract(doc, i, af, mentions, parse)
            if len(af.facts) + len(af.statements) + len(af.name_slots) >= MAX_CANDIDATES:
                break  # enough to choose from: a huge article stops here, in bounded time and memory
        quote_statements(af, nlp)
        done += len(af.sentences)
        af.names = build_namebook(mentions, gaz, set(re.findall(r"(?<![\w.])[a-z][a-z-]+\b", article.text)))
        found.append(af)
        found_here = build_candidates(af, gaz, set(types))
        for c in found_here:
            c.title = af.title
            c.features = features(c, af)
            if ranker is not None:
                c.confidence = ranker.confidence(c.features)
                c.concerns = ranker.concerns(c.features)
                if kind_of(c) in SUGGESTED_ONLY:  # for the teacher to choose, never kept unseen
                    c.confidence = min(c.confidence, ranker.threshold - 0.01)
                    c.concerns = [SUGGESTED_ONLY_CONCERN, *c.concerns][:2]
                elif retired(c):  # listed only where everything is kept for review: not as if it passed
                    c.confidence = min(c.confidence, ranker.threshold - 0.01)
                    c.concerns = [RETIRED_CONCERN, *c.concerns][:2]
        all_cands.append(found_here)
        sources[key] = _source(article, base_dir)
    cands = [c for cs in all_cands for c in cs]
    for n, cs in enumerate(all_cands):
        for c in cs:
            c.order += n * ARTICLE_ORDER
    report(total, total, "choosing questions")
    return Found(loaded, found, cands, sources, total, progress, skipped)


def _readable(paths: Sequence[str | Path], skip_unreadable: bool) -> tuple[list[Article], list[Problem]]:
    """The articles that can be read and, when skipping the others, why each of those cannot."""
    loaded: list[Article] = []
    skipped: list[Problem] = []
    for path in paths:
        try:
            loaded.append(load_article(path).unmarked())  # a .md file's words, without its bold marks
        except ArticleError as exc:
            if not skip_unreadable:
                raise
            skipped.extend(exc.problems)
    if not loaded:  # nothing left to read: every reason is the error
        raise FileProblems(skipped)
    return loaded, skipped


def _parsed(nlp: Language, article: Article) -> Iterator[tuple[int, Span]]:
    """Parse the article once, in chunks of whole sentences within a paragraph, and give each
    sentence worth asking about as a span of its chunk's parse."""
    text = article.text
    chunks: list[tuple[int, int, list[int]]] = []  # (start, end, sentence indices)
    for i, s in enumerate(article.sentences):
        if s.end - s.start > MAX_SENTENCE_CHARS:
            chunks.append((s.start, s.start, []))  # too long to cite: not parsed, and ends the chunk
            continue
        if chunks and chunks[-1][2]:
            start, end, members = chunks[-1]
            between = text[end:s.start]
            if "\n\n" not in between and s.end - start <= CHUNK_CHARS:
                chunks[-1] = (start, s.end, [*members, i])
                continue
        chunks.append((s.start, s.end, [i]))

    def chunk_text(start: int, end: int) -> str:
        # A dateline ("PARIS — ") is blanked out, keeping offsets, so the parse starts at the sentence.
        piece = text[start:end]
        m = _DATELINE.match(piece)
        return " " * m.end() + piece[m.end():] if m else piece

    chunks = [c for c in chunks if c[2]]
    docs = parse_many(nlp, (chunk_text(a, b) for a, b, _ in chunks), batch_size=BATCH)
    for (start, _end, members), doc in zip(chunks, docs, strict=True):
        doc.user_data[ARTICLE_TEXT] = text  # a name the chunk gives once, the article may give again
        people.mark_org_names(doc)
        for i in members:
            s = article.sentences[i]
            if not _worth_parsing(text[s.start:s.end]):
                continue
            a = s.start - start
            m = _DATELINE.match(text[s.start:s.end])
            if m:
                a += m.end()
            span = doc.char_span(a, s.end - start, alignment_mode="expand")
            if span is not None and len(span):
                yield i, span


# "PARIS — ", "LONDON (Reuters) - ": the place of the dateline is not part of the sentence.
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:\([^)]*\))?\s*[—–-]\s+")


def _worth_parsing(sentence: str) -> bool:
    words = sentence.split()
    return len(words) >= 5 and len(sentence) <= MAX_SENTENCE_CHARS and bool(ENDS_AS_SENTENCE.search(sentence))


# "Last year 162,000 workers were tested": an annual figure for a year the question could not name
# (an event "earlier this month" is still the event it was).
_RELATIVE_PERIOD = re.compile(r"(?<!earlier )(?<!later )\b(last|this|next|coming) year\b", re.I)
def _period_frames(sent: Span, m: qty.NumberMention, quoted: frozenset[int] | set[int]) -> bool:
    """Whether a "this year" or "last year" of the sentence may frame the figure: not one inside an aside
    about something else ("cut its rate to 2.75%, its third cut this year": the rate is 2.75% whatever the
    year), where a statement may leave the aside's year out."""
    ids = {t.i for t in m.tokens}
    for t in sent:
        if t.lower_ != "year" or t.i in quoted or t.i - 1 < sent.start \
                or sent.doc[t.i - 1].lower_ not in ("last", "this", "next", "coming"):
            continue
        if this_years_named(sent, t.i - 1):
            continue  # "this year's Tolley Marathon": the one the story is about, which a statement calls "the"
        aside = next((a for a in (t, *t.ancestors) if a.dep_ in ("relcl", "acl") or cl.appositive(a)), None)
        if aside is None or ids & {x.i for x in aside.subtree}:
            return True
    return False


# "Paquette reported from Dakar, Senegal.": where the reporter sat is not a fact of the story.
_BYLINE = re.compile(r"\b(reported from|contributed (to )?(this )?report|additional reporting by)\b", re.I)


def _extract(sent: Span, index: int, af: ArticleFacts, mentions: list[Mention],
             parse: Callable[[str], Doc]) -> None:
    ms = people.mentions_of(sent)
    mentions.extend(ms)
    if _BYLINE.search(cl.text_of(sent)):
        return  # its names still count (Dakar is a city), its facts are not the story's
    names = {m.name for m in ms}
    thing = (_resolve_thing(sent, index, af) or _same_period(sent, index, af) or _that_one(sent, index, af)
             or _the_case(sent, index, af) or _named_next(sent, index, af))
    if frame := _time_frame(sent):
        af.recent_frame = (index, frame)
    base = fx.Fact(kind="", prompt="", answer="", sentence=index, order=float(index),
                   names_in_sentence=names)
    ent_of: dict[int, str] = {}
    label_of: dict[int, str] = {}
    for ent in cl.ents(sent):
        name = clean_name(ent.text)
        for t in ent:
            ent_of[t.i] = name
            label_of[t.i] = ent.label_

    def person_of(tok: Token) -> str | None:
        if label_of.get(tok.i) == "PERSON":
            return ent_of[tok.i]
        if tok.pos_ == "PROPN" and tok.i > sent.start and sent.doc[tok.i - 1].lower_.rstrip(".") in _TITLES:
            # "Mr Pollard said", "Dr Okafor said": a person, whatever label (or none) the model gave
            return ent_of.get(tok.i) or tok.text
        return None

    def name_of(tok: Token) -> str | None:
        if label_of.get(tok.i) in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "PRODUCT"):
            name = ent_of[tok.i]
            return name if name and name[0].isupper() else None
        return person_of(tok)

    parsed: dict[str, Doc] = {}

    def parse_once(text: str) -> Doc:
        if text not in parsed:  # an aside holding three figures is parsed once, not three times
            parsed[text] = parse(text)
        return parsed[text]

    rewritten: tuple[list[qty.NumberMention], Span, int] | None = None
    dated: tuple[list[qty.NumberMention], Span, int] | None = None
    quoted = cl.quoted_tokens(sent)
    # (rendered only where the sentence has the word "year" at all)
    undated = "year" in cl.text_of(sent).lower() and bool(
        _RELATIVE_PERIOD.search(cl.render(t for t in sent if t.i not in quoted)))
    for m in qty.number_mentions(sent):
        key = (m.kind, qty.noun_of(m))
        af.sentence_numbers.setdefault(index, set()).add(m.value)
        af.numbers.setdefault(key, [])
        if m.value not in af.numbers[key]:
            af.numbers[key].append(m.value)
        if not_a_fact(sent, m):
            continue  # "No 10", "2200 GMT", "($375m; £198m)": a name, a time, the same sum again
        if undated and m.kind in ("count", "percent", "money") and _period_frames(sent, m, quoted):
            # "Last year 162,000 workers were tested": which year, only the article's date can say
            # ("In 2004, how many workers ...?"); without one, neither a question nor a statement.
            dated = dated or _dated(sent, af, quoted, parse)
            again = next((x for x in dated[0] if (x.kind, x.value) == (m.kind, m.value)), None) if dated else None
            stated = not (m.kind == "count" and m.value <= 2 and not m.scale_word)  # a statement's figure
            if again is not None:
                for f in _number_facts(dated[1], again, base, parse):
                    year = str(dated[2])
                    if year not in f.prompt:  # "In 2004, 162,000 ...": the opening the stem left out
                        f.prompt = f"In {year}, {f.prompt[:1].lower()}{f.prompt[1:]}"
                    af.facts.append(f)
                if stated:  # and a gap or statement in that year: "In 2004, Tolley sold ___ bikes"
                    _add_statement(dated[1], again, index, af, key[1])
            if not dated and m.kind == "count" and (part := fx.subset_fact(sent, m, base)):
                af.facts.append(part)  # "Of the 162,000 workers tested ..., about how many ...?" holds for any year
            if not dated and stated:
                # "rose ___% last year", as the article says it; not where the statement left out the
                # "this year" that says when ("the towns expect £3bn", all told, where it is £3bn this year)
                made_before = len(af.statements)
                if _add_statement(sent, m, index, af, key[1], thing):
                    af.statements[made_before:] = [st for st in af.statements[made_before:] if
                                                   _RELATIVE_PERIOD.search(f"{st.before}{st.part}{st.after}")]
            continue
        made = _number_facts(sent, m, base, parse)
        if not made and m.kind in _STEM_KINDS:
            made = _named_aside_facts(sent, m, base, parse_once)
        again = None
        if not made and thing is not None and m.kind in _STEM_KINDS:
            # "The service is 16 times faster ...": asked of what the service is (parsed once, when needed).
            rewritten = rewritten or _rewrite_thing(sent, thing, parse)
            again = next((x for x in rewritten[0] if (x.kind, x.value) == (m.kind, m.value)), None)
            made = _number_facts(rewritten[1], again, base, parse) if again is not None else []
            for f in made:
                f.antecedent = rewritten[2]
        for f in made:
            f.noun = f.noun or key[1]
            if frame and f.kind in ("count", "percent", "money", "times") and frame.lower() not in f.prompt.lower():
                # "In March ... 4,200 drivers were waiting": the figure holds for then.
                f.prompt = f"{frame}, {f.prompt[:1].lower()}{f.prompt[1:]}"
        af.facts.extend(made)
        # A figure asked by a rewritten stem is also a statement (or a gap to fill in its own sentence),
        # which keeps the sentence's own words: the selection asks it once, whichever way reads best.
        few = m.kind == "count" and m.value <= 2 and not m.scale_word  # "two players", not "one million"
        if not few and not _add_statement(sent, m, index, af, key[1], thing) and not made:
            if thing is not None and m.kind not in _STEM_KINDS:
                # "The service grew sixfold": no stem asks such a figure, so the sentence is
                # rewritten only now, for the statement below.
                rewritten = rewritten or _rewrite_thing(sent, thing, parse)
                again = next((x for x in rewritten[0] if (x.kind, x.value) == (m.kind, m.value)), None)
            if again is not None and rewritten:
                # "In the same month queues in Tolley were ...", parsed badly: the rewritten sentence
                # ("In March queues in Tolley were ...") parses well.
                _add_statement(rewritten[1], again, index, af, key[1], (set(), "", rewritten[2]))
    word_statements(sent, index, af, thing)

    def resolve(tok: Token) -> tuple[str, int] | None:
        """He or she: the person the previous sentence was about, when that is clear."""
        recent = af.recent_person
        # ('"A typical family ... service. / This will ... each," he said.': the quote between
        # them keeps the person named before it in view)
        if recent is None or not (recent[0] == index - 1 or (recent[0] == index - 2 and af.pending_quote == index - 1)):
            return None
        return None if _other_sex(tok, recent) else (recent[1], recent[3])

    af.sentence_names[index] = names
    said = people.speaker_of(sent, person_of, resolve)  # (found once for the quote and the quote it goes on)
    af.facts.extend(people.quote_facts(sent, base, person_of, resolve, said=said))
    af.facts.extend(people.reported_speech_facts(sent, base, person_of, name_of))
    _follow_quote(sent, index, af, base, said)
    af.facts.extend(people.pronoun_subject_facts(sent, base, resolve))
    af.facts.extend(people.relative_clause_facts(sent, base, name_of))
    af.facts.extend(people.role_facts(sent, base, person_of))
    survey = (af.recent_survey[1], af.recent_survey[2]) if af.recent_survey and _surveyed(af, index) else None
    af.facts.extend(people.entity_facts(sent, base, name_of, survey))
    af.facts.extend(people.country_of_thing_facts(sent, base, name_of))
    # (a run of comma-joined clauses is misparsed as one: its dates are asked clause by clause)
    run = _clause_run(sent)
    af.facts.extend(_listed_clause_dates(run, base, parse_once) if run else dates.date_facts(sent, base))
    af.facts.extend(_epithet_places(sent, base, af, person_of))
    _add_name_slots(sent, index, af, thing)
    _track_person(sent, index, af, person_of)
    if _speaks_of_someone(sent, person_of):
        af.person_talk = index
    _track_opposed(sent, index, af, person_of)
    _track_thing(sent, index, af, thing)
    _track_survey(sent, index, af)
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "Tolley's parent company, Brindle Group, is suing ...": a second organisation owns the subject
    owned = subject is not None and subject.lower_ in ORG_NOUNS and any(
        c.dep_ == "poss" and c.pos_ == "PROPN" for c in subject.children)
    if subject is not None and subject.ent_type_ not in ("ORG", "GPE") and subject.lower_ in ORG_NOUNS:
        # "Ferry operator Harbour Lines has seen sales fall": the operator is Harbour Lines
        subject = next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "ORG"), subject)
    owner = name_of(subject) if subject is not None and subject.ent_type_ in ("ORG", "GPE") \
        and not _job_before(subject) else None
    if owner:
        start = next((e.start for e in cl.ents(sent) if e.start <= subject.i < e.end), subject.i)
        if sent.doc[start].lower_ == "the" or (start > sent.start and sent.doc[start - 1].lower_ == "the"):
            owner = f"the {owner}"  # "the Federal Trade Commission", as the article writes it
    af.recent_owner = (index, owner) if owner and subject.i not in quoted else None
    if subject is not None and subject.i not in quoted and _tells_of_another(subject):
        af.told_of = index
    name = _named_thing(subject, person_of) if subject is not None and subject.i not in quoted \
        and not _job_before(subject) else None
    if name:
        af.recent_name = (index, name, index)
    elif thing is not None and subject is not None and subject.lower_ == "it" and thing[0] == {subject.i} \
            and not any(e.label_ in ("ORG", "PRODUCT", "WORK_OF_ART") for e in cl.ents(sent)):
        af.recent_name = (index, thing[1], thing[2])  # "It has 6,000 songs. It ...": still about Tolley Tunes
    elif thing is not None and subject is not None and subject.i in thing[0] and subject.lower_ in ORG_NOUNS \
            and subject.i not in quoted:
        # "Brindle Air ... The airline needs to cut costs. It is looking for savings of $800m": the
        # organisation "the airline" stood for is still the one the next sentence's "It" means
        af.recent_name = (index, thing[1], thing[2])
    else:
        af.recent_name = None
    if af.recent_owner and subject is not None and subject.ent_type_ == "ORG" and _a_unit(subject):
        # "Tolley Mobile, the company's mobile business, made a profit": a part of the one the story is about,
        # which the next "the company" still means (neither it nor its part, once the model takes it for two)
        af.story_org = None if af.story_org is None or af.story_org[1] in af.recent_owner[1] else af.story_org
    elif af.recent_owner and subject is not None and subject.ent_type_ == "ORG":
        # "Tolley's parent company, Brindle Group, is suing ... The company is also seeking ...": after
        # a sentence naming two organisations, "the company" may be either
        owner_name = af.recent_owner[1]
        initials = "".join(w[0] for w in owner_name.split() if w[:1].isupper())
        others = owned or any(e.label_ == "ORG" and e.text not in owner_name and owner_name not in e.text
                              and not (e.text.isupper() and e.text in initials)  # "(FCC)": its short form
                              and e.root.dep_ not in _NAME_AS_WORD for e in cl.ents(sent))
        af.story_org = None if others else af.recent_owner
    # (not a short form in brackets, "(FCC)", nor a name used as a word)
    # (nor a part of the story's organisation: "Tolley Mobile, the company's mobile business")
    orgs = [e.text for e in cl.ents(sent) if e.label_ == "ORG" and e.root.i not in quoted and not e.text.isupper()
            and e.root.dep_ not in _NAME_AS_WORD and not (e.root == subject and _a_unit(subject))]
    if orgs:
        af.org_named = (index, orgs[-1])


def _job_before(name: Token) -> bool:
    """'Chief financial officer Marcus Hale said ...': a name after the words of a job is a person's, whatever
    the language model took it for (the next "the company" is not Marcus Hale)."""
    doc = name.doc
    start = next((e.start for e in doc.ents if e.start <= name.i < e.end), name.i)
    return start > name.sent.start and (doc[start - 1].lower_ in fx.ROLE_WORDS
                                        or doc[start - 1].lower_.rstrip(".") in _TITLES)


def _a_unit(subject: Token) -> bool:
    """'Tolley Mobile, the company's mobile business': a name its apposition calls a part of an organisation
    said before ("the company's", "the firm's", "its")."""
    return any(c.dep_ == "appos" and any(p.dep_ == "poss" and (p.lower_ == "its" or (
        p.lower_ in ORG_NOUNS and any(d.lower_ == "the" for d in p.children))) for p in c.children)
        for c in subject.children)


# How a name is used as a word rather than for the organisation itself: "Tolley-based", "a Tolley spokesman".
_NAME_AS_WORD = ("amod", "compound", "npadvmod", "nmod")
_YEAR_WORDS = {"last": -1, "this": 0, "next": 1}


def _dated(sent: Span, af: ArticleFacts, quoted: frozenset[int], parse: Callable[[str], Doc]
           ) -> tuple[list[qty.NumberMention], Span, int] | None:
    """The sentence with its "last year" written as the year it was, when the article's date
    says ("In 2004, 162,000 workers were tested ..."), parsed anew: (its numbers, the parse, the
    year); None without a date."""
    if af.year is None:
        return None
    for t in sent:
        if t.i in quoted or t.lower_ not in _YEAR_WORDS or t.i + 1 >= sent.end or sent.doc[t.i + 1].lower_ != "year":
            continue
        year = af.year + _YEAR_WORDS[t.lower_]
        ids = {t.i, t.i + 1}
        before = sent.doc[t.i - 1] if t.i > sent.start else None
        if before is not None and before.lower_ in ("in", "during", "for", "since"):
            text = str(year)  # "in Wessex last year" -> "in Wessex in 2004"; "since last year" keeps its "since"
        elif t.i == sent.start or (before is not None and before.is_punct):
            text = f"In {year},"
        else:
            text = f"in {year}"
        found, span, _ = _rewrite_thing(sent, (ids, text, -1), parse)
        return found, span, year
    return None


def _time_frame(sent: Span) -> str:
    """'In November', 'In 2003', 'In March 2004': the time a sentence opens with, when it names one."""
    toks = list(itertools.islice((t for t in sent if not t.is_space), 4))  # (all it looks at)
    if len(toks) < 3 or toks[0].lower_ != "in" or toks[0].head.dep_ != "ROOT":
        return ""
    words = []
    for t in toks[1:4]:
        if t.lower_ in qty.MONTHS or (t.like_num and len(t.text) == 4 and t.text.startswith(("19", "20"))):
            words.append(t)
        else:
            break
    if not words or words[-1].dep_ in ("compound", "nummod", "amod", "nmod"):
        return ""  # "In 2003 figures ...": the year is part of a noun phrase
    return "In " + " ".join(w.text for w in words)


def _that_one(sent: Span, index: int, af: ArticleFacts) -> tuple[set[int], str, int] | None:
    """'... the bitter recount that followed the 1998 election. The Tolley index shed 4% ... after
    that election': 'that election' is the one the sentence before named with its year or name."""
    if index == 0:
        return None
    for t in sent:
        if t.pos_ != "NOUN" or t.tag_ != "NN":
            continue  # (a singular noun's children looked up only: most words are none)
        det = next((c for c in t.children if c.dep_ == "det" and c.lower_ in ("that", "this")), None)
        if det is None or det.i != t.i - 1:
            continue
        named = re.findall(rf"\bthe ((?:(?:[A-Z][\w-]*|\d{{4}}) )+){re.escape(t.text)}\b", af.sentences[index - 1])
        if len(named) == 1:
            return {det.i, t.i}, f"the {named[0]}{t.text}", index - 1
    return None


def _same_period(sent: Span, index: int, af: ArticleFacts) -> tuple[set[int], str, int] | None:
    """'In March ... 4,200 drivers. In the same month queues in Tolley ...': 'the same month'
    is the month the sentence before opened with, written out like a resolved 'the service'."""
    toks = list(itertools.islice((t for t in sent if not t.is_space), 4))
    recent = af.recent_frame
    if (len(toks) < 4 or toks[0].lower_ != "in" or [t.lower_ for t in toks[1:3]] != ["the", "same"]
            or toks[3].lower_ not in ("month", "year") or recent is None or recent[0] < index - 2):
        return None
    return {toks[1].i, toks[2].i, toks[3].i}, recent[1][3:], recent[0]


# The kinds of figure a question stem asks ("how many", "in what year", "what share", "how much"):
# _number_facts makes nothing of any other kind, however the sentence is parsed.
_STEM_KINDS = ("count", "year", "percent", "money")


def _number_facts(sent: Span, m: qty.NumberMention, base: fx.Fact, parse: Callable[[str], Doc]) -> list[fx.Fact]:
    """The question stems one number of the sentence supports."""
    claimant = None
    if fact := next((a for a in m.tokens[0].ancestors if a.lemma_ == "fact" and a.dep_ == "pobj"), None):
        # "Lupi pointed to the fact that 3,000 jobs ...": his claim, not the article's, so
        # asked as his ("According to Senator Lupi, how many jobs ...?").
        verb = fact.head.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "PROPN" or m.kind == "year":
            return []
        claimant = cl.render(subject.subtree)
    f: fx.Fact | None = None
    if m.kind == "count":
        f = (fx.partitive_fact(sent, m, base) or fx.times_fact(sent, m, base) or fx.count_facts(sent, m, base)
             or fx.subset_fact(sent, m, base))
        if f is None and m.tokens[0].i > sent.start and sent.doc[m.tokens[0].i - 1].lower_ in ("and", "or"):
            lead = [x for x in qty.number_mentions(sent) if x.kind == "count" and max(x.ids) < min(m.ids)]
            f = fx.gapped_count_fact(sent, m, base, lead[-1] if lead else None)
    elif m.kind == "year":
        return fx.year_facts(sent, m, base, parse) or _listed_clause_year(sent, m, base, parse)
    elif m.kind == "percent":
        f = fx.percent_fact(sent, m, base)
    elif m.kind == "money":
        f = fx.money_fact(sent, m, base)
    if f is not None and not claimant:
        claimant = _whose_claim(m.tokens[0])
    if f is not None and claimant:
        if claimant.lower() in f.prompt.lower():
            return []
        f.prompt = f"According to {claimant}, {f.prompt[:1].lower()}{f.prompt[1:]}"
    return [f] if f else []


def _named_aside_facts(sent: Span, m: qty.NumberMention, base: fx.Fact, parse: Callable[[str], Doc]
                       ) -> list[fx.Fact]:
    """'... rival Nintaro - which in 2005 reported sales of $24bn - but ...': the aside is a
    sentence about the name it follows ('Nintaro in 2005 reported sales of $24bn'), parsed on its
    own and asked like one ('How much in sales did Nintaro report in 2005?')."""
    doc = sent.doc
    for verb in m.tokens[0].ancestors:
        which = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "which"
                      and c.i < verb.i), None)
        if which is None:
            continue
        if which.i - 2 < sent.start or doc[which.i - 1].text not in ",-–—":
            return []
        name = next((e for e in cl.ents(sent) if e.end == which.i - 1 and e.label_ in ("ORG", "GPE", "PERSON")), None)
        if name is None:
            return []
        words = []
        for t in doc[which.i + 1:verb.right_edge.i + 1]:
            if t.text in "-–—" or (t.text == "," and t.i > verb.i):
                break
            words.append(t)
        while words and words[-1].is_punct and words[-1].text != ")":
            words.pop()
        if not words or any(t.i in cl.quoted_tokens(sent) for t in words):
            return []
        # "which in 2005 reported ...": the time goes after the verb ("Nintaro reported ... in 2005"),
        # where the parser cannot take it for part of the name.
        fronted = {t.i for c in verb.children if c.dep_ in ("prep", "npadvmod") and which.i < c.i < verb.i
                   for t in c.subtree}
        clause = " ".join(cl.render(part) for part in ([t for t in words if t.i not in fronted],
                                                       [t for t in words if t.i in fronted]) if part)
        aside = parse(f"{name.text} {clause}.")
        again = next((x for x in qty.number_mentions(aside[:]) if (x.kind, x.value) == (m.kind, m.value)), None)
        return _number_facts(aside[:], again, base, parse) if again is not None else []
    return []


_CLAIMING = fx.SAY_VERBS | {"show", "believe", "estimate", "reveal", "find", "think"}
_TELLING = _CLAIMING | {"forecast", "expect"}  # what a body says of something, or of itself


def _whose_claim(tok: Token) -> str | None:
    """'Government figures suggest measles has increased by 30%', 'Varga said more than 60% of
    Nintaro's puzzles were bought by adults': the figure is a claim, asked as theirs ('According to government
    figures, ...'). None when it is the article's own, when the source comes after it ('..., the
    Red Cross said': reported, not argued), or when the claimant is only 'they'."""
    for a in tok.ancestors:
        if a.dep_ != "ccomp" or a.head.lemma_ not in _CLAIMING or a.head.pos_ != "VERB" or a.head.i > a.i:
            continue  # "..., the Red Cross said": a source reporting, not a claim put up for debate
        who = next((c for c in a.head.children if c.dep_ == "nsubj"), None)
        if who is None or who.pos_ == "PRON" or cl.leans_on_context(who.subtree):
            return None
        words = [t for t in who.subtree if not t.is_punct or t.tag_ == "POS"]
        if any(t.dep_ in ("relcl", "appos", "acl") for t in words) or len(words) > 6 or (
                len(words) == 1 and words[0].pos_ != "PROPN"):
            return None  # "as figures showed ...": whose figures, it does not say
        text = cl.render(words)
        proper = words[0].pos_ == "PROPN" or words[0].ent_type_ or (words[0].text[:1].isupper() and words[0].i > 0
                                                                     and not cl.starts_sentence(words[0]))
        return text if proper else text[:1].lower() + text[1:]
    return None


def _rewrite_thing(sent: Span, thing: tuple[set[int], str, int], parse: Callable[[str], Doc]
                   ) -> tuple[list[qty.NumberMention], Span, int]:
    """The sentence with 'the service' (or 'It') written out as what it stands for, parsed anew:
    (its numbers outside the inserted words, the parse, the sentence that introduced the thing)."""
    ids, phrase, intro = thing
    first = min(ids)
    parts: list[str] = []
    start = end = 0
    for t in sent:
        if t.i in ids:
            if t.i == first:
                text = phrase[:1].upper() + phrase[1:] if t.i == sent.start else phrase
                start = sum(len(p) for p in parts)
                end = start + len(text)
                parts.append(text + sent.doc[max(ids)].whitespace_)
            continue
        parts.append(t.text_with_ws)
    doc = parse("".join(parts).strip())
    span = doc[:]
    found = [m for m in qty.number_mentions(span)
             if not any(start <= t.idx < end for t in m.tokens)]
    return found, span, intro


_SUBORDINATE = {"if", "when", "while", "although", "though", "as", "because", "since", "unless", "after",
                "before", "until", "once", "whether", "where", "so", "but", "and", "or", "in", "by", "for"}


def _clause_run(sent) -> list[list[Token]]:  # type: ignore[no-untyped-def]
    """The clauses of a run of comma-joined clauses ('The Kestrel network opened in 2004, Nintaro
    opened its service in October, Brindle followed ...'), each opening with a capitalised name
    or 'The' and holding a verb; [] for any other sentence."""
    if cl.quoted_tokens(sent) or any(t.text in ";:()" for t in sent):
        return []
    parts: list[list[Token]] = [[]]
    for t in sent:
        if t.text == ",":
            parts.append([])
        elif not t.is_space:
            parts[-1].append(t)
    if len(parts) < 3 or not all(p for p in parts):
        return []
    for p in parts:
        first = p[0]
        if not first.text[:1].isupper() or first.lower_ in _SUBORDINATE or first.pos_ not in ("PROPN", "DET", "NOUN"):
            return []
        if not any(t.pos_ == "VERB" for t in p):
            return []
    return parts


def _listed_clause_dates(run: list[list[Token]], base: fx.Fact, parse: Callable[[str], Doc]) -> list[fx.Fact]:
    """'..., Nintaro opened the Nintaro Plus network in October, ...': a clause of a run (from
    _clause_run) that says when, parsed on its own ('In what month did Nintaro open ...?')."""
    out: list[fx.Fact] = []
    for part in run[1:]:
        if not any(t.ent_type_ == "DATE" and dates.MONTH_WORDS.match(t.text) for t in part) or len(part) > 12:
            continue
        if any(t.tag_ == "PRP$" for t in part):
            continue  # "opened its home service in October": which service, the run's opening says
        words = part[:-1] if part[-1].is_punct else part
        for f in dates.date_facts(parse(cl.render(words) + ".")[:], base):
            f.order = base.order + part[0].i / 10_000
            out.append(f)
    return out


def _listed_clause_year(sent, m: qty.NumberMention, base: fx.Fact, parse) -> list[fx.Fact]:  # type: ignore[no-untyped-def]
    """'The Kestrel network opened in 2004, Nintaro opened its service in October, Brindle followed
    ...': the small model misparses such a run of comma-joined clauses, so the clause that holds the
    year (the first of the run) is parsed again on its own and asked about like a sentence."""
    parts = _clause_run(sent)
    if not parts:
        return []
    first_part = parts[0]
    if m.tokens[0] not in first_part or len(first_part) > 12:
        return []
    words = first_part[:-1] if first_part[-1].is_punct else first_part
    sub = parse(cl.render(words) + ".")
    span = sub[:]
    mm = next((x for x in qty.number_mentions(span) if x.kind == "year" and x.value == m.value), None)
    root = next((t for t in span if t.dep_ == "ROOT"), None)
    if mm is None or root is None:
        return []
    if root.pos_ in ("NOUN", "PROPN"):
        out = _fragment_year(root, mm, base)
    elif root.pos_ != "VERB" or root.lemma_ in fx.SAY_VERBS or not any(c.dep_ == "nsubj" for c in root.children):
        return []
    else:
        out = fx.year_facts(span, mm, base)
    for f in out:
        f.order = base.order + m.tokens[0].i / 10_000
    return out


def _fragment_year(noun, m: qty.NumberMention, base: fx.Fact) -> list[fx.Fact]:  # type: ignore[no-untyped-def]
    """'The Kestrel network opened in 2004' read on its own as a noun and its participle: in a run of
    clauses it is a clause ('opened' the past of an intransitive verb), so ask 'In what year did
    the Kestrel network open?'."""
    year = m.tokens[0]
    prep = year.head
    verb = prep.head
    kids = list(verb.children)
    np = [t for t in noun.subtree if t.i < verb.i]
    if (year.dep_ != "pobj" or prep.lower_ != "in" or verb.dep_ != "acl" or verb.head != noun
            or verb.tag_ not in ("VBN", "VBD") or not verb.lower_.endswith("ed") or kids != [prep]
            or not np or np[-1].i != verb.i - 1 or m.hedge or cl.leans_on_context(np)
            or any(t.i > verb.i and t.i not in cl.subtree(verb) and not t.is_punct for t in noun.subtree)):
        return []
    subject = cl.render(np)
    if np[0].pos_ == "DET":
        subject = subject[:1].lower() + subject[1:]
    f = fx._fact_from(base, "year", f"In what year did {subject} {verb.lemma_}?", m)
    return [f]


def _resolve_thing(sent, index: int, af: ArticleFacts) -> tuple[set[int], str, int] | None:  # type: ignore[no-untyped-def]
    """'The service' (or a leading 'It' right after a sentence about it) standing for the thing an
    earlier sentence introduced ('A two gigabit service has been launched by Skyline Online'):
    (its tokens, 'the two gigabit service launched by Skyline Online', the introducing sentence)."""
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    named = _named_subject(sent, first, index, af)
    if named is not None:
        return named
    owner = af.recent_owner
    if (first is not None and first.lower_ == "its" and first.tag_ == "PRP$" and owner is not None
            and owner[0] == index - 1):
        return {first.i}, f"{owner[1]}'s", owner[0]  # "Nintaro publishes ... Its revenues were $3bn": Nintaro's
    recent = af.recent_thing
    if recent is None:
        return None
    intro, lemma, phrase, last = recent
    if " by " in phrase and phrase.rsplit(" by ", 1)[1] in cl.text_of(sent):
        # "Skyline Online plans to ... if the service sells well": "the two gigabit service",
        # not "... launched by Skyline Online" a second time in one sentence.
        phrase = phrase.rsplit(" by ", 1)[0].rsplit(" ", 1)[0]
    quoted = cl.quoted_tokens(sent)
    for t in sent:
        if t.i in quoted:
            continue
        if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.dep_ != "compound" and t.tag_ == "NN":
            # "the poll, which was mostly carried out before ...": a side remark names nothing new
            kids = [c for c in t.children if c.dep_ != "punct"
                    and not (c.dep_ == "relcl" and sent.doc[c.left_edge.i - 1].text == ",")]
            if len(kids) == 1 and kids[0].dep_ == "det" and kids[0].lower_ == "the" and kids[0].i == t.i - 1:
                return {t.i - 1, t.i}, phrase, intro
            named = phrase.split()  # "The van business" for "Zanetti's van business": the same words
            if (kids and kids[0].dep_ == "det" and kids[0].lower_ == "the" and len(kids) > 1
                    and all(k.dep_ == "compound" and k.text in named for k in kids[1:])
                    and [k.i for k in kids] == list(range(kids[0].i, t.i))):
                return {k.i for k in kids} | {t.i}, phrase, intro
            # "... technologies such as Skylink. This wireless technology can ...": the one just named.
            if (intro == index - 1 and kids and kids[0].dep_ == "det" and kids[0].lower_ == "this"
                    and all(k.i < t.i and (k is kids[0] or k.dep_ == "amod") for k in kids)):
                return {k.i for k in kids} | {t.i}, phrase, intro
            return None  # another way of naming it ("a new service"): not clearly the same one
        if (t.lower_ == "it" and t.dep_ == "nsubj" and last == index - 1 and cl.starts_sentence(t)
                and t.head.dep_ == "ROOT" and t.head.pos_ in ("VERB", "AUX")
                and not _extraposed(t.head) and "'s " not in phrase):
            # not the empty 'It is expected that ...'; nor, after "Brindle's bus business", an 'It'
            # that may as well be Brindle
            return {t.i}, phrase, intro
    return None


# "the combined airline", "the new company", "the rival bank": another organisation than the one the story is about
_ANOTHER_ORG = frozenset({"combined", "merged", "enlarged", "new", "rival", "parent", "former", "other", "joint"})
_ORG_REACH = 3  # sentences back that "the company" may still name the organisation a sentence was about


def _named_subject(sent, first, index: int, af: ArticleFacts) -> tuple[set[int], str, int] | None:  # type: ignore[no-untyped-def]
    """A sentence opening on 'He'/'She' right after one about a named person, or on 'The company'
    (or 'It') soon after one about a named organisation: (its tokens, the name, the naming sentence).
    'Ann Cole opened a bakery in Ruthin. He ...' is no match; 'Tom Hale retired on Friday. He joined
    the firm in 1981' -> 'Tom Hale joined the firm in 1981'."""
    first = _after_fronted(sent) or first
    person = af.recent_person if _in_view(af.recent_person, index, af) else None
    if (first is not None and first.lower_ in ("his", "her") and first.tag_ == "PRP$"
            and first.head.dep_ in ("nsubj", "nsubjpass") and person is not None
            and not _other_sex(first, person, af.sentences[person[0]])):
        return {first.i}, f"{_full_name(person)}'s", person[3]  # "His offer was ..." -> "Tom Hale's offer"
    if first is None or not (first.dep_ in ("nsubj", "nsubjpass") or (
            first.dep_ == "det" and first.head.dep_ in ("nsubj", "nsubjpass"))):
        return None  # a subject, or the "The" of one ("The company said ...")
    if first.lower_ in ("he", "she") and first.dep_ != "det" and person is not None:
        if _other_sex(first, person, af.sentences[person[0]]):
            return None
        return {first.i}, _full_name(person), person[3]
    aged = _aged_description(sent, first)
    if aged is not None and person is not None:
        # "Niall Hale won the Wessex Open. The 27-year-old finished on 14 under": an age standing for the one
        # just named, as a 'He' does ("The 73-year-old former Tolley chairman": with the job they are known by)
        return set(range(first.i, aged.i + 1)), _full_name(person), person[3]
    described = _described_person(sent, first, index, af)
    if described is not None:
        return described
    named = af.recent_name
    if (first.lower_ == "it" and first.dep_ in ("nsubj", "nsubjpass") and first.head.dep_ == "ROOT"
            and named is not None and named[0] == index - 1 and not extraposed_it(first)
            and not _it_is_an_event(first) and not _told_of_before(first, index, af)):
        # "Tolley Tunes offers songs for £3 a month. It has a catalogue of 6,000 songs": a sentence's
        # 'It' is the named thing the sentence before was about
        return {first.i}, named[1], named[2]
    org = af.story_org
    if org is None or index - org[0] > _ORG_REACH or org[0] >= index:
        return None
    named = af.org_named
    if named is not None and org[0] < named[0] and not _same_org(named[1], org[1]):
        return None  # "Tolley Mills filed ... one from Brindle Bank to ... The lender is": Brindle Bank, likelier
    if any(e.label_ == "ORG" and _same_org(e.text, org[1]) for e in cl.ents(sent)):
        return None  # "The lender is one of six banks barred from lending to Tolley Mills": another one
    if first.lower_ == "the" and first.head.lower_ in ORG_NOUNS and first.head.dep_ in ("nsubj", "nsubjpass") \
            and all(t.dep_ in ("amod", "compound") and t.ent_type_ in ("", "NORP") and t.lower_ not in _ANOTHER_ORG
                    for t in sent.doc[first.i + 1:first.head.i]):
        # ("The company said ...", "The Dutch lender said ...", not "The Northwind group", nor "The combined
        # airline would fly 620 aircraft", which the merger makes of two)
        return set(range(first.i, first.head.i + 1)), org[1], org[0]
    if first.lower_ == "it" and org[0] == index - 1 and first.head.dep_ == "ROOT" and not extraposed_it(first) \
            and not _it_is_an_event(first) and not _told_of_before(first, index, af):
        return {first.i}, org[1], org[0]
    return None


def _aged_description(sent, first: Token) -> Token | None:  # type: ignore[no-untyped-def]
    """The head of a subject such as "The 27-year-old" or "The 73-year-old former Tolley chairman" (an age, then
    maybe the words of a job: one person, described), or None."""
    doc = sent.doc
    head = first.head
    if first.lower_ != "the" or first.dep_ != "det" or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if head.lower_ == "old":
        return head if re.fullmatch(r"\d+-year-old", doc[first.i + 1:head.i + 1].text) else None
    if head.tag_ != "NN" or head.i - first.i < 6:
        return None
    old = next((t for t in doc[first.i + 1:head.i] if t.lower_ == "old"), None)
    if old is None or not re.fullmatch(r"\d+-year-old", doc[first.i + 1:old.i + 1].text):
        return None
    between = doc[old.i + 1:head.i]
    if not all(t.dep_ in ("amod", "compound") and t.ent_type_ not in ("PERSON", "ORDINAL", "CARDINAL")
               for t in between):
        return None
    return head


def _told_of_before(it: Token, index: int, af: ArticleFacts) -> bool:
    """An 'It' that may be what the sentence before told of, rather than its teller: 'It touched down ...'
    after 'The weather service confirmed that the storm was an EF-2'. (An 'It' that tells or forecasts in
    turn is the teller: 'It recently forecast growth will slow'.)"""
    return af.told_of == index - 1 and it.head.lemma_ not in _TELLING


def _tells_of_another(subject: Token) -> bool:
    """'The weather service confirmed that the storm was an EF-2': a subject saying something of another
    thing (after which 'It touched down ...' is the storm, not the service). Not 'Tolley Bank said it would
    cut 500 jobs' (itself), 'said Yukos had ...' nor 'said the number of users rose' (after which an 'It' is
    still the teller: 'It had wanted to ...', 'In a report, it said ...')."""
    verb = subject.head
    return verb.lemma_ in _TELLING and any(
        g.tag_ == "NN" and g.lemma_.lower() not in _MEASURES
        and any(d.dep_ == "det" and d.lower_ in ("the", "a", "an") for d in g.children) for g in _told_subjects(verb))


def _told_subjects(verb: Token) -> Iterator[Token]:
    """The subjects of what a verb of saying says: "the storm" of "confirmed that the storm was an EF-2"."""
    return (g for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))


# What a figure measures ("the number of users rose"): no thing an 'It' goes on about
_MEASURES = frozenset(re.findall(r"\w+", """number share rate level amount total figure price cost value
    proportion size volume growth rise fall increase decrease"""))


# What an 'It' does that is a happening, not a body: "It means ...", "It comes after ...", "It follows ...",
# "It marks ..."
_EVENT_VERBS = frozenset({"mean", "come", "follow", "mark"})


def _it_is_an_event(it: Token) -> bool:
    """'It would be the first strike by nurses in 20 years', 'It is the third rise in a year', 'It means ...':
    an 'It' that the sentence calls an event, not the union or bank the sentence before named (a body it may call one:
    'It is the country's fourth-largest lender')."""
    if it.head.lemma_ in _EVENT_VERBS:
        return True  # "It means Wessex have lost eight of ten", "It comes after ...", "It marks the first ..."
    if it.head.lemma_ != "be":
        return False
    attr = next((c for c in it.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    return attr is not None and attr.lemma_.lower() not in BODY_NOUNS


def _same_org(one: str, other: str) -> bool:
    """'Tolley Mills' and 'the Tolley Mills group' or 'Tolley': one name within the other."""
    a, b = clean_name(one).lower().removeprefix("the "), clean_name(other).lower().removeprefix("the ")
    return bool(a) and bool(b) and (a in b or b in a)


def _described_person(sent, first: Token, index: int, af: ArticleFacts) -> tuple[set[int], str, int] | None:  # type: ignore[no-untyped-def]
    """'The Tory leader said ...' after 'Conservative leader Ann Cole' and a sentence about her: the one
    person the article put that job word before, when each other word of the description stands near
    her name somewhere in the article and she was named in the last three sentences."""
    head = first.head
    if first.lower_ != "the" or first.dep_ != "det" or head.dep_ not in ("nsubj", "nsubjpass") or head.tag_ != "NN":
        return None
    mods = list(sent.doc[first.i + 1:head.i])
    called = af.epithets.get(head.lower_)
    if called is None or any(m.dep_ not in ("amod", "compound", "nmod") or m.head != head for m in mods):
        return None
    name, at = called
    last = name.split()[-1]
    text = sent.doc.user_data.get(ARTICLE_TEXT, sent.doc.text)
    if not any(last in af.sentences[i] for i in range(max(0, index - 3), index)) or not all(
            re.search(rf"\b{re.escape(m.text)}\b[^.]{{0,40}}\b{re.escape(last)}\b", text, re.I) for m in mods):
        return None
    return set(range(first.i, head.i + 1)), name, at


def _named_thing(subject: Token, person_of: Callable[[Token], str | None]) -> str | None:
    """'Tolley Tunes' for a subject that is one thing's proper name ('Tolley Tunes', 'Ann Cole comedy
    Harbour', 'the Tolley Echo', 'best-film nominee Harbour'), not a person's; None for any other subject."""
    kids = [c for c in subject.children if c.dep_ != "punct"]
    if subject.pos_ == "NOUN" and kids and kids[-1].dep_ == "appos" and kids[-1].i == subject.i + 1 \
            and all(c.dep_ in ("compound", "amod", "nmod") for c in kids[:-1]):
        subject = kids[-1]  # "nominee Harbour": the name after the noun
    if subject.tag_ != "NNP" or person_of(subject) or subject.ent_type_ in ("PERSON", "DATE", "TIME", "MONEY"):
        return None
    if any(c.dep_ in ("conj", "appos", "relcl", "acl") for c in subject.children):
        return None  # "Tolley and Brindle", "Tolley, which ...": more than the name
    doc, start = subject.doc, subject.i
    # (the whole name, each word of it hanging on a later one: "Harbury" on "Ridge" in "the Harbury Ridge Fire")
    while start > subject.sent.start and doc[start - 1].tag_ == "NNP" and start <= doc[start - 1].head.i <= subject.i \
            and doc[start - 1].ent_type_ != "PERSON":
        start -= 1
    words = doc[start:subject.i + 1]
    if any(not w.text[:1].isupper() for w in words):
        return None
    the = start > subject.sent.start and doc[start - 1].lower_ == "the"
    return ("the " if the else "") + words.text


def _full_name(person: tuple[int, str, str, int]) -> str:
    """'Mr Hale' for a person the article calls Mr Hale, else the name as written."""
    return f"{person[2]} {person[1]}".strip() if person[2] and " " not in person[1] else person[1]


_SHE = re.compile(r"\b(?:" + "|".join(sorted(SHE_WORDS)) + r")\b", re.I)
_HE = re.compile(r"\b(?:" + "|".join(sorted(HE_WORDS)) + r")\b", re.I)


def _other_sex(pronoun: Token, person: tuple[int, str, str, int], before: str = "") -> bool:
    """A 'he' or 'his' for a person the article calls Ms, a 'she' or 'her' for a Mr; or after a
    sentence `before` that speaks of someone of the other sex ('Ann Cole denounced her father. He ...')."""
    title = person[2].lower().rstrip(".")
    if pronoun.lower_ in HE_WORDS:
        return title in FEMALE_TITLES or bool(_SHE.search(before))
    return pronoun.lower_ in SHE_WORDS and (title in MALE_TITLES or bool(_HE.search(before)))


# A phrase before the subject that sets the scene: "In May, he made ...", "Last week, it said ...".
_FRONTED = {"prep", "advmod", "npadvmod", "advcl", "punct"}
# Words that open a sentence before its "he" or "she" without a comma: "But he ...", "In 2012 she ...".
_OPENERS = {"cc", "advmod", "prep", "npadvmod"}
_PERSON_REACH = 3  # sentences back that a "he" or "she" may reach, when none between spoke of anyone


def _after_fronted(sent) -> Token | None:  # type: ignore[no-untyped-def]
    """The pronoun that is the main clause's subject after what opens the sentence: a fronted phrase and
    a comma ("In May, he made a bid", "By then, its shares had ..."), or, for a "he" or "she", a short
    opener with no comma ("But he then changed his mind", "In 2012 she moved to Leeds"); or None."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i == sent.start:
        return None
    fronted = [c for c in root.children if c.i < subject.i]
    if not fronted or fronted[0].left_edge.i != sent.start:
        return None
    if sent.doc[subject.i - 1].text == "," and all(c.dep_ in _FRONTED for c in fronted):
        lead = subject if subject.pos_ == "PRON" else next(
            (c for c in subject.children if c.tag_ == "PRP$" and c.i == subject.left_edge.i), None)
        if lead is not None and lead.lower_ in ("he", "she", "it", "his", "her", "its"):
            return lead
    if subject.dep_ == "nsubj" and subject.lower_ in ("he", "she") and subject.i - sent.start <= 6 \
            and all(c.dep_ in _OPENERS for c in fronted) and not any(t.i >= subject.i for c in fronted
                                                                     for t in c.subtree):
        return subject
    return None


def _speaks_of_someone(sent, person_of: Callable[[Token], str | None]) -> bool:  # type: ignore[no-untyped-def]
    """Whether a sentence names a person, says he, she, his or her, quotes anyone, or has a name for its
    subject that may be a person's ("Lord Tolley opened the bridge", whatever the language model took it for)."""
    if any(e.label_ == "PERSON" for e in cl.ents(sent)) or any(
            t.lower_ in _GENDERED or t.lower_.rstrip(".") in TITLES or t.text in '"“”' or person_of(t) for t in sent):
        return True
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.pos_ == "PROPN" and subject.ent_type_ not in _NOT_PEOPLE


def _in_view(person: tuple[int, str, str, int] | None, index: int, af: ArticleFacts) -> bool:
    """Whether a "he" or "she" in sentence `index` can only be `person`: named in the sentence before, or
    a few sentences back with none between naming anyone or saying he, she, his or her ("Tom Hale joined
    Wessex Mills in 1990. Its sales doubled within a year. He left in 2001")."""
    if person is None:
        return False
    return person[0] == index - 1 or (index - person[0] <= _PERSON_REACH and af.person_talk == person[0]
                                      and af.person_subject == person[0])


def _extraposed(verb) -> bool:  # type: ignore[no-untyped-def]
    """'It is likely that ...', 'It is hard to say': the 'it' stands for a clause, not a thing."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr"))]
    return any(c.dep_ in ("ccomp", "xcomp", "csubj", "csubjpass") for h in heads for c in h.children)


def _thing_introduced(sent) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    """'A two gigabit service has been launched by Skyline Online' -> ('service', 'the two gigabit
    service launched by Skyline Online'): a new thing, named by what it is and who made it."""
    quoted = cl.quoted_tokens(sent)
    for t in sent:
        # "competition from newer technologies such as Skylink": one named example of a kind
        if (t.lower_ == "such" and t.i + 2 < sent.end and sent.doc[t.i + 1].lower_ == "as" and t.i not in quoted
                and sent.doc[t.i + 1].head.tag_ == "NNS" and sent.doc[t.i + 2].pos_ == "PROPN"):
            name = sent.doc[t.i + 2]
            if name.dep_ == "pobj" and not any(c.dep_ in ("conj", "cc") for c in name.children) \
                    and (name.i + 1 >= sent.end or sent.doc[name.i + 1].is_punct):
                return sent.doc[t.i + 1].head.lemma_.lower(), name.text
    for t in sent:
        # "surveyed in a Tolley Institute poll": a thing named by its maker ('the Tolley Institute poll')
        if t.tag_ != "NN" or t.pos_ != "NOUN" or t.i in quoted:
            continue
        kids = list(t.children)
        if (kids and kids[0].dep_ == "det"
                and kids[0].lower_ in ("a", "an") and all(k.i < t.i for k in kids)
                and all(k.dep_ == "compound" and k.pos_ == "PROPN" for k in kids[1:]) and len(kids) > 1):
            words = [w for w in t.subtree if w.i > kids[0].i]
            if not cl.leans_on_context(words):
                return t.lemma_.lower(), f"the {cl.render(words)}"
    orgs = [e for e in cl.ents(sent) if e.label_ == "ORG" and e.root.i not in quoted]
    for t in sent if len(orgs) == 1 else ():
        # "The head of the Zanetti group has taken charge of its ailing van business" ->
        # ('business', "Zanetti's van business"): the one organisation's own thing.
        if t.tag_ != "NN" or t.pos_ != "NOUN" or t.i in quoted:
            continue
        kids = list(t.children)
        if (kids
                and kids[0].lower_ == "its" and kids[0].dep_ == "poss" and orgs[0].end <= kids[0].i
                and all(k.i < t.i and k.dep_ in ("poss", "amod", "compound") for k in kids)):
            compounds = [k.text for k in kids if k.dep_ == "compound"]
            name = clean_name(orgs[0].text)
            before = sent.doc[orgs[0].start - 1] if orgs[0].start > sent.start else None
            if (before is not None and before.lower_ == "the" and orgs[0].start <= before.head.i < orgs[0].end) \
                    or orgs[0].text.lower().startswith("the "):
                # "the Tea Board of Kenya ... its report": "the Tea Board's report" (not "the Zanetti group":
                # "Zanetti's")
                name = f"the {name}"
            return t.lemma_.lower(), " ".join([f"{name}'s", *compounds, t.text])
    for t in sent:
        if t.dep_ != "nsubjpass" or t.pos_ != "NOUN" or t.tag_ != "NN" or t.i in quoted:
            continue
        kids = list(t.children)
        if not kids or kids[0].dep_ != "det" or kids[0].lower_ not in ("a", "an") or \
                any(k.i > t.i for k in kids) or any(k.dep_ not in ("det", "amod", "compound", "nummod")
                                                    for k in kids):
            return None
        verb = t.head
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if verb.tag_ != "VBN" or obj is None or verb.i < t.i:
            return None
        # The maker's name: the proper nouns ending at the agent ("provider Skyline Online" -> "Skyline Online").
        start = obj.i
        while start > agent.i + 1 and sent.doc[start - 1].pos_ == "PROPN" and sent.doc[start - 1].dep_ == "compound":
            start -= 1
        name = sent.doc[start:obj.i + 1]
        if obj.pos_ != "PROPN" or not all(w.text[:1].isupper() for w in name) or \
                any(c.i > obj.i for c in obj.children):
            return None
        words = [w for w in t.subtree if w.i > kids[0].i]
        if cl.leans_on_context(words):
            return None
        return t.lemma_.lower(), f"the {cl.render(words)} {verb.text} by {clean_name(name.text)}"
    return None


def _track_thing(sent, index: int, af: ArticleFacts, thing: tuple[set[int], str, int] | None) -> None:  # type: ignore[no-untyped-def]
    """Remember the thing this sentence introduces or speaks of, for a 'the service' or 'it' later."""
    new = _thing_introduced(sent)
    if new is not None:
        af.recent_thing = (index, new[0], new[1], index)
        return
    recent = af.recent_thing
    if recent is None:
        return
    if thing is not None:
        subject = any(sent.doc[i].dep_ in cl.SUBJECTS for i in thing[0])
        if subject:
            af.recent_thing = (recent[0], recent[1], recent[2], index)
        return
    if any(t.lemma_.lower() == recent[1] and t.pos_ == "NOUN" and t.dep_ != "compound" and
           any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children) for t in sent):
        af.recent_thing = None  # a second one of its kind: 'the service' is no longer clear


# A quote's speaker is cited with at most this many sentences in all.
MAX_QUOTE_CHAIN = 5


def _follow_quote(sent, index: int, af: ArticleFacts, base: fx.Fact,  # type: ignore[no-untyped-def]
                  found: tuple[str, int | None] | None) -> None:
    """Quotes that go on past the sentence naming their speaker: the next sentences, opening with a
    quote mark or inside a quote left open, are the same speaker's words while nobody else speaks.
    `found` is the sentence's speaker_of."""
    text = af.sentences[index]
    pending = af.pending_quote if af.pending_quote == index - 1 else None
    af.pending_quote = None
    if found:
        speaker, antecedent = found
        chain = [antecedent] if antecedent is not None else []
        if pending is not None and text.lstrip()[:1] not in "\"“":
            # '"A typical house ... now splits a single 256 kilobit line. / This will give them 1
            # megabit each," he said.': the quote began a sentence before the one naming its speaker.
            before = replace(base, sentence=pending, order=float(pending))
            f = people.continued_quote_fact(af.sentences[pending], before, speaker, sorted({*chain, pending, index}))
            if f is not None:
                af.facts.append(f)
        af.open_quote = (index, speaker, [*chain, index], people.quote_is_open(text))
        return
    state = af.open_quote
    af.open_quote = None
    if state is None and text.lstrip()[:1] in "\"“" and people.quote_is_open(text) and not any(
            t.lemma_ in fx.SAY_VERBS and t.pos_ == "VERB" for t in sent):
        af.pending_quote = index  # nobody named yet: the next sentence may say who speaks
    if state is None or state[0] != index - 1:
        return
    _, speaker, chain, still_open = state
    stripped = text.lstrip()
    if not (still_open or stripped[:1] in "\"“"):
        return
    if any(t.lemma_ in fx.SAY_VERBS and t.pos_ == "VERB" and t.i not in cl.quoted_tokens(sent) for t in sent):
        return  # someone speaks here: whose words these are is not clear
    if af.recent_person is not None and af.recent_person[1] == speaker:
        # '"It's the subtleties ..." / "With PS3 ...," he said.': the quote keeps its speaker in view
        af.recent_person = (index, speaker, af.recent_person[2], af.recent_person[3])
    if len(chain) + 1 <= MAX_QUOTE_CHAIN:
        f = people.continued_quote_fact(text, base, speaker, chain)
        if f is not None:
            af.facts.append(f)
    # The next sentence may go on with the quote: open here, or a new quote mark right after.
    marks = text.count('"') + text.count("“") + text.count("”")
    opens = stripped[:1] in "\"“"  # a new paragraph of the quote opens again, closed or not before
    open_after = (marks % 2 == 1) if opens else still_open != (marks % 2 == 1)
    af.open_quote = (index, speaker, [*chain, index], open_after)


def _track_opposed(sent, index: int, af: ArticleFacts, person_of) -> None:  # type: ignore[no-untyped-def]
    """Note the people one sentence sets against each other: the subject of a verb and a person in
    what it does ("Corwin attacked President Ashby's record", "Pollard has won an injunction
    barring singer Danny Dawson", "Bellini has replaced Karl Demm")."""
    quoted = cl.quoted_tokens(sent)
    people_here = [(e, person_of(e.root)) for e in cl.ents(sent) if e.root.i not in quoted]
    people_here = [(e, n) for e, n in people_here if n]
    for e, name in people_here:
        if e.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = e.root.head
        mine = cl.subtree(e.root)
        for other, other_name in people_here:
            if other_name != name and other.root.i in cl.subtree(verb) - mine and other.root.dep_ != "conj" \
                    and not any(a.dep_ == "ccomp" or a.lemma_ in fx.SAY_VERBS for a in other.root.ancestors
                                if a.i != verb.i and verb in a.ancestors):
                af.opposed.setdefault(frozenset((name, other_name)), set()).add(index)
                if af.dispute is None and any(t.lemma_ in _LEGAL for t in sent if t.i not in quoted):
                    af.dispute = (name, other_name, index)


def _epithet_places(sent, base: fx.Fact, af: ArticleFacts, person_of) -> list[fx.Fact]:  # type: ignore[no-untyped-def]
    """'R&B singer Danny Dawson ... But the Swindon singer has failed ...': the place a later
    'the Swindon singer' puts the person called a singer before ('According to the article, which
    city is singer Danny Dawson from?'). Also notes the job words a sentence puts before a name."""
    out: list[fx.Fact] = []
    quoted = cl.quoted_tokens(sent)
    for t in sent:
        if t.pos_ != "NOUN" or not t.is_lower or t.i in quoted:
            continue
        if t.dep_ == "compound" and t.head.pos_ == "PROPN" and person_of(t.head):
            name = person_of(t.head)
            known = af.epithets.get(t.lower_, (name, base.sentence))
            af.epithets[t.lower_] = known if known is not None and known[0] == name else None
            continue
        called = af.epithets.get(t.lower_)
        kids = [c for c in t.children if c.dep_ != "punct"]
        if called is None or len(kids) != 2 or kids[0].lower_ != "the" or kids[1].dep_ != "compound" or \
                kids[1].pos_ != "PROPN" or [c.i for c in kids] != [t.i - 2, t.i - 1]:
            continue
        out.append(fx.Fact(kind="epithet", prompt=f"According to the article, {{wh}} is {t.lower_} {called[0]} from?",
                           answer=kids[1].text, sentence=base.sentence, order=base.order + t.i / 10_000,
                           names_in_sentence=base.names_in_sentence, score=0.6, antecedent=called[1]))
    return out


def _named_next(sent, index: int, af: ArticleFacts) -> tuple[set[int], str, int] | None:  # type: ignore[no-untyped-def]
    """A story's opening on 'A water company' that the headline and the next sentence both name:
    "Brindle Water fined £4m" / "A water company has been fined £4m ... Brindle Water, which supplies
    ..., admitted 27 offences" -> (the words 'A water company', 'Brindle Water', the naming sentence).
    (Organisations only: "A judge has ruled ... Tolley Oil filed for bankruptcy" names another.)"""
    if index != 0 or len(af.sentences) < 2:
        return None
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in BODY_NOUNS or subject.tag_ != "NN":
        return None
    words = list(subject.lefts)
    if not words or words[0].lower_ not in ("a", "an") or any(w.dep_ not in ("det", "amod", "compound")
                                                          for w in words) or list(subject.rights):
        return None
    name = _headline_name(af.title, af.sentences[1])
    if name is None or name in sent.text:
        return None
    return {w.i for w in words} | {subject.i}, name, 1


def _headline_name(title: str, sentence: str) -> str | None:
    """The name a headline opens on, where a sentence opens on it too, as the whole of its name
    ("Brindle Water fined £4m" and "Brindle Water, which ..." -> "Brindle Water"; not "Wessex" of
    "Wessex Council said")."""
    words = re.match(r"(?:[A-Z][\w'’&.-]*\s)*", title + " ").group(0).split()
    for k in range(len(words), 0, -1):
        name = " ".join(words[:k])
        if name in ("A", "An", "The") or not sentence.startswith(name):
            continue
        rest = sentence[len(name):]
        return name if re.match(r"(?:\s+[a-z]|,|['’]s\b)", rest) else None
    return None


_LEGAL = {"injunction", "court", "lawsuit", "sue", "judge", "tribunal", "writ", "litigation"}


def _the_case(sent, index: int, af: ArticleFacts) -> tuple[set[int], str, int] | None:  # type: ignore[no-untyped-def]
    """'The case is due to be heard ...' in a story of one person taking another to court: the case
    between the two ('The case between Dean Pollard and Danny Dawson is due to be heard ...')."""
    if af.dispute is None or af.dispute[2] == index:
        return None
    quoted = cl.quoted_tokens(sent)
    for t in sent:
        if t.lower_ == "case" and t.i not in quoted and t.tag_ == "NN" and t.i > sent.start and \
                [c.lower_ for c in t.children if c.dep_ != "punct"] == ["the"] and t.doc[t.i - 1].lower_ == "the":
            return {t.i - 1, t.i}, f"the case between {af.dispute[0]} and {af.dispute[1]}", af.dispute[2]
    return None


def _track_person(sent, index: int, af: ArticleFacts, person_of) -> None:  # type: ignore[no-untyped-def]
    """Remember who this sentence is about, for a "he" or "she" in the next one."""
    doc = sent.doc
    for t in sent:
        if t.dep_ not in ("nsubj", "nsubjpass"):  # "Jo Reyes was arrested on Friday. She ...": her, too
            continue
        head = t.head.head if t.head.dep_ in ("aux", "auxpass") else t.head  # "Dawson is determined"
        if head.lemma_ in fx.SAY_VERBS or head.dep_ == "ROOT":
            # ("... by minister Jo Reyes, who said ...": the one the clause hangs on speaks)
            who = t.head.head if t.lower_ == "who" and t.head.dep_ == "relcl" else t
            name = person_of(who)
            if name:
                if head.lemma_ in fx.SAY_VERBS and _tells_of_someone(head, name):
                    # "Prosecutor Ann Cole said Reyes had moved the money. In 2021 he placed bets ...": the
                    # "he" is more likely the one she told of than the teller; which, the sentence does not say
                    af.recent_person = None
                    return
                ent_start = next((e.start for e in cl.ents(sent) if e.start <= who.i < e.end), who.i)
                words = [doc[i].text.rstrip(".") for i in (ent_start - 1, ent_start) if 0 <= i < len(doc)]
                title = next((w for w in words if w.lower() in _TITLES), "")
                af.recent_person = (index, name, title, index)
                af.person_subject = index
                return
    pronoun = next((t for t in sent if t.dep_ == "nsubj" and t.lower_ in ("he", "she")), None)
    if pronoun is not None and af.recent_person and _another_named_subject(sent, af.recent_person[1]):
        # "Tolley spent the money at casinos, where she made 300 visits": the "she" is the one the
        # sentence names, whoever the sentence before spoke of (the model may not take the name for a person's)
        af.recent_person = None
        return
    if pronoun is not None and af.recent_person:
        recent = af.recent_person
        # "Ann Cole ... She joined in 1990. She ...": still about her while no one else is named
        # (the naming sentence stays the one to cite); else only the next sentence may lean on this one.
        if _in_view(recent, index, af) and not _other_sex(pronoun, recent, cl.text_of(sent)) \
                and not _other_sex(pronoun, recent, af.sentences[recent[0]]) and not any(
                e.label_ == "PERSON" for e in cl.ents(sent)):
            af.recent_person = (index, recent[1], recent[2], recent[3])
            af.person_subject = index
        return
    quoted = cl.quoted_tokens(sent)
    named = {person_of(e.root) for e in cl.ents(sent) if e.label_ == "PERSON" and e.root.i not in quoted}
    if len(named) == 1 and None not in named and not any(
            t.lower_ in _GENDERED and t.i not in quoted for t in sent) \
            and not _another_named_subject(sent, next(iter(named))):
        # "The figures came in a statement by Jo Reyes on Monday. She ...": the one person named (not "Hale
        # becomes the second Welshman to win a major, after Tom Cole": a sentence about its subject's name)
        name = next(iter(named))
        start = next(e.start for e in cl.ents(sent) if e.label_ == "PERSON" and person_of(e.root) == name)
        title = doc[start - 1].text.rstrip(".") if start > sent.start and doc[start - 1].lower_.rstrip(".") \
            in _TITLES else ""
        # (a name of one word with no title, "... second album, Songs of the Awa, also won ...", is as likely
        # a word of some title the model took for a person: no "She" next is that)
        af.recent_person = (index, name, title, index) if " " in name or title else None
    elif any(e.label_ == "PERSON" for e in cl.ents(sent)):
        af.recent_person = None


def _tells_of_someone(verb: Token, teller: str) -> bool:
    """Whether what `verb` says has a name other than the teller's for its subject ('said Reyes had ...')."""
    return any(g.pos_ == "PROPN" and g.text not in teller.split() for g in _told_subjects(verb))


def _another_named_subject(sent, name: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the main clause of a sentence has a name for its subject that is not part of `name`."""
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # (a capitalised subject the model tagged an adjective is a name it did not know: "Hale becomes ...")
    return subject is not None and (subject.pos_ == "PROPN" or (subject.pos_ == "ADJ" and subject.text[:1].isupper())) \
        and subject.text not in name.split() and subject.i not in cl.quoted_tokens(sent)


_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir"}
_GENDERED = HE_WORDS | SHE_WORDS


def _add_name_slots(sent, index: int, af: ArticleFacts,  # type: ignore[no-untyped-def]
                    thing: tuple[set[int], str, int] | None = None) -> None:
    """Names a fact-check statement may swap, outside quotes (the name book later keeps people only)."""
    doc = sent.doc
    text = cl.text_of(sent).lstrip()
    if not text or text[0] in "\"“‘'-–—•*":
        return
    quoted = cl.quoted_tokens(sent)
    gendered = any(t.lower_ in _GENDERED and t.i not in quoted for t in sent)
    if any(t.tag_ == "RBS" or (t.tag_ == "JJS" and t.head.lemma_ == "be") for t in sent):
        return  # "Portugal was the most pessimistic": most of what, the question cannot say
    for ent in cl.ents(sent):
        if ent.label_ not in ("PERSON", "GPE", "LOC") or not ent.text[:1].isupper():
            continue
        if any(t.i in quoted for t in ent) or (ent.label_ == "PERSON" and gendered):
            continue
        if ent.root.dep_ in ("compound", "amod", "nmod"):
            continue  # "the US stock market": another country would need its adjective
        if ent.root.dep_ == "conj" or any(c.dep_ == "conj" for c in ent.root.children):
            continue  # "London, Frankfurt and Paris": the list shares what a swapped-in name lacks
        if ent.end < len(doc) and doc[ent.end].text in ("'", "’", "-"):
            continue  # "The UK' opposition": a slip of the article that a variant would copy
        ids = {t.i for t in ent if t.tag_ != "POS" and t.lower_ not in ("'s", "’s")}
        start = min(ids)
        if start > 0 and ((doc[start - 1].lower_ in TITLES and doc[start - 1].lower_ not in _TITLES)
                          or (doc[start - 1].pos_ == "NOUN" and doc[start - 1].dep_ == "compound")):
            continue  # "President Ashby", "Analyst Lena Ostrow": a swapped name would have to hold the office too
        if start > 0 and (doc[start - 1].lower_ == "the" or doc[start - 1].lower_.rstrip(".") in _TITLES):
            ids.add(start - 1)  # "the UK", "Mr Corwin": the variant brings its own
        tpl = statement_template(sent, ids, thing[:2] if thing else None)
        if tpl is not None:
            af.name_slots.append(NameSlot(tpl[0], tpl[1], "".join(
                doc[i].text_with_ws for i in sorted(ids)).strip(), index, index + ent.start / 10_000 + 0.00007,
                antecedent=thing[2] if thing else None))


_RATE_BASES = frozenset({10, 100, 1000, 10_000, 100_000})


def _add_statement(sent, m: qty.NumberMention, index: int, af: ArticleFacts, noun: str,  # type: ignore[no-untyped-def]
                   thing: tuple[set[int], str, int] | None = None) -> bool:
    doc = sent.doc
    last = max(t.i for t in m.tokens)
    if _fine_print(sent, m):
        return False
    whole: float | None = None
    unbounded_part = False
    if (m.kind == "count" and last + 2 < len(doc) and doc[last + 1].lower_ == "of"
            and doc[last + 2].lower_ in ("the", "its", "their")
            and not (doc[last + 2].lower_ == "the" and last + 3 < len(doc) and doc[last + 3].lower_ == "countries"
                     and _surveyed(af, index))):
        # "Seven of the 20 best-selling board games": the part is varied below its whole; "five of
        # the three" would be no statement. ("eight of the countries" a survey polled is a count of its
        # own, said with the survey.) A whole the sentence does not count ("500 of its patents") bounds
        # no variant: such a part is only asked as a gap to fill.
        whole = next((parse_number(x.text) for x in doc[last + 3:min(len(doc), last + 5)] if x.like_num), None)
        unbounded_part = whole is None
    first_tok = m.tokens[0]
    if first_tok.i >= 3 and doc[first_tok.i - 1].lower_ == "the" and doc[first_tok.i - 2].lower_ == "of" \
            and doc[first_tok.i - 3].like_num:
        return False  # the whole of "Nine of the 20 ...": a chart of 10 or 40 is no false statement
    partitive = last + 3 < len(doc) and doc[last + 1].lower_ == "of" and (doc[last + 3].tag_ == "NNS"
                                                                         or whole is not None)
    if m.kind == "count" and m.value < 10 and (m.head is None or m.head.dep_ != "nummod" or
                                               m.head.head.tag_ not in ("NNS", "NNPS")) and not m.scale_word \
            and not (partitive and m.tokens[0].is_alpha):
        return False  # a bare number ("lets 3 offer", "the 3 network") is too often a name; "eight of the" is not
    t = m.tokens[0]
    before = doc[t.i - 1].lower_ if t.i > 0 else ""
    if m.kind == "duration" and (before in ("last", "past", "next", "previous", "coming", "first") or (
            t.head.head.lower_ == "of" and t.head.head.head.like_num)):
        return False  # "over the past eight years", "four of the last seven years", "in the first three months of
        # the year": the frame of a figure, not a fact
    if m.kind == "count" and (m.value in _RATE_BASES or (m.value == 1 and m.scale_word)) and (
            before in ("every", "per") or (before == "in" and m.value <= 100 and t.i >= 2 and doc[t.i - 2].like_num)):
        # "nine in 10 members", "1.2 nurses for every 1,000 people", "per 100,000", "every one million visitors":
        # the base of a share or a rate, a stock figure a reader guesses
        return False
    if m.kind == "percent" and m.value == 1 and before in ("every", "each", "per"):
        return False  # "every 1% rise in pay would cost £42m": the same, for a rate of change
    if m.kind == "duration" and before == "and" and t.i >= 2 and doc[t.i - 2].lower_ in ("years", "year"):
        return False  # "jailed for four years and five months": the months, a part of a term asked by its years
    unit = last + 1 if last + 1 < len(doc) and doc[last + 1].lower_ in _SPAN_UNITS else last
    if m.kind == "duration" and before == "the" and unit + 2 < len(doc) and (
            doc[unit + 1].lower_ in ("to", "ending", "until", "through")
            or (doc[unit + 1].lower_ == "up" and doc[unit + 2].lower_ == "to")):
        return False  # "sales rose 4% in the three months to September": the period a figure covers, not a fact
    after = " ".join(x.lower_ for x in doc[last + 2:last + 4])
    # "stays of less than six months need no visa", "closed more than 2% higher": "less than four months"
    # and "more than 1%" would be true too, so these figures are only asked as a gap to fill.
    gap_only = unbounded_part or (m.kind == "duration" and (bool(m.hedge) or after in ("or more", "or less"))) or (
        qty.hedge_meaning(m.hedge) in ("lower", "upper") and m.hedge != "up to")
    # "15% to ___%": the "15" of "15%" (but "28.9% and 81 seats" are two figures, no range)
    end = _number_ending(doc, t.i - 2) if t.i >= 2 and before in ("to", "-", "–") else \
        t.i - 2 if t.i >= 2 and doc[t.i - 2].like_num else None
    if ((end is not None and before in ("and", "to", "or", "-", "–")
         and not (before == "to" and _changed_from(doc[end])))
            or (last + 2 < len(doc) and doc[last + 1].lower_ in ("and", "to", "or", "-", "–")
                and (qty.figure_token(doc[last + 2]) or (doc[last + 2].text in _CURRENCY_SIGNS and last + 3 < len(doc)
                                                and doc[last + 3].like_num))
                and not (doc[last + 1].lower_ == "to" and _changed_from(t)))
            # (an amount or a share at either end: "between $75m and $85m", "between 3% and 5%")
            or (before in ("and", "or") and _figure_before(doc, t.i - 1))
            or (last + 2 < len(doc) and doc[last + 1].lower_ in ("and", "or") and _figure_after(doc, last + 1))):
        return False  # "between six and 12 months", "in either 2006 or 2007": one end alone reads oddly
    if m.kind == "year" and any(x.lower_ == "since" for x in doc[max(sent.start, t.i - 4):t.i]):
        return False  # "has climbed since the start of 2006": it has also climbed since 2004, most likely
    if before == "(" and t.i >= 2 and qty.figure_token(doc[t.i - 2]):
        return False  # "$3bn (£1.65bn)": the same sum again, in pounds
    threshold = m.head is not None and m.head.dep_ == "dobj" and m.head.head.tag_ == "VBG" and \
        m.head.head.dep_ == "acl"  # "taxes on those earning more than $250,000": a line, not a hedge
    if threshold:
        gap_only = unbounded_part
    survey = ""
    if _leans_on_survey(sent) or (m.kind == "count" and _surveyed(af, index)
                                  and " of the countries" in cl.text_of(sent)):
        # "52% were worried", "the 1,500 people interviewed": of whom, the survey an earlier
        # sentence named says ("In the Tolley Institute poll, 52% were worried ...").
        if not _surveyed(af, index):
            return False
        survey = af.recent_survey[1]
        thing = thing or (set(), "", af.recent_survey[2])  # cited with the sentence that names the survey
    if m.kind == "percent" and _FRACTION_BEFORE.search(doc[max(sent.start, t.i - 5):t.i].text):
        return False  # "Roughly two thirds - 66% - of": the words beside it already say which figure
    if m.kind == "percent" and _share_of_nothing(m):
        return False  # "Brindle, says its boss, holds 35%": 35% of what, the sentence before said
    if m.kind in ("money", "percent") and _forecast_of_nothing(m):
        return False  # "Analysts had been expecting about $6bn": a forecast of what, the sentence before said
    if m.kind == "multiplier" and any(t.pos_ == "VERB" for t in m.tokens):
        return False  # "will double its traffic": "will three times its traffic" is no sentence
    if m.kind in ("fraction", "multiplier"):
        target = {t.i for t in m.tokens}
    else:
        target = {t.i for t in m.tokens if qty.figure_token(t)}
        if not target:
            return False
    tpl = statement_template(sent, target, thing[:2] if thing else None, survey)
    # "The club was also fined £45,000": a figure whose sentence leans on the one before is asked as
    # a gap shown after that sentence, or not at all.
    leans = tpl is None and m.kind in GAP_KINDS and index > 0
    if leans:
        tpl = statement_template(sent, target, thing[:2] if thing else None, survey, leaning=True)
    if tpl is None:
        return False
    part = cl.render(sent.doc[i] for i in sorted(target))
    style_text = m.number_text if m.kind not in ("fraction", "multiplier") else part
    beside = tuple(x.value for x in qty.number_mentions(sent) if x.kind == m.kind and x.ids != m.ids
                   and (m.kind != "count" or qty.noun_of(x) == noun))
    if whole is not None:
        beside = (*beside, whole)
    af.statements.append(Statement(before=tpl[0], after=tpl[1], part=part, kind=m.kind, value=m.value,
                                   sentence=index, order=index + min(target) / 10_000 + 0.00005,
                                   noun=noun, decimals=style_of(m.number_text).decimals,
                                   style_text=style_text, scale_word="",
                                   future=m.kind == "year" and _looks_forward(m.tokens[0]),
                                   higher_only=m.hedge == "up to", hedge=m.hedge, gap_only=gap_only or leans,
                                   leans=leans,
                                   people=_people_words(sent, thing),
                                   antecedent=thing[2] if thing else None, beside=beside,
                                   level=m.kind == "count" and not noun and m.value >= 100 and before in ("at", "to")))
    return True


_CURRENCY_SIGNS = frozenset("$£€¥")
_SPAN_UNITS = frozenset({"months", "month", "weeks", "week", "years", "year", "days", "quarters"})
_FIGURE_SUFFIXES = frozenset({"%", "m", "bn", "k", "million", "billion", "trillion"})


def _number_ending(doc: Doc, j: int) -> int | None:
    """The number of a figure that ends at token j: 12 of "12", of "12%" ("12", "%"), of "£12m"; else None."""
    if j >= 1 and doc[j].lower_ in _FIGURE_SUFFIXES:
        j -= 1
    return j if j >= 0 and qty.figure_token(doc[j]) else None


def _figure_before(doc: Doc, i: int) -> bool:
    """Whether a range's first end ends just before token i: "between 12 and", "between £415m and" ("£", "415",
    "m"), "either 3% or" (not "28.9% and 81 seats": two figures, no range)."""
    j = i - 1
    if j >= 1 and doc[j].lower_ in _FIGURE_SUFFIXES:
        j -= 1
    if j < 1 or not qty.figure_token(doc[j]):
        return False
    j -= 1
    if j >= 1 and doc[j].text in _CURRENCY_SIGNS:
        j -= 1
    return doc[j].lower_ in ("between", "either")


def _figure_after(doc: Doc, i: int) -> bool:
    """Whether a range's second end begins just after token i, a range opened by "between" or "either": "between
    $75m and $85m" ("$", "85", "m")."""
    j = i + 1
    if j + 1 < len(doc) and doc[j].text in _CURRENCY_SIGNS:
        j += 1
    return j < len(doc) and qty.figure_token(doc[j]) and any(x.lower_ in ("between", "either")
                                                    for x in doc[max(doc[i].sent.start, i - 5):i])


_CHANGE_VERBS = {"rise", "fall", "increase", "decrease", "grow", "drop", "climb", "jump", "decline", "slip",
                 "cut", "raise", "reduce", "lift", "boost", "lower", "swell", "shrink", "slump", "soar",
                 "add", "gain", "lose", "shed"}


def _changed_from(num: Token) -> bool:
    """'from 60 to 65', 'rose a higher than expected 12,000 to 3.2 million', 'up 16% to 18p': the first figure
    of a change (a start or a step, and where it ended), not one end of a range ("between six and 12")."""
    doc = num.doc
    for x in reversed(doc[max(num.sent.start, num.i - 5):num.i]):
        # ("up 16% to 18p", "down 3% to £4bn"; "by 56% to 35%": a split of a vote, not a range either)
        if x.lower_ in ("from", "up", "down", "by") or (x.pos_ == "VERB" and x.lemma_ in _CHANGE_VERBS):
            return True
        if x.like_num or x.is_punct or x.lower_ in ("between", "and", "or"):
            return False
    return False


_SURVEY_REACH = 8  # sentences after naming it that a bare "48%" may still lean on a survey


_NOT_PEOPLE = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def _people_words(sent, thing: tuple[set[int], str, int] | None = None) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """The words of a sentence that name people: what the language model calls a person, and a lone
    name the sentence opens on as the one who acts ("Fran took the call"), unless it calls it a place or
    a company; and the name a 'he' or 'her' of the sentence was resolved to ("He urged ..." after a
    sentence about Mr Hale: "Mr Hale urged ...", then named in full as the article first did)."""
    words = {t.text for t in sent if t.ent_type_ == "PERSON"
             # (and a name after "Mr" or "Ms", which the model may miss: "Mr Zhou's team")
             or (t.i > sent.start and t.text[:1].isupper() and sent.doc[t.i - 1].lower_.rstrip(".") in _TITLES)}
    if thing is not None and any(sent.doc[i].lower_ in HE_WORDS | SHE_WORDS for i in thing[0]):
        words |= {w for w in re.findall(r"[A-Z][\w’'-]+", thing[1]) if w.rstrip(".").lower() not in TITLES}
    first = sent[0] if len(sent) else None
    if first is not None and first.pos_ == "PROPN" and first.dep_ in ("nsubj", "nsubjpass") \
            and first.ent_type_ not in _NOT_PEOPLE and not any(c.dep_ == "compound" for c in first.children):
        words.add(first.text)
    return frozenset(words)


_HOLDING = {"have", "hold", "own", "control", "take", "get", "win", "command", "keep"}


_EXPECTING = {"expect", "forecast", "predict", "anticipate", "estimate", "project", "pencil"}
_CHANGE_NOUNS = {"fall", "rise", "drop", "increase", "decrease", "decline", "growth", "gain", "cut", "jump"}
# the words of a sum or share that say how much, not of what: "£163m", "$6.4bn", "2.5%", "4 per cent"
_AMOUNT_WORDS = _FIGURE_SUFFIXES | {"p", "pence", "percent", "cent"}


def _forecast_of_nothing(m: qty.NumberMention) -> bool:
    """A sum or share that someone expects, forecasts or predicts, with no word for what it measures:
    "Analysts had been expecting about $6.4bn", "Economists had forecast 2.5%" (revenue, growth: the
    sentence before said; reviewers failed such stems as vague), "Analysts had expected a fall of about 0.5%"
    (in what?). "Analysts had expected a £163m profit", "expected profits of £163m", "a rise in sales of 3%"
    say what."""
    inside = {t.i for t in m.tokens}
    top = next((t for t in m.tokens if t.head.i not in inside or t.head.i == t.i), None)
    while top is not None and top.dep_ in ("nummod", "quantmod") and \
            top.head.lower_.rstrip(".") in _AMOUNT_WORDS:
        top = top.head  # "163" of "£163m.": the amount word it counts
    of = None
    if top is not None and top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lemma_ in _CHANGE_NOUNS:
        of, top = top.head, top.head.head  # "had expected a fall of about 0.5%": a fall in what?
    if top is None or top.dep_ not in ("dobj", "npadvmod", "attr") or top.head.lemma_ not in _EXPECTING:
        return False
    verb = top.head
    # ("expecting £2m from the sale" says what; "for the quarter", "in 2025", "by March" say when)
    return not any(c.dep_ in ("prep", "pobj", "compound", "acl", "relcl", "poss") and c != of
                   for c in top.children) and not any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ not in ("for", "in", "by", "over"))
        for c in verb.children)


def _share_of_nothing(m: qty.NumberMention) -> bool:
    """A share held ("has 30%", "took 40 per cent") that says of what nowhere in its phrase."""
    share = max(m.tokens, key=lambda t: t.i)
    share = share if share.dep_ == "dobj" else share.head
    return share.dep_ == "dobj" and share.head.lemma_ in _HOLDING and not any(
        c.dep_ in ("prep", "pobj", "acl", "relcl", "compound") for c in share.children) and not any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("of", "in")) for c in share.head.children)


def _fine_print(sent, m: qty.NumberMention) -> bool:  # type: ignore[no-untyped-def]
    """'In six of the countries, the sample was restricted to ...', 'the margin of error is ...';
    '74% of the 1,500 people interviewed': how a poll was done, beside what it found. A statement
    varying it holds the finding fixed and tests the fine print."""
    words = {t.lower_ for t in sent}
    if "sample" in words or {"margin", "error"} <= words:
        return True
    noun = m.head.head if m.head is not None and m.head.dep_ == "nummod" else m.head
    if m.kind == "count" and noun is not None and noun.dep_ == "pobj" and noun.head.lower_ in ("of", "among") \
            and noun.head.head.lemma_ in cl.SURVEY_NOUNS:
        return True  # "a poll of 2,000 shoppers found ...": whom it asked, and how many, is not what it found
    surveyed = noun is not None and any(c.dep_ == "acl" and c.lemma_ in cl.ASKING_VERBS for c in noun.children)
    return m.kind == "count" and surveyed and any(x.kind == "percent" for x in qty.number_mentions(sent))


def _surveyed(af: ArticleFacts, index: int) -> bool:
    return af.recent_survey is not None and index - af.recent_survey[0] <= _SURVEY_REACH


def _leans_on_survey(sent) -> bool:  # type: ignore[no-untyped-def]
    """A bare '52% were worried', 'respondents', 'the 1,500 people interviewed', in a sentence
    that does not name its survey itself."""
    if any(t.lemma_ in cl.SURVEY_NOUNS and t.pos_ == "NOUN" for t in sent):
        return False
    for t in sent:
        if t.text == "%" and t.dep_ in ("nsubj", "nsubjpass") and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            return True
        if t.lower_ in cl.ASKED_PEOPLE or (t.tag_ == "VBN" and t.lemma_ in cl.ASKING_VERBS and (
                t.dep_ == "acl" or (t.dep_ == "advcl" and any(c.lower_ == "when" for c in t.children)))):
            return True  # "the 1,000 people interviewed", "Those surveyed", "when asked about ..."
    return False



def _track_survey(sent, index: int, af: ArticleFacts) -> None:  # type: ignore[no-untyped-def]
    """Remember a survey a sentence names: 'a Tolley Institute poll' (as 'the Tolley Institute
    poll'), 'Kestrel Payments' survey on the take-up of contactless cards'."""
    for t in sent:
        if t.lemma_ not in cl.SURVEY_NOUNS or t.pos_ != "NOUN" or t.tag_ != "NN":
            continue
        kids = [c for c in t.children if c.i < t.i]
        poss = [c for c in kids if c.dep_ == "poss" and any(w.pos_ == "PROPN" for w in c.subtree)]
        names = [c for c in kids if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if poss:
            start = min(w.i for c in poss for w in c.subtree)
            # the whole subject, "... survey on the take-up of contactless cards", however parsed
            end = t.head.i if t.dep_ == "nsubj" and t.head.i > t.i else t.i + 1
            af.recent_survey = (index, cl.render(w for w in sent.doc[start:end] if not w.is_space).rstrip(" ,"), index)
            return
        if names and kids[0].dep_ == "det":
            af.recent_survey = (index, "the " + cl.render(w for w in sent if kids[0].i < w.i <= t.i), index)
            return
        if af.recent_survey is not None and kids and kids[0].lower_ == "the":
            af.recent_survey = (index, *af.recent_survey[1:])  # "Oro carried out the poll ...": still about it
            return


_FRACTION_BEFORE = re.compile(r"\b(half|thirds?|quarters?|fifths?|tenths?)\b\s*[-–—(,]", re.I)
_WILL = {"will", "'ll", "’ll", "shall"}
_AHEAD = {"going", "set", "due", "likely", "expected"}


def _looks_forward(tok: Token) -> bool:
    """'2007 will be the year', 'is likely to see ... in 2007': the clause of `tok` speaks of the future."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.lower_ == "by" and before.head.tag_ not in ("VBD", "VBN"):
        return True  # "plans to add cheap calls by 2007"
    after = " ".join(t.lower_ for t in tok.doc[tok.i + 1:tok.i + 4])
    if re.match(r"(will|'ll|’ll|is (likely|going|set|due|expected) to)\b", after):
        return True  # "and 2007 is likely to see ...", however the clause was parsed
    for a in [tok, *tok.ancestors]:
        kids = list(a.children)
        if a.lower_ in _AHEAD or any(c.dep_ == "aux" and c.lower_ in _WILL for c in kids):
            return True
        if any(c.lower_ in _AHEAD and any(g.dep_ == "xcomp" for g in c.children) for c in kids):
            return True
    return False


def _source_keys(articles: list[Article]) -> list[str]:
    keys: list[str] = []
    for a in articles:
        base = key_for_file(a.path)  # (not a question's slug, which drops words such as "article")
        key, n = base, 1
        while key in keys:
            n += 1
            key = f"{base}-{n}"
        keys.append(key)
    return keys


def _source(article: Article, base_dir: Path) -> Source:
    rel = os.path.relpath(article.path.resolve(), base_dir.resolve())
    m = article.meta
    return Source(file=Path(rel).as_posix(), title=m.title or headline(article.text), author=m.author,
                  publisher=m.publisher, date=m.date, url=m.url)


def _title(articles: list[Article]) -> str:
    if len(articles) == 1:
        a = articles[0]
        return a.meta.title or headline(a.text) or a.path.stem.replace("-", " ").replace("_", " ").capitalize()
    return f"Questions on {len(articles)} articles"


def _description(articles: list[Article]) -> str:
    names = ", ".join(a.path.name for a in articles)
    return f"{GENERATED_MARK} from {names}; check the questions before use."  # (the mark a draft is known by)
