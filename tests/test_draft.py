"""Editing a bank as data: changes, checks, atomic saves with backups, comments."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.core.bank import check_bank_text, load_bank
from quizapp.core.draft import (
    BankDraft,
    DraftError,
    backup_path,
    find_comments,
    opening_comments,
    parse_number,
)


def test_edit_save_and_reload(bank_file: Path) -> None:
    draft = BankDraft.open(bank_file)
    original = bank_file.read_text(encoding="utf-8")
    draft.set_field(0, "prompt", "How many French soldiers died in the collision?")
    assert draft.check().ok
    draft.save()
    assert backup_path(bank_file).read_text(encoding="utf-8") == original
    loaded = load_bank(bank_file)
    assert loaded.bank.questions[0].prompt == "How many French soldiers died in the collision?"
    assert draft.disk_text == bank_file.read_text(encoding="utf-8")


def test_problems_point_at_the_question_and_field(bank_file: Path) -> None:
    draft = BankDraft.open(bank_file)
    draft.set_citation(2, source=None, quote="Macron never said this")
    draft.set_field(4, "answer", "twenty")
    locs = {p.loc[:3] for p in draft.check().errors}
    assert locs == {("questions", 2, "cite"), ("questions", 4, "answer")}


def test_invalid_draft_still_saves_everything_typed(bank_file: Path) -> None:
    draft = BankDraft.open(bank_file)
    draft.set_field(0, "answer", "about thirteen")
    draft.save()
    assert "answer: about thirteen" in bank_file.read_text(encoding="utf-8")


def test_broken_file_opens_as_text_and_can_be_fixed(bank_file: Path) -> None:
    text = bank_file.read_text(encoding="utf-8").replace("title: French", "title: [French", 1)
    bank_file.write_text(text, encoding="utf-8")
    draft = BankDraft.open(bank_file)
    assert draft.broken_text == text
    (problem,) = draft.check().problems
    assert problem.line == 4 and problem.message.startswith("the `[` list opened here is not closed")
    assert not draft.apply_text(text)
    assert draft.apply_text(text.replace("title: [French", "title: French"))
    assert draft.check().ok


def test_failed_save_keeps_the_draft_and_the_file(bank_file: Path, tmp_path: Path) -> None:
    draft = BankDraft.open(bank_file)
    draft.set_field(0, "prompt", "Changed?")
    with pytest.raises(DraftError, match="could not be saved"):
        draft.save(tmp_path / "no-such-folder" / "bank.yaml")
    assert draft.question(0)["prompt"] == "Changed?"
    assert draft.path == bank_file


def test_save_as_elsewhere_keeps_sources_working(bank_file: Path, tmp_path: Path) -> None:
    draft = BankDraft.open(bank_file)
    (tmp_path / "other").mkdir()
    draft.save(tmp_path / "other" / "copy.yaml")
    assert load_bank(tmp_path / "other" / "copy.yaml").articles


def test_a_copy_with_its_articles_cites_them_beside_it(bank_file: Path, tmp_path: Path) -> None:
    article = bank_file.parent.parent / "seeds" / "mali-helicopter-collision.txt"
    banks = tmp_path / "banks"
    banks.mkdir()
    theirs = banks / article.name  # the teacher's own file of that name: never replaced
    theirs.write_text("Another article.\n", encoding="utf-8")
    draft = BankDraft.open(bank_file)
    draft.save(banks / "copy.yaml", with_articles=True)
    assert theirs.read_text(encoding="utf-8") == "Another article.\n"
    (source,) = load_bank(banks / "copy.yaml").bank.sources.values()
    assert source.file == "mali-helicopter-collision-2.txt" == draft.data["sources"]["mali"]["file"]
    assert (banks / source.file).read_bytes() == article.read_bytes()
    # A second copy finds the same article there already, and cites it.
    draft.save(banks / "again.yaml", with_articles=True)
    assert draft.data["sources"]["mali"]["file"] == "mali-helicopter-collision-2.txt"
    assert sorted(p.name for p in banks.iterdir()) == [
        "again.yaml", "copy.yaml", "mali-helicopter-collision-2.txt", "mali-helicopter-collision.txt"]


def test_a_copy_that_cannot_be_saved_leaves_no_article_behind(bank_file: Path, tmp_path: Path) -> None:
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "copy.yaml").mkdir()  # where the bank should go, a folder: the write fails
    draft = BankDraft.open(bank_file)
    with pytest.raises(DraftError, match="could not be saved"):
        draft.save(banks / "copy.yaml", with_articles=True)
    assert [p.name for p in banks.iterdir()] == ["copy.yaml"]
    assert draft.data["sources"]["mali"]["file"] == "../seeds/mali-helicopter-collision.txt"
    assert draft.path == bank_file and draft.check().ok


def bank_citing_pasted_text(data_dir: Path, folder: Path) -> Path:
    """A bank in `folder` citing text pasted into the data folder's banks/ (as New bank from article keeps it)."""
    pasted = data_dir / "banks" / "bridge-closes.md"
    pasted.parent.mkdir(parents=True, exist_ok=True)
    pasted.write_text("---\ntitle: Bridge closes\n---\nThe bridge carries about 30,000 cars a day.\n",
                      encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    bank = folder / "bridge.yaml"
    rel = Path(os.path.relpath(pasted, folder)).as_posix()
    bank.write_text(f"title: Bridge\nsources:\n  bridge: {{file: {rel}}}\nquestions:\n- id: cars\n  type: numeric\n"
                    "  prompt: How many cars a day cross the bridge?\n  answer: 30000\n"
                    "  cite: {quote: 'The bridge carries about 30,000 cars a day.'}\n", encoding="utf-8")
    assert load_bank(bank).articles
    return bank


def test_a_bank_saved_outside_the_data_folder_takes_its_pasted_text_along(data_dir: Path, tmp_path: Path) -> None:
    bank = bank_citing_pasted_text(data_dir, tmp_path / "shared")
    theirs = tmp_path / "shared" / "bridge-closes.md"  # the teacher's own file of that name: never replaced
    theirs.write_text("Another article.\n", encoding="utf-8")
    draft = BankDraft.open(bank)
    taken = draft.save(articles_from=[data_dir])
    assert taken == [tmp_path / "shared" / "bridge-closes-2.md"]
    assert theirs.read_text(encoding="utf-8") == "Another article.\n"
    (source,) = load_bank(bank).bank.sources.values()
    assert source.file == "bridge-closes-2.md" and load_bank(bank).articles
    assert taken[0].read_bytes() == (data_dir / "banks" / "bridge-closes.md").read_bytes()
    # Saved again, nothing more is copied.
    assert draft.save(articles_from=[data_dir]) == []
    assert (data_dir / "banks" / "bridge-closes.md").exists()  # other banks may cite it too


def test_a_failed_save_takes_nothing_along(data_dir: Path, tmp_path: Path) -> None:
    bank = bank_citing_pasted_text(data_dir, tmp_path / "shared")
    draft = BankDraft.open(bank)
    (tmp_path / "elsewhere" / "bridge.yaml").mkdir(parents=True)  # a folder where the bank should go
    with pytest.raises(DraftError, match="could not be saved"):
        draft.save(tmp_path / "elsewhere" / "bridge.yaml", articles_from=[data_dir])
    assert [p.name for p in (tmp_path / "elsewhere").iterdir()] == ["bridge.yaml"]
    assert draft.path == bank and load_bank(bank).articles


def test_comment_lines() -> None:
    text = "# top\ntitle: 'a # not a comment'\nq: x  # trailing\nurl: http://x/#frag\n"
    assert [(c.line, c.text) for c in find_comments(text)] == [(1, "# top"), (3, "# trailing")]


def test_opening_comments_survive_a_save(bank_file: Path) -> None:
    """The schema line the README suggests, and a note on who wrote the bank, stay at the top."""
    header = "# yaml-language-server: $schema=../docs/bank.schema.json\n# Written by hand"
    draft = BankDraft.open(bank_file)
    assert not any("comments" in loss for loss in draft.layout_losses())  # they are kept: no loss
    draft.set_field(0, "unit", "people")
    draft.save()
    saved = bank_file.read_text(encoding="utf-8")
    assert saved.startswith(header)
    assert load_bank(bank_file).bank.questions[0].unit == "people"
    assert check_bank_text(saved, bank_file).errors == []
    assert opening_comments("format: 1\n# not opening\n") == ""


def test_new_questions_get_unique_ids(bank_file: Path) -> None:
    draft = BankDraft.open(bank_file)
    copy = draft.duplicate_of(0)
    assert copy["id"] == "soldiers-killed-1"
    draft.insert(1, copy)
    assert draft.duplicate_of(1)["id"] == "soldiers-killed-2"


@pytest.mark.parametrize(("text", "value"), [
    ("4500", 4500), ("4,500", 4500), ("4 500", 4500), ("-3.5", -3.5), ("12%", "12%"), ("abc", "abc"),
])
def test_parse_number(text: str, value: object) -> None:
    assert parse_number(text) == value


def test_hand_written_key_order_is_noticed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rain fell for 3 days.\n", encoding="utf-8")
    path = tmp_path / "bank.yaml"
    path.write_text("title: Rain\nsources: {a: {file: a.txt}}\nquestions:\n"
                    "  - {id: days, type: numeric, prompt: How many days?, answer: 3,"
                    " cite: {quote: Rain fell for 3 days}}\n"
                    "  - {type: numeric, id: days2, answer: 3, prompt: Days of rain?,"
                    " cite: {quote: Rain fell for 3 days}}\n", encoding="utf-8")
    draft = BankDraft.open(path)
    assert draft.reordered == [2]
    (loss,) = draft.layout_losses()
    assert loss.startswith("the order of the keys in question 2")
    draft.save()
    assert BankDraft.open(path).layout_losses() == []


SECOND_ARTICLE = "Wessex fines\n\nThe Wessex council was fined £2m for 13 breaches of the rules, the regulator said.\n"


def test_a_second_article_leaves_the_first_ones_citations_naming_it(bank_file: Path) -> None:
    """A bank of one article leaves `source:` out; with two, each citation must name its own."""
    second = bank_file.parent / "wessex.txt"
    second.write_text(SECOND_ARTICLE, encoding="utf-8")
    draft = BankDraft.open(bank_file)
    assert all("source" not in q["cite"] for q in draft.questions)
    assert draft.add_source(second) == "wessex"
    assert {q["cite"]["source"] for q in draft.questions} == {"mali"}
    assert draft.check().ok


def test_an_added_article_is_keyed_by_the_words_of_its_file_name(bank_file: Path) -> None:
    """As the generator keys it: accented letters as their plain ones, not cut in the middle of a word."""
    second = bank_file.parent / "Société Générale – résultats du troisième trimestre.txt"
    second.write_text(SECOND_ARTICLE, encoding="utf-8")
    draft = BankDraft.open(bank_file)
    assert draft.add_source(second) == "societe-generale-resultats-du-troisieme-trimestre"


def test_added_questions_keep_their_article_apart_from_the_banks(bank_file: Path) -> None:
    second = bank_file.parent / "wessex.txt"
    second.write_text(SECOND_ARTICLE, encoding="utf-8")
    draft = BankDraft.open(bank_file)
    count = len(draft.questions)
    # Generated from another article, under a key the bank already uses, citing it without naming it.
    new = {"id": "soldiers-killed", "type": "numeric", "answer": 13,
           "prompt": "The Wessex council was fined £2m for ___ breaches of the rules. What number fills the gap?",
           "cite": {"quote": "The Wessex council was fined £2m for 13 breaches of the rules"}}
    draft.add_questions([new], {"mali": {"file": "wessex.txt"}})
    assert draft.data["sources"]["mali"] == {"file": "../seeds/mali-helicopter-collision.txt", "author": "Paquette"}
    assert draft.data["sources"]["mali-2"] == {"file": "wessex.txt"}
    added = draft.question(count)
    assert (added["id"], added["cite"]["source"]) == ("soldiers-killed-1", "mali-2")
    assert {q["cite"]["source"] for q in draft.questions[:count]} == {"mali"}
    assert draft.check().ok

    # More from the bank's own article share its source.
    again = dict(new, id="again", cite={"quote": "A collision of two helicopters killed 13 French soldiers"})
    draft.add_questions([again], {"seed": {"file": "../seeds/mali-helicopter-collision.txt"}})
    assert set(draft.data["sources"]) == {"mali", "mali-2"}
    assert draft.question(count + 1)["cite"]["source"] == "mali"
    assert draft.check().ok


def test_comments_of_a_text_fixed_or_typed_are_counted_as_lost(bank_file: Path) -> None:
    """A file that did not parse had its comments counted nowhere; a text typed in the editor may add some."""
    text = bank_file.read_text(encoding="utf-8").replace("  - id: mali-president\n",
                                                         "  # checked twice\n  - id: mali-president\n", 1)
    draft = BankDraft.from_text(bank_file, text.replace("title: French", "title: [French", 1))
    assert draft.broken_text is not None and draft.layout_losses() == []  # saved as it is: nothing lost
    assert draft.apply_text(text + "# more to ask\n")
    line = text.splitlines().index("  # checked twice") + 1
    assert [(c.line, c.text) for c in draft.lost_comments()] == [(line, "# checked twice"),
                                                               (text.count("\n") + 1, "# more to ask")]
    assert [c.text for c in draft.lost_comments(elsewhere=True)] == ["# more to ask"]  # not in the file
    draft.accept_layout_losses()
    assert draft.lost_comments() == []
    assert draft.apply_text(draft.text() + "# and this\n")  # the text as saving writes it, and one more
    assert [c.text for c in draft.lost_comments()] == ["# and this"]


def test_a_generated_draft_and_the_description_that_says_it_was_reviewed(tmp_path: Path) -> None:
    """The wording a bank reviewed in the app gets, from New bank from article… and from the editor alike."""
    draft = BankDraft.new(tmp_path / "b.yaml", "B")
    assert not draft.is_draft
    draft.data["description"] = "Generated by quizapp from lighthouse.txt; check the questions before use."
    assert draft.is_draft
    assert draft.reviewed_description() == "Questions reviewed in quizapp."  # (no article yet)
    draft.data["sources"] = {"a": {"file": "../seeds/lighthouse.txt"}, "b": {"file": "harbour.md"}}
    assert draft.reviewed_description() == "Questions from lighthouse.txt, harbour.md, reviewed in quizapp."
    assert draft.reviewed_description(written=True) == "Questions from lighthouse.txt, harbour.md, written in quizapp."
