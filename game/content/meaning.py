"""Checks of meaning that name the failing condition: contradictory conditions, moves that
grant what their own effects require, channels nothing enters, choices on world events.

Each finding names the object and points at the condition or effect at fault.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from game.content import models as m
from game.content.issues import Issue, issue
from game.content.layers import BUILTIN_NAME, Composition, Entry
from game.content.reach import effects_of as reach_effects

#: Where each kind of object keeps a list of conditions.
CONDITION_LISTS = (("positions", "requires"), ("moves", "requires"),
                   ("contests", "requires"), ("events", "conditions"))


def summary(raw: Any, limit: int = 90) -> str:
    """A condition or effect as compact JSON, for messages."""
    text = json.dumps(raw, ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= limit else text[:limit - 3] + "..."


def raw_at(entry: Entry, pointer: str) -> Any:
    """The JSON at ``pointer`` (relative to the object) as merged."""
    node: Any = entry.raw
    for part in pointer.split("/")[1:]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _report(entry: Entry, code: str, suffix: str, message: str) -> Issue:
    file, pointer = entry.where(entry.origin.pointer + suffix)
    return issue(code, message, file, pointer, entry.model.id)


@dataclass(frozen=True, slots=True)
class Span:
    """How long a career lasts: the last turn and the ages an actor has in it."""

    max_turns: int
    first_age: float
    last_age: float

    @classmethod
    def of(cls, main: m.ScenarioFile) -> Span:
        """The span of ``main``'s calendar (ages as the engine counts them)."""
        cal = main.calendar
        return cls(cal.max_turns, main.start_age,
                   main.start_age + (cal.max_turns - 1) * cal.months_per_turn / 12)


def check_meaning(main: m.ScenarioFile, comp: Composition) -> list[Issue]:
    """Contradictions, never-legal moves and channels never entered (warnings)."""
    positions = {pid: e.model for pid, e in comp.lists["positions"].items()}
    span = Span.of(main)
    issues: list[Issue] = []
    for kind, attr in CONDITION_LISTS:
        for entry in comp.lists[kind].values():
            for suffix, why in contradictions(getattr(entry.model, attr), f"/{attr}", span,
                                              positions):
                issues.append(_report(entry, "contradictory-condition", suffix,
                                      f"{summary(raw_at(entry, suffix))} can never hold: {why}"))
    for entry in comp.lists["moves"].values():
        issues += _never_legal(entry, positions)
    issues += _excluded_seats(comp.lists["positions"], positions)
    issues += _channels_never_entered(comp)
    return issues


def contradictions(conds: list[Any], pointer: str, span: Span,
                   positions: dict[str, m.Position]) -> Iterator[tuple[str, str]]:
    """(pointer, why) for each condition that cannot hold, alone or with its siblings."""
    for i, cond in enumerate(conds):
        here = f"{pointer}/{i}"
        why = _alone(cond, span)
        if why:
            yield here, why
        if isinstance(cond, m.AllCond):
            yield from contradictions(cond.conditions, f"{here}/conditions", span, positions)
    yield from _together(conds, pointer, positions)


def _alone(cond: Any, span: Span) -> str:
    low, high = getattr(cond, "min", None), getattr(cond, "max", None)
    if isinstance(cond, m.ResourceCond | m.TurnCond | m.AgeCond | m.PartyPopularityCond) \
            and low is not None and high is not None and low > high:
        return f"its min {low:g} is above its max {high:g}"
    if isinstance(cond, m.TurnCond) and low is not None and low > span.max_turns:
        return f"turn {low} comes after the last turn ({span.max_turns})"
    if isinstance(cond, m.TurnCond) and high is not None and high < 1:
        return f"turn {high} comes before the first turn (1)"
    if isinstance(cond, m.AgeCond) and low is not None and low > span.last_age:
        return f"age {low:g} is never reached: actors are {span.last_age:g} in the last turn"
    if isinstance(cond, m.AgeCond) and high is not None and high < span.first_age:
        return f"age {high:g} is already past: actors start at {span.first_age:g}"
    if isinstance(cond, m.TenureCond) and cond.turns >= span.max_turns:
        return f"{cond.turns} turns of tenure cannot be served in a {span.max_turns}-turn career"
    return ""


