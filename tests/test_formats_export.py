"""Exports: GIFT (and its round trip), Moodle XML, CSV, Anki and the CLI for all five formats."""

from __future__ import annotations

import csv
import html
import json
import os
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal
from pathlib import Path

import genanki
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.cli import main
from quizapp.core.bank import LoadedBank, load_bank
from quizapp.core.model import Bank, ChoiceQuestion, NumericQuestion
from quizapp.core.scoring import answer_number
from quizapp.formats import EXPORT_FORMATS, export_bank, format_for_suffix, import_bank_file, suggested_file_name
from quizapp.formats.anki import deck_id
from quizapp.formats.content import cited_sentences
from quizapp.formats.gift import escape
from quizapp.paths import bundled_banks_dir

DATA = Path(__file__).parent / "data" / "formats"
BUNDLED = bundled_banks_dir() / "mali-helicopter-collision.yaml"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(scope="module")
def mali() -> LoadedBank:
    return load_bank(BUNDLED)


@pytest.fixture(scope="module")
def tricky() -> LoadedBank:
    return load_bank(DATA / "tricky-bank.yaml")


def fold(text: str) -> str:
    return " ".join(text.split())


def same_questions(original: LoadedBank, imported_path: Path) -> None:
    """The imported bank asks the same questions: ids, prompts, answers, distractors, ranges, explanations."""
    bank = import_bank_file(imported_path)
    assert [q.id for q in bank.questions] == [fold(q.id) for q in original.bank.questions]
    for before, after in zip(original.bank.questions, bank.questions, strict=True):
        assert after.type == before.type
        assert after.prompt == fold(before.prompt)
        assert after.cite is None
        # The cited proof is in the export's general feedback, but not in the explanation read back.
        assert after.explanation == (fold(before.explanation) if before.explanation else None)
        if isinstance(before, ChoiceQuestion):
            assert isinstance(after, ChoiceQuestion)
            # Line breaks inside a choice are spacing, as Moodle shows them.
            assert after.answer == fold(before.answer)
            assert after.distractors == [fold(d) for d in before.distractors]
        else:
            assert isinstance(before, NumericQuestion) and isinstance(after, NumericQuestion)
            assert after.answer == before.answer
            assert after.accepted_range == pytest.approx(before.accepted_range)
            assert after.absolute_tolerance == pytest.approx(before.absolute_tolerance)


# --- GIFT --------------------------------------------------------------------


def test_gift_round_trip_of_the_bundled_bank(mali: LoadedBank, tmp_path: Path) -> None:
    out = tmp_path / "mali.gift"
    assert export_bank(mali, "gift", out) == [out]
    same_questions(mali, out)
    assert import_bank_file(out).title == mali.bank.title  # from the $CATEGORY line


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml"])
@pytest.mark.parametrize("bank_path", [*sorted(bundled_banks_dir().glob("*.yaml")), DATA / "tricky-bank.yaml"],
                         ids=lambda p: p.name)
def test_round_trip_of_every_bundled_bank(bank_path: Path, fmt: str, tmp_path: Path) -> None:
    loaded = load_bank(bank_path)
    out = tmp_path / f"bank{EXPORT_FORMATS[fmt].suffix}"
    export_bank(loaded, fmt, out)
    same_questions(loaded, out)
    bank = import_bank_file(out)
    assert bank.title == " ".join(loaded.bank.title.split())
    if fmt == "moodle-xml":  # Moodle XML also carries tags and units
        assert [(q.tags, getattr(q, "unit", None)) for q in bank.questions] == [
            (q.tags, getattr(q, "unit", None)) for q in loaded.bank.questions]


def test_gift_round_trip_keeps_special_characters(tricky: LoadedBank, tmp_path: Path) -> None:
    out = tmp_path / "tricky.gift"
    export_bank(tricky, "gift", out)
    same_questions(tricky, out)
    bank = import_bank_file(out)
    assert bank.title == tricky.bank.title
    assert bank.question("mayor:name").answer == "Ana #1 Díaz"
    # The uneven range -41..-38.5 around -40 survives as min and max.
    temperature = bank.question("temperature")
    assert (temperature.answer, temperature.min, temperature.max) == (-40, -41, -38.5)


