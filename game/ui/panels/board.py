"""The board: tracks as columns, tiers as rows, seats with their holders' tokens, and the
positions the player can reach now with the paths that lead to them."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.core.positions import eligibility
from game.ui import fitting
from game.ui.board_layout import (
    BoardLayout,
    Box,
    board_spec,
    edge_points,
    layout_board,
    path_edges,
    prerequisites,
)
from game.ui.panels.base import Panel
from game.ui.panels.lens import Lens
from game.ui.panels.tips import position_tip, track_tip
from game.ui.widgets import Target, Tip, label, token

NAME_SIZE, HEAD_SIZE, MIN_HEAD_SIZE = 12.5, 13.0, 11.0
NAME_LEADING = 0.85  # of the font's line height


def _rect(box: Box) -> pygame.Rect:
    return pygame.Rect(box.x, box.y, box.w, box.h)


class BoardView(Panel):
    """Draws the board; hovering a cell shows its tooltip and the path to it."""

    def __init__(self, lens: Lens, rect: pygame.Rect) -> None:
        super().__init__(lens, rect)
        self.spec = board_spec(lens.book)
        self.graph = prerequisites(lens.book)
        self.layout: BoardLayout = self._layout(1)
        self.headings = {t: self._heading(t) for t in self.spec.tracks}
        lines = max((len(h) for _, h in self.headings.values()), default=1)
        if lines > 1:  # a long column name takes two lines: make the header row taller
            self.layout = self._layout(lines)
            self.headings = {t: self._heading(t) for t in self.spec.tracks}
        self.shown: dict[str, list[str]] = {}  # what each cell shows of its name
        self.reachable: set[str] = set()
        self.holders: dict[str, list[str]] = {}
        self.focus: set[str] = set()  # positions a hovered move leads to
        self.selected: str | None = None  # keyboard focus

    def _layout(self, heading_lines: int) -> BoardLayout:
        ui = self.ui
        header = max(ui.s(26), ui.s(8) + heading_lines * ui.text.line_height(HEAD_SIZE, True))
        return layout_board(self.spec, Box(0, 0, self.rect.w, self.rect.h), header=header,
                            gap=ui.s(6), min_cell_height=ui.s(52))

    def _name_step(self) -> int:
        """Line spacing of names in cells: tighter than running text, so two lines fit."""
        return max(round(self.ui.text.line_height(NAME_SIZE) * NAME_LEADING), 1)

    def _heading(self, track: str) -> tuple[float, list[str]]:
        """A column's name fitted to its width in at most two lines; a word too wide for the
        column first makes the font a little smaller (down to ``MIN_HEAD_SIZE``)."""
        width = self.layout.columns[track].w - self.ui.s(4)
        name = self.lens.names.track(track)
        size = HEAD_SIZE
        while True:
            lines = self.ui.text.fit_lines(name, size, width, 2, bold=True)
            if size <= MIN_HEAD_SIZE or not fitting.is_abbreviated(lines, name):
                return size, lines
            size -= 0.5

    def refresh(self) -> None:
        """Re-read seats and what the player can reach."""
        state, player = self.lens.state, self.lens.player
        self.holders = {}
        for key, ids in state.seats.items():
            self.holders.setdefault(key.split("@")[0], []).extend(ids)
        for holders in self.holders.values():
            order: list[str] = list(state.order)
            holders.sort(key=lambda a: (a != player.id, order.index(a) if a in order else 99))
        self.reachable = {
            pid for pid in self.lens.book.positions
            if pid not in player.positions and eligibility(state, player, pid) is None
        }
        self.invalidate()

    def set_focus(self, positions: set[str]) -> None:
        """Highlight positions a hovered move or contest leads to."""
        if positions != self.focus:
            self.focus = positions
            self.invalidate()

    def set_hover(self, key: str | None) -> None:
        if key != self.hover and ((key or "").startswith("pos:") or
                                  (self.hover or "").startswith("pos:")):
            self.dirty = True
        self.hover = key

    def hovered_position(self) -> str | None:
        """The position under the mouse or keyboard focus."""
        if self.hover and self.hover.startswith("pos:"):
            return self.hover[4:]
        return self.selected

    # ------------------------------------------------------------------ drawing
    def render(self, surface: pygame.Surface) -> None:
        ui, pal = self.ui, self.ui.pal
        surface.fill(pal.panel)
        layout = self.layout
        for index, track in enumerate(self.spec.tracks):
            col = layout.columns[track]
            size, lines = self.headings[track]
            y = ui.s(5) + ui.s(HEAD_SIZE - size)
            for line in lines:
                label(surface, ui, line, (col.center[0], y), size, pal.track(index),
                      bold=True, align="center")
                y += ui.text.line_height(size, True)
        for row in layout.rows.values():
            pygame.draw.line(surface, pal.bg, (0, row.bottom + ui.s(2)), (self.rect.w,
                                                                          row.bottom + ui.s(2)))
        colours = {t: pal.track(i) for i, t in enumerate(self.spec.tracks)}
        for pid, track, _tier in self.spec.positions:
            self._cell(surface, pid, layout.cells[pid], colours[track])
        self._paths(surface)
        for track in self.spec.tracks:  # after the cells: the keyboard focus starts on a cell
            col = layout.columns[track]
            head = pygame.Rect(col.x, layout.header.y, col.w, layout.header.h)
            self.targets.append(Target(f"track:{track}", self.local(head),
                                       self._track_tip(track), group="board"))

    def _paths(self, surface: pygame.Surface) -> None:
        """The prerequisite chains to the hovered position (or a hovered move's goal),
        stopping at positions the player holds or held: arrows over the cells."""
        focus = self.hovered_position()
        goals = ({focus} if focus else set()) | self.focus
        if not goals:
            return
        held = set(self.lens.player.first_held) | set(self.lens.player.positions)
        edges: set[tuple[str, str]] = set()
        for goal in goals:
            edges |= path_edges(self.graph, goal, held)
        width = max(2, self.ui.s(2.5))
        for edge in sorted(edges):
            self._arrow(surface, edge, self.ui.pal.bg, width + max(2, self.ui.s(2)))
        for edge in sorted(edges):
            colour = self.ui.pal.accent if edge[0] in held else self.ui.pal.reach
            self._arrow(surface, edge, colour, width)

    def _arrow(self, surface: pygame.Surface, edge: tuple[str, str],
               colour: tuple[int, int, int], width: int) -> None:
        points = edge_points(self.layout, edge)
        if points is None:
            return
        (x1, y1), (x2, y2) = points
        pygame.draw.line(surface, colour, (x1, y1), (x2, y2), width)
        angle = math.atan2(y2 - y1, x2 - x1)
        size = self.ui.s(7)
        left = (x2 - size * math.cos(angle - 0.45), y2 - size * math.sin(angle - 0.45))
        right = (x2 - size * math.cos(angle + 0.45), y2 - size * math.sin(angle + 0.45))
        pygame.draw.polygon(surface, colour, [(x2, y2), left, right])

    def _cell(self, surface: pygame.Surface, pid: str, box: Box,
              colour: tuple[int, int, int]) -> None:
        ui, pal, lens = self.ui, self.ui.pal, self.lens
        rect = _rect(box)
        pdef = lens.book.positions[pid]
        mine = pid in lens.player.positions
        hot = self.hovered_position() == pid or pid in self.focus
        fill = pal.panel_hi if not hot else tuple(min(c + 18, 255) for c in pal.panel_hi)
        pygame.draw.rect(surface, fill, rect, border_radius=ui.s(5))
        stripe = pygame.Rect(rect.x, rect.y, rect.w, max(2, ui.s(3)))
        pygame.draw.rect(surface, colour, stripe, border_top_left_radius=ui.s(5),
                         border_top_right_radius=ui.s(5))
        if mine:
            border, width = pal.accent, max(2, ui.s(2.5))
        elif pid in self.reachable:
            border, width = pal.reach, max(2, ui.s(2))
        else:
            border, width = (pal.text if hot else pal.line), 1
        pygame.draw.rect(surface, border, rect, width, border_radius=ui.s(5))
        pad = ui.s(5)
        step, top = self._name_step(), rect.y + ui.s(4)
        # the last line's letters end above the seats row's (the bottom s(15) of the cell)
        room = max((rect.bottom - ui.s(15) - top - ui.text.line_height(NAME_SIZE)) // step + 1,
                   1)
        lines = ui.text.fit_lines(lens.names.position(pid), NAME_SIZE, rect.w - 2 * pad, room,
                                  bold=mine)
        self.shown[pid] = lines
        y = top
        for line in lines:
            label(surface, ui, line, (rect.x + pad, y), NAME_SIZE,
                  pal.text if (mine or pid in self.reachable) else pal.dim, bold=mine)
            y += step
        if pid in lens.book.victory_positions:
            self._star(surface, (rect.right - ui.s(9), rect.y + ui.s(11)), ui.s(6))
        self._chamber(surface, pid, rect)
        self._seats(surface, pid, rect)
        self.targets.append(Target(f"pos:{pid}", self.local(rect), self._tip(pid),
                                   group="board"))
        del pdef

    def _seats(self, surface: pygame.Surface, pid: str, rect: pygame.Rect) -> None:
        """The seat count at the bottom left, the holders' tokens at the bottom right (as
        many as fit, then "+N")."""
        ui, pal, lens = self.ui, self.ui.pal, self.lens
        pdef = lens.book.positions[pid]
        holders = self.holders.get(pid, [])
        seats = ui.t("board.per_party", n=pdef.seats) if pdef.per_party else f"{len(holders)}/" \
            f"{pdef.seats}"
        base_y = rect.bottom - ui.s(17)
        text_rect = label(surface, ui, seats, (rect.x + ui.s(5), base_y), 11, pal.faint,
                          width=rect.w // 2)
        radius = ui.s(7)
        step = max(int(radius * 1.5), 1)  # tokens overlap a little to fit more
        room = rect.right - ui.s(6) - text_rect.right - ui.s(4)
        shown = token_count(len(holders), room, radius, step,
                            lambda n: ui.text.width(f"+{n}", 11) + ui.s(3))
        x = rect.right - ui.s(6) - radius
        for aid in reversed(holders[:shown]):
            token(surface, ui, (x, base_y + ui.s(7)), radius, lens.colours[aid], lens.letters[aid],
                  player=aid == lens.player.id)
            x -= step
        if shown < len(holders):
            left = x + step - radius if shown else rect.right - ui.s(6)
            label(surface, ui, f"+{len(holders) - shown}", (left - ui.s(3), base_y), 11,
                  pal.dim, align="right")

    def _chamber(self, surface: pygame.Surface, pid: str, rect: pygame.Rect) -> None:
        """The elected body's seats by party: a thin stacked bar along the cell's bottom."""
        chamber = self.lens.state.party_seats.get(pid)
        total = sum(chamber.values()) if chamber else 0
        if not chamber or total <= 0:
            return
        ui = self.ui
        bar = pygame.Rect(rect.x + ui.s(5), rect.bottom - max(2, ui.s(3)) - ui.s(1),
                          rect.w - ui.s(10), max(2, ui.s(2)))
        x = bar.x
        for party, seats in chamber.items():
            width = round(bar.w * seats / total)
            if width:
                pygame.draw.rect(surface, self.lens.party_colour(party),
                                 pygame.Rect(x, bar.y, width, bar.h))
            x += width

    def _star(self, surface: pygame.Surface, centre: tuple[int, int], radius: int) -> None:
        points = []
        for index in range(10):
            r = radius if index % 2 == 0 else radius * 0.45
            angle = -math.pi / 2 + index * math.pi / 5
            points.append((centre[0] + r * math.cos(angle), centre[1] + r * math.sin(angle)))
        pygame.draw.polygon(surface, self.ui.pal.accent, points)

    def _track_tip(self, track: str) -> Callable[[], Tip]:
        def tip() -> Tip:
            return track_tip(self.lens, track, self.spec)
        return tip

    def _tip(self, pid: str):  # type: ignore[no-untyped-def]
        reachable = pid in self.reachable

        def tip() -> Tip:
            return position_tip(self.lens, pid, reachable)
        return tip


def token_count(holders: int, room: int, radius: int, step: int,
                more: Callable[[int], int]) -> int:
    """How many of ``holders`` tokens fit in ``room`` pixels, leaving space for a "+N" label
    (``more(N)`` wide) when not all of them do."""
    def width(n: int) -> int:
        return 0 if n == 0 else (n - 1) * step + 2 * radius

    if width(holders) <= room:
        return holders
    shown = holders - 1
    while shown > 0 and width(shown) + more(holders - shown) > room:
        shown -= 1
    return shown
