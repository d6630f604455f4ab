"""Saving banks, the JSON Schema, and loaders that never crash on junk."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.core.bank import check_bank, dump_bank, load_bank, save_bank
from quizapp.core.model import Bank
from quizapp.core.schema import bank_json_schema
from quizapp.paths import bundled_banks_dir

BUNDLED = bundled_banks_dir() / "mali-helicopter-collision.yaml"


@pytest.fixture(scope="module")
def bank_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled questions/ and seeds/ folders, so tests never write into the checkout."""
    root = tmp_path_factory.mktemp("bundled")
    shutil.copytree(BUNDLED.parent, root / "questions")
    shutil.copytree(BUNDLED.parent.parent / "seeds", root / "seeds")
    return root / "questions" / BUNDLED.name


def test_save_then_load_gives_the_same_bank(bank_copy: Path) -> None:
    loaded = load_bank(bank_copy)
    target = bank_copy.parent / "roundtrip.yaml"
    save_bank(loaded.bank, target)
    again = load_bank(target)
    assert again.bank == loaded.bank
    assert dump_bank(again.bank) == target.read_text(encoding="utf-8")


def test_save_as_elsewhere_rewrites_source_paths(tmp_path: Path) -> None:
    loaded = load_bank(BUNDLED)
    target = tmp_path / "deeper" / "copy.yaml"
    target.parent.mkdir()
    save_bank(loaded.bank, target, from_dir=BUNDLED.parent)
    again = load_bank(target)
    assert again.bank.questions == loaded.bank.questions
    assert again.articles["mali"].text == loaded.articles["mali"].text


def test_saved_file_is_readable_unicode_block_style(tmp_path: Path) -> None:
    text = dump_bank(load_bank(BUNDLED).bank)
    assert "Keïta" in text and "\\u" not in text
    assert text.startswith("format: 1\ntitle: French helicopter collision in Mali\n")
    first = text.index("- id: soldiers-killed")
    assert text[first:].splitlines()[1:4] == [
        "    type: numeric",
        "    prompt: How many French soldiers were killed when two helicopters collided during "
        "a night operation in Mali?",
        "    answer: 13",
    ]


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_failed_save_leaves_the_old_file(tmp_path: Path) -> None:
    bank = load_bank(BUNDLED).bank
    target = tmp_path / "bank.yaml"
    target.write_text("title: old\n", encoding="utf-8")
    bad = bank.model_copy(update={"title": object()})
    with pytest.raises(yaml.YAMLError):
        save_bank(bad, target)
    assert target.read_text(encoding="utf-8") == "title: old\n"
    assert os.listdir(tmp_path) == ["bank.yaml"]


def test_schema_is_valid_and_accepts_the_bundled_banks() -> None:
    schema = bank_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in sorted(bundled_banks_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_schema_rejects_a_typo() -> None:
    data = {"title": "t", "questions": [{"id": "a", "type": "choice", "prompt": "p?",
                                         "answer": "x", "distractor": ["y"]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, bank_json_schema())


def test_committed_schema_file_is_current() -> None:
    committed = Path(__file__).parent.parent / "docs" / "bank.schema.json"
    if not committed.exists():
        pytest.skip("not a checkout")
    assert json.loads(committed.read_text(encoding="utf-8")) == bank_json_schema()


# --- junk never crashes the loader ----------------------------------------

yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         st.text(max_size=50), st.dates())
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(
                                ["title", "sources", "questions", "id", "type", "prompt", "answer",
                                 "distractors", "cite", "quote", "source", "file", "tolerance",
                                 "min", "max", "tags", "difficulty", "x"]) | st.text(max_size=8),
                                inner, max_size=6)),
    max_leaves=30)


def _check_never_raises(path: Path) -> None:
    check = check_bank(path)
    assert check.ok or check.errors
    for problem in check.problems:
        assert problem.path == path and problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=yaml_values)
def test_random_documents_give_problems_not_exceptions(tmp_path: Path, doc: object) -> None:
    path = tmp_path / "random.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    _check_never_raises(path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_bank_files_give_problems_not_exceptions(bank_copy: Path, data: st.DataObject) -> None:
    original = bank_copy.read_bytes()
    cut = data.draw(st.integers(0, len(original)))
    junk = data.draw(st.binary(max_size=20) | st.text(max_size=20).map(str.encode)
                     | st.sampled_from([b": ", b"- ", b"&a ", b"*a", b"\t", b"{", b"'", b"\n  "]))
    mutated = original[:cut] + junk + original[cut + data.draw(st.integers(0, 30)):]
    path = bank_copy.parent / "mutated.yaml"
    path.write_bytes(mutated)
    _check_never_raises(path)


@pytest.mark.parametrize("text", [
    "[" * 5000 + "]" * 5000,
    "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)) + "title: *i\n",
    "title: !!python/object:os.system ls\n",
    "questions: !!binary aGVsbG8=\ntitle: t\n",
])
def test_hostile_documents(tmp_path: Path, text: str) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    check = check_bank(path)
    assert not check.ok
    assert check.errors


def test_huge_string_loads(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text("title: " + "x" * 5_000_000 + "\n", encoding="utf-8")
    assert len(load_bank(path).bank.title) == 5_000_000


def test_bank_model_is_plain_data() -> None:
    bank = Bank.model_validate({"title": "t"})
    assert bank.questions == [] and bank.sources == {}