def test_gift_text_escapes_and_cites(tricky: LoadedBank, tmp_path: Path) -> None:
    out = tmp_path / "tricky.gift"
    export_bank(tricky, "gift", out)
    text = out.read_text(encoding="utf-8")
    assert "::mayor\\:name::[plain]Who wrote \"<b>not bold</b> & proud\" on the notice board? {" in text
    assert "\t=\\=20% more than last year\n" in text
    assert "\t~\\~10% fewer than last year\n" in text
    assert "\t~a\\\\b\\\\c backslashes\n" in text
    assert "\t~[plain]%50% of voters\n" in text  # a leading %n% would be read as a weight
    # 5% of 1200, as GIFT wants an absolute tolerance; twice that is close, for half a mark
    assert "#=1200:60 =%50%1200:120#[plain]Close, for half a mark\\: the answer is 1,200 ballots " \
           "(accepted from 1,140 to 1,260).\n" in text
    assert "#=-40:0 =-41..-38.5 =%50%-42.25..-37.25#[plain]Close" in text
    # The explanation's line break is escaped, and the proof is in the general feedback.
    assert "####[plain]Read the first sentence. It says 1,200.\\n\\nSource (Test Writer, " \
           "A made-up report on escapes, The Test Gazette, 2024-05-01)\\: The committee counted 1,200 ballots " \
           "\\{in braces\\} on Monday" in text


def test_gift_escape_covers_every_special_character() -> None:
    assert escape("~=#{}:\\") == "\\~\\=\\#\\{\\}\\:\\\\"
    assert escape("two\nlines") == "two\\nlines"


# --- Moodle XML --------------------------------------------------------------


def test_moodle_xml_structure(mali: LoadedBank, tmp_path: Path) -> None:
    out = tmp_path / "mali.xml"
    export_bank(mali, "moodle-xml", out)
    assert out.read_bytes().startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = ET.parse(out).getroot()
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == f"$course$/top/{mali.bank.title}"
    by_id = {q.findtext("name/text"): q for q in questions[1:]}
    assert list(by_id) == [q.id for q in mali.bank.questions]
    for q in mali.bank.questions:
        el = by_id[q.id]
        feedback = html.unescape(el.findtext("generalfeedback/text"))
        assert cited_sentences(mali, q)[0] in feedback
        assert html.unescape(el.findtext("questiontext/text")) == f"<p>{q.prompt}</p>"
        answers = el.findall("answer")
        if isinstance(q, ChoiceQuestion):
            assert el.get("type") == "multichoice"
            assert el.findtext("single") == "true"
            right = [html.unescape(a.findtext("text")) for a in answers if a.get("fraction") == "100"]
            wrong = [html.unescape(a.findtext("text")) for a in answers if a.get("fraction") == "0"]
            assert (right, wrong) == ([q.answer], q.distractors)
        else:
            assert el.get("type") == "numerical"
            assert [(a.get("fraction"), float(a.findtext("text"))) for a in answers] == [
                ("100", q.answer), ("50", q.answer)]
            assert float(answers[0].findtext("tolerance")) == pytest.approx(q.absolute_tolerance)
            assert html.unescape(answers[1].findtext("feedback/text")).startswith("<p>Close, for half a mark")
            assert el.findtext("units/unit/unit_name") == q.unit
    troops = by_id["french-troops"]
    assert [a.findtext("tolerance") for a in troops.findall("answer")] == ["450", "900"]  # 10% of 4500, twice that


def test_moodle_xml_keeps_markup_as_text(tricky: LoadedBank, tmp_path: Path) -> None:
    out = tmp_path / "tricky.xml"
    export_bank(tricky, "moodle-xml", out)
    root = ET.parse(out).getroot()
    mayor = next(q for q in root.iter("question") if q.findtext("name/text") == "mayor:name")
    # Moodle reads the text as HTML: the bank's "<b>" must arrive escaped, shown as typed.
    assert mayor.findtext("questiontext/text") == (
        "<p>Who wrote \"&lt;b&gt;not bold&lt;/b&gt; &amp; proud\" on the notice board?</p>")
    temperature = next(q for q in root.iter("question") if q.findtext("name/text") == "temperature")
    graded = [(float(a.findtext("text")), float(a.findtext("tolerance"))) for a in temperature.findall("answer")]
    assert graded == [(-40, 0), (pytest.approx(-39.75), pytest.approx(1.25)), (pytest.approx(-39.75), 2.5)]
    assert [t.text for t in mayor.findall("tags/tag/text")] == ["people", "two words"]


