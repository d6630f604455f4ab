"""The quality report: per article, how many questions of each type and how they fare on the
automatic checks (answer stated in the cited text, distractors distinct and of the answer's
kind, no answer in the stem, no duplicates)."""

from __future__ import annotations

import math
import re
import sys
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.core.model import QUESTION_TYPES, ChoiceQuestion, NumericQuestion
from quizapp.generate.entities import PARTIES
from quizapp.generate.questions import FACT_CHECK_PROMPT, ArticleFacts

CHECKS = ("answer in cited text", "distractors distinct", "distractors of the answer's kind",
          "answer not in stem", "no duplicates")
# The checks' column headings: short enough to stand whole above their column (a line under the
# table spells them out, and the list of failed checks names them in full).
HEADINGS = {"answer in cited text": "answer cited", "distractors distinct": "choices differ",
            "distractors of the answer's kind": "same kind", "answer not in stem": "not in stem",
            "no duplicates": "no duplicates"}
AnyQuestion = ChoiceQuestion | NumericQuestion


@dataclass
class ArticleReport:
    name: str
    words: int
    questions: list[AnyQuestion] = field(default_factory=list)
    passed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHECKS, 0))
    failures: list[str] = field(default_factory=list)
    scores: list[tuple[float, list[str]]] = field(default_factory=list)  # per question: confidence, concerns
    # Questions found a little below the bar, which the bank does not keep (the app lists them unticked):
    # each with its confidence and concerns.
    below: list[tuple[AnyQuestion, float, list[str]]] = field(default_factory=list)

    @property
    def per_600_words(self) -> float:
        return len(self.questions) * 600 / max(self.words, 1)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _number_forms(value: float) -> set[str]:
    v = int(value) if float(value).is_integer() else value
    return {f"{v}", f"{v:,}" if isinstance(v, int) else f"{v}"}


_NUM = re.compile(r"[$£€]?\d[\d,]*(?:\.\d+)?%?")


def _kind(text: str, af: ArticleFacts) -> str:
    """A coarse kind for a choice option: number, year, statement, or the name's kind."""
    t = text.strip()
    if re.fullmatch(r"1[89]\d\d|20\d\d", t):
        return "year"
    if _NUM.fullmatch(t):
        return "percent" if t.endswith("%") else "money" if t[0] in "$£€" else "number"
    if len(t.split()) > 6:
        return "statement"
    kind = af.names.kind(t) or ("party" if t in PARTIES else None)  # "SNP", which the article never named
    if kind in ("country", "city", "state", "person", "party", "org", "place"):
        return kind
    from quizapp.generate.gazetteer import load_gazetteer

    return load_gazetteer().kind_of(t) or "other"


def check_question(q: AnyQuestion, af: ArticleFacts, seen: dict[str, str]) -> list[str]:
    """The names of the automatic checks `q` fails."""
    failed = []
    cited = " ".join(q.cite.quotes) if q.cite else ""
    fc = _fold(cited)
    if isinstance(q, NumericQuestion):
        ok = any(f in cited for f in _number_forms(q.answer)) or _fold(q.answer) in fc
        if not ok:
            words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                     "nine": 9, "ten": 10}
            ok = any(n == q.answer and re.search(rf"\b{w}\b", cited, re.I) for w, n in words.items())
    elif q.prompt == FACT_CHECK_PROMPT:
        # The true statement is the cited sentence, less side words: all its words are cited (a
        # resolved "Its" becomes "Nintaro's", whose possessive "s" is no word of the article; a quote is
        # put as "X said: “...”" whoever the article had say it, "he said" or "told the BBC"; and
        # "a 800m euro loss" is put right as "an 800m euro loss"; "the case" is "the case between"
        # the two the cited sentence before sets against each other).
        ok = set(_fold(q.answer).split()) - {"s", "said", "a", "an", "between"} <= set(fc.split())
    else:
        ans = _fold(q.answer)
        ok = ans in fc or (ans.split() and ans.split()[-1] in fc.split())
    if not ok:
        failed.append("answer in cited text")
    if isinstance(q, ChoiceQuestion):
        folded = [_fold(o) for o in q.options]
        if len(set(folded)) != len(folded):
            failed.append("distractors distinct")
        kind = _kind(q.answer, af)
        if any(_kind(d, af) != kind for d in q.distractors):
            failed.append("distractors of the answer's kind")
    if q.prompt != FACT_CHECK_PROMPT:
        prompt = _fold(q.prompt.split("“")[0])
        ans = _fold(q.answer)
        if ans and re.search(rf"\b{re.escape(ans)}\b", prompt):
            failed.append("answer not in stem")
    key = _fold(q.prompt) + "|" + _fold(q.answer)
    if key in seen or (q.prompt != FACT_CHECK_PROMPT and _fold(q.prompt) in seen.values()):
        failed.append("no duplicates")
    seen[key] = _fold(q.prompt) if q.prompt != FACT_CHECK_PROMPT else key
    return failed


