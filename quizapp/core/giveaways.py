"""Questions that give each other away: one shows, in its prompt or options, the answer of another.

Two gaps of one sentence ("Sales rose ___% to 14.96bn euros." and "Sales rose 2.8% to ___bn euros.")
each show the other's answer; so does a quote naming "13 heroes" beside "How many soldiers were killed?".
On one worksheet, or in one exported quiz, a student copies it from the page. The editor warns when a
second question cites a sentence (`citing_the_same`); an export lists what `giveaways` finds.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quizapp.core.article import Article, Span
from quizapp.core.bank import AnyQuestion, LoadedBank, collector_paused
from quizapp.core.model import ChoiceQuestion, NumericQuestion, source_key

# A number as written in a prompt: 4500, 4,500, 2.8, -3 (a sign only where a word does not end before
# it: "COVID-19" is no -19), not the 7 of "G7". A scale word after it ("14.96bn", "4.5 million") gives its
# value too, so that a bank answering 4500000 and a prompt writing "4.5 million" meet.
_NUMBER = re.compile(r"(?<![\w.,])(?:(?<![\w-])-)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(bn|billion|m|million|"
                     r"thousand|k)\b)?", re.IGNORECASE)
_SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "thousand": 1e3, "k": 1e3}
_WORD = re.compile(r"\w+")
_WHO = re.compile(r"\s*who(?:m|se)?\b", re.IGNORECASE)
# An answer this short shows only where its case matches too ("US" in a prompt, not "us").
SHORT_ANSWER = 3
PROMPT_WORDS = 8


@dataclass(frozen=True)
class Giveaway:
    """Question `question` shows `shown`, the answer of question `answer_of` (indexes in the bank)."""

    question: int
    answer_of: int
    shown: str
    same_sentence: bool  # they cite the same text of the article: two questions on one sentence


def cite_the_same(spans: Sequence[Span], others: Sequence[Span]) -> bool:
    """Whether two citations share text of the article (the same sentence, or overlapping quotes)."""
    return any(a.start < b.end and b.start < a.end for a in spans for b in others)


def quoted_spans(article: Article, cite: object) -> list[Span]:
    """Where the quotes of a citation as the bank file holds it (`{quote: ...}`) stand in `article`; a quote
    not found there is left out."""
    quotes = cite.get("quote") if isinstance(cite, dict) else None
    spans = []
    for quote in quotes if isinstance(quotes, list) else [quotes] if quotes else []:
        found = article.find_quote(str(quote))
        if found is not None:
            spans.append(found)
    return spans


def citing_the_same(article: Article, questions: Sequence[object], row: int) -> int | None:
    """The number (from 1) of another question citing text of `article` that question `row` cites too, or
    None; `questions` as the bank file holds them."""
    def cite(q: object) -> object:
        return q.get("cite") if isinstance(q, dict) else None

    spans = quoted_spans(article, cite(questions[row]))
    if not spans:
        return None
    for i, q in enumerate(questions):
        if i != row and cite_the_same(spans, quoted_spans(article, cite(q))):
            return i + 1
    return None


Progress = Callable[[int, int, str], None]  # (done, total, what): may raise to stop
PROGRESS_EVERY = 250  # questions between two progress reports


def giveaways(loaded: LoadedBank, *, progress: Progress | None = None) -> list[Giveaway]:
    """Every question whose prompt or options show the answer of another, in the order of the bank.

    A number is compared as a number (4,500 is 4500; "14.96bn" is 14960000000, and 14.96 to a question
    asking "___bn"). A figure counts only between questions on one article: in a bank of several, "Xbox 2"
    in one story tells nothing of the 2 of another, where a name shown in one story may well answer a
    question on another. A text answer counts where it stands as whole words ("Macron said", not
    "Macronist"); a person's, asked as "Who…?", where their surname stands in another prompt ("Tolley said"
    shows Jane Tolley, as the article itself names her the second time). An option that is exactly another
    question's answer does not count: it is one candidate among the options, as "Keïta" is among the
    speakers of two who-said questions.

    `progress(done, total, text)` is called as the questions are compared; an exception it raises (to
    cancel) stops the search.
    """
    with collector_paused():  # its indexes are many small sets, none of them garbage
        return _giveaways(loaded, progress or (lambda done, total, text: None))


def _giveaways(loaded: LoadedBank, report: Progress) -> list[Giveaway]:
    questions = loaded.bank.questions
    texts = [_shown_texts(q) for q in questions]
    plain = [[_plain(text) for text in shown] for shown in texts]
    numbers = [[_numbers(text) for text in shown] for shown in texts]
    keys = [source_key(loaded.bank, q.cite) if q.cite is not None else None for q in questions]
    spans = [_spans(q) for q in questions]
    # Indexes of each text (a prompt or an option), to rule out most candidates at once. An option that is
    # exactly an answer shows nothing, and every copy of a choice question holds its answer as an option:
    # kept apart, so that they are not all compared with each other.
    owner: list[int] = []
    by_number: dict[tuple[str | None, float], set[int]] = defaultdict(set)  # by article, as a figure counts
    anywhere: dict[float, set[int]] = defaultdict(set)  # for a question that cites none
    by_word: dict[str, set[int]] = defaultdict(set)
    by_surname: dict[str, set[int]] = defaultdict(set)
    option_number: dict[float, set[int]] = defaultdict(set)
    option_text: dict[str, set[int]] = defaultdict(set)
    for i, shown in enumerate(texts):
        for k, text in enumerate(shown):
            t = len(owner)
            owner.append(i)
            for _, _, raw, scaled in numbers[i][k]:
                for value in (raw, scaled):
                    by_number[keys[i], value].add(t)
                    anywhere[value].add(t)
            for word in _WORD.findall(plain[i][k]):
                by_word[word].add(t)
            if k == 0:
                for word in _WORD.findall(text):  # as written: a surname is capitalised
                    by_surname[word].add(t)
            else:
                option_text[plain[i][k]].add(t)
                value = _number_of(text)
                if value is not None:
                    option_number[value].add(t)
    # Many questions share an answer (a speaker of several quotes): what shows it is looked up once.
    text_hits: dict[tuple[str, str | None], set[int]] = {}
    found = []
    for j, q in enumerate(questions):
        if j % PROGRESS_EVERY == 0:
            report(j, len(questions), "")
        number = _as_number(q)
        if number is not None:
            near = anywhere.get(number, set()) if keys[j] is None else (
                by_number.get((keys[j], number), set()) | by_number.get((None, number), set()))
            candidates = {owner[t] for t in near - option_number.get(number, set())}
            shows = _number_shown(q, number)
        else:
            answer, surname = _plain(str(q.answer)), _surname(q)
            if (answer, surname) not in text_hits:
                text_hits[answer, surname] = _text_hits(answer, surname, by_word, by_surname, option_text)
            candidates = {owner[t] for t in text_hits[answer, surname]}
            if any(c.isdigit() for c in answer):  # a figure ("$3bn"): on its own article only
                candidates = {i for i in candidates if None in (keys[i], keys[j]) or keys[i] == keys[j]}
            shows = _text_shown(q, surname)
        for i in sorted(candidates - {j}):
            shown = shows(texts[i], plain[i], numbers[i])
            if shown is not None:
                same = keys[i] is not None and keys[i] == keys[j] and cite_the_same(spans[i], spans[j])
                found.append(Giveaway(i, j, shown, same))
    report(len(questions), len(questions), "")
    found.sort(key=lambda g: (g.question, g.answer_of))
    return found


def _text_hits(answer: str, surname: str | None, by_word: dict[str, set[int]], by_surname: dict[str, set[int]],
               option_text: dict[str, set[int]]) -> set[int]:
    """The texts that may show a text answer (in plain form): those holding all its words but the options
    that are the answer itself, and the prompts holding its `surname`."""
    words = _WORD.findall(answer)
    # the rarest word first: "a" and "and" of "a Tiger and a Cougar" are in most texts
    hits = set.intersection(*sorted((by_word.get(w, set()) for w in words), key=len)) if words else set()
    hits -= option_text.get(answer, set())
    if surname is not None:
        hits |= by_surname.get(_WORD.findall(surname)[-1], set())
    return hits


def describe(loaded: LoadedBank, found: Sequence[Giveaway]) -> list[str]:
    """One line per giveaway, naming both questions by number and first words:
    'Question 3 “Sales rose ___% to 14.96bn euros.” shows 2.8, the answer of question 4 “Sales rose…”'."""
    questions = loaded.bank.questions
    lines = []
    for g in found:
        shown = g.shown if len(g.shown.split()) <= PROMPT_WORDS // 2 else first_words(g.shown)
        answer = questions[g.answer_of].answer
        if _as_number(questions[g.answer_of]) is None and _plain(g.shown) != _plain(str(answer)):
            shown += f" (of {answer})"  # a surname: "Tolley (of Jane Tolley)"
        why = " (both cite the same sentence)" if g.same_sentence else ""
        lines.append(f"Question {g.question + 1} {first_words(questions[g.question].prompt)} shows {shown}, the "
                     f"answer of question {g.answer_of + 1} {first_words(questions[g.answer_of].prompt)}{why}")
    return lines


def first_words(prompt: str, count: int = PROMPT_WORDS) -> str:
    """The first words of a prompt, quoted: “How many French soldiers were killed when two…”."""
    words = prompt.split()
    return "“" + " ".join(words[:count]) + ("…" if len(words) > count else "") + "”"


def _shown_texts(q: AnyQuestion) -> list[str]:
    return [q.prompt, *(q.options if isinstance(q, ChoiceQuestion) else [])]


def _as_number(q: AnyQuestion) -> float | None:
    """The answer as a number: a numeric question's, or a choice answer written as a number ("4,500")."""
    if isinstance(q, NumericQuestion):
        return float(q.answer)
    return _number_of(q.answer)


