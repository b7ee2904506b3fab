"""Custom-drawn pieces shared by the scenes: tooltips, hover targets, panels, bars, tokens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.ui.context import Ui
from game.ui.theme import RGB

TIP_SIZE = 13.5
TIP_WIDTH = 380  # logical pixels


@dataclass(frozen=True, slots=True)
class TipLine:
    """One tooltip row: text on the left, an optional value on the right."""

    left: str
    right: str = ""
    colour: RGB | None = None  # colour of the value (or of the text when no value)
    bold: bool = False
    indent: int = 0
    mark: bool | None = None  # a drawn tick (True) or cross (False) before the text


@dataclass(slots=True)
class Tip:
    """A tooltip: a title, optional wrapped body text, then rows."""

    title: str
    body: str = ""
    lines: list[TipLine] = field(default_factory=list)

    def add(self, left: str, right: str = "", colour: RGB | None = None, *,
            bold: bool = False, indent: int = 0, mark: bool | None = None) -> Tip:
        """Append a row (chainable)."""
        self.lines.append(TipLine(left, right, colour, bold, indent, mark))
        return self


@dataclass(slots=True)
class Target:
    """Something under the mouse (or the keyboard focus) with a tooltip and maybe an action."""

    key: str
    rect: pygame.Rect
    tip: Callable[[], Tip | None] | None = None
    action: Callable[[], object] | None = None
    group: str = ""  # keyboard focus cycles within a group


def render_tip(ui: Ui, tip: Tip) -> pygame.Surface:
    """A tooltip surface: dark panel, accent title, wrapped body, aligned rows."""
    pal, text = ui.pal, ui.text
    width = ui.s(TIP_WIDTH)
    pad = ui.s(10)
    inner = width - 2 * pad
    line_h = text.line_height(TIP_SIZE)
    title_lines = text.wrap(tip.title, TIP_SIZE + 1, inner, bold=True)
    body_lines = text.wrap(tip.body, TIP_SIZE, inner) if tip.body else []
    rows: list[tuple[TipLine, list[str]]] = []
    for line in _split_wide(ui, tip.lines, inner):
        right_w = text.width(line.right, TIP_SIZE, line.bold) + ui.s(8) if line.right else 0
        avail = max(inner - right_w - ui.s(12) * line.indent - _mark_w(ui, line), ui.s(40))
        rows.append((line, text.wrap(line.left, TIP_SIZE, avail, line.bold) if line.left else [""]))
    height = pad * 2 + len(title_lines) * text.line_height(TIP_SIZE + 1, True)
    height += len(body_lines) * line_h + (ui.s(6) if body_lines else 0)
    height += sum(len(parts) for _, parts in rows) * line_h + (ui.s(6) if rows else 0)
    surface = pygame.Surface((width, height), pygame.SRCALPHA)
    pygame.draw.rect(surface, (*pal.bg, 255), surface.get_rect(), border_radius=ui.s(6))
    pygame.draw.rect(surface, pal.line, surface.get_rect(), 1, border_radius=ui.s(6))
    y = pad
    for part in title_lines:
        surface.blit(text.render(part, TIP_SIZE + 1, pal.accent, bold=True), (pad, y))
        y += text.line_height(TIP_SIZE + 1, True)
    if body_lines:
        y += ui.s(4)
        for part in body_lines:
            surface.blit(text.render(part, TIP_SIZE, pal.dim), (pad, y))
            y += line_h
    if rows:
        y += ui.s(6)
    for line, parts in rows:
        x = pad + ui.s(12) * line.indent
        colour = line.colour if (line.colour and not line.right) else pal.text
        if line.mark is not None:
            mark(surface, ui, (x, y + line_h // 2), line.mark)
            x += _mark_w(ui, line)
        for index, part in enumerate(parts):
            surface.blit(text.render(part, TIP_SIZE, colour, line.bold), (x, y))
            if index == 0 and line.right:
                value = text.render(line.right, TIP_SIZE, line.colour or pal.text, line.bold)
                surface.blit(value, (width - pad - value.get_width(), y))
            y += line_h
    return surface


def _split_wide(ui: Ui, lines: list[TipLine], inner: int) -> list[TipLine]:
    """A value too wide to share its row goes on its own indented row below."""
    out: list[TipLine] = []
    for line in lines:
        if line.right and ui.text.width(line.right, TIP_SIZE, line.bold) > inner * 0.55:
            out.append(TipLine(line.left, "", None, line.bold, line.indent, line.mark))
            out.append(TipLine(line.right, "", line.colour, line.bold, line.indent + 1))
        else:
            out.append(line)
    return out


def _mark_w(ui: Ui, line: TipLine) -> int:
    return ui.s(16) if line.mark is not None else 0


def mark(surface: pygame.Surface, ui: Ui, left_mid: tuple[int, int], ok: bool) -> None:
    """A small drawn tick (met) or cross (not met); fonts lack those glyphs."""
    x, y = left_mid
    r = ui.s(4)
    width = max(2, ui.s(2))
    if ok:
        pygame.draw.lines(surface, ui.pal.good, False,
                          [(x, y), (x + r, y + r), (x + 2 * r + r // 2, y - r - r // 2)], width)
    else:
        pygame.draw.line(surface, ui.pal.bad, (x, y - r), (x + 2 * r, y + r), width)
        pygame.draw.line(surface, ui.pal.bad, (x, y + r), (x + 2 * r, y - r), width)


def place_tip(ui: Ui, surface: pygame.Surface, anchor: pygame.Rect) -> tuple[int, int]:
    """Where a tooltip goes: beside ``anchor``, kept on screen."""
    sw, sh = ui.size
    w, h = surface.get_size()
    gap = ui.s(8)
    x = anchor.right + gap if anchor.right + gap + w <= sw else anchor.left - gap - w
    if x < 0:
        x = min(max(anchor.centerx - w // 2, 0), sw - w)
        y = anchor.bottom + gap if anchor.bottom + gap + h <= sh else anchor.top - gap - h
    else:
        y = anchor.top
    return x, min(max(y, 0), max(sh - h, 0))


class TipLayer:
    """Shows the tooltip of the target under the mouse or keyboard focus; renders it once."""

    def __init__(self, ui: Ui) -> None:
        self.ui = ui
        self._key: str | None = None
        self._surface: pygame.Surface | None = None
        self._anchor = pygame.Rect(0, 0, 0, 0)

    def show(self, target: Target | None, anchor: pygame.Rect | None = None) -> None:
        """Show ``target``'s tooltip (None hides it)."""
        key = None if target is None or target.tip is None else target.key
        if key != self._key:
            self._key = key
            tip = target.tip() if target is not None and target.tip is not None else None
            self._surface = render_tip(self.ui, tip) if tip is not None else None
        if target is not None:
            self._anchor = anchor or target.rect

    def reset(self) -> None:
        """Forget the rendered tooltip (its content changed)."""
        self._key = None
        self._surface = None

    @property
    def visible(self) -> bool:
        """True while a tooltip is shown."""
        return self._surface is not None

    def draw(self, surface: pygame.Surface) -> None:
        """Blit the current tooltip."""
        if self._surface is not None:
            surface.blit(self._surface, place_tip(self.ui, self._surface, self._anchor))


