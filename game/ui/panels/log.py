"""The event log: what happened, turn by turn; hover for details, click a contest for its
full results."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.core.events import ContestHeld, Event, MoveMade
from game.ui.panels.base import Panel
from game.ui.panels.lens import Lens
from game.ui.panels.logtext import Entry, entry_for
from game.ui.panels.tips import add_factors
from game.ui.widgets import Target, Tip, label

LINE = 19
SIZE = 13
MAX_ENTRIES = 600


class EventLog(Panel):
    """Newest at the bottom; follows new entries unless scrolled back."""

    def __init__(self, lens: Lens, rect: pygame.Rect) -> None:
        super().__init__(lens, rect)
        self.entries: list[Entry] = []
        self.scroll = 0  # lines scrolled back from the bottom
        known = lens.session.all_events()
        self.add(known[: len(known) - len(lens.session.inbox)])  # the inbox comes via add()

    def add(self, events: Sequence[Event]) -> None:
        """Append the entries for new events."""
        for event in events:
            entry = entry_for(self.lens, event)
            if entry is not None:
                self.entries.append(entry)
        del self.entries[:-MAX_ENTRIES]
        self.scroll = 0
        self.invalidate()

    def _visible(self) -> int:
        return max((self.rect.h - self.ui.s(34)) // self.ui.s(LINE), 1)

    def render(self, surface: pygame.Surface) -> None:
        ui, pal = self.ui, self.ui.pal
        surface.fill(pal.panel)
        label(surface, ui, ui.t("log.title"), (ui.s(10), ui.s(6)), 13, pal.dim, bold=True)
        count = self._visible()
        end = len(self.entries) - self.scroll
        shown = self.entries[max(end - count, 0): end]
        y = ui.s(28)
        width = self.rect.w - ui.s(24)
        for index, entry in enumerate(shown):
            rect = pygame.Rect(ui.s(6), y, width + ui.s(8), ui.s(LINE))
            key = f"log:{end - len(shown) + index}"
            if self.hover == key:
                pygame.draw.rect(surface, pal.panel_hi, rect, border_radius=ui.s(3))
            x = ui.s(12) if entry.header else ui.s(22)
            label(surface, ui, entry.text, (x, y + ui.s(1)), SIZE if not entry.header else 12.5,
                  entry.colour, bold=entry.header, width=width - x)
            if not entry.header:
                pygame.draw.circle(surface, entry.colour, (ui.s(14), y + ui.s(LINE) // 2),
                                   max(2, ui.s(2.5)))
            self.targets.append(Target(key, self.local(rect), self._tip(entry), group="log"))
            y += ui.s(LINE)
        if self.scroll:
            label(surface, ui, ui.t("log.older", n=self.scroll), (self.rect.w - ui.s(10),
                                                                 ui.s(6)),
                  12, pal.faint, align="right")

    def _tip(self, entry: Entry) -> Callable[[], Tip | None]:
        def tip() -> Tip | None:
            return self.entry_tip(entry)
        return tip

    def entry_tip(self, entry: Entry) -> Tip | None:
        """Details of a log line: a roll's factors, a contest's top results."""
        lens, t, loc = self.lens, self.ui.t, self.ui.locale
        event = entry.event
        if isinstance(event, MoveMade) and event.check is not None:
            tip = Tip(entry.text)
            tip.add(t("tip.chance"), loc.percent(event.check.chance), bold=True)
            add_factors(lens, tip, event.check.factors, percent=True)
            tip.add(t("tip.roll"), loc.percent(event.check.roll),
                    lens.ui.pal.good if event.check.success else lens.ui.pal.bad)
            return tip
        if isinstance(event, ContestHeld):
            tip = Tip(entry.text, t("log.click_contest"))
            for contestant in event.contestants[:8]:
                value = loc.percent(contestant.share) if event.threshold is None else (
                    loc.number(contestant.strength, 1))
                tip.add(lens.actor_name(contestant.actor), value,
                        lens.ui.pal.good if contestant.won else None, bold=contestant.won)
            return tip
        return Tip(entry.text) if len(entry.text) > 60 else None

    def handle(self, event: pygame.event.Event) -> object:
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(self.ui.mouse):
            self.scroll_by(event.y * 3)
            return True
        return None

    def scroll_by(self, lines: int) -> None:
        """Scroll back (positive) or forward by ``lines``."""
        top = max(len(self.entries) - self._visible(), 0)
        self.scroll = min(max(self.scroll + lines, 0), top)
        self.invalidate()

    def contest_at(self, key: str) -> ContestHeld | None:
        """The contest behind a log line, if it is one."""
        index = int(key.split(":")[1])
        event = self.entries[index].event if 0 <= index < len(self.entries) else None
        return event if isinstance(event, ContestHeld) else None
