"""Fonts and a cache of rendered text: a frame blits cached surfaces instead of rendering."""

from __future__ import annotations

from collections import OrderedDict
from importlib import resources
from pathlib import Path

import pygame

from game.ui import fitting
from game.ui.theme import RGB

CACHE_LIMIT = 4000


def _font_file(bold: bool) -> Path | None:
    """The Noto Sans face pygame_gui ships (one look for every text), if present."""
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    try:
        path = Path(str(resources.files("pygame_gui.data").joinpath(name)))
    except (ModuleNotFoundError, TypeError):
        return None
    return path if path.is_file() else None


class Fonts:
    """Fonts by logical size (at UI scale 1) and weight, loaded once per pixel size."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._files = {False: _font_file(False), True: _font_file(True)}

    def px(self, size: float) -> int:
        """Pixel size of a logical font size."""
        return max(8, round(size * self.scale))

    def get(self, size: float, bold: bool = False) -> pygame.font.Font:
        """The font for a logical ``size``."""
        key = (self.px(size), bold)
        font = self._fonts.get(key)
        if font is None:
            file = self._files[bold]
            font = pygame.font.Font(str(file) if file else None, key[0])
            if file is None and bold:
                font.set_bold(True)
            self._fonts[key] = font
        return font


class TextCache:
    """Rendered text surfaces and wrapped lines, keyed by their inputs (LRU, bounded)."""

    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        self._surfaces: OrderedDict[tuple[str, int, bool, RGB], pygame.Surface] = OrderedDict()
        self._wraps: dict[tuple[str, int, bool, int], list[str]] = {}
        self.misses = 0

    def render(self, text: str, size: float, colour: RGB, bold: bool = False) -> pygame.Surface:
        """``text`` rendered anti-aliased (cached)."""
        key = (text, self.fonts.px(size), bold, colour)
        surface = self._surfaces.get(key)
        if surface is not None:
            self._surfaces.move_to_end(key)
            return surface
        self.misses += 1
        surface = self.fonts.get(size, bold).render(text, True, colour)
        self._surfaces[key] = surface
        if len(self._surfaces) > CACHE_LIMIT:
            self._surfaces.popitem(last=False)
        return surface

    def width(self, text: str, size: float, bold: bool = False) -> int:
        """Width in pixels of ``text``."""
        return self.fonts.get(size, bold).size(text)[0]

    def line_height(self, size: float, bold: bool = False) -> int:
        """Line spacing of a font size."""
        return self.fonts.get(size, bold).get_linesize()

    def measure(self, size: float, bold: bool = False) -> fitting.Measure:
        """The width function of a font size, for the fitting rules."""
        font = self.fonts.get(size, bold)
        return lambda text: font.size(text)[0]

    def wrap(self, text: str, size: float, width: int, bold: bool = False) -> list[str]:
        """Running ``text`` broken into lines no wider than ``width`` at word boundaries
        (only a word wider than a whole line is cut)."""
        key = (text, self.fonts.px(size), bold, width)
        found = self._wraps.get(key)
        if found is None:
            found = fitting.wrap_text(text, width, self.measure(size, bold))
            self._remember(key, found)
        return found

    def fit(self, text: str, size: float, width: int, bold: bool = False,
            short: str = "") -> str:
        """A name on one line of ``width`` pixels, by the fitting rule (``game.ui.fitting``)."""
        return self.fit_lines(text, size, width, 1, bold, short)[0]

    def fit_lines(self, text: str, size: float, width: int, lines: int, bold: bool = False,
                  short: str = "") -> list[str]:
        """A name in at most ``lines`` lines of ``width`` pixels, by the fitting rule."""
        key = (f"{text}\x00{short}\x00{lines}", self.fonts.px(size), bold, width)
        found = self._wraps.get(key)
        if found is None:
            found = fitting.fit_lines(text, width, lines, self.measure(size, bold), short)
            self._remember(key, found)
        return found

    def _remember(self, key: tuple[str, int, bool, int], lines: list[str]) -> None:
        if len(self._wraps) > CACHE_LIMIT:
            self._wraps.clear()
        self._wraps[key] = lines

    def clear(self) -> None:
        """Forget everything (after a scale change)."""
        self._surfaces.clear()
        self._wraps.clear()

