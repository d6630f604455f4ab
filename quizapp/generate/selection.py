"""A question about words a teacher selects in an article: their sentence, with them left out.

The generator keeps only the questions it trusts, often one or two an article; a teacher who wants
more picks the facts worth asking. Selecting "4,500" in "About 4,500 troops are stationed there."
gives a numeric question, "About ___ troops are stationed there. What number fills the gap, ...?",
right within the 10% the hedge allows (selecting "4,500 troops" gives the same: the words beside
the one figure stay in the sentence); selecting a name gives a choice question whose wrong
answers the teacher writes, starting from names of its kind the article also gives
(`complete_name_question`). Either way the sentence is the citation.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizapp.core.article import Article
from quizapp.generate.entities import WH
from quizapp.generate.numbers import APPROX, WORD_NUMBERS, WRITTEN_FIGURE, parse_number, recall_share
from quizapp.generate.rank import GAP, GAP_ASK, gap_prompt

if TYPE_CHECKING:
    from quizapp.generate.questions import ArticleFacts

GAP_ASK_WORDS = "What fills the gap, according to the article"
_EDGE = " \t\n\u2029.,;:!?\"“”‘’'()[]"
_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")


class SelectionError(ValueError):
    """The selection cannot be asked about; the message says what to select instead."""


def question_from_selection(article: Article, start: int, end: int, *, source: str | None = None,
                            qid: str = "ask") -> dict[str, Any]:
    """A question (bank data) whose answer is `article.text[start:end]`, its sentence the prompt and the proof,
    its id `qid` and the words asked.

    The selection takes in the whole of any word or figure it cuts ("200" of "1,200", "na Holm sai" of
    "Lena Holm said"). A selection of one figure gives a numeric question; any other words a choice
    question with no wrong answers yet. Raises SelectionError for a selection that is empty, outside the
    article's citable sentences, across two sentences, or the whole sentence."""
    plain = article.unmarked()  # a .md article is asked about in its words, without "**" or "[text](address)"
    if plain is not article:
        start, end, article = article.unmarked_offset(start), article.unmarked_offset(end), plain
    text = article.text
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if start >= end:
        raise SelectionError("Select the words to ask about: a figure, a name or a few words.")
    start, end = _whole_words(text, start, end)
    inside = [s for s in article.sentences if s.start < end and start < s.end]
    if not inside:
        raise SelectionError("The selection is not in a sentence of the article's text: select words in "
                             "a paragraph.")
    if len(inside) > 1 or not (inside[0].start <= start and end <= inside[0].end):
        raise SelectionError("Select words inside one sentence: the sentence is the question.")
    sentence = inside[0]
    before = text[sentence.start:start]
    chosen = text[start:end]
    after = text[end:sentence.end]
    if not re.search(r"\w", before + after):
        raise SelectionError("Select only the words to leave out, not the whole sentence.")
    quote = " ".join(text[sentence.start:sentence.end].split())
    title = article.meta.title or ""
    # named by the words asked and the two after them in the sentence ("ask-1200-residents-left"): a bare
    # figure would read as a number the id counts on
    words = _id_words(chosen + after)
    q: dict[str, Any] = {"id": "-".join([qid, *words[:len(_id_words(chosen)) + 2]])}
    figure = _figure(chosen)
    if figure is not None:
        at, length, value = figure
        before, after = before + chosen[:at], chosen[at + length:] + after
        year = bool(_YEAR.fullmatch(chosen[at:at + length])) and not before.rstrip().endswith(("$", "£", "€"))
        q.update(type="numeric", prompt=gap_prompt(_one_line(before + GAP + after), title, year=year),
                 answer=int(value) if value == int(value) else value)
        if not year and value and _hedge_before(before) in APPROX:
            # "about 4,500": right to the digits the article gives (4,450 to 4,550)
            q["tolerance"] = f"{round(recall_share(value) * 100, 1):g}%"
    else:
        prompt = gap_prompt(_one_line(before + GAP + after), title)
        q.update(type="choice", prompt=prompt.replace(GAP_ASK, GAP_ASK_WORDS, 1), answer=" ".join(chosen.split()),
                 distractors=[])
    q["cite"] = {"source": source, "quote": quote} if source else {"quote": quote}
    return q


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection grown to whole words and figures: a double-click selects "200" of "1,200" or "5" of
    "$4.5m", and a drag may end a letter short; half a figure or a word is no answer."""
    def inside(at: int) -> bool:  # a word's letter, or a figure's comma or point between digits
        ch = text[at]
        return ch.isalnum() or (ch in ",." and 0 < at < len(text) - 1 and text[at - 1].isdigit()
                                and text[at + 1].isdigit())
    while start > 0 and inside(start - 1) and inside(start):
        start -= 1
    while end < len(text) and inside(end) and inside(end - 1):
        end += 1
    return start, end


def _figure(chosen: str) -> tuple[int, int, float] | None:
    """Where the one figure of a selection is, its length and value: '£2bn' -> (1, 1, 2.0), '13 soldiers'
    -> (0, 2, 13.0) (the words around it stay in the sentence); None for no figure or two ('3-1')."""
    words = chosen.strip().lower()
    if words in WORD_NUMBERS and words not in ("hundred", "dozen"):
        return 0, len(chosen), float(WORD_NUMBERS[words])
    found = list(WRITTEN_FIGURE.finditer(chosen))
    if len(found) != 1:
        return None
    m = found[0]
    value = parse_number(m.group())
    return None if value is None else (m.start(), len(m.group()), value)


def _hedge_before(before: str) -> str:
    """The hedge just before a figure: 'About ' -> 'about', 'close to £' -> 'close to'."""
    words = re.findall(r"[a-z]+", before.lower().rstrip(" $£€¥"))[-2:]
    for n in (2, 1):
        if len(words) >= n and " ".join(words[-n:]) in APPROX:
            return " ".join(words[-n:])
    return ""


def _id_words(text: str) -> list[str]:
    """The words of a text as an id spells them: "4,500 Troops" -> ["4500", "troops"]."""
    return re.findall(r"[a-z0-9]+", re.sub(r"(?<=\d)[,.](?=\d)", "", text.lower()))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def complete_name_question(path: Path, q: dict[str, Any], n: int = 3) -> dict[str, Any]:
    """A choice question from `question_from_selection`, with what the article tells of its answer when it
    is a name: the question asks for its kind ("Who fills the gap, ...?", "Which country fills ...?"), and
    the wrong answers start as up to `n` other names of that kind in the article ("Mali" -> "Niger",
    "Burkina Faso"), in the order it gives them, none that the cited sentence names. The teacher checks
    each is false: the article may say the same of one. Unchanged for words the article does not make
    sure are a name of some kind. Parses the article (spaCy) the first time."""
    af = _facts(str(path), path.stat().st_mtime)
    names = af.names
    answer, prompt = str(q["answer"]), str(q["prompt"])
    full = names.canonical(answer)
    if full != answer and full.endswith(" " + answer) and GAP in prompt:
        # a double-click takes "Ortiz" of "Mayor Helen Ortiz said": the question asks the whole name
        head, tail = prompt.split(GAP, 1)
        if head.endswith(full[:-len(answer)]):
            answer, prompt = full, head[:len(head) - len(full) + len(answer)] + GAP + tail
    kind = names.kind(answer)
    if kind is None or full not in names.of_kind(kind):  # not sure what it names
        return q
    own = full.lower()  # (the answer's whole name, whether or not the selection was grown to it)
    shown = " ".join(str((q.get("cite") or {}).get("quote", "")).split()).lower()
    wrong = []
    for name in names.of_kind(kind):
        low = name.lower()
        if low == own or low in shown or own in low or low in own:
            continue  # the answer itself, a longer or shorter form of it, or a name the sentence gives
        # "Macron" asked, as the sentence calls him: "Pompeo", not "Mike Pompeo", which would stand out
        wrong.append(name.split()[-1] if kind == "person" and len(answer.split()) == 1 else name)
    wh = WH.get(kind)
    if wh and prompt.endswith(GAP_ASK_WORDS + "?"):
        prompt = f"{prompt[:-len(GAP_ASK_WORDS) - 1]}{wh[:1].upper()}{wh[1:]} fills the gap, according to the article?"
    return dict(q, prompt=prompt, answer=answer, distractors=wrong[:n])


@functools.lru_cache(maxsize=8)
def _facts(path: str, _mtime: float) -> ArticleFacts:
    from quizapp.generate.api import find_candidates  # spaCy: only when a name is asked about

    return find_candidates([Path(path)]).facts[0]
