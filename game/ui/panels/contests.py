"""Upcoming contests: when they sit, whether the player stands, and the poll with its band."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.core import Forecast, contest_forecast
from game.core.conditions import turns_until
from game.core.contests import entry_rejection
from game.ui.panels.base import Panel
from game.ui.panels.lens import Lens
from game.ui.panels.tips import contest_tip, when_text
from game.ui.widgets import Target, Tip, chance_bar, label

ROW = 46
STATUS_KEYS = {"registered": "contest.registered", "can_enter": "contest.can_enter",
               "cannot": "contest.not_eligible"}


@dataclass(frozen=True, slots=True)
class Upcoming:
    """One contest in the panel."""

    contest: str
    turns: int
    status: str  # registered, can_enter or cannot
    forecast: Forecast | None


class ContestPanel(Panel):
    """The contests that matter to the player next, nearest first."""

    def __init__(self, lens: Lens, rect: pygame.Rect) -> None:
        super().__init__(lens, rect)
        self.items: list[Upcoming] = []

    def refresh(self) -> None:
        """Recompute which contests to show and their polls."""
        lens = self.lens
        state, player = lens.state, lens.player
        found: list[Upcoming] = []
        for contest in lens.book.scenario.contests:
            turns = turns_until(contest.schedule.every, contest.schedule.offset, state.turn)
            registered = contest.id in player.registrations
            incumbent = contest.position in player.positions and contest.incumbents_run
            can = entry_rejection(state, player, contest.id) is None
            public = contest.kind == "general_election" and turns <= 2
            if not (registered or incumbent or can or public):
                continue
            status = "registered" if registered or incumbent else ("can_enter" if can
                                                                   else "cannot")
            forecast = contest_forecast(state, player.id, contest.id) if status != "cannot" \
                else None
            found.append(Upcoming(contest.id, turns, status, forecast))
        order = {"registered": 0, "can_enter": 1, "cannot": 2}
        found.sort(key=lambda u: (order[u.status], u.turns))
        self.items = found
        self.invalidate()

    def render(self, surface: pygame.Surface) -> None:
        ui, pal, t = self.ui, self.ui.pal, self.ui.t
        surface.fill(pal.panel)
        label(surface, ui, t("contests.title"), (ui.s(10), ui.s(6)), 13, pal.dim, bold=True)
        y = ui.s(28)
        room = max((self.rect.h - y) // ui.s(ROW), 0)
        if not self.items:
            label(surface, ui, t("contests.none"), (ui.s(12), y), 13, pal.faint,
                  width=self.rect.w - ui.s(24))
        for item in self.items[:room]:
            rect = pygame.Rect(ui.s(6), y, self.rect.w - ui.s(12), ui.s(ROW) - ui.s(4))
            self._row(surface, item, rect)
            y += ui.s(ROW)
        if len(self.items) > room:
            more = label(surface, ui, t("contests.more", n=len(self.items) - room),
                         (self.rect.w - ui.s(10), ui.s(6)), 12, pal.faint, align="right")
            self.targets.append(Target("contests:more", self.local(more.inflate(ui.s(8), ui.s(6))),
                                       self._more_tip(self.items[room:]), group="contests"))

    def _row(self, surface: pygame.Surface, item: Upcoming, rect: pygame.Rect) -> None:
        ui, pal, t, loc = self.ui, self.ui.pal, self.ui.t, self.ui.locale
        key = f"contest:{item.contest}"
        if self.hover == key:
            pygame.draw.rect(surface, pal.panel_hi, rect, border_radius=ui.s(4))
        when = when_text(self.ui, item.turns)
        right = label(surface, ui, when, (rect.right - ui.s(6), rect.y + ui.s(3)), 12, pal.dim,
                      align="right")
        label(surface, ui, self.lens.names.contest(item.contest), (rect.x + ui.s(6),
                                                                    rect.y + ui.s(2)),
              13.5, pal.text, bold=True, width=right.x - rect.x - ui.s(14))
        colour = {"registered": pal.good, "can_enter": pal.reach, "cannot": pal.faint}[item.status]
        status = label(surface, ui, t(STATUS_KEYS[item.status]), (rect.x + ui.s(6),
                                                                   rect.y + ui.s(23)),
                       12, colour, width=rect.w // 2 - ui.s(10))
        if item.forecast is not None:
            text = loc.percent(item.forecast.chance)
            if item.forecast.error > 0:
                text += f" \u00b1{item.forecast.error * 100:.0f}"
            shown = label(surface, ui, text, (rect.right - ui.s(6), rect.y + ui.s(22)), 12.5,
                          pal.text, bold=True, align="right")
            bar = pygame.Rect(max(status.right + ui.s(10), rect.x + rect.w // 2),
                              rect.y + ui.s(27),
                              0, ui.s(8))
            bar.width = max(shown.x - ui.s(10) - bar.x, ui.s(20))
            chance_bar(surface, ui, bar, item.forecast.chance, item.forecast.error)
        self.targets.append(Target(key, self.local(rect), self._tip(item.contest),
                                   group="contests"))

    def _tip(self, cid: str) -> Callable[[], Tip]:
        def tip() -> Tip:
            return contest_tip(self.lens, cid)
        return tip

    def _more_tip(self, hidden: list[Upcoming]) -> Callable[[], Tip]:
        def tip() -> Tip:
            t, pal = self.ui.t, self.ui.pal
            result = Tip(t("contests.more_title"))
            colours = {"registered": pal.good, "can_enter": pal.reach, "cannot": pal.faint}
            for item in hidden:
                result.add(self.lens.names.contest(item.contest), when_text(self.ui, item.turns),
                           colours[item.status])
                result.add(t(STATUS_KEYS[item.status]), "", colours[item.status], indent=1)
            return result
        return tip
