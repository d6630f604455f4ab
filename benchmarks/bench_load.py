"""Loading a 10,000-question bank against a bare libyaml parse of the same file.

Run: python benchmarks/bench_load.py   (target: ratio <= 1.33)
"""

from __future__ import annotations

import gc
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402

from quizapp.core.bank import dump_bank, load_bank  # noqa: E402
from quizapp.paths import bundled_banks_dir, bundled_seeds_dir  # noqa: E402

N = 10_000
RUNS = 5


def make_bank(folder: Path) -> Path:
    """A bank of N questions built by repeating the bundled bank's questions under new ids."""
    seed_bank = load_bank(bundled_banks_dir() / "mali-helicopter-collision.yaml").bank
    shutil.copytree(bundled_seeds_dir(), folder / "seeds")
    (folder / "questions").mkdir()
    questions = []
    for i in range(N):
        q = seed_bank.questions[i % len(seed_bank.questions)]
        questions.append(q.model_copy(update={"id": f"{q.id}-{i}", "prompt": f"{q.prompt} ({i})"}))
    big = seed_bank.model_copy(update={"questions": questions})
    path = folder / "questions" / "big.yaml"
    path.write_text(dump_bank(big), encoding="utf-8")
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = make_bank(Path(tmp))
        size = path.stat().st_size
        loaded = load_bank(path)
        assert len(loaded.bank.questions) == N

        def bare() -> None:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def bare_no_gc() -> None:
            # load_bank pauses the cyclic garbage collector while it parses; give the
            # baseline the same advantage, so the ratio measures only our own work.
            gc.disable()
            try:
                bare()
            finally:
                gc.enable()

        def ours() -> None:
            load_bank(path)

        bare_s = median_time(bare, RUNS)
        fair_s = median_time(bare_no_gc, RUNS)
        ours_s = median_time(ours, RUNS)
    print(f"bank: {N} questions, {size / 1e6:.1f} MB")
    print(f"bare yaml.load(CSafeLoader):             {bare_s * 1000:8.1f} ms (median of {RUNS})")
    print(f"bare yaml.load(CSafeLoader), GC paused:  {fair_s * 1000:8.1f} ms (median of {RUNS})")
    print(f"quizapp load_bank (validated, quotes found): {ours_s * 1000:8.1f} ms (median of {RUNS})")
    print(f"ratio to the plain parse:     {ours_s / bare_s:.2f}")
    print(f"ratio to the GC-paused parse: {ours_s / fair_s:.2f} (target <= 1.33)")


if __name__ == "__main__":
    main()
