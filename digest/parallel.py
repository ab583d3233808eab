"""Worker processes: how many a build may start, files read in them within a time budget,
and week and issue pages rendered in them."""

from __future__ import annotations

import collections
import contextlib
import gc
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from digest.render import Context, Job, Rendered

PARALLEL_MIN = 40  # below this many new files or pages, workers cost more than they save
# A worker makes millions of small objects (tokens, blocks, sentences) that live until its
# file or page is done and form no cycles worth hunting: collecting the youngest generation
# every 700 allocations, as Python does by default, costs it about 5 % of its time.
GC_THRESHOLD = (50_000, 20, 20)


def _fewer_collections() -> None:
    """In a worker: what the parent made before the fork is never scanned again, and the
    collector runs less often."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def worker_count(jobs: int) -> int:
    """`jobs` as configured (0: one per core, up to 8)."""
    return jobs or min(os.cpu_count() or 1, 8)


def pool(workers: int, **options: Any) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, **options)


_CONTEXT: Context | None = None  # a page-rendering worker's render context


def _adopt(context: Context) -> None:
    from digest import fsops

    global _CONTEXT
    _CONTEXT = context
    fsops.disarm()
    _fewer_collections()


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


@dataclass
class Failed:
    """An item its worker could not finish: why, in words for a 'skipped: …' message;
    `error` when it could not write (a full or read-only disk), which ends the build."""

    reason: str
    error: OSError | None = None


def _work(connection: Connection, theirs: Connection, function: Callable[[Any, Any], Any],
          start: Callable[[], Any], finish: Callable[[Any], None]) -> None:
    """A worker's loop: items in, results out, until told to stop or its parent is gone."""
    from digest import fsops

    theirs.close()  # the parent's end, inherited: else the parent's death is never seen
    fsops.disarm()
    _fewer_collections()
    state = start()
    while True:
        try:
            item = connection.recv()
        except (EOFError, OSError):
            return
        if item is None:
            with contextlib.suppress(OSError):  # a cache not saved: only a slower next build
                finish(state)
            return
        try:
            result: Any = function(item, state)
        except Exception as exc:  # one file's failure is that file's, not the build's
            result = Failed(f"{exc.__class__.__name__}: {exc}",
                            exc if isinstance(exc, OSError) else None)
        connection.send(result)


class _Worker:
    def __init__(self, context: Any, args: tuple[Any, ...]) -> None:
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_work, args=(theirs, self.connection, *args),
                                       daemon=True)
        self.process.start()
        theirs.close()
        self.item: int | None = None
        self.deadline = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.connection.send(None)
        self.process.join(None if kill else 60)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


class BudgetPool:
    """Worker processes that each take one item at a time and have `seconds` for it; a worker
    past its time is killed and replaced (only a process can be stopped inside C code), and
    its item gives a `Failed`. Results come back in order."""

    def __init__(self, workers: int, seconds: float, function: Callable[[Any, Any], Any],
                 start: Callable[[], Any] = lambda: None,
                 finish: Callable[[Any], None] = lambda state: None) -> None:
        self.size, self.seconds = max(1, workers), seconds
        self.args = (function, start, finish)
        self.context = multiprocessing.get_context()
        self.ready: list[_Worker] = []

    def start(self, count: int) -> None:
        """Start `count` workers before their items are known: each runs `start` at once."""
        self.ready += [_Worker(self.context, self.args) for _ in range(count)]

    def close(self, kill: bool = False) -> None:
        """Stop the started workers that no `map` took (`kill`: at once, not once started)."""
        for worker in self.ready:
            worker.stop(kill)
        self.ready = []

    def map(self, items: list[Any], meanwhile: Callable[[], None] | None = None,
            ) -> Iterator[Any]:
        """Results in order; `meanwhile` runs here once the workers have their first items."""
        done: dict[int, Any] = {}
        waiting = collections.deque(range(len(items)))
        wanted = min(self.size, len(items))
        workers, self.ready = self.ready[:wanted], self.ready[wanted:]
        self.close()
        workers += [_Worker(self.context, self.args) for _ in range(wanted - len(workers))]
        try:
            self._hand_out(items, workers, waiting)
            if meanwhile is not None:
                meanwhile()
            for n in range(len(items)):
                while n not in done:
                    self._step(items, workers, waiting, done)
                yield done.pop(n)
        finally:
            for worker in workers:
                worker.stop(kill=worker.item is not None)

    def _hand_out(self, items: list[Any], workers: list[_Worker],
                  waiting: collections.deque[int]) -> None:
        for worker in workers:
            if worker.item is None and waiting:
                worker.item = waiting.popleft()
                worker.deadline = time.monotonic() + self.seconds
                worker.connection.send(items[worker.item])

    def _step(self, items: list[Any], workers: list[_Worker],
              waiting: collections.deque[int], done: dict[int, Any]) -> None:
        self._hand_out(items, workers, waiting)
        busy = [w for w in workers if w.item is not None]
        left = min(w.deadline for w in busy) - time.monotonic()
        ready = wait([w.connection for w in busy], timeout=max(0.0, left))
        for k, worker in enumerate(workers):
            if worker.item is None:
                continue
            if worker.connection in ready:
                try:
                    done[worker.item] = worker.connection.recv()
                    worker.item = None
                    continue
                except (EOFError, OSError):
                    failure = Failed("the worker process reading it died")
            elif time.monotonic() < worker.deadline:
                continue
            else:
                failure = Failed(f"took longer than {self.seconds:g} s to read")
            done[worker.item] = failure
            worker.stop(kill=True)
            workers[k] = _Worker(self.context, self.args)
