"""An event card: what happened, and two or three choices with their effects and chances."""

from __future__ import annotations

import pygame

from game.core import ChooseOption
from game.core.ids import ActorId
from game.core.scenario import ChoiceDef, EventDef
from game.core.scoring import check_chance
from game.ui.context import Ui
from game.ui.explain import Explainer
from game.ui.names import Names
from game.ui.scene import Action, Pop, Scene, Transition
from game.ui.widgets import label, panel

TEXT_SIZE = 15.5


class EventCardScene(Scene):
    """Modal over the campaign; 1-3 or arrows and Enter choose."""

    name = "event_card"
    modal = True

    def __init__(self, ui: Ui) -> None:
        super().__init__(ui)
        assert ui.session is not None
        self.session = ui.session
        event_id = self.session.waiting_card()
        assert event_id is not None, "no event card is waiting"
        self.event: EventDef = self.session.career.book.events[event_id]
        self.names = Names(ui.locale, self.session.career.book)
        self.explain = Explainer(self.names)
        self.card = pygame.Rect(0, 0, 0, 0)
        self.body: list[str] = []
        self.notes: list[tuple[int, str]] = []

    def summary(self, choice: ChoiceDef) -> str:
        """A choice's effects and chance, in one line."""
        t, loc = self.ui.t, self.ui.locale
        parts = [self.explain.effect(e) for e in choice.effects]
        if choice.check is not None:
            state = self.session.state
            chance, _ = check_chance(state, state.player, choice.check)
            good = ", ".join(self.explain.effect(e) for e in choice.on_success)
            bad = ", ".join(self.explain.effect(e) for e in choice.on_failure)
            parts.append(t("card.check", chance=loc.percent(chance), good=good or "\u2014",
                           bad=bad or "\u2014"))
        return "; ".join(parts) if parts else t("card.no_effect")

    def build(self) -> None:
        ui = self.ui
        w, h = ui.size
        width = min(ui.s(680), w - ui.s(40))
        inner = width - ui.s(48)
        self.body = ui.text.wrap(ui.locale.text(self.event.text), TEXT_SIZE, inner)
        already = [self.explain.effect(e) for e in self.event.effects]
        if already:
            note = ui.t("card.already", items=", ".join(already))
            self.body += ["", *ui.text.wrap(note, TEXT_SIZE, inner)]
        line_h = ui.text.line_height(TEXT_SIZE)
        summaries = [ui.text.wrap(self.summary(c), 12.5, inner - ui.s(10))
                     for c in self.event.choices]
        choice_h = [ui.s(46) + len(s) * ui.text.line_height(12.5) + ui.s(8) for s in summaries]
        height = ui.s(96) + len(self.body) * line_h + ui.s(20) + sum(choice_h)
        self.card = pygame.Rect((w - width) // 2, max((h - height) // 2, ui.s(10)), width,
                                height)
        y = self.card.y + ui.s(96) + len(self.body) * line_h + ui.s(16)
        self.notes = []
        for index, (choice, lines) in enumerate(zip(self.event.choices, summaries,
                                                    strict=True)):
            rect = pygame.Rect(self.card.x + ui.s(24), y, inner, ui.s(42))
            self.button(rect, f"{index + 1}.  {ui.locale.text(choice.label)}",
                        self._chooser(choice), object_id="@choice")
            for number, line in enumerate(lines):
                self.notes.append((y + ui.s(46) + number * ui.text.line_height(12.5), line))
            y += choice_h[index]
        self.buttons.set_focus(0)

    def _chooser(self, choice: ChoiceDef) -> Action:
        def choose() -> Transition:
            return self.choose(choice.id)
        return choose

    def choose(self, choice_id: str) -> Transition:
        """Answer the card; the campaign shows what follows."""
        player = ActorId(self.session.player.id)
        self.session.submit(ChooseOption(player, self.event.id, choice_id))
        return Pop()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and pygame.K_1 <= event.key <= pygame.K_9:
            index = event.key - pygame.K_1
            if index < len(self.event.choices):
                return self.choose(self.event.choices[index].id)
        result = self.buttons.handle(event)
        return None if result is False else result

    def draw(self, surface: pygame.Surface) -> None:
        ui, pal = self.ui, self.ui.pal
        panel(surface, ui, self.card, pal.panel, pal.accent)
        x = self.card.x + ui.s(24)
        label(surface, ui, ui.t("card.kicker", date=self.names.date(self.session.state.turn)),
              (x, self.card.y + ui.s(16)), 12.5, pal.dim, width=self.card.w - ui.s(48))
        label(surface, ui, ui.locale.text(self.event.title), (x, self.card.y + ui.s(38)), 24,
              pal.accent, bold=True, width=self.card.w - ui.s(48))
        y = self.card.y + ui.s(92)
        for line in self.body:
            label(surface, ui, line, (x, y), TEXT_SIZE, pal.text)
            y += ui.text.line_height(TEXT_SIZE)
        for y, line in self.notes:
            label(surface, ui, line, (x + ui.s(10), y), 12.5, pal.dim)
