"""Reading and writing bank files, with every problem reported as path:line:col."""

from __future__ import annotations

import contextlib
import difflib
import gc
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from quizapp.core.article import ARTICLE_SUFFIXES, Article, load_article
from quizapp.core.atomic import write_text_atomic
from quizapp.core.errors import ArticleError, BankError, Problem, Severity
from quizapp.core.model import (
    QUESTION_TYPES,
    Bank,
    ChoiceQuestion,
    Citation,
    NumericQuestion,
    Question,
    Source,
    source_key,
)
from quizapp.core.yaml_syntax import explain_syntax_error
from quizapp.paths import BANK_SUFFIXES

try:  # the libyaml C loader is several times faster where it is installed
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while work makes many objects that are not garbage: it would walk
    them, and the whole of a large bank already loaded, again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class BankLoader(SafeLoader):  # type: ignore[misc,valid-type]
    """A safe loader where only true/false are booleans (YAML 1.2), so `answer: no` stays text."""


BankLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}
BankLoader.add_implicit_resolver("tag:yaml.org,2002:bool",
                                 re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))

MAX_BANK_BYTES = 50 * 1024 * 1024
# A bound on the values a document may expand to, so that aliases of aliases
# ("billion laughs") give an error instead of running for ever.
MAX_NODES = 2_000_000

AnyQuestion = ChoiceQuestion | NumericQuestion
_question_adapter: TypeAdapter[AnyQuestion] = TypeAdapter(Question)


@dataclass
class LoadedBank:
    """A bank that loaded without errors, with its articles and citation offsets resolved."""

    path: Path
    bank: Bank
    articles: dict[str, Article] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.bank.title

    def article_for(self, question: AnyQuestion) -> Article | None:
        """The article a question cites, or None when it has no citation."""
        if question.cite is None:
            return None
        key = source_key(self.bank, question.cite)
        return self.articles.get(key) if key else None


@dataclass
class BankCheck:
    """The result of checking one bank file: the bank when it loaded, and all problems."""

    path: Path
    loaded: LoadedBank | None
    problems: list[Problem]
    # The file's `title:` when it reads as YAML, even with errors elsewhere: a bank whose question
    # lacks its answer is still "Floods in the valley" to the person who wrote it, not floods.yaml.
    title: str | None = None
    # The article files its sources name, found or not (beside the bank, as written): a bank whose quote is
    # not in its article is fixed by fixing the article too, and the library watches them for that.
    articles: list[Path] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return self.loaded is not None


# --- public API ------------------------------------------------------------


def load_bank(path: str | Path) -> LoadedBank:
    """Load a bank file; raise BankError listing every problem when it has errors."""
    check = check_bank(path)
    if check.loaded is None:
        raise BankError(check.errors)
    return check.loaded


def check_bank(path: str | Path, *, article_cache: dict[Path, Article | ArticleError] | None = None
               ) -> BankCheck:
    """Check a bank file and load it when it has no errors. Never raises for bad input."""
    return _Checker(Path(path), article_cache if article_cache is not None else {}).run()


def check_bank_text(text: str, path: str | Path) -> BankCheck:
    """Check bank text as if it were the file at `path` (sources resolve beside it)."""
    return _Checker(Path(path), {}, text).run()


def check_paths(paths: Iterable[str | Path]) -> list[BankCheck]:
    """Check every bank file named, and every bank file in the folders named."""
    cache: dict[Path, Article | ArticleError] = {}
    return [check_bank(p, article_cache=cache) for p in iter_bank_files(paths)]


def iter_bank_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The bank files among `paths`, looking into folders (sorted, not recursive into dot dirs)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if (child.suffix.lower() in BANK_SUFFIXES and child.is_file()
                        and not any(part.startswith(".") for part in child.relative_to(p).parts)):
                    yield child
        else:
            yield p


def save_bank(bank: Bank, path: str | Path, *, from_dir: str | Path | None = None) -> None:
    """Write a bank atomically, in block style with a stable key order.

    `from_dir` is the folder the bank's source paths are relative to now; when it
    differs from the target's folder (Save As), the paths are rewritten to match.
    """
    path = Path(path)
    if from_dir is not None and Path(from_dir).resolve() != path.parent.resolve():
        bank = rebase_sources(bank, Path(from_dir), path.parent)
    write_text_atomic(path, dump_bank(bank))


