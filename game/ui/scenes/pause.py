"""The in-game menu: resume, save, load, settings, guide, career summary, leave."""

from __future__ import annotations

import pygame

from game.ui.context import Ui
from game.ui.scene import Action, Pop, Push, Quit, Scene, Transition
from game.ui.scenes.common import column
from game.ui.scenes.flow import autosave, to_menu
from game.ui.widgets import label, panel


class PauseScene(Scene):
    """Modal over the campaign."""

    name = "pause"
    modal = True

    def __init__(self, ui: Ui) -> None:
        super().__init__(ui)
        self.focus = 0
        self.box = pygame.Rect(0, 0, 0, 0)

    def build(self) -> None:
        from game.ui.scenes.ending import EndScene
        from game.ui.scenes.guide import GuideScene
        from game.ui.scenes.saveload import SaveLoadScene
        from game.ui.scenes.settings import SettingsScene

        ui, t = self.ui, self.ui.t
        entries: list[tuple[str, Action]] = [
            ("pause.resume", lambda: Pop()),
            ("menu.save", lambda: Push(SaveLoadScene(ui, saving=True))),
            ("menu.load", lambda: Push(SaveLoadScene(ui, saving=False))),
            ("menu.settings", lambda: Push(SettingsScene(ui))),
            ("menu.guide", lambda: Push(GuideScene(ui))),
            ("pause.summary", lambda: Push(EndScene(ui, summary=True))),
            ("pause.to_menu", lambda: to_menu(ui)),
            ("pause.quit", self._quit),
        ]
        rects = column(ui, len(entries), 320, 42, 0, 10)
        height = rects[-1].bottom - rects[0].top + ui.s(90)
        self.box = pygame.Rect(0, 0, ui.s(380), height)
        self.box.center = (ui.size[0] // 2, ui.size[1] // 2)
        offset = self.box.y + ui.s(64) - rects[0].y
        for rect, (key, action) in zip(rects, entries, strict=True):
            self.button(rect.move(0, offset), t(key), action, object_id="@menu")
        self.buttons.set_focus(self.focus)

    def _quit(self) -> Transition:
        autosave(self.ui)
        return Quit(0)

    def resume(self, result: object) -> Transition | None:
        return Pop(result) if isinstance(result, str) and result else None

    def handle(self, event: pygame.event.Event) -> Transition | None:
        result = self.buttons.handle(event)
        self.focus = max(self.buttons.focus, 0)
        if result is not False:
            return result
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        panel(surface, ui, self.box, ui.pal.panel, ui.pal.line)
        label(surface, ui, ui.t("pause.title"), (self.box.centerx, self.box.y + ui.s(18)), 22,
              ui.pal.accent, bold=True, align="center")