def panel(surface: pygame.Surface, ui: Ui, rect: pygame.Rect, colour: RGB | None = None,
          border: RGB | None = None) -> None:
    """A rounded panel with a thin border."""
    pygame.draw.rect(surface, colour or ui.pal.panel, rect, border_radius=ui.s(6))
    pygame.draw.rect(surface, border or ui.pal.line, rect, 1, border_radius=ui.s(6))


def label(surface: pygame.Surface, ui: Ui, text: str, pos: tuple[int, int], size: float = 14,
          colour: RGB | None = None, *, bold: bool = False, align: str = "left",
          width: int | None = None, short: str = "") -> pygame.Rect:
    """Draw one line of cached text; ``align`` left, right or center around ``pos``.  With a
    ``width`` the text is fitted by the naming rule (``game.ui.fitting``; ``short`` is the
    alternative it may use)."""
    if width is not None:
        text = ui.text.fit(text, size, width, bold, short)
    rendered = ui.text.render(text, size, colour or ui.pal.text, bold)
    x, y = pos
    if align == "right":
        x -= rendered.get_width()
    elif align == "center":
        x -= rendered.get_width() // 2
    return surface.blit(rendered, (x, y))


def chance_bar(surface: pygame.Surface, ui: Ui, rect: pygame.Rect, chance: float,
               error: float = 0.0) -> None:
    """A probability bar with an optional error band around its end."""
    pygame.draw.rect(surface, ui.pal.bg, rect, border_radius=ui.s(3))
    colour = ui.pal.good if chance >= 0.5 else ui.pal.bad
    fill = rect.copy()
    fill.width = max(1, round(rect.width * chance))
    pygame.draw.rect(surface, colour, fill, border_radius=ui.s(3))
    if error > 0:
        low = rect.x + round(rect.width * max(chance - error, 0.0))
        high = rect.x + round(rect.width * min(chance + error, 1.0))
        band = pygame.Rect(low, rect.y - ui.s(2), max(high - low, 2), rect.height + ui.s(4))
        pygame.draw.rect(surface, ui.pal.text, band, 1)
    pygame.draw.rect(surface, ui.pal.line, rect, 1, border_radius=ui.s(3))


def token(surface: pygame.Surface, ui: Ui, centre: tuple[int, int], radius: int, colour: RGB,
          letter: str, *, player: bool = False) -> None:
    """An actor's token: a disc with an initial; the player's is a ringed star-like disc."""
    pygame.draw.circle(surface, colour, centre, radius)
    pygame.draw.circle(surface, ui.pal.bg, centre, radius, max(1, radius // 6))
    if player:
        pygame.draw.circle(surface, ui.pal.text, centre, radius + max(2, radius // 4), 2)
    glyph = ui.text.render(letter, max(radius * 1.15 / ui.scale, 7), ui.pal.bg, bold=True)
    surface.blit(glyph, glyph.get_rect(center=centre))


def dim(surface: pygame.Surface, alpha: int = 150) -> None:
    """Darken everything drawn so far (under a modal)."""
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((5, 8, 14, alpha))
    surface.blit(shade, (0, 0))