def _number_of(text: str) -> float | None:
    """The value of a text that is one number and nothing else."""
    m = _NUMBER.fullmatch(text.strip())
    return _numbers(m.group(0))[0][2] if m and not m.group(3) else None


def _numbers(text: str) -> list[tuple[str, str, float, float]]:
    """Each number of `text`: as written ("14.96bn"), its scale word ("bn", or ""), its value as written
    and its value scaled."""
    values = []
    for m in _NUMBER.finditer(text):
        raw = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        raw = -raw if m.group(0).startswith("-") else raw
        scale = (m.group(3) or "").lower()
        values.append((m.group(0).strip(), scale, raw, _rounded(raw * _SCALES[scale]) if scale else raw))
    return values


def _rounded(value: float) -> float:
    # 14.96 * 1e9 is 14960000000.000002 in binary: compared with an answer of 14960000000, it must be equal.
    return float(round(value, 6)) if math.isfinite(value) else value


def _scales(q: AnyQuestion) -> set[float]:
    """The scales a question counts its answer in: "___bn euros" or a unit of "million people" count in 1e9
    or 1e6, so that 14.96 is the 14.96 of "14.96bn"."""
    unit = q.unit or "" if isinstance(q, NumericQuestion) else ""
    words = re.findall(r"_{2,}\s?([a-z]+)\b", q.prompt, re.IGNORECASE) + unit.lower().split()[:1]
    return {_SCALES[w.lower()] for w in words if w.lower() in _SCALES}


