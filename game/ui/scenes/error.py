"""The error screen: what went wrong, where the emergency save went, a way back."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui.context import Ui
from game.ui.problems import problem_lines
from game.ui.scene import Quit, Reset, Scene, Transition
from game.ui.scenes.common import column, esc, text_box
from game.ui.widgets import label


class ErrorScene(Scene):
    """Shown after an unexpected error (a crash) or a broken mod or save (a problem)."""

    name = "error"

    def __init__(self, ui: Ui, error: BaseException | str, saved: Path | None = None,
                 crash: bool = True, title: str | None = None,
                 alternative: Path | None = None) -> None:
        super().__init__(ui)
        self.alternative = alternative  # a save that does load, offered instead
        self.error = error
        self.saved = saved
        self.crash = crash
        self.title = title
        self.html = ""  # the text shown, as built for the text box

    def build(self) -> None:
        ui = self.ui
        t = ui.t
        parts = [f"<b>{esc(t('error.crash_intro' if self.crash else 'error.problem_intro'))}</b>",
                 "", *(esc(line) for line in self.lines())]
        if self.crash:
            parts += ["", esc(t("error.saved", path=str(self.saved)) if self.saved
                              else t("error.not_saved"))]
            parts += ["", esc(t("error.report"))]
        w, h = ui.size
        self.html = "<br>".join(parts)
        text_box(ui, pygame.Rect(ui.s(40), ui.s(110), w - ui.s(80), h - ui.s(230)), self.html)
        back, leave = column(ui, 2, 300, 44, 0, 12)
        back.topleft = (ui.s(40), h - ui.s(100))
        leave.topleft = (back.right + ui.s(16), back.top)
        self.button(back, t("error.back"), self._back)
        self.button(leave, t("menu.quit"), lambda: Quit(1 if self.crash else 0))
        if self.alternative is not None:
            other = leave.move(leave.w + ui.s(16), 0)
            other.width = w - other.x - ui.s(40)
            self.button(other, t("error.load_instead", name=self.alternative.name),
                        self._load_alternative)
        self.buttons.set_focus(0)

    def lines(self) -> list[str]:
        """What went wrong, in the player's language (see ``game.ui.problems``)."""
        return problem_lines(self.ui.t, self.error)

    def _load_alternative(self) -> Transition:
        from game.ui.scenes.flow import open_save

        assert self.alternative is not None
        return open_save(self.ui, self.alternative)

    def _back(self) -> Transition:
        from game.ui.scenes.title import TitleScene

        return Reset(TitleScene(self.ui))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        result = self.buttons.handle(event)
        if result is not False:
            return result
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self._back()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        key = "error.crash_title" if self.crash else "error.problem_title"
        title = self.title or self.ui.t(key)
        label(surface, self.ui, title, (self.ui.s(40), self.ui.s(36)), 30, self.ui.pal.bad,
              bold=True)
