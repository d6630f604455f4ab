"""A bank being edited: raw data that may be invalid while a teacher types, never lost.

The editor keeps the bank as plain data (what the YAML file holds), changes it one
field at a time, checks it with the same checker as the loader, and saves it
atomically with a backup of the previous file beside it.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from quizapp.core.atomic import write_text_atomic
from quizapp.core.bank import BankCheck, check_bank_text, dump_bank_data
from quizapp.core.errors import QuizappError
from quizapp.core.model import is_generated, key_for_file

QuestionData = dict[str, Any]


class DraftError(QuizappError):
    """A bank file could not be opened or saved; the message says why and where."""


@dataclass(frozen=True)
class Comment:
    """A comment of a bank's YAML text, which a save from data drops."""

    line: int  # 1-based, in the text it was read from
    text: str  # "# checked twice", as written


@dataclass
class BankDraft:
    """The editable state of one bank file."""

    path: Path
    data: dict[str, Any]
    # The text the file had when it was last read or written by us, to tell our own
    # writes from changes made by another program.
    disk_text: str | None = None
    # The comments of the file, and of text typed while the bank was edited as text, which
    # saving will drop (the opening ones, in `header`, are kept).
    comments: list[Comment] = field(default_factory=list)
    # The comment lines that open the file, kept as they are on every save: the
    # "# yaml-language-server: $schema=..." line an editor checks the file with, a note
    # on who wrote the bank.
    header: str = ""
    # Set when the file could not be parsed: the raw text, to be fixed as text.
    broken_text: str | None = None
    # Keys of the file that are not in the order saving writes them (question numbers,
    # 0 for the bank itself).
    reordered: list[int] = field(default_factory=list)
    # Numbers the file holds as text ("answer: 4,500" is a string in YAML), read as the form reads
    # them when typed: what the editor has differs from the file until it is saved.
    numbers_read: list[str] = field(default_factory=list)
    # The comments (by their text) and reordered questions the teacher agreed to lose on saving: a
    # comment typed after that is asked about again.
    accepted_comments: set[str] = field(default_factory=set)
    accepted_reordered: set[int] = field(default_factory=set)

    def lost_comments(self, *, elsewhere: bool = False) -> list[Comment]:
        """The comments a save drops that the teacher has not agreed to lose. `elsewhere`: a save
        to another file, which leaves this one as it is: only comments not in it are lost."""
        if self.broken_text is not None:
            return []  # the text is saved as it is
        return [c for c in self.comments if c.text not in self.accepted_comments
                and not (elsewhere and c.text in (self.disk_text or ""))]

    def layout_losses(self, *, elsewhere: bool = False) -> list[str]:
        """What of the bank's own text a save from the editor will not keep, and the teacher has
        not agreed to lose (see `lost_comments` for `elsewhere`)."""
        losses = []
        comments = self.lost_comments(elsewhere=elsewhere)
        if comments:
            named = ", ".join(f'line {c.line} "{c.text if len(c.text) <= 60 else c.text[:59] + "…"}"'
                              for c in comments[:6])
            more = " …" if len(comments) > 6 else ""
            losses.append(f"the comments ({named}{more})")
        reordered = [] if elsewhere or self.broken_text is not None else [
            n for n in self.reordered if n not in self.accepted_reordered]
        if reordered:
            where = ", ".join("the bank" if n == 0 else f"question {n}" for n in reordered[:6])
            more = " …" if len(reordered) > 6 else ""
            losses.append(f"the order of the keys in {where}{more} (saving puts them in the "
                          "standard order: id, type, prompt, answer, …)")
        return losses

    def accept_layout_losses(self) -> None:
        """The teacher agreed to lose what `layout_losses` names: saves no longer ask about it."""
        self.accepted_comments.update(c.text for c in self.comments)
        self.accepted_reordered.update(self.reordered)

    # --- opening and saving --------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> BankDraft:
        """Read a bank file for editing; a file that does not parse opens as text to fix."""
        path = Path(path)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            raise DraftError(f"{path}: file not found") from None
        except UnicodeDecodeError:
            raise DraftError(f"{path}: the file is not UTF-8 text: save it as UTF-8 "
                             "in a text editor first") from None
        except OSError as exc:
            raise DraftError(f"{path}: cannot be read: {exc.strerror}") from None
        return cls.from_text(path, text)

    @classmethod
    def from_text(cls, path: Path, text: str) -> BankDraft:
        """A draft for `text` as if read from `path`."""
        from quizapp.core.bank import BankLoader

        header = opening_comments(text)
        skipped = header.count("\n")
        draft = cls(path=path, data={}, disk_text=text, header=header,
                    comments=[c for c in find_comments(text) if c.line > skipped])
        try:
            data = yaml.load(text, Loader=BankLoader)
        except (yaml.YAMLError, RecursionError):
            draft.broken_text = text
            return draft
        if not isinstance(data, dict):
            draft.broken_text = text
            return draft
        data.setdefault("title", "")
        if not isinstance(data.get("questions"), list):
            data["questions"] = []
        if not isinstance(data.get("sources"), dict):
            data["sources"] = {}
        draft.data = data
        draft.reordered = _reordered(data)
        draft.numbers_read = _read_numbers(data)
        return draft

    @classmethod
    def new(cls, path: str | Path, title: str = "") -> BankDraft:
        """An empty bank that will be saved at `path`."""
        return cls(path=Path(path), data={"format": 1, "title": title, "sources": {},
                                          "questions": []})

    def apply_text(self, text: str) -> bool:
        """Replace the data with parsed `text` (fixing a broken file); False if it still fails."""
        fixed = BankDraft.from_text(self.path, text)
        if fixed.broken_text is not None:
            self.broken_text = text
            return False
        self.data = fixed.data
        self.header = fixed.header
        # Saving drops the comments of this text as it drops the file's: a file that opened as text
        # had none counted (it did not parse), and a comment may have been typed. The file's own stay
        # counted when the text was not the file's (a bank changed in the form shows as saving writes it).
        new = {c.text for c in fixed.comments}
        self.comments = fixed.comments + [c for c in self.comments if c.text not in new]
        self.reordered = sorted(set(self.reordered) | set(fixed.reordered))
        self.broken_text = None
        return True

    def text(self) -> str:
        """The YAML text that saving writes."""
        if self.broken_text is not None:
            return self.broken_text
        return self.header + dump_bank_data(self.data)

    def check(self) -> BankCheck:
        """Every problem of the bank as it is now, with lines in the text `text()` gives."""
        return check_bank_text(self.text(), self.path)

    def save(self, path: str | Path | None = None, *, with_articles: bool = False,
             articles_from: Sequence[Path] = ()) -> list[Path]:
        """Write atomically; the previous file is kept as `<name>.bak` beside it. Return the
        articles the bank now cites beside it in place of the ones elsewhere (copied, or found there).

        `with_articles` copies the articles the bank cites into the new file's folder and points
        the bank at the copies (a copy of a bank of the installation must not cite files inside
        it, which move when quizapp is upgraded or moved). `articles_from` copies only those that
        lie in one of these folders (the user's data folder, where quizapp keeps pasted text: a
        bank shared or moved without them would cite nothing)."""
        target = Path(path) if path is not None else self.path
        sources = copy.deepcopy(self.data.get("sources"))  # as they were, should the save fail
        if path is not None and target.parent.resolve() != self.path.parent.resolve():
            self._rebase_sources(self.path.parent, target.parent)
        written: list[Path] = []
        taken: list[Path] = []
        try:
            if with_articles or articles_from:
                taken = self._copy_articles(target.parent, written, None if with_articles else articles_from)
            text = self.text()
            write_with_backup(target, text)
        except OSError as exc:
            for article in written:  # nothing of a failed save is left behind
                article.unlink(missing_ok=True)
            if sources is not None:
                self.data["sources"] = sources
            reason = exc.strerror or str(exc)
            raise DraftError(f"{target}: could not be saved ({reason}); your changes are "
                             "still in the editor: try Save As in another folder") from None
        self.path = target
        self.disk_text = text
        self.comments = []
        self.reordered = []
        self.accepted_comments = set()
        self.accepted_reordered = set()
        return taken

    def rebase_sources(self, folder: Path) -> None:
        """Article paths written relative to `folder` (where the bank was) made relative to the bank's folder."""
        if folder.resolve() != self.path.parent.resolve():
            self._rebase_sources(folder, self.path.parent)

    def _rebase_sources(self, old: Path, new: Path) -> None:
        import os

        for src in self.data.get("sources", {}).values():
            if isinstance(src, dict) and isinstance(src.get("file"), str):
                target = (old / src["file"]).resolve()
                src["file"] = Path(os.path.relpath(target, new.resolve())).as_posix()

    def _copy_articles(self, folder: Path, written: list[Path], only_from: Sequence[Path] | None = None
                       ) -> list[Path]:
        """Copy each cited article that is not in `folder` (and lies in one of `only_from`, when
        given) into it, and point its source at the copy; return the copies; `written` gets each file
        written. A file of the same name that differs is not replaced: the copy takes a free name
        (`article-2.txt`)."""
        from quizapp.core.article_file import free_path

        copies: dict[Path, Path] = {}  # an article cited by several sources is copied once
        inside = [f.resolve() for f in only_from or ()]
        for src in self.data.get("sources", {}).values():
            if not isinstance(src, dict) or not isinstance(src.get("file"), str):
                continue
            article = (folder / src["file"]).resolve()
            if article.parent == folder.resolve() or not article.is_file():
                continue
            if only_from is not None and not any(article.is_relative_to(f) for f in inside):
                continue
            if article not in copies:
                there = folder / article.name
                if not (there.is_file() and there.read_bytes() == article.read_bytes()):
                    there = free_path(folder, article.stem, article.suffix)
                    written.append(there)
                    shutil.copyfile(article, there)
                copies[article] = there
            src["file"] = copies[article].name
        return list(copies.values())

    # --- the bank's own fields ------------------------------------------------

    @property
    def is_draft(self) -> bool:
        """Whether the bank is still the generator's draft: its description is the generator's."""
        description = self.data.get("description")
        return is_generated(description if isinstance(description, str) else None)

    def reviewed_description(self, *, written: bool = False) -> str:
        """A description saying that the bank's questions were reviewed (or `written`) in quizapp, naming its
        articles: "Questions from mali.txt, reviewed in quizapp." Not the generator's, so not a draft's."""
        names = ", ".join(Path(file).name for src in (self.data.get("sources") or {}).values()
                          if (file := _file_of(src)) is not None)
        done = "written" if written else "reviewed"
        return f"Questions from {names}, {done} in quizapp." if names else f"Questions {done} in quizapp."

    # --- questions -------------------------------------------------------------

    @property
    def questions(self) -> list[QuestionData]:
        return self.data["questions"]

    def question(self, index: int) -> QuestionData:
        return self.questions[index]

    def set_field(self, index: int, key: str, value: Any) -> Any:
        """Set one field of a question (None removes it); return the old value."""
        q = self.questions[index]
        old = copy.deepcopy(q.get(key))
        if value is None or value == "" or value == []:
            q.pop(key, None)
        else:
            q[key] = value
        return old

    def set_citation(self, index: int, *, source: str | None, quote: str | list[str] | None) -> Any:
        """Set a question's citation; return the old `cite` value."""
        q = self.questions[index]
        old = copy.deepcopy(q.get("cite"))
        cite: dict[str, Any] = {}
        if source:
            cite["source"] = source
        if quote:
            cite["quote"] = quote
        if isinstance(old, dict):  # keys the form does not show (a misspelt `qoute:`) stay
            cite.update((k, v) for k, v in old.items() if k not in ("source", "quote"))
        if cite:
            q["cite"] = cite
        else:
            q.pop("cite", None)
        return old

    def with_key_renamed(self, index: int, path: tuple[str, ...], new: str) -> QuestionData | None:
        """Question `index` with the key at `path` (("distractor",), ("cite", "qoute")) renamed
        to `new`; lists are joined when both hold one. None when `new` holds another value
        that the rename would overwrite."""
        q = copy.deepcopy(self.questions[index])
        holder = q if len(path) == 1 else q.get(path[0])
        if not isinstance(holder, dict) or path[-1] not in holder:
            return None
        value = holder.pop(path[-1])
        there = holder.get(new)
        if there in (None, "", []) or there == value:
            holder[new] = value
        elif isinstance(there, list) and isinstance(value, list):
            holder[new] = there + [v for v in value if v not in there]
        else:
            return None
        return q

    def without_key(self, index: int, path: tuple[str, ...]) -> QuestionData:
        """Question `index` without the key at `path`."""
        q = copy.deepcopy(self.questions[index])
        holder = q if len(path) == 1 else q.get(path[0])
        if isinstance(holder, dict):
            holder.pop(path[-1], None)
        return q

    def insert(self, index: int, question: QuestionData) -> None:
        self.questions.insert(index, question)

    def remove(self, index: int) -> QuestionData:
        return self.questions.pop(index)

    def move(self, index: int, to: int) -> None:
        q = self.questions.pop(index)
        self.questions.insert(to, q)

    def new_question(self, kind: str = "choice") -> QuestionData:
        """A fresh question with an id not used in the bank."""
        q: QuestionData = {"id": self.unique_id("question"), "type": kind, "prompt": ""}
        if kind == "choice":
            q.update(answer="", distractors=[])
        if len(self.data.get("sources", {})) == 1:
            q["cite"] = {"quote": ""}
        return q

    def duplicate_of(self, index: int) -> QuestionData:
        q = copy.deepcopy(self.questions[index])
        q["id"] = self.unique_id(str(q.get("id") or "question"))
        return q

    def unique_id(self, base: str) -> str:
        taken = {str(q.get("id")) for q in self.questions if isinstance(q, dict)}
        base = re.sub(r"-\d+$", "", base) or "question"
        n = 1
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    def add_source(self, article: Path) -> str:
        """Add an article as a source (path relative to the bank); return its key. A source whose file is
        missing and has the article's name takes it instead: the article was moved, not a new one."""
        rel = self._relative(article)
        sources = self.data.setdefault("sources", {})
        for key, src in sources.items():
            if isinstance(src, dict) and src.get("file") == rel:
                return key
        for key in self.missing_sources():
            if Path(str(sources[key]["file"])).name == article.name:
                sources[key]["file"] = rel
                return key
        with _citing_sources_by_name(self.data):
            key = _free_key(sources, key_for_file(article))
            sources[key] = {"file": rel}
        return key

    def _relative(self, article: Path) -> str:
        import os

        return Path(os.path.relpath(article.resolve(), self.path.parent.resolve())).as_posix()

    def missing_sources(self) -> list[str]:
        """The keys of the sources whose article file is not where the bank says (moved, renamed)."""
        return [key for key, src in (self.data.get("sources") or {}).items()
                if _file_of(src) is not None and not (self.path.parent / str(_file_of(src))).is_file()]

    def point_source(self, key: str, article: Path) -> None:
        """Point source `key` at another file (its article moved or was renamed); what it says of the
        article (title, author, address) stays."""
        src = self.data["sources"][key]
        if isinstance(src, dict):
            src["file"] = self._relative(article)
        else:
            self.data["sources"][key] = {"file": self._relative(article)}

    def citing(self, key: str) -> list[int]:
        """The numbers (1-based) of the questions that may cite source `key`: those naming it, and those
        naming none (with one source they cite it; with several, which one is for the teacher to say)."""
        out = []
        for n, q in enumerate(self.questions, 1):
            cite = q.get("cite") if isinstance(q, dict) else None
            if isinstance(cite, dict) and cite.get("source") in (key, None, ""):
                out.append(n)
        return out

    def remove_source(self, key: str) -> None:
        """Remove a source no question cites (a citation naming it would then name nothing)."""
        if self.citing(key):
            raise ValueError(f"source {key} is cited")
        del self.data["sources"][key]

    def add_questions(self, questions: list[QuestionData], sources: dict[str, Any]) -> None:
        """Append questions (generated from or imported with `sources`, whose file paths are relative
        to this bank's folder too) with ids and source keys of their own: a key the bank already uses
        for another article is renamed in their citations, and the article of a key it uses for the same
        file is shared. With more than one article, every citation names its own."""
        with _citing_sources_by_name(self.data):
            mine = self.data.setdefault("sources", {})
            renamed: dict[str, str] = {}
            for key, src in sources.items():
                same = [k for k, v in mine.items() if _file_of(v) is not None and _file_of(v) == _file_of(src)]
                renamed[key] = same[0] if same else _free_key(mine, str(key))
                mine.setdefault(renamed[key], copy.deepcopy(src))
            # questions of one article name none: they cite the one they came with
            sole = next(iter(sources)) if len(sources) == 1 else None
            taken = {str(q.get("id")) for q in self.questions if isinstance(q, dict)}
            for q in questions:
                q = copy.deepcopy(q)
                cite = q.get("cite")
                if isinstance(cite, dict):
                    key = cite.get("source", sole)
                    if key is not None:
                        cite["source"] = renamed.get(str(key), key)
                if str(q.get("id")) in taken:
                    q["id"] = self.unique_id(str(q.get("id") or "question"))
                taken.add(str(q["id"]))
                self.data.setdefault("questions", []).append(q)


