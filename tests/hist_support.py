"""Small banks written into temp folders for the history, study and statistics tests."""

from __future__ import annotations

from pathlib import Path

import yaml

ARTICLE = """\
The village of Orla has 412 inhabitants.
Its mayor, Ana Petrov, was elected in 2019.
The river Sava floods the lower fields about every 7 years.
A new bridge cost 2.5 million euros.
The school has 38 pupils.
"""

QUESTIONS = [
    {"id": "inhabitants", "type": "numeric", "prompt": "How many inhabitants does Orla have?", "answer": 412,
     "cite": {"quote": "The village of Orla has 412 inhabitants"}, "tags": ["numbers"]},
    {"id": "mayor", "type": "choice", "prompt": "Who is the mayor of Orla?", "answer": "Ana Petrov",
     "distractors": ["Ivan Horvat", "Mila Novak"], "cite": {"quote": "Its mayor, Ana Petrov, was elected in 2019"},
     "tags": ["people"]},
    {"id": "elected", "type": "numeric", "prompt": "In which year was the mayor of Orla elected?", "answer": 2019,
     "cite": {"quote": "was elected in 2019"}, "tags": ["dates", "people"]},
    {"id": "river", "type": "choice", "prompt": "Which river floods the fields of Orla?", "answer": "Sava",
     "distractors": ["Drava", "Una"], "cite": {"quote": "The river Sava floods the lower fields"},
     "tags": ["places"]},
    {"id": "pupils", "type": "numeric", "prompt": "How many pupils does the school of Orla have?", "answer": 38,
     "cite": {"quote": "The school has 38 pupils"}, "tags": ["numbers"]},
]


def write_bank(folder: Path, *, name: str = "orla", title: str = "The village of Orla",
               questions: list[dict] | None = None) -> Path:
    """Write an article and a bank citing it into `folder`; return the bank's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    data = {"title": title, "sources": {"a": {"file": f"{name}.txt", "title": "Orla news"}},
            "questions": QUESTIONS if questions is None else questions}
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def right_answer(question) -> str:
    """The text a student types or picks to be right."""
    return str(question.answer)
