"""Charts drawn with pygame: the factor waterfall, result bars, seats, lines, timelines."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.core.events import Contestant
from game.ui.context import Ui
from game.ui.theme import RGB
from game.ui.widgets import label

Step = tuple[str, float]  # a labelled contribution


def waterfall(surface: pygame.Surface, ui: Ui, rect: pygame.Rect, steps: Sequence[Step],
              cutoff: float | None, cutoff_label: str, progress: float = 1.0) -> None:
    """Each contribution as a horizontal step from the running total; the total last; a
    vertical line at the strength that had to be beaten."""
    pal = ui.pal
    if not steps:
        return
    totals = [0.0]
    for _, value in steps:
        totals.append(totals[-1] + value)
    low = min(0.0, *totals, cutoff if cutoff is not None else 0.0)
    high = max(1.0, *totals, cutoff if cutoff is not None else 0.0)
    label_w = min(ui.s(230), rect.w * 2 // 5)
    value_w = ui.s(56)
    axis = pygame.Rect(rect.x + label_w, rect.y, rect.w - label_w - value_w, rect.h)
    rows = len(steps) + 1
    row_h = min(ui.s(26), max(rect.h // rows, ui.s(14)))

    def px(value: float) -> int:
        return axis.x + round((value - low) / (high - low) * axis.w)

    pygame.draw.line(surface, pal.line, (px(0), rect.y), (px(0), rect.y + rows * row_h))
    for index, (name, value) in enumerate(steps):
        y = rect.y + index * row_h
        start, end = totals[index], totals[index] + value * progress
        bar = pygame.Rect(min(px(start), px(end)), y + ui.s(4), max(abs(px(end) - px(start)), 2),
                          row_h - ui.s(8))
        pygame.draw.rect(surface, pal.good if value >= 0 else pal.bad, bar, border_radius=2)
        label(surface, ui, name, (rect.x, y + ui.s(4)), 12.5, pal.text, width=label_w - ui.s(8))
        label(surface, ui, ui.locale.signed(value, 1), (rect.right, y + ui.s(4)), 12.5,
              pal.good if value >= 0 else pal.bad, align="right")
        if index + 1 < len(steps):
            pygame.draw.line(surface, pal.faint, (px(totals[index + 1]), bar.bottom),
                             (px(totals[index + 1]), bar.bottom + ui.s(8)))
    y = rect.y + len(steps) * row_h
    total = totals[-1]
    bar = pygame.Rect(px(min(0.0, total)), y + ui.s(3), max(abs(px(total * progress) - px(0)), 2),
                      row_h - ui.s(6))
    pygame.draw.rect(surface, pal.accent, bar, border_radius=2)
    label(surface, ui, ui.t("contest.total"), (rect.x, y + ui.s(4)), 13, pal.accent, bold=True,
          width=label_w - ui.s(8))
    label(surface, ui, ui.locale.number(total, 1), (rect.right, y + ui.s(4)), 13, pal.accent,
          bold=True, align="right")
    if cutoff is not None:
        _cutoff(surface, ui, rect, (px(cutoff), y + row_h), cutoff, cutoff_label)


def _cutoff(surface: pygame.Surface, ui: Ui, rect: pygame.Rect, bottom: tuple[int, int],
            cutoff: float, cutoff_label: str) -> None:
    """The dashed line at the strength that had to be beaten, labelled with its value."""
    x, end = bottom
    for dash in range(rect.y, end, ui.s(8)):
        pygame.draw.line(surface, ui.pal.text, (x, dash), (x, min(dash + ui.s(4), end)),
                         max(1, ui.s(1.5)))
    text = f"{cutoff_label}: {ui.locale.number(cutoff, 1)}"
    half = ui.text.width(text, 12) // 2
    centre = min(max(x, rect.x + half), rect.right - half)  # kept inside the chart
    label(surface, ui, text, (centre, end + ui.s(4)), 12, ui.pal.text, align="center")


def result_bars(surface: pygame.Surface, ui: Ui, rect: pygame.Rect,
                rows: Sequence[tuple[str, float, str, bool, bool]], progress: float = 1.0,
                ) -> list[pygame.Rect]:
    """Bars for contestants: (name, fraction 0..1, value text, won, selected); their rects."""
    pal = ui.pal
    row_h = ui.s(30)
    name_w = min(ui.s(170), rect.w * 2 // 5)
    value_w = ui.s(64)
    out = []
    for index, (name, fraction, value, won, selected) in enumerate(rows):
        y = rect.y + index * row_h
        if y + row_h > rect.bottom:
            break
        line = pygame.Rect(rect.x, y, rect.w, row_h - ui.s(4))
        if selected:
            pygame.draw.rect(surface, pal.panel_hi, line, border_radius=ui.s(4))
        label(surface, ui, name, (rect.x + ui.s(6), y + ui.s(5)), 13.5,
              pal.text if won else pal.dim, bold=won, width=name_w - ui.s(10))
        bar = pygame.Rect(rect.x + name_w, y + ui.s(6), 0, row_h - ui.s(16))
        full = rect.w - name_w - value_w
        bar.w = max(round(full * max(min(fraction, 1.0), 0.0) * progress), 2)
        pygame.draw.rect(surface, pal.good if won else pal.line, bar, border_radius=ui.s(3))
        label(surface, ui, value, (rect.right - ui.s(4), y + ui.s(5)), 13.5,
              pal.text if won else pal.dim, bold=won, align="right")
        out.append(line)
    return out


def hemicycle(surface: pygame.Surface, ui: Ui, rect: pygame.Rect,
              seats: Sequence[tuple[RGB, int]]) -> None:
    """Seats as dots on concentric arcs, coloured by party, left to right."""
    total = sum(n for _, n in seats)
    if total <= 0:
        return
    rings = max(1, min(8, round(math.sqrt(total / 6))))
    radius_out = min(rect.w // 2, rect.h) - ui.s(4)
    radius_in = radius_out * 0.45
    centre = (rect.centerx, rect.bottom - ui.s(2))
    lengths = [radius_in + (radius_out - radius_in) * (r + 0.5) / rings for r in range(rings)]
    per = [max(1, round(total * length / sum(lengths))) for length in lengths]
    per[-1] += total - sum(per)
    spots: list[tuple[float, float, float]] = []
    for radius, count in zip(lengths, per, strict=True):
        for index in range(count):
            angle = math.pi - math.pi * (index + 0.5) / count
            spots.append((angle, radius, 0.0))
    spots.sort(key=lambda s: (-s[0], s[1]))
    dot = max(2, min(ui.s(6), int((radius_out - radius_in) / rings / 2.4)))
    colours = [c for c, n in seats for _ in range(n)]
    for (angle, radius, _), colour in zip(spots, colours, strict=False):
        pygame.draw.circle(surface, colour, (centre[0] + radius * math.cos(angle),
                                             centre[1] - radius * math.sin(angle)), dot)


def line_chart(surface: pygame.Surface, ui: Ui, rect: pygame.Rect,
               series: Sequence[tuple[RGB, Sequence[float]]], title: str, value: str) -> None:
    """A small line chart with a title and the latest value."""
    pal = ui.pal
    pygame.draw.rect(surface, pal.panel, rect, border_radius=ui.s(5))
    label(surface, ui, title, (rect.x + ui.s(8), rect.y + ui.s(5)), 12.5, pal.dim,
          width=rect.w - ui.s(70))
    label(surface, ui, value, (rect.right - ui.s(8), rect.y + ui.s(4)), 13.5, pal.text,
          bold=True, align="right")
    gutter = ui.s(34)  # the scale's labels, left of the plot
    plot = pygame.Rect(rect.x + gutter + ui.s(4), rect.y + ui.s(28), rect.w - gutter - ui.s(12),
                       rect.h - ui.s(36))
    values = [v for _, vs in series for v in vs]
    if not values or plot.h <= 0:
        return
    low, high = min(values), max(values)
    if high - low < 1e-9:
        high = low + 1
    pygame.draw.line(surface, pal.line, plot.bottomleft, plot.bottomright)
    label(surface, ui, ui.locale.number(high), (plot.x - ui.s(6), plot.y - ui.s(6)), 10.5,
          pal.faint, align="right", width=gutter)
    label(surface, ui, ui.locale.number(low), (plot.x - ui.s(6), plot.bottom - ui.s(12)), 10.5,
          pal.faint, align="right", width=gutter)
    for colour, points in series:
        if len(points) < 2:
            continue
        coords = [(plot.x + plot.w * i / (len(points) - 1),
                   plot.bottom - plot.h * (v - low) / (high - low)) for i, v in enumerate(points)]
        pygame.draw.lines(surface, colour, False, coords, max(1, ui.s(2)))


def contestant_value(contestant: Contestant, threshold: float | None) -> float:
    """What a result bar shows: the vote share, or the strength in an exam."""
    return contestant.strength if threshold is not None else contestant.share
