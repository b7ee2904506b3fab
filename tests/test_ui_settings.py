"""Settings are remembered between runs and survive bad files."""

from __future__ import annotations

import json
from pathlib import Path

from game.ui.settings import Paths, Settings, load_settings, save_settings


def test_round_trip(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "config", tmp_path / "saves")
    chosen = Settings(language="id", resolution=(1920, 1080), fullscreen=True, ui_scale=1.25,
                      animation_speed=0.0, palette="colourblind", hints=False,
                      seen_hints=("board",))
    assert save_settings(paths, chosen)
    assert load_settings(paths) == chosen


def test_missing_or_broken_files_give_defaults(tmp_path: Path) -> None:
    paths = Paths(tmp_path, tmp_path / "saves")
    assert load_settings(paths) == Settings()
    paths.settings_file.write_text("{ nope", "utf-8")
    assert load_settings(paths) == Settings()
    paths.settings_file.write_text(json.dumps({
        "language": "fr", "resolution": [10, "x"], "ui_scale": 7, "palette": 3,
        "animation_speed": "fast", "hints": "yes", "fullscreen": True}), "utf-8")
    loaded = load_settings(paths)
    assert loaded.language == "en" and loaded.resolution == (1280, 720)
    assert loaded.ui_scale == 1.5  # the nearest offered scale
    assert loaded.fullscreen is True and loaded.hints is True


def test_demo_paths_never_write(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "c", tmp_path / "s", persist=False)
    assert save_settings(paths, Settings(language="id"))
    assert not paths.settings_file.exists()


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_palettes_keep_text_readable() -> None:
    from game.ui.theme import COLOURBLIND, STANDARD

    for pal in (STANDARD, COLOURBLIND):
        for colour in (pal.text, pal.dim, pal.accent, pal.good, pal.bad, pal.reach,
                       *pal.tracks[:7]):
            assert contrast(colour, pal.panel) >= 4.5, colour
        assert contrast(pal.faint, pal.panel) >= 3.0