def _file_of(src: Any) -> str | None:
    return src.get("file") if isinstance(src, dict) and isinstance(src.get("file"), str) else None


def _free_key(sources: dict[str, Any], base: str) -> str:
    key, n = base, 1
    while key in sources:
        n += 1
        key = f"{base}-{n}"
    return key


@contextlib.contextmanager
def _citing_sources_by_name(data: dict[str, Any]) -> Iterator[None]:
    """A bank of one article may leave `source:` out of its citations; once a second article is added, the
    check would call each of them ambiguous. Give those citations the first article's key."""
    before = list((data.get("sources") or {}).keys())
    yield
    if len(before) == 1 and len(data.get("sources") or {}) > 1:
        for q in data.get("questions") or []:
            cite = q.get("cite") if isinstance(q, dict) else None
            if isinstance(cite, dict) and not cite.get("source"):
                cite["source"] = before[0]


def _read_numbers(data: dict[str, Any]) -> list[str]:
    """Turn the numbers a numeric question holds as text ("4,500", "4 500") into numbers, as the
    form reads them when typed; say each one ('question 1: answer "4,500" read as 4500')."""
    said = []
    for n, q in enumerate(data.get("questions", []), 1):
        if not isinstance(q, dict) or q.get("type") != "numeric":
            continue
        for key in ("answer", "tolerance", "min", "max"):
            value = q.get(key)
            if isinstance(value, str) and isinstance(number := parse_number(value), int | float):
                q[key] = number
                said.append(f"question {n}: {key} \"{value.strip()}\" read as {number}")
    return said


