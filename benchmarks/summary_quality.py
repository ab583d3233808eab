"""Score every summarizer on the BBC News Summary pairs (protocol: ../shared/eval/README.md).

Summarize each article body (headline removed) to as many sentences as its reference has, then
average ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (with stemming) over all pairs. The project's default
is run through `summarize_text`, the others through the same tokenizer via `select`. The default
was chosen on the business category alone; politics and tech are held out, and the second table
shows ROUGE-2 per category so the held-out result can be checked.

    python benchmarks/summary_quality.py [DATA] [--limit N] [--only business,tech]

DATA is the bbc-news-summary folder (default: ../shared/eval/bbc-news-summary beside the
repository, when it exists).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import shared  # noqa: E402

from digest.summarize import DEFAULT_ALGORITHM, summarize_text  # noqa: E402
from digest.summarize.algorithms import SUMY_ALGORITHMS, select  # noqa: E402
from digest.summarize.tokenizer import split_sentences  # noqa: E402

DEFAULT_DATA = shared("eval/bbc-news-summary")
CATEGORIES = ("business", "politics", "tech")
TUNED_ON = "business"
DEFAULT_ROW = f"default ({DEFAULT_ALGORITHM})"
REFERENCE_SPLIT = re.compile(r"(?<=[.!?])(?=[A-Z\"'])")
METRICS = ("rouge1", "rouge2", "rougeLsum")

_scorer = None


def load_pairs(root: Path, categories: tuple[str, ...], limit: int | None) -> list[tuple]:
    """(category, name, article body, reference sentences); with a limit, spread over categories."""
    pairs = []
    for category in categories:
        files = sorted((root / "articles" / category).glob("*.txt"))
        if limit:
            files = files[: max(1, limit // len(categories))]
        for article in files:
            text = article.read_text(encoding="utf-8")
            body = text.split("\n", 1)[1] if "\n" in text else ""
            summary = root / "summaries" / category / article.name
            reference = [s.strip() for s in REFERENCE_SPLIT.split(summary.read_text("utf-8"))]
            pairs.append((category, article.name, body, [s for s in reference if s]))
    return pairs


def rows(extra: list[str]) -> list[str]:
    return ["lead", *SUMY_ALGORITHMS, *extra, DEFAULT_ROW]


def score_pair(job: tuple) -> tuple[str, dict[str, tuple[float, float, float, float]]]:
    """Scores and seconds of every algorithm on one pair."""
    global _scorer
    if _scorer is None:
        from rouge_score import rouge_scorer

        _scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    (category, _name, body, reference), extra = job
    count = len(reference)
    target = "\n".join(reference)
    paragraphs = [split_sentences(line) for line in body.split("\n") if line.strip()]
    flat = [s for p in paragraphs for s in p]
    out = {}
    for row in rows(extra):
        start = time.perf_counter()
        if row == DEFAULT_ROW:
            chosen = summarize_text(body, count)
        else:
            chosen = [flat[i] for i in select(paragraphs, count, row)]
        seconds = time.perf_counter() - start
        scores = _scorer.score(target, "\n".join(chosen))
        out[row] = (*(scores[m].fmeasure * 100 for m in METRICS), seconds)
    return category, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="about N pairs, spread over the categories")
    parser.add_argument("--only", help="comma-separated categories (default: all three)")
    parser.add_argument("--also", default="", help="comma-separated extra algorithms to score")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    if args.data is None:
        parser.error("give DATA: ../shared/eval/bbc-news-summary is not there")
    if not (args.data / "articles").is_dir():
        parser.error(f"no articles/ folder in {args.data}")
    categories = tuple(args.only.split(",")) if args.only else CATEGORIES
    extra = [a for a in args.also.split(",") if a]
    pairs = load_pairs(args.data, categories, args.limit)

    start = time.perf_counter()
    with Pool(args.processes) as pool:
        results = pool.map(score_pair, [(p, extra) for p in pairs], chunksize=8)
    wall = time.perf_counter() - start

    names = rows(extra)
    print(f"{len(pairs)} pairs from {args.data}, {args.processes} processes, "
          f"{wall:.1f} s wall; seconds = summarizing time summed over pairs\n")
    print(f"{'algorithm':<24}{'R1':>7}{'R2':>7}{'RLsum':>7}{'pairs':>7}{'seconds':>9}")
    for row in names:
        values = [r[row] for _, r in results]
        means = [sum(v[k] for v in values) / len(values) for k in range(3)]
        seconds = sum(v[3] for v in values)
        print(f"{row:<24}{means[0]:>7.2f}{means[1]:>7.2f}{means[2]:>7.2f}"
              f"{len(values):>7}{seconds:>9.1f}")

    present = [c for c in categories if any(cat == c for cat, _ in results)]
    print(f"\nROUGE-2 by category (default tuned on {TUNED_ON} only; others held out)")
    print(f"{'algorithm':<24}" + "".join(f"{c:>10}" for c in present) + f"{'held-out':>10}")
    held = [c for c in present if c != TUNED_ON]
    for row in names:
        cells = []
        for group in [[c] for c in present] + [held]:
            r2 = [r[row][1] for cat, r in results if cat in group]
            cells.append(f"{sum(r2) / len(r2):>10.2f}" if r2 else f"{'-':>10}")
        print(f"{row:<24}" + "".join(cells))
    stock = [r for r in names if r in SUMY_ALGORITHMS]
    for group, label in (([*present], "all"), (held, "held-out")):
        if not group:
            continue
        def r2(row: str, group: list[str] = group) -> float:
            values = [r[row][1] for cat, r in results if cat in group]
            return sum(values) / len(values)
        best = max(stock, key=r2)
        print(f"{label}: default {r2(DEFAULT_ROW):.2f} vs best stock {best} {r2(best):.2f} "
              f"({r2(DEFAULT_ROW) - r2(best):+.2f} R2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
