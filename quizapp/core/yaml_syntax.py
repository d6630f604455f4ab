"""Why a YAML text does not parse, in plain words: what is wrong, where, and what to do.

PyYAML says what it expected where it gave up ("did not find expected '-' indicator"); a person
needs the line to change and how: a line indented as no key above it is, a tab, a quote or bracket
left open, a `: ` inside a value that is not in quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml


def explain_syntax_error(exc: yaml.MarkedYAMLError, text: str, loader: type) -> tuple[str, yaml.Mark | None]:
    """What a YAML syntax error is, for a person, and where the mistake is: what to do first, in
    plain words, and the parser's own words last, in brackets, for whoever searches for them
    ("line 47 should start with 4 spaces, not 6, … (YAML: mapping values are not allowed in this
    context)"). `loader` is the one the text was read with."""
    what = exc.problem or "invalid YAML"
    if exc.context:
        what = f"{what}, {exc.context}"
    advice, mark = _advice(exc, text, loader)
    if not advice:
        return f"YAML syntax error: {what}", mark
    return f"{advice} (YAML: {what})", mark


def _advice(exc: yaml.MarkedYAMLError, text: str, loader: type) -> tuple[str, yaml.Mark | None]:
    """What to do about a syntax error ("" when there is nothing surer to say than the parser's
    words), and where."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or ""
    tab = _tab_in_indent(text, exc.problem_mark, problem)
    if tab is not None:
        return f"line {tab.line + 1} is indented with a tab: indent it with spaces", tab
    opened = exc.context_mark
    quote = _stray_quote(text, exc.problem_mark, loader)
    if quote is not None:
        # A quote left open that a later quote mark closed: PyYAML trips over the text after
        # that later mark, but the mistake is where the quote was opened.
        return (f"the quote opened here is not closed on its line (the `{quote.mark}` on line "
                f"{quote.closed_on} closes it): close it on this line, or indent the lines of a "
                "text that goes on"), quote.opened
    if (opened is not None and exc.context and exc.problem_mark is not None
            and exc.context.startswith(("while parsing a flow", "while scanning a quoted"))
            and opened.line != exc.problem_mark.line):
        # An unclosed bracket or quote: the mistake is where it was opened.
        opener, closer = (("the quoted text", text[opened.index]) if "quoted" in exc.context else
                          ("the `{` mapping", "}") if "mapping" in exc.context else ("the `[` list", "]"))
        # PyYAML notices it where it runs out of text: past the last line when that ends the file.
        noticed = ("at the end of the file" if _only_blanks_after(text, exc.problem_mark) else
                   f"on line {exc.problem_mark.line + 1}")
        # No line after it, or one that reads as a new key: it was meant to end on its own line.
        after = next((line for line in text.split("\n")[opened.line + 1:] if line.strip()), "")
        on_its_line = not after or _KEY_LINE.match(after)
        where = f"at the end of line {opened.line + 1}" if on_its_line else "where it ends"
        return f"{opener} opened here is not closed (noticed {noticed}): close it with `{closer}` {where}", opened
    if problem.startswith("could not find expected ':'") and exc.context_mark is not None:
        mark = exc.context_mark  # noticed on the next line; the line without its `: ` is the one to fix
    advice, at = _hint(problem, exc, text, loader)
    return advice, at or mark


def _hint(problem: str, exc: yaml.MarkedYAMLError, text: str, loader: type) -> tuple[str, yaml.Mark | None]:
    """What to do about a syntax error PyYAML names only by what it expected, naming the line, and
    where to do it when that is not where PyYAML stopped (None)."""
    at = exc.problem_mark
    lines = text.split("\n")
    if at is None or at.line >= len(lines):
        return "", None
    line, n = lines[at.line], at.line + 1
    if re.match(r" *-[^\s-]", line):  # `-id: a`: a dash that does not start a list item reads as text
        return f"line {n} needs a space after its `-`: a list item starts with `- `", None
    key = _KEY.match(line)
    if problem.startswith(("did not find expected '-' indicator", "did not find expected key")) or (
            problem.startswith("mapping values are not allowed") and key and key.end() == at.column + 1):
        # (A key line indented deeper than its neighbours reads as more of the value above it,
        # and its `:` as one inside that value.)
        indent = _misindented(lines, at.line, loader)
        if indent:
            advice, column = indent
            return advice, _mark_at(lines, at, at.line, column)
    if problem.startswith("mapping values are not allowed"):
        value = f"the value after `{key.group(1)}:` on line {n}" if key else f"the value on line {n}"
        return f"put {value} in quotes, as it has a `: ` in it", None
    if problem.startswith("could not find expected ':'"):
        start = exc.context_mark.line + 1 if exc.context_mark else n
        return (f"line {start} should read `key: value`, with `: ` after the key; a value that starts "
                "with a quote mark goes all in quotes"), None
    if "found character '\\t'" in problem:
        return f"line {n} has a tab where YAML allows none: use spaces", None
    quoted = _QUOTED_VALUE.match(line)
    if quoted and line[:at.column].rstrip().endswith(quoted.group(1)):
        return (f"the value in quotes on line {n} ends at its closing quote: put the whole value in "
                "quotes, or start it without a quote mark"), None
    if problem in ("found character that cannot start any token", "found undefined alias"):
        mark = "a backquote" if text[at.index] == "`" else f"`{text[at.index]}`"
        return f"put the value on line {n} in quotes: a value cannot start with {mark}", None
    if problem.startswith("did not find expected"):
        return (f"check the indent of line {n}: the keys of one question, and the `- ` of one list, "
                "start in the same column"), None
    return "", None


def _mark_at(lines: list[str], like: yaml.Mark, line: int, column: int) -> yaml.Mark:
    """A mark at `column` (from 0) of `line` (from 0), in the file `like` is in."""
    index = sum(len(text) + 1 for text in lines[:line]) + column
    return yaml.Mark(like.name, index, line, column, None, None)


def _misindented(lines: list[str], n: int, loader: type) -> tuple[str, int] | None:
    """Advice for line `n` (from 0) indented as no key or `- ` above it that it could belong
    with, such as `   prompt:` under `    type:`, and the column (from 0) where the cursor fixes
    it; None when no other indent makes the text read on.
    The columns tried are those of the lines above that are still open at it (`type:`, the
    question's `- `, `questions:`), nearest first: the one that takes the reading furthest."""
    own = _indent(lines[n])
    levels: dict[int, tuple[int, str]] = {}  # column -> (line, what starts there)
    deepest = 1 << 30  # the indent of the last line above taken
    for i in range(n - 1, -1, -1):
        above = lines[i]
        start = _indent(above)
        if not above.strip() or above.lstrip().startswith("#") or start >= deepest:
            continue
        for column in (_KEY_COLUMN.match(above).end(), start):  # type: ignore[union-attr]
            if column < deepest and column not in levels:
                word = above[column:]
                levels[column] = (i, "the `-`" if word.startswith("-") else
                                  f"`{word.split(':')[0]}:`" if ":" in word else "the text")
        deepest = start
        if start == 0:
            break
    best: tuple[int, int] | None = None  # how far the text reads, and the column
    for column in sorted(levels, key=lambda c: (abs(c - own), c)):
        if column == own:
            continue
        reach = _reads_to("\n".join([*lines[:n], " " * column + lines[n].lstrip(" "), *lines[n + 1:]]),
                          loader)
        if reach > n and (best is None or reach > best[0]):
            best = (reach, column)
    if best is None:
        return None
    column = best[1]
    at, what = levels[column]
    # The whole indent the line should have, not a difference to work out: `id:` of `  - id: a`
    # starts after four characters, so a key under it starts after four spaces.
    spaces = "no space" if column == 0 else f"{column} space{'s' if column != 1 else ''}"
    advice = f"line {n + 1} should start with {spaces}, not {own}, to line up with {what} on line {at + 1}"
    # The cursor after the spaces to keep: Delete takes the extra ones away, or the missing ones are typed.
    return advice, min(own, column)


def _reads_to(text: str, loader: type) -> int:
    """The line (from 0) of the first syntax error of `text`, or its number of lines if none."""
    try:
        for _event in yaml.parse(text, Loader=loader):
            pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark.line if mark is not None else 0
    return text.count("\n") + 1


# The key of a `key: value` line, after its indent and a list dash (`id` in `  - id: x`).
_KEY = re.compile(r" *(?:- +)?([\w-]+):")
# A line whose value opens with a quote mark (the mark).
_QUOTED_VALUE = re.compile(r" *(?:- +)?(?:[\w-]+: +)?(['\"])")


def _tab_in_indent(text: str, mark: yaml.Mark | None, problem: str) -> yaml.Mark | None:
    """Where a tab in the indent of the line of a syntax error is, when it is the cause: libyaml
    says only "found character that cannot start any token" of `<tab>- id: a`."""
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines):
        return None
    line = lines[mark.line]
    indent = line[:len(line) - len(line.lstrip(" \t"))]
    if "\t" not in indent or (mark.column > len(indent) and "tab" not in problem):
        return None
    return _mark_at(lines, mark, mark.line, indent.index("\t"))


