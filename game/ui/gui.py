"""Typed wrappers for the few pygame_gui calls its annotations leave untyped."""

from __future__ import annotations

from typing import Any

import pygame_gui


def select(element: Any) -> None:
    """Show an element as selected (the keyboard focus ring)."""
    element.select()  # type: ignore[no-untyped-call, unused-ignore]


def unselect(element: Any) -> None:
    """Remove the selected look."""
    element.unselect()  # type: ignore[no-untyped-call, unused-ignore]


def enable(element: Any, on: bool = True) -> None:
    """Enable (or disable) an element."""
    if on:
        element.enable()  # type: ignore[no-untyped-call, unused-ignore]
    else:
        element.disable()  # type: ignore[no-untyped-call, unused-ignore]


def show(element: Any, on: bool = True) -> None:
    """Show (or hide) an element."""
    if on:
        element.show()  # type: ignore[no-untyped-call, unused-ignore]
    else:
        element.hide()  # type: ignore[no-untyped-call, unused-ignore]


def focus(element: Any, on: bool = True) -> None:
    """Give (or take) the keyboard to a text field."""
    if on:
        element.ui_manager.set_focus_set(element)
        element.focus()  # type: ignore[no-untyped-call, unused-ignore]
    else:
        element.unfocus()  # type: ignore[no-untyped-call, unused-ignore]
        element.ui_manager.set_focus_set(None)


def clear(manager: pygame_gui.UIManager) -> None:
    """Remove every element of ``manager``."""
    manager.clear_and_reset()  # type: ignore[no-untyped-call, unused-ignore]


def focused(manager: pygame_gui.UIManager) -> list[Any]:
    """The elements holding the keyboard focus."""
    found = manager.get_focus_set()  # type: ignore[no-untyped-call, unused-ignore]
    return list(found or ())


def refresh(manager: pygame_gui.UIManager) -> None:
    """Recompute which elements draw (pygame_gui does it in ``update``; a scene built after
    the frame's update would otherwise draw the old elements for one frame)."""
    manager.get_sprite_group().update_visibility()  # type: ignore[no-untyped-call, unused-ignore]