def _needs_party(pos: m.Position) -> bool:
    return pos.per_party or any(isinstance(c, m.PartyMemberCond) and c.member
                                for c in pos.requires)


def _together(conds: list[Any], pointer: str,
              positions: dict[str, m.Position]) -> Iterator[tuple[str, str]]:
    """Pairs in one list (all must hold) that exclude each other."""
    outside = next((i for i, c in enumerate(conds)
                    if isinstance(c, m.PartyMemberCond) and not c.member), None)
    statuses: dict[str, tuple[int, bool]] = {}
    for i, cond in enumerate(conds):
        here = f"{pointer}/{i}"
        if outside is not None and isinstance(cond, m.PartyMemberCond) and cond.member:
            yield here, f"it needs party membership, and {pointer}/{outside} needs none"
        if outside is not None and isinstance(cond, m.HoldsCond) and not cond.ever and all(
                p in positions and _needs_party(positions[p]) for p in cond.positions):
            yield here, (f"{', '.join(cond.positions)} can only be held by a party member, "
                         f"and {pointer}/{outside} needs no party")
        if isinstance(cond, m.StatusCond):
            seen = statuses.get(cond.status)
            if seen is not None and seen[1] != cond.present:
                yield here, f"{pointer}/{seen[0]} needs the opposite for status {cond.status!r}"
            statuses.setdefault(cond.status, (i, cond.present))


def _excluded_seats(entries: dict[str, Entry], positions: dict[str, m.Position]
                    ) -> list[Issue]:
    """A position that needs, held now (``holds`` without ``ever``, or ``tenure``), a seat
    it excludes and does not replace: no one can hold both, so the condition never holds."""
    excluded: dict[str, set[str]] = {pid: set(pos.excludes) for pid, pos in positions.items()}
    for pid, pos in positions.items():
        for other in pos.excludes:
            excluded.setdefault(other, set()).add(pid)
    issues = []
    for pid, entry in entries.items():
        needing: m.Position = entry.model
        blocked = excluded.get(pid, set()) - set(needing.replaces)
        for where, cond in _required(needing.requires, "/requires", into_any=True):
            seats = cond.positions if isinstance(cond, m.HoldsCond) and not cond.ever else \
                [cond.position] if isinstance(cond, m.TenureCond) and cond.position else []
            if seats and set(seats) <= blocked:
                past = "add \"ever\": true" if isinstance(cond, m.HoldsCond) else \
                    "past service is \"holds\" with \"ever\": true"
                issues.append(_report(
                    entry, "contradictory-condition", where,
                    f"{summary(raw_at(entry, where))} can never hold: {pid!r} excludes "
                    f"{', '.join(seats)}, so no one holds it while taking {pid!r} ({past}, "
                    f"or list {', '.join(seats)} in \"replaces\" to give it up on taking "
                    f"{pid!r})"))
    return issues


def _never_legal(entry: Entry, positions: dict[str, m.Position]) -> list[Issue]:
    """A move that needs, before it is made, what its own effects grant (or take away).

    The engine checks the effects and the success effects against the actor before the
    move (failure effects are not checked): a position gained needs its requirements met
    and must not be held yet, joining a party needs no party, leaving one needs a party.
    """
    move: m.Move = entry.model
    guarded = [("effects", e) for e in move.effects] + \
        [("on_success", e) for e in move.on_success]
    gained = {e.position for _, e in guarded if isinstance(e, m.GainPositionEffect)}
    joins = any(isinstance(e, m.JoinPartyEffect) for _, e in guarded)
    leaves = any(isinstance(e, m.LeavePartyEffect) for _, e in guarded)
    issues = []
    own, where = _needs_own_grant(move.requires, gained, joins, leaves)
    if own:
        issues.append(_report(entry, "never-legal-move", f"/{where}",
                              f"this move can never be made: it requires {own}, but "
                              f"{_OWN_EFFECT[own.split(' (')[0].split()[0]]}; its effects are "
                              "checked against the actor before the move"))
    reported: set[str] = set()
    for n, (name, eff) in enumerate(guarded):
        if not isinstance(eff, m.GainPositionEffect) or eff.position not in positions \
                or eff.position in reported:
            continue
        why, _ = _needs_own_grant(positions[eff.position].requires, gained - {eff.position},
                                  joins, leaves)
        if why:
            reported.add(eff.position)
            i = n if name == "effects" else n - len(move.effects)
            issues.append(_report(entry, "never-legal-move", f"/{name}/{i}",
                                  f"this move can never be made: {eff.position!r} requires "
                                  f"{why}, which the same move grants; requirements are "
                                  "checked before any effect happens (split it in two moves)"))
    return issues


