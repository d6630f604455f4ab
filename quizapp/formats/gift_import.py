"""Reading Moodle's GIFT format the way Moodle's own importer reads it.

A blank line ends a question. Lines starting with `//` are comments; `[tag:x]` and `[id:x]` in
them tag and name the question that follows. `$CATEGORY: path` puts the questions after it in
a category. A question is `::title::[format]text {answers} text`; `\\` escapes `~ = # { } :`
and itself, `\\n` is a line break, and any other backslash is just a backslash. The answers
decide the kind, in Moodle's order: `{}` essay, `{#…}` numerical, any `~` multiple choice,
`=a -> b` matching, `{T}` or `{FALSE}` true/false, anything else short answer; a question
without braces is a description.

One leniency: after a complete question, a line that starts with a `::title::`, or a line
after one that ended in `}` when a `{` follows before the next blank line, starts a new
question even without a blank line before it, as people who forget the blank line mean.
(Moodle would make one question of both.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.core.errors import Problem
from quizapp.formats.importing import (
    EXPORT_MARK,
    BadQuestion,
    Choice,
    ImportedQuestion,
    NotAskable,
    ParsedFile,
    TextLines,
    category_name,
    explanation_from,
    not_askable_problem,
    numeric_answer,
    one_right_answer,
    paragraphs,
    plain,
)

FORMATS = ("html", "moodle", "plain", "markdown")
_ESCAPES = {"\\": "\\", ":": ":", "#": "#", "=": "=", "{": "{", "}": "}", "~": "~", "n": "\n"}
# Moodle's answer weight: `%50%`, `%-100%`, `%33.3%`.
_WEIGHT = re.compile(r"^%(-?)-*(\d{1,2}\.?\d*)%")
_TITLE_LINE = re.compile(r"^\s*::.*?::")
_TAG = re.compile(r"\[tag:\s*((?:\\\]|[^\]])+?)\s*\]")
_ID = re.compile(r"\[id:\s*((?:\\\]|[^\]])+?)\s*\]")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_IS_NUMBER = re.compile(rf"\s*{_NUMBER}\s*")


def parse_gift(lines: TextLines) -> ParsedFile:
    """Every question of a GIFT file: the ones quizapp can ask, the ones it cannot, and mistakes."""
    parsed = ParsedFile(questions=[])
    quizapp_export = any(line.startswith("//") and EXPORT_MARK in line for line in lines.lines[:5])
    category: str | None = None
    for block in _blocks(lines):
        if block.text.lstrip().startswith("$CATEGORY:"):
            category = category_name(block.text.lstrip()[len("$CATEGORY:"):].strip())
            parsed.title = parsed.title or category  # the first category names the bank
            continue
        try:
            question = _question(block, quizapp_export=quizapp_export)
        except _Skip as skip:
            parsed.not_askable.append(not_askable_problem(lines.path, block.line_numbers[0], skip.kind, skip.name))
            continue
        except _Bad as bad:
            line, column = block.where(bad.offset)
            parsed.errors.append(Problem(lines.path, line, column, bad.message))
            continue
        question.category = category
        parsed.questions.append(question)
    return parsed


def format_marker(text: str) -> tuple[str | None, str]:
    """(`html`, rest) for text that starts with `[html]`; (None, text) when it names no format."""
    m = re.match(r"\s*\[(\w+)\]", text)
    if m and m.group(1).lower() in FORMATS:
        return m.group(1).lower(), text[m.end():]
    return None, text


class _Bad(Exception):
    """A mistake at an offset of its block."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


