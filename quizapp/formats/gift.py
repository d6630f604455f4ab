"""Moodle's GIFT text format: export every question, import choice, true/false and numerical ones.

GIFT in short: `::title::question text {answers}`; `=right ~wrong`, `#feedback`
after an answer, `####general feedback` at the end of the braces, `{T}`/`{F}`,
`{#value:tolerance}` or `{#min..max}`; `\\` escapes `~ = # { } :` and itself;
lines starting with `//` are comments; a blank line ends a question.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from pathlib import Path

from quizapp.core.atomic import write_text_atomic
from quizapp.core.bank import AnyQuestion, LoadedBank
from quizapp.core.errors import Problem, Severity
from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.formats.content import citation_text, format_number, source_label
from quizapp.formats.importing import ImportedQuestion, ParseErrors, TextLines

SPECIAL = "~=#{}:"
_FORMATS = ("html", "moodle", "plain", "markdown")

# --- export ----------------------------------------------------------------


def export_gift(loaded: LoadedBank, out: Path, **options: object) -> list[Path]:
    """Write the bank as a GIFT file that Moodle imports into a category named after the bank."""
    write_text_atomic(out, gift_text(loaded))
    return [out]


def gift_text(loaded: LoadedBank) -> str:
    """The whole bank as GIFT text."""
    title = " ".join(loaded.bank.title.split())
    lines = [
        f"// {title}",
        f"// Exported by quizapp: {len(loaded.bank.questions)} questions; "
        "each answer's proof from the article is in the general feedback.",
        "",
        f"$CATEGORY: $course$/top/{title.replace('/', '//')}",
        "",
    ]
    for q in loaded.bank.questions:
        lines.append(gift_question(loaded, q))
        lines.append("")
    return "\n".join(lines)


def gift_question(loaded: LoadedBank, q: AnyQuestion) -> str:
    """One question in GIFT, the id as its title."""
    head = f"::{escape(q.id)}::[plain]{escape(q.prompt)} {{"
    feedback = general_feedback(loaded, q)
    tail = f"\n\t####[plain]{escape(feedback)}\n}}" if feedback else "\n}"
    if isinstance(q, ChoiceQuestion):
        body = "".join(f"\n\t{_choice_mark(i == 0, option)}{escape(_answer_text(option))}"
                       for i, option in enumerate(q.options))
        return head + body + tail
    return head + "\n\t" + _numeric_answer(q) + tail


def _answer_text(text: str) -> str:
    # Moodle reads any `->` among `=` answers as a matching question, and GIFT cannot escape it.
    return text.replace("->", "→")


def _choice_mark(right: bool, text: str) -> str:
    # GIFT reads `%n%` at the start of an answer as its weight: state the weight so that text
    # beginning with a percentage ("%5% interest") stays text.
    mark = "=" if right else "~"
    if text.lstrip().startswith("%"):
        mark += "%100%" if right else "%0%"
    if _format_marker(text)[0] != "moodle" or text.lstrip().startswith("[moodle]"):
        mark += "[plain]"  # text that starts like a format marker stays text
    return mark


def _numeric_answer(q: NumericQuestion) -> str:
    low, high = q.accepted_range
    answer = format_number(q.answer)
    if math.isclose(high - q.answer, q.answer - low, rel_tol=1e-9, abs_tol=1e-12):
        return f"#{answer}:{format_number(q.answer - low)}"
    # An uneven range: Moodle's range grades it; the exact answer comes first for the importer.
    return f"#={answer}:0 ={format_number(low)}..{format_number(high)}"


def general_feedback(loaded: LoadedBank, q: AnyQuestion) -> str:
    """The explanation and the cited proof, as one paragraph."""
    parts = []
    if q.explanation:
        parts.append(" ".join(q.explanation.split()))
    proof = citation_text(loaded, q)
    if proof:
        source = source_label(loaded, q)
        parts.append(f"Source{f' ({source})' if source else ''}: {proof}")
    return " ".join(parts)


def escape(text: str) -> str:
    """Text with GIFT's special characters escaped; line breaks as `\\n`."""
    text = text.replace("\\", "\\\\")
    for ch in SPECIAL:
        text = text.replace(ch, "\\" + ch)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


# --- import ----------------------------------------------------------------


@dataclass
class GiftFile:
    """The questions of a GIFT file and the bank title its first `$CATEGORY` gives."""

    category: str | None
    questions: list[ImportedQuestion]


