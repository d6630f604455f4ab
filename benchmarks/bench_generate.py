"""Speed of the question generator against spaCy's own parse of the same texts.

    PYTHONPATH=. python benchmarks/bench_generate.py [ARTICLE_DIR] [--rounds N] [--big]

Loads the model once (timed apart), then, in the same process, times
`nlp.pipe` over the article texts (the baseline) and `generate_bank` over the
same articles, best of N rounds each, and prints the ratio (target <= 1.5).
With --big it also writes a 5 MB article to a temporary folder and reports the
time and peak memory of generating from it.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import best_time  # noqa: E402

from quizapp.core.article import load_article  # noqa: E402
from quizapp.generate import generate_bank  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--big", action="store_true", help="also time a 5 MB article")
    args = parser.parse_args()
    paths = sorted(p for p in args.folder.iterdir() if p.suffix in (".txt", ".md", ".html"))
    if not paths:
        print(f"no articles in {args.folder}", file=sys.stderr)
        return 1
    texts = [load_article(p).text for p in paths]
    words = sum(len(t.split()) for t in texts)

    start = time.perf_counter()
    from quizapp.generate.gazetteer import load_gazetteer
    from quizapp.generate.nlp import load_nlp

    nlp = load_nlp()
    load_gazetteer()
    list(nlp.pipe(["Warm-up sentence for the model."]))
    load = time.perf_counter() - start

    baseline = best_time(lambda: list(nlp.pipe(texts)), args.rounds)
    questions = []
    generator = best_time(lambda: questions.append(
        sum(len(generate_bank([p]).questions) for p in paths)), args.rounds)
    print(f"articles: {len(paths)} ({words} words) from {args.folder}")
    print(f"model and gazetteer load (once, not in the ratio): {load:.2f} s")
    print(f"spaCy nlp.pipe (baseline):   {baseline:.3f} s  ({words / baseline:,.0f} words/s)")
    print(f"generate_bank (questions {questions[-1]}): {generator:.3f} s")
    print(f"ratio generator / spaCy: {generator / baseline:.2f}  (target <= 1.5)")

    if args.big:
        seed = (ROOT / "seeds" / "mali-helicopter-collision.txt").read_text(encoding="utf-8")
        body = seed.split("---\n", 2)[-1]
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / "big.txt"
            chunks, size, n = [], 0, 0
            while size < 5 * 1024 * 1024:
                n += 1
                chunk = body.replace("13", str(13 + n % 50)).replace("2014", str(1990 + n % 30))
                chunks.append(chunk)
                size += len(chunk.encode("utf-8"))
            big.write_text("\n\n".join(chunks), encoding="utf-8")
            # In a child process, so its peak memory is its own (model included).
            code = ("import sys, time; sys.path.insert(0, sys.argv[2]); from quizapp.generate import generate_bank;"
                    "t = time.perf_counter(); b = generate_bank([sys.argv[1]], max_questions=200);"
                    "print(f'{time.perf_counter() - t:.1f} s, {len(b.questions)} questions')")
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", code, str(big), str(ROOT)], capture_output=True,
                                 text=True, check=True).stdout.strip()
            wall = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"5 MB article ({big.stat().st_size / 2**20:.1f} MB): generate_bank {out} "
                  f"(process with model load {wall:.1f} s), peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
