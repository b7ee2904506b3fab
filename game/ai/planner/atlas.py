"""The position graph of a scenario, as the planner needs it: every way into every office.

Built once per rulebook from the same compiled tables the engine uses.  A ``Gate`` is one way
to take a seat: a contest entered by a move, a contest entered with a party's nomination (won
in a nomination contest or granted by a move such as a chair nominating themself), a move that
takes the seat directly, or an automatic promotion.  Each gate carries everything it needs as
alternatives of atoms (``atoms.Dnf``) and the calendar of the contest that decides it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from game.ai.planner.atoms import (
    Atom,
    Dnf,
    Held,
    Member,
    NonMember,
    Ordered,
    conjoin,
    ordered,
    requirement,
)
from game.core.rulebook import Rulebook
from game.core.rules import (
    ContestSoon,
    EnterContest,
    GainPosition,
    JoinParty,
    LeaveParty,
    LosePosition,
    Nominate,
)
from game.core.scenario import ContestDef, MoveDef

GateKind = Literal["contest", "nominated", "move", "automatic"]


@dataclass(frozen=True, slots=True)
class Gate:
    """One way to take a seat of ``position``."""

    position: str
    kind: GateKind
    contest: str | None  # the contest that fills the seat (contest and nominated gates)
    move: str | None  # the move that enters the contest, asks for the nomination or takes it
    nomination: str | None  # the nomination contest a ``nominated`` gate goes through
    needs: Ordered  # everything that must hold, as alternatives (atoms in a fixed order)
    lead: int = 0  # turns before the sitting that the entry can be made


@dataclass(slots=True)
class Atlas:
    """Every gate of every position, and the moves the planner treats specially."""

    book: Rulebook
    gates: dict[str, list[Gate]] = field(default_factory=dict)
    entry_moves: dict[str, list[str]] = field(default_factory=dict)  # contest -> moves
    nominate_moves: dict[str, list[str]] = field(default_factory=dict)  # contest -> moves
    gain_moves: dict[str, list[str]] = field(default_factory=dict)  # position -> moves
    join_moves: list[str] = field(default_factory=list)
    leave_moves: list[str] = field(default_factory=list)  # moves that leave the party
    resign_moves: list[str] = field(default_factory=list)  # moves that give up a held office
    channel_of: dict[str, str] = field(default_factory=dict)  # position -> its channel
    entries: dict[str, str] = field(default_factory=dict)  # entry position -> channel entered
    # turns on which moves with calendar conditions open (moves without any are absent)
    move_open: dict[str, frozenset[int]] = field(default_factory=dict)
    # nomination contest -> offices whose holders can grant themselves its ticket by a move
    ticket_holders: dict[str, frozenset[str]] = field(default_factory=dict)
    pool: dict[Atom, Atom] = field(default_factory=dict)  # one object per distinct atom
    top_needs_party: bool = False  # every way to every victory position needs a party
    # contest -> (every, offset) of the turns it really sits on: a chamber elects a head of
    # government only on the turn after the chamber itself is elected
    cycles: dict[str, tuple[int, int]] = field(default_factory=dict)


    def ordered(self, alternatives: Dnf) -> Ordered:
        """``atoms.ordered`` with this atlas's atoms interned."""
        return ordered(alternatives, self.pool)

    def contest(self, contest_id: str) -> ContestDef:
        """A contest definition by id."""
        return self.book.contests[contest_id]


def _effects(mdef: MoveDef) -> Iterator[object]:
    yield from mdef.effects
    yield from mdef.on_success


def _lead(mdef: MoveDef, contest: str) -> int:
    """How many turns before a sitting the move opens (its ``contest_soon`` window)."""
    for cond in mdef.requires:
        if isinstance(cond, ContestSoon) and cond.contest == contest:
            return cond.within
    return 0


def build_atlas(book: Rulebook) -> Atlas:
    """Index ``book``'s ways into every position."""
    atlas = Atlas(book)
    for mdef in book.scenario.moves:
        for eff in _effects(mdef):
            if isinstance(eff, EnterContest):
                atlas.entry_moves.setdefault(eff.contest, []).append(mdef.id)
            elif isinstance(eff, Nominate):
                atlas.nominate_moves.setdefault(eff.contest, []).append(mdef.id)
            elif isinstance(eff, GainPosition):
                atlas.gain_moves.setdefault(eff.position, []).append(mdef.id)
            elif isinstance(eff, JoinParty) and mdef.id not in atlas.join_moves:
                atlas.join_moves.append(mdef.id)
            elif isinstance(eff, LeaveParty) and mdef.id not in atlas.leave_moves:
                atlas.leave_moves.append(mdef.id)
            elif (isinstance(eff, LosePosition) and mdef.target == "held_position"
                  and mdef.id not in atlas.resign_moves):
                atlas.resign_moves.append(mdef.id)
    for channel in book.scenario.channels:
        for pid in channel.entry_positions:
            atlas.channel_of.setdefault(pid, channel.id)
            atlas.entries.setdefault(pid, channel.id)
    for pdef in book.scenario.positions:
        atlas.gates[pdef.id] = list(_gates(atlas, pdef.id))
    _channel_by_track(atlas)
    atlas.move_open = _calendar(book)
    atlas.ticket_holders = _ticket_holders(atlas)
    atlas.cycles = _cycles(book)
    atlas.top_needs_party = all(
        any(isinstance(a, Member) for a in term)
        for pid in book.scenario.victory.positions for g in atlas.gates[pid] for term in g.needs)
    return atlas


