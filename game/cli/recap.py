"""The frame of a headless career log: what it shows (the legend), dates and channels as a
player reads them, and the closing recap (the path through the channels, offices, the
result and the legacy score's parts)."""

from __future__ import annotations

import math
from collections.abc import Callable

from game.cli.messages import Messages
from game.core import GameState, legacy_parts
from game.core.legacy import FULL_SERVICE
from game.core.rulebook import Rulebook
from game.core.scenario import ChannelDef
from game.core.state import Actor

Emit = Callable[[str], None]
#: The legend's markers, in the order the log uses them.
MARKERS = ("turn", "move", "office", "event", "contest", "ended", "rivals", "resources")


def game_date(book: Rulebook, turn: int, said: Messages) -> str:
    """The scenario calendar's month and year at the start of ``turn``."""
    spec = book.scenario
    months = max(turn - 1, 0) * spec.months_per_turn
    return f"{said.month(months % 12 + 1)} {spec.start_year + months // 12}"


def age_at(book: Rulebook, turn: int) -> int:
    """The player's age in whole years (as people tell it) at the start of ``turn``."""
    spec = book.scenario
    return math.floor(spec.start_age + max(turn - 1, 0) * spec.months_per_turn / 12)


def last_played(state: GameState) -> int:
    """The last turn fully played: the turn a career ended in, else the one before now."""
    return state.turn if state.phase == "over" else state.turn - 1


def office_channels(book: Rulebook) -> dict[str, ChannelDef]:
    """The channel each office belongs to: the one it opens, else the channel opened by the
    highest office below it on its track (a branch official is in the party-member
    channel); offices of a track no channel opens have none."""
    opened = {pid: book.channels[cid] for pid, cids in book.entry_by_position.items()
              for cid in cids[:1]}
    found: dict[str, ChannelDef] = {}
    for pid, pdef in book.positions.items():
        below = [p for p in book.positions.values()
                 if p.track == pdef.track and p.tier <= pdef.tier and p.id in opened]
        if pid in opened:
            found[pid] = opened[pid]
        elif below:
            found[pid] = opened[max(below, key=lambda p: (p.tier, p.id)).id]
    return found


def office_label(book: Rulebook, position: str, said: Messages,
                 channels: dict[str, ChannelDef]) -> str:
    """An office's name with its channel (``office_channels``): ``Branch official [Party
    member]``."""
    name = said.text(book.positions[position].name)
    channel = channels.get(position)
    return f"{name} [{said.text(channel.name)}]" if channel is not None else name


def legend(state: GameState, said: Messages, emit: Emit) -> None:
    """The opening lines: whose career, where and when, and what each marker means."""
    book = state.book
    spec = book.scenario
    emit(said.t("log.intro", scenario=said.text(spec.name), id=spec.id, seed=state.seed,
                rivals=len(state.order) - 1, turns=spec.max_turns,
                months=spec.months_per_turn, date=game_date(book, state.turn, said),
                age=said.number(age_at(book, state.turn))))
    emit(said.t("log.legend"))
    for marker in MARKERS:
        emit("    " + said.t(f"legend.{marker}"))  # deeper than log lines: grep-safe


def _years(turns: int, book: Rulebook, said: Messages) -> str:
    years = turns * book.scenario.months_per_turn / 12
    digits = 0 if years == int(years) else 1
    return said.count("recap.turns", turns, years=said.number(years, digits))


def path_line(state: GameState, actor: Actor, said: Messages) -> str:
    """The channels entered, in order, each with the date it was entered."""
    book = state.book
    order = {cid: n for n, cid in enumerate(book.channels)}
    entered = sorted(actor.channels.items(), key=lambda item: (item[1], order.get(item[0], 0)))
    steps = [f"{said.text(book.channels[cid].name)} ({game_date(book, turn, said)})"
             for cid, turn in entered if cid in book.channels]
    return said.t("recap.path", path=" > ".join(steps) if steps else said.t("recap.no_path"))


def office_lines(state: GameState, actor: Actor, said: Messages) -> list[str]:
    """One line per office ever held: since when, for how long, held at the end or not."""
    book = state.book
    channels = office_channels(book)
    lines = []
    for pid, first in sorted(actor.first_held.items(),
                             key=lambda item: (item[1], -book.positions[item[0]].prestige)):
        key = "recap.office_held" if pid in actor.positions else "recap.office"
        lines.append("  " + said.t(key, office=office_label(book, pid, said, channels),
                                   date=game_date(book, first, said),
                                   served=_years(actor.turns_held.get(pid, 0), book, said)))
    return lines or ["  " + said.t("recap.no_offices")]


def score_line(state: GameState, actor: Actor, said: Messages) -> str:
    """The legacy score as the sum of its parts, each with a plain label."""
    parts = legacy_parts(state, actor)
    shown = [said.t(f"score.{part.key}", points=said.number(part.points), turns=part.turns,
                    full=FULL_SERVICE) for part in parts]
    total = said.number(sum(part.points for part in parts))
    return said.t("recap.score", total=total, parts=" + ".join(shown))


def result_line(state: GameState, said: Messages, played_now: int | None = None) -> str:
    """How the career stands: its result and when, or where it stopped and what comes next."""
    book = state.book
    spec = book.scenario
    last = last_played(state)
    if state.phase == "over":
        return said.t("result.over", result=said.t(f"result.{state.result}"), turn=state.turn,
                      turns=spec.max_turns, date=game_date(book, state.turn, said),
                      age=said.number(age_at(book, state.turn)))
    if last < 1:
        return said.t("result.not_started", turns=spec.max_turns)
    text = said.t("result.stopped", last=last, turns=spec.max_turns,
                  date=game_date(book, last, said), next=state.turn)
    if played_now is not None:
        text += " " + said.count("result.played_now", played_now)
    return text


def recap(state: GameState, said: Messages, emit: Emit) -> None:
    """The closing recap of the player's career (the result line follows it)."""
    player = state.player
    emit(said.t("recap.title"))
    emit(path_line(state, player, said))
    emit(said.t("recap.offices"))
    for line in office_lines(state, player, said):
        emit(line)
    emit(score_line(state, player, said))
