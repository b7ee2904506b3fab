"""Calibration of polls against ballots, on contests drawn from real game states.

Careers are played with AI policies; just before each contest sits, every entrant's poll
(``win_chance``) is taken and the sitting is cast ``rerolls`` times with other dice (the
ballot reads the state and changes nothing), giving the realised win rate of that very
state.  Then the contest sits for real and the career goes on.

Run ``python tests/calibration.py SCENARIO... [--seeds N] [--rerolls R]`` for a report.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from game.ai import seat_policies
from game.ai.runner import play
from game.content import load_scenario
from game.core import compile_rulebook, new_game
from game.core import contests as contest_rules
from game.core.ballots import seat_count
from game.core.contests import entrants, party_nominees
from game.core.events import Event
from game.core.polls import win_chance
from game.core.scenario import ContestDef
from game.core.sitting import cast
from game.core.state import GameState, seat_key


@dataclass(slots=True)
class Sample:
    """One entrant of one sitting: its poll and the realised win rate over re-rolls."""

    kind: str
    allocation: str
    forecast: float
    realised: float
    rerolls: int


@dataclass(slots=True)
class Collector:
    """Samples gathered while careers are played."""

    rerolls: int
    samples: list[Sample] = field(default_factory=list)

    def sitting(self, state: GameState, contest_id: str, party: str | None) -> None:
        """Poll and re-roll one sitting about to happen."""
        contest = state.book.contests[contest_id]
        runners = entrants(state, contest, party)
        rates = realised(state, contest_id, party, self.rerolls)
        if not rates:
            return
        for actor in runners:
            self.samples.append(Sample(contest.kind, contest.allocation,
                                       win_chance(state, actor, contest_id), rates[actor.id],
                                       self.rerolls))


def realised(state: GameState, contest_id: str, party: str | None,
             rerolls: int) -> dict[str, float]:
    """Each entrant's win rate over ``rerolls`` castings of the sitting due now (empty when
    it would not sit)."""
    contest = state.book.contests[contest_id]
    runners = entrants(state, contest, party)
    if not runners:
        return {}
    if contest.kind == "investiture" and (contest.chamber or contest.position) in (
            state.coalitions):
        return {}
    holders = state.seats.get(seat_key(contest.position, party), [])
    free = state.book.positions[contest.position].seats - len(holders)
    if contest.kind == "nomination":
        given = party_nominees(state, party, contest.for_contest or contest.id) if party else 0
        free = seat_count(state, contest) - given
        if free <= 0:
            return {}
    wins = {a.id: 0 for a in runners}
    for i in range(rerolls):
        rng = random.Random(f"calibration:{state.seed}:{state.turn}:{contest_id}:{party}:{i}")
        ballot = cast(state, contest, runners, free, rng, party)
        # an actor seated by its constituency and its list counts once
        for aid in {e.actor.id for e in (*ballot.entries, *ballot.lists)
                    if e.won and e.actor is not None}:
            wins[aid] += 1
    return {aid: n / rerolls for aid, n in wins.items()}


@contextmanager
def observing(collector: Collector) -> Iterator[None]:
    """Poll every sitting of a contest just before the engine holds it."""
    real = contest_rules._resolve_group

    def resolve_group(state: GameState, contest: ContestDef, party: str | None,
                      out: list[Event]) -> None:
        collector.sitting(state, contest.id, party)
        real(state, contest, party, out)

    contest_rules._resolve_group = resolve_group
    try:
        yield
    finally:
        contest_rules._resolve_group = real


def collect(scenario: str | Path, seeds: range, policies: tuple[str, ...] = ("greedy", "random"),
            rerolls: int = 400, until_turn: int | None = None) -> list[Sample]:
    """Play careers and gather samples."""
    book = compile_rulebook(load_scenario(str(scenario)))
    collector = Collector(rerolls)
    with observing(collector):
        for seed in seeds:
            for policy in policies:
                state, _ = new_game(book, seed)
                play(state, seat_policies(book, policy), until_turn=until_turn)
    return collector.samples


def errors(samples: list[Sample]) -> dict[str, tuple[int, float, float]]:
    """Per contest kind (and general elections per rule): (samples, mean |forecast -
    realised|, and the root mean square of forecast - true rate: the re-rolls' own sampling
    noise, r(1-r)/(R-1) on average, taken off the mean square)."""
    found: dict[str, list[Sample]] = {}
    for sample in samples:
        found.setdefault(sample.kind, []).append(sample)
        if sample.kind == "general_election":
            found.setdefault(f"general_election/{sample.allocation}", []).append(sample)
    report = {}
    for kind, rows in sorted(found.items()):
        mean = sum(abs(s.forecast - s.realised) for s in rows) / len(rows)
        square = sum((s.forecast - s.realised) ** 2
                     - s.realised * (1 - s.realised) / (s.rerolls - 1) for s in rows)
        report[kind] = (len(rows), mean, max(square / len(rows), 0.0) ** 0.5)
    return report


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenarios", nargs="+")
    parser.add_argument("--seeds", type=int, default=4)
    parser.add_argument("--rerolls", type=int, default=400)
    args = parser.parse_args()
    for scenario in args.scenarios:
        samples = collect(scenario, range(args.seeds), rerolls=args.rerolls)
        for kind, (count, mean, rms) in errors(samples).items():
            print(f"{scenario:16} {kind:34} n={count:6d} mean|f-r|={mean:.4f} "
                  f"rms(f-p)={rms:.4f}")
        sys.stdout.flush()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    _main()

