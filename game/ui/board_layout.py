"""The board as pure geometry: columns = tracks, rows = tiers (highest on top).

No pygame here, so layouts are tested without a display.  Boxes are integer rectangles in
window pixels; ``layout_board`` never lets two cells overlap or leave the board area.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from game.core.rulebook import Rulebook
from game.core.rules import AllOf, AnyOf, Condition, HoldsPosition


@dataclass(frozen=True, slots=True)
class Box:
    """An integer rectangle."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        """One past the last column."""
        return self.x + self.w

    @property
    def bottom(self) -> int:
        """One past the last row."""
        return self.y + self.h

    @property
    def center(self) -> tuple[int, int]:
        """The middle point."""
        return self.x + self.w // 2, self.y + self.h // 2

    def contains(self, px: int, py: int) -> bool:
        """True when the point lies inside."""
        return self.x <= px < self.right and self.y <= py < self.bottom

    def overlaps(self, other: Box) -> bool:
        """True when the two boxes share any pixel."""
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)

    def inside(self, other: Box) -> bool:
        """True when this box lies entirely within ``other``."""
        return (self.x >= other.x and self.y >= other.y
                and self.right <= other.right and self.bottom <= other.bottom)

    def shrink(self, by: int) -> Box:
        """The box with ``by`` pixels taken off every side."""
        return Box(self.x + by, self.y + by, max(self.w - 2 * by, 0), max(self.h - 2 * by, 0))


@dataclass(frozen=True, slots=True)
class BoardSpec:
    """What the board shows: track ids in order and (position, track, tier) triples."""

    tracks: tuple[str, ...]
    positions: tuple[tuple[str, str, int], ...]

    @property
    def tiers(self) -> list[int]:
        """Distinct tiers, lowest first."""
        return sorted({tier for _, _, tier in self.positions})


def board_spec(book: Rulebook) -> BoardSpec:
    """The board of a scenario (tracks no position uses are left out)."""
    spec = book.scenario
    used = {p.track for p in spec.positions}
    tracks = [t.id for t in spec.tracks if t.id in used]
    tracks += sorted(used - set(tracks))
    return BoardSpec(tuple(tracks), tuple((p.id, p.track, p.tier) for p in spec.positions))


@dataclass(slots=True)
class BoardLayout:
    """Where everything on the board goes."""

    area: Box
    header: Box  # the row of track names
    columns: dict[str, Box] = field(default_factory=dict)
    rows: dict[int, Box] = field(default_factory=dict)
    cells: dict[str, Box] = field(default_factory=dict)

    def hit(self, px: int, py: int) -> str | None:
        """The position under a point, if any."""
        for pid, box in self.cells.items():
            if box.contains(px, py):
                return pid
        return None


def _split(box: Box, count: int, gap: int, min_height: int) -> list[Box]:
    """``count`` boxes filling ``box``: stacked if tall enough, else side by side."""
    if count <= 1:
        return [box]
    if (box.h - gap * (count - 1)) // count >= min_height:
        h = (box.h - gap * (count - 1)) // count
        return [Box(box.x, box.y + i * (h + gap), box.w, h) for i in range(count)]
    w = (box.w - gap * (count - 1)) // count
    return [Box(box.x + i * (w + gap), box.y, w, box.h) for i in range(count)]


def _row_heights(stacked: dict[int, int], tiers: list[int], room: int, inner: int,
                 min_height: int) -> dict[int, int]:
    """Heights of the tier rows: equal, except that a row where several positions share a
    cell grows until they stack at ``min_height`` each (side by side they would be too narrow
    for their names), taking the room from the other rows while those keep ``min_height``."""
    equal = max(room // len(tiers), 1)
    grown = {tier: count * min_height + (count - 1) * inner
             for tier, count in stacked.items() if count > 1}
    grown = {tier: h for tier, h in grown.items() if (equal - (stacked[tier] - 1) * inner)
             // stacked[tier] < min_height}
    others = len(tiers) - len(grown)
    left = room - sum(grown.values())
    if not grown or others == 0 or left // others < min_height:
        return {tier: equal for tier in tiers}
    return {tier: grown.get(tier, left // others) for tier in tiers}


def layout_board(spec: BoardSpec, area: Box, header: int = 24, gap: int = 6,
                 min_cell_height: int = 40) -> BoardLayout:
    """Columns for tracks, rows for tiers (tier 1 at the bottom), one cell per position."""
    head = Box(area.x, area.y, area.w, min(header, area.h))
    layout = BoardLayout(area, head)
    tracks, tiers = spec.tracks, spec.tiers
    if not tracks or not tiers:
        return layout
    col_w = max((area.w - gap * (len(tracks) + 1)) // len(tracks), 1)
    body_top = head.bottom + gap
    groups: dict[tuple[str, int], list[str]] = {}
    for pid, track, tier in spec.positions:
        groups.setdefault((track, tier), []).append(pid)
    stacked: dict[int, int] = {}
    for (_track, tier), pids in groups.items():
        stacked[tier] = max(stacked.get(tier, 1), len(pids))
    inner = max(gap // 2, 1)
    heights = _row_heights(stacked, tiers, area.bottom - body_top - gap * len(tiers), inner,
                           min_cell_height)
    for index, track in enumerate(tracks):
        x = area.x + gap + index * (col_w + gap)
        layout.columns[track] = Box(x, area.y, col_w, area.h)
    y = body_top
    for tier in reversed(tiers):
        layout.rows[tier] = Box(area.x, y, area.w, heights[tier])
        y += heights[tier] + gap
    for (track, tier), pids in groups.items():
        col, row = layout.columns[track], layout.rows[tier]
        cell = Box(col.x, row.y, col.w, row.h)
        for pid, box in zip(pids, _split(cell, len(pids), inner, min_cell_height), strict=True):
            layout.cells[pid] = box
    return layout


# ---------------------------------------------------------------------- paths


def _held_in(cond: Condition) -> Iterable[str]:
    """Positions a condition asks the actor to hold (now or before)."""
    if isinstance(cond, HoldsPosition):
        yield from cond.positions
    elif isinstance(cond, AllOf | AnyOf):
        for inner in cond.conditions:
            yield from _held_in(inner)


def prerequisites(book: Rulebook) -> dict[str, set[str]]:
    """For each position, the positions that lead to it (required, or promoted from)."""
    graph: dict[str, set[str]] = {pid: set() for pid in book.positions}
    for pdef in book.scenario.positions:
        for cond in pdef.requires:
            graph[pdef.id].update(p for p in _held_in(cond) if p in graph and p != pdef.id)
        graph[pdef.id].update(p for p in pdef.replaces if p in graph)
    for contest in book.scenario.contests:
        if contest.position in graph:
            for cond in contest.requires:
                graph[contest.position].update(
                    p for p in _held_in(cond) if p in graph and p != contest.position)
    return graph


def path_edges(graph: dict[str, set[str]], goal: str, known: set[str] | None = None,
               ) -> set[tuple[str, str]]:
    """Edges (from, to) of every prerequisite chain ending at ``goal``; a chain stops at a
    position in ``known`` (already held)."""
    edges: set[tuple[str, str]] = set()
    stack, seen = [goal], {goal}
    while stack:
        node = stack.pop()
        for before in graph.get(node, ()):
            edges.add((before, node))
            if before not in seen and not (known and before in known):
                seen.add(before)
                stack.append(before)
    return edges


def edge_points(layout: BoardLayout, edge: tuple[str, str]) -> tuple[tuple[int, int],
                                                                      tuple[int, int]] | None:
    """Start and end of an edge drawn between two cells (None if either is missing)."""
    a, b = layout.cells.get(edge[0]), layout.cells.get(edge[1])
    if a is None or b is None:
        return None
    if b.bottom <= a.y:  # the goal is above: top of the one below to bottom of the goal
        return (a.center[0], a.y), (b.center[0], b.bottom)
    if a.bottom <= b.y:
        return (a.center[0], a.bottom), (b.center[0], b.y)
    if b.x >= a.right:
        return (a.right, a.center[1]), (b.x, b.center[1])
    return (a.x, a.center[1]), (b.right, b.center[1])
