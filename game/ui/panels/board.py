"""The board: tracks as columns, tiers as rows, seats with their holders' tokens, and the
positions the player can reach now with the paths that lead to them."""

from __future__ import annotations

import math

import pygame

from game.core.positions import eligibility
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
from game.ui.panels.tips import position_tip
from game.ui.widgets import Target, Tip, label, token

NAME_SIZE = 12.5


def _rect(box: Box) -> pygame.Rect:
    return pygame.Rect(box.x, box.y, box.w, box.h)


class BoardView(Panel):
    """Draws the board; hovering a cell shows its tooltip and the path to it."""

    def __init__(self, lens: Lens, rect: pygame.Rect) -> None:
        super().__init__(lens, rect)
        self.spec = board_spec(lens.book)
        self.graph = prerequisites(lens.book)
        ui = lens.ui
        self.layout: BoardLayout = layout_board(
            self.spec, Box(0, 0, rect.w, rect.h), header=ui.s(26), gap=ui.s(6),
            min_cell_height=ui.s(44))
        self.reachable: set[str] = set()
        self.holders: dict[str, list[str]] = {}
        self.focus: set[str] = set()  # positions a hovered move leads to
        self.selected: str | None = None  # keyboard focus

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
            colour = pal.track(index)
            label(surface, ui, self.lens.names.track(track), (col.center[0], ui.s(5)), 13,
                  colour, bold=True, align="center", width=col.w - ui.s(4))
        for row in layout.rows.values():
            pygame.draw.line(surface, pal.bg, (0, row.bottom + ui.s(2)), (self.rect.w,
                                                                          row.bottom + ui.s(2)))
        colours = {t: pal.track(i) for i, t in enumerate(self.spec.tracks)}
        for pid, track, _tier in self.spec.positions:
            self._cell(surface, pid, layout.cells[pid], colours[track])
        self._paths(surface)

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
        lines = ui.text.wrap(lens.names.position(pid), NAME_SIZE, rect.w - 2 * pad, bold=mine)
        room = max((rect.h - ui.s(24)) // ui.text.line_height(NAME_SIZE), 1)
        y = rect.y + ui.s(5)
        for index, line in enumerate(lines[:room]):
            text = line if index < room - 1 or len(lines) <= room else ui.text.fit(
                line + "\u2026", NAME_SIZE, rect.w - 2 * pad)
            label(surface, ui, text, (rect.x + pad, y), NAME_SIZE,
                  pal.text if (mine or pid in self.reachable) else pal.dim, bold=mine)
            y += ui.text.line_height(NAME_SIZE)
        if pid in lens.book.victory_positions:
            self._star(surface, (rect.right - ui.s(9), rect.y + ui.s(11)), ui.s(6))
        self._seats(surface, pid, rect)
        self._chamber(surface, pid, rect)
        self.targets.append(Target(f"pos:{pid}", self.local(rect), self._tip(pid),
                                   group="board"))
        del pdef

    def _seats(self, surface: pygame.Surface, pid: str, rect: pygame.Rect) -> None:
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
        room = max((rect.right - text_rect.right - ui.s(8)) // step, 0)
        shown = holders[:room] if len(holders) <= room else holders[: max(room - 1, 0)]
        x = rect.right - ui.s(6) - radius
        for aid in reversed(shown):
            token(surface, ui, (x, base_y + ui.s(7)), radius, lens.colours[aid], lens.letters[aid],
                  player=aid == lens.player.id)
            x -= step
        if len(shown) < len(holders):
            label(surface, ui, f"+{len(holders) - len(shown)}", (x + radius, base_y), 11,
                  pal.dim, align="right")

    def _chamber(self, surface: pygame.Surface, pid: str, rect: pygame.Rect) -> None:
        """The elected body's seats by party: a thin stacked bar."""
        chamber = self.lens.state.party_seats.get(pid)
        total = sum(chamber.values()) if chamber else 0
        if not chamber or total <= 0:
            return
        ui = self.ui
        bar = pygame.Rect(rect.x + ui.s(5), rect.bottom - ui.s(22), rect.w - ui.s(10),
                          max(2, ui.s(3)))
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

    def _tip(self, pid: str):  # type: ignore[no-untyped-def]
        reachable = pid in self.reachable

        def tip() -> Tip:
            return position_tip(self.lens, pid, reachable)
        return tip
