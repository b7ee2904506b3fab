"""Fonts and a cache of rendered text: a frame blits cached surfaces instead of rendering."""

from __future__ import annotations

import re
from collections import OrderedDict
from importlib import resources
from pathlib import Path

import pygame

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

    def wrap(self, text: str, size: float, width: int, bold: bool = False) -> list[str]:
        """``text`` broken into lines no wider than ``width`` (words longer are cut)."""
        key = (text, self.fonts.px(size), bold, width)
        found = self._wraps.get(key)
        if found is not None:
            return found
        font = self.fonts.get(size, bold)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word, spaced in _tokens(paragraph):
                trial = (f"{line} {word}" if spaced else line + word) if line else word
                if font.size(trial)[0] <= width or not line:
                    line = trial
                else:
                    lines.append(line)
                    line = word
                while font.size(line)[0] > width and len(line) > 1:
                    cut = _cut(font, line, width)
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line)
        if len(self._wraps) > CACHE_LIMIT:
            self._wraps.clear()
        self._wraps[key] = lines
        return lines

    def fit(self, text: str, size: float, width: int, bold: bool = False) -> str:
        """``text`` shortened with an ellipsis to fit ``width``."""
        font = self.fonts.get(size, bold)
        if font.size(text)[0] <= width:
            return text
        cut = _cut(font, text + "\u2026", width)
        return text[: max(cut - 1, 0)].rstrip() + "\u2026"

    def clear(self) -> None:
        """Forget everything (after a scale change)."""
        self._surfaces.clear()
        self._wraps.clear()


def _tokens(paragraph: str) -> list[tuple[str, bool]]:
    """Words with whether a space precedes them; a word may also break after / or -."""
    found: list[tuple[str, bool]] = []
    for word in paragraph.split(" "):
        parts = re.findall(r"[^/-]*[/-]|[^/-]+", word) or [word]
        found.append((parts[0], True))
        found.extend((part, False) for part in parts[1:])
    return found


def _cut(font: pygame.font.Font, text: str, width: int) -> int:
    """How many leading characters of ``text`` fit in ``width`` (at least one)."""
    low, high = 1, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if font.size(text[:mid])[0] <= width:
            low = mid
        else:
            high = mid - 1
    return low
