"""Undoable edits of a bank draft: every change in the editor is one of these."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from quizapp.core.draft import BankDraft, QuestionData, parse_number

# Called after every do/undo with the question index that changed (-1: the bank itself)
# and whether the list of questions changed shape.
Changed = Callable[[int, bool], None]

_TYPING_ID = 1001


class _Typing(QUndoCommand):
    """An edit of one field. The edits of one visit to a field (its `session`, which the
    editor counts up when the teacher leaves a field) merge into one undo step, and a step
    that ends where it began (typed, then erased) is dropped."""

    def __init__(self, text: str, session: int | None) -> None:
        super().__init__(text)
        self.session = session
        self.old: Any = None

    def id(self) -> int:
        return _TYPING_ID

    def target(self) -> tuple[Any, ...]:
        """What the command edits: edits of another target never merge."""
        raise NotImplementedError

    def now(self) -> Any:
        """The edited value as the draft holds it."""
        raise NotImplementedError

    def take(self, other: Any) -> None:
        """Take on the newer value of `other` (the draft holds it already)."""
        raise NotImplementedError

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (type(other) is not type(self) or self.session is None or other.session != self.session
                or other.target() != self.target()):
            return False
        self.take(other)
        self.setObsolete(_same(self.now(), self.old))
        return True


def _as_text(value: Any) -> str:
    """A numeric answer as a choice's text: 4500 (not 4500.0), 2.5."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _same(a: Any, b: Any) -> bool:
    """Whether two values of a field are the same to the file (an empty field has no key)."""
    empty = (None, "", [])
    return a == b or (a in empty and b in empty)


class SetField(_Typing):
    """Set one field of a question."""

    def __init__(self, draft: BankDraft, changed: Changed, index: int, key: str, value: Any,
                 session: int | None = None) -> None:
        super().__init__(f"Edit {key}", session)
        self.draft, self.changed = draft, changed
        self.index, self.key, self.value = index, key, copy.deepcopy(value)
        self.old = copy.deepcopy(draft.question(index).get(key))

    def target(self) -> tuple[Any, ...]:
        return ("question", self.index, self.key)

    def now(self) -> Any:
        return self.draft.question(self.index).get(self.key)

    def take(self, other: SetField) -> None:
        self.value = other.value

    def redo(self) -> None:
        self.draft.set_field(self.index, self.key, copy.deepcopy(self.value))
        self.changed(self.index, False)

    def undo(self) -> None:
        self.draft.set_field(self.index, self.key, copy.deepcopy(self.old))
        self.changed(self.index, False)


class SetCitation(_Typing):
    def __init__(self, draft: BankDraft, changed: Changed, index: int, *, source: str | None,
                 quote: str | list[str] | None, text: str = "Set citation",
                 session: int | None = None) -> None:
        super().__init__(text, session)
        self.draft, self.changed, self.index = draft, changed, index
        self.source, self.quote = source, copy.deepcopy(quote)
        self.old = copy.deepcopy(draft.question(index).get("cite"))

    def target(self) -> tuple[Any, ...]:
        return ("cite", self.index)

    def now(self) -> Any:
        return self.draft.question(self.index).get("cite")

    def take(self, other: SetCitation) -> None:
        self.source, self.quote = other.source, other.quote

    def redo(self) -> None:
        self.draft.set_citation(self.index, source=self.source, quote=copy.deepcopy(self.quote))
        self.changed(self.index, False)

    def undo(self) -> None:
        self.draft.set_field(self.index, "cite", copy.deepcopy(self.old))
        self.changed(self.index, False)


class SetQuestion(QUndoCommand):
    """Replace one question by another version of it (a key renamed, the type switched)."""

    def __init__(self, draft: BankDraft, changed: Changed, index: int, after: QuestionData,
                 text: str) -> None:
        super().__init__(text)
        self.draft, self.changed, self.index = draft, changed, index
        self.before = copy.deepcopy(draft.question(index))
        self.after = copy.deepcopy(after)

    def redo(self) -> None:
        self.draft.questions[self.index] = copy.deepcopy(self.after)
        self.changed(self.index, False)

    def undo(self) -> None:
        self.draft.questions[self.index] = copy.deepcopy(self.before)
        self.changed(self.index, False)


