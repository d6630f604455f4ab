"""The Aiken format: multiple choice questions as plain lines, imported into a bank.

    What is the capital of Mali?
    A. Dakar
    B) Bamako
    C. Niamey
    ANSWER: B

The question may take several lines; options are `A.` or `A)`; `ANSWER:` ends it.
"""

from __future__ import annotations

import re

from quizapp.formats.importing import ImportedQuestion, ParsedFile, ParseErrors, TextLines

_OPTION = re.compile(r"^\s*([A-Za-z])\s*[.)]\s+(.*\S)\s*$")
_ANSWER = re.compile(r"^\s*ANSWER\s*:\s*(.*?)\s*$", re.IGNORECASE)


def parse_aiken(lines: TextLines) -> ParsedFile:
    """The questions of an Aiken file, and its mistakes by line."""
    errors = ParseErrors(lines.path)
    questions: list[ImportedQuestion] = []
    prompt: list[str] = []
    start = 0
    options: dict[str, str] = {}
    order: list[str] = []
    bad = False  # the current question already has an error: skip to its ANSWER line

    def reset() -> None:
        nonlocal prompt, options, order, bad
        prompt, options, order, bad = [], {}, [], False

    for number, line in enumerate(lines.lines, start=1):
        if not line.strip():
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer:
            letter = answer.group(1).upper()
            if bad:
                pass
            elif not prompt:
                errors.add(number, 1, "`ANSWER:` without a question before it")
            elif len(options) < 2:
                errors.add(number, 1, "a question needs at least two options (`A. …`, `B. …`) "
                           "before `ANSWER:`")
            elif not re.fullmatch(r"[A-Z]", letter):
                errors.add(number, answer.start(1) + 1, f"`ANSWER: {answer.group(1)}` must be one "
                           f"letter among {', '.join(order)}")
            elif letter not in options:
                errors.add(number, answer.start(1) + 1, f"`ANSWER: {letter}` names no option: the "
                           f"options are {', '.join(order)}")
            else:
                questions.append(ImportedQuestion(
                    kind="choice", id=None, prompt=" ".join(" ".join(prompt).split()), line=start,
                    answer=options[letter], distractors=[options[k] for k in order if k != letter]))
            reset()
        elif option and prompt:
            letter = option.group(1).upper()
            if letter in options and not bad:
                errors.add(number, option.start(1) + 1, f"option {letter} appears twice in this "
                           "question")
                bad = True
            options[letter] = " ".join(option.group(2).split())
            if letter not in order:
                order.append(letter)
        elif options:
            if not bad:
                errors.add(number, 1, "expected an option (`C. text`) or `ANSWER: X` here; did the "
                           "previous question lose its ANSWER line?")
                bad = True
        else:
            if not prompt:
                start = number
            prompt.append(line.strip())
    if prompt and not bad:
        errors.add(start, 1, "this question has no `ANSWER:` line: add `ANSWER: X` after its options")
    return ParsedFile(questions, errors=errors.problems)
