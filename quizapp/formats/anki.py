"""An Anki package (.apkg) made with genanki: one note per question, the proof on the back.

Note guids come from the bank title and the question id, so importing a
re-exported bank into Anki updates the notes instead of adding copies.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

import genanki

from quizapp.core.atomic import atomic_writer
from quizapp.core.bank import AnyQuestion, LoadedBank
from quizapp.core.model import ChoiceQuestion
from quizapp.formats.content import answer_text, cited_sentences, shuffled_options, source_label

# Fixed forever: Anki recognises the note type by this id across exports.
MODEL_ID = 1_732_455_011
FIELDS = ("Question", "Choices", "Answer", "Proof", "Source", "Id")

_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; color: #222;
  background: #fff; max-width: 40em; margin: 0 auto; }
.choices { margin-top: .6em; }
.answer { font-weight: bold; font-size: 1.15em; margin: .4em 0; }
.proof { border-left: 3px solid #b9c7d9; padding: .2em .8em; margin: .6em 0; font-style: italic; }
.source { font-size: .75em; color: #666; }
"""

_FRONT = '<div class="question">{{Question}}</div>{{#Choices}}<div class="choices">{{Choices}}</div>{{/Choices}}'
_BACK = ('{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>'
         '{{#Proof}}<div class="proof">{{Proof}}</div>{{/Proof}}'
         '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}')


def anki_model() -> genanki.Model:
    """The note type: question (with its choices) on the front, answer and proof on the back."""
    return genanki.Model(MODEL_ID, "quizapp question", fields=[{"name": f} for f in FIELDS],
                         templates=[{"name": "Card 1", "qfmt": _FRONT, "afmt": _BACK}], css=_CSS,
                         sort_field_index=0)


def deck_id(loaded: LoadedBank) -> int:
    """A deck id that stays the same for the same bank title."""
    digest = hashlib.sha256(f"quizapp deck\x00{loaded.bank.title}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(loaded: LoadedBank, question: AnyQuestion) -> str:
    """The note's guid: the same bank title and question id always give the same guid."""
    return genanki.guid_for(loaded.bank.title, question.id)


def anki_note(loaded: LoadedBank, q: AnyQuestion, model: genanki.Model) -> genanki.Note:
    """One note; every field is HTML escaped from the bank's plain text."""
    choices = ""
    if isinstance(q, ChoiceQuestion):
        choices = "<ol type=\"A\">" + "".join(f"<li>{_h(o)}</li>" for o in shuffled_options(loaded, q)) + "</ol>"
    proof = "<br>".join(_h(s) for s in cited_sentences(loaded, q))
    if q.explanation:
        proof = (proof + "<br>" if proof else "") + _h(q.explanation)
    tags = [t.replace(" ", "_") for t in q.tags] + ([q.difficulty] if q.difficulty else [])
    return genanki.Note(model=model, fields=[_h(q.prompt), choices, _h(answer_text(q)), proof,
                                             _h(source_label(loaded, q)), _h(q.id)],
                        guid=note_guid(loaded, q), tags=tags)


def export_anki(loaded: LoadedBank, out: Path, **options: object) -> list[Path]:
    """Write the bank as an .apkg holding one deck named after the bank."""
    model = anki_model()
    deck = genanki.Deck(deck_id(loaded), loaded.bank.title, description=_h(loaded.bank.description or ""))
    for q in loaded.bank.questions:
        deck.add_note(anki_note(loaded, q, model))
    package = genanki.Package(deck)
    # Package.write_to_file leaves its temporary database behind: build it ourselves.
    with tempfile.TemporaryDirectory(prefix="quizapp-anki-") as tmp:
        db_path = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        try:
            now = time.time()
            package.write_to_db(conn.cursor(), now, itertools.count(int(now * 1000)))
            conn.commit()
        finally:
            conn.close()
        with atomic_writer(out, "wb") as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as apkg:
            apkg.write(db_path, "collection.anki2")
            apkg.writestr("media", "{}")
    return [out]


def _h(text: str) -> str:
    return html.escape(text, quote=False)
