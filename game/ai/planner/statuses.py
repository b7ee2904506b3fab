"""What a status is worth, consequences included: a skeleton is priced by the events it can
set off, an investigation by the trial it can lead to, a disgrace by the career it ends.

Values come from a few rounds of a fixed point over the scenario's events: a status is worth
its own per-turn effects and contest penalties plus, for every event that needs it, the chance
that event fires over the coming turns times the best answer to it, whose effects may add
other statuses.  Everything is read from the scenario; nothing is known about particular ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from game.ai.planner.atoms import Status, requirement
from game.core.rulebook import Rulebook
from game.core.rules import AddStatus, ChangeResource, Effect, RemoveStatus
from game.core.scenario import ChoiceDef, EventDef

HORIZON = 12  # turns over which a status's consequences are counted
ROUNDS = 4
RUIN = -1.0  # a career ended by disgrace loses everything the plan was worth

ResourceValue = Callable[[str, float], float]


def _requires(event: EventDef, status: str) -> bool:
    """True when ``event`` can fire only for holders of ``status``."""
    for term in requirement(event.conditions):
        if Status(status, True) not in term:
            return False
    return bool(event.conditions)


def _effects_value(effects: tuple[Effect, ...], values: Mapping[str, float],
                   resource: ResourceValue, owner: str | None) -> float:
    total = 0.0
    for eff in effects:
        if isinstance(eff, ChangeResource):
            total += resource(eff.resource, eff.delta)
        elif isinstance(eff, AddStatus) and eff.status != owner:
            total += values.get(eff.status, 0.0)
        elif isinstance(eff, RemoveStatus) and eff.status != owner:
            total -= values.get(eff.status, 0.0)
    return total


def choice_value(choice: ChoiceDef, values: Mapping[str, float], resource: ResourceValue,
                 chance: float | None = None, owner: str | None = None) -> float:
    """Expected value of an event choice (``chance`` of its check, if it has one).

    ``owner``: the status whose consequences are being priced; adding or removing it is left
    out, since its own value is what is being computed.
    """
    value = _effects_value(choice.effects, values, resource, owner)
    if choice.check is None:
        return value + _effects_value(choice.on_success, values, resource, owner)
    p = chance if chance is not None else choice.check.base + 0.1
    p = min(max(p, choice.check.minimum), choice.check.maximum)
    return value + p * _effects_value(choice.on_success, values, resource, owner) + (
        (1.0 - p) * _effects_value(choice.on_failure, values, resource, owner))


def status_values(book: Rulebook, resource: ResourceValue, strength_point: float,
                  ) -> dict[str, float]:
    """Every status's value for an actor whose resources are worth ``resource(id, delta)``
    and for whom a contest strength point is worth ``strength_point``."""
    prices = StatusPrices(book, resource, strength_point)
    return {sid: prices[sid] for sid in prices}


class StatusPrices(Mapping[str, float]):
    """``status_values`` worked out one status at a time, when first asked: a status's value
    after ``ROUNDS`` rounds of the fixed point needs only the statuses its events lead to.

    ``resource`` must give the same answer whenever it is asked (prices of one moment)."""

    def __init__(self, book: Rulebook, resource: ResourceValue, strength_point: float) -> None:
        self._shapes = _shapes(book)
        self._resource = resource
        self._strength_point = strength_point
        self._known: dict[tuple[str, float], float] = {}
        self._rounds: dict[tuple[str, int], float] = {}  # (status, round) -> value
        self._answers: dict[str, list[tuple[float, list[tuple[float, Terms]]]]] = {}

    def __getitem__(self, sid: str) -> float:
        if sid not in self._shapes.index:
            raise KeyError(sid)
        return self._value(sid, ROUNDS)

    def get(self, sid: str, default: float = 0.0) -> float:  # type: ignore[override]
        """The value of status ``sid`` (``default`` for an unknown status)."""
        return self._value(sid, ROUNDS) if sid in self._shapes.index else default

    def __iter__(self) -> Iterator[str]:
        return (sid for sid, _ in self._shapes.direct)

    def __len__(self) -> int:
        return len(self._shapes.direct)

    def _worth(self, rid: str, delta: float) -> float:
        # one actor at one moment: the same change is worth the same wherever it appears
        found = self._known.get((rid, delta))
        if found is None:
            found = self._known[(rid, delta)] = self._resource(rid, delta)
        return found

    def _value(self, sid: str, rounds: int) -> float:
        """The value of ``sid`` after ``rounds`` rounds (0: its own effects only)."""
        found = self._rounds.get((sid, rounds))
        if found is not None:
            return found
        if rounds == 0:
            found = self._direct(sid)
        else:
            found = self._value(sid, 0) + sum(
                fires * min(max(constant + sum(k * self._earlier(o, rounds) for o, k in terms)
                                for constant, terms in answers), 0.0)  # only what can go wrong
                for fires, answers in self._priced(sid))
        self._rounds[(sid, rounds)] = found
        return found

    def _earlier(self, sid: str, rounds: int) -> float:
        return self._value(sid, rounds - 1) if sid in self._shapes.index else 0.0

    def _direct(self, sid: str) -> float:
        shape = self._shapes.direct[self._shapes.index[sid]][1]
        if shape is None:
            return RUIN
        per_turn_effects, contest_penalty, check_penalty, blocks = shape
        per_turn = sum(self._worth(rid, delta) for rid, delta in per_turn_effects)
        penalty = contest_penalty * self._strength_point + check_penalty * 0.02
        blocked = 0.3 * self._strength_point * 40 if blocks else 0.0
        return HORIZON / 2 * per_turn - HORIZON / 2 * penalty - blocked

    def _priced(self, sid: str) -> list[tuple[float, list[tuple[float, Terms]]]]:
        """Each event only holders of ``sid`` draw: the chance it fires, and each answer as
        a constant (its resource changes) and its coefficients on status values."""
        found = self._answers.get(sid)
        if found is None:
            events = self._shapes.events[self._shapes.index[sid]][1]
            found = self._answers[sid] = [
                (fires, [(_constant(answer, self._worth), terms) for answer, terms in answers])
                for fires, answers in events]
        return found


Changes = tuple[tuple[str, float], ...]
# an answer's resource changes: (effects, on_success, its share, on_failure, its share),
# the shares None for an answer without a check
Answer = tuple[Changes, Changes, float | None, Changes, float]
Terms = list[tuple[str, float]]


class _Shapes:
    """What pricing statuses reads from a rulebook, read once: per status its own effects
    (None: it ruins), and per status the events only its holders draw, each with the chance
    it fires within the horizon and its answers."""

    __slots__ = ("direct", "events", "index")

    def __init__(self, book: Rulebook) -> None:
        self.direct: list[tuple[str, tuple[Changes, float, float, bool] | None]] = [
            (sdef.id, None if sdef.ruin else (
                tuple((e.resource, e.delta) for e in sdef.per_turn), sdef.contest_penalty,
                sdef.check_penalty, sdef.blocks_contests))
            for sdef in book.scenario.statuses]
        followers = _followers(book)
        self.events: list[tuple[str, list[tuple[float, list[tuple[Answer, Terms]]]]]] = [
            (sid, [(1.0 - (1.0 - e.probability) ** HORIZON,
                    [_answer(c, sid) for c in e.choices])
                   for e in followers[sid] if e.choices])
            for sid, _ in self.direct]
        self.index = {sid: i for i, (sid, _) in enumerate(self.direct)}


def _changes(effects: tuple[Effect, ...]) -> Changes:
    return tuple((e.resource, e.delta) for e in effects if isinstance(e, ChangeResource))


def _answer(choice: ChoiceDef, owner: str) -> tuple[Answer, Terms]:
    """An answer's resource changes, and its coefficients on status values (``owner``, the
    status being priced, left out)."""
    terms: dict[str, float] = {}

    def part(effects: tuple[Effect, ...], share: float) -> None:
        for eff in effects:
            if isinstance(eff, AddStatus | RemoveStatus) and eff.status != owner:
                sign = 1.0 if isinstance(eff, AddStatus) else -1.0
                terms[eff.status] = terms.get(eff.status, 0.0) + sign * share

    part(choice.effects, 1.0)
    if choice.check is None:
        part(choice.on_success, 1.0)
        answer: Answer = (_changes(choice.effects), _changes(choice.on_success), None, (), 0.0)
    else:
        p = min(max(choice.check.base + 0.1, choice.check.minimum), choice.check.maximum)
        part(choice.on_success, p)
        part(choice.on_failure, 1.0 - p)
        answer = (_changes(choice.effects), _changes(choice.on_success), p,
                  _changes(choice.on_failure), 1.0 - p)
    return answer, list(terms.items())


def _constant(answer: Answer, resource: ResourceValue) -> float:
    """The resource part of an answer's value (a check at its guessed chance)."""
    effects, success, p, failure, q = answer

    def total(changes: Changes) -> float:
        found = 0.0
        for rid, delta in changes:
            found += resource(rid, delta)
        return found

    constant = 1.0 * total(effects)
    if p is None:
        constant += 1.0 * total(success)
    else:
        constant += p * total(success) + q * total(failure)
    return constant


_SHAPES: dict[int, tuple[Rulebook, _Shapes]] = {}


def _shapes(book: Rulebook) -> _Shapes:
    """The status shapes of ``book``, read once per rulebook."""
    cached = _SHAPES.get(id(book))
    if cached is None or cached[0] is not book:
        cached = _SHAPES[id(book)] = (book, _Shapes(book))
    return cached[1]


_FOLLOWERS: dict[int, tuple[Rulebook, dict[str, list[EventDef]]]] = {}


def _followers(book: Rulebook) -> dict[str, list[EventDef]]:
    """For each status, the events that only its holders can draw (built once per book)."""
    cached = _FOLLOWERS.get(id(book))
    if cached is None or cached[0] is not book:
        found: dict[str, list[EventDef]] = {
            s.id: [e for e in book.scenario.events if _requires(e, s.id)]
            for s in book.scenario.statuses}
        cached = _FOLLOWERS[id(book)] = (book, found)
    return cached[1]