def _cycles(book: Rulebook) -> dict[str, tuple[int, int]]:
    cycles: dict[str, tuple[int, int]] = {}
    for contest in book.scenario.contests:
        every, offset = contest.schedule.every, contest.schedule.offset
        if contest.kind == "investiture" and contest.chamber is not None:
            election = next((c for c in book.scenario.contests
                             if c.kind == "general_election" and c.position == contest.chamber),
                            None)
            if election is not None:
                every, offset = election.schedule.every, election.schedule.offset + 1
        cycles[contest.id] = (max(every, 1), offset)
    return cycles


def _ticket_holders(atlas: Atlas) -> dict[str, frozenset[str]]:
    """Offices (such as a party chair) whose holders can nominate themselves for the contest
    a nomination contest is for: while one of them sits, that ticket is rarely on offer."""
    found: dict[str, frozenset[str]] = {}
    for ncontest in atlas.book.scenario.contests:
        if ncontest.kind != "nomination":
            continue
        target = ncontest.for_contest or ncontest.id
        offices: set[str] = set()
        for mid in atlas.nominate_moves.get(target, ()):
            for term in requirement(atlas.book.moves[mid].requires):
                offices.update(a.position for a in term if isinstance(a, Held))
        found[ncontest.id] = frozenset(offices)
    return found


@dataclass(slots=True)
class _Clock:
    """Stands in for a state where a predicate reads nothing but the turn."""

    turn: int


def _calendar(book: Rulebook) -> dict[str, frozenset[int]]:
    last = book.scenario.max_turns
    found = {}
    for mid, gate in book.move_turn_gates.items():
        turns = frozenset(t for t in range(1, last + 1)
                          if gate(_Clock(t), None))  # type: ignore[arg-type]
        if len(turns) < last:
            found[mid] = turns
    return found


def _channel_by_track(atlas: Atlas) -> None:
    """Positions no channel lists as an entry take the channel of their track's entry."""
    by_track: dict[str, str] = {}
    for pdef in sorted(atlas.book.scenario.positions, key=lambda p: p.tier):
        if pdef.id in atlas.channel_of:
            by_track.setdefault(pdef.track, atlas.channel_of[pdef.id])
    for pdef in atlas.book.scenario.positions:
        if pdef.id not in atlas.channel_of and pdef.track in by_track:
            atlas.channel_of[pdef.id] = by_track[pdef.track]


def _gates(atlas: Atlas, position: str) -> Iterator[Gate]:
    book = atlas.book
    pdef = book.positions[position]
    base = requirement(pdef.requires)
    if pdef.neutral:
        # the engine never seats a party member in a neutral post: a member's road pays
        # for leaving at each one on it (a dear price, as a member leaves only once, but
        # priced at the academy's door alone, roads joined a party and climbed a neutral
        # service at once)
        base = conjoin(base, (frozenset({NonMember()}),))
    for contest in book.scenario.contests:
        if contest.position != position or contest.kind == "nomination":
            continue
        needs = conjoin(base, requirement(contest.requires))
        if contest.requires_nomination:
            yield from _nominated_gates(atlas, contest, needs)
            continue
        for mid in atlas.entry_moves.get(contest.id, ()):
            mdef = book.moves[mid]
            yield Gate(position, "contest", contest.id, mid, None,
                       atlas.ordered(conjoin(needs, requirement(mdef.requires))),
                       _lead(mdef, contest.id))
    for mid in atlas.gain_moves.get(position, ()):
        yield Gate(position, "move", None, mid, None,
                   atlas.ordered(conjoin(base, requirement(book.moves[mid].requires))))
    if pdef.obtained == "automatic":
        yield Gate(position, "automatic", None, None, None, atlas.ordered(base))


def _nominated_gates(atlas: Atlas, contest: ContestDef, needs: Dnf) -> Iterator[Gate]:
    """A contest that needs a nomination: through a nomination contest, or a move that
    grants one."""
    book = atlas.book
    for ncontest in book.scenario.contests:
        if ncontest.kind != "nomination" or (ncontest.for_contest or ncontest.id) != contest.id:
            continue
        nneeds = conjoin(needs, requirement(ncontest.requires))
        for mid in atlas.entry_moves.get(ncontest.id, ()):
            mdef = book.moves[mid]
            yield Gate(contest.position, "nominated", contest.id, mid, ncontest.id,
                       atlas.ordered(conjoin(nneeds, requirement(mdef.requires))),
                       _lead(mdef, ncontest.id))
    for mid in atlas.nominate_moves.get(contest.id, ()):
        mdef = book.moves[mid]
        yield Gate(contest.position, "nominated", contest.id, mid, None,
                   atlas.ordered(conjoin(needs, requirement(mdef.requires))),
                   _lead(mdef, contest.id))


_ATLASES: dict[int, tuple[Rulebook, Atlas]] = {}


def atlas_for(book: Rulebook) -> Atlas:
    """The atlas of ``book``, built once per rulebook."""
    cached = _ATLASES.get(id(book))
    if cached is None or cached[0] is not book:
        cached = _ATLASES[id(book)] = (book, build_atlas(book))
    return cached[1]