def _only_blanks_after(text: str, mark: yaml.Mark) -> bool:
    """Whether nothing but white space follows `mark` in the file."""
    lines = text.split("\n")
    rest = lines[mark.line][mark.column:] if mark.line < len(lines) else ""
    return not (rest + "".join(lines[mark.line + 1:])).strip()


@dataclass
class _StrayQuote:
    opened: yaml.Mark  # where the quote was opened
    mark: str  # `"` or `'`
    closed_on: int  # the line (from 1) of the quote mark that closed it


# A line that reads as `key: value` or as a list item, not as more of a text.
_KEY_LINE = re.compile(r"\s*(?:-(?:\s|$)|[\w-]+:(?:\s|$))")


def _stray_quote(text: str, problem: yaml.Mark | None, loader: type) -> _StrayQuote | None:
    """The first quoted text before a syntax error at `problem` that runs on over lines as no
    one would mean it to, such as `prompt: "How many ships sank?` closed by the first quote
    mark of `quote: "Three ships sank"` three lines down. Such a text takes in a `key:` or
    `- ` line no deeper than the key it belongs to; a text that goes on over indented lines
    is valid YAML, and is left alone."""
    if problem is None:
        return None
    lines = text.split("\n")
    try:
        for token in yaml.scan(text, Loader=loader):
            if token.start_mark.index >= problem.index:
                break
            if not isinstance(token, yaml.ScalarToken) or token.style not in ("'", '"'):
                continue
            first, last = token.start_mark.line, token.end_mark.line
            if first == last:
                continue
            depth = _KEY_COLUMN.match(lines[first]).end()  # type: ignore[union-attr]
            if any(_KEY_LINE.match(line) and _indent(line) <= depth
                   for line in lines[first + 1:last + 1]):
                return _StrayQuote(token.start_mark, token.style, last + 1)
    except yaml.YAMLError:
        pass  # the scanner's own error comes after the tokens that matter
    return None


# Where a line's key or value starts, after its indent and list dashes (4 in `  - id: x`).
_KEY_COLUMN = re.compile(r" *(?:-(?: +|$))*")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


