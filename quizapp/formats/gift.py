"""Moodle's GIFT text format: every question of a bank as GIFT (reading it is in gift_import).

GIFT in short: `::title::question text {answers}`; `=right ~wrong`, `#feedback`
after an answer, `####general feedback` at the end of the braces, `{T}`/`{F}`,
`{#value:tolerance}` or `{#min..max}`; `\\` escapes `~ = # { } :` and itself;
lines starting with `//` are comments; a blank line ends a question.
"""

from __future__ import annotations

from pathlib import Path

from quizapp.core.atomic import write_text_atomic
from quizapp.core.bank import AnyQuestion, LoadedBank
from quizapp.core.model import ChoiceQuestion, NumericQuestion
from quizapp.formats.content import citation_text, format_number, graded_numbers, source_label
from quizapp.formats.gift_import import format_marker
from quizapp.formats.importing import EXPORT_MARK

SPECIAL = "~=#{}:"

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
        f"// {EXPORT_MARK}: {len(loaded.bank.questions)} questions; "
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
    # Text that starts like a weight (`%5% interest`) or a format marker (`[html]`) gets a
    # `[plain]` marker, so that it stays text. (Moodle reads `=%100%x` as the text `%100%x`.)
    mark = "=" if right else "~"
    stripped = text.lstrip()
    if stripped.startswith("%") or format_marker(text)[0] is not None:
        mark += "[plain]"
    return mark


def _numeric_answer(q: NumericQuestion) -> str:
    """`#=4500:450 =%50%4500:900#Close…`: each graded number, with its weight where it is not 100%. A range
    not centred on the answer is written as one (`=-41..-38.5`); the exact answer comes first for the importer."""
    parts = []
    for graded in graded_numbers(q):
        weight = f"%{graded.percent}%" if graded.percent != 100 else ""
        number = (f"{format_number(graded.value)}:{format_number(graded.tolerance)}" if graded.value == q.answer
                  else f"{format_number(graded.low)}..{format_number(graded.high)}")
        feedback = f"#[plain]{escape(graded.feedback)}" if graded.feedback else ""
        parts.append(f"={weight}{number}{feedback}")
    return "#" + " ".join(parts)


def general_feedback(loaded: LoadedBank, q: AnyQuestion) -> str:
    """The explanation, then the cited proof as a paragraph of its own (after a blank line)."""
    parts = []
    if q.explanation:
        parts.append(" ".join(q.explanation.split()))
    proof = citation_text(loaded, q)
    if proof:
        source = source_label(loaded, q)
        parts.append(f"Source{f' ({source})' if source else ''}: {proof}")
    return "\n\n".join(parts)


def escape(text: str) -> str:
    """Text with GIFT's special characters escaped; line breaks as `\\n`."""
    text = text.replace("\\", "\\\\")
    for ch in SPECIAL:
        text = text.replace(ch, "\\" + ch)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
