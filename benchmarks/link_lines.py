"""How long the HTML reader takes over a page of many lines of links in one container (each
`<a>` then `<br>`, as a link dump or a hostile page writes them): the time should grow with
the page, not with its square.

    python benchmarks/link_lines.py [--lines 2000 4000 8000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

from digest.ingest.html import read_html


def page(lines: int) -> str:
    return "<html><body>" + "".join(f'<a href="https://x.example/{n}">link {n}</a><br>'
                                    for n in range(lines)) + "</body></html>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[2000, 4000, 8000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    previous = None
    for lines in args.lines:
        html = page(lines)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            read_html(html)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        growth = f"  ×{median / previous:.2f} for ×{lines / args.lines[0]:.0f} lines" \
            if previous else ""
        print(f"{lines:>7} lines: {median:6.2f} s median of {args.runs}{growth}")
        previous = previous or median


if __name__ == "__main__":
    main()
