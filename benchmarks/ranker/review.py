"""Run a review round: fresh samples, packets split among reviewers, verdicts summed up.

    python benchmarks/ranker/review.py draw ROUNDS A1 A2 ...        # a fresh sample each (seed = the time)
    python benchmarks/ranker/review.py split ROUNDS/A1 D01,D07 D02,D08 D03,D09
    python benchmarks/ranker/review.py prompt ROUNDS/A1/r1          # what a reviewer is told
    python benchmarks/ranker/review.py score ROUNDS/A1 ROUNDS/A2 ...

ROUNDS is a folder outside the checkout: packets hold the articles' text, which never goes into the
repository. `draw` runs ../shared/eval/packets.py with the installed `quizapp` (45 articles a sample,
each sample's seed a different second). `split` gives each reviewer a folder r1, r2, ... with an equal
share of the packets, two calibration packets of ../shared/eval/calibration (the standard's verdicts on
them are known), BRIEF.md and criteria.md, and nothing else. Each reviewer is a helper started with
`prompt`'s text only. `score` pools the reviewers' verdicts (less the calibration packets) into the
round's verdicts.jsonl, runs ../shared/eval/score.py on each round and on all together, and prints
questions per 600 words and how the reviewers judged the calibration packets against the standard.
Label the verdicts afterwards with train.py label.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
CALIBRATION = re.compile(r"D\d\d")  # the calibration packets' names
PROMPT = """You are a reviewer of automatically generated quiz questions. Everything you need is in the folder {folder}:
- {folder}/BRIEF.md: your brief (who you are, what to judge, the output format). Follow it exactly.
- {folder}/criteria.md: the standard every question must meet.
- {folder}/packets/: one packet per news article (the article text, then the questions generated from it). \
Review every packet there.

Read BRIEF.md and criteria.md first, then each packet in full. Judge each question strictly against the article \
text, as the brief says. Use the packet's file name without ".md" as the "article" value (e.g. "business-025"), \
and the question's number as "q".

Write your verdicts to {folder}/verdicts.jsonl (one line per question) and {folder}/verdicts-articles.jsonl (one \
line per article, also for packets with no questions), in the JSON formats the brief gives. Do not read any file \
outside {folder}. When done, reply with the summary the brief asks for."""


def draw(rounds: Path, names: list[str], n: int = 45, quizapp: str = "quizapp") -> None:
    """A fresh sample of `n` articles for each name, each with a seed of its own (the time, in seconds)."""
    last = 0
    for name in names:
        while (seed := int(time.time())) <= last:
            time.sleep(0.2)
        last = seed
        subprocess.run([sys.executable, str(EVAL / "packets.py"), str(rounds / name), "--n", str(n),
                        "--seed", str(seed), "--quizapp", quizapp], check=True)


def split(round_dir: Path, calibration: list[str], eval_dir: Path = EVAL) -> list[Path]:
    """Reviewer folders r1, r2, ...: the round's packets shared out (in an order fixed by the round's name),
    each folder with its calibration packets (one comma-separated list a folder), the brief and the criteria."""
    packets = sorted((round_dir / "packets").glob("*.md"))
    random.Random(round_dir.name).shuffle(packets)
    folders = []
    for i, cal in enumerate(calibration):
        folder = round_dir / f"r{i + 1}"
        (folder / "packets").mkdir(parents=True, exist_ok=True)
        for p in packets[i::len(calibration)]:
            shutil.copy(p, folder / "packets" / p.name)
        for name in filter(None, cal.split(",")):
            shutil.copy(eval_dir / "calibration" / f"{name}.md", folder / "packets" / f"{name}.md")
        for doc in ("BRIEF.md", "criteria.md"):
            shutil.copy(eval_dir / doc, folder / doc)
        folders.append(folder)
    return folders


def merge_verdicts(round_dir: Path) -> tuple[list[dict], list[dict]]:
    """The reviewers' verdicts on the round's own articles, written to the round's verdicts.jsonl and
    verdicts-articles.jsonl, and those on the calibration packets."""
    own: dict[str, list[str]] = {"verdicts.jsonl": [], "verdicts-articles.jsonl": []}
    calibration: list[dict] = []
    for file in own:
        for f in sorted(round_dir.glob(f"r*/{file}")):
            for line in f.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                record = json.loads(line)
                if CALIBRATION.fullmatch(str(record.get("article"))):
                    if "q" in record:
                        calibration.append(record)
                else:
                    own[file].append(line)
    for file, lines in own.items():
        (round_dir / file).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return [json.loads(line) for line in own["verdicts.jsonl"]], calibration


def words_and_questions(round_dir: Path) -> tuple[int, int, int]:
    """(words of article text, questions, empty banks) over a round's packets."""
    words = questions = empty = 0
    for p in sorted((round_dir / "packets").glob("*.md")):
        text = re.search(r"```\n(.*?)\n```", p.read_text(encoding="utf-8"), re.S)
        bank = round_dir / "banks" / f"{p.stem}.yaml"
        count = len((yaml.safe_load(bank.read_text(encoding="utf-8")) or {}).get("questions") or []) \
            if bank.exists() else 0
        words += len(text.group(1).split()) if text else 0
        questions += count
        empty += count == 0
    return words, questions, empty


