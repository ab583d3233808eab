"""What every fetcher reports back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

Log = Callable[[str], None]


@dataclass
class SourceResult:
    name: str
    new: int = 0
    updated: int = 0  # saved before, and replaced by the copy its feed revised
    known: int = 0
    unchanged: bool = False  # the server said nothing changed (HTTP 304)
    failure: str | None = None  # why the source could not be fetched (or fetched in full)
    skipped: str | None = None  # why the source was not tried (a missing secret)
    warnings: list[str] = field(default_factory=list)
    passed_over: int = 0  # messages a mailbox source did not take, by its rule
    passed_over_because: str = ""

    def line(self) -> str:
        if self.skipped:
            return f"{self.name}: skipped: {self.skipped}"
        done = f"{self.name}: {self.new} new, " + (
            f"{self.updated} updated, " if self.updated else "") + f"{self.known} known"
        if self.unchanged:
            done += " (unchanged since the last fetch)"
        if self.passed_over:
            done += f", {self.passed_over} passed over ({self.passed_over_because})"
        return done + (f"; failed: {self.failure}" if self.failure else "")
