"""GIFT and Moodle XML grade a number as the app does: full marks in the accepted range, half a mark when close.

Moodle's numerical question grades an answer by the first of its answers whose value plus or minus its
(absolute) tolerance holds it, at that answer's fraction; none matching scores 0. GIFT writes such an
answer as `=%50%41:1` (weight, value:tolerance) or `=%50%40..42` (a range, its middle and half width).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from quizapp.core.bank import LoadedBank, load_bank
from quizapp.core.model import Bank, NumericQuestion
from quizapp.core.scoring import close_margin, mark_numeric
from quizapp.formats import export_bank
from quizapp.paths import bundled_banks_dir

DATA = Path(__file__).parent / "data" / "formats"
Graded = tuple[float, float, float]  # fraction (0 to 1), value, tolerance


def xml_answers(question: ET.Element) -> list[Graded]:
    return [(float(a.get("fraction")) / 100, float(a.findtext("text")), float(a.findtext("tolerance") or 0))
            for a in question.findall("answer")]


# One answer in a GIFT numerical question: `=`, an optional weight, then `value:tolerance`, `low..high` or `value`.
_GIFT_ANSWER = re.compile(r"=(?:%(\d+(?:\.\d+)?)%)?(-?[\d.]+?)(?:\.\.(-?[\d.]+)|:([\d.]+))?(?=[\s#]|$)")


def gift_answers(line: str) -> list[Graded]:
    assert line.startswith("#=")
    out = []
    for weight, first, high, tolerance in _GIFT_ANSWER.findall(line.split("#[plain]")[0][1:]):
        fraction = float(weight or 100) / 100
        if high:  # Moodle grades a range as its middle plus or minus half its width
            out.append((fraction, (float(first) + float(high)) / 2, (float(high) - float(first)) / 2))
        else:
            out.append((fraction, float(first), float(tolerance or 0)))
    return out


def moodle_grade(answers: list[Graded], value: float) -> float:
    """The fraction Moodle gives `value`: the first answer that holds it wins."""
    for fraction, centre, tolerance in answers:
        if centre - tolerance - 1e-9 <= value <= centre + tolerance + 1e-9:
            return fraction
    return 0.0


def probes(q: NumericQuestion) -> list[float]:
    """Numbers in, at the edges of, near and beyond the accepted and close ranges."""
    low, high = q.accepted_range
    m = close_margin(q)
    return [q.answer, low, high, low - m / 2, high + m / 2, low - 0.99 * m, high + 0.99 * m,
            low - 1.01 * m, high + 1.01 * m, low - 3 * m, high + 3 * m]


MADE_UP = LoadedBank(Path("made-up.yaml"), Bank(title="Numbers", questions=[
    NumericQuestion(type="numeric", id="exact", prompt="How many?", answer=41),
    NumericQuestion(type="numeric", id="decimal", prompt="How much?", answer=2.5),
    NumericQuestion(type="numeric", id="share", prompt="What share?", answer=28.3, tolerance="1.8%"),
    NumericQuestion(type="numeric", id="range", prompt="How far?", answer=7, min=5, max=12),
]))
BANKS = [*sorted(bundled_banks_dir().glob("*.yaml")), DATA / "tricky-bank.yaml", None]


@pytest.mark.parametrize("bank_path", BANKS, ids=lambda p: p.name if p else "made-up")
def test_moodle_gives_the_apps_points_to_every_number(bank_path: Path | None, tmp_path: Path) -> None:
    loaded = load_bank(bank_path) if bank_path else MADE_UP
    numeric = [q for q in loaded.bank.questions if isinstance(q, NumericQuestion)]
    assert numeric
    export_bank(loaded, "moodle-xml", tmp_path / "bank.xml")
    export_bank(loaded, "gift", tmp_path / "bank.gift")
    xml = {el.findtext("name/text"): xml_answers(el) for el in ET.parse(tmp_path / "bank.xml").getroot()
           .iter("question") if el.get("type") == "numerical"}
    gift_lines = iter((tmp_path / "bank.gift").read_text(encoding="utf-8").splitlines())
    gift = {}
    for line in gift_lines:
        if line.startswith("::"):
            qid = line[2:line.index("::", 2)].replace("\\", "")
            gift[qid] = next(gift_lines).strip()
    for q in numeric:
        for value in probes(q):
            points = mark_numeric(q, value).points
            assert moodle_grade(xml[q.id], value) == points, (q.id, value, xml[q.id])
            assert moodle_grade(gift_answers(gift[q.id]), value) == points, (q.id, value, gift[q.id])


def test_a_close_number_gets_half_a_mark_with_feedback_that_says_so(tmp_path: Path) -> None:
    export_bank(MADE_UP, "moodle-xml", tmp_path / "bank.xml")
    exact = next(el for el in ET.parse(tmp_path / "bank.xml").getroot().iter("question")
                 if el.findtext("name/text") == "exact")
    answers = exact.findall("answer")
    assert [(a.get("fraction"), a.findtext("text"), a.findtext("tolerance")) for a in answers] == [
        ("100", "41", "0"), ("50", "41", "1")]  # 42 for 41 is close, as the app scores it
    assert answers[1].findtext("feedback/text") == "<p>Close, for half a mark: the answer is 41.</p>"
    export_bank(MADE_UP, "gift", tmp_path / "bank.gift")
    assert "\t#=41:0 =%50%41:1#[plain]Close, for half a mark\\: the answer is 41.\n" in \
        (tmp_path / "bank.gift").read_text(encoding="utf-8")


def test_tolerances_are_written_as_typed_without_float_noise(tmp_path: Path) -> None:
    """12.3 within 0.1 was written `<tolerance>0.0999999999999996</tolerance>` (the floats' 12.4 - 12.3), and its
    close range as 0.199999999999999: each width is worked out from the numbers as typed."""
    (tmp_path / "notes.txt").write_text("The river rose 12.3 metres. It was 98.6 metres long.\n", encoding="utf-8")
    bank = tmp_path / "river.yaml"
    bank.write_text("title: River\nsources:\n  notes: {file: notes.txt}\nquestions:\n"
                    "  - {id: rose, type: numeric, prompt: How far did the river rise?, answer: 12.3, tolerance: 0.1,"
                    " cite: {quote: The river rose 12.3 metres}}\n"
                    "  - {id: long, type: numeric, prompt: How long was it?, answer: 98.6, max: 98.9,"
                    " cite: {quote: It was 98.6 metres long}}\n", encoding="utf-8")
    loaded = load_bank(bank)
    export_bank(loaded, "moodle-xml", tmp_path / "river.xml")
    graded = {el.findtext("name/text"): [(a.findtext("text"), a.findtext("tolerance")) for a in el.findall("answer")]
              for el in ET.parse(tmp_path / "river.xml").getroot().iter("question") if el.get("type") == "numerical"}
    assert graded == {"rose": [("12.3", "0.1"), ("12.3", "0.2")],
                      "long": [("98.6", "0"), ("98.75", "0.15"), ("98.75", "0.3")]}
    export_bank(loaded, "gift", tmp_path / "river.gift")
    gift = (tmp_path / "river.gift").read_text(encoding="utf-8")
    assert "#=12.3:0.1 =%50%12.3:0.2#" in gift
    assert "#=98.6:0 =98.6..98.9 =%50%98.45..99.05#" in gift
