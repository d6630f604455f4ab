"""Fit the generator's ranker on reviewers' verdicts; reproduce quizapp/generate/ranker.json.

    python benchmarks/ranker/train.py label ROUND_DIR VERDICTS.jsonl ... -o benchmarks/ranker/labels/NAME.jsonl
    python benchmarks/ranker/train.py refresh      # recompute every label's features with today's generator,
                                                   # and the pool of what a bank at a low bar keeps
    python benchmarks/ranker/train.py fit          # labels -> weights, threshold, held-back figures
    python benchmarks/ranker/train.py stability    # how far that threshold moves when the pool is resampled

ROUND_DIR is a folder written by ../shared/eval/packets.py (its sample.txt names the articles,
its banks/ the questions the verdicts number); review.py draws such rounds, shares them out among
reviewers and sums their verdicts up. A label file holds, per judged question, the
article's corpus name, the question id, its kind, the verdict and the features — never article
text: `label` and `refresh` regenerate the candidates from ../shared/corpus to read features.
`fit` reads only the label files and the pool file, so it reproduces the shipped weights exactly.
pending/ holds label files of the latest measurement, judged on the shipped weights: not fitted on yet,
so that those weights stay the ones the measurement judged; move them to labels/ at the next refit.

The labels are not a random sample of what the generator asks: most rounds were drawn at the bar of
their day, so a question that stayed above it was judged in round after round, and one just below it
rarely. The bar is therefore chosen on the pool (`pool.jsonl`: every question a bank at a bar of 0.01
keeps on every corpus article, as article, id, kind and features), each question counted once, as a
fresh sample of articles meets them: by the verdicts of the latest round that judged it, or, never
judged, by the judged ones of its held-back score.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import json
import sys
import zlib
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels"
POOL = HERE / "pool.jsonl"
ROOT = HERE.parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
WEIGHTS = ROOT / "quizapp" / "generate" / "ranker.json"

# Verdicts given for the bank as a whole, not for the question: the selection handles these.
BANK_LEVEL = {"duplicate"}
FOLDS = 4  # articles in four folds: each fold's labels are scored by weights fitted on the other three
PRECISION = 0.90
# A bar that keeps less than this share of the good questions leaves most banks empty (a bar of 0.79
# kept 13 questions from 44 articles, 34 banks empty; at a bar keeping 81% of them, half the banks
# are empty already): the precision rule must keep at least this. The few labels at the very top
# of the scale can also reach 90% by chance where the bars just below them stay at 84%.
MIN_RECALL = 0.5
P_SLACK = 0.005  # precision differences smaller than this are noise on a few hundred pool questions
L2 = 1.0
LOW_BAR = 0.01  # a bank at this bar keeps the same kinds of question as one at the shipped bar, and more
BIN = 0.05  # an unjudged pool question counts as the judged ones in its band of held-back score this wide
RENAMED = 0.8  # how alike an old and a new id must be (difflib's ratio) to be one question reworded


def corpus_name(path: Path) -> str:
    """'train/business-019.txt' for an article of ../shared/corpus."""
    return f"{path.parent.name}/{path.name}"


def candidates_of(name: str, wanted: set[str] | frozenset[str] = frozenset()
                  ) -> dict[str, tuple[str, dict[str, float], bool]]:
    """id -> (kind, features, offered) for every candidate the generator finds on one corpus article (offered:
    whether a bank could keep it, were its confidence high enough), and, where
    some `wanted` id is not among them, for those a bank keeps: of two questions on one figure, the
    pool lists one and a bank may keep the other ("soared more than 16%" in the lead, "up 16% to 18p")."""
    out = dict(_generated(name, 0))
    if not wanted <= out.keys():
        # (a bank at a bar just above 0 too: what it keeps does not move with the shipped bar)
        for bar in (LOW_BAR, None):
            for qid, found in _generated(name, bar).items():
                out.setdefault(qid, found)
    return out


def renamed(old: str, kind: str, now: dict[str, tuple[str, dict[str, float], bool]], taken: set[str]) -> str | None:
    """The id a labelled question has now, where only its wording moved ('check-mr-hale-said-fares-rise' ->
    'check-tom-hale-said-fares-rise', once the stem names him in full): the most alike id of the same kind
    that no other label of the article holds, if it is alike enough."""
    best = max(((difflib.SequenceMatcher(None, old, qid).ratio(), qid) for qid, (k, _, _) in now.items()
                if k == kind and qid not in taken), default=(0.0, None))
    return best[1] if best[0] >= RENAMED else None


@functools.cache
def _generated(name: str, bar: float | None) -> dict[str, tuple[str, dict[str, float], bool]]:
    """The candidates generate_candidates keeps at `bar` (0: all; None: a bank's), generated once."""
    from quizapp.core.errors import QuizappError
    from quizapp.generate.api import generate_candidates
    from quizapp.generate.questions import offerable
    from quizapp.generate.rank import kind_of

    try:
        _, _, kept = generate_candidates([CORPUS / name], min_confidence=bar, bank_dir=CORPUS)
    except QuizappError:
        return {}  # no longer read as an article (a video page, say): its labels drop out
    return {c.question.id: (kind_of(c), c.features, offerable(c)) for c in kept}


def cmd_label(args: argparse.Namespace) -> int:
    round_dir = Path(args.round)
    paths = {Path(line).stem: Path(line) for line in (round_dir / "sample.txt").read_text().splitlines()[1:]
             if line.strip()}
    verdicts = [json.loads(line) for f in args.verdicts for line in Path(f).read_text().splitlines()
                if line.strip()]
    verdicts = [v for v in verdicts if "q" in v]
    out, missing = [], 0
    by_article: dict[str, list[dict]] = {}
    for v in verdicts:
        by_article.setdefault(str(v["article"]), []).append(v)
    for article, vs in sorted(by_article.items()):
        bank = yaml.safe_load((round_dir / "banks" / f"{article}.yaml").read_text()) or {}
        questions = bank.get("questions") or []
        name = corpus_name(paths[article])
        now = candidates_of(name, {q["id"] for q in questions})
        for v in sorted(vs, key=lambda v: v["q"]):
            if not 0 < v["q"] <= len(questions) or questions[v["q"] - 1]["id"] not in now:
                missing += 1
                continue
            qid = questions[v["q"] - 1]["id"]
            kind, feats, offers = now[qid]
            out.append({"article": name, "id": qid, "kind": kind, "acceptable": bool(v["acceptable"]),
                        "failures": sorted(v.get("failures") or []), "features": feats, "offered": offers})
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in out), encoding="utf-8")
    print(f"{args.output}: {len(out)} labels from {len(by_article)} articles ({missing} no longer generated)")
    return 0


