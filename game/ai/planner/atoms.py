"""Requirements as the planner reads them: conditions flattened into OR-of-AND atoms.

A scenario states what a position, contest or move needs as nested conditions (all, any,
not).  The planner works on their disjunctive normal form: a tuple of alternatives, each a
frozenset of atoms that must all hold.  Atoms are small hashable values; conditions that only
time a move (``contest_soon``, ``registered``) are dropped, because the planner schedules
entries itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from game.core.rules import (
    AgeRange,
    AllOf,
    AnyOf,
    Condition,
    ContestSoon,
    HasStatus,
    HoldsPosition,
    InGovernment,
    Not,
    PartyMember,
    PartyPopularity,
    PartySeats,
    Registered,
    ResourceRange,
    Tenure,
    TurnRange,
)

MAX_ALTERNATIVES = 96  # a requirement with more alternatives keeps the first ones


@dataclass(frozen=True, slots=True)
class Held:
    """Holds ``position`` now."""

    position: str


@dataclass(frozen=True, slots=True)
class Ever:
    """Has held ``position`` at some time."""

    position: str


@dataclass(frozen=True, slots=True)
class Served:
    """Has held ``position`` (any position when None) for ``turns`` turns, and still does."""

    position: str | None
    turns: int


@dataclass(frozen=True, slots=True)
class NotHeld:
    """Holds none of ``positions``."""

    positions: frozenset[str]


@dataclass(frozen=True, slots=True)
class Member:
    """A party member (of ``party`` if given) for at least ``turns`` turns."""

    turns: int = 0
    party: str | None = None


@dataclass(frozen=True, slots=True)
class NonMember:
    """Not a member of any party."""


@dataclass(frozen=True, slots=True)
class Amount:
    """``resource`` within [low, high]."""

    resource: str
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class Deadline:
    """Age (``age`` True) or turn within [low, high]: time can only make it hold or fail."""

    age: bool
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class PartyStrength:
    """The actor's party has popularity within [low, high], or (with ``position``) holds
    ``share`` of its seats (and the most of any party with ``largest``)."""

    low: float | None = None
    high: float | None = None
    position: str | None = None
    share: float = 0.0
    largest: bool = False


@dataclass(frozen=True, slots=True)
class Governing:
    """The actor's party is in (``member``) or out of the government of ``chamber``; with
    ``leads``, it formed it."""

    chamber: str
    member: bool = True
    leads: bool = False


@dataclass(frozen=True, slots=True)
class Status:
    """Carries ``status`` (or, with ``present`` False, does not)."""

    status: str
    present: bool


Atom = Held | Ever | Served | NotHeld | Member | NonMember | Amount | Deadline | PartyStrength \
    | Governing | Status
Term = frozenset[Atom]
Dnf = tuple[Term, ...]

ALWAYS: Dnf = (frozenset(),)
NEVER: Dnf = ()


def conjoin(*parts: Dnf) -> Dnf:
    """Every alternative of one part combined with every alternative of the others."""
    terms: list[Term] = [frozenset()]
    for part in parts:
        terms = [a | b for a, b in product(terms, part)][:MAX_ALTERNATIVES]
    return _minimal(terms)


def _minimal(terms: list[Term]) -> Dnf:
    """Drop duplicates and alternatives that need more than another one does."""
    unique = sorted(set(terms), key=lambda t: (len(t), sorted(map(repr, t))))
    kept: list[Term] = []
    for term in unique:
        if not any(other <= term for other in kept):
            kept.append(term)
    return tuple(kept)


def dnf(conditions: tuple[Condition, ...] | list[Condition]) -> Dnf:
    """The alternatives under which every one of ``conditions`` holds."""
    return conjoin(*(_one(c) for c in conditions))


def _one(cond: Condition) -> Dnf:
    if isinstance(cond, AllOf):
        return dnf(cond.conditions)
    if isinstance(cond, AnyOf):
        found: list[Term] = []
        for sub in cond.conditions:
            found.extend(_one(sub))
        return _minimal(found[:MAX_ALTERNATIVES])
    if isinstance(cond, Not):
        return _negated(cond.condition)
    atom = _atom(cond)
    return ALWAYS if atom is None else (frozenset({atom}),)


def _atom(cond: Condition) -> Atom | None:
    """The atom for a leaf condition (None: a timing condition the planner ignores)."""
    if isinstance(cond, HoldsPosition):
        if len(cond.positions) != 1:
            raise ValueError("several positions are an AnyOf, split by _holds")
        only = cond.positions[0]
        return Ever(only) if cond.ever else Held(only)
    if isinstance(cond, Tenure):
        return Served(cond.position, cond.turns)
    if isinstance(cond, PartyMember):
        return Member(cond.min_turns, cond.party) if cond.member else NonMember()
    if isinstance(cond, ResourceRange):
        return Amount(cond.resource, cond.minimum, cond.maximum)
    if isinstance(cond, AgeRange | TurnRange):
        return Deadline(isinstance(cond, AgeRange), cond.minimum, cond.maximum)
    if isinstance(cond, PartyPopularity):
        return PartyStrength(cond.minimum, cond.maximum)
    if isinstance(cond, PartySeats):
        return PartyStrength(position=cond.position, share=cond.min_share,
                             largest=cond.largest)
    if isinstance(cond, HasStatus):
        return Status(cond.status, cond.present)
    if isinstance(cond, InGovernment):
        return Governing(cond.chamber, cond.member, cond.leads)
    if isinstance(cond, ContestSoon | Registered):
        return None
    raise TypeError(f"unknown condition {cond!r}")


def _negated(cond: Condition) -> Dnf:
    """``not`` of the conditions scenarios use it with; anything else is left to the engine."""
    if isinstance(cond, HoldsPosition) and not cond.ever:
        return (frozenset({NotHeld(frozenset(cond.positions))}),)
    if isinstance(cond, HasStatus):
        return (frozenset({Status(cond.status, not cond.present)}),)
    if isinstance(cond, InGovernment) and not cond.leads:
        return (frozenset({Governing(cond.chamber, not cond.member)}),)
    if isinstance(cond, PartyMember) and cond.party is None and not cond.min_turns:
        return (frozenset({NonMember() if cond.member else Member()}),)
    return ALWAYS


def leaf_conditions(cond: Condition) -> Condition:
    """``cond`` with multi-position ``holds`` split into an ``any`` of single positions."""
    if isinstance(cond, HoldsPosition) and len(cond.positions) > 1:
        return AnyOf(tuple(HoldsPosition((p,), cond.ever) for p in cond.positions))
    if isinstance(cond, AllOf):
        return AllOf(tuple(leaf_conditions(c) for c in cond.conditions))
    if isinstance(cond, AnyOf):
        return AnyOf(tuple(leaf_conditions(c) for c in cond.conditions))
    if isinstance(cond, Not):
        return Not(cond.condition)  # negations keep their whole position set
    return cond


def requirement(conditions: tuple[Condition, ...]) -> Dnf:
    """``dnf`` of scenario conditions as written (multi-position holds included)."""
    return dnf([leaf_conditions(c) for c in conditions])


Ordered = tuple[tuple[Atom, ...], ...]


def ordered(alternatives: Dnf, interned: dict[Atom, Atom] | None = None) -> Ordered:
    """The alternatives with their atoms in a fixed order (by their text), so that walking
    them never depends on set iteration, which varies between processes.  With
    ``interned``, equal atoms become one object (memos keyed by identity then share)."""
    pool = interned if interned is not None else {}
    return tuple(tuple(pool.setdefault(a, a) for a in sorted(term, key=repr))
                 for term in alternatives)
