"""A campaign panel: renders into its own cached surface, only when something changed."""

from __future__ import annotations

import pygame

from game.ui.context import Ui
from game.ui.panels.lens import Lens
from game.ui.widgets import Target


class Panel:
    """Subclasses draw in ``render`` (local coordinates) and list hover targets (screen)."""

    def __init__(self, lens: Lens, rect: pygame.Rect) -> None:
        self.lens = lens
        self.rect = rect
        self.surface: pygame.Surface | None = None
        self.dirty = True
        self.targets: list[Target] = []
        self.hover: str | None = None
        self.renders = 0

    @property
    def ui(self) -> Ui:
        """The UI context."""
        return self.lens.ui

    def invalidate(self) -> None:
        """Draw again at the next frame."""
        self.dirty = True

    def set_hover(self, key: str | None) -> None:
        """The hovered target changed; redraw if this panel shows hover."""
        if key != self.hover:
            owned = any(t.key in (key, self.hover) for t in self.targets)
            self.hover = key
            if owned:
                self.dirty = True

    def draw(self, screen: pygame.Surface, frozen: bool = False) -> None:
        """Blit the cached picture, rendering it first when dirty (never while ``frozen``:
        the worker is changing the state, so the last picture stays up)."""
        stale = self.surface is None or self.surface.get_size() != self.rect.size
        surface = self.surface
        if surface is None or stale or (self.dirty and not frozen):
            if surface is None or surface.get_size() != self.rect.size:
                surface = self.surface = pygame.Surface(self.rect.size)
            self.targets = []
            self.render(surface)
            self.dirty = False
            self.renders += 1
        screen.blit(surface, self.rect)

    def render(self, surface: pygame.Surface) -> None:
        """Draw the panel (override)."""

    def handle(self, event: pygame.event.Event) -> object:
        """Mouse wheel and the like; return something not None when used (override)."""
        return None

    def local(self, rect: pygame.Rect) -> pygame.Rect:
        """A local rectangle in screen coordinates."""
        return rect.move(self.rect.topleft)
