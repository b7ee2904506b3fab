"""The shared UI context: window, settings, locale, palette, fonts and the pygame_gui manager."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui

from game.ui.locale import Locale
from game.ui.settings import Paths, Settings, save_settings
from game.ui.text import Fonts, TextCache
from game.ui.theme import Palette, gui_theme, palette

if TYPE_CHECKING:
    from game.ui.session import Session

BASE_SIZE = (1280, 720)  # layouts are designed at this size and scaled from it
MIN_SIZE = (960, 540)


def effective_scale(size: tuple[int, int], ui_scale: float) -> float:
    """UI scale: the player's setting times how much larger the window is than 1280x720."""
    fit = min(size[0] / BASE_SIZE[0], size[1] / BASE_SIZE[1])
    return round(ui_scale * min(max(fit, 0.75), 2.5), 3)


def make_manager(size: tuple[int, int], scale: float) -> pygame_gui.UIManager:
    """A pygame_gui manager with the scaled theme and the text-box fonts preloaded."""
    manager = pygame_gui.UIManager(size, gui_theme(scale), enable_live_theme_updates=False)
    sizes = {max(9, round(15 * scale)), max(9, round(19 * scale))}
    manager.preload_fonts([{"name": "noto_sans", "point_size": px, "style": style}
                           for px in sorted(sizes) for style in ("bold", "italic")])
    return manager


class Ui:
    """What every scene reads and draws with; rebuilt pieces change ``generation``."""

    def __init__(self, screen: pygame.Surface, settings: Settings, paths: Paths) -> None:
        self.screen = screen
        self.settings = settings
        self.paths = paths
        self.session: Session | None = None
        self.demo = False
        self.pending_settings: Settings | None = None  # applied by the app between events
        self.mouse = (-1, -1)  # the last pointer position the app saw (off screen at first)
        self.generation = 0  # bumped whenever size, scale, language or palette change
        self.locale = Locale(settings.language)
        self.pal: Palette = palette(settings.palette)
        self.scale = effective_scale(screen.get_size(), settings.ui_scale)
        self.fonts = Fonts(self.scale)
        self.text = TextCache(self.fonts)
        self.manager = make_manager(screen.get_size(), self.scale)

    # ------------------------------------------------------------------ helpers
    @property
    def size(self) -> tuple[int, int]:
        """Window size in pixels."""
        w, h = self.screen.get_size()
        return w, h

    def s(self, value: float) -> int:
        """A length designed at 1280x720 and scale 1, in pixels now."""
        return round(value * self.scale)

    def t(self, key: str, **values: Any) -> str:
        """A UI string in the current language."""
        return self.locale.t(key, **values)

    @property
    def anim(self) -> float:
        """Animation speed multiplier (0 = animations off)."""
        return 0.0 if self.demo else self.settings.animation_speed

    # ------------------------------------------------------------------ changes
    def resized(self, screen: pygame.Surface) -> None:
        """The window changed size (or mode): rescale fonts and the GUI theme."""
        self.screen = screen
        self.manager.set_window_resolution(screen.get_size())
        self._rescale()

    def request_settings(self, settings: Settings) -> None:
        """Ask the app to switch to ``settings`` after the current event."""
        self.pending_settings = settings

    def apply_settings(self, settings: Settings) -> None:
        """Use (and remember) new settings; the caller rebuilds the scenes."""
        old = self.settings
        self.settings = settings
        save_settings(self.paths, settings)
        if settings.language != old.language:
            self.locale = Locale(settings.language)
        if settings.palette != old.palette:
            self.pal = palette(settings.palette)
        if settings.ui_scale != old.ui_scale:
            self._rescale()
        self.generation += 1

    def _rescale(self) -> None:
        scale = effective_scale(self.size, self.settings.ui_scale)
        if scale != self.scale:
            self.scale = scale
            self.fonts = Fonts(scale)
            self.text = TextCache(self.fonts)
            self.manager = make_manager(self.size, scale)
        self.generation += 1