# --- CSV ---------------------------------------------------------------------


def test_csv_has_bom_header_and_one_row_per_question(mali: LoadedBank, tmp_path: Path) -> None:
    out = tmp_path / "mali.csv"
    export_bank(mali, "csv", out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,type,prompt,answer,distractors,tolerance,")
    assert b"\r\n" in data  # what spreadsheets expect
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [q.id for q in mali.bank.questions]
    heroes = rows[[r["id"] for r in rows].index("heroes-quote")]
    assert heroes["distractors"] == "Ibrahim Boubacar Keïta | Mike Pompeo | Abu Bakr al-Baghdadi"
    assert heroes["citation"].startswith("“These 13 heroes had only one aim: to protect us,” Macron said")
    assert heroes["source"] == "Paquette, mali-helicopter-collision.txt"
    troops = rows[[r["id"] for r in rows].index("french-troops")]
    assert [troops[k] for k in ("type", "answer", "tolerance", "unit")] == ["numeric", "4500", "10%", "troops"]


def test_csv_guards_cells_a_spreadsheet_would_run(tricky: LoadedBank, tmp_path: Path) -> None:
    out = tmp_path / "tricky.csv"
    export_bank(tricky, "csv", out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    assert rows["record"]["answer"] == "'=20% more than last year"
    assert rows["mayor:name"]["distractors"] == "José Pérez | @handle"  # not at the start: harmless
    assert rows["temperature"]["answer"] == "-40"  # a negative number stays a number
    assert (rows["temperature"]["min"], rows["temperature"]["max"]) == ("-41", "-38.5")
    assert rows["ballots"]["explanation"] == "Read the first sentence.\nIt says 1,200."


# --- Anki --------------------------------------------------------------------


def read_apkg(path: Path, tmp_path: Path) -> tuple[list[tuple[str, list[str], str]], dict]:
    with zipfile.ZipFile(path) as apkg:
        assert apkg.testzip() is None
        assert "collection.anki2" in apkg.namelist()
        db = tmp_path / f"{path.stem}.anki2"
        db.write_bytes(apkg.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        notes = [(guid, flds.split("\x1f"), tags) for guid, flds, tags in
                 conn.execute("SELECT guid, flds, tags FROM notes ORDER BY id")]
        decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
        cards = conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    finally:
        conn.close()
    assert cards == len(notes)
    return notes, decks


def test_anki_package_has_one_note_per_question(mali: LoadedBank, tmp_path: Path) -> None:
    out = tmp_path / "mali.apkg"
    export_bank(mali, "anki", out)
    notes, decks = read_apkg(out, tmp_path)
    assert len(notes) == len(mali.bank.questions)
    assert str(deck_id(mali)) in decks and decks[str(deck_id(mali))]["name"] == mali.bank.title
    by_id = {fields[5]: (guid, fields, tags) for guid, fields, tags in notes}
    for q in mali.bank.questions:
        guid, fields, tags = by_id[q.id]
        assert guid == genanki.guid_for(mali.bank.title, q.id)
        question, choices, answer, proof, source = fields[:5]
        assert html.unescape(question) == q.prompt
        assert html.unescape(proof).startswith(cited_sentences(mali, q)[0])
        assert source == "Paquette, mali-helicopter-collision.txt"
        if isinstance(q, ChoiceQuestion):
            assert html.unescape(answer) == q.answer
            assert all(f"<li>{html.escape(o, quote=False)}</li>" in choices for o in q.options)
        else:
            assert html.unescape(answer).startswith(answer_number(q, q.answer)) and choices == ""
        assert set(q.tags) <= set(tags.split())
    assert by_id["french-troops"][1][2] == "4,500 troops (accepted from 4,050 to 4,950)"


def test_anki_reexport_updates_rather_than_duplicates(tricky: LoadedBank, tmp_path: Path) -> None:
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    export_bank(tricky, "anki", first)
    export_bank(tricky, "anki", second)
    notes_a, decks_a = read_apkg(first, tmp_path)
    notes_b, decks_b = read_apkg(second, tmp_path)
    assert [n[0] for n in notes_a] == [n[0] for n in notes_b]
    assert len({n[0] for n in notes_a}) == len(tricky.bank.questions)
    assert set(decks_a) == set(decks_b)
    mayor = next(fields for _, fields, _ in notes_a if fields[5] == "mayor:name")
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; proud" in mayor[0]  # shown as typed, not bold
    tags = next(tags for _, fields, tags in notes_a if fields[5] == "mayor:name")
    assert set(tags.split()) == {"people", "two_words", "hard"}


# --- the command line and the registry ------------------------------------------


def test_cli_exports_the_bundled_bank_to_every_format(tmp_path: Path, qapp, capsys: pytest.CaptureFixture) -> None:
    for fmt in EXPORT_FORMATS.values():
        out = tmp_path / f"mali{fmt.suffix}"
        assert main(["export", str(BUNDLED), "--format", fmt.name, "-o", str(out)]) == 0
        assert out.stat().st_size > 200
    assert (tmp_path / "mali-answers.pdf").stat().st_size > 200
    assert "18 questions exported to" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"mali{f.suffix}" for f in EXPORT_FORMATS.values()] + ["mali-answers.pdf"])  # no temp files left
    same_questions(load_bank(BUNDLED), tmp_path / "mali.gift")


def test_cli_export_takes_the_format_from_the_suffix(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", str(BUNDLED), "-o", str(tmp_path / "quiz.csv")]) == 0
    assert (tmp_path / "quiz.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")
    assert main(["export", str(BUNDLED), "-o", str(tmp_path / "quiz.doc")]) == 2
    assert "give --format" in capsys.readouterr().err
    assert not (tmp_path / "quiz.doc").exists()
    assert format_for_suffix("x.APKG") == "anki"


def test_cli_export_of_a_broken_bank_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bank = tmp_path / "broken.yaml"
    bank.write_text("title: Broken\nquestions:\n  - id: a\n    type: choice\n    prompt: Why?\n", encoding="utf-8")
    assert main(["export", str(bank), "-o", str(tmp_path / "out.gift")]) == 1
    err = capsys.readouterr().err
    assert f"{bank}:3:" in err and "distractors" in err
    assert not (tmp_path / "out.gift").exists()


def test_cli_export_of_a_bank_without_questions_says_so_and_writes_nothing(tmp_path: Path) -> None:
    """A valid bank with `questions: []` (Make the bank and ask my own saves one): the app's File > Export says
    "nothing to export"; the command said "0 questions exported" and wrote an empty quiz."""
    (tmp_path / "article.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    bank = tmp_path / "empty.yaml"
    bank.write_text("title: Town council\nsources:\n  a: {file: article.txt}\nquestions: []\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    root = Path(__file__).resolve().parent.parent
    for fmt in EXPORT_FORMATS.values():
        command = [sys.executable, "-m", "quizapp", "export", str(bank), "-o", str(out / f"quiz{fmt.suffix}")]
        result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(root)},
                                cwd=tmp_path)
        assert result.returncode == 1, (fmt.name, result.stdout)
        assert result.stderr == f"{bank}: no questions yet: nothing to export\n", fmt.name
        assert result.stdout == ""
    assert list(out.iterdir()) == []  # no file, and no temporary file left behind


def test_formats_other_than_pdf_never_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from quizapp.core.bank import load_bank\n"
        "from quizapp.formats import export_bank, import_bank_file\n"
        f"loaded = load_bank({str(BUNDLED)!r})\n"
        "for fmt, suffix in [('gift', '.gift'), ('moodle-xml', '.xml'), ('csv', '.csv'), ('anki', '.apkg')]:\n"
        f"    export_bank(loaded, fmt, Path({str(tmp_path)!r}) / ('x' + suffix))\n"
        f"import_bank_file(Path({str(tmp_path)!r}) / 'x.gift')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(root)}, cwd=tmp_path)
    assert result.stdout.strip() == "[]"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.apkg", "x.csv", "x.gift", "x.xml"]


def test_registry_gives_what_a_menu_needs(mali: LoadedBank) -> None:
    assert list(EXPORT_FORMATS) == ["gift", "moodle-xml", "csv", "anki", "pdf"]
    assert EXPORT_FORMATS["moodle-xml"].file_filter == "Moodle XML (*.xml)"
    assert suggested_file_name(mali, "anki") == "mali-helicopter-collision.apkg"


# Every character GIFT treats specially, and text that looks like its markers.
_PIECES = [*"ab Z9~=#{}:\\%[]\n\t.-é→", "[html]", "%50%", "::"]  # `->` has its own test
_TEXT = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map("".join).filter(lambda t: t.strip() != "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prompt=_TEXT,
       options=st.lists(_TEXT, min_size=2, max_size=5, unique_by=lambda t: " ".join(t.split()).casefold()),
       answer=st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
       tolerance=st.one_of(st.none(), st.decimals(min_value=0, max_value=1000, places=2),
                           st.sampled_from(["5%", "12.5%"])))
def test_gift_round_trip_of_any_text(tmp_path: Path, prompt: str, options: list[str], answer, tolerance) -> None:
    bank = Bank(title=prompt, questions=[
        ChoiceQuestion(type="choice", id=prompt, prompt=prompt, answer=options[0], distractors=options[1:]),
        NumericQuestion(type="numeric", id="n", prompt=prompt, answer=float(answer),
                        tolerance=float(tolerance) if isinstance(tolerance, Decimal) else tolerance),
    ])
    loaded = LoadedBank(tmp_path / "any.yaml", bank)
    out = tmp_path / "any.gift"
    export_bank(loaded, "gift", out)
    same_questions(loaded, out)


def test_gift_arrow_in_an_answer_is_not_read_as_matching(tmp_path: Path) -> None:
    bank = Bank(title="Arrows", questions=[ChoiceQuestion(
        type="choice", id="a", prompt="Which way -> ?", answer="left -> right", distractors=["up"])])
    out = tmp_path / "arrows.gift"
    export_bank(LoadedBank(tmp_path / "arrows.yaml", bank), "gift", out)
    assert "::a::[plain]Which way -> ? {\n\t=left → right\n\t~up\n}" in out.read_text(encoding="utf-8")
    assert import_bank_file(out).questions[0].answer == "left → right"


def test_export_never_overwrites_the_bank_itself(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text((DATA / "tricky-bank.yaml").read_text(encoding="utf-8").replace(
        "file: tricky-article.txt", f"file: {DATA / 'tricky-article.txt'}"), encoding="utf-8")
    before = bank.read_bytes()
    assert main(["export", str(bank), "--format", "gift", "-o", str(bank)]) == 1
    assert "this is the bank being exported" in capsys.readouterr().err
    assert bank.read_bytes() == before


def test_registering_the_commands_loads_nothing_heavy(tmp_path: Path) -> None:
    # `quizapp` builds its parser at every start, the app's included.
    code = (
        "import argparse, sys\n"
        "from quizapp.formats.command import add_format_parsers\n"
        "add_format_parsers(argparse.ArgumentParser().add_subparsers())\n"
        "heavy = ('pydantic', 'yaml', 'genanki', 'PySide6', 'quizapp.core.bank')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(root)}, cwd=tmp_path)
    assert result.stdout.strip() == "[]"


def test_moodle_xml_drops_characters_xml_cannot_hold(tmp_path: Path) -> None:
    bank = Bank(title="Control", questions=[ChoiceQuestion(
        type="choice", id="c", prompt="Form\x0cfeed and bell\x07?", answer="yes\x0b", distractors=["no"])])
    out = tmp_path / "control.xml"
    export_bank(LoadedBank(tmp_path / "control.yaml", bank), "moodle-xml", out)
    question = ET.parse(out).getroot().findall("question")[1]  # parses: well-formed
    assert question.findtext("questiontext/text") == "<p>Formfeed and bell?</p>"