#: Why a move cannot require what its own effects exclude, by the requirement's first word.
_OWN_EFFECT = {"holding": "a position it grants cannot go to someone who holds it already",
               "tenure": "a position it grants cannot go to someone who holds it already",
               "party": "its join_party effect needs an actor in no party",
               "no": "its leave_party effect needs an actor in a party"}


def _required(conds: list[Any], pointer: str, into_any: bool = False
              ) -> Iterator[tuple[str, Any]]:
    """Every condition that must hold: the list's, and those inside its ``all`` blocks. With
    ``into_any``, every condition that may be what lets the list hold (those inside ``any``
    blocks too; never under a ``not``)."""
    for i, cond in enumerate(conds):
        if isinstance(cond, m.AllCond) or (into_any and isinstance(cond, m.AnyCond)):
            yield from _required(cond.conditions, f"{pointer}/{i}/conditions", into_any)
        else:
            yield f"{pointer}/{i}", cond


def _needs_own_grant(conds: list[Any], gained: set[str], joins: bool,
                     leaves: bool) -> tuple[str, str]:
    """The first requirement in ``conds`` that the move's own effects exclude, named, and
    where it is; ("", "") when there is none."""
    for where, cond in _required(conds, "requires"):
        why = ""
        if isinstance(cond, m.HoldsCond) and not cond.ever and set(cond.positions) <= gained:
            why = f"holding {', '.join(cond.positions)}"
        elif isinstance(cond, m.TenureCond) and cond.position in gained:
            why = f"tenure in {cond.position}"
        elif joins and isinstance(cond, m.PartyMemberCond) and cond.member:
            why = "party membership"
        elif leaves and isinstance(cond, m.PartyMemberCond) and not cond.member:
            why = "no party"
        if why:
            return f"{why} ({where})", where
    return "", ""


def _channels_never_entered(comp: Composition) -> list[Issue]:
    """A channel whose moves climb (grant positions, enter contests) but that nothing enters.

    A channel of moves open to everyone (networking, fundraising) needs no entry; one whose
    moves lead somewhere is a ladder, and a ladder nobody is recorded entering is a mistake.
    """
    climbs: dict[str, list[str]] = {}
    for entry in comp.lists["moves"].values():
        for eff in reach_effects(entry.model):
            if isinstance(eff, m.GainPositionEffect):
                climbs.setdefault(entry.model.channel, []).append(eff.position)
            elif isinstance(eff, m.EnterContestEffect | m.NominateEffect):
                climbs.setdefault(entry.model.channel, []).append(f"contest {eff.contest}")
    issues = []
    for cid, entry in comp.lists["channels"].items():
        ch: m.Channel = entry.model
        if climbs.get(cid) and not ch.entry_positions and not ch.entry_contest_kinds:
            shown = ", ".join(sorted(set(climbs[cid]))[:4])
            issues.append(_report(entry, "channel-never-entered", "",
                                  f"its moves lead to {shown}, but nothing enters the channel: "
                                  "list the positions in entry_positions (or contest kinds in "
                                  "entry_contest_kinds)"))
    return issues


def check_world_choices(comp: Composition) -> list[Issue]:
    """Choices on a world event are refused: a world event is drawn once for everyone, and
    only an actor's own card can wait for that actor's answer."""
    issues = []
    for entry in comp.lists["events"].values():
        if entry.origin.file == BUILTIN_NAME:
            continue
        event: m.Event = entry.model
        if event.scope == "world" and event.choices:
            issues.append(_report(entry, "world-event-choices", "/choices",
                                  "a world event cannot offer choices (it happens to everyone "
                                  "at once): make it \"scope\": \"actor\", or move the choices' "
                                  "effects into \"effects\""))
    return issues
