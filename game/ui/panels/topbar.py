"""The top bar: date, age, agenda, and every resource with this turn's change and why."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.panels.base import Panel
from game.ui.panels.lens import Lens
from game.ui.panels.tips import resource_tip
from game.ui.widgets import Target, Tip, label

NAME_SIZE, VALUE_SIZE, SMALL = 12, 16, 12
MIN_NAME_SIZE = 9  # smallest legible size for a resource name before an ellipsis


class TopBar(Panel):
    """Left: when and who.  Middle: agenda.  Then one cell per resource (skills grouped)."""

    def __init__(self, lens: Lens, rect: pygame.Rect, right_margin: int) -> None:
        super().__init__(lens, rect)
        self.right_margin = right_margin
        self.changes: dict[str, list[tuple[str, float]]] = {}

    def refresh(self) -> None:
        """Re-read this turn's changes."""
        self.changes = self.lens.session.changes()
        self.invalidate()

    def render(self, surface: pygame.Surface) -> None:
        ui, pal, lens = self.ui, self.ui.pal, self.lens
        t = ui.t
        surface.fill(pal.panel)
        pygame.draw.line(surface, pal.line, (0, self.rect.h - 1), (self.rect.w, self.rect.h - 1))
        state, player, spec = lens.state, lens.player, lens.book.scenario
        pad = ui.s(12)
        left_w = ui.s(236)
        when = f"{lens.names.date(state.turn)} \u00b7 " + t(
            "top.turn", turn=state.turn, turns=spec.max_turns)
        label(surface, ui, when, (pad, ui.s(8)), 16, pal.text, bold=True, width=left_w - pad)
        age = lens.names.age(state)
        who = t("top.who", name=player.name, age=age, party=lens.names.party(player.party))
        abbreviation = lens.names.abbreviation(player.party)
        short = t("top.who", name=player.name, age=age, party=abbreviation) if abbreviation \
            else ""
        label(surface, ui, who, (pad, ui.s(32)), 13, pal.dim, width=left_w - pad, short=short)
        self.targets.append(Target("top:when", self.local(pygame.Rect(0, 0, left_w,
                                                                        self.rect.h)),
                                   self._when_tip, group="top"))
        x = left_w + ui.s(4)
        x = self._agenda(surface, x)
        self._resources(surface, x)

    def _agenda(self, surface: pygame.Surface, x: int) -> int:
        ui, pal, lens = self.ui, self.ui.pal, self.lens
        width = ui.s(112)
        label(surface, ui, ui.t("top.agenda"), (x, ui.s(8)), NAME_SIZE, pal.dim, width=width)
        total = max(lens.book.scenario.agenda_per_turn, lens.player.agenda)
        radius = ui.s(6)
        for index in range(total):
            centre = (x + radius + index * (radius * 2 + ui.s(5)), ui.s(38))
            if index < lens.player.agenda:
                pygame.draw.circle(surface, pal.accent, centre, radius)
            else:
                pygame.draw.circle(surface, pal.line, centre, radius, max(1, ui.s(2)))
        self.targets.append(Target("top:agenda", self.local(pygame.Rect(x, 0, width,
                                                                          self.rect.h)),
                                   self._agenda_tip, group="top"))
        return x + width

    def _resources(self, surface: pygame.Surface, x: int) -> None:
        ui, pal, lens = self.ui, self.ui.pal, self.lens
        book = lens.book
        shown = [r.id for r in book.scenario.resources if not r.skill]
        skills = [r.id for r in book.scenario.resources if r.skill]
        statuses = [s for s in lens.player.statuses if not book.statuses[s].hidden]
        names = [lens.names.resource(rid) for rid in shown]
        if skills:
            names.append(ui.t("top.skills"))
        wanted = [ui.text.width(n, NAME_SIZE) for n in names]
        status_names = [lens.names.status(s) for s in statuses]
        if statuses:  # the cell shows the statuses themselves: as wide as the first one
            wanted.append(max(ui.text.width(ui.t("top.status"), NAME_SIZE),
                              ui.text.width(status_names[0], 14, True)))
        widths = self._widths(wanted, self.rect.w - x - self.right_margin)
        for rid, width in zip(shown, widths, strict=False):
            value = lens.player.resources.get(rid, 0.0)
            delta = sum(d for _, d in self.changes.get(rid, ()))
            self._cell(surface, x, width, lens.names.resource(rid), ui.locale.number(value),
                       delta, f"res:{rid}")
            x += width
        if skills:
            width = widths[len(shown)]
            total = sum(lens.player.resources.get(r, 0.0) for r in skills)
            delta = sum(d for r in skills for _, d in self.changes.get(r, ()))
            self._cell(surface, x, width, ui.t("top.skills"), ui.locale.number(total), delta,
                       "res:skills")
            x += width
        if statuses:
            width = widths[-1]
            rect = pygame.Rect(x, 0, width, self.rect.h)
            label(surface, ui, ui.t("top.status"), (x + ui.s(6), ui.s(8)), NAME_SIZE, pal.dim,
                  width=width - ui.s(8))
            more = f"{status_names[0]} +{len(status_names) - 1}" if len(status_names) > 1 else ""
            label(surface, ui, ", ".join(status_names), (x + ui.s(6), ui.s(28)), 14, pal.bad,
                  bold=True, width=width - ui.s(8), short=more)
            self.targets.append(Target("res:statuses", self.local(rect), self._status_tip,
                                       group="top"))

    def _widths(self, texts: list[int], avail: int) -> list[int]:
        """Cell widths: what each cell's text needs (``texts``, in pixels) where the bar
        allows, the rest shared out."""
        ui = self.ui
        floor = ui.s(60)
        wanted = [max(w + ui.s(14), floor) for w in texts]
        total = sum(wanted)
        if total <= avail:
            extra = (avail - total) // max(len(texts), 1)
            return [w + extra for w in wanted]
        # not enough room: shrink the widest cells first, never below the floor
        widths = list(wanted)
        while sum(widths) > avail and max(widths) > floor:
            widest = widths.index(max(widths))
            widths[widest] -= 1
        return widths

    def _cell(self, surface: pygame.Surface, x: int, width: int, name: str, value: str,
              delta: float, key: str) -> None:
        ui, pal = self.ui, self.ui.pal
        rect = pygame.Rect(x, ui.s(4), width - ui.s(4), self.rect.h - ui.s(8))
        if self.hover == key:
            pygame.draw.rect(surface, pal.panel_hi, rect, border_radius=ui.s(5))
        pygame.draw.line(surface, pal.line, (x, ui.s(10)), (x, self.rect.h - ui.s(10)))
        inner = width - ui.s(12)
        # long names (Bahasa Indonesia ones especially) shrink before they are shortened
        size = NAME_SIZE
        while size > MIN_NAME_SIZE and ui.text.width(name, size) > inner:
            size -= 1
        label(surface, ui, name, (x + ui.s(8), ui.s(8) + ui.s(NAME_SIZE - size)), size,
              pal.dim, width=inner)
        drawn = label(surface, ui, value, (x + ui.s(8), ui.s(26)), VALUE_SIZE, pal.text,
                      bold=True, width=inner)
        digits = 0 if abs(delta) >= 1 or delta == 0 else 1
        if round(delta, digits) != 0:
            colour = pal.good if delta > 0 else pal.bad
            change = ui.locale.signed(delta, digits)
            room = x + width - drawn.right - ui.s(10)
            size = SMALL  # a change too wide for its cell gets smaller, never cut
            while size > MIN_NAME_SIZE and ui.text.width(change, size) > room:
                size -= 1
            if ui.text.width(change, size) <= room:
                label(surface, ui, change, (drawn.right + ui.s(5), ui.s(29) + ui.s(SMALL - size)),
                      size, colour)
        rid = key[4:]
        tip = self._skills_tip if rid == "skills" else self._tip_for(rid)
        self.targets.append(Target(key, self.local(rect), tip, group="top"))

    # ------------------------------------------------------------------ tooltips
    def _tip_for(self, rid: str) -> Callable[[], Tip]:
        return lambda: resource_tip(self.lens, rid, self.changes.get(rid, []))

    def _skills_tip(self) -> Tip:
        lens, t, loc = self.lens, self.ui.t, self.ui.locale
        tip = Tip(t("top.skills"), t("res.skills"))
        for rdef in lens.book.scenario.resources:
            if rdef.skill:
                delta = sum(d for _, d in self.changes.get(rdef.id, ()))
                value = loc.number(lens.player.resources.get(rdef.id, 0.0), 1)
                if round(delta, 1):
                    value += f" ({loc.signed(delta, 1)})"
                tip.add(lens.names.resource(rdef.id), value)
        return tip

    def _status_tip(self) -> Tip:
        lens, t = self.lens, self.ui.t
        tip = Tip(t("top.status"))
        for sid, until in lens.player.statuses.items():
            sdef = lens.book.statuses[sid]
            if sdef.hidden:
                continue
            tip.add(lens.names.status(sid), t("top.until", turn=until) if until else "",
                    self.ui.pal.bad, bold=True)
            tip.add(lens.ui.locale.text(sdef.description), indent=1)
            for part in ("contest_penalty", "check_penalty"):
                value = getattr(sdef, part)
                if value:
                    shown = lens.ui.locale.number(value * (100 if part == "check_penalty" else 1))
                    tip.add(t(f"top.{part}", n=shown), indent=1)
        return tip

    def _when_tip(self) -> Tip:
        lens, t = self.lens, self.ui.t
        spec = lens.book.scenario
        tip = Tip(t("top.when_title"))
        tip.add(t("top.turn_length"), t("top.months", n=spec.months_per_turn))
        tip.add(t("top.turns_left"), str(max(spec.max_turns - lens.state.turn, 0)))
        tip.add(t("top.age"), str(lens.names.age(lens.state)))
        tip.add(t("top.party"), lens.names.party(lens.player.party))
        held = [lens.names.position(p) for p in lens.player.positions]
        tip.add(t("top.positions"), ", ".join(held) if held else "\u2014")
        tip.add(t("top.legacy"), lens.ui.locale.number(lens.session.career.score, 1))
        return tip

    def _agenda_tip(self) -> Tip:
        lens, t = self.lens, self.ui.t
        spec = lens.book.scenario
        tip = Tip(t("top.agenda_title", n=lens.player.agenda), t("top.agenda_help"))
        tip.add(t("top.agenda_base"), str(spec.agenda_per_turn))
        for pid in lens.player.positions:
            cost = lens.book.positions[pid].agenda_cost
            if cost:
                tip.add(lens.names.position(pid), f"\u2212{cost}", self.ui.pal.bad, indent=1)
        tip.add(t("top.agenda_left"), str(lens.player.agenda), bold=True)
        return tip
