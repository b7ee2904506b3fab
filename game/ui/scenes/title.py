"""The title screen and main menu."""

from __future__ import annotations

import pygame

from game.ui import gui
from game.ui.context import Ui
from game.ui.saves import latest
from game.ui.scene import Push, Quit, Scene, Transition
from game.ui.scenes.common import column
from game.ui.scenes.flow import open_save
from game.ui.widgets import label

KEYS = {pygame.K_c: 0, pygame.K_n: 1, pygame.K_l: 2, pygame.K_g: 3, pygame.K_s: 4,
        pygame.K_q: 5}


class TitleScene(Scene):
    """New career, continue, load, guide, settings, quit."""

    name = "title"

    def __init__(self, ui: Ui, extra: tuple[str, ...] = (), seed: int | None = None,
                 preselect: str | None = None) -> None:
        super().__init__(ui)
        self.preselect = preselect  # a scenario id to offer first
        self.focus = 1
        self.extra = extra  # scenarios named on the command line, offered first
        self.seed = seed

    def build(self) -> None:
        t = self.ui.t
        last = latest(self.ui.paths.saves)
        rects = column(self.ui, 6, 340, 46, 300, 12)
        entries = [
            ("menu.continue", self._continue), ("menu.new", self._new),
            ("menu.load", self._load), ("menu.guide", self._guide),
            ("menu.settings", self._settings), ("menu.quit", lambda: Quit(0)),
        ]
        for rect, (key, action) in zip(rects, entries, strict=True):
            button = self.button(rect, t(key), action, object_id="@menu")
            if key == "menu.continue" and last is None:
                gui.enable(button, False)
        if last is not None:
            self.buttons.items[0][0].set_text(
                t("menu.continue_named", name=last.player or last.slot, turn=last.turn))
            self.focus = 0 if self.focus == 1 else self.focus
        self.buttons.set_focus(self.focus)

    def _continue(self) -> Transition | None:
        last = latest(self.ui.paths.saves)
        return open_save(self.ui, last.path) if last is not None else None

    def _new(self) -> Transition:
        from game.ui.scenes.newcareer import NewCareerScene

        return Push(NewCareerScene(self.ui, self.extra, seed=self.seed,
                                   preselect=self.preselect))

    def _load(self) -> Transition:
        from game.ui.scenes.saveload import SaveLoadScene

        return Push(SaveLoadScene(self.ui, saving=False))

    def _guide(self) -> Transition:
        from game.ui.scenes.guide import GuideScene

        return Push(GuideScene(self.ui))

    def _settings(self) -> Transition:
        from game.ui.scenes.settings import SettingsScene

        return Push(SettingsScene(self.ui))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        result = self.buttons.handle(event)
        self.focus = max(self.buttons.focus, 0)
        if result is not False:
            return result
        if event.type == pygame.KEYDOWN and event.key in KEYS:
            button, action = self.buttons.items[KEYS[event.key]]
            return action() if button.is_enabled else None
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Quit(0)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        ui, pal = self.ui, self.ui.pal
        w, _ = ui.size
        # nine climbing bars: the channels of social mobility
        base, step = ui.s(250), ui.s(16)
        left = w // 2 - 4 * step * 2
        for index in range(9):
            height = ui.s(30) + index * ui.s(9)
            rect = pygame.Rect(left + index * step * 2, base - height, step, height)
            pygame.draw.rect(surface, pal.track(index), rect, border_radius=ui.s(3))
        label(surface, ui, "SALURAN", (w // 2, ui.s(40)), 56, pal.accent, bold=True,
              align="center")
        label(surface, ui, ui.t("title.tagline"), (w // 2, ui.s(118)), 18, pal.dim,
              align="center")
        hint = ui.t("title.keys")
        label(surface, ui, hint, (w // 2, ui.size[1] - ui.s(36)), 13, pal.faint, align="center")
