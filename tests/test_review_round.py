"""benchmarks/ranker/review.py: a review round's packets shared out, and its verdicts summed up (made-up packets)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("review", ROOT / "benchmarks" / "ranker" / "review.py")
review = importlib.util.module_from_spec(spec)
spec.loader.exec_module(review)


def packet(text: str, prompts: list[tuple[str, str]]) -> str:
    qs = "".join(f"## Q{i} [{kind}]\n\nPrompt: {prompt}\n\n" for i, (kind, prompt) in enumerate(prompts, 1))
    return f"# Article\n\n```\n{text}\n```\n\n# Generated questions ({len(prompts)})\n\n{qs}"


def eval_folder(tmp_path: Path) -> Path:
    ev = tmp_path / "eval"
    (ev / "calibration").mkdir(parents=True)
    (ev / "BRIEF.md").write_text("brief", encoding="utf-8")
    (ev / "criteria.md").write_text("criteria", encoding="utf-8")
    for name in ("D01", "D02"):
        (ev / "calibration" / f"{name}.md").write_text(
            packet("Wessex Rovers were fined £45,000.", [("numeric", "Wessex Rovers were fined £___."),
                                                         ("choice", "Who said it?")]), encoding="utf-8")
    (ev / "calibration" / "verdicts.jsonl").write_text("".join(
        json.dumps({"article": a, "q": q, "acceptable": q == 1}) + "\n" for a in ("D01", "D02") for q in (1, 2)),
        encoding="utf-8")
    return ev


def test_each_reviewer_gets_a_share_of_the_packets_their_calibration_packets_and_the_brief(tmp_path):
    ev = eval_folder(tmp_path)
    round_dir = tmp_path / "rounds" / "A1"
    (round_dir / "packets").mkdir(parents=True)
    for i in range(5):
        (round_dir / "packets" / f"story-{i}.md").write_text(packet(f"Story {i}.", []), encoding="utf-8")
    folders = review.split(round_dir, ["D01", "D02"], ev)
    shared = [sorted(p.name for p in (f / "packets").glob("story-*.md")) for f in folders]
    assert sorted(name for s in shared for name in s) == [f"story-{i}.md" for i in range(5)]  # one reviewer each
    assert [len(s) for s in shared] == [3, 2]
    assert (folders[0] / "packets" / "D01.md").exists() and not (folders[0] / "packets" / "D02.md").exists()
    assert sorted(p.name for p in folders[1].iterdir()) == ["BRIEF.md", "criteria.md", "packets"]


def test_the_round_pools_its_own_verdicts_counts_its_yield_and_compares_calibration(tmp_path):
    ev = eval_folder(tmp_path)
    round_dir = tmp_path / "rounds" / "A1"
    for folder, lines in (("r1", [{"article": "story-1", "q": 1, "acceptable": True},
                                  {"article": "D01", "q": 1, "acceptable": False},
                                  {"article": "D01", "q": 2, "acceptable": True}]),
                          ("r2", [{"article": "story-2", "q": 1, "acceptable": False}])):
        (round_dir / folder).mkdir(parents=True)
        (round_dir / folder / "verdicts.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines),
                                                           encoding="utf-8")
        (round_dir / folder / "verdicts-articles.jsonl").write_text("", encoding="utf-8")
    own, calibration = review.merge_verdicts(round_dir)
    assert [v["article"] for v in own] == ["story-1", "story-2"]
    assert (round_dir / "verdicts.jsonl").read_text(encoding="utf-8").count("\n") == 2
    # the standard passed D01's figure question and failed its other one; this reviewer did the opposite
    assert review.calibration_agreement(calibration, ev) == {"figure": (1, 0, 1), "other": (1, 1, 0)}
    (round_dir / "packets").mkdir()
    (round_dir / "banks").mkdir()
    (round_dir / "packets" / "story-1.md").write_text(packet("one two three four five six", []), encoding="utf-8")
    (round_dir / "packets" / "story-2.md").write_text(packet("seven eight nine", []), encoding="utf-8")
    (round_dir / "banks" / "story-1.yaml").write_text("questions: [{id: a}, {id: b}]\n", encoding="utf-8")
    assert review.words_and_questions(round_dir) == (9, 2, 1)  # story-2 has no bank: an empty one


def test_rounds_scored_together_are_pooled_and_a_single_round_is_its_own_pool(tmp_path):
    rounds = []
    for name, article in (("A1", "story-1"), ("A2", "story-2")):
        d = tmp_path / name
        (d / "banks").mkdir(parents=True)
        (d / "banks" / f"{article}.yaml").write_text("questions: [{id: a}]\n", encoding="utf-8")
        (d / "verdicts.jsonl").write_text(json.dumps({"article": article, "q": 1, "acceptable": True}) + "\n",
                                          encoding="utf-8")
        (d / "verdicts-articles.jsonl").write_text(json.dumps({"article": article}) + "\n", encoding="utf-8")
        rounds.append(d)
    assert review.pool_rounds(rounds[:1]) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["A1", "A2"]  # nothing written beside a single round
    pooled = review.pool_rounds(rounds)
    assert pooled == tmp_path / "A1+A2"
    assert sorted(p.name for p in (pooled / "banks").iterdir()) == ["story-1.yaml", "story-2.yaml"]
    assert [json.loads(x)["article"] for x in (pooled / "verdicts.jsonl").read_text().splitlines()] == \
        ["story-1", "story-2"]
