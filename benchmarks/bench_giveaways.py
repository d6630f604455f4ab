"""Looking for giveaways in a 10,000-question bank against a 1,000-question one: the work should grow with
the bank (a ratio near 10; a little more, as a larger bank fits the caches less), not with its pairs of
questions (100: it was 91 before the indexes kept apart the options that are an answer, and the figures of
each article).

Each bank repeats the bundled bank's 18 questions, each copy citing the article under a source of its own,
as a bank of many stories does. A bank of one story repeated on one article (bench_load's) is also timed:
there every copy of the quote of "13 heroes" shows the answer of every copy of "how many soldiers were
killed", so what is found grows with the pairs.

Run: python benchmarks/bench_giveaways.py   (target: ratio <= 20)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import best_time  # noqa: E402

from quizapp.core.bank import dump_bank, load_bank  # noqa: E402
from quizapp.core.giveaways import giveaways  # noqa: E402
from quizapp.core.model import Citation  # noqa: E402
from quizapp.paths import bundled_banks_dir, bundled_seeds_dir  # noqa: E402

SMALL, LARGE = 1_000, 10_000
RUNS = 3


def make_bank(folder: Path, n: int, *, stories: bool) -> Path:
    """A bank of `n` questions repeating the bundled bank's; with `stories`, each copy cites its own source."""
    seed_bank = load_bank(bundled_banks_dir() / "mali-helicopter-collision.yaml").bank
    if not (folder / "seeds").exists():
        shutil.copytree(bundled_seeds_dir(), folder / "seeds")
        (folder / "questions").mkdir()
    (source_key, source), = seed_bank.sources.items()
    per_copy = len(seed_bank.questions)
    sources, questions = {}, []
    for i in range(n):
        q = seed_bank.questions[i % per_copy]
        key = f"{source_key}-{i // per_copy}" if stories else source_key
        sources[key] = source
        cite = Citation(source=key, quote=q.cite.quote) if q.cite is not None else None
        questions.append(q.model_copy(update={"id": f"{q.id}-{i}", "prompt": f"{q.prompt} ({i})", "cite": cite}))
    big = seed_bank.model_copy(update={"sources": sources, "questions": questions})
    path = folder / "questions" / f"big-{n}-{stories}.yaml"
    path.write_text(dump_bank(big), encoding="utf-8")
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small = load_bank(make_bank(Path(tmp), SMALL, stories=True))
        large = load_bank(make_bank(Path(tmp), LARGE, stories=True))
        one_story = load_bank(make_bank(Path(tmp), LARGE, stories=False))
        small_s = best_time(lambda: giveaways(small), RUNS)
        large_s = best_time(lambda: giveaways(large), RUNS)
        one_s = best_time(lambda: giveaways(one_story), RUNS)
    print(f"{SMALL} questions, {SMALL // 18 + 1} stories: {small_s * 1000:8.1f} ms, "
          f"{len(giveaways(small))} giveaways (best of {RUNS})")
    print(f"{LARGE} questions, {LARGE // 18 + 1} stories: {large_s * 1000:8.1f} ms, "
          f"{len(giveaways(large))} giveaways (best of {RUNS})")
    print(f"{LARGE} questions, one story:   {one_s * 1000:8.1f} ms, {len(giveaways(one_story))} giveaways")
    print(f"ratio of {LARGE} to {SMALL} questions: {large_s / small_s:.1f} (target <= 20)")


if __name__ == "__main__":
    main()