def dump_bank(bank: Bank) -> str:
    """The bank as YAML text, as `save_bank` writes it."""
    return dump_bank_data(bank.model_dump(exclude_none=True))


def rebase_sources(bank: Bank, old_dir: Path, new_dir: Path) -> Bank:
    """A copy of `bank` whose source paths are relative to `new_dir` instead of `old_dir`."""
    sources = {}
    for key, src in bank.sources.items():
        target = (old_dir / src.file).resolve()
        rel = os.path.relpath(target, new_dir.resolve())
        sources[key] = src.model_copy(update={"file": Path(rel).as_posix()})
    return bank.model_copy(update={"sources": sources})


# --- writing ---------------------------------------------------------------

_QUESTION_KEYS = ("id", "type", "prompt", "answer", "distractors", "tolerance", "min", "max",
                  "unit", "cite", "explanation", "tags", "difficulty")


_BANK_KEYS = ("format", "title", "description", "sources", "questions")


def order_bank_data(data: dict[str, Any]) -> dict[str, Any]:
    """Bank data (valid or not) with keys in the file's reading order and empty values dropped.

    Unknown keys are kept, after the known ones, so that nothing a person typed is lost.
    """
    out = _ordered(data, _BANK_KEYS)
    questions = out.get("questions")
    if isinstance(questions, list):
        out["questions"] = [_ordered(q, _QUESTION_KEYS) if isinstance(q, dict) else q
                            for q in questions]
    return out