def build_report(articles: Sequence[str | Path], *, types: Sequence[str] = QUESTION_TYPES,
                 min_confidence: float | None = None) -> list[ArticleReport]:
    """Generate a bank per article and run the automatic checks on every question; at the generator's
    own bar, also list the questions found a little below it."""
    from quizapp.generate.api import confidence_bar, find_candidates, generate_candidates, review_candidates

    reports = []
    for path in articles:
        below = []
        if min_confidence is None:
            found = find_candidates([path], types=types)
            bar = confidence_bar()
            listed = review_candidates(found.candidates, bar)
            kept = [c for c in listed if c.trust >= bar]
            below = [(c.question, c.trust, list(c.concerns)) for c in listed if c.trust < bar]
            bank, af = found.bank(kept), found.facts[0]
        else:
            bank, facts, kept = generate_candidates([path], types=types, min_confidence=min_confidence)
            af = facts[0]
        words = sum(len(s.split()) for s in af.sentences)
        r = ArticleReport(Path(path).name, words, list(bank.questions),
                          scores=[(c.trust, list(c.concerns)) for c in kept], below=below)
        seen: dict[str, str] = {}
        for q in bank.questions:
            failed = check_question(q, af, seen)
            for c in CHECKS:
                if c not in failed:
                    r.passed[c] += 1
            for c in failed:
                r.failures.append(f"{c}: {q.id}: {q.prompt} -> {q.answer}")
        reports.append(r)
    return reports


def format_report(reports: list[ArticleReport]) -> str:
    """A plain-text table, one line per article and a total line."""
    lines = []
    head = f"{'article':44} {'words':>5} {'qs':>3} {'/600w':>5} {'choice':>6} {'numeric':>7} {'fact-check':>10} " + \
        " ".join(HEADINGS[c] for c in CHECKS)
    lines.append(head)

    def row(name: str, words: int, qs: list[AnyQuestion], passed: dict[str, int]) -> str:
        n = len(qs) or 1
        choice = sum(1 for q in qs if q.type == "choice" and q.prompt != FACT_CHECK_PROMPT)
        numeric = sum(1 for q in qs if q.type == "numeric")
        checks = sum(1 for q in qs if q.prompt == FACT_CHECK_PROMPT)
        per = len(qs) * 600 / max(words, 1)
        return (f"{name[:44]:44} {words:5} {len(qs):3} {per:5.1f} {choice:6} {numeric:7} {checks:10} "
                + " ".join(f"{100 * passed[c] / n:{len(HEADINGS[c]) - 1}.0f}%" if qs else f"{'-':>{len(HEADINGS[c])}}"
                           for c in CHECKS))

    for r in reports:
        lines.append(row(r.name, r.words, r.questions, r.passed))
    total_q = [q for r in reports for q in r.questions]
    total_p = {c: sum(r.passed[c] for r in reports) for c in CHECKS}
    lines.append(row("TOTAL", sum(r.words for r in reports), total_q, total_p))
    # Each "heading = check" is kept on one line: textwrap breaks at ASCII spaces only.
    legend = ", ".join(f"{HEADINGS[c]} = {c}".replace(" ", "\xa0") for c in CHECKS if HEADINGS[c] != c)
    lines += [line.replace("\xa0", " ") for line in textwrap.wrap(
        f"(each check's column is the share of questions that pass it; {legend})", 100)]
    lines.append("")
    lines.append("questions, with the generator's confidence that a reviewer would accept each:")

    def listed(name: str, q: AnyQuestion, trust: float, concerns: list[str]) -> str:
        shown = str(q.answer) if q.prompt != FACT_CHECK_PROMPT else "(statement) " + str(q.answer)
        why = f"  [{'; '.join(concerns)}]" if concerns else ""
        # rounded down, as the app's review list shows it: 84.6% below a bar of 85% is no "85%"
        return (f"  {name[:30]:30} {math.floor(trust * 100):3d}%  {q.prompt if q.prompt != FACT_CHECK_PROMPT else ''}"
                f" -> {shown}{why}").replace("   -> ", "  ")

    for r in reports:
        for q, (trust, concerns) in zip(r.questions, r.scores, strict=True):
            lines.append(listed(r.name, q, trust, concerns))
    below = [(r.name, *b) for r in reports for b in r.below]
    if not below and not any(r.questions for r in reports):
        lines.append("  none, not even a little below the bar (`--min-confidence 0` lists everything found)")
    if below:
        lines.append("")
        lines.append("found a little below the bar, not in the bank (the app lists them unticked, to rescue):")
        lines += [listed(*b) for b in below]
    fails = [f"{r.name}: {f}" for r in reports for f in r.failures]
    if fails:
        lines.append("")
        lines.append("failed checks:")
        lines += [f"  {f}" for f in fails]
    return "\n".join(lines)


def print_report(articles: Sequence[str | Path], *, types: Sequence[str] = QUESTION_TYPES,
                 min_confidence: float | None = None) -> int:
    """Print the report; exit code 0 when every automatic check is at 100%, else 1."""
    reports = build_report(articles, types=types, min_confidence=min_confidence)
    print(format_report(reports))
    return 0 if all(not r.failures for r in reports) else 1


if __name__ == "__main__":  # python -m quizapp.generate.report ARTICLE...
    sys.exit(print_report(sys.argv[1:]))