def calibration_agreement(verdicts: list[dict], eval_dir: Path = EVAL) -> dict[str, tuple[int, int, int]]:
    """Per kind ('figure': numeric and statement questions, 'other'): (judged, passed by the reviewers,
    passed by the standard) on the calibration packets."""
    standard = {(r["article"], r["q"]): bool(r["acceptable"]) for r in map(
        json.loads, (eval_dir / "calibration" / "verdicts.jsonl").read_text(encoding="utf-8").splitlines()) if r}
    packets: dict[str, str] = {}
    out: dict[str, tuple[int, int, int]] = {}
    for v in verdicts:
        if v["article"] not in packets:
            packets[v["article"]] = (eval_dir / "calibration" / f"{v['article']}.md").read_text(encoding="utf-8")
        packet = packets[v["article"]]
        m = re.search(rf"## Q{int(v['q'])} \[(\w+)\]\n+Prompt: (.*)", packet)
        figure = m is not None and (m.group(1) == "numeric" or m.group(2).startswith("Which of these statements"))
        kind = "figure" if figure else "other"
        n, ours, theirs = out.get(kind, (0, 0, 0))
        out[kind] = (n + 1, ours + bool(v["acceptable"]), theirs + standard.get((v["article"], int(v["q"])), False))
    return out


def pool_rounds(round_dirs: list[Path]) -> Path | None:
    """A folder beside the rounds ('A1+A2+A3') holding all their banks and merged verdicts, for score.py to
    sum up together; None for a single round, which is its own pool."""
    if len(round_dirs) < 2:
        return None
    everything = round_dirs[0].parent / "+".join(d.name for d in round_dirs)
    (everything / "banks").mkdir(parents=True, exist_ok=True)
    for d in round_dirs:
        for bank in (d / "banks").glob("*.yaml"):
            shutil.copy(bank, everything / "banks" / bank.name)
    for name in ("verdicts.jsonl", "verdicts-articles.jsonl"):
        (everything / name).write_text("".join((d / name).read_text(encoding="utf-8") for d in round_dirs),
                                       encoding="utf-8")
    return everything


def score(round_dirs: list[Path]) -> None:
    """score.py on each round and on all of them, with yield and calibration."""
    calibration = []
    words = questions = empty = 0
    for d in round_dirs:
        _, cal = merge_verdicts(d)
        calibration += cal
        w, q, e = words_and_questions(d)
        words, questions, empty = words + w, questions + q, empty + e
        print(f"== {d.name}: {q} questions, {q / max(w, 1) * 600:.2f} per 600 words, {e} empty banks")
        subprocess.run([sys.executable, str(EVAL / "score.py"), str(d), str(d / "verdicts.jsonl"),
                        str(d / "verdicts-articles.jsonl")], check=True)
    everything = pool_rounds(round_dirs)
    if everything is not None:
        print(f"== all: {questions} questions, {questions / max(words, 1) * 600:.2f} per 600 words "
              f"({words} words), {empty} empty banks")
        subprocess.run([sys.executable, str(EVAL / "score.py"), str(everything), str(everything / "verdicts.jsonl"),
                        str(everything / "verdicts-articles.jsonl")], check=True)
    for kind, (n, ours, theirs) in sorted(calibration_agreement(calibration).items()):
        print(f"calibration, {kind} questions: reviewers passed {ours} of {n}, the standard {theirs}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("draw")
    p.add_argument("rounds", type=Path)
    p.add_argument("names", nargs="+")
    p.add_argument("--n", type=int, default=45)
    p.add_argument("--quizapp", default=str(Path(sys.executable).with_name("quizapp")))
    p = sub.add_parser("split")
    p.add_argument("round", type=Path)
    p.add_argument("calibration", nargs="+", help="the calibration packets of each reviewer: D01,D07 D02,D08 ...")
    p = sub.add_parser("prompt")
    p.add_argument("folder", type=Path)
    p = sub.add_parser("score")
    p.add_argument("rounds", type=Path, nargs="+")
    args = ap.parse_args(argv)
    if args.command == "draw":
        draw(args.rounds, args.names, args.n, args.quizapp)
    elif args.command == "split":
        for folder in split(args.round, args.calibration):
            print(folder, len(list((folder / "packets").glob("*.md"))), "packets")
    elif args.command == "prompt":
        print(PROMPT.format(folder=args.folder.resolve()))
    else:
        score(args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
