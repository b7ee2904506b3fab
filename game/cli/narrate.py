"""Turning engine events into the readable turn-by-turn log of headless play.

The player's moves, offices, event cards and contests are told in full, each with its channel
and what its numbers mean; the rivals' turn is summed up in one line (``verbose``: in full).
A turn's header is written with its first line, so a turn with nothing in it (the one a run
stops at) prints nothing.  ``recap.legend`` opens the log and ``recap.recap`` closes it.
"""

from __future__ import annotations

from collections.abc import Callable

from game.cli.messages import Messages
from game.cli.recap import age_at, game_date, office_channels, office_label
from game.core import GameState
from game.core.events import (
    CareerEnded,
    CheckRolled,
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
from game.core.scenario import ContestDef

LIST_ALLOCATIONS = ("dhondt", "sainte_lague")


class Narrator:
    """Writes one game's events as text lines through ``emit``."""

    def __init__(self, state: GameState, emit: Callable[[str], None], said: Messages,
                 verbose: bool = False) -> None:
        self.state = state
        self.emit = emit
        self.said = said
        self.verbose = verbose
        self.channels = office_channels(state.book)
        self.player = state.order[0]
        self.last_resources = dict(state.player.resources)
        self.header_due: int | None = state.turn  # the turn whose header is not out yet
        self.rival_moves: dict[str, list[str]] = {}
        self.rival_news: dict[str, list[str]] = {}  # rival -> offices gained (+) and lost (-)
        self.rival_ends: list[str] = []  # careers that ended, with their legacy score
        self.rival_counts = {"moves": 0, "events": 0}

    def __call__(self, events: list[Event]) -> None:
        for event in events:
            self.one(event)

    # ------------------------------------------------------------------ words
    def name(self, actor: str | None) -> str:
        """An actor's display name; the player is "You"."""
        if actor == self.player:
            return self.said.t("word.you")
        found = self.state.actors.get(ActorId(actor)) if actor is not None else None
        return found.name if found is not None else "-"

    def line(self, text: str) -> None:
        """Write a line of the current turn (its header first, if not out yet)."""
        if self.header_due is not None:
            turn, self.header_due = self.header_due, None
            self.emit(self.said.t("log.turn", turn=turn,
                                  date=game_date(self.state.book, turn, self.said),
                                  age=self.said.number(age_at(self.state.book, turn))))
        self.emit(text)

    def outcome(self, check: CheckRolled) -> str:
        """A success check as the player reads it: outcome and the chance it had."""
        key = "check.success" if check.success else "check.failure"
        return self.said.t(key, chance=self.said.percent(check.chance))

    def _party_name(self, party: str) -> Text:
        return next(p.name for p in self.state.book.scenario.parties if p.id == party)

    def how(self, event: PositionGained) -> str:
        """How an office was won, in words."""
        return self.said.t(f"how.{event.how}") if self.said.has(f"how.{event.how}") \
            else event.how.replace("_", " ")

    def why(self, event: PositionLost) -> str:
        """Why an office was lost, in words."""
        key = f"why.lost.{event.why.replace(' ', '_')}"
        return self.said.t(key) if self.said.has(key) else event.why.replace("_", " ")

    # ------------------------------------------------------------------ events
    def one(self, event: Event) -> None:
        """Narrate one event (resource changes are summed up per turn instead)."""
        if isinstance(event, TurnStarted):
            self.flush(event.turn - 1)
            self.header_due = event.turn
        elif isinstance(event, MoveMade):
            self.move(event)
        elif isinstance(event, ContestHeld):
            self.contest(event)
        elif isinstance(event, PositionGained | PositionLost):
            self.office(event)
        elif isinstance(event, EventDrawn):
            self.card(event)
        elif isinstance(event, ChoiceMade):
            self.choice(event)
        elif isinstance(event, CareerEnded):
            self.ended(event)

    def move(self, event: MoveMade) -> None:
        """The player's moves in full, with their channel; rivals' gathered for the summary."""
        book = self.state.book
        mdef = book.moves[event.move]
        label = self.said.text(mdef.name)
        if event.target:
            target = book.positions.get(event.target)
            if target is not None:
                label += ": " + self.said.text(target.name)
            elif event.target in self.state.popularity:
                label += ": " + self.said.text(self._party_name(event.target))
        if event.check is not None:
            label += f" ({self.outcome(event.check)})"
        if event.share < 1.0:
            label += f" ({self.said.t('move.repeated', share=self.said.percent(event.share))})"
        if event.actor != self.player:
            self.rival_counts["moves"] += 1
            self.rival_moves.setdefault(event.actor, []).append(label)
            return
        channel = book.channels.get(mdef.channel)
        where = f"[{self.said.text(channel.name)}] " if channel is not None else ""
        self.line(f"  > {where}{label}")

    def office(self, event: PositionGained | PositionLost) -> None:
        """Offices gained and lost, with their channel and how or why."""
        if isinstance(event, PositionGained) and event.how == "start":
            return
        office = office_label(self.state.book, event.position, self.said, self.channels)
        if isinstance(event, PositionGained):
            text = self.said.t("log.gained", who=self.name(event.actor), office=office,
                               how=self.how(event))
            mark = "+"
        else:
            text = self.said.t("log.lost", who=self.name(event.actor), office=office,
                               why=self.why(event))
            mark = "-"
        if event.actor == self.player or self.verbose:
            self.flush_moves()
            self.line(f"  {mark} {text}")
        else:
            name = self.said.text(self.state.book.positions[event.position].name)
            self.rival_news.setdefault(event.actor, []).append(f"{mark}{name}")

    def card(self, event: EventDrawn) -> None:
        """Event cards of the player and the world; rivals' are counted (or told, verbose)."""
        title = self.said.text(self.state.book.events[event.event].title)
        if event.actor is None or event.actor == self.player or self.verbose:
            who = self.said.t("word.world") if event.actor is None else self.name(event.actor)
            self.flush_moves()
            self.line(f"  ! {who}: {title}")
        else:
            self.rival_counts["events"] += 1

    def choice(self, event: ChoiceMade) -> None:
        """The answer to an event card, with the outcome of its check."""
        if event.actor != self.player and not self.verbose:
            return
        choice = next(c for c in self.state.book.events[event.event].choices
                      if c.id == event.choice)
        outcome = f" ({self.outcome(event.check)})" if event.check is not None else ""
        self.line("    -> " + self.said.t("log.chose", who=self.name(event.actor),
                                          choice=self.said.text(choice.label)) + outcome)

    def ended(self, event: CareerEnded) -> None:
        """A career's end: the player's always, a rival's in the summary."""
        key = "log.ended_you" if event.actor == self.player else "log.ended"
        text = self.said.t(key, who=self.name(event.actor),
                           result=self.said.t(f"result.{event.result}"),
                           score=self.said.number(event.score))
        if event.actor == self.player or self.verbose:
            self.flush_moves()
            self.line(f"  * {text}")
        else:
            self.rival_ends.append(f"{self.name(event.actor)} {self.said.number(event.score)}")

    def contest(self, event: ContestHeld) -> None:
        """Contests the player stood in (all, verbose): each entrant's share or mark, with
        what the number means."""
        entrants = [c for c in event.contestants if c.actor is not None]
        if not entrants or not (self.verbose or any(c.actor == self.player for c in entrants)):
            return
        said = self.said
        cdef = self.state.book.contests[event.contest]
        name = said.text(cdef.name)
        if event.party:
            name += f" ({said.text(self._party_name(event.party))})"
        shown = []
        for c in entrants:
            value = said.percent(c.share, 1) if event.threshold is None \
                else said.number(c.strength)
            mark = " " + said.t("contest.won") if c.won else ""
            shown.append(f"{self.name(c.actor)} {value}{mark}")
        others = len(event.contestants) - len(entrants)
        tail = "; " + said.count("contest.others", others) if others else ""
        self.flush_moves()
        self.line(f"  # {name}, {said.count('contest.seats', event.seats)}, "
                  f"{self.meaning(cdef, event)}: {', '.join(shown)}{tail}")

    def meaning(self, cdef: ContestDef, event: ContestHeld) -> str:
        """What the contest's numbers are: vote shares of which kind, or marks."""
        if event.threshold is not None:
            return self.said.t("contest.marks", mark=self.said.number(event.threshold))
        if cdef.allocation in LIST_ALLOCATIONS:
            return self.said.t("contest.party_shares")
        if cdef.allocation == "districts":
            return self.said.t("contest.district_shares")
        return self.said.t("contest.shares")

    # ------------------------------------------------------------------ turn ends
    def flush_moves(self) -> None:
        """Verbose: one line per rival with the moves it made so far this turn."""
        if not self.verbose:
            return
        for actor, moves in self.rival_moves.items():
            self.line(f"  . {self.name(actor)}: {self.said.items(moves)}")
        self.rival_moves.clear()

    def summary(self) -> None:
        """The rivals' turn in one line: how much they did, the offices each gained (+) or
        lost (-), and the careers that ended (with their legacy score)."""
        said, counts = self.said, self.rival_counts
        parts = [said.count(f"rivals.{what}", n) for what, n in counts.items() if n]
        news = [f"{self.name(actor)} {' '.join(changes)}"
                for actor, changes in self.rival_news.items()]
        if self.rival_ends:
            news.append(said.t("rivals.ended", careers=said.items(self.rival_ends)))
        text = "; ".join(filter(None, [said.items(parts), *news]))
        if text:
            self.line(f"  . {said.t('rivals.label')}: {text}")
        self.rival_moves.clear()
        self.rival_news.clear()
        self.rival_ends.clear()
        self.rival_counts = {"moves": 0, "events": 0}

    def flush(self, turn: int) -> None:
        """End of ``turn``: the rivals' lines, then the player's resources with their change
        (nothing at all for a turn nothing was written in)."""
        if self.verbose:
            self.flush_moves()
        else:
            self.summary()
        if turn < 1 or self.header_due is not None:
            self.last_resources = dict(self.state.player.resources)
            return
        now = self.state.player.resources
        parts = []
        for rid, rdef in self.state.book.resources.items():
            if rid in now and not rdef.skill:
                delta = now[rid] - self.last_resources.get(rid, 0.0)
                parts.append(f"{self.said.text(rdef.name)} {self.said.number(now[rid])} "
                             f"({self.said.signed(delta)})")
        self.emit("  = " + ", ".join(parts))
        self.last_resources = dict(now)
