"""Settings: language, resolution, fullscreen, UI scale, animation, palette, hints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pygame

from game.ui.context import Ui
from game.ui.scene import Action, Pop, Scene, Transition
from game.ui.scenes.common import column, heading
from game.ui.settings import ANIMATION_SPEEDS, PALETTES, RESOLUTIONS, UI_SCALES, Settings

LANGUAGE_NAMES = {"en": "English", "id": "Bahasa Indonesia"}


def _cycle(values: Sequence[Any], current: Any, step: int) -> Any:
    items = list(values)
    index = items.index(current) if current in items else 0
    return items[(index + step) % len(items)]


class SettingsScene(Scene):
    """Each row cycles its value: click or Enter (forward), Left and Right arrows."""

    name = "settings"

    def __init__(self, ui: Ui) -> None:
        super().__init__(ui)
        self.focus = 0

    def _rows(self) -> list[tuple[str, str]]:
        s, t = self.ui.settings, self.ui.t
        speed = {0.0: "off", 0.5: "slow", 1.0: "normal", 2.0: "fast"}[s.animation_speed]
        return [
            ("language", LANGUAGE_NAMES.get(s.language, s.language)),
            ("resolution", f"{s.resolution[0]} \u00d7 {s.resolution[1]}"),
            ("fullscreen", t("word.on" if s.fullscreen else "word.off")),
            ("ui_scale", f"{s.ui_scale * 100:.0f}%"),
            ("animation", t(f"settings.speed_{speed}")),
            ("palette", t(f"settings.palette_{s.palette}")),
            ("hints", t("word.on" if s.hints else "word.off")),
            ("reset_hints", t("settings.reset_hints_do")),
        ]

    def build(self) -> None:
        t = self.ui.t
        rows = self._rows()
        rects = column(self.ui, len(rows) + 1, 560, 42, 130, 10)
        for index, (rect, (key, value)) in enumerate(zip(rects, rows, strict=False)):
            text = f"{t('settings.' + key)}:  {value}" if key != "reset_hints" else value
            self.button(rect, text, self._changer(index, 1), object_id="@row",
                        tip=t(f"settings.{key}_tip"))
        self.button(rects[-1], t("menu.back"), lambda: Pop())
        self.buttons.set_focus(min(self.focus, len(self.buttons.items) - 1))

    def _changer(self, index: int, step: int) -> Action:
        def change() -> None:
            self.change(index, step)
        return change

    def change(self, index: int, step: int) -> None:
        """Change row ``index`` by ``step`` and apply it at once."""
        s = self.ui.settings
        self.focus = index
        new: Settings = s
        if index == 0:
            new = s.with_(language=_cycle(tuple(LANGUAGE_NAMES), s.language, step))
        elif index == 1:
            new = s.with_(resolution=_cycle(RESOLUTIONS, s.resolution, step))
        elif index == 2:
            new = s.with_(fullscreen=not s.fullscreen)
        elif index == 3:
            new = s.with_(ui_scale=_cycle(UI_SCALES, s.ui_scale, step))
        elif index == 4:
            new = s.with_(animation_speed=_cycle(ANIMATION_SPEEDS, s.animation_speed, step))
        elif index == 5:
            new = s.with_(palette=_cycle(PALETTES, s.palette, step))
        elif index == 6:
            new = s.with_(hints=not s.hints)
        elif index == 7:
            new = s.with_(hints=True, seen_hints=())
        self.ui.request_settings(new)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            focus = self.buttons.focus
            if 0 <= focus < len(self.buttons.items) - 1:
                self.change(focus, -1 if event.key == pygame.K_LEFT else 1)
            return None
        result = self.buttons.handle(event)
        if self.buttons.focus >= 0:
            self.focus = self.buttons.focus
        if result is not False:
            return result
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        heading(surface, self.ui, self.ui.t("settings.title"), self.ui.t("settings.keys"))