def load_labels() -> list[dict]:
    """Every label, each with the review round of its file ("round")."""
    return [{**json.loads(line), "round": round_of(f)} for f in sorted(LABELS.glob("*.jsonl"))
            for line in f.read_text().splitlines() if line.strip()]


def cmd_refresh(args: argparse.Namespace) -> int:
    for f in sorted(LABELS.glob("*.jsonl")):
        rows = [json.loads(line) for line in f.read_text().splitlines() if line.strip()]
        kept, moved = [], 0
        labelled: dict[str, set[str]] = {}  # article -> the ids its labels hold
        for r in rows:
            labelled.setdefault(r["article"], set()).add(r["id"])
        for r in rows:
            now = candidates_of(r["article"], {r["id"]})
            if r["id"] not in now:
                new_id = renamed(r["id"], r["kind"], now, labelled[r["article"]])
                if new_id is None:
                    continue
                r["id"], moved = new_id, moved + 1
            r["kind"], r["features"], r["offered"] = now[r["id"]]
            kept.append(r)
        f.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in kept), encoding="utf-8")
        print(f"{f.name}: {len(kept)} of {len(rows)} labels still generated ({moved} reworded)")
    pool = []
    for path in sorted(CORPUS.glob("train/*")) + sorted(CORPUS.glob("web/*")):
        name = corpus_name(path)
        for qid, (kind, feats, offers) in sorted(_generated(name, LOW_BAR).items()):
            if offers:
                pool.append({"article": name, "id": qid, "kind": kind,
                             "features": {k: round(v, 4) for k, v in feats.items() if v}})
    POOL.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in pool), encoding="utf-8")
    print(f"{POOL.name}: {len(pool)} questions a bank at a bar of {LOW_BAR} keeps, "
          f"from {len({r['article'] for r in pool})} articles")
    return 0