def _ordered(data: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    known = [k for k in keys if k in data]
    rest = [k for k in data if k not in keys]
    out = {}
    for k in known + rest:
        v = data[k]
        if v is None or (k in ("tags", "description", "explanation") and not v):
            continue
        if k == "cite" and isinstance(v, dict) and v.get("source") is None:
            v = {kk: vv for kk, vv in v.items() if kk != "source"}
        out[k] = v
    return out


def dump_bank_data(data: dict[str, Any]) -> str:
    """YAML text for bank data as `save_bank` writes it, whether or not the data is valid."""
    return yaml.dump(order_bank_data(data), Dumper=_BankDumper, allow_unicode=True,
                     sort_keys=False, default_flow_style=False, width=1_000_000, indent=2)


class _BankDumper(yaml.SafeDumper):
    """Block style with list items indented under their key, as people write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.BaseDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_BankDumper.add_representer(str, _represent_str)


# --- checking --------------------------------------------------------------

Loc = tuple[str | int, ...]


@dataclass
class _CiteOnly:
    """A question too broken to check as a whole (`type: numerc`), but whose citation can be."""

    cite: Citation | None


def _common_errors(item: dict[str, Any]) -> list[Any]:
    """The validation errors of a question of unknown type that it would have as any known type:
    a missing `prompt` or `answer` is wrong whichever type was meant, a `tolerance` is not."""
    by_type = []
    for kind in QUESTION_TYPES:
        try:
            _question_adapter.validate_python({**item, "type": kind})
            return []  # valid as this type: only the type is wrong
        except ValidationError as exc:
            by_type.append(exc.errors(include_url=False))
        except RecursionError:
            return []

    def key(err: Any) -> tuple[Any, ...]:
        return tuple(err["loc"][1:]), err["type"]  # (the first part of the place is the type)

    others = [{key(err) for err in errors} for errors in by_type[1:]]
    return [err for err in by_type[0] if all(key(err) in keys for keys in others)]


def _without(item: dict[str, Any], paths: Iterable[tuple[str, ...]]) -> dict[str, Any]:
    """A copy of a question's data without the keys at `paths` (such as ("cite", "page"))."""
    out = dict(item)
    for path in paths:
        holder = out
        for part in path[:-1]:
            holder[part] = dict(holder[part])  # copied before a key is removed from it
            holder = holder[part]
        holder.pop(path[-1], None)
    return out


@dataclass
class _Found:
    loc: Loc
    message: str
    severity: Severity = Severity.ERROR
    at_key: bool = False  # point at the key rather than its value
    form: str = ""  # the message in the editor form's words, when they differ


def _written_title(data: dict[str, Any]) -> str | None:
    """The `title:` of parsed bank data, on one line, when it is text that is not blank."""
    title = data.get("title")
    if not isinstance(title, str):
        return None
    return " ".join(title.split()) or None


class _Checker:
    def __init__(self, path: Path, cache: dict[Path, Article | ArticleError],
                 text: str | None = None) -> None:
        self.path = path
        self.cache = cache
        self.found: list[_Found] = []
        self.fixed: list[Problem] = []  # problems whose line is already known
        self.given_text = text
        self.text = ""

    def run(self) -> BankCheck:
        # Parsing and validating make hundreds of thousands of small objects, none of
        # them garbage.
        with collector_paused():
            return self._run()

    def _run(self) -> BankCheck:
        data = self._parse()
        if data is None:
            return BankCheck(self.path, None, self.fixed)
        title = _written_title(data)
        bank = self._validate(data)
        questions = bank.questions if bank else self._questions_one_by_one(data)
        sources = bank.sources if bank else self._sources_one_by_one(data)
        articles = self._check_sources(sources)
        self._check_ids(data.get("questions"))
        self._check_questions(questions, sources, articles)
        problems = self.fixed + self._locate(self.found)
        loaded = None
        if bank is not None and not any(p.is_error for p in problems):
            loaded = LoadedBank(self.path, bank, articles,
                                [p for p in problems if not p.is_error])
        return BankCheck(self.path, loaded, problems, title, [self.path.parent / s.file for s in sources.values()])

    # parsing

    def _problem(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.fixed.append(Problem(self.path, line, column, message))

    def _parse(self) -> dict[str, Any] | None:
        if self.given_text is None:
            if not self._read():
                return None
        else:
            self.text = self.given_text
        return self._load_yaml()

    def _read(self) -> bool:
        path = self.path
        if path.suffix.lower() not in BANK_SUFFIXES:
            self._problem("not a bank file: a bank is a .yaml or .yml file")
            return False
        try:
            if path.stat().st_size > MAX_BANK_BYTES:
                self._problem(f"the file is larger than {MAX_BANK_BYTES // 2**20} MB: "
                              "split it into several banks")
                return False
            raw = path.read_bytes()
        except FileNotFoundError:
            self._problem("file not found: check the path")
            return False
        except IsADirectoryError:
            self._problem("is a folder, not a bank file")
            return False
        except OSError as exc:
            self._problem(f"cannot be read: {exc.strerror}")
            return False
        try:
            self.text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            self._problem("the file is not UTF-8 text: save it as UTF-8 in your editor", line, col)
            return False
        return True

    def _load_yaml(self) -> dict[str, Any] | None:
        try:
            data = yaml.load(self.text, Loader=BankLoader)
        except yaml.MarkedYAMLError as exc:
            what, mark = explain_syntax_error(exc, self.text, BankLoader)
            self._problem(what,
                          mark.line + 1 if mark else None, mark.column + 1 if mark else None)
            return None
        except yaml.YAMLError as exc:
            self._problem(f"YAML error: {exc}")
            return None
        except RecursionError:
            self._problem("the file is nested too deeply to be a bank")
            return None
        if data is None:
            self._problem("the file is empty: a bank needs at least `title:` and `questions:`", 1, 1)
            return None
        if not isinstance(data, dict):
            self._problem("a bank must be a mapping with `title:`, `sources:` and `questions:`",
                          1, 1)
            return None
        if _has_anchor(self.text) and _too_big(data):
            self._problem("the document expands to too many values (aliases of aliases?): "
                          "write the bank out without them")
            return None
        return data

    # structure

    def _validate(self, data: dict[str, Any]) -> Bank | None:
        try:
            return Bank.model_validate(data)
        except ValidationError as exc:
            self._add_validation_errors(exc.errors(include_url=False), (), data)
        except RecursionError:
            self._problem("the file is nested too deeply to be a bank")
        return None

    def _add_validation_errors(self, errors: list[Any], prefix: Loc, data: Any) -> None:
        suggestions: set[tuple[Loc, str]] = set()
        pending: list[_Found] = []
        seen: set[tuple[Loc, str]] = set()
        for err in errors:
            loc = _strip_loc(prefix + tuple(err["loc"]))
            kind = err["type"]
            if kind == "extra_forbidden":
                key = str(loc[-1])
                allowed = _allowed_keys(loc[:-1], data)
                close = _closest_key(key, allowed)
                msg = f"`{key}` is not a key of {_holder(loc[:-1], key, data)}"
                if close:
                    msg += f": did you mean `{close}`?"
                    suggestions.add((loc[:-1], close))
                elif allowed:
                    msg += f": its keys are {', '.join(allowed)}"
                self.found.append(_Found(loc, msg, at_key=True))
                continue
            if _other_branch(kind, loc, data):
                continue
            msg, loc, form = _friendly(kind, loc, err, data)
            if (loc, msg) in seen:
                continue
            seen.add((loc, msg))
            pending.append(_Found(loc, msg, at_key=kind == "missing", form=form))
        for f in pending:
            if f.message.startswith("missing") and (f.loc[:-1], str(f.loc[-1])) in suggestions:
                continue  # the typo's did-you-mean says it already
            self.found.append(f)

    def _questions_one_by_one(self, data: dict[str, Any]) -> list[AnyQuestion | _CiteOnly | None]:
        """Each question, or what can still be checked of one with errors (None: nothing)."""
        raw = data.get("questions")
        if not isinstance(raw, list):
            return []
        out: list[AnyQuestion | _CiteOnly | None] = []
        for i, item in enumerate(raw):
            try:
                out.append(_question_adapter.validate_python(item))
            except (ValidationError, RecursionError):
                out.append(self._question_with_errors(item, ("questions", i), data))
        return out

    def _question_with_errors(self, item: Any, base: Loc, data: dict[str, Any]) -> AnyQuestion | _CiteOnly | None:
        """What of a question with errors the meaning checks can still see, so that one run
        reports all its problems: a misspelt key (`distractor:`) leaves the rest of the question
        to check, and any question keeps its citation to look up in the article."""
        if not isinstance(item, dict):
            return None
        if item.get("type") not in QUESTION_TYPES:
            # Validation stopped at the type, so nothing else of the question was checked: report
            # what is wrong whichever type was meant (no `prompt`, no `answer`, a bad `cite`).
            self._add_validation_errors(_common_errors(item), base, data)
        else:
            unknown = unknown_keys(item)
            with contextlib.suppress(ValidationError, RecursionError):
                # Its misspelt keys are reported already; the question without them may be whole.
                return _question_adapter.validate_python(_without(item, unknown)) if unknown else None
        if item.get("cite") is None:
            return _CiteOnly(None)
        try:
            return _CiteOnly(Citation.model_validate(item["cite"]))
        except (ValidationError, RecursionError):
            return None  # the citation's own errors are reported already

    def _sources_one_by_one(self, data: dict[str, Any]) -> dict[str, Source]:
        raw = data.get("sources")
        out: dict[str, Source] = {}
        if isinstance(raw, dict):
            for key, value in raw.items():
                with contextlib.suppress(ValidationError, RecursionError):
                    out[str(key)] = Source.model_validate(value)
        return out

    # meaning

    def _check_sources(self, sources: dict[str, Source]) -> dict[str, Article]:
        articles: dict[str, Article] = {}
        for key, src in sources.items():
            loc: Loc = ("sources", key, "file")
            file = self.path.parent / src.file
            if Path(src.file).suffix.lower() not in ARTICLE_SUFFIXES:
                self.found.append(_Found(loc, f"`{src.file}` is not an article file: "
                                              "a source is a .txt, .md or .html file"))
                continue
            resolved = file.resolve()
            cached = self.cache.get(resolved)
            if cached is None:
                try:
                    cached = load_article(file)
                except ArticleError as exc:
                    cached = exc
                self.cache[resolved] = cached
            if isinstance(cached, ArticleError):
                p = cached.problems[0]
                if "not found" in p.message:
                    msg = (f"source file `{src.file}` not found (looked for {file}): the path "
                           "is relative to this bank file")
                else:
                    msg = f"source `{src.file}`: {p}"
                self.found.append(_Found(loc, msg))
                continue
            articles[key] = cached
        return articles

    def _check_questions(self, questions: list[AnyQuestion | _CiteOnly | None],
                         sources: dict[str, Source], articles: dict[str, Article]) -> None:
        for i, q in enumerate(questions):
            if q is None:
                continue
            base: Loc = ("questions", i)
            if isinstance(q, ChoiceQuestion):
                self._check_options(q, base)
            self._check_citation(q.cite, base, sources, articles)

    def _check_ids(self, raw: Any) -> None:
        # On the raw data, so that a duplicate is found even in questions with other errors.
        if not isinstance(raw, list):
            return
        first_seen: dict[str, int] = {}
        for i, item in enumerate(raw):
            qid = item.get("id") if isinstance(item, dict) else None
            if not isinstance(qid, str | int) or isinstance(qid, bool):
                continue
            qid = str(qid).strip()
            if qid in first_seen:
                self.found.append(_Found(
                    ("questions", i, "id"), f"duplicate id `{qid}` (also question "
                    f"{first_seen[qid] + 1}): give each question its own id",
                    form=f"Question {first_seen[qid] + 1} has this id too: give each question its own id"))
            else:
                first_seen[qid] = i

    def _check_options(self, q: ChoiceQuestion, base: Loc) -> None:
        seen = {_fold(q.answer): 0}
        for j, d in enumerate(q.distractors, 1):
            key = _fold(d)
            if key in seen:
                k = seen[key]
                self.found.append(_Found(
                    (*base, "distractors", j - 1), f"distractor `{d}` is the same as "
                    f"{f'distractor {k}' if k else 'the answer'}: every choice must differ",
                    form=f"Wrong answer {j}, “{d}”, is the same as "
                    f"{f'wrong answer {k}' if k else 'the answer'}: every choice must differ"))
            else:
                seen[key] = j

    def _check_citation(self, cite: Citation | None, base: Loc, sources: dict[str, Source],
                        articles: dict[str, Article]) -> None:
        if cite is None:
            # At `cite`, which is missing: the line is the question's first.
            self.found.append(_Found((*base, "cite"), "no citation: add `cite:` with a quote from "
                                     "the article that proves the answer", Severity.WARNING,
                                     form="No citation yet: add the sentence from the article "
                                     "that proves the answer"))
            return
        if cite.source is None:
            if len(sources) != 1:
                choices = ", ".join(sources) or "none defined"
                self.found.append(_Found((*base, "cite"), "the citation names no `source`: "
                                         f"add `source:` with one of: {choices}", at_key=True,
                                         form="Choose the article the citation comes from"))
                return
            key = next(iter(sources))
        else:
            key = cite.source
            if key not in sources:
                close = difflib.get_close_matches(key, list(sources), n=1)
                hint = f": did you mean `{close[0]}`?" if close else (
                    f": the sources are {', '.join(sources)}" if sources else
                    ": add it under `sources:`")
                self.found.append(_Found((*base, "cite", "source"),
                                         f"unknown source `{key}`{hint}",
                                         form=f"`{key}` is not one of the bank's articles: choose "
                                         "the article the citation comes from"))
                return
        article = articles.get(key)
        if article is None:
            return  # its problem is reported at the source
        spans = []
        for j, quote in enumerate(cite.quotes):
            span = article.find_quote(quote)
            if span is None:
                loc = base + ("cite", "quote") + ((j,) if isinstance(cite.quote, list) else ())
                closest = article.closest_sentence(quote)
                msg = (f"the quote is not in the article `{sources[key].file}`: copy it "
                       "exactly from the article")
                form = (f"This is not in the article {sources[key].file}: select the sentence in "
                        "the article and press Use as citation")
                if closest:
                    msg += f'; the closest sentence is "{_shorten(closest)}"'
                    form += f'. The closest sentence is "{_shorten(closest)}"'
                self.found.append(_Found(loc, msg, form=form))
            else:
                spans.append(span)
        cite._spans = spans

    # positions

    def _locate(self, found: list[_Found]) -> list[Problem]:
        if not found:
            return []
        try:
            root = yaml.compose(self.text, Loader=BankLoader)
        except (yaml.YAMLError, RecursionError):  # pragma: no cover - it parsed before
            root = None
        problems = []
        for f in found:
            line = col = None
            if root is not None:
                mark = _mark_for(root, f.loc, f.at_key)
                line, col = mark.line + 1, mark.column + 1
            problems.append(Problem(self.path, line, col, f.message, f.severity, f.loc, f.form))
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        return problems


def _mark_for(root: yaml.Node, loc: Loc, at_key: bool) -> yaml.Mark:
    node = root
    for n, part in enumerate(loc):
        last = n == len(loc) - 1
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if str(key_node.value) == str(part):
                    if last and at_key:
                        return key_node.start_mark
                    node = value_node
                    break
            else:
                return node.start_mark
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return node.start_mark
            node = node.value[part]
        else:
            return node.start_mark
    return node.start_mark


def _strip_loc(loc: Loc) -> Loc:
    """Drop pydantic's union branch names so the path follows the file's keys."""
    out: list[str | int] = []
    for i, part in enumerate(loc):
        if (i == 2 and loc[0] == "questions" and part in QUESTION_TYPES) or (
                isinstance(part, str) and ("[" in part or part in _BRANCHES) and out
                and out[-1] in _UNION_FIELDS):
            continue
        out.append(part)
    return tuple(out)


_BRANCHES = {"str", "int", "float", "list", "date", "function-after", "constrained-str"}
_UNION_FIELDS = {"quote", "answer", "tolerance", "min", "max", "date", "cite"}


def _allowed_keys(loc: Loc, data: Any) -> list[str]:
    if loc == ():
        return list(Bank.model_fields)
    if loc[0] == "sources" and len(loc) == 2:
        return list(Source.model_fields)
    if loc[0] == "questions" and len(loc) >= 2:
        q = _get(data, loc[:2])
        kind = q.get("type") if isinstance(q, dict) else None
        model = NumericQuestion if kind == "numeric" else ChoiceQuestion
        if len(loc) == 2:
            return list(model.model_fields)
        if loc[2] == "cite":
            return list(Citation.model_fields)
    return []


def unknown_keys(question: Any) -> dict[tuple[str, ...], str | None]:
    """The keys of a question's data that the format does not know, each with the known key
    it resembles: {("distractor",): "distractors", ("cite", "page"): None}."""
    if not isinstance(question, dict):
        return {}
    out: dict[tuple[str, ...], str | None] = {}
    holders: list[tuple[Loc, Any]] = [((), question)]
    if isinstance(question.get("cite"), dict):
        holders.append((("cite",), question["cite"]))
    for inner, mapping in holders:
        allowed = _allowed_keys(("questions", 0, *inner), {"questions": [question]})
        for key in mapping:
            if str(key) not in allowed:
                out[(*inner, str(key))] = _closest_key(str(key), allowed)
    return out


def _closest_key(key: str, allowed: list[str]) -> str | None:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _holder(loc: Loc, key: str, data: Any) -> str:
    """What the mapping at `loc` is, for a message: "the bank", "a question", ..."""
    if loc == ():
        return "the bank"
    if loc[0] == "sources":
        return "a source"
    if len(loc) > 2 and loc[2] == "cite":
        return "a citation"
    # A key of the other type (`unit` in a choice question) says which type has it.
    if _get(data, (*loc[:2], "type")) == "numeric" and key in ChoiceQuestion.model_fields:
        return "a numeric question (only multiple-choice questions have it)"
    if _get(data, (*loc[:2], "type")) == "choice" and key in NumericQuestion.model_fields:
        return "a multiple-choice question (only numeric questions have it)"
    return "a question"


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


_MISSING_HINTS = {
    "title": "add `title:` with the bank's name",
    "id": "add `id:` with a short name that stays when you reword the question",
    "type": "add `type: choice` or `type: numeric`",
    "prompt": "add `prompt:` with the question",
    "answer": "add `answer:` with the right answer",
    "distractors": "add `distractors:` with at least one wrong answer",
    "quote": "add `quote:` with the sentence from the article that proves the answer",
    "file": "add `file:` with the article's path, relative to this bank",
}

# What the editor's form asks for when a field is missing or empty.
_FORM_ASKS = {
    "title": "Write the bank's title",
    "id": "Give the question an id: a short name that stays when you reword it",
    "type": "Choose the type of question",
    "prompt": "Write the question's prompt",
    "answer": "Write the right answer",
    "distractors": "Add at least one wrong answer, one per line",
    "quote": "Add the sentence that proves the answer: select it in the article and press "
             "Use as citation",
}

def form_ask(key: str) -> str:
    """What the editor's form asks for when the required `key` is missing ("Write the right answer");
    empty for a key that may be left out."""
    return _FORM_ASKS.get(key, "")


# The form's names of the fields, to begin a sentence.
_FORM_NAMES = {"answer": "The answer", "tolerance": "The tolerance", "min": "The minimum",
               "max": "The maximum", "unit": "The unit", "explanation": "The explanation",
               "difficulty": "The difficulty"}

# The form reads "4,500" and "4 500" as 4500 (a file's YAML does not).
_FORM_NUMBER = "{} must be a number, such as 4500 or 4,500"


def _friendly(kind: str, loc: Loc, err: dict[str, Any], data: Any) -> tuple[str, Loc, str]:
    """The file's message for a validation error, where it belongs, and the form's message."""
    name = str(loc[-1]) if loc else "bank"
    form_name = _FORM_NAMES.get(name, f"`{name}`")
    if kind == "missing" or (kind == "string_too_short" and name in _FORM_ASKS) or (
            kind == "too_short" and name == "distractors"):
        file_msg = (f"missing `{name}`: {_MISSING_HINTS.get(name, f'add `{name}:`')}"
                    if kind == "missing" else
                    "`distractors` is empty: give at least one wrong answer" if kind == "too_short"
                    else f"`{name}` is empty: write some text or remove the key")
        return file_msg, loc, _FORM_ASKS.get(name, "")
    if kind == "union_tag_invalid":
        tag = err.get("ctx", {}).get("tag")
        return (f"unknown question type `{tag}`: use `type: choice` or `type: numeric`",
                (*loc, "type"), "")
    if kind == "union_tag_not_found":
        return "missing `type`: add `type: choice` or `type: numeric`", loc, ""
    numeric = len(loc) >= 3 and _get(data, (*loc[:2], "type")) == "numeric"
    if name == "answer" and len(loc) == 3 and numeric:
        value = _get(data, loc)
        return (f"the answer of a numeric question must be a number, not {value!r}: write "
                "4500, not \"4,500\" or \"about 4500\" (put a hedge in the prompt and a "
                "`tolerance:`)"), loc, (_FORM_NUMBER.format("The answer") + ': for “about 4,500”, '
                                        "put “about” in the prompt and a margin in Tolerance")
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if name in ("min", "max") and numeric and "number" in msg:
        return f"`{name}`: {msg}", loc, _FORM_NUMBER.format(form_name)
    if name == "tolerance" and numeric:
        form = (f"{form_name} {msg}" if "negative" in msg else
                f"{form_name} must be a number (50) or a percentage (5%); leave it empty for an "
                "exact answer")
        return f"`{name}`: {msg}", loc, form
    if len(loc) == 2 and loc[0] == "questions" and msg.startswith("the answer "):
        # The range check of the whole question: it belongs beside the answer.
        return msg, (*loc, "answer"), msg.replace("the answer", "The answer", 1).replace(
            " min ", " the minimum ").replace(" max ", " the maximum ")
    if kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        want = {"list_type": "a list (lines starting with `- `)",
                "dict_type": "a mapping (`key: value` lines)",
                "model_type": "a mapping (`key: value` lines)",
                "model_attributes_type": "a mapping (`key: value` lines)"}[kind]
        return f"`{name}` must be {want}", loc, ""
    if isinstance(loc[-1], int) and len(loc) > 1:
        name = f"{loc[-2]}[{loc[-1] + 1}]"  # the 2nd of `distractors`: `distractors[2]`
    if kind == "string_too_short":
        return f"`{name}` is empty: write some text or remove it", loc, ""
    if kind == "literal_error" and name == "difficulty":
        return "`difficulty` must be easy, medium or hard", loc, ""
    if kind == "literal_error" and name == "format":
        return "unsupported `format`: this version of quizapp reads format 1", loc, ""
    return f"`{name}`: {msg[:1].lower()}{msg[1:]}", loc, ""


def _other_branch(kind: str, loc: Loc, data: Any) -> bool:
    """Whether an error is about the branch of a `text or list` field that the value is not
    (`quote: ""` is an empty text, not a wrong list)."""
    if not loc or loc[-1] not in ("quote", "tolerance"):
        return False
    value = _get(data, loc)
    return (kind == "list_type" and isinstance(value, str)) or (
        kind == "string_type" and isinstance(value, list))


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


_ANCHOR = re.compile(r"&\S")  # a literal first: the scan of a big file stays fast


def _has_anchor(text: str) -> bool:
    """Whether the YAML text may define an anchor (`&name`), so aliases may expand it."""
    return any(m.start() == 0 or text[m.start() - 1] in " \t\n[{,:-" for m in _ANCHOR.finditer(text))


def _too_big(data: Any) -> bool:
    count = 0
    stack = [data]
    while stack:
        item = stack.pop()
        count += 1
        if count > MAX_NODES:
            return True
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
