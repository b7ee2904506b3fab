"""Contest results: shares (or exam marks), the factor waterfall behind a contestant's
strength, the seat allocation of list systems, and a second round if there was one."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.core.events import Contestant, ContestHeld
from game.ui.charts import hemicycle, result_bars, waterfall
from game.ui.context import Ui
from game.ui.names import Names
from game.ui.panels.lens import Lens
from game.ui.results import ResultRow, districts, result_rows
from game.ui.scene import Pop, Replace, Scene, Transition
from game.ui.widgets import Target, Tip, TipLayer, label, panel

MAX_ROWS = 10


class ContestScene(Scene):
    """One page per contest; Up/Down pick whose factors to show, Enter continues."""

    name = "contest"
    modal = True

    def __init__(self, ui: Ui, results: list[ContestHeld], page: int = 0) -> None:
        super().__init__(ui)
        assert ui.session is not None and results
        self.lens = Lens.of(ui, ui.session)
        self.results = results
        self.page = page
        self.selected = self._default()
        self.clock = 0.0
        self.card = pygame.Rect(0, 0, 0, 0)
        self.row_rects: list[pygame.Rect] = []
        self.tips = TipLayer(ui)

    @property
    def event(self) -> ContestHeld:
        """The contest on this page."""
        return self.results[self.page]

    def _rows(self) -> list[ResultRow]:
        """Named entrants one by one, the unnamed field grouped; best first."""
        return self._table()[0]

    def _table(self) -> tuple[list[ResultRow], int]:
        return result_rows(self.event.contestants, self.event.threshold is not None, MAX_ROWS,
                           self.lens.player.id, pooled=not self._districts())

    def _districts(self) -> list[tuple[Contestant, ...]]:
        """Each actor's district, in a contest fought district by district (else empty)."""
        contest = self.lens.book.contests.get(self.event.contest)
        if contest is None or contest.allocation != "districts":
            return []
        return districts(self.event.contestants, contest.field_count + 1)

    def name_of(self, row: ResultRow) -> str:
        """A row's name: the entrant's, or the group's ("8 other candidates")."""
        if row.grouped:
            return row.label(self.ui.t)
        return self.lens.actor_name(row.lead.actor)

    def _default(self) -> int:
        me = self.lens.player.id
        rows = self._rows()
        return next((i for i, r in enumerate(rows) if r.lead.actor == me), 0)

    def build(self) -> None:
        ui = self.ui
        w, h = ui.size
        self.card = pygame.Rect(ui.s(30), ui.s(24), w - ui.s(60), h - ui.s(48))
        more = self.page + 1 < len(self.results)
        text = ui.t("contest.next", n=self.page + 2, total=len(self.results)) if more else ui.t(
            "contest.continue")
        rect = pygame.Rect(self.card.right - ui.s(250), self.card.bottom - ui.s(58), ui.s(226),
                           ui.s(42))
        self.button(rect, text, self.advance, object_id="@primary")
        self.buttons.set_focus(0)

    def advance(self) -> Transition | None:
        """The next page, or back to the campaign."""
        if self.page + 1 < len(self.results):
            return Replace(ContestScene(self.ui, self.results, self.page + 1))
        return Pop()

    def update(self, dt: float) -> Transition | None:
        self.clock += dt
        rows = self._rows()
        hovered = next((i for i, r in enumerate(self.row_rects)
                        if r.collidepoint(self.ui.mouse) and i < len(rows)), None)
        if hovered is None:
            self.tips.show(None)
        else:
            self.tips.show(Target(f"row:{self.page}:{hovered}", self.row_rects[hovered],
                                  self._row_tip(rows[hovered])))
        return None

    def _row_tip(self, row: ResultRow) -> Callable[[], Tip]:
        def tip() -> Tip:
            t, loc = self.ui.t, self.ui.locale
            if row.grouped:
                return self._group_tip(row)
            contestant = row.lead
            result = Tip(self.name_of(row),
                         t("contest.won_seat") if contestant.won else t("contest.no_seat"))
            if self.event.threshold is None:
                result.add(t("contest.share"), loc.percent(contestant.share), bold=True)
            result.add(t("contest.total"), loc.number(contestant.strength, 1))
            result.add(t("contest.noise"), loc.signed(contestant.noise, 1), indent=1)
            result.add(t("contest.click_factors"), "", self.ui.pal.dim)
            return result
        return tip

    def _group_tip(self, row: ResultRow) -> Tip:
        """The unnamed field: how many, their vote together, each one's result."""
        t, loc = self.ui.t, self.ui.locale
        result = Tip(self.name_of(row), t("contest.field_body"))
        if not row.exam and row.pooled:
            result.add(t("contest.share_together"), loc.percent(row.share), bold=True)
        elif not row.exam:
            result.add(t("contest.field_districts"), "", self.ui.pal.dim)
        seats = len(row.members) if row.won else 0
        result.add(t("contest.field_seats"), str(seats))
        each = [loc.number(c.strength, 1) if row.exam else loc.percent(c.share)
                for c in row.members]
        result.add(t("contest.field_each_exam" if row.exam else "contest.field_each"),
                   indent=1)
        result.add(", ".join(each[:12]) + (" \u2026" if len(each) > 12 else ""), indent=2)
        result.add(t("contest.field_strongest"), loc.number(row.lead.strength, 1), indent=1)
        result.add(t("contest.click_factors_group"), "", self.ui.pal.dim)
        return result

    def overlay(self, surface: pygame.Surface) -> None:
        self.tips.draw(surface)

    @property
    def progress(self) -> float:
        """Animation progress of the bars, 0..1."""
        speed = self.ui.anim
        return 1.0 if speed <= 0 else min(self.clock * speed / 0.7, 1.0)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_UP, pygame.K_DOWN):
                step = -1 if event.key == pygame.K_UP else 1
                self.selected = (self.selected + step) % max(len(self._rows()), 1)
                return None
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE,
                             pygame.K_ESCAPE):
                return self.advance()
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, rect in enumerate(self.row_rects):
                if rect.collidepoint(event.pos):
                    self.selected = index
        return None

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        ui, pal, lens = self.ui, self.ui.pal, self.lens
        names: Names = lens.names
        event = self.event
        panel(surface, ui, self.card, pal.panel, pal.line)
        x, y = self.card.x + ui.s(24), self.card.y + ui.s(16)
        inner = self.card.w - ui.s(48)
        label(surface, ui, ui.t("contest.kicker", kind=names.kind(
            lens.book.contests[event.contest].kind), position=names.position(event.position),
                                seats=event.seats), (x, y), 13, pal.dim, width=inner)
        title = names.contest(event.contest) + (
            f" \u2014 {names.party(event.party)}" if event.party else "")
        abbreviation = names.abbreviation(event.party)
        short = f"{names.contest(event.contest)} \u2014 {abbreviation}" if abbreviation else ""
        label(surface, ui, title, (x, y + ui.s(20)), 24, pal.accent, bold=True,
              width=inner - ui.s(220), short=short)
        mine = next((c for c in event.contestants if c.actor == lens.player.id), None)
        if mine is not None:
            verdict = ui.t("contest.you_won" if mine.won else "contest.you_lost")
            label(surface, ui, verdict, (self.card.right - ui.s(24), y + ui.s(22)), 22,
                  pal.good if mine.won else pal.bad, bold=True, align="right")
        top = y + ui.s(66)
        bottom = self.card.bottom - ui.s(70)
        extra = bool(getattr(event, "parties", ())) or bool(getattr(event, "runoff", ()))
        list_bottom = bottom - (ui.s(150) if extra else 0)
        left = pygame.Rect(x, top + ui.s(24), inner * 45 // 100, list_bottom - top - ui.s(24))
        right = pygame.Rect(left.right + ui.s(40), top + ui.s(24),
                            self.card.right - ui.s(24) - left.right - ui.s(40),
                            list_bottom - top - ui.s(60))
        self._results(surface, left, top)
        self._why(surface, right, top)
        if extra:
            self._extra(surface, pygame.Rect(x, list_bottom + ui.s(10), inner, ui.s(140)))
        if len(self.results) > 1:
            label(surface, ui, f"{self.page + 1}/{len(self.results)}",
                  (x, self.card.bottom - ui.s(44)), 13, pal.dim)

    def _results(self, surface: pygame.Surface, rect: pygame.Rect, top: int) -> None:
        ui, event = self.ui, self.event
        exam = event.threshold is not None
        label(surface, ui, ui.t("contest.results_exam" if exam else "contest.results"),
              (rect.x, top), 14, ui.pal.text, bold=True)
        rows, hidden = self._table()
        scale = max((r.value for r in rows), default=1.0)
        data = []
        for index, row in enumerate(rows):
            value = ui.locale.number(row.value, 1) if exam else ui.locale.percent(row.value)
            data.append((self.name_of(row), row.value / max(scale, 1e-9), value, row.won,
                         index == self.selected))
        self.row_rects = result_bars(surface, ui, rect, data, self.progress)
        if hidden > 0:
            label(surface, ui, ui.t("contest.others", n=hidden),
                  (rect.x + ui.s(6), rect.y + len(rows) * ui.s(30)), 12, ui.pal.faint)

    def _why(self, surface: pygame.Surface, rect: pygame.Rect, top: int) -> None:
        ui, lens, event = self.ui, self.lens, self.event
        rows = self._rows()
        if not rows:
            return
        row = rows[min(self.selected, len(rows) - 1)]
        chosen = row.lead
        if row.grouped:
            why = ui.t("contest.why_group", name=self.name_of(row))
        elif chosen.actor == lens.player.id:
            why = ui.t("contest.why_you")
        else:
            why = ui.t("contest.why", name=self.name_of(row))
        label(surface, ui, why,
              (rect.x, top), 14, ui.pal.text, bold=True, width=rect.w)
        steps = [(lens.names.factor(f), f.contribution) for f in chosen.factors]
        if chosen.actor is None:
            steps = [(ui.t("contest.field_strength"), chosen.strength - chosen.noise)]
        steps.append((ui.t("contest.noise"), chosen.noise))
        cutoff, cut_label = self._cutoff(chosen)
        waterfall(surface, ui, rect, steps, cutoff, cut_label, self.progress)
        label(surface, ui, ui.t("contest.keys"), (rect.x, self.card.bottom - ui.s(44)), 12,
              ui.pal.faint, width=rect.w - ui.s(240))
        del event

    def _cutoff(self, chosen: Contestant) -> tuple[float | None, str]:
        """The strength that decided: the pass mark, the weakest winner or strongest loser."""
        event, t = self.event, self.ui.t
        if event.threshold is not None:
            return event.threshold, t("contest.pass_mark")
        ballot = next((d for d in self._districts() if any(c is chosen for c in d)),
                      event.contestants)  # a district's winner beat only its own rivals
        winners = [c.strength for c in ballot if c.won]
        losers = [c.strength for c in ballot if not c.won]
        if chosen.won and losers:
            return max(losers), t("contest.best_loser")
        if not chosen.won and winners:
            return min(winners), t("contest.last_winner")
        return None, ""

    def _extra(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Seats by party (list systems) and the second round, if any."""
        ui, lens, event = self.ui, self.lens, self.event
        parties = getattr(event, "parties", ())
        runoff = getattr(event, "runoff", ())
        x = rect.x
        if parties:
            label(surface, ui, ui.t("contest.seats"), (x, rect.y), 14, ui.pal.text, bold=True)
            arc = pygame.Rect(x, rect.y + ui.s(22), ui.s(220), rect.h - ui.s(24))
            hemicycle(surface, ui, arc, [(lens.party_colour(p.party), p.seats) for p in parties])
            ly = rect.y + ui.s(24)
            for result in parties:
                pygame.draw.rect(surface, lens.party_colour(result.party),
                                 pygame.Rect(arc.right + ui.s(16), ly + ui.s(4), ui.s(10),
                                             ui.s(10)))
                text = ui.t("contest.party_line", party=lens.names.party(result.party),
                            share=ui.locale.percent(result.share), seats=result.seats)
                label(surface, ui, text, (arc.right + ui.s(32), ly), 13, ui.pal.text,
                      width=ui.s(360))
                ly += ui.s(20)
            x = arc.right + ui.s(420)
        if runoff:
            label(surface, ui, ui.t("contest.runoff"), (x, rect.y), 14, ui.pal.text, bold=True)
            data = [(lens.actor_name(c.actor), c.share, ui.locale.percent(c.share), c.won, False)
                    for c in runoff]
            result_bars(surface, ui, pygame.Rect(x, rect.y + ui.s(24),
                                                 max(rect.right - x, ui.s(200)),
                                                 rect.h - ui.s(24)), data, self.progress)
