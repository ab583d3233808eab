"""Worker processes: how many a build may start, and week and issue pages rendered in them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from digest.render import Context, Job, Rendered

PARALLEL_MIN = 40  # below this many new files or pages, workers cost more than they save


def worker_count(jobs: int) -> int:
    """`jobs` as configured (0: one per core, up to 8)."""
    return jobs or min(os.cpu_count() or 1, 8)


def pool(workers: int, **options: Any) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, **options)


_CONTEXT: Context | None = None  # a page-rendering worker's render context


def _adopt(context: Context) -> None:
    global _CONTEXT
    _CONTEXT = context


def _render_in_worker(job: Job) -> list[Rendered]:
    from digest.render import render_job

    assert _CONTEXT is not None
    return render_job(_CONTEXT, job)


class PageRunner:
    """A render runner: week and issue pages on `workers` processes when there are many,
    in order, while this process makes the other pages; `started` tells whether it did."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.started = False

    def __call__(self, ctx: Context, jobs: list[Job],
                 meanwhile: Callable[[], None]) -> Iterator[Rendered]:
        from digest.render import render_in_turn

        if self.workers < 2 or len(jobs) < PARALLEL_MIN:
            yield from render_in_turn(ctx, jobs, meanwhile)
            return
        self.started = True
        with pool(self.workers, initializer=_adopt, initargs=(ctx,)) as workers:
            rendered = workers.map(_render_in_worker, jobs, chunksize=8)
            meanwhile()
            for pages in rendered:
                yield from pages