Shows = Callable[[list[str], list[str], list[list[tuple[str, str, float, float]]]], "str | None"]


def _number_shown(q: AnyQuestion, number: float) -> Shows:
    """What finds `number`, the answer of `q`, in another question's texts (a prompt, then options) and
    their numbers: the number as written there, or None."""
    scales = _scales(q)

    def shows(texts: list[str], _plain: list[str], numbers: list[list[tuple[str, str, float, float]]]
              ) -> str | None:
        for k, found_in_text in enumerate(numbers):
            if k > 0 and _number_of(texts[k]) == number:
                continue  # an option that is the answer itself: a candidate, not the answer shown
            for written, scale, raw, scaled in found_in_text:
                if scaled == number or (raw == number and (not scale or _SCALES[scale] in scales)):
                    return written
        return None

    return shows


def _text_shown(q: AnyQuestion, surname: str | None) -> Shows:
    """What finds the text answer of `q` in another question's texts, as whole words, or its `surname` in
    another prompt: as written there, or None."""
    answer = str(q.answer).strip()
    words = r"\s+".join(re.escape(w) for w in answer.split())
    pattern = re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE if len(answer) >= SHORT_ANSWER else 0)
    named = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])") if surname is not None else None
    plain = _plain(answer)

    def shows(texts: list[str], plains: list[str], _numbers: object) -> str | None:
        for k, text in enumerate(texts):
            if plain not in plains[k] or (k > 0 and plains[k] == plain):
                continue  # not there; or an option that is the answer itself: a candidate, not the answer shown
            m = pattern.search(text)
            if m:
                return m.group(0)
        m = named.search(texts[0]) if named is not None else None
        return m.group(0) if m else None

    return shows


def _surname(q: AnyQuestion) -> str | None:
    """The surname of the person a choice question asks for with "Who…?" ("Tolley" of "Jane Tolley"), or
    None: the answer must read as a name, capitalised at both ends ("Charles de Gaulle", "Abu Bakr
    al-Baghdadi"; not "a Tiger and a Cougar")."""
    words = str(q.answer).split()
    if not isinstance(q, ChoiceQuestion) or not _WHO.match(q.prompt) or len(words) < 2:
        return None
    if not all(any(part[:1].isupper() for part in w.split("-")) for w in (words[0], words[-1])):
        return None
    return words[-1] if len(words[-1]) >= SHORT_ANSWER else None


def _plain(text: str) -> str:
    """Text to compare in any case and spacing."""
    return " ".join(text.split()).casefold()


def _spans(q: AnyQuestion) -> list[Span]:
    return q.cite.spans if q.cite is not None else []
