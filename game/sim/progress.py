"""A progress bar for batches: careers done, careers per second and time left.

Drawn with rich on a terminal; silent when the output is not a TTY (CI logs, pipes).
"""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Careers finished per second, over rich's moving window."""

    def render(self, task: Task) -> Text:
        """The rate as text."""
        speed = task.finished_speed or task.speed
        return Text("  -   careers/s" if speed is None else f"{speed:6.1f} careers/s")


class BatchProgress:
    """``with BatchProgress(total) as bar: bar.advance(n)``; a no-op when disabled."""

    def __init__(self, total: int, enabled: bool | None = None,
                 console: Console | None = None) -> None:
        console = console or Console(stderr=True)
        shown = console.is_terminal if enabled is None else enabled
        self.progress = Progress(
            TextColumn("careers"), BarColumn(), MofNCompleteColumn(), RateColumn(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=console, disable=not shown, transient=False,
        )
        self.task = self.progress.add_task("careers", total=total)

    def __enter__(self) -> BatchProgress:
        self.progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.progress.stop()

    def advance(self, done: int) -> None:
        """``done`` more careers finished."""
        self.progress.advance(self.task, done)
