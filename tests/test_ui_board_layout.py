"""The board layout is pure geometry: tested without a display (and without pygame)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from ui_helpers import MINI

from game.content import load_scenario
from game.core import compile_rulebook
from game.ui.board_layout import (
    BoardSpec,
    Box,
    board_spec,
    edge_points,
    layout_board,
    path_edges,
    prerequisites,
)

SCENARIOS = [MINI, "nusantara"]
AREAS = [Box(8, 68, 768, 460), Box(0, 0, 1152, 690), Box(10, 10, 500, 300)]


def test_layout_module_does_not_need_pygame() -> None:
    code = "import sys, game.ui.board_layout; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("area", AREAS)
def test_cells_fill_the_board_without_overlap(scenario: str, area: Box) -> None:
    book = compile_rulebook(load_scenario(scenario))
    spec = board_spec(book)
    layout = layout_board(spec, area, header=26, gap=6, min_cell_height=40)
    assert set(layout.cells) == set(book.positions)
    boxes = list(layout.cells.items())
    for pid, box in boxes:
        assert box.inside(area), pid
        assert box.w > 0 and box.h > 0, pid
        assert box.y >= layout.header.bottom, pid
    for index, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[index + 1:]:
            assert not box_a.overlaps(box_b), (a, b)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_columns_follow_tracks_and_tiers_climb(scenario: str) -> None:
    book = compile_rulebook(load_scenario(scenario))
    spec = board_spec(book)
    layout = layout_board(spec, Box(0, 0, 1000, 600))
    xs = [layout.columns[t].x for t in spec.tracks]
    assert xs == sorted(xs)
    for pdef in book.scenario.positions:
        cell = layout.cells[pdef.id]
        column = layout.columns[pdef.track]
        assert column.x <= cell.x and cell.right <= column.right
        for other in book.scenario.positions:
            if other.track == pdef.track and other.tier > pdef.tier:
                assert layout.cells[other.id].bottom <= cell.y  # higher tier drawn above


def test_positions_sharing_a_cell_are_split() -> None:
    spec = BoardSpec(("a", "b"), (("p1", "a", 1), ("p2", "a", 1), ("p3", "b", 2)))
    layout = layout_board(spec, Box(0, 0, 400, 400), header=20, gap=4, min_cell_height=30)
    p1, p2 = layout.cells["p1"], layout.cells["p2"]
    assert not p1.overlaps(p2)
    assert p1.x == p2.x  # stacked: tall enough
    squeezed = layout_board(spec, Box(0, 0, 400, 120), header=20, gap=4, min_cell_height=30)
    assert squeezed.cells["p1"].y == squeezed.cells["p2"].y  # side by side when short
    assert layout.hit(*p1.center) == "p1"
    assert layout.hit(-5, -5) is None


def test_empty_board() -> None:
    layout = layout_board(BoardSpec((), ()), Box(0, 0, 100, 100))
    assert layout.cells == {}


def test_paths_lead_from_prerequisites() -> None:
    book = compile_rulebook(load_scenario(MINI))
    graph = prerequisites(book)
    assert "member" in graph["chair"]  # chair requires holding member
    assert "clerk" in graph["director"]  # director replaces clerk (a promotion)
    assert "mayor" in graph["president"]  # president requires having held mayor
    edges = path_edges(graph, "president")
    assert ("mayor", "president") in edges
    assert path_edges(graph, "president", known={"mayor"}) == {("mayor", "president")}
    layout = layout_board(board_spec(book), Box(0, 0, 800, 500))
    start, end = edge_points(layout, ("mayor", "president")) or ((0, 0), (0, 0))
    assert end[1] < start[1]  # drawn upward, from the lower tier to the higher
    assert edge_points(layout, ("nowhere", "president")) is None


@pytest.mark.parametrize("scenario", ["partai_tunggal", "westminster"])
def test_offices_sharing_a_cell_stack_full_width_when_the_board_allows(scenario: str) -> None:
    book = compile_rulebook(load_scenario(scenario))
    spec = board_spec(book)
    area = Box(8, 68, 770, 466)  # the board at 1280x720
    layout = layout_board(spec, area, header=44, gap=6, min_cell_height=52)
    shared = [pid for pid, track, tier in spec.positions
              if sum(1 for _, t2, r2 in spec.positions if (t2, r2) == (track, tier)) > 1]
    assert shared  # these scenarios have cells that hold two offices
    for pid, track, _tier in spec.positions:
        cell, column = layout.cells[pid], layout.columns[track]
        assert cell.w == column.w, pid  # never squeezed side by side: names need the width
        assert cell.h >= 52, pid
        assert cell.inside(area), pid
