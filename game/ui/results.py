"""The rows of a contest's results: named entrants one by one, the unnamed field grouped.

Contenders not played by an actor (the field) have no names of their own, so they are shown
as at most two rows: those who won a seat (or passed) and those who did not, each with their
count and their combined share of the vote; an exam's groups show their best score.  No
pygame here: tested without a display.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.core.events import Contestant

Translate = Callable[..., str]


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One line of the results: a named entrant, or a group of unnamed ones."""

    members: tuple[Contestant, ...]  # best first
    won: bool
    exam: bool  # scored against a pass mark (exams, appointments) rather than voted
    pooled: bool = True  # one ballot for all; False: each in a district of their own

    @property
    def grouped(self) -> bool:
        """True for the unnamed field (however many it holds)."""
        return self.members[0].actor is None

    @property
    def lead(self) -> Contestant:
        """The entrant whose factors the row explains: the strongest of a group."""
        return self.members[0]

    @property
    def share(self) -> float:
        """The vote share of the row (summed over a group)."""
        return sum(c.share for c in self.members)

    @property
    def value(self) -> float:
        """What the bar shows: the vote share (a group's together, or its best where each
        stood in a district of their own), or the (best) score in an exam."""
        if self.exam:
            return self.lead.strength
        return self.share if self.pooled else self.lead.share

    def label(self, t: Translate) -> str:
        """A group's name, e.g. "8 other candidates" ("" for a named entrant)."""
        if not self.grouped:
            return ""
        kind = ("passed" if self.won else "failed") if self.exam else (
            "won" if self.won else "lost")
        count = len(self.members)
        return t(f"contest.field_{kind}" + ("_one" if count == 1 else ""), n=count)


def districts(contestants: tuple[Contestant, ...], size: int) -> list[tuple[Contestant, ...]]:
    """The districts of a district contest: consecutive runs of ``size`` entrants with one
    actor each, as the ballot lists them (empty if the list is not shaped so)."""
    if size < 2 or not contestants or len(contestants) % size:
        return []
    found = [contestants[i:i + size] for i in range(0, len(contestants), size)]
    if any(sum(1 for c in d if c.actor is not None) != 1 for d in found):
        return []
    return found


def result_rows(contestants: tuple[Contestant, ...], exam: bool, limit: int,
                keep: str | None = None, pooled: bool = True,
                ) -> tuple[list[ResultRow], int]:
    """The rows to show, best first, and how many named entrants did not fit in ``limit``
    (the groups, the entrant ``keep`` (the player) and the winners are shown first).
    ``pooled`` False: everyone stood in a district of their own, so shares do not add up."""
    def best_first(c: Contestant) -> tuple[float, float]:
        return (-c.strength, -c.share) if exam or pooled else (-c.share, -c.strength)

    def order(row: ResultRow) -> tuple[float, bool]:
        return (-row.value, not row.won)

    rows = [ResultRow((c,), c.won, exam, pooled) for c in contestants if c.actor is not None]
    for won in (True, False):
        field = sorted((c for c in contestants if c.actor is None and c.won == won),
                       key=best_first)
        if field:
            rows.append(ResultRow(tuple(field), won, exam, pooled))
    if len(rows) <= limit:
        return sorted(rows, key=order), 0
    groups = [r for r in rows if r.grouped]
    named = sorted((r for r in rows if not r.grouped),
                   key=lambda r: (r.lead.actor != keep, not r.won, -r.value))
    shown = groups + named[:max(limit - len(groups), 0)]
    return sorted(shown, key=order), len(rows) - len(shown)
