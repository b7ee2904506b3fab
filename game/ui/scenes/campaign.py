"""The campaign screen: board, top bar, moves, contests, event log and end turn.

Rival turns run on the session's worker; while it runs the panels keep their last picture.
Event cards, contest results and the career's end open as scenes on top.
"""

from __future__ import annotations

import pygame
import pygame_gui

from game.core import EndTurn, MakeMove
from game.core.events import ContestHeld, Event, PositionGained, PositionLost
from game.core.rules import EnterContest, GainPosition
from game.ui import gui
from game.ui.context import Ui
from game.ui.panels.board import BoardView
from game.ui.panels.contests import ContestPanel
from game.ui.panels.lens import Lens
from game.ui.panels.log import EventLog
from game.ui.panels.moves import MoveList
from game.ui.panels.topbar import TopBar
from game.ui.saves import QUICKSAVE, slot_path
from game.ui.scene import Push, Replace, Scene, Transition
from game.ui.scenes.campaign_keys import KeyFocus
from game.ui.scenes.flow import autosave, open_save
from game.ui.scenes.hints import HintBox
from game.ui.session import Session
from game.ui.widgets import Target, TipLayer, label, panel

TOAST_SECONDS = 3.0


class CampaignScene(Scene):
    """The main screen of a career."""

    name = "campaign"

    def __init__(self, ui: Ui) -> None:
        super().__init__(ui)
        assert ui.session is not None
        self.session: Session = ui.session
        self.folded: dict[str, bool] = {}
        self.results: list[ContestHeld] = []
        self.advancing = False
        self.toast = ("", 0.0)
        self.seen_version = -1
        self.hover: Target | None = None
        self.tips = TipLayer(ui)
        self.keys = KeyFocus(self)
        self.hints = HintBox(self)
        self.end_button: pygame_gui.elements.UIButton | None = None
        self.advance_button: pygame_gui.elements.UIButton | None = None

    # ------------------------------------------------------------------ layout
    def build(self) -> None:
        self.session.wait()  # a rebuild (resize, settings) reads the state: let a turn finish
        ui = self.ui
        w, h = ui.size
        m, top = ui.s(8), ui.s(60)
        right_w = max(int(w * 0.38), ui.s(420))
        log_h = ui.s(170)
        board = pygame.Rect(m, top + m, w - right_w - 3 * m, h - top - log_h - 3 * m)
        right_x = board.right + m
        end = pygame.Rect(right_x, h - m - ui.s(50), right_w, ui.s(50))
        contests_h = ui.s(28 + 3 * 46 + 4)
        contests = pygame.Rect(right_x, end.y - m - contests_h, right_w, contests_h)
        moves = pygame.Rect(right_x, top + m, right_w, contests.y - m - top - m)
        self.lens = Lens.of(ui, self.session)
        menu = pygame.Rect(w - ui.s(118), ui.s(10), ui.s(108), ui.s(40))
        self.topbar = TopBar(self.lens, pygame.Rect(0, 0, w, top), w - menu.x + ui.s(6))
        self.board = BoardView(self.lens, board)
        self.moves = MoveList(self.lens, moves)
        self.moves.folded = self.folded
        self.contests = ContestPanel(self.lens, contests)
        self.log = EventLog(self.lens, pygame.Rect(m, board.bottom + m, board.w, log_h))
        self.panels = [self.topbar, self.board, self.moves, self.contests, self.log]
        self.button(menu, ui.t("campaign.menu"), self.open_menu, focusable=False,
                    tip=ui.t("campaign.menu_tip"))
        advance_w = ui.s(150)
        self.advance_button = self.button(
            pygame.Rect(end.x, end.y, advance_w, end.h), ui.t("campaign.advance"),
            self.advance, focusable=False, tip=ui.t("campaign.advance_tip"))
        self.end_button = self.button(
            pygame.Rect(end.x + advance_w + m, end.y, end.w - advance_w - m, end.h),
            ui.t("campaign.end_turn"), self.end_turn, object_id="@primary", focusable=False)
        self.hints.build(self.log.rect)
        self.tips.reset()
        self.seen_version = -1
        self.refresh()

    def refresh(self) -> None:
        """Re-read the state into every panel (only while the worker is idle)."""
        if self.session.busy:
            return
        self.seen_version = self.session.version
        self.topbar.refresh()
        self.board.refresh()
        self.moves.refresh()
        self.contests.refresh()
        self.log.invalidate()
        self.tips.reset()
        self._buttons()

    def _buttons(self) -> None:
        busy = self.session.busy or self.session.career.is_over
        for button in (self.end_button, self.advance_button):
            if button is not None:
                gui.enable(button, not busy)
        if self.end_button is not None:
            key = "campaign.rivals_moving" if self.session.busy else "campaign.end_turn"
            self.end_button.set_text(self.ui.t(key))

    # ------------------------------------------------------------------ actions
    def make(self, command: MakeMove) -> None:
        """Make a move now."""
        if self.session.busy:
            return
        self.session.submit(command)
        self.log.add(self.session.take_inbox())
        self.refresh()
        self.hints.saw("moves")

    def end_turn(self) -> None:
        """End the turn: rivals move on the worker."""
        if self.session.busy or self.session.career.is_over:
            return
        self.session.submit(EndTurn(self.session.player.id))
        self.hints.saw("end_turn")
        self._buttons()

    def advance(self) -> None:
        """End turns until something needs the player."""
        self.advancing = True
        self.end_turn()

    def open_menu(self) -> Transition:
        """The pause menu."""
        from game.ui.scenes.pause import PauseScene

        return Push(PauseScene(self.ui))

    def quicksave(self) -> None:
        """Save to the quicksave slot in the background."""
        self.session.save_in_background(slot_path(self.ui.paths.saves, QUICKSAVE))
        self.say(self.ui.t("campaign.quicksaved"))

    def quickload(self) -> Transition | None:
        """Open the quicksave."""
        path = slot_path(self.ui.paths.saves, QUICKSAVE)
        return open_save(self.ui, path) if path.exists() else None

    def say(self, text: str) -> None:
        """Show a short message at the bottom of the screen."""
        self.toast = (text, TOAST_SECONDS)

    # ------------------------------------------------------------------ flow
    def update(self, dt: float) -> Transition | None:
        text, left = self.toast
        if left > 0:
            self.toast = (text, left - dt)
        self.session.poll()
        if self.session.inbox and not self.session.busy:
            return self.after(self.session.take_inbox())
        if not self.session.busy and self.session.version != self.seen_version:
            self.refresh()
        if self.keys.active:
            self.keys.sync()
        else:
            self._hover_from_mouse()
        return None

    def after(self, events: list[Event]) -> Transition | None:
        """A background job finished: log it, then show what needs the player."""
        self.log.add(events)
        self.refresh()
        me = self.session.player.id
        self.results += [e for e in events if isinstance(e, ContestHeld)
                         and any(c.actor == me for c in e.contestants)]
        notable = bool(self.results) or any(
            isinstance(e, PositionGained | PositionLost) and e.actor == me for e in events)
        if self.advancing and not notable and self.session.waiting_card() is None and (
                not self.session.career.is_over):
            self.session.submit(EndTurn(me))
            self._buttons()
            return None
        self.advancing = False
        return self.next_step()

    def next_step(self) -> Transition | None:
        """Open the event card, the contest results or the end screen, if one is due."""
        from game.ui.scenes.contest import ContestScene
        from game.ui.scenes.ending import EndScene
        from game.ui.scenes.eventcard import EventCardScene

        if self.session.busy:
            return None
        if self.session.waiting_card() is not None:
            return Push(EventCardScene(self.ui))
        if self.results:
            results, self.results = self.results, []
            return Push(ContestScene(self.ui, results))
        if self.session.career.is_over:
            return Replace(EndScene(self.ui))
        return None

    def resume(self, result: object) -> Transition | None:
        if isinstance(result, str) and result:
            self.say(result)
        return self.next_step()

    def cover(self) -> None:
        self.hints.cover()

    def close(self) -> None:
        autosave(self.ui)

    # ------------------------------------------------------------------ input
    def all_targets(self) -> list[Target]:
        """Every hover target, topmost last."""
        return [t for p in self.panels for t in p.targets]

    def _hover_from_mouse(self) -> None:
        if self.keys.active:
            return
        pos = self.ui.mouse
        found = None
        if not self.ui.manager.get_hovering_any_element():
            found = next((t for t in reversed(self.all_targets()) if t.rect.collidepoint(pos)),
                         None)
        self.set_hover(found)

    def set_hover(self, target: Target | None, anchor: pygame.Rect | None = None) -> None:
        """Highlight ``target`` and show its tooltip."""
        key = target.key if target is not None else None
        if key != (self.hover.key if self.hover else None):
            for item in self.panels:
                item.set_hover(key)
            self.board.set_focus(self._leads_to(key))
        self.hover = target
        self.tips.show(target if not self.session.busy else None, anchor)

    def _leads_to(self, key: str | None) -> set[str]:
        """Board positions a hovered move or contest is about."""
        book = self.session.career.book
        if key is None:
            return set()
        if key.startswith("contest:"):
            contest = book.contests.get(key[8:])
            return {contest.position} if contest else set()
        if not key.startswith("move:"):
            return set()
        mdef = book.moves.get(key.split(":")[1])
        found: set[str] = set()
        for effect in (*mdef.effects, *mdef.on_success) if mdef else ():
            if isinstance(effect, GainPosition):
                found.add(effect.position)
            elif isinstance(effect, EnterContest) and effect.contest in book.contests:
                found.add(book.contests[effect.contest].position)
        return found

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEMOTION:
            self.keys.active = False
            self.moves.keyboard = False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self.click(event.pos)
        if event.type == pygame.MOUSEWHEEL:
            for item in self.panels:
                if item.handle(event):
                    self.tips.reset()
                    return None
        if event.type == pygame.KEYDOWN:
            return self.keys.key(event)
        return None

    def click(self, pos: tuple[int, int]) -> Transition | None:
        """A left click on the custom-drawn panels."""
        from game.ui.scenes.contest import ContestScene

        target = next((t for t in reversed(self.all_targets()) if t.rect.collidepoint(pos)), None)
        if target is None or self.session.busy:
            return None
        return self.act(target.key, ContestScene)

    def act(self, key: str, contest_scene: type[Scene]) -> Transition | None:
        """Activate a target by key: make a move, fold a channel, open a contest."""
        if key.startswith(("move:", "chan:")):
            command = self.moves.activate(key)
            if command is not None:
                self.make(command)
            self.tips.reset()
        elif key.startswith("log:"):
            contest = self.log.contest_at(key)
            if contest is not None:
                return Push(contest_scene(self.ui, [contest]))  # type: ignore[call-arg]
        return None

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        frozen = self.session.busy
        for item in self.panels:
            item.draw(surface, frozen)
        ui = self.ui
        if self.session.busy:
            shade = self.board.rect.union(self.moves.rect)
            overlay = pygame.Surface(shade.size, pygame.SRCALPHA)
            overlay.fill((*ui.pal.bg, 90))
            surface.blit(overlay, shade)
        self.hints.draw(surface)

    def overlay(self, surface: pygame.Surface) -> None:
        self.tips.draw(surface)
        text, left = self.toast
        if left > 0 and text:
            ui = self.ui
            width = min(ui.text.width(text, 14) + ui.s(32), ui.size[0] - ui.s(40))
            rect = pygame.Rect(0, 0, width, ui.s(36))
            rect.midbottom = (ui.size[0] // 2, ui.size[1] - ui.s(70))
            panel(surface, ui, rect, ui.pal.panel_hi, ui.pal.accent)
            label(surface, ui, text, (rect.centerx, rect.y + ui.s(8)), 14, ui.pal.text,
                  align="center", width=width - ui.s(24))
