"""A quiz session: which questions, in what order, the answers given and the score.

No Qt here: a whole quiz runs from a plain Python shell::

    from quizapp.core.bank import load_bank
    from quizapp.core.session import QuizOptions, start_quiz
    session = start_quiz(load_bank("questions/mali-helicopter-collision.yaml"), QuizOptions(count=5))
    while not session.finished:
        print(session.current.question.prompt, session.current.choices)
        session.submit_answer(input("> "))
    print(session.score, "/", session.max_score)
"""

from __future__ import annotations

import csv
import io
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from quizapp.core.article import Article, Span
from quizapp.core.atomic import write_text_atomic
from quizapp.core.bank import LoadedBank
from quizapp.core.model import QUESTION_TYPES, ChoiceQuestion, NumericQuestion, source_key
from quizapp.core.percent import format_percent
from quizapp.core.scoring import (
    Mark,
    Verdict,
    answer_number,
    mark_choice,
    mark_numeric,
    parse_answer,
    plain_number,
    right_answer_text,
)

AnyQuestion = ChoiceQuestion | NumericQuestion


class Mode(StrEnum):
    PRACTICE = "practice"  # feedback after each answer
    EXAM = "exam"  # feedback only at the end


class QuizScope(StrEnum):
    """What a quiz asks of its bank. Only a quiz on every question is the bank's last and best score:
    all right in a retry of 8 mistakes is not the whole bank passed."""

    ALL = "all"  # every question of the bank
    SOME = "some"  # a number of them, or those of some types or tags
    RETRY = "retry"  # the mistakes of the quiz before


@dataclass(frozen=True)
class QuizOptions:
    """How to run a quiz: how many questions, which ones, in what order, with what feedback."""

    count: int | None = None  # None: all the questions that match
    shuffle_questions: bool = True
    shuffle_choices: bool = True
    types: frozenset[str] = frozenset(QUESTION_TYPES)
    tags: frozenset[str] = frozenset()  # empty: any tag
    mode: Mode = Mode.PRACTICE
    time_limit: float | None = None  # seconds for the whole quiz
    seed: int | None = None  # for a reproducible order


@dataclass(frozen=True)
class QuizItem:
    """One question as asked: the question and its choices in the order shown."""

    question: AnyQuestion
    choices: tuple[str, ...] = ()

    @property
    def is_choice(self) -> bool:
        return isinstance(self.question, ChoiceQuestion)


@dataclass(frozen=True)
class Answer:
    """One answer as given, marked; `given` is None when the question was skipped, or not reached
    before the time ran out (`timed_out`)."""

    item: QuizItem
    given: str | None
    verdict: Verdict
    points: float
    seconds: float
    timed_out: bool = False

    @property
    def question(self) -> AnyQuestion:
        return self.item.question

    @property
    def right_answer(self) -> str:
        return right_answer_text(self.item.question)

    @property
    def is_mistake(self) -> bool:
        return self.verdict is not Verdict.RIGHT


@dataclass(frozen=True)
class CitedPassage:
    """What proves an answer: the quoted sentence(s), where they come from, and their spans."""

    text: str
    source_label: str
    article: Article | None
    spans: tuple[Span, ...]
    title: str  # the article's, as its bank names it (source_title); "" when no source is known


def matching_questions(loaded: LoadedBank, options: QuizOptions) -> list[AnyQuestion]:
    """The questions of a bank that the options' types and tags allow, in bank order."""
    out = []
    for q in loaded.bank.questions:
        if q.type not in options.types:
            continue
        if options.tags and not options.tags.intersection(q.tags):
            continue
        out.append(q)
    return out


def start_quiz(loaded: LoadedBank, options: QuizOptions, *,
               questions: Sequence[AnyQuestion] | None = None, retry: bool = False,
               clock: Callable[[], float] = time.monotonic) -> QuizSession:
    """Start a quiz on a bank; `questions` restricts it (Retry mistakes, `retry`)."""
    rng = random.Random(options.seed)
    pool = list(questions) if questions is not None else matching_questions(loaded, options)
    if options.shuffle_questions:
        rng.shuffle(pool)
    if options.count is not None:
        pool = pool[:max(0, options.count)]
    items = []
    for q in pool:
        if isinstance(q, ChoiceQuestion):
            choices = list(q.options)
            if options.shuffle_choices:
                rng.shuffle(choices)
            items.append(QuizItem(q, tuple(choices)))
        else:
            items.append(QuizItem(q))
    return QuizSession(loaded=loaded, options=options, items=items, clock=clock, retry=retry)


