"""Engine events as event-log entries in the player's language."""

from __future__ import annotations

from dataclasses import dataclass

from game.core.events import (
    CareerEnded,
    ChannelEntered,
    ChoiceMade,
    ContestHeld,
    Event,
    EventDrawn,
    MoveMade,
    PartyChanged,
    PositionGained,
    PositionLost,
    Registered,
    StatusChanged,
    TurnStarted,
)
from game.ui.panels.lens import Lens
from game.ui.theme import RGB

# a post given up for the office that replaces it: the line about the new office says it all
GAINED_ELSEWHERE = frozenset({"promoted", "left_for"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the log; ``event`` gives its tooltip (and a contest its results)."""

    text: str
    colour: RGB
    event: Event | None = None
    header: bool = False


def entry_for(lens: Lens, event: Event) -> Entry | None:
    """The log line for ``event``, or None when it is not worth a line."""
    t, n, pal = lens.ui.t, lens.names, lens.ui.pal
    me = lens.player.id
    if isinstance(event, TurnStarted):
        return Entry(t("log.turn", date=n.date(event.turn), turn=event.turn), pal.accent,
                     event, header=True)
    if isinstance(event, MoveMade) and event.actor == me:
        text = n.move(event.move) + (f": {n.target(event.target)}" if event.target else "")
        if event.check is not None:
            key = "log.success" if event.check.success else "log.failure"
            return Entry(t(key, move=text, chance=lens.ui.locale.percent(event.check.chance)),
                         pal.good if event.check.success else pal.bad, event)
        return Entry(t("log.move", move=text), pal.text, event)
    if isinstance(event, ContestHeld):
        return _contest(lens, event)
    if isinstance(event, PositionGained) and event.how != "start":
        colour = pal.accent if event.actor == me else pal.dim
        return Entry(t("log.gained", who=lens.actor_name(event.actor),
                       position=n.position(event.position), how=n.how(event.how)), colour, event)
    if isinstance(event, PositionLost) and event.why not in GAINED_ELSEWHERE:
        colour = pal.bad if event.actor == me else pal.dim
        return Entry(t("log.lost", who=lens.actor_name(event.actor),
                       position=n.position(event.position), why=n.why(event.why)), colour, event)
    if isinstance(event, EventDrawn) and (event.actor is None or event.actor == me):
        key = "log.world_event" if event.actor is None else "log.event"
        return Entry(t(key, title=n.event_title(event.event)), pal.reach, event)
    if isinstance(event, ChoiceMade) and event.actor == me:
        edef = lens.book.events.get(event.event)
        choice = next((c for c in edef.choices if c.id == event.choice), None) if edef else None
        label = lens.ui.locale.text(choice.label) if choice else event.choice
        return Entry(t("log.chose", choice=label), pal.text, event)
    return _personal(lens, event)


def _personal(lens: Lens, event: Event) -> Entry | None:
    t, n, pal = lens.ui.t, lens.names, lens.ui.pal
    me = lens.player.id
    if isinstance(event, PartyChanged):
        if event.party is None:
            return Entry(t("log.left_party", who=lens.actor_name(event.actor),
                           party=n.party(event.previous)), pal.dim, event)
        colour = pal.text if event.actor == me else pal.dim
        return Entry(t("log.joined", who=lens.actor_name(event.actor), party=n.party(event.party)),
                     colour, event)
    if isinstance(event, CareerEnded):
        colour = pal.accent if event.actor == me else pal.dim
        return Entry(t("log.ended", who=lens.actor_name(event.actor), result=n.result(event.result),
                       score=lens.ui.locale.number(event.score)), colour, event)
    if isinstance(event, StatusChanged) and event.actor == me:
        status = lens.book.statuses.get(event.status)
        if status is not None and status.hidden:
            return None
        key = "log.status_on" if event.added else "log.status_off"
        return Entry(t(key, status=n.status(event.status)), pal.bad if event.added else pal.good,
                     event)
    if isinstance(event, ChannelEntered) and event.actor == me:
        return Entry(t("log.channel", channel=n.channel(event.channel)), pal.reach, event)
    if isinstance(event, Registered) and event.actor == me:
        key = "log.nominated" if event.nomination else "log.registered"
        return Entry(t(key, contest=n.contest(event.contest)), pal.text, event)
    return None


def _contest(lens: Lens, event: ContestHeld) -> Entry | None:
    t, n, pal = lens.ui.t, lens.names, lens.ui.pal
    me = lens.player.id
    actors = [c for c in event.contestants if c.actor is not None]
    if not actors:
        return None
    named = [lens.actor_name(c.actor) for c in event.contestants if c.won and c.actor]
    others = sum(1 for c in event.contestants if c.won) - min(len(named), 3)
    winners = named[:3] + ([t("log.others", n=others)] if others else [])
    mine = next((c for c in event.contestants if c.actor == me), None)
    name = n.contest(event.contest) + (f" ({n.party_short(event.party)})" if event.party else "")
    text = t("log.contest", contest=name, winners=", ".join(winners) or t("word.nobody"))
    if mine is None:
        return Entry(text, pal.dim, event)
    return Entry(text + " \u2014 " + t("log.you_won" if mine.won else "log.you_lost"),
                 pal.good if mine.won else pal.bad, event)
