"""The moves panel: every move grouped by channel, with cost, success chance and factors;
unavailable moves say why.  Channels with nothing available start folded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.core import MakeMove, MovePreview
from game.core.ids import ActorId, MoveId
from game.core.scenario import MoveDef
from game.ui.panels.base import Panel
from game.ui.panels.lens import Lens
from game.ui.panels.tips import move_tip
from game.ui.widgets import Target, Tip, label

ROW, HEAD, TITLE = 26, 26, 28
NAME_SIZE, SMALL = 13.5, 12


@dataclass(slots=True)
class Row:
    """A channel header (``move`` None) or one move with its target."""

    key: str
    channel: str
    move: MoveDef | None = None
    command: MakeMove | None = None
    preview: MovePreview | None = None
    refusal: str | None = None
    available: int = 0  # headers: moves available in the channel
    total: int = 0


class MoveList(Panel):
    """Scrolls with the wheel; Up/Down select, Enter makes the move or folds a channel."""

    def __init__(self, lens: Lens, rect: pygame.Rect) -> None:
        super().__init__(lens, rect)
        self.rows: list[Row] = []
        self.folded: dict[str, bool] = {}
        self.scroll = 0
        self.selected = -1
        self.keyboard = False

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        """Rebuild the rows from the legal moves (keeps selection and folding)."""
        lens = self.lens
        session, book = lens.session, lens.book
        keep = self.rows[self.selected].key if 0 <= self.selected < len(self.rows) else None
        legal = [c for c in session.legal() if isinstance(c, MakeMove)]
        by_move: dict[str, list[MakeMove]] = {}
        for command in legal:
            by_move.setdefault(command.move, []).append(command)
        channels = [c.id for c in book.scenario.channels]
        channels += sorted({m.channel for m in book.scenario.moves} - set(channels))
        rows: list[Row] = []
        for cid in channels:
            moves = [m for m in book.scenario.moves if m.channel == cid]
            if not moves:
                continue
            body: list[Row] = []
            for mdef in moves:
                body.extend(self._rows_for(mdef, by_move.get(mdef.id, [])))
            available = sum(1 for r in body if r.refusal is None)
            rows.append(Row(f"chan:{cid}", cid, available=available, total=len(body)))
            if not self.folded.get(cid, available == 0):
                rows.extend(body)
            self.folded.setdefault(cid, available == 0)
        self.rows = rows
        keys = [r.key for r in rows]
        self.selected = keys.index(keep) if keep in keys else min(self.selected, len(rows) - 1)
        self._clamp()
        self.invalidate()

    def _rows_for(self, mdef: MoveDef, commands: list[MakeMove]) -> list[Row]:
        lens = self.lens
        if commands:
            return [Row(f"move:{c.move}:{c.target or ''}", mdef.channel, mdef, c,
                        lens.session.career.preview(c)) for c in commands]
        state, player = lens.state, lens.player
        target: str | None = None
        if mdef.target == "party":
            target = next((p for p in state.popularity if p != player.party), None)
        elif mdef.target == "held_position":
            target = next(iter(player.positions), None)
        command = MakeMove(ActorId(player.id), MoveId(mdef.id), target)
        refusal = lens.explain.refusal(state, command) or lens.ui.t("reject.not_now")
        shown = MakeMove(ActorId(player.id), MoveId(mdef.id), None)
        preview = lens.session.career.preview(command)  # the chance it would have
        return [Row(f"move:{mdef.id}:", mdef.channel, mdef, shown, preview, refusal)]

    # ------------------------------------------------------------------ geometry
    def _height(self, row: Row) -> int:
        return self.ui.s(HEAD if row.move is None else ROW)

    def _content_height(self) -> int:
        return sum(self._height(r) for r in self.rows)

    def _top(self) -> int:
        """Height of the panel's title strip; rows scroll below it."""
        return self.ui.s(TITLE)

    def _view(self) -> int:
        """Height the rows scroll in."""
        return self.rect.h - self._top() - self.ui.s(4)

    def _clamp(self) -> None:
        top = max(self._content_height() - self._view(), 0)
        self.scroll = min(max(self.scroll, 0), top)

    def _row_top(self, index: int) -> int:
        return sum(self._height(r) for r in self.rows[:index])

    def reveal(self, index: int) -> None:
        """Scroll so row ``index`` is visible."""
        top = self._row_top(index)
        bottom = top + self._height(self.rows[index])
        if top < self.scroll:
            self.scroll = top
        elif bottom > self.scroll + self._view():
            self.scroll = bottom - self._view()
        self._clamp()

    # ------------------------------------------------------------------ drawing
    def render(self, surface: pygame.Surface) -> None:
        ui, pal = self.ui, self.ui.pal
        surface.fill(pal.panel)
        top = self._top()
        surface.set_clip(pygame.Rect(0, top, self.rect.w, self.rect.h - top))
        y = top - self.scroll
        for index, row in enumerate(self.rows):
            height = self._height(row)
            if y + height > top and y < self.rect.h:
                rect = pygame.Rect(ui.s(4), y, self.rect.w - ui.s(12), height - ui.s(2))
                self._row(surface, index, row, rect)
            y += height
        surface.set_clip(None)
        self._scrollbar(surface)
        label(surface, ui, ui.t("moves.title"), (ui.s(10), ui.s(7)), 13, pal.dim, bold=True)
        agenda = self.lens.player.agenda
        label(surface, ui, ui.t("moves.agenda", n=agenda), (self.rect.w - ui.s(12), ui.s(7)),
              12.5, pal.accent if agenda else pal.faint, align="right")
        pygame.draw.line(surface, pal.line, (ui.s(6), top - 1), (self.rect.w - ui.s(6), top - 1))

    def _row(self, surface: pygame.Surface, index: int, row: Row, rect: pygame.Rect) -> None:
        ui, pal = self.ui, self.ui.pal
        hot = self.hover == row.key or (self.keyboard and index == self.selected)
        if hot:
            pygame.draw.rect(surface, pal.panel_hi, rect, border_radius=ui.s(4))
            if self.keyboard and index == self.selected:
                pygame.draw.rect(surface, pal.accent, rect, 1, border_radius=ui.s(4))
        mid = rect.y + rect.h // 2
        if row.move is None:
            self._header(surface, row, rect, mid)
        else:
            self._move(surface, row, rect, mid)
        top = self._top()
        visible = rect.clip(pygame.Rect(0, top, self.rect.w, self.rect.h - top))
        if visible.h > 0:
            self.targets.append(Target(row.key, self.local(visible), self._tip(row),
                                       group="moves"))

    def _header(self, surface: pygame.Surface, row: Row, rect: pygame.Rect, mid: int) -> None:
        ui, pal = self.ui, self.ui.pal
        folded = self.folded.get(row.channel, False)
        x, size = rect.x + ui.s(8), ui.s(5)
        points = ([(x, mid - size), (x + size, mid), (x, mid + size)] if folded else
                  [(x - size // 2, mid - size // 2), (x + size + size // 2, mid - size // 2),
                   (x + size // 2, mid + size)])
        pygame.draw.polygon(surface, pal.dim, points)
        count = ui.t("moves.available", n=row.available, total=row.total)
        right = label(surface, ui, count, (rect.right - ui.s(6), mid - ui.s(8)), SMALL,
                      pal.good if row.available else pal.faint, align="right")
        label(surface, ui, self.lens.names.channel(row.channel).upper(),
              (rect.x + ui.s(22), mid - ui.s(9)), 12.5, pal.accent if row.available else pal.dim,
              bold=True, width=right.x - rect.x - ui.s(30))

    def _move(self, surface: pygame.Surface, row: Row, rect: pygame.Rect, mid: int) -> None:
        ui, pal, loc = self.ui, self.ui.pal, self.ui.locale
        assert row.move is not None and row.command is not None
        mdef = row.move
        names = self.lens.names
        name = short = names.move(mdef.id)
        if row.command.target:
            name += f": {names.target(row.command.target)}"
            abbreviation = names.abbreviation(row.command.target)
            short = f"{short}: {abbreviation}" if abbreviation else ""
        x = rect.x + ui.s(22)
        if row.refusal is not None:
            # the name takes what it needs, up to 60% of the row; the reason gets the rest
            wanted = ui.text.width(name, NAME_SIZE) + ui.s(12)
            split = x + min(max(wanted, (rect.right - x) * 40 // 100), (rect.right - x) * 60 // 100)
            label(surface, ui, name, (x, mid - ui.s(10)), NAME_SIZE, pal.faint,
                  width=split - x - ui.s(12), short=short)
            label(surface, ui, row.refusal, (rect.right - ui.s(6), mid - ui.s(8)), SMALL,
                  pal.bad, align="right", width=rect.right - split - ui.s(6))
            return
        chance_w, cost_w = ui.s(48), ui.s(92)
        right = rect.right - ui.s(6)
        if row.preview is not None and row.preview.chance is not None:
            chance = row.preview.chance
            label(surface, ui, loc.percent(chance), (right, mid - ui.s(10)), 14,
                  pal.good if chance >= 0.5 else pal.bad, bold=True, align="right")
        cost_x = right - chance_w - cost_w
        radius = ui.s(4)
        for index in range(mdef.agenda):
            pygame.draw.circle(surface, pal.accent, (cost_x + radius + index * ui.s(11), mid),
                               radius)
        if mdef.funds:
            label(surface, ui, f"\u2212{loc.number(mdef.funds)}",
                  (cost_x + ui.s(11) * max(mdef.agenda, 1) + ui.s(4), mid - ui.s(8)), SMALL,
                  pal.dim, width=cost_w - ui.s(11) * max(mdef.agenda, 1))
        label(surface, ui, name, (x, mid - ui.s(10)), NAME_SIZE, pal.text,
              width=cost_x - x - ui.s(8), short=short)

    def _scrollbar(self, surface: pygame.Surface) -> None:
        total, view = self._content_height(), self._view()
        if total <= view:
            return
        ui = self.ui
        track_h = view
        bar_h = max(track_h * view // total, ui.s(20))
        top = self._top() + (track_h - bar_h) * self.scroll // max(total - view, 1)
        pygame.draw.rect(surface, ui.pal.line, pygame.Rect(self.rect.w - ui.s(6), top, ui.s(4),
                                                           bar_h), border_radius=ui.s(2))

    def _tip(self, row: Row) -> Callable[[], Tip]:
        def tip() -> Tip:
            if row.move is None:
                return self._channel_tip(row)
            assert row.command is not None
            return move_tip(self.lens, row.move, row.command, row.preview, row.refusal)
        return tip

    def _channel_tip(self, row: Row) -> Tip:
        lens, t = self.lens, self.ui.t
        channel = lens.book.channels.get(row.channel)
        tip = Tip(lens.names.channel(row.channel),
                  lens.ui.locale.text(channel.description) if channel else "")
        state, player = lens.state, lens.player
        for mdef in lens.book.scenario.moves:
            if mdef.channel == row.channel:
                command = MakeMove(ActorId(player.id), MoveId(mdef.id), None)
                legal = any(isinstance(c, MakeMove) and c.move == mdef.id
                            for c in lens.session.legal())
                why = None if legal else lens.explain.refusal(state, command)
                tip.add(lens.names.move(mdef.id), why or t("moves.ready"),
                        lens.ui.pal.bad if why else lens.ui.pal.good)
        tip.add(t("moves.fold_hint"), "", lens.ui.pal.dim)
        return tip

    # ------------------------------------------------------------------ input
    def handle(self, event: pygame.event.Event) -> object:
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(self.ui.mouse):
            self.scroll -= event.y * self.ui.s(ROW) * 2
            self._clamp()
            self.invalidate()
            return True
        return None

    def scroll_by(self, amount: int) -> None:
        """Scroll by ``amount`` pixels (tests, keyboard)."""
        self.scroll += amount
        self._clamp()
        self.invalidate()

    def select(self, step: int) -> None:
        """Move the keyboard selection by ``step`` rows."""
        if not self.rows:
            return
        self.keyboard = True
        self.selected = min(max(self.selected + step, 0), len(self.rows) - 1) if (
            self.selected >= 0) else 0
        self.reveal(self.selected)
        self.invalidate()

    def activate(self, key: str) -> MakeMove | None:
        """Click or Enter on a row: the move to make, or fold/unfold a channel."""
        row = next((r for r in self.rows if r.key == key), None)
        if row is None:
            return None
        if row.move is None:
            self.folded[row.channel] = not self.folded.get(row.channel, False)
            self.refresh()
            return None
        return row.command if row.refusal is None else None

    def selected_key(self) -> str | None:
        """The key of the keyboard-selected row."""
        return self.rows[self.selected].key if 0 <= self.selected < len(self.rows) else None

    def locate(self, command: MakeMove) -> pygame.Rect | None:
        """Where the row of ``command`` is on screen (scrolling it into view first)."""
        key = f"move:{command.move}:{command.target or ''}"
        for index, row in enumerate(self.rows):
            if row.key == key:
                self.reveal(index)
                top = self._top() + self._row_top(index) - self.scroll
                self.invalidate()
                return self.local(pygame.Rect(self.ui.s(4), top, self.rect.w - self.ui.s(12),
                                              self._height(row) - self.ui.s(2)))
        return None
