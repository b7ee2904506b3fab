"""Keyboard play on the campaign screen: shortcuts, and a focus that walks the panels."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import pygame

from game.core import MakeMove
from game.ui.scene import Push, Transition
from game.ui.widgets import Target

if TYPE_CHECKING:
    from game.ui.scenes.campaign import CampaignScene

GROUPS = ("moves", "board", "contests", "top", "log")
ARROWS = {pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1), pygame.K_LEFT: (-1, 0),
          pygame.K_RIGHT: (1, 0)}


class KeyFocus:
    """Tab moves between panels, arrows within one, Enter acts; the focused item's tooltip
    shows as if hovered."""

    def __init__(self, scene: CampaignScene) -> None:
        self.scene = scene
        self.group = len(GROUPS) - 1  # the first Tab lands on the moves
        self.key_of: str | None = None
        self.active = False

    def key(self, event: pygame.event.Event) -> Transition | None:
        """Handle one key press."""
        scene, k = self.scene, event.key
        ctrl = bool(event.mod & pygame.KMOD_CTRL)
        shortcut = self._shortcut(k, ctrl)
        if shortcut is not False:
            return shortcut
        if k == pygame.K_TAB:
            step = -1 if event.mod & pygame.KMOD_SHIFT else 1
            self.group = (self.group + step) % len(GROUPS)
            self.active = True
            self.key_of = None
            self._step(0, 1)
        elif k in ARROWS:
            self.active = True
            self._step(*ARROWS[k])
        elif k in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            if GROUPS[self.group] == "moves":
                scene.moves.select(-8 if k == pygame.K_PAGEUP else 8)
                self.key_of = scene.moves.selected_key()
            else:
                scene.log.scroll_by(5 if k == pygame.K_PAGEUP else -5)
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and self.key_of:
            return scene.act(self.key_of, _contest_scene())
        elif pygame.K_1 <= k <= pygame.K_9:
            self._nth_move(k - pygame.K_1)
        return None

    def _shortcut(self, k: int, ctrl: bool) -> Transition | Literal[False] | None:
        from game.ui.scenes.guide import GuideScene
        from game.ui.scenes.saveload import SaveLoadScene

        scene = self.scene
        if k == pygame.K_ESCAPE:
            return scene.open_menu()
        if k == pygame.K_e:
            scene.end_turn()
            return None
        if k == pygame.K_a:
            scene.advance()
            return None
        if k in (pygame.K_F1, pygame.K_g):
            return Push(GuideScene(scene.ui))
        if k == pygame.K_F5:
            scene.quicksave()
            return None
        if k == pygame.K_F9:
            return scene.quickload()
        if k == pygame.K_h:
            scene.hints.toggle()
            return None
        if ctrl and k in (pygame.K_s, pygame.K_l):
            return Push(SaveLoadScene(scene.ui, saving=k == pygame.K_s))
        return False

    def _nth_move(self, index: int) -> None:
        """Keys 1-9: the n-th available move in the list."""
        rows = [r for r in self.scene.moves.rows if r.move is not None and r.refusal is None]
        if index < len(rows) and isinstance(rows[index].command, MakeMove):
            command = rows[index].command
            assert command is not None
            self.scene.make(command)

    def _step(self, dx: int, dy: int) -> None:
        scene = self.scene
        group = GROUPS[self.group]
        if group == "moves":
            if dy:
                scene.moves.select(dy)
            elif scene.moves.selected < 0:
                scene.moves.select(1)
            self.key_of = scene.moves.selected_key()
            return
        targets = [t for t in scene.all_targets() if t.group == group]
        if not targets:
            return
        current = next((t for t in targets if t.key == self.key_of), None)
        self.key_of = (_nearest(current, targets, dx, dy) or targets[0]).key if current else (
            targets[0].key)

    def sync(self) -> None:
        """Show the focused item's tooltip (after panels re-rendered)."""
        if not self.active or self.key_of is None:
            return
        target = next((t for t in self.scene.all_targets() if t.key == self.key_of), None)
        self.scene.set_hover(target, target.rect if target else None)


def _nearest(current: Target, targets: list[Target], dx: int, dy: int) -> Target | None:
    """The closest target from ``current`` in direction (dx, dy)."""
    cx, cy = current.rect.center
    best: tuple[float, Target] | None = None
    for target in targets:
        if target is current:
            continue
        tx, ty = target.rect.center
        ox, oy = tx - cx, ty - cy
        along = ox * dx + oy * dy
        if along <= 0:
            continue
        across = abs(ox * dy) + abs(oy * dx)
        score = along + 2 * across
        if best is None or score < best[0]:
            best = (score, target)
    return best[1] if best else None


def _contest_scene() -> type:
    from game.ui.scenes.contest import ContestScene

    return ContestScene
