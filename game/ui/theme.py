"""Colours and the pygame_gui theme: two palettes (standard and colour-blind safe), scaled."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

RGB = tuple[int, int, int]


def hex_rgb(code: str) -> RGB:
    """``#rrggbb`` as an (r, g, b) tuple."""
    code = code.lstrip("#")
    return int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16)


@dataclass(frozen=True, slots=True)
class Palette:
    """Every colour the custom-drawn parts use; party-neutral by design."""

    bg: RGB
    panel: RGB
    panel_hi: RGB
    line: RGB
    text: RGB
    dim: RGB
    faint: RGB
    accent: RGB  # the player
    good: RGB
    bad: RGB
    reach: RGB  # reachable positions and the paths to them
    tracks: tuple[RGB, ...]
    actors: tuple[RGB, ...]  # rivals' tokens (the player uses ``accent``)
    parties: tuple[RGB, ...]

    def track(self, index: int) -> RGB:
        """Colour of the ``index``-th track (cycles)."""
        return self.tracks[index % len(self.tracks)]

    def actor(self, index: int) -> RGB:
        """Colour of the ``index``-th rival (cycles)."""
        return self.actors[index % len(self.actors)]

    def party(self, index: int) -> RGB:
        """Colour of the ``index``-th party (cycles)."""
        return self.parties[index % len(self.parties)]


def _rgbs(*codes: str) -> tuple[RGB, ...]:
    return tuple(hex_rgb(c) for c in codes)


_BASE: dict[str, Any] = {
    "bg": hex_rgb("#10141f"), "panel": hex_rgb("#1b2233"), "panel_hi": hex_rgb("#263049"),
    "line": hex_rgb("#3b4866"), "text": hex_rgb("#e8ecf4"), "dim": hex_rgb("#aab4c8"),
    "faint": hex_rgb("#76809a"),
}

STANDARD = Palette(
    **_BASE, accent=hex_rgb("#f2c14e"), good=hex_rgb("#5ccf86"), bad=hex_rgb("#f07a6e"),
    reach=hex_rgb("#7fd3ff"),
    tracks=_rgbs("#5b8def", "#e0855a", "#4fb39a", "#c77dd1", "#d4b24c", "#6fb7d8", "#d9667f",
                 "#8fa36b", "#a58b6f"),
    actors=_rgbs("#6c9cf5", "#e58d62", "#55c2a6", "#cf8ad8", "#e07088", "#9bb873"),
    parties=_rgbs("#8fa3bf", "#b9a979", "#8fb8a2", "#b393b7", "#a6a6a6", "#7fa1b8", "#bb9090"),
)

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
COLOURBLIND = Palette(
    **_BASE, accent=hex_rgb("#f0e442"), good=hex_rgb("#56b4e9"), bad=hex_rgb("#e69f00"),
    reach=hex_rgb("#ffffff"),
    # the darker Okabe-Ito hues (blue, bluish green, vermillion, purple) lightened a little so
    # that text in them keeps a 4.5:1 contrast on the dark panels
    tracks=_rgbs("#56b4e9", "#e69f00", "#2fc09a", "#dc8fbe", "#f0e442", "#f07f3c", "#bbbbbb",
                 "#5aa7e6", "#8c8c8c"),
    actors=_rgbs("#56b4e9", "#e69f00", "#2fc09a", "#dc8fbe", "#f07f3c", "#5aa7e6"),
    parties=_rgbs("#56b4e9", "#e69f00", "#2fc09a", "#dc8fbe", "#f07f3c", "#5aa7e6", "#bbbbbb"),
)


def palette(name: str) -> Palette:
    """The palette called ``name`` (``standard`` or ``colourblind``)."""
    return COLOURBLIND if name == "colourblind" else STANDARD


@cache
def _theme_source() -> str:
    return resources.files("game.ui").joinpath("theme.json").read_text("utf-8")


def gui_theme(scale: float) -> dict[str, Any]:
    """The pygame_gui theme from ``theme.json`` with font sizes and radii scaled."""
    theme: dict[str, Any] = json.loads(_theme_source())
    for block in theme.values():
        font = block.get("font")
        if isinstance(font, dict) and "size" in font:
            font["size"] = str(max(9, round(int(font["size"]) * scale)))
        misc = block.get("misc")
        if isinstance(misc, dict):
            for key in ("shape_corner_radius", "text_horiz_alignment_padding", "rect_width"):
                if key in misc:
                    misc[key] = str(max(1, round(int(misc[key]) * scale)))
    return theme
