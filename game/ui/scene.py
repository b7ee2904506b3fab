"""Scenes and the values they return: Push, Pop, Replace, Quit (the app applies them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import pygame
import pygame_gui

from game.ui import gui
from game.ui.context import Ui


@dataclass(frozen=True, slots=True)
class Push:
    """Put ``scene`` on top; the current one waits below."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Pop:
    """Close this scene and hand ``result`` to the one below (its ``resume``)."""

    result: object = None


@dataclass(frozen=True, slots=True)
class Replace:
    """Close this scene and put ``scene`` in its place."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Reset:
    """Close every scene and start again from ``scene`` (e.g. back to the menu)."""

    scene: Scene


@dataclass(frozen=True, slots=True)
class Quit:
    """Close the game."""

    code: int = 0


Transition = Push | Pop | Replace | Reset | Quit
Action = Callable[[], "Transition | None"]


class Scene:
    """One screen.  ``build`` makes its GUI elements for the current window; the rest of
    the work happens in ``handle``, ``update`` and ``draw``, which may return a Transition."""

    name = "scene"  # a stable kind, used for demo screenshots
    modal = False  # True: drawn over a dimmed picture of the scene below

    def __init__(self, ui: Ui) -> None:
        self.ui = ui
        self.next: Transition | None = None
        self.buttons = ButtonGroup()

    def build(self) -> None:
        """Create the pygame_gui elements (the manager has just been cleared)."""

    def handle(self, event: pygame.event.Event) -> Transition | None:
        """React to one input event (after pygame_gui saw it)."""
        return None

    def update(self, dt: float) -> Transition | None:
        """Advance animations and background work by ``dt`` seconds."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the custom parts under the GUI elements."""

    def overlay(self, surface: pygame.Surface) -> None:
        """Draw on top of the GUI elements (tooltips, focus rings)."""

    def cover(self) -> None:
        """A modal scene is opening on top: hide what must not show through it (the picture
        of this scene is taken next; ``build`` shows everything again)."""

    def resume(self, result: object) -> Transition | None:
        """The scene above closed with ``result``."""
        return None

    def close(self) -> None:
        """The window is closing while this scene is open (autosave here)."""

    @property
    def kind(self) -> str:
        """What the demo calls this screen (a scene may refine it)."""
        return self.name

    # ------------------------------------------------------------------ helpers
    def go(self, transition: Transition | None) -> None:
        """Ask the app for ``transition`` after the current event."""
        if transition is not None:
            self.next = transition

    def button(self, rect: pygame.Rect, text: str, action: Action, *,
               tip: str | None = None, object_id: str | None = None,
               focusable: bool = True) -> pygame_gui.elements.UIButton:
        """A pygame_gui button that runs ``action`` when clicked (or chosen by keyboard)."""
        widget = pygame_gui.elements.UIButton(
            rect, text, self.ui.manager, tool_tip_text=tip,
            object_id=pygame_gui.core.ObjectID(object_id=object_id) if object_id else None,
            command=_press(self, action))
        if focusable:
            self.buttons.add(widget, action)
        return widget

    def take(self) -> Transition | None:
        """The transition asked for by a callback, if any (cleared)."""
        found, self.next = self.next, None
        return found


def _press(scene: Scene, action: Action) -> Callable[[], None]:
    def pressed() -> None:
        scene.go(action())
    return pressed


@dataclass(slots=True)
class ButtonGroup:
    """Keyboard focus over buttons: arrows or Tab move it, Enter or Space presses."""

    items: list[tuple[pygame_gui.elements.UIButton, Action]] = field(default_factory=list)
    focus: int = -1

    def add(self, button: pygame_gui.elements.UIButton, action: Action) -> None:
        """Add a button at the end of the focus order."""
        self.items.append((button, action))

    def clear(self) -> None:
        """Forget every button (the GUI was rebuilt)."""
        self.items.clear()
        self.focus = -1

    def move(self, step: int) -> None:
        """Move the focus ``step`` places, skipping disabled buttons."""
        if not self.items:
            return
        if 0 <= self.focus < len(self.items):
            gui.unselect(self.items[self.focus][0])
        count, index = len(self.items), self.focus
        for _ in range(count):
            index = (index + step) % count if index >= 0 else (0 if step > 0 else count - 1)
            if self.items[index][0].is_enabled:
                break
        self.focus = index
        gui.select(self.items[index][0])

    def set_focus(self, index: int) -> None:
        """Focus the ``index``-th button."""
        if 0 <= self.focus < len(self.items):
            gui.unselect(self.items[self.focus][0])
        self.focus = index
        if 0 <= index < len(self.items):
            gui.select(self.items[index][0])

    def handle(self, event: pygame.event.Event,
               vertical: bool = True) -> Transition | Literal[False] | None:
        """Handle navigation keys: False if the key was not ours, else the pressed result."""
        if event.type != pygame.KEYDOWN or not self.items:
            return False
        back = pygame.K_UP if vertical else pygame.K_LEFT
        ahead = pygame.K_DOWN if vertical else pygame.K_RIGHT
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if event.key == back or (event.key == pygame.K_TAB and shift):
            self.move(-1)
            return None
        if event.key in (ahead, pygame.K_TAB):
            self.move(1)
            return None
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and self.focus >= 0:
            button, action = self.items[self.focus]
            return action() if button.is_enabled else None
        return False