def parse_gift(lines: TextLines, skipped: list[Problem] | None = None) -> GiftFile:
    """Parse GIFT text; raise ImportProblems listing every bad question by line.

    With a `skipped` list, questions of kinds quizapp cannot ask (essay, short answer,
    matching, descriptions, several right answers) are left out and noted there instead.
    """
    errors = ParseErrors(lines.path)
    category: str | None = None
    questions: list[ImportedQuestion] = []
    for block in _blocks(lines):
        if block.text.startswith("$CATEGORY:"):
            first, _, rest = block.text.partition("\n")
            name = first[len("$CATEGORY:"):].strip()
            parts = [p.replace("\x00", "/") for p in name.replace("//", "\x00").split("/") if p.strip()]
            if parts and category is None:  # the first category names the bank
                category = parts[-1].strip()
            if not rest.strip():
                continue
            block = block.after_first_line()
        try:
            question = _parse_question(block)
        except _Unsupported as bad:  # named by the question's first line: the whole question is at stake
            if skipped is None:
                errors.add(block.line_numbers[0], None, bad.message, unsupported=True)
            else:
                skipped.append(Problem(lines.path, block.line_numbers[0], None, f"skipped: {bad.message}",
                                       Severity.WARNING))
            continue
        except _Bad as bad:
            errors.add(*block.where(bad.offset), bad.message)
            continue
        problem = question.problem()
        if problem:
            errors.add(question.line, None, problem)
        questions.append(question)
    errors.raise_if_any()
    return GiftFile(category, questions)


class _Bad(Exception):
    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


class _Unsupported(_Bad):
    """A well-formed question of a kind quizapp has no model for (essay, matching, ...)."""