@dataclass(eq=False)
class QuizSession:
    """The state of one quiz: the items, the answers so far, the clock."""

    loaded: LoadedBank
    options: QuizOptions
    items: list[QuizItem]
    clock: Callable[[], float] = time.monotonic
    answers: list[Answer] = field(default_factory=list)
    # Called with each answer as it is given, so a store can keep it at once.
    on_answer: list[Callable[[Answer], None]] = field(default_factory=list)
    started_at: float = 0.0
    ended_at: float | None = None
    retry: bool = False  # a retry of the mistakes of the quiz before
    _asked_at: float = 0.0

    def __post_init__(self) -> None:
        self.started_at = self._asked_at = self.clock()
        if not self.items:
            self.ended_at = self.started_at

    # where we are

    @property
    def index(self) -> int:
        """Index of the current question (== len(items) when all are answered)."""
        return len(self.answers)

    @property
    def current(self) -> QuizItem | None:
        return None if self.finished else self.items[self.index]

    @property
    def finished(self) -> bool:
        return self.ended_at is not None or self.index >= len(self.items)

    @property
    def mode(self) -> Mode:
        return self.options.mode

    @property
    def scope(self) -> QuizScope:
        """A retry, a quiz on every question of the bank, or on some of them."""
        if self.retry:
            return QuizScope.RETRY
        asked = {item.question.id for item in self.items}
        return QuizScope.ALL if asked == {q.id for q in self.loaded.bank.questions} else QuizScope.SOME

    @property
    def scope_text(self) -> str:
        """What the quiz asks of its bank, when not every question: "retry of 2 mistakes", "3 of 18
        questions"; "" for a quiz on all of them."""
        n = len(self.items)
        if self.scope is QuizScope.RETRY:
            return f"retry of {n} mistake{'s' if n != 1 else ''}"
        if self.scope is QuizScope.SOME:
            return f"{n} of {len(self.loaded.bank.questions)} questions"
        return ""

    # answering

    def submit_answer(self, given: str) -> Answer:
        """Mark the answer to the current question and move on.

        A choice question takes the text of a choice (or its number, 1-based);
        a numeric question takes typed text, a number or a number and the question's unit, which
        raises AnswerFormatError when it is not (nothing is recorded then).
        """
        item = self._require_current()
        q = item.question
        if isinstance(q, ChoiceQuestion):
            choice = self._choice_text(item, given)
            return self._record(item, choice, mark_choice(q, choice))
        value = parse_answer(given, q.unit).value
        return self._record(item, answer_number(q, value), mark_numeric(q, value))

    def choose(self, index: int) -> Answer:
        """Answer the current choice question with the choice at `index` (0-based)."""
        item = self._require_current()
        if not item.is_choice or not 0 <= index < len(item.choices):
            raise IndexError(f"no choice {index} for question {item.question.id}")
        assert isinstance(item.question, ChoiceQuestion)
        choice = item.choices[index]
        return self._record(item, choice, mark_choice(item.question, choice))

    def skip(self) -> Answer:
        """Skip the current question: it scores 0 and counts as a mistake."""
        item = self._require_current()
        return self._record(item, None, Mark(Verdict.SKIPPED, 0.0))

    def finish(self) -> None:
        """End the quiz now (time up, or the user stops): unanswered questions score 0, marked as
        not answered in time when the time is up."""
        timed_out = self.time_up
        while not self.finished:
            self._record(self._require_current(), None, Mark(Verdict.SKIPPED, 0.0), timed_out=timed_out)
        if self.ended_at is None:
            self.ended_at = self.clock()

    @property
    def not_answered_in_time(self) -> int:
        """How many questions the time ran out on (0 when it did not)."""
        return sum(1 for a in self.answers if a.timed_out)

    def _choice_text(self, item: QuizItem, given: str) -> str:
        text = given.strip()
        if text.isdigit() and 1 <= int(text) <= len(item.choices) and text not in item.choices:
            return item.choices[int(text) - 1]
        for choice in item.choices:
            if choice.casefold() == text.casefold():
                return choice
        return text

    def _require_current(self) -> QuizItem:
        item = self.current
        if item is None:
            raise RuntimeError("the quiz is finished")
        return item

    def _record(self, item: QuizItem, given: str | None, mark: Mark, *, timed_out: bool = False) -> Answer:
        now = self.clock()
        answer = Answer(item, given, mark.verdict, mark.points, now - self._asked_at, timed_out)
        self.answers.append(answer)
        self._asked_at = now
        if self.index >= len(self.items) and self.ended_at is None:
            self.ended_at = now
        for callback in self.on_answer:
            callback(answer)
        return answer

    # time

    @property
    def elapsed(self) -> float:
        """Seconds since the start, up to the end when finished."""
        end = self.ended_at if self.ended_at is not None else self.clock()
        return end - self.started_at

    @property
    def remaining(self) -> float | None:
        """Seconds left under the time limit, or None without one."""
        if self.options.time_limit is None:
            return None
        return max(0.0, self.options.time_limit - self.elapsed)

    @property
    def time_up(self) -> bool:
        left = self.remaining
        return left is not None and left <= 0

    # score

    @property
    def score(self) -> float:
        return sum(a.points for a in self.answers)

    @property
    def max_score(self) -> int:
        return len(self.items)

    @property
    def percentage(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def streak(self) -> int:
        """Right answers in a row, up to the last one."""
        n = 0
        for a in reversed(self.answers):
            if a.verdict is not Verdict.RIGHT:
                break
            n += 1
        return n

    @property
    def best_streak(self) -> int:
        best = run = 0
        for a in self.answers:
            run = run + 1 if a.verdict is Verdict.RIGHT else 0
            best = max(best, run)
        return best

    @property
    def mistakes(self) -> list[AnyQuestion]:
        return [a.question for a in self.answers if a.is_mistake]

    def retry_mistakes(self) -> QuizSession:
        """A new session on the questions not answered right, with the same options."""
        return start_quiz(self.loaded, self.options, questions=self.mistakes, retry=True, clock=self.clock)

    def cited_passage(self, question: AnyQuestion) -> CitedPassage | None:
        """The citation of a question in this session's bank."""
        return cited_passage(self.loaded, question)


# --- citations -------------------------------------------------------------


def source_label(loaded: LoadedBank, question: AnyQuestion) -> str:
    """Where a question's citation comes from, with the article's address when it has one:
    "Title by Author, Publisher, date, https://..."; "" without a citation."""
    if question.cite is None:
        return ""
    key = source_key(loaded.bank, question.cite)
    return describe_source(loaded, key, with_url=True) if key else ""


def describe_source(loaded: LoadedBank, key: str, *, with_url: bool = False) -> str:
    """A source as a person names it: "Title by Author, Publisher, date" when known, else the file
    name; `with_url` adds the address the article came from."""
    source = loaded.bank.sources.get(key)
    article = loaded.articles.get(key)
    meta = article.meta if article else None

    def pick(name: str) -> str | None:
        value = getattr(source, name, None) if source else None
        if value is None and meta is not None:
            value = getattr(meta, name, None)
        return str(value) if value else None

    return name_source(title=source_title(loaded, key), author=pick("author"), publisher=pick("publisher"),
                       date=pick("date"), url=pick("url") if with_url else None)


def source_title(loaded: LoadedBank, key: str) -> str:
    """What a bank calls a source: the title its `sources:` entry gives it, else its article's own, else its file's
    name (Article.title_in_bank, as the editor's Article tab names it)."""
    source = loaded.bank.sources.get(key)
    article = loaded.articles.get(key)
    own = source.title if source else None
    if article is not None:
        return article.title_in_bank(own)
    return own or (Path(source.file).name if source else key)


def name_source(*, title: str, author: str | None = None, publisher: str | None = None,
                date: str | None = None, url: str | None = None) -> str:
    """ "Title by Author, Publisher, date, url", leaving out what is not known."""
    parts = [f"{title} by {author}" if author else title]
    return ", ".join(parts + [p for p in (publisher, date, url) if p])


def cited_passage(loaded: LoadedBank, question: AnyQuestion) -> CitedPassage | None:
    """The sentence(s) holding a question's quote(s), with their source; None without a citation."""
    if question.cite is None:
        return None
    article = loaded.article_for(question)
    spans = tuple(question.cite.spans) if article is not None else ()
    key = source_key(loaded.bank, question.cite)
    return CitedPassage(" … ".join(cited_sentences(loaded, question)), source_label(loaded, question),
                        article, spans, source_title(loaded, key) if key else "")


def cited_sentences(loaded: LoadedBank, question: AnyQuestion) -> list[str]:
    """The whole sentence(s) of the article holding each quote, as its words read (no "**" of a .md file),
    or the quotes as written where the article is not at hand."""
    if question.cite is None:
        return []
    article = loaded.article_for(question)
    if article is None or not question.cite.spans:
        return list(question.cite.quotes)
    sentences: list[str] = []
    for span in question.cite.spans:
        whole = article.sentence_span(span)
        sentence = " ".join(article.words(whole.start, whole.end).split())
        if sentence not in sentences:
            sentences.append(sentence)
    return sentences


# --- results ---------------------------------------------------------------

CSV_HEADER = ("number", "id", "question", "your answer", "right answer", "result", "points",
              "seconds", "citation", "source")


def _cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula: "=1+2" is written "'=1+2"; numbers stay."""
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(text.replace(",", ""))
        except ValueError:
            return "'" + text
    return text


def _csv_given(answer: Answer) -> str:
    """The answer given, a number without thousands separators (`plain_number`)."""
    q, given = answer.question, answer.given or ""
    return given if isinstance(q, ChoiceQuestion) or not given else plain_number(q, given)


def results_csv(session: QuizSession) -> str:
    """The session's answers as CSV text, one row per question."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for n, a in enumerate(session.answers, 1):
        cited = session.cited_passage(a.question)
        texts = [a.question.id, a.question.prompt, _csv_given(a), right_answer_text(a.question, grouped=False)]
        writer.writerow([n, *map(_cell, texts), a.verdict.value, f"{a.points:g}", f"{a.seconds:.1f}",
                         _cell(cited.text) if cited else "", _cell(cited.source_label) if cited else ""])
    writer.writerow([])
    writer.writerow(["total", "", _cell(session.loaded.title), "", "", format_percent(session.percentage),
                     f"{session.score:g}/{session.max_score}", f"{session.elapsed:.1f}", "", ""])
    return buf.getvalue()


def export_results(session: QuizSession, path: str | Path) -> None:
    """Write the session's results to a CSV file, atomically."""
    write_text_atomic(path, results_csv(session))