# What only a question's wrong options fail. A figure statement is shown as a gap to fill
# ("... fined for ___ breaches ..."), which has none: for it these are no failures.
OPTION_LEVEL = {"bad-distractor", "two-options-only"}


def good(r: dict) -> bool:
    """Acceptable as a question: failed, if at all, only for what the bank around it did (or, for a
    statement shown as a gap, for wrong options it does not show)."""
    ignored = BANK_LEVEL | (OPTION_LEVEL if r["features"].get("gap") else set())
    return bool(r["acceptable"]) or (bool(r["failures"]) and set(r["failures"]) <= ignored)


def fold_of(r: dict) -> int:
    return zlib.crc32(r["article"].encode()) % FOLDS


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None, l2: float = L2) -> np.ndarray:
    """Logistic regression by Newton's method, each row weighted (default 1), with an L2 penalty (not on
    the bias, column 0)."""
    weight = np.ones(len(y)) if weight is None else weight
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (weight * (p - y)) + penalty * w
        hess = (x * (weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def round_of(path: Path) -> int:
    """A label file's review round, from its name ('round21-B1.jsonl' -> 21): later rounds judged the
    questions as the generator asks them now."""
    return int(path.name[len("round"):].split("-")[0])


def latest_verdicts(labels: list[dict]) -> dict[tuple[str, str], float]:
    """(article, id) -> the share of good verdicts a question got in the latest round that judged it.
    A question judged in many rounds would otherwise count many times, and the ones judged most are
    the ones that stayed above every earlier bar."""
    latest: dict[tuple[str, str], tuple[int, list[float]]] = {}
    for r in labels:
        key, n = (r["article"], r["id"]), r["round"]
        if key not in latest or latest[key][0] < n:
            latest[key] = (n, [])
        if latest[key][0] == n:
            latest[key][1].append(1.0 if good(r) else 0.0)
    return {k: float(np.mean(v)) for k, (_, v) in latest.items()}


def pool_verdicts(pool: list[dict], scores: np.ndarray, verdicts: dict[tuple[str, str], float]) -> np.ndarray:
    """How good each pool question is: its own latest verdicts where it was judged, else the mean of
    the judged pool questions of its held-back score (in bands BIN wide; the nearest band below that
    has any, whose questions are no better)."""
    keys = [(r["article"], r["id"]) for r in pool]
    bands = np.floor(scores / BIN).astype(int)
    judged: dict[int, list[float]] = {}
    for k, b in zip(keys, bands, strict=True):
        if k in verdicts:
            judged.setdefault(int(b), []).append(verdicts[k])
    out = np.zeros(len(pool))
    for i, (k, b) in enumerate(zip(keys, bands, strict=True)):
        if k in verdicts:
            out[i] = verdicts[k]
            continue
        lower = [x for x in judged if x <= b]
        out[i] = float(np.mean(judged[max(lower) if lower else min(judged)]))
    return out


def choose_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float, float, str]:
    """The lowest bar whose kept questions are at least PRECISION good (with 20 or more kept to say
    so, and MIN_RECALL of the good ones kept); where no bar reaches it, the most precise bar that
    still keeps MIN_RECALL of the good (the lowest of those within P_SLACK of it): on a flat curve,
    where the held-back verdicts cannot tell the bars apart, as trustworthy as the ranker can make
    the questions, and no fewer of them than that takes."""
    bars = sorted({float(t) for t in np.round(p, 2)})
    best: tuple[float, float, float, str] | None = None
    scored: list[tuple[float, float, float]] = []  # (bar, precision, recall), keeping MIN_RECALL of the good
    for t in reversed(bars):
        keep = p >= t
        if keep.sum() < 20:
            continue
        precision = float(y[keep].mean())
        recall = float(y[keep].sum() / max(y.sum(), 1e-9))
        if precision >= PRECISION and recall >= MIN_RECALL:
            best = (t, precision, recall, f"lowest bar with precision >= {PRECISION:.0%}")
        if recall >= MIN_RECALL:
            scored.append((t, precision, recall))
    if best is not None or not scored:
        return best or (0.0, float(y.mean()), 1.0, "no bar")
    top = max(precision for _, precision, _ in scored)
    t, precision, recall = min(s for s in scored if s[1] >= top - P_SLACK)
    return t, precision, recall, (f"no bar reaches {PRECISION:.0%} keeping {MIN_RECALL:.0%} of the good: "
                                  f"lowest bar within {P_SLACK:.1%} of the most precise that does")


def offered(r: dict) -> bool:
    """Whether the generator would offer the labelled question at all, as `refresh` found it (not a
    retired kind or question, no two-option guess about who, no statement leaning on the sentences before):
    what the ranker ranks. Questions it no longer offers ("... opened on 9 March" varied as a date) would
    otherwise move the bar for ones it does."""
    return bool(r.get("offered"))


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """The chance that a good label scores above a bad one (ties count half)."""
    good, bad = p[y == 1], p[y == 0]
    if not len(good) or not len(bad):
        return float("nan")
    return float(((good[:, None] > bad[None, :]).sum() + 0.5 * (good[:, None] == bad[None, :]).sum())
                 / (len(good) * len(bad)))


def curve(p: np.ndarray, y: np.ndarray, what: str) -> None:
    for t in (0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
        keep = p >= t
        if keep.any():
            print(f"    bar {t:.2f}: keeps {int(keep.sum()):4d} {what}, precision {y[keep].mean():5.1%}, "
                  f"recall {y[keep].sum() / max(y.sum(), 1e-9):5.1%}")


class HeldBack(NamedTuple):
    """Every label and pool question scored by weights fitted without its article's fold."""

    rows: list[dict]  # the labels the ranker ranks
    names: list[str]  # the features, in the columns' order
    x: np.ndarray
    y: np.ndarray
    each: np.ndarray  # each label's weight: a question judged in n rounds weighs 1/n per verdict
    p: np.ndarray  # the labels' held-back scores
    pool: list[dict]  # the pool questions of the kinds the bar decides
    pp: np.ndarray  # their held-back scores
    quality: np.ndarray  # how good each pool question is (pool_verdicts)
    verdicts: dict[tuple[str, str], float]


def held_back() -> HeldBack:
    labels = load_labels()
    rows = [r for r in labels if offered(r)]
    names = sorted({k for r in rows for k in r["features"]})
    x = np.array([[1.0] + [r["features"].get(k, 0.0) for k in names] for r in rows])
    y = np.array([1.0 if good(r) else 0.0 for r in rows])
    # Each label is scored by weights fitted without its article's fold: every label is held back once,
    # so the bar is chosen on all of them, not on one quarter (where a few labels moved it a lot).
    fold = np.array([fold_of(r) for r in rows])
    # A question judged in ten rounds weighs as one judged once: each of its verdicts a tenth. (Counted
    # ten times, the questions that stayed above every earlier bar would teach the model most.)
    times = Counter((r["article"], r["id"]) for r in rows)
    each = np.array([1 / times[(r["article"], r["id"])] for r in rows])
    # The bar is chosen on the kinds it decides: the suggested-only kinds stay below it whatever their score.
    from quizapp.generate.rank import SUGGESTED_ONLY

    pool = [r for r in (json.loads(line) for line in POOL.read_text().splitlines() if line.strip())
            if r["kind"] not in SUGGESTED_ONLY]
    px = np.array([[1.0] + [r["features"].get(k, 0.0) for k in names] for r in pool])
    pool_fold = np.array([fold_of(r) for r in pool])
    p = np.zeros(len(rows))
    pp = np.zeros(len(pool))
    for k in range(FOLDS):
        back, wk = fold == k, fit(x[fold != k], y[fold != k], each[fold != k])
        p[back] = 1 / (1 + np.exp(-(x[back] @ wk)))
        pp[pool_fold == k] = 1 / (1 + np.exp(-(px[pool_fold == k] @ wk)))
    # The bar is chosen on the pool, each question once, as a fresh sample of articles would meet them.
    verdicts = latest_verdicts(labels)
    return HeldBack(rows, names, x, y, each, p, pool, pp, pool_verdicts(pool, pp, verdicts), verdicts)


def cmd_fit(args: argparse.Namespace) -> int:
    from quizapp.generate.rank import SUGGESTED_ONLY

    rows, names, x, y, each, p, pool, pp, quality, verdicts = held_back()
    w = fit(x, y, each)
    barred = np.array([r["kind"] not in SUGGESTED_ONLY for r in rows])
    threshold, precision, recall, why = choose_threshold(pp, quality)
    print(f"{len(rows)} labels from {len({r['article'] for r in rows})} articles; "
          f"{int(y.sum())} good ({y.mean():.0%}); each held back once, in {FOLDS} folds by article")
    print(f"pool: {len(pool)} questions of the kinds the bar decides, "
          f"{sum((r['article'], r['id']) in verdicts for r in pool)} of them judged")
    print(f"held back: threshold {threshold:.3f} ({why}): precision {precision:.1%}, recall {recall:.1%}, "
          f"keeps {int((pp >= threshold).sum())} of {len(pool)} pool questions")
    curve(pp, quality, "pool questions")
    print("  the labels themselves (a question counted once per verdict):")
    curve(p[barred], y[barred], "labels")
    print(f"    ranking (AUC) of the held-back good above the bad: {auc(p[barred], y[barred]):.3f}")
    kinds = sorted({r["kind"] for r in rows})
    for k in kinds:
        sel = np.array([r["kind"] == k for r in rows])
        keep = p[sel] >= threshold
        if k in SUGGESTED_ONLY:
            above = f", of them good {y[sel][keep].mean():.0%}" if keep.any() else ""
            print(f"  {k:22s} held back {int(sel.sum()):4d}, good {y[sel].mean():5.0%}, suggested only: "
                  f"above the bar {int(keep.sum())}{above}")
            continue
        print(f"  {k:22s} held back {int(sel.sum()):4d}, good {y[sel].mean():5.0%}, kept {int(keep.sum()):3d}"
              + (f", of them good {y[sel][keep].mean():5.0%}" if keep.any() else ""))
    weights = {k: round(float(v), 4) for k, v in zip(names, w[1:], strict=True) if abs(v) > 1e-6}
    means = {k: round(float(x[:, i + 1].mean()), 4) for i, k in enumerate(names)}
    data = {"bias": round(float(w[0]), 4), "threshold": round(threshold, 3), "weights": weights, "means": means,
            "held_back": {"labels": len(rows), "folds": FOLDS, "precision": round(precision, 3),
                          "recall": round(recall, 3), "rule": why, "pool": len(pool)},
            "labels": len(rows)}
    if args.dry_run:
        for k, v in sorted(weights.items(), key=lambda kv: kv[1]):
            print(f"    {k:28s} {v:+.3f}")
        return 0
    out = Path(args.output) if args.output else WEIGHTS
    out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


def cmd_stability(args: argparse.Namespace) -> int:
    """How far the bar rule's choice moves when the pool's articles are resampled: a rule the noise of a
    few hundred questions decides gives a different bar at each refit."""
    hb = held_back()
    by_article: dict[str, list[int]] = {}
    for i, r in enumerate(hb.pool):
        by_article.setdefault(r["article"], []).append(i)
    groups = list(by_article.values())
    rng = np.random.default_rng(args.seed)
    bars: Counter[float] = Counter()
    for _ in range(args.resamples):
        picked = np.concatenate([groups[j] for j in rng.integers(0, len(groups), len(groups))])
        bars[round(choose_threshold(hb.pp[picked], hb.quality[picked])[0], 2)] += 1
    threshold, precision, recall, _ = choose_threshold(hb.pp, hb.quality)
    print(f"the whole pool ({len(hb.pool)} questions, {len(groups)} articles): bar {threshold:.2f}, "
          f"precision {precision:.1%}, recall {recall:.1%}")
    print(f"the bar over {args.resamples} resamples of the pool's articles (seed {args.seed}):")
    for bar, n in sorted(bars.items(), reverse=True):
        print(f"    {bar:.2f}: {n:4d}  {'#' * round(60 * n / args.resamples)}")
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(required=True)
    p = sub.add_parser("label")
    p.add_argument("round")
    p.add_argument("verdicts", nargs="+")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(run=cmd_label)
    p = sub.add_parser("refresh")
    p.set_defaults(run=cmd_refresh)
    p = sub.add_parser("fit")
    p.add_argument("--dry-run", action="store_true", help="print the weights instead of writing them")
    p.add_argument("--output", help=f"where to write the weights (default: {WEIGHTS})")
    p.set_defaults(run=cmd_fit)
    p = sub.add_parser("stability", help="how far the bar moves when the pool's articles are resampled")
    p.add_argument("--resamples", type=int, default=300)
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(run=cmd_stability)
    args = ap.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
