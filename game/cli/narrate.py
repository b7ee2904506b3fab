"""Turning engine events into the readable turn-by-turn log of headless play."""

from __future__ import annotations

from collections.abc import Callable

from game.core import GameState
from game.core.events import (
    CareerEnded,
    ChoiceMade,
    ContestHeld,
    Event,
    EventDrawn,
    MoveMade,
    PositionGained,
    PositionLost,
    TurnStarted,
)
from game.core.ids import ActorId, Text

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SHOWN_RESOURCES = ("support", "standing", "funds", "network", "influence", "integrity")


class Narrator:
    """Writes one game's events as text lines through ``emit``."""

    def __init__(self, state: GameState, emit: Callable[[str], None], lang: str = "en") -> None:
        self.state = state
        self.emit = emit
        self.lang = lang
        self.rival_moves: dict[str, list[str]] = {}
        self.last_resources = dict(state.player.resources)
        if state.phase != "over":
            self.header(state.turn)

    def text(self, text: Text) -> str:
        """Text in the chosen language, falling back to English."""
        return text.get(self.lang) or text.get("en") or next(iter(text.values()), "")

    def name(self, actor: str | None) -> str:
        """An actor's display name."""
        found = self.state.actors.get(ActorId(actor)) if actor is not None else None
        return found.name if found is not None else "-"

    def date(self, turn: int) -> str:
        """The in-game date of ``turn``."""
        spec = self.state.book.scenario
        months = (turn - 1) * spec.months_per_turn
        return f"{MONTHS[months % 12]} {spec.start_year + months // 12}"

    def __call__(self, events: list[Event]) -> None:
        for event in events:
            self.one(event)

    def one(self, event: Event) -> None:
        """Narrate one event (most resource changes are summarised per turn instead)."""
        book = self.state.book
        if self.rival_moves and isinstance(
            event, EventDrawn | ContestHeld | PositionGained | PositionLost
        ):
            self.flush_moves()
        if isinstance(event, TurnStarted):
            self.flush(event.turn - 1)
            self.header(event.turn)
        elif isinstance(event, MoveMade):
            self.move(event)
        elif isinstance(event, ContestHeld):
            self.contest(event)
        elif isinstance(event, PositionGained) and event.how != "start":
            pos = self.text(book.positions[event.position].name)
            self.emit(f"  + {self.name(event.actor)} gained {pos} ({event.how.replace('_', ' ')})")
        elif isinstance(event, PositionLost):
            pos = self.text(book.positions[event.position].name)
            self.emit(f"  - {self.name(event.actor)} lost {pos} ({event.why})")
        elif isinstance(event, EventDrawn):
            title = self.text(book.events[event.event].title)
            who = "World" if event.actor is None else self.name(event.actor)
            self.emit(f"  ! {who}: {title}")
        elif isinstance(event, ChoiceMade):
            choice = next(c for c in book.events[event.event].choices if c.id == event.choice)
            outcome = ""
            if event.check is not None:
                outcome = f" ({'success' if event.check.success else 'failure'}, "
                outcome += f"{event.check.chance:.0%})"
            self.emit(f"    -> {self.name(event.actor)} chose: {self.text(choice.label)}{outcome}")
        elif isinstance(event, CareerEnded):
            self.emit(f"  * Career over for {self.name(event.actor)}: "
                      f"{event.result.replace('_', ' ')} (legacy {event.score:.0f})")

    def header(self, turn: int) -> None:
        """The line that opens a turn: number, date and the player's age."""
        spec = self.state.book.scenario
        age = spec.start_age + (turn - 1) * spec.months_per_turn / 12
        self.emit(f"== Turn {turn} - {self.date(turn)} - age {age:.0f} ==")

    def move(self, event: MoveMade) -> None:
        """The player's moves in full; rivals' moves gathered into one line each."""
        mdef = self.state.book.moves[event.move]
        label = self.text(mdef.name)
        if event.target:
            target = self.state.book.positions.get(event.target)
            if target is not None:
                label += f" [{self.text(target.name)}]"
            elif event.target in self.state.popularity:
                label += f" [{self.text(self._party_name(event.target))}]"
        if event.check is not None:
            outcome = "success" if event.check.success else "failure"
            label += f" ({outcome}, {event.check.chance:.0%})"
        if event.actor == self.state.order[0]:
            self.emit(f"  > {label}")
        else:
            self.rival_moves.setdefault(event.actor, []).append(label)

    def contest(self, event: ContestHeld) -> None:
        """Contests with actor entrants: shares (or strengths against the pass mark)."""
        if all(c.actor is None for c in event.contestants):
            return
        name = self.text(self.state.book.contests[event.contest].name)
        if event.party:
            name += f" ({self.text(self._party_name(event.party))})"
        shown = []
        for c in event.contestants:
            if c.actor is None:
                continue
            mark = " WON" if c.won else ""
            value = f"{c.share:.1%}" if event.threshold is None else f"{c.strength:.0f}"
            shown.append(f"{self.name(c.actor)} {value}{mark}")
        others = sum(1 for c in event.contestants if c.actor is None)
        tail = f"; {others} other contenders" if others else ""
        bar = f"pass mark {event.threshold:.0f}; " if event.threshold is not None else ""
        self.emit(f"  # {name}, {event.seats} seat(s): {bar}{', '.join(shown)}{tail}")

    def flush_moves(self) -> None:
        """One line per rival with the moves it made this turn."""
        for actor, moves in self.rival_moves.items():
            self.emit(f"  . {self.name(actor)}: {', '.join(moves)}")
        self.rival_moves.clear()

    def _party_name(self, party: str) -> Text:
        return next(p.name for p in self.state.book.scenario.parties if p.id == party)

    def flush(self, turn: int) -> None:
        """End-of-turn lines: rivals' moves and the player's resources with their change."""
        self.flush_moves()
        if turn < 1:
            return
        now = self.state.player.resources
        parts = []
        for rid in SHOWN_RESOURCES:
            if rid in now:
                delta = now[rid] - self.last_resources.get(rid, 0.0)
                parts.append(f"{rid} {now[rid]:.0f} ({delta:+.0f})")
        self.emit("  = " + ", ".join(parts))
        self.last_resources = dict(now)
