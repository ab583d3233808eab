"""How readable and how short the summaries are, issue by issue, on real newsletters.

For every unique issue in the given files or folders: the share of summary sentences that open
with a connective or pointing word (and how many are shown without the sentence before them),
or otherwise lean on a sentence the reader does not see (`digest.summarize.standalone`: the
sentence before, or the last one naming the person a pronoun stands for), "Label:" prefixes
left inside sentences, and the digest's words against the issue's words and its word budget.

    python benchmarks/summary_readability.py seeds ../shared/corpora/newsletters [--list]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.ingest import read_file  # noqa: E402
from digest.ingest.files import input_files  # noqa: E402
from digest.segment import load_profiles, segment_document  # noqa: E402
from digest.summarize import SummaryConfig, summarize_issue  # noqa: E402
from digest.summarize.standalone import antecedents, opening_word  # noqa: E402

LABEL = re.compile(r"^([A-Z][\w ,'’-]{0,40}?):\s+\S")


def files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(input_files(path)[0] if path.is_dir() else [path])
    return found


def issue_labels(issue) -> Counter:  # noqa: ANN001 - Issue
    """Short "Label:" prefixes that open two or more of an issue's paragraphs."""
    counts: Counter = Counter()
    for section in issue.sections:
        for paragraph in section.paragraphs:
            match = LABEL.match(paragraph.text)
            if match and len(match.group(1).split()) <= 4:
                counts[match.group(1)] += 1
    return Counter({k: v for k, v in counts.items() if v > 1})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true", help="print each leaning sentence")
    args = parser.parse_args(argv)
    generic, profiles = load_profiles()
    config = SummaryConfig()
    totals = Counter()
    over = []
    for path in files(args.paths):
        issues, _ = segment_document(read_file(path), generic, profiles)
        for issue in issues:
            if issue.duplicate_of is not None:
                continue
            digest = summarize_issue(issue, config)
            labels = issue_labels(issue)
            budget = getattr(digest, "budget", None)
            totals["issues"] += 1
            totals["words in"] += digest.words_in
            totals["words out"] += digest.words_out
            share = digest.words_out / max(1, digest.words_in)
            if share >= 0.25 or (budget is not None and digest.words_out > budget):
                over.append(f"{path.name}#{issue.index}: {digest.words_out}/{digest.words_in} "
                            f"words ({share:.0%}), budget {budget}")
            for part in digest.sections:
                section_text = [digest.split.get((part.section, p), [])
                                for p in range(len(issue.sections[part.section].paragraphs))]
                shown = {(x.paragraph, x.index) for x in part.sentences}
                places = [(p, i) for p, texts in enumerate(section_text) for i in range(len(texts))]
                reasons, needed = antecedents([section_text[p][i] for p, i in places])
                for sentence in part.sentences:
                    totals["sentences"] += 1
                    before = (sentence.paragraph, sentence.index - 1) if sentence.index else (
                        sentence.paragraph - 1, len(section_text[sentence.paragraph - 1]) - 1)
                    # a teaser's dek is shown under its heading, which it may lean on
                    alone = before not in shown and sentence.paragraph >= 0
                    opener = opening_word(sentence.text)
                    k = places.index((sentence.paragraph, sentence.index)) \
                        if sentence.paragraph >= 0 else None
                    why = reasons[k] if k is not None else None
                    need = needed[k] if k is not None else None
                    # the sentence a leaning one needs: the one before, or the one naming "he"
                    unmet = why is not None and (need is None or places[need] not in shown)
                    label = LABEL.match(sentence.text)
                    if opener:
                        totals["opens with a connective"] += 1
                        totals["... without the sentence before it"] += alone
                    if why:
                        totals["leans on context"] += 1
                        totals["... without the sentence it needs"] += unmet
                    why = why if unmet else None
                    if label and label.group(1) in labels:
                        totals["label inside"] += 1
                        why = why or f'label "{label.group(1)}:" inside'
                    if why and args.list:
                        print(f"{path.name}: {why}: {sentence.text[:110]}")
    n = max(1, totals["sentences"])
    print(f"{totals['issues']} issues, {totals['sentences']} summary sentences")
    for key in ("opens with a connective", "... without the sentence before it",
                "leans on context", "... without the sentence it needs", "label inside"):
        print(f"  {key}: {totals[key]} ({100 * totals[key] / n:.1f}%)")
    print(f"  words: {totals['words out']} of {totals['words in']} "
          f"({100 * totals['words out'] / max(1, totals['words in']):.1f}%)")
    print(f"  issues over budget or at 25%+ of their words: {len(over)}")
    for line in over[:20]:
        print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