class ChangeType(SetQuestion):
    """Switch a question between choice and numeric, keeping what fits and restoring on undo."""

    def __init__(self, draft: BankDraft, changed: Changed, index: int, kind: str, *, shown: str = "") -> None:
        """`shown` is the answer as the form shows it ("4,500" typed for 4500), kept as a choice's text."""
        q = copy.deepcopy(draft.question(index))
        q["type"] = kind
        if kind == "numeric":
            q.pop("distractors", None)
            # An answer typed as a number ("42", "4,500") stays; any other is left out, and the
            # check asks for one: a made-up 0 would look like a real answer and pass.
            number = parse_number(str(q.get("answer") or ""))
            if isinstance(number, int | float) and not isinstance(number, bool):
                q["answer"] = number
            else:
                q.pop("answer", None)
        else:
            for key in ("tolerance", "min", "max", "unit"):
                q.pop(key, None)
            answer = q.get("answer")
            if answer is not None and shown.strip() and parse_number(shown) == answer:
                answer = shown.strip()
            q["answer"] = "" if answer is None else _as_text(answer)
            q.setdefault("distractors", [])
        super().__init__(draft, changed, index, q, f"Make {kind} question")


class InsertQuestion(QUndoCommand):
    """Insert a question at `index`; undoing it goes back to the question `selected` before (-1: none),
    not to the one after the removed row (a question added after the 3rd is undone back to the 3rd)."""

    def __init__(self, draft: BankDraft, changed: Changed, index: int, question: QuestionData,
                 text: str = "Add question", *, selected: int = -1) -> None:
        super().__init__(text)
        self.draft, self.changed, self.index, self.selected = draft, changed, index, selected
        self.question = copy.deepcopy(question)

    def redo(self) -> None:
        self.draft.insert(self.index, copy.deepcopy(self.question))
        self.changed(self.index, True)

    def undo(self) -> None:
        self.draft.remove(self.index)
        n = len(self.draft.questions)
        self.changed(self.selected if 0 <= self.selected < n else min(self.index, n - 1), True)


class RemoveQuestion(QUndoCommand):
    def __init__(self, draft: BankDraft, changed: Changed, index: int) -> None:
        super().__init__("Delete question")
        self.draft, self.changed, self.index = draft, changed, index
        self.question = copy.deepcopy(draft.question(index))

    def redo(self) -> None:
        self.draft.remove(self.index)
        self.changed(min(self.index, len(self.draft.questions) - 1), True)

    def undo(self) -> None:
        self.draft.insert(self.index, copy.deepcopy(self.question))
        self.changed(self.index, True)


class MoveQuestion(QUndoCommand):
    def __init__(self, draft: BankDraft, changed: Changed, index: int, to: int) -> None:
        super().__init__("Move question")
        self.draft, self.changed, self.index, self.to = draft, changed, index, to

    def redo(self) -> None:
        self.draft.move(self.index, self.to)
        self.changed(self.to, True)

    def undo(self) -> None:
        self.draft.move(self.to, self.index)
        self.changed(self.index, True)


class SetBankField(_Typing):
    """Set the bank's title or description."""

    def __init__(self, draft: BankDraft, changed: Changed, key: str, value: str,
                 session: int | None = None) -> None:
        super().__init__(f"Edit {key}", session)
        self.draft, self.changed, self.key, self.value = draft, changed, key, value
        self.old = draft.data.get(key)

    def target(self) -> tuple[Any, ...]:
        return ("bank", self.key)

    def now(self) -> Any:
        return self.draft.data.get(self.key)

    def take(self, other: SetBankField) -> None:
        self.value = other.value

    def redo(self) -> None:
        self._set(self.value)

    def undo(self) -> None:
        self._set(self.old)

    def _set(self, value: Any) -> None:
        if value in (None, "") and self.key != "title":
            self.draft.data.pop(self.key, None)
        else:
            self.draft.data[self.key] = value
        self.changed(-1, False)


class ReplaceQuestions(QUndoCommand):
    """Replace the whole question list (adding generated or imported questions, reloading).

    `select` is the question to select after undo and after redo (-1 keeps the current row): questions
    added at the end show the first of them, and undoing that goes back to the question selected before."""

    def __init__(self, draft: BankDraft, changed: Changed, data: dict[str, Any], text: str, *,
                 select: tuple[int, int] = (-1, -1)) -> None:
        super().__init__(text)
        self.draft, self.changed, self.select = draft, changed, select
        self.new = copy.deepcopy(data)
        self.old = copy.deepcopy(draft.data)
        # Their article paths are relative to the folder the bank is in now; after a Save As to
        # another folder, they are made relative to the new one as they come back.
        self.folder = draft.path.parent

    def redo(self) -> None:
        self._put(self.new, self.select[1])

    def undo(self) -> None:
        self._put(self.old, self.select[0])

    def _put(self, data: dict[str, Any], select: int) -> None:
        self.draft.data = copy.deepcopy(data)
        self.draft.rebase_sources(self.folder)
        self.changed(select, True)
