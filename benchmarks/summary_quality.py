"""Score every summarizer on the BBC News Summary pairs (protocol: ../shared/eval/README.md).

Summarize each article body (headline removed) to as many sentences as its reference has, then
average ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (with stemming) over the pairs of each category.
The project's default runs through `summarize_text` twice: with the stand-alone rules on, as
the site uses them (a sentence that leans on the one before it is taken with it or replaced),
and with them off. The others run through the same tokenizer via `select`. Parameters were
chosen on TUNED_ON alone; the other categories are held out. `--cache FILE` keeps the stock
algorithms' per-pair scores, so a rerun only scores the default.

    python benchmarks/summary_quality.py [DATA] [--limit N] [--only business,tech] [--cache F]

DATA is the bbc-news-summary folder (default: ../shared/eval/bbc-news-summary beside the
repository, when it exists).
"""

from __future__ import annotations

import argparse
import json
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
LOOSE_ROW = "default, rules off"
REFERENCE_SPLIT = re.compile(r"(?<=[.!?])(?=[A-Z\"'])")
METRICS = ("rouge1", "rouge2", "rougeLsum")
STOCK = ("lead", *SUMY_ALGORITHMS)

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


def score_pair(job: tuple) -> tuple[str, str, dict[str, list[float]]]:
    """ROUGE scores and seconds of each requested algorithm on one pair."""
    global _scorer
    if _scorer is None:
        from rouge_score import rouge_scorer

        _scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    (category, name, body, reference), names = job
    count = len(reference)
    target = "\n".join(reference)
    paragraphs = [split_sentences(line) for line in body.split("\n") if line.strip()]
    flat = [s for p in paragraphs for s in p]
    out = {}
    for row in names:
        start = time.perf_counter()
        if row in (DEFAULT_ROW, LOOSE_ROW):
            chosen = summarize_text(body, count, standalone=row == DEFAULT_ROW)
        else:
            chosen = [flat[i] for i in select(paragraphs, count, row)]
        seconds = time.perf_counter() - start
        scores = _scorer.score(target, "\n".join(chosen))
        out[row] = [*(scores[m].fmeasure * 100 for m in METRICS), seconds]
    return category, name, out


def _load_cache(path: Path | None) -> dict[str, dict[str, list[float]]]:
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="about N pairs, spread over the categories")
    parser.add_argument("--only", help="comma-separated categories (default: all three)")
    parser.add_argument("--cache", type=Path, help="JSON file of the stock algorithms' scores")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    if args.data is None:
        parser.error("give DATA: ../shared/eval/bbc-news-summary is not there")
    if not (args.data / "articles").is_dir():
        parser.error(f"no articles/ folder in {args.data}")
    categories = tuple(args.only.split(",")) if args.only else CATEGORIES
    pairs = load_pairs(args.data, categories, args.limit)
    cache = _load_cache(args.cache)

    def todo(pair: tuple) -> list[str]:
        known = cache.get(f"{pair[0]}/{pair[1]}", {})
        return [r for r in STOCK if r not in known] + [LOOSE_ROW, DEFAULT_ROW]

    start = time.perf_counter()
    with Pool(args.processes) as pool:
        results = pool.map(score_pair, [(p, todo(p)) for p in pairs], chunksize=8)
    wall = time.perf_counter() - start
    for category, name, scores in results:
        entry = cache.setdefault(f"{category}/{name}", {})
        entry.update({k: v for k, v in scores.items() if k in STOCK})
        scores.update({k: v for k, v in entry.items() if k in STOCK})
    if args.cache:
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        args.cache.write_text(json.dumps(cache), encoding="utf-8")
    report([(c, s) for c, _, s in results], categories, len(pairs), wall, args)
    return 0


def report(results: list[tuple[str, dict]], categories: tuple[str, ...], count: int,
           wall: float, args: argparse.Namespace) -> None:
    names = [*STOCK, LOOSE_ROW, DEFAULT_ROW]
    present = [c for c in categories if any(cat == c for cat, _ in results)]
    print(f"{count} pairs from {args.data}, {args.processes} processes, {wall:.1f} s wall; "
          f"parameters chosen on {TUNED_ON} only, the others held out\n")

    def mean(row: str, group: list[str], k: int) -> float:
        values = [r[row][k] for cat, r in results if cat in group]
        return sum(values) / len(values)

    head = "".join(f"{c + (' (tuned)' if c == TUNED_ON else ' (held out)'):>24}"
                   for c in present)
    print(f"{'':<22}{head}")
    print(f"{'algorithm':<22}" + f"{'R1':>8}{'R2':>8}{'RLsum':>8}" * len(present))
    for row in names:
        cells = "".join(f"{mean(row, [c], k):>8.2f}" for c in present for k in range(3))
        print(f"{row:<22}{cells}")
    stock = [r for r in SUMY_ALGORITHMS if r in names]
    print("\nROUGE-2 margin over the best stock sumy algorithm, per category:")
    for c in present:
        best = max(stock, key=lambda r, c=c: mean(r, [c], 1))
        on, off = mean(DEFAULT_ROW, [c], 1), mean(LOOSE_ROW, [c], 1)
        print(f"  {c:<10} best stock {best} {mean(best, [c], 1):.2f}; default {on:.2f} "
              f"({on - mean(best, [c], 1):+.2f}) with the stand-alone rules, {off:.2f} "
              f"({off - mean(best, [c], 1):+.2f}) without")
    seconds = {row: sum(r[row][3] for _, r in results) for row in (DEFAULT_ROW, LOOSE_ROW)}
    print(f"\nsummarizing time (this run): default {seconds[DEFAULT_ROW]:.1f} s, rules off "
          f"{seconds[LOOSE_ROW]:.1f} s, for {count} articles")


if __name__ == "__main__":
    sys.exit(main())