def _reordered(data: dict[str, Any]) -> list[int]:
    from quizapp.core.bank import order_bank_data

    ordered = order_bank_data(data)
    out = [0] if [k for k in data if k in ordered] != list(ordered) else []
    for n, (q, oq) in enumerate(zip(data.get("questions") or [], ordered.get("questions") or [],
                                    strict=False), 1):
        if isinstance(q, dict) and isinstance(oq, dict) and [k for k in q if k in oq] != list(oq):
            out.append(n)
    return out


def write_with_backup(target: Path, text: str) -> None:
    """Write `text` to `target` atomically, the file it replaces kept as `<name>.bak`; a write that fails leaves
    the folder as it was, the .bak of the save before too.

    The copy is made beside the file first and becomes the .bak only once the new file is in place: a bank
    that cannot be replaced (a file made immutable, a folder the user may not write) had its .bak rewritten
    by a save that then failed.
    """
    kept: Path | None = None
    try:
        if target.exists():
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".bak.tmp", dir=target.parent)
            os.close(fd)
            kept = Path(name)
            shutil.copy2(target, kept)
        write_text_atomic(target, text)
    except BaseException:
        if kept is not None:
            kept.unlink(missing_ok=True)
        raise
    if kept is not None:
        try:
            os.replace(kept, backup_path(target))
        except OSError:  # the bank is saved; only its backup could not be renewed (a .bak made read-only)
            kept.unlink(missing_ok=True)


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept when it is saved."""
    return path.with_name(path.name + ".bak")


def opening_comments(text: str) -> str:
    """The comment lines (and blank lines among them) that open a YAML text, up to its first
    key: "# yaml-language-server: $schema=...\\n# Written by hand.\\n" of a bank that starts so."""
    lines = re.match(r"(?:[ \t]*#[^\n]*\n|[ \t]*\n)*", text).group(0)  # (it matches, if only "")
    return lines if "#" in lines else ""


def find_comments(text: str) -> list[Comment]:
    """The comments of YAML text (which a save from data drops), one a line."""
    if "#" not in text:
        return []
    try:
        spans = [(t.start_mark.index, t.end_mark.index) for t in yaml.scan(text)
                 if isinstance(t, yaml.ScalarToken)]
    except yaml.YAMLError:
        return []
    comments: list[Comment] = []
    for m in re.finditer(r"(?:^|(?<=\s))#", text):
        at = m.start()
        if any(start <= at < end for start, end in spans):
            continue
        line = text.count("\n", 0, at) + 1
        if not comments or comments[-1].line != line:
            end = text.find("\n", at)
            comments.append(Comment(line, text[at:end if end >= 0 else len(text)].rstrip()))
    return comments


def parse_number(text: str) -> int | float | str:
    """A number typed for an answer, in the editor's form or the generate dialog's review: 4500, 4,500,
    4 500, -3.5; the text itself when it is not one (the form's check says so, the review keeps the last)."""
    t = text.strip().replace("\u00a0", " ")
    if re.fullmatch(r"-?\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?", t):
        value = float(t.replace(",", "").replace(" ", ""))
        return int(value) if value.is_integer() and "." not in t else value
    return text.strip()