@dataclass
class _Block:
    """The raw text of one question and the file line of each of its lines."""

    text: str
    line_numbers: list[int]

    def where(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        row = self.text.count("\n", 0, offset)
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return self.line_numbers[row], column

    def after_first_line(self) -> _Block:
        return _Block(self.text.partition("\n")[2], self.line_numbers[1:])


def _blocks(lines: TextLines) -> list[_Block]:
    blocks: list[_Block] = []
    text: list[str] = []
    numbers: list[int] = []
    for number, line in enumerate(lines.lines, start=1):
        if line.lstrip().startswith("//"):
            continue
        if not line.strip():
            if text:
                blocks.append(_Block("\n".join(text), numbers))
                text, numbers = [], []
            continue
        text.append(line)
        numbers.append(number)
    if text:
        blocks.append(_Block("\n".join(text), numbers))
    return blocks


class _Scan:
    """A block's characters with escapes resolved, each knowing whether it was escaped."""

    def __init__(self, raw: str) -> None:
        self.chars: list[str] = []
        self.escaped: list[bool] = []
        self.offsets: list[int] = []  # offset in the raw block, for messages
        i = 0
        while i < len(raw):
            ch = raw[i]
            if ch == "\\" and i + 1 < len(raw):
                nxt = raw[i + 1]
                self.chars.append("\n" if nxt == "n" else nxt)
                self.escaped.append(True)
                self.offsets.append(i)
                i += 2
                continue
            self.chars.append(ch)
            self.escaped.append(False)
            self.offsets.append(i)
            i += 1
        self.raw_length = len(raw)

    def offset(self, index: int) -> int:
        return self.offsets[index] if index < len(self.offsets) else self.raw_length

    def find(self, token: str, start: int = 0, end: int | None = None) -> int:
        """Index of the first unescaped `token` in [start, end), or -1."""
        end = len(self.chars) if end is None else end
        n = len(token)
        for i in range(start, end - n + 1):
            if all(self.chars[i + k] == token[k] and not self.escaped[i + k] for k in range(n)):
                return i
        return -1

    def text(self, start: int, end: int) -> str:
        return "".join(self.chars[start:end])

    def skip_space(self, i: int, end: int) -> int:
        while i < end and self.chars[i].isspace() and not self.escaped[i]:
            i += 1
        return i


def _parse_question(block: _Block) -> ImportedQuestion:
    s = _Scan(block.text)
    start = s.skip_space(0, len(s.chars))
    title = None
    if s.find("::", start, start + 2) == start:
        close = s.find("::", start + 2)
        if close < 0:
            raise _Bad(s.offset(start), "the title has no closing `::`: write `::title::` "
                       "(escape a colon in text as `\\:`)")
        title = " ".join(s.text(start + 2, close).split())
        start = close + 2
    open_ = s.find("{", start)
    if open_ < 0:
        raise _Unsupported(s.offset(start), "no answers: a question needs `{…}` with its answers "
                   "(escape a brace in text as `\\{`)")
    close = s.find("}", open_ + 1)
    if close < 0:
        raise _Bad(s.offset(open_), "the `{` of the answers is never closed with `}`")
    nested = s.find("{", open_ + 1, close)
    if nested >= 0:
        raise _Bad(s.offset(nested), "a `{` inside the answers: escape it as `\\{`")
    extra = s.find("{", close + 1)
    if extra >= 0:
        raise _Unsupported(s.offset(extra), "a second answer block in one question: quizapp imports "
                   "one `{…}` per question (escape a brace in text as `\\{`)")
    before, after = s.text(start, open_), s.text(close + 1, len(s.chars))
    fmt, before = _format_marker(before)
    prompt = _plain(before, fmt)
    tail = _plain(after, fmt)
    if tail:  # the "missing word" style: the blank stands where the braces were
        prompt = f"{prompt} _____ {tail}".strip()
    if not prompt:
        raise _Bad(s.offset(start), "the question has no text before its answers")
    line = block.where(s.offset(start))[0]
    body_start, body_end = open_ + 1, close
    feedback = ""
    general = s.find("####", body_start, body_end)
    if general >= 0:
        feedback = _plain(_format_marker(s.text(general + 4, body_end))[1], fmt)
        body_end = general
    first = s.skip_space(body_start, body_end)
    body = s.text(first, body_end).strip()
    common = {"id": title, "prompt": prompt, "explanation": feedback or None, "line": line}
    if not body:
        raise _Unsupported(s.offset(open_), "empty answers `{}` (an essay question): quizapp imports "
                   "multiple choice, true/false and numerical questions")
    if s.chars[first] == "#" and not s.escaped[first]:
        return ImportedQuestion(kind="numeric", **common, **_numeric(s, first + 1, body_end))
    truth = _true_false(s, first, body_end)
    if truth is not None:
        answer, wrong = ("True", "False") if truth else ("False", "True")
        return ImportedQuestion(kind="choice", answer=answer, distractors=[wrong], **common)
    answer, distractors = _choices(s, first, body_end, fmt)
    return ImportedQuestion(kind="choice", answer=answer, distractors=distractors, **common)


def _format_marker(text: str) -> tuple[str, str]:
    m = re.match(r"\s*\[(\w+)\]", text)
    if m and m.group(1).lower() in _FORMATS:
        return m.group(1).lower(), text[m.end():]
    return "moodle", text


def _plain(text: str, fmt: str) -> str:
    """Text shown to a person: HTML reduced to its words, whitespace folded."""
    if fmt in ("html", "moodle", "markdown") and re.search(r"</?[a-zA-Z][^>]*>|&\w+;|&#\d+;", text):
        text = re.sub(r"<br\s*/?>|</p>", " ", text, flags=re.I)
        text = html.unescape(re.sub(r"<[^>]*>", "", text))
    return " ".join(text.split())


def _true_false(s: _Scan, start: int, end: int) -> bool | None:
    hash_at = s.find("#", start, end)
    word = s.text(start, hash_at if hash_at >= 0 else end).strip().upper()
    if word in ("T", "TRUE"):
        return True
    if word in ("F", "FALSE"):
        return False
    return None


_WEIGHT = re.compile(r"^\s*%(-?\d+(?:\.\d+)?)%")


def _split_answers(s: _Scan, start: int, end: int, marks: str) -> list[tuple[int, str, int]]:
    """(index of the mark, mark, end) of each answer that starts with one of `marks`."""
    starts = [i for i in range(start, end) if s.chars[i] in marks and not s.escaped[i]]
    if not starts or s.text(start, starts[0]).strip():
        raise _Bad(s.offset(start), "an answer must start with `=` (right) or `~` (wrong); "
                   "escape these characters in text as `\\=` and `\\~`")
    return [(i, s.chars[i], starts[n + 1] if n + 1 < len(starts) else end) for n, i in enumerate(starts)]


def _choices(s: _Scan, start: int, end: int, fmt: str) -> tuple[str, list[str]]:
    right: list[str] = []
    wrong: list[str] = []
    kinds = set()
    for at, mark, stop in _split_answers(s, start, end, "=~"):
        hash_at = s.find("#", at + 1, stop)
        raw = s.text(at + 1, hash_at if hash_at >= 0 else stop)
        if "->" in raw and mark == "=":
            raise _Unsupported(s.offset(at), "a matching question (`=a -> b`): quizapp imports multiple "
                       "choice, true/false and numerical questions")
        weight = None
        m = _WEIGHT.match(raw)
        if m:
            weight = float(m.group(1))
            raw = raw[m.end():]
        text = _plain(_format_marker(raw)[1], fmt)
        if not text:
            raise _Bad(s.offset(at), f"an empty answer after `{mark}`")
        if (mark == "=" and weight in (None, 100)) or (mark == "~" and weight == 100):
            right.append(text)
        elif weight is None or weight <= 0:
            wrong.append(text)
        else:
            raise _Unsupported(s.offset(at), f"a partly right answer ({format_number(weight)}%): quizapp "
                       "questions have one right answer and wrong ones; give it `=` or `~`")
        kinds.add(mark)
    if kinds == {"="}:
        raise _Unsupported(s.offset(start), "only `=` answers (a short answer question): quizapp imports "
                   "multiple choice with `=right ~wrong`, true/false and numerical questions")
    if len(right) != 1:
        if right:
            raise _Unsupported(s.offset(start), f"{len(right)} right answers: quizapp questions have "
                               "exactly one")
        raise _Bad(s.offset(start), "no right answer: mark it with `=`")
    if not wrong:
        raise _Bad(s.offset(start), "no wrong answer: add at least one with `~`")
    return right[0], wrong


_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE = re.compile(rf"^\s*({_NUMBER})\s*\.\.\s*({_NUMBER})\s*$")
_VALUE = re.compile(rf"^\s*({_NUMBER})\s*(?::\s*({_NUMBER})\s*)?$")


def _numeric(s: _Scan, start: int, end: int) -> dict[str, object]:
    """Answer, tolerance, min and max from the text after `{#`."""
    if s.find("=", start, end) >= 0:
        parts = _split_answers(s, start, end, "=")
        items = [(at + 1, stop) for at, _, stop in parts]
    else:
        items = [(start, end)]
    accepted: list[tuple[float, float, float | None, float | None]] = []  # low, high, answer, tol
    for a, b in items:
        hash_at = s.find("#", a, b)
        raw = s.text(a, hash_at if hash_at >= 0 else b)
        m = _WEIGHT.match(raw)
        if m:
            raw = raw[m.end():]
            if float(m.group(1)) != 100:
                continue  # partial credit has no place in a quizapp question
        rng = _RANGE.match(raw)
        val = _VALUE.match(raw)
        if rng:
            low, high = float(rng.group(1)), float(rng.group(2))
            if low > high:
                raise _Bad(s.offset(a), f"the range {raw.strip()} runs backwards: write the smaller "
                           "number first")
            accepted.append((low, high, None, None))
        elif val:
            value = float(val.group(1))
            tol = abs(float(val.group(2))) if val.group(2) else 0.0
            accepted.append((value - tol, value + tol, value, tol))
        else:
            raise _Bad(s.offset(a), f"`{raw.strip()}` is not a number answer: write `{{#13}}`, "
                       "`{#4500:450}` (value:tolerance) or `{#1..5}` (range)")
    if not accepted:
        raise _Bad(s.offset(start), "no fully right answer (100%) in this numerical question")
    low, high, value, tol = accepted[0]
    if len(accepted) == 1:
        if value is None:
            return {"answer": _num((low + high) / 2), "minimum": _num(low), "maximum": _num(high)}
        return {"answer": _num(value), "tolerance": _num(tol) if tol else None}
    answer = value if value is not None else (low + high) / 2
    lows = min(a[0] for a in accepted)
    highs = max(a[1] for a in accepted)
    if math.isclose(highs - answer, answer - lows, rel_tol=1e-9, abs_tol=1e-12):
        tolerance = highs - answer
        return {"answer": _num(answer), "tolerance": _num(tolerance) if tolerance else None}
    return {"answer": _num(answer), "minimum": _num(lows), "maximum": _num(highs)}


def _num(value: float | None) -> float | int | None:
    """A number as the bank keeps it: an int when whole; sums and halves lose their float noise."""
    if value is None:
        return None
    value = float(format_number(value))
    return int(value) if value.is_integer() else value


def read_gift(path: Path) -> GiftFile:
    """Read and parse a GIFT file."""
    return parse_gift(TextLines.read(path))
