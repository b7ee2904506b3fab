"""Load and save screens.  Saving: the quicksave and numbered slots.  Loading: every save
in the folder newest first (autosaves and milestones too), a page at a time."""

from __future__ import annotations

import pygame

from game.persistence import SaveError
from game.ui import gui
from game.ui.context import Ui
from game.ui.problems import save_summary
from game.ui.saves import SlotInfo, all_saves, manual_slots, when
from game.ui.scene import Action, Pop, Scene, Transition
from game.ui.scenes.common import column, esc, heading
from game.ui.scenes.flow import open_save


class SaveLoadScene(Scene):
    """``saving``: pick a slot to write the open career to; else pick a save to open."""

    name = "saveload"

    def __init__(self, ui: Ui, saving: bool, page: int = 0) -> None:
        super().__init__(ui)
        self.saving = saving
        self.page = page
        self.message = ""
        self.focus = 0
        self.infos: list[SlotInfo] = []

    @property
    def kind(self) -> str:
        return "save" if self.saving else "load"

    def describe(self, info: SlotInfo) -> str:
        """One save's button text."""
        t = self.ui.t
        stem = info.slot
        if stem == "quicksave":
            name = t("slot.quicksave")
        elif stem.startswith("slot") and stem[4:].isdigit():
            name = t("slot.numbered", n=stem[4:])
        else:
            name = t(f"slot.kind_{info.kind}") if info.kind else stem
        if not info.exists:
            return f"{name} \u2014 {t('slot.empty')}"
        if info.problem:
            return f"{name} \u2014 {t('slot.unreadable')}"
        return t("slot.line", slot=name, player=info.player, turn=info.turn,
                 date=self._date(info.date),
                 scenario=self.ui.locale.text(info.scenario), when=when(info))

    def _date(self, date: str) -> str:
        """An in-game ``YYYY-MM`` date as "Jul 2007"."""
        year, _, month = date.partition("-")
        if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
            return date
        return f"{self.ui.t(f'month.{int(month)}')} {year}"

    def build(self) -> None:
        ui = self.ui
        found = manual_slots(ui.paths.saves) if self.saving else all_saves(ui.paths.saves)
        rows = max(1, (ui.size[1] - ui.s(250)) // ui.s(44))
        pages = max((len(found) + rows - 1) // rows, 1)
        self.page = min(self.page, pages - 1)
        self.infos = found[self.page * rows:(self.page + 1) * rows]
        rects = column(ui, rows + 1, 820, 36, 110, 8)
        for rect, info in zip(rects, self.infos, strict=False):
            button = self.button(rect, self.describe(info), self._chooser(info),
                                 object_id="@row", tip=self.problem_tip(info) or None)
            if not self.saving and not info.exists:
                gui.enable(button, False)
        if not self.infos:
            self.message = ui.t("load.none")
        bottom = rects[-1]
        back = pygame.Rect(bottom.x, bottom.y + ui.s(8), ui.s(200), bottom.h + ui.s(6))
        self.button(back, ui.t("menu.back"), lambda: Pop())
        if pages > 1:
            more = back.move(bottom.w - back.w, 0)
            self.button(more, ui.t("load.more", page=self.page + 1, pages=pages), self._next)
        self.buttons.set_focus(min(self.focus, len(self.buttons.items) - 1))

    def problem_tip(self, info: SlotInfo) -> str:
        """Why a save cannot be read, in the player's language, then the technical reason."""
        if not info.problem:
            return ""
        t = self.ui.t
        return "<br>".join(esc(line) for line in (
            save_summary(t, info.problem), t("problem.technical", detail=info.problem)))

    def _next(self) -> Transition:
        from game.ui.scene import Replace

        return Replace(SaveLoadScene(self.ui, self.saving, self.page + 1))

    def _chooser(self, info: SlotInfo) -> Action:
        def choose() -> Transition | None:
            return self.choose(info)
        return choose

    def choose(self, info: SlotInfo) -> Transition | None:
        """Write to or open the save ``info``."""
        if not self.saving:
            return open_save(self.ui, info.path)
        session = self.ui.session
        if session is None:
            return Pop()
        try:
            session.wait()
            info.path.parent.mkdir(parents=True, exist_ok=True)
            session.save(info.path)
        except (SaveError, OSError) as exc:
            reason = exc.reason if isinstance(exc, SaveError) else ""
            self.message = self.ui.t("save.failed", error=save_summary(self.ui.t, reason, exc))
            return None
        return Pop(self.ui.t("save.done", path=str(info.path)))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        result = self.buttons.handle(event)
        self.focus = max(self.buttons.focus, 0)
        if result is not False:
            return result
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_PAGEDOWN:
            return self._next()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        t = self.ui.t
        sub = self.message or t("save.where", path=str(self.ui.paths.saves))
        heading(surface, self.ui, t("save.title" if self.saving else "load.title"), sub)