class _Skip(Exception):
    """A question of a kind quizapp cannot ask, with its name for the user."""

    def __init__(self, kind: str, name: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.name = name


@dataclass
class _Block:
    """The text of one question (comments taken out) and the file line of each of its lines."""

    text: str
    line_numbers: list[int]
    comments: list[str] = field(default_factory=list)

    def where(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        row = self.text.count("\n", 0, offset)
        column = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return self.line_numbers[row], column


def _blocks(lines: TextLines) -> list[_Block]:
    blocks: list[_Block] = []
    current = _Block("", [])
    text: list[str] = []
    trailing: list[str] = []  # comments since the last line of text: they go with what follows
    depth = 0  # braces open in the current block
    answered = False  # the current block has a closed `{…}`

    def flush(keep: list[str]) -> None:
        nonlocal current, text, depth, answered
        if text:
            current.text = "\n".join(text)
            current.comments = current.comments[:len(current.comments) - len(keep)]
            blocks.append(current)
        current, text, depth, answered = _Block("", [], list(keep)), [], 0, False

    # Whether a `{` comes at this line or later before the next blank line.
    brace_ahead = [False] * (len(lines.lines) + 1)
    for i in range(len(lines.lines) - 1, -1, -1):
        line = lines.lines[i]
        if line.strip() and not line.lstrip().startswith("//"):
            brace_ahead[i] = "{" in _unescaped(line) or brace_ahead[i + 1]
    for number, line in enumerate(lines.lines, start=1):
        stripped = line.strip()
        if not stripped:
            flush([])
            trailing = []
            continue
        if stripped.startswith("//"):
            current.comments.append(stripped)
            trailing.append(stripped)
            continue
        category = stripped.startswith("$CATEGORY:")
        complete = answered and depth == 0  # the block so far is a whole question
        starts_question = _TITLE_LINE.match(line) or (bool(text) and text[-1].rstrip().endswith("}")
                                                       and brace_ahead[number - 1])
        if text and (category or (complete and starts_question)):
            flush(trailing)
        trailing = []
        text.append(line)
        current.line_numbers.append(number)
        for ch in _unescaped(line):
            if ch == "{":
                depth += 1
            elif ch == "}" and depth:
                depth -= 1
                answered = True
        if category:
            flush([])  # a category is a line of its own
    flush([])
    return blocks


def _unescaped(line: str) -> str:
    """The characters of a line that are not escaped."""
    return re.sub(r"\\[\\:#={}~n]", "", line)


class _Scan:
    """A block's characters with Moodle's escapes resolved, each knowing whether it was escaped."""

    def __init__(self, raw: str) -> None:
        self.chars: list[str] = []
        self.escaped: list[bool] = []
        self.offsets: list[int] = []  # offset in the raw block, for messages
        i = 0
        while i < len(raw):
            ch = raw[i]
            if ch == "\\" and raw[i + 1:i + 2] in _ESCAPES:
                self.chars.append(_ESCAPES[raw[i + 1]])
                self.escaped.append(True)
                self.offsets.append(i)
                i += 2
                continue
            self.chars.append(ch)  # a backslash that escapes nothing is a backslash
            self.escaped.append(False)
            self.offsets.append(i)
            i += 1
        self.raw_length = len(raw)

    def offset(self, index: int) -> int:
        return self.offsets[index] if index < len(self.offsets) else self.raw_length

    def is_mark(self, i: int, ch: str) -> bool:
        return i < len(self.chars) and self.chars[i] == ch and not self.escaped[i]

    def find(self, token: str, start: int, end: int) -> int:
        """Index of the first unescaped `token` in [start, end), or -1."""
        for i in range(start, end - len(token) + 1):
            if all(self.is_mark(i + k, c) for k, c in enumerate(token)):
                return i
        return -1

    def rfind(self, token: str, start: int, end: int) -> int:
        """Index of the last unescaped `token` in [start, end), or -1."""
        for i in range(end - len(token), start - 1, -1):
            if all(self.is_mark(i + k, c) for k, c in enumerate(token)):
                return i
        return -1

    def marks(self, chars: str, start: int, end: int) -> list[int]:
        """Indexes of the unescaped `chars` in [start, end)."""
        return [i for i in range(start, end) if self.chars[i] in chars and not self.escaped[i]]

    def text(self, start: int, end: int) -> str:
        return "".join(self.chars[start:end])

    def strip(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) without the unescaped whitespace at either end."""
        while start < end and self.chars[start].isspace() and not self.escaped[start]:
            start += 1
        while end > start and self.chars[end - 1].isspace() and not self.escaped[end - 1]:
            end -= 1
        return start, end


def _question(block: _Block, *, quizapp_export: bool) -> ImportedQuestion:
    s = _Scan(block.text)
    start, end = s.strip(0, len(s.chars))
    title = None
    if s.find("::", start, start + 2) == start:
        close = s.find("::", start + 2, end)
        if close < 0:
            raise _Bad(s.offset(start), "the title has no closing `::`: write `::title::` "
                       "(escape a colon in text as `\\:`)")
        title = " ".join(s.text(start + 2, close).split())
        start = s.strip(close + 2, end)[0]
    comments = "\n".join(block.comments)
    id_match = _ID.search(comments)
    qid = id_match.group(1).replace("\\]", "]") if id_match else title
    open_, close = s.find("{", start, end), s.find("}", start, end)
    fmt, _ = format_marker(s.text(start, end))
    fmt = fmt or "moodle"
    if open_ < 0 and close < 0:
        raise _Skip("a description (text with no answers)", qid or _text(s, start, end, fmt))
    if close < 0:
        raise _Bad(s.offset(open_), "the `{` of the answers is never closed with `}`")
    if open_ < 0 or close < open_:
        raise _Bad(s.offset(close), "a `}` with no `{` before it: escape a brace in text as `\\}`")
    nested = s.find("{", open_ + 1, close)
    if nested >= 0:
        raise _Bad(s.offset(nested), "a `{` inside the answers: escape it as `\\{`")
    before, after = _text(s, start, open_, fmt), plain(s.text(close + 1, end), markup=fmt != "plain")
    prompt = f"{before} _____ {after}".strip() if after else before  # a missing word stands for the braces
    if not prompt:
        raise _Bad(s.offset(start), "the question has no text before its answers")
    name = qid or prompt
    if s.find("{", close + 1, end) >= 0:
        raise _Skip("a question with a second `{…}` (GIFT has one answer block per question)", name)
    body_start, body_end = s.strip(open_ + 1, close)
    feedback: list[str] = []
    general = s.rfind("####", body_start, body_end)
    if general >= 0:
        feedback_fmt, text = format_marker(s.text(general + 4, body_end))
        feedback = paragraphs(text, markup=(feedback_fmt or fmt) != "plain")
        body_start, body_end = s.strip(body_start, general)
    question = ImportedQuestion(
        kind="choice", id=qid, prompt=prompt, line=block.where(s.offset(start))[0],
        explanation=explanation_from(feedback, quizapp_export=quizapp_export),
        tags=[t.replace("\\]", "]") for t in _TAG.findall(comments)])
    try:
        _answers(s, body_start, body_end, fmt, question)
    except NotAskable as kind:
        raise _Skip(str(kind), name) from None
    except BadQuestion as bad:
        raise _Bad(s.offset(open_), str(bad)) from None
    return question


def _answers(s: _Scan, start: int, end: int, fmt: str, question: ImportedQuestion) -> None:
    """Fill in the kind and answers of `question` from the text between its braces."""
    if start >= end:
        raise NotAskable("an essay question (empty braces `{}`)")
    if s.is_mark(start, "#"):
        question.kind = "numeric"
        for key, value in _numeric(s, start + 1, end).items():
            setattr(question, key, value)
        return
    if s.find("~", start, end) < 0:
        if s.find("=", start, end) >= 0 and s.find("->", start, end) >= 0:
            raise NotAskable("a matching question (`=a -> b`)")
        hash_at = s.find("#", start, end)
        word = s.text(start, hash_at if hash_at > start else end).strip().upper()
        if word not in ("T", "TRUE", "F", "FALSE"):
            raise NotAskable("a short-answer question (only `=` answers, none wrong)")
        right = word.startswith("T")
        question.answer, question.distractors = ("True", ["False"]) if right else ("False", ["True"])
        return
    choices = []
    for at, mark, stop in _pieces(s, start, end, "~="):
        hash_at = s.find("#", at, stop)
        raw = s.text(at, hash_at if hash_at >= 0 else stop).strip()
        fraction = 1.0 if mark == "=" else 0.0
        weight = _WEIGHT.match(raw) if mark != "=" else None  # Moodle reads `=%50%x` as the text `%50%x`
        if weight:
            fraction = float(weight.group(2)) / 100 * (-1 if weight.group(1) else 1)
            raw = raw[weight.end():]
        answer_fmt, raw = format_marker(raw)
        text = plain(raw, markup=(answer_fmt or fmt) != "plain")
        if not text:
            raise _Bad(s.offset(max(at - 1, start)), f"an empty answer after `{mark or '{'}`")
        choices.append(Choice(text, fraction))
    question.answer, question.distractors = one_right_answer(choices, single=s.find("=", start, end) >= 0)


def _pieces(s: _Scan, start: int, end: int, marks: str) -> list[tuple[int, str, int]]:
    """(start, mark, end) of each answer: the text after each unescaped mark, and any text before the first."""
    at = s.marks(marks, start, end)
    pieces = [(i + 1, s.chars[i], at[n + 1] if n + 1 < len(at) else end) for n, i in enumerate(at)]
    lead_end = at[0] if at else end
    if s.text(start, lead_end).strip():  # Moodle reads text before the first mark as an answer too
        pieces.insert(0, (start, "", lead_end))
    return pieces


def _numeric(s: _Scan, start: int, end: int) -> dict[str, object]:
    """Answer, tolerance, min and max from the text after `{#` (answers `=a:t`, `=min..max`, `~` feedback)."""
    wrong = s.find("~", start, end)  # `~#feedback` for any other answer
    accepted: list[tuple[float, float, float | None, float]] = []
    pieces = _pieces(s, start, wrong if wrong >= 0 else end, "=")
    if not pieces:
        raise _Bad(s.offset(start), "a numerical question needs a number: write `{#13}`, `{#4500:450}` "
                   "(value:tolerance) or `{#1..5}` (range)")
    for at, _, stop in pieces:
        hash_at = s.find("#", at, stop)
        raw = s.text(at, hash_at if hash_at >= 0 else stop).strip()
        weight = _WEIGHT.match(raw)
        if weight:
            raw = raw[weight.end():].strip()
            if weight.group(1) or float(weight.group(2)) != 100:
                continue  # a partly right number: quizapp's answers are right or wrong
        accepted.append(_number_answer(raw, s.offset(at)))
    try:
        return numeric_answer(accepted)
    except BadQuestion as bad:
        raise _Bad(s.offset(start), str(bad)) from None


def _number_answer(raw: str, offset: int) -> tuple[float, float, float | None, float]:
    """(low, high, value, tolerance) of `13`, `4500:450` or `1..5`, split as Moodle splits them."""
    dots, colon = raw.find(".."), raw.find(":")
    if dots > 0:
        low, high = raw[:dots], raw[dots + 2:]
        value = None
    elif colon > 0:
        low, high = raw[:colon], raw[colon + 1:]
        value = low
    else:
        low = high = value = raw
    if not all(_IS_NUMBER.fullmatch(part) for part in (low, high)):
        raise _Bad(offset, f"`{raw}` is not a number answer: write `{{#13}}`, `{{#4500:450}}` "
                   "(value:tolerance) or `{#1..5}` (range)")
    if value is not None:
        centre, margin = float(value), abs(float(high)) if colon > 0 else 0.0
        return centre - margin, centre + margin, centre, margin
    if float(low) > float(high):
        raise _Bad(offset, f"the range {raw} runs backwards: write the smaller number first")
    return float(low), float(high), None, 0.0


def _text(s: _Scan, start: int, end: int, fmt: str) -> str:
    """Question text as a person reads it, its `[format]` marker read."""
    marker, text = format_marker(s.text(start, end))
    return plain(text, markup=(marker or fmt) != "plain")
