"""The career's end (or a summary so far): a timeline of positions beside the rivals'
careers, charts of resources over time, and the legacy score."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.core import legacy_parts
from game.core.legacy import FULL_SERVICE
from game.ui.charts import line_chart
from game.ui.context import Ui
from game.ui.history import Timeline, build_timeline
from game.ui.panels.lens import Lens
from game.ui.scene import Pop, Reset, Scene, Transition
from game.ui.widgets import Target, Tip, TipLayer, label, panel

CHARTS = 8


class EndScene(Scene):
    """Full screen; with ``summary`` it is a look at the career so far (Back returns)."""

    name = "end"

    def __init__(self, ui: Ui, summary: bool = False) -> None:
        super().__init__(ui)
        assert ui.session is not None
        self.session = ui.session
        self.session.wait()  # opened from the menu while rivals move: let them finish
        self.summary = summary
        self.lens = Lens.of(ui, self.session)
        self.timeline: Timeline = build_timeline(self.session.all_events(), self.session.state)
        self.targets: list[Target] = []
        self.tips = TipLayer(ui)
        self.picture: pygame.Surface | None = None

    @property
    def kind(self) -> str:
        return "summary" if self.summary else "end"

    def build(self) -> None:
        ui, t = self.ui, self.ui.t
        w, h = ui.size
        rect = pygame.Rect(w - ui.s(250), h - ui.s(58), ui.s(226), ui.s(42))
        if self.summary:
            self.button(rect, t("menu.back"), lambda: Pop(), object_id="@primary")
        else:
            self.button(rect, t("end.to_menu"), self._menu, object_id="@primary")
            self.button(rect.move(-ui.s(240), 0), t("menu.new"), self._new)
        self.buttons.set_focus(0)
        self.lens = Lens.of(ui, self.session)
        self.picture = None
        self.tips.reset()

    def _menu(self) -> Transition:
        from game.ui.scenes.title import TitleScene

        self.ui.session = None
        return Reset(TitleScene(self.ui))

    def _new(self) -> Transition:
        from game.ui.scenes.newcareer import NewCareerScene

        self.ui.session = None
        return Reset(NewCareerScene(self.ui, root=True))

    def handle(self, event: pygame.event.Event) -> Transition | None:
        result = self.buttons.handle(event, vertical=False)
        if result is not False:
            return result
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop() if self.summary else self._menu()
        return None

    def update(self, dt: float) -> Transition | None:
        pos = self.ui.mouse
        found = next((t for t in self.targets if t.rect.collidepoint(pos)), None)
        self.tips.show(found)
        return None

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        if self.picture is None or self.picture.get_size() != self.ui.size:
            self.picture = pygame.Surface(self.ui.size)
            self.picture.fill(self.ui.pal.bg)
            self.targets = []
            self._render(self.picture)
        surface.blit(self.picture, (0, 0))

    def overlay(self, surface: pygame.Surface) -> None:
        self.tips.draw(surface)

    def _render(self, surface: pygame.Surface) -> None:
        ui, pal, lens = self.ui, self.ui.pal, self.lens
        t, loc = ui.t, ui.locale
        career, state = self.session.career, self.session.state
        w, h = ui.size
        x = ui.s(24)
        title = t("end.summary") if self.summary else t(f"end.result.{career.result or 'ongoing'}")
        label(surface, ui, title, (x, ui.s(18)), 28, pal.accent, bold=True, width=w - ui.s(330))
        highest = max(lens.player.first_held, key=lambda p: lens.book.positions[p].prestige,
                      default=None)
        sub = t("end.sub", name=lens.person(lens.player), turns=state.turn,
                scenario=loc.text(lens.book.scenario.name),
                highest=lens.names.position(highest) if highest else "\u2014")
        label(surface, ui, sub, (x, ui.s(60)), 14, pal.dim, width=w - ui.s(330))
        label(surface, ui, self._parts_line(), (x, ui.s(80)), 13, pal.text,
              width=w - ui.s(330))
        score_box = pygame.Rect(w - ui.s(290), ui.s(14), ui.s(266), ui.s(72))
        panel(surface, ui, score_box, pal.panel, pal.accent)
        label(surface, ui, t("end.legacy"), (score_box.x + ui.s(12), score_box.y + ui.s(8)), 13,
              pal.dim)
        label(surface, ui, loc.number(career.score, 1), (score_box.right - ui.s(12),
                                                         score_box.y + ui.s(22)),
              32, pal.accent, bold=True, align="right")
        self.targets.append(Target("legacy", score_box, self._legacy_tip))
        timeline_rect = pygame.Rect(x, ui.s(100), w - 2 * x, int(h * 0.42))
        self._timeline(surface, timeline_rect)
        charts = pygame.Rect(x, timeline_rect.bottom + ui.s(14), w - 2 * x,
                             h - timeline_rect.bottom - ui.s(14) - ui.s(74))
        self._charts(surface, charts)

    def _parts_line(self) -> str:
        """The score's parts in one line, as the rules count them."""
        lens, t, loc = self.lens, self.ui.t, self.ui.locale
        shown = []
        for part in legacy_parts(lens.state, lens.player):
            name = (t("end.part.top_post", n=part.turns) if part.key == "top_post"
                    else t(f"end.part.{part.key}"))
            shown.append(f"{name} {loc.number(part.points, 0)}")
        return t("end.parts", parts=" \u00b7 ".join(shown))

    def _legacy_tip(self) -> Tip:
        """The score's parts as the rules count them: influence, offices by time served,
        and the turns a victory credits."""
        lens, t, loc = self.lens, self.ui.t, self.ui.locale
        state, player = lens.state, lens.player
        tip = Tip(t("end.legacy"), t("end.legacy_help"))
        for part in legacy_parts(state, player):
            if part.key == "offices":
                tip.add(t("end.prestige"), loc.number(part.points, 1))
                for pid in player.first_held:
                    served = min(player.turns_held.get(pid, 0), FULL_SERVICE)
                    tip.add(t("end.office_served", name=lens.names.position(pid), n=served,
                              full=FULL_SERVICE),
                            loc.number(lens.book.positions[pid].prestige, 1), indent=1)
            elif part.key == "top_post":
                tip.add(t("end.top_post", n=part.turns), loc.number(part.points, 1))
            else:
                tip.add(lens.names.resource(part.key), loc.number(part.points, 1))
        tip.add(t("end.legacy"), loc.number(self.session.career.score, 1), bold=True)
        return tip

    def _timeline(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        ui, pal, lens = self.ui, self.ui.pal, self.lens
        panel(surface, ui, rect, pal.panel, pal.line)
        label(surface, ui, ui.t("end.timeline"), (rect.x + ui.s(10), rect.y + ui.s(6)), 14,
              pal.text, bold=True)
        turns = self.timeline.turns
        first, last = turns[0], max(turns[-1], turns[0] + 1)
        name_w = ui.s(150)
        axis = pygame.Rect(rect.x + name_w, rect.y + ui.s(30), rect.w - name_w - ui.s(14),
                           rect.h - ui.s(76))
        actors = list(lens.state.order)
        unit = axis.h // max(len(actors) + 1, 1)  # the player's row is twice as tall
        tracks: list[str] = [tr.id for tr in lens.book.scenario.tracks]

        def px(turn: float) -> int:
            return axis.x + round((turn - first) / (last - first + 1) * axis.w)

        y = axis.y
        for aid in actors:
            mine = aid == lens.player.id
            row_h = unit * 2 if mine else unit
            actor = lens.state.actors[aid]
            name = lens.actor_name(aid) if mine else lens.person(actor)
            label(surface, ui, name, (rect.x + ui.s(10), y + row_h // 2 - ui.s(9)), 13,
                  lens.colours[aid], bold=mine, width=name_w - ui.s(16))
            if not actor.active:
                label(surface, ui, lens.names.result(actor.result), (rect.x + ui.s(10),
                                                                     y + row_h // 2 + ui.s(6)),
                      10.5, pal.faint, width=name_w - ui.s(16))
            pygame.draw.line(surface, pal.line, (axis.x, y + row_h - 1), (axis.right,
                                                                          y + row_h - 1))
            self._spans(surface, aid, y, row_h, px, tracks)
            y += row_h
        for turn in range(first, last + 1, max((last - first) // 8, 1)):
            label(surface, ui, lens.names.date(turn), (px(turn), y + ui.s(4)), 11,
                  pal.faint, align="center")
        x = axis.x
        for index, track in enumerate(tracks):  # the colour key
            name = lens.names.track(track)
            pygame.draw.rect(surface, pal.track(index),
                             pygame.Rect(x, y + ui.s(26), ui.s(10), ui.s(10)))
            drawn = label(surface, ui, name, (x + ui.s(14), y + ui.s(22)), 11.5, pal.dim)
            x = drawn.right + ui.s(14)

    def _spans(self, surface: pygame.Surface, aid: str, y: int, row_h: int,
               px: Callable[[float], int], tracks: list[str]) -> None:
        ui, lens = self.ui, self.lens
        spans = self.timeline.spans_of(aid)
        lanes: list[int] = []
        placed = []
        for span in spans:
            end = span.end if span.end is not None else lens.state.turn + 1
            lane = next((i for i, free in enumerate(lanes) if free <= span.start), len(lanes))
            if lane == len(lanes):
                lanes.append(end)
            else:
                lanes[lane] = end
            placed.append((span, end, lane))
        count = max(len(lanes), 1)
        lane_h = max((row_h - ui.s(6)) // count, ui.s(3))
        for span, end, lane in placed:
            pdef = lens.book.positions.get(span.position)
            track = pdef.track if pdef else ""
            colour = ui.pal.track(tracks.index(track) if track in tracks else 0)
            box = pygame.Rect(px(span.start), y + ui.s(3) + lane * lane_h,
                              max(px(end) - px(span.start), ui.s(3)), lane_h - 1)
            pygame.draw.rect(surface, colour, box, border_radius=ui.s(2))
            name = lens.names.position(span.position)
            if box.w > ui.s(50) and lane_h >= ui.s(14):
                label(surface, ui, name, (box.x + ui.s(4), box.y + (lane_h - ui.s(16)) // 2),
                      11, ui.pal.bg, bold=True, width=box.w - ui.s(6))
            self.targets.append(Target(f"span:{aid}:{span.position}:{span.start}", box,
                                       self._span_tip(aid, span.position, span.start, end)))

    def _span_tip(self, aid: str, position: str, start: int, end: int) -> Callable[[], Tip]:
        lens, t = self.lens, self.ui.t

        def tip() -> Tip:
            result = Tip(lens.names.position(position), lens.actor_name(aid))
            result.add(t("end.from"), lens.names.date(start))
            result.add(t("end.to"), lens.names.date(end))
            result.add(t("end.turns"), str(end - start))
            return result
        return tip

    def _charts(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        ui, lens = self.ui, self.lens
        me = lens.player.id
        resources = [r.id for r in lens.book.scenario.resources if not r.skill][:CHARTS]
        columns = 4
        rows = max((len(resources) + columns - 1) // columns, 1)
        gap = ui.s(10)
        cw = (rect.w - gap * (columns - 1)) // columns
        ch = (rect.h - gap * (rows - 1)) // rows
        for index, rid in enumerate(resources):
            box = pygame.Rect(rect.x + (index % columns) * (cw + gap),
                              rect.y + (index // columns) * (ch + gap), cw, ch)
            series = [(ui.pal.accent, self.timeline.series.get(me, {}).get(rid, []))]
            if rid == "influence":
                series = [(lens.colours[a], self.timeline.series.get(a, {}).get(rid, []))
                          for a in lens.state.order if a != me] + series
            value = ui.locale.number(lens.player.resources.get(rid, 0.0))
            line_chart(surface, ui, box, series, lens.names.resource(rid), value)
            self.targets.append(Target(f"chart:{rid}", box, self._chart_tip(rid)))

    def _chart_tip(self, rid: str) -> Callable[[], Tip]:
        lens, t, loc = self.lens, self.ui.t, self.ui.locale

        def tip() -> Tip:
            values = self.timeline.series.get(lens.player.id, {}).get(rid, [0.0])
            result = Tip(lens.names.resource(rid), t("end.chart_help"))
            result.add(t("end.chart_start", date=lens.names.date(self.timeline.turns[0])),
                       loc.number(values[0], 1))
            result.add(t("end.chart_now"), loc.number(values[-1], 1), bold=True)
            result.add(t("end.chart_low"), loc.number(min(values), 1))
            result.add(t("end.chart_high"), loc.number(max(values), 1))
            if rid == "influence":
                result.add(t("end.chart_rivals"), "", self.ui.pal.dim)
            return result
        return tip
