"""Small layout helpers shared by the menu-like scenes."""

from __future__ import annotations

import pygame
import pygame_gui

from game.ui import gui
from game.ui.context import Ui
from game.ui.widgets import label


def column(ui: Ui, count: int, width: float, height: float, top: float, gap: float = 10,
           x: int | None = None) -> list[pygame.Rect]:
    """``count`` rectangles stacked in a centred column (sizes in logical pixels)."""
    w, h, g = ui.s(width), ui.s(height), ui.s(gap)
    left = (ui.size[0] - w) // 2 if x is None else x
    return [pygame.Rect(left, ui.s(top) + i * (h + g), w, h) for i in range(count)]


def heading(surface: pygame.Surface, ui: Ui, text: str, sub: str = "") -> None:
    """A screen title at the top left, with an optional dim subtitle."""
    label(surface, ui, text, (ui.s(40), ui.s(28)), 30, ui.pal.accent, bold=True)
    if sub:
        label(surface, ui, sub, (ui.s(42), ui.s(72)), 15, ui.pal.dim,
              width=ui.size[0] - ui.s(84))


def typing(ui: Ui) -> bool:
    """True while a text field has the keyboard (letters must not trigger shortcuts)."""
    return any(isinstance(e, pygame_gui.elements.UITextEntryLine) for e in gui.focused(ui.manager))


def text_box(ui: Ui, rect: pygame.Rect, html: str) -> pygame_gui.elements.UITextBox:
    """A scrolling pygame_gui text box with HTML-like markup."""
    return pygame_gui.elements.UITextBox(html, rect, ui.manager)


def esc(text: str) -> str:
    """Text safe inside a pygame_gui text box."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
