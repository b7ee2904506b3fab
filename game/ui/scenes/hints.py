"""The first-career tutorial: short hints on the campaign screen, switched off in settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.ui import gui
from game.ui.widgets import label, panel

if TYPE_CHECKING:
    from game.ui.scenes.campaign import CampaignScene

HINTS = ("board", "moves", "resources", "contests", "end_turn", "keyboard")


class HintBox:
    """One hint at a time in the board's corner, with Next and Hide buttons."""

    def __init__(self, scene: CampaignScene) -> None:
        self.scene = scene
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.lines: list[str] = []
        self.widgets: list[pygame_gui.elements.UIButton] = []
        self.covered = False  # a modal scene is on top: the box must not show through

    def current(self) -> str | None:
        """The hint to show now, if any."""
        settings = self.scene.ui.settings
        if not settings.hints:
            return None
        return next((h for h in HINTS if h not in settings.seen_hints), None)

    def build(self, area: pygame.Rect) -> None:
        """Lay out the box and its buttons for the current hint."""
        hint = self.current()
        ui = self.scene.ui
        self.covered = False
        self.widgets = []
        if hint is None:
            self.rect = pygame.Rect(0, 0, 0, 0)
            return
        width = min(ui.s(470), area.w - ui.s(20))
        self.lines = ui.text.wrap(ui.t(f"hint.{hint}"), 13.5, width - ui.s(24))
        height = ui.s(36) + len(self.lines) * ui.text.line_height(13.5) + ui.s(46)
        self.rect = pygame.Rect(area.right - width - ui.s(10), area.bottom - height - ui.s(8),
                                width, height)
        bw = (width - ui.s(30)) // 2
        y = self.rect.bottom - ui.s(40)
        self.widgets = [
            self.scene.button(pygame.Rect(self.rect.x + ui.s(10), y, bw, ui.s(32)),
                              ui.t("hint.next"), self.next, focusable=False),
            self.scene.button(pygame.Rect(self.rect.x + ui.s(20) + bw, y, bw, ui.s(32)),
                              ui.t("hint.hide"), self.hide, focusable=False)]

    def cover(self) -> None:
        """Hide the box and its buttons while a modal scene (a card, results, the menu) is
        on top; the next ``build`` shows it again."""
        self.covered = True
        for widget in self.widgets:
            gui.show(widget, False)

    def draw(self, surface: pygame.Surface) -> None:
        """The box (its buttons are GUI elements drawn on top)."""
        if not self.rect.w or self.covered:
            return
        ui = self.scene.ui
        panel(surface, ui, self.rect, ui.pal.bg, ui.pal.accent)
        label(surface, ui, ui.t("hint.title", n=HINTS.index(self.current() or HINTS[0]) + 1,
                                total=len(HINTS)),
              (self.rect.x + ui.s(12), self.rect.y + ui.s(9)), 13, ui.pal.accent, bold=True)
        y = self.rect.y + ui.s(32)
        for line in self.lines:
            label(surface, ui, line, (self.rect.x + ui.s(12), y), 13.5, ui.pal.text)
            y += ui.text.line_height(13.5)

    def next(self) -> None:
        """Mark the current hint seen."""
        hint = self.current()
        if hint is not None:
            self.saw(hint)

    def saw(self, hint: str) -> None:
        """The player did what ``hint`` explains (or read it)."""
        settings = self.scene.ui.settings
        if self.current() == hint:
            self.scene.ui.request_settings(settings.with_(seen_hints=(*settings.seen_hints,
                                                                        hint)))

    def hide(self) -> None:
        """Switch hints off."""
        self.scene.ui.request_settings(self.scene.ui.settings.with_(hints=False))

    def toggle(self) -> None:
        """Switch hints on or off."""
        settings = self.scene.ui.settings
        self.scene.ui.request_settings(settings.with_(hints=not settings.hints))
