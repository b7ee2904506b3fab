"""The guide: the nine channels, the rules of the current system, keyboard shortcuts."""

from __future__ import annotations

import pygame
import pygame_gui

from game.content import ContentError, load_scenario
from game.core import Rulebook, compile_rulebook
from game.core.legacy import FULL_SERVICE
from game.ui import gui
from game.ui.context import Ui
from game.ui.names import Names
from game.ui.scene import Action, Pop, Replace, Scene, Transition
from game.ui.scenes.common import esc, heading
from game.ui.theme import RGB

NINE = ("party_member", "party_head", "candidate", "campaign_staff", "bureaucrat",
        "consultant", "legislator", "diplomat", "executive")
TABS = ("channels", "rules", "keys")
SHORTCUTS = ("move_select", "move_make", "end_turn", "advance", "focus", "board", "menu",
             "guide", "quicksave", "quickload", "hints", "scale", "fullscreen", "choices",
             "menus")


def _hex(colour: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


class GuideScene(Scene):
    """Three pages in both languages; Left and Right switch pages, Up and Down scroll."""

    name = "guide"

    def __init__(self, ui: Ui, page: int = 0) -> None:
        super().__init__(ui)
        self.page = page
        self.box: pygame_gui.elements.UITextBox | None = None
        self._book: Rulebook | None = None

    @property
    def kind(self) -> str:
        return f"guide_{TABS[self.page]}"

    def book(self) -> Rulebook | None:
        """The scenario the rules page explains: the open career's, else the default."""
        if self.ui.session is not None:
            return self.ui.session.career.book
        if self._book is None:
            try:
                self._book = compile_rulebook(load_scenario())
            except ContentError:
                return None
        return self._book

    def build(self) -> None:
        ui = self.ui
        w, h = ui.size
        x = ui.s(40)
        for index, tab in enumerate(TABS):
            rect = pygame.Rect(x, ui.s(100), ui.s(220), ui.s(38))
            button = self.button(rect, ui.t(f"guide.tab_{tab}"), self._tab(index))
            if index == self.page:
                gui.select(button)
            x = rect.right + ui.s(10)
        back = pygame.Rect(w - ui.s(200), ui.s(100), ui.s(160), ui.s(38))
        self.button(back, ui.t("menu.back"), lambda: Pop())
        html = [self.channels, self.rules, self.keys][self.page]()
        rect = pygame.Rect(ui.s(40), ui.s(150), w - ui.s(80), h - ui.s(180))
        self.box = pygame_gui.elements.UITextBox(html, rect, ui.manager)

    def _tab(self, index: int) -> Action:
        def show() -> Transition:
            return Replace(GuideScene(self.ui, index))
        return show

    # ------------------------------------------------------------------ pages
    def _h(self, text: str, colour: RGB | None = None) -> str:
        size = self.ui.fonts.px(19)
        return (f"<font pixel_size={size} color={_hex(colour or self.ui.pal.accent)}>"
                f"<b>{esc(text)}</b></font>")

    def channels(self) -> str:
        """The nine channels: how to enter, how to rise, what each gives."""
        t, ui = self.ui.t, self.ui
        parts = [esc(t("guide.channels_intro")), ""]
        book = self.book()
        names = Names(ui.locale, book) if book else None
        for index, cid in enumerate(NINE):
            title = names.channel(cid) if names and book and cid in book.channels else t(
                f"guide.ch.{cid}")
            parts.append(self._h(f"{index + 1}. {title}", ui.pal.track(index)))
            for part in ("enter", "rise", "gives"):
                parts.append(f"<b>{esc(t('guide.' + part))}</b> "
                             f"{esc(t(f'guide.ch.{cid}.{part}'))}")
            if book is not None and names is not None and cid in book.channels:
                parts.append(self._scenario_channel(book, names, cid))
            parts.append("")
        return "<br>".join(parts)

    def _scenario_channel(self, book: Rulebook, names: Names, cid: str) -> str:
        t = self.ui.t
        channel = book.channels[cid]
        moves = [names.move(m.id) for m in book.scenario.moves if m.channel == cid]
        entry = [names.position(p) for p in channel.entry_positions]
        line = f"<i>{esc(self.ui.locale.text(channel.description))}</i>"
        if entry:
            line += "<br>" + esc(t("guide.entry_positions", items=", ".join(entry)))
        if moves:
            line += "<br>" + esc(t("guide.moves_here", items=", ".join(moves)))
        return line

    def rules(self) -> str:
        """The rules of the current system, from the scenario's data."""
        book = self.book()
        if book is None:
            return esc(self.ui.t("guide.no_scenario"))
        t, loc = self.ui.t, self.ui.locale
        names = Names(loc, book)
        spec = book.scenario
        years = spec.max_turns * spec.months_per_turn / 12
        goal = ", ".join(names.position(p) for p in spec.victory.positions)
        parts = [self._h(loc.text(spec.name)), esc(loc.text(spec.description)), "",
                 esc(t("guide.rules_time", months=spec.months_per_turn, turns=spec.max_turns,
                       years=f"{years:.0f}", age=f"{spec.start_age:.0f}")),
                 esc(t("guide.rules_agenda", agenda=spec.agenda_per_turn)),
                 esc(t("guide.rules_goal", goal=goal or "\u2014")),
                 esc(t("guide.rules_ruin", limit=loc.number(spec.debt_limit),
                       turns=spec.victory.debt_turns)),
                 esc(t("guide.rules_legacy", full=FULL_SERVICE)), "", self._h(t("guide.contests"))]
        for contest in spec.contests:
            every = t("guide.every", n=contest.schedule.every, first=contest.schedule.offset)
            factors = ", ".join(f"{names.source(f.source)} {f.weight:g}" for f in contest.factors)
            alloc = getattr(contest, "allocation", "top_k")
            parts.append(f"<b>{esc(names.contest(contest.id))}</b> \u2014 "
                         f"{esc(names.kind(contest.kind))}, {esc(names.position(contest.position))}"
                         f"; {esc(every)}; {esc(t('alloc.' + alloc))}")
            parts.append(f"&nbsp;&nbsp;{esc(t('guide.weights', items=factors))}")
        parts += ["", self._h(t("guide.board"))]
        for track in spec.tracks:
            ladder = sorted((p for p in spec.positions if p.track == track.id),
                            key=lambda p: p.tier)
            steps = " \u203a ".join(names.position(p.id) for p in ladder)
            parts.append(f"<b>{esc(names.track(track.id))}</b>: {esc(steps)}")
        return "<br>".join(parts)

    def keys(self) -> str:
        """Every keyboard shortcut."""
        t = self.ui.t
        rows = [f"<b>{esc(t(f'keys.{k}.key'))}</b> \u2014 {esc(t(f'keys.{k}'))}"
                for k in SHORTCUTS]
        return "<br>".join([esc(t("guide.keys_intro")), "", *rows])

    # ------------------------------------------------------------------ input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type != pygame.KEYDOWN:
            return None
        if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
            return Pop()
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_TAB):
            step = -1 if event.key == pygame.K_LEFT else 1
            return Replace(GuideScene(self.ui, (self.page + step) % len(TABS)))
        elif event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            self.scroll({pygame.K_UP: -0.05, pygame.K_DOWN: 0.05, pygame.K_PAGEUP: -0.3,
                         pygame.K_PAGEDOWN: 0.3}[event.key])
        return None

    def scroll(self, amount: float) -> None:
        """Scroll the page by a share of its length."""
        bar = self.box.scroll_bar if self.box is not None else None
        if bar is not None:
            bar.set_scroll_from_start_percentage(
                min(max(bar.start_percentage + amount, 0.0), 1.0 - bar.visible_percentage))

    def draw(self, surface: pygame.Surface) -> None:
        heading(surface, self.ui, self.ui.t("guide.title"), self.ui.t("guide.sub"))
