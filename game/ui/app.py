"""The game window: the frame loop, the scene stack and crash handling.

``run(args)`` is what ``saluran`` (no sub-command) and ``saluran play`` (no --headless) call.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import pygame

from game.ui import gui
from game.ui.context import MIN_SIZE, Ui
from game.ui.scene import Pop, Push, Quit, Replace, Reset, Scene, Transition
from game.ui.settings import UI_SCALES, Paths, Settings, load_settings
from game.ui.widgets import dim

FPS = 60
Hook = Callable[["App"], None]


def display_mode(settings: Settings, size: tuple[int, int] | None = None) -> pygame.Surface:
    """Open (or change) the window for ``settings``."""
    if settings.fullscreen and size is None:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    want = size or settings.resolution
    try:
        desktop = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        desktop = want
    if size is None and os.environ.get("SDL_VIDEODRIVER") != "dummy":
        want = (min(want[0], desktop[0]), min(want[1], desktop[1]))
    return pygame.display.set_mode(want, pygame.RESIZABLE)


class App:
    """Owns the window and the scene stack; one ``frame`` reads input, updates and draws."""

    def __init__(self, paths: Paths | None = None, settings: Settings | None = None,
                 size: tuple[int, int] | None = None) -> None:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(350, 40)
        paths = paths or Paths.default()
        settings = settings or load_settings(paths)
        self.fixed_size = size
        screen = display_mode(settings, size)
        pygame.display.set_caption("Saluran")
        self.ui = Ui(screen, settings, paths)
        self.stack: list[Scene] = []
        self.backdrops: list[pygame.Surface | None] = []
        self.clock = pygame.time.Clock()
        self.running = True
        self.code = 0
        self.hooks: list[Hook] = []  # called each frame before input (demo, tests)
        self.after_draw: list[Hook] = []
        self.last_frame_ms = 0.0
        self.crashes = 0
        self.fps = FPS  # 0: no frame cap (demo, tests)

    # ------------------------------------------------------------------ stack
    @property
    def top(self) -> Scene:
        """The scene receiving input."""
        return self.stack[-1]

    def start(self, scene: Scene) -> None:
        """Open the first scene."""
        self.apply(Reset(scene))

    def apply(self, transition: Transition | None) -> None:
        """Carry out what a scene asked for (and what that scene's resume asks next)."""
        while transition is not None:
            transition = self._apply_one(transition)

    def _apply_one(self, transition: Transition) -> Transition | None:
        if isinstance(transition, Quit):
            self.running = False
            self.code = transition.code
            return None
        if isinstance(transition, Reset):
            self.stack.clear()
            self.backdrops.clear()
            self._enter(transition.scene, None)
            return None
        if isinstance(transition, Push):
            backdrop = self._snapshot() if transition.scene.modal else None
            self._enter(transition.scene, backdrop)
            return None
        if isinstance(transition, Replace):
            self.stack.pop()
            old = self.backdrops.pop()
            backdrop = old if transition.scene.modal and old is not None else (
                self._snapshot() if transition.scene.modal and self.stack else None)
            self._enter(transition.scene, backdrop)
            return None
        if isinstance(transition, Pop):
            self.stack.pop()
            self.backdrops.pop()
            if not self.stack:
                self.running = False
                return None
            self._build(self.top)
            return self.top.resume(transition.result)
        return None

    def _enter(self, scene: Scene, backdrop: pygame.Surface | None) -> None:
        self.stack.append(scene)
        self.backdrops.append(backdrop)
        self._build(scene)

    def _build(self, scene: Scene) -> None:
        gui.clear(self.ui.manager)
        scene.buttons.clear()
        scene.build()
        gui.refresh(self.ui.manager)

    def _render(self, index: int, surface: pygame.Surface) -> None:
        """Draw the ``index``-th scene completely (its GUI must be the live one)."""
        surface.fill(self.ui.pal.bg)
        backdrop = self.backdrops[index]
        if backdrop is not None:
            surface.blit(backdrop, (0, 0))
        scene = self.stack[index]
        scene.draw(surface)
        self.ui.manager.update(0.0)
        self.ui.manager.draw_ui(surface)

    def _snapshot(self) -> pygame.Surface | None:
        """A dimmed picture of the current top scene, to draw under a modal one."""
        if not self.stack:
            return None
        self.top.cover()
        surface = pygame.Surface(self.ui.size)
        self._render(len(self.stack) - 1, surface)
        dim(surface)
        return surface

    def rebuild_all(self) -> None:
        """After a size, scale, language or palette change: rebuild every open scene."""
        for index, scene in enumerate(self.stack):
            self._build(scene)
            if index + 1 < len(self.stack) and self.stack[index + 1].modal:
                scene.cover()
                surface = pygame.Surface(self.ui.size)
                self._render(index, surface)
                dim(surface)
                self.backdrops[index + 1] = surface

    def change_display(self) -> None:
        """Apply the resolution and fullscreen settings."""
        screen = display_mode(self.ui.settings, self.fixed_size)
        self.ui.resized(screen)
        self.rebuild_all()

    # ------------------------------------------------------------------ frame
    def frame(self, dt: float) -> None:
        """One frame: input, update, draw; an unexpected error opens the error screen."""
        began = time.perf_counter()
        try:
            for hook in self.hooks:
                hook(self)
            self._input()
            if self.running:
                self.ui.manager.update(dt)
                self.apply(self.top.update(dt) or self.top.take())
                if self.ui.pending_settings is not None:
                    self._settings(self.ui.pending_settings)
            if self.running:
                self._draw()
        except Exception as exc:  # the last line of defence: never a bare traceback
            self.crash(exc)
        self.last_frame_ms = (time.perf_counter() - began) * 1000

    def _input(self) -> None:
        for event in pygame.event.get():
            if not self.running:
                return
            if event.type == pygame.QUIT:
                self.close()
                return
            if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                self.ui.mouse = event.pos
            elif event.type == pygame.WINDOWLEAVE:
                self.ui.mouse = (-1, -1)
            if event.type == pygame.VIDEORESIZE and self.fixed_size is None:
                self._resize(event.w, event.h)
                continue
            if event.type == pygame.KEYDOWN and self._global_key(event):
                continue
            consumed = self.ui.manager.process_events(event)
            transition = self.top.take()
            if transition is None and not (consumed and event.type in _MOUSE_EVENTS):
                transition = self.top.handle(event)
            self.apply(transition or self.top.take())
            if self.ui.pending_settings is not None:
                self._settings(self.ui.pending_settings)

    def _global_key(self, event: pygame.event.Event) -> bool:
        """F11 full screen; Ctrl + and Ctrl - interface size.  True if it was one of them."""
        settings = self.ui.settings
        ctrl = bool(event.mod & pygame.KMOD_CTRL)
        if event.key == pygame.K_F11:
            self.ui.request_settings(settings.with_(fullscreen=not settings.fullscreen))
        elif ctrl and event.key in (pygame.K_EQUALS, pygame.K_PLUS, pygame.K_KP_PLUS,
                                    pygame.K_MINUS, pygame.K_KP_MINUS):
            step = -1 if event.key in (pygame.K_MINUS, pygame.K_KP_MINUS) else 1
            index = UI_SCALES.index(settings.ui_scale) if settings.ui_scale in UI_SCALES else 2
            index = min(max(index + step, 0), len(UI_SCALES) - 1)
            self.ui.request_settings(settings.with_(ui_scale=UI_SCALES[index]))
        else:
            return False
        self._settings(self.ui.pending_settings or settings)
        return True

    def _settings(self, settings: Settings) -> None:
        old = self.ui.settings
        self.ui.pending_settings = None
        self.ui.apply_settings(settings)
        if (settings.fullscreen, settings.resolution) != (old.fullscreen, old.resolution):
            self.change_display()
        else:
            self.rebuild_all()

    def _resize(self, width: int, height: int) -> None:
        size = (max(width, MIN_SIZE[0]), max(height, MIN_SIZE[1]))
        screen = pygame.display.get_surface()
        if screen is None or screen.get_size() != size:
            screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.ui.settings = self.ui.settings.with_(resolution=size)
        self.ui.resized(screen)
        self.rebuild_all()

    def _draw(self) -> None:
        screen = self.ui.screen
        screen.fill(self.ui.pal.bg)
        backdrop = self.backdrops[-1]
        if backdrop is not None:
            screen.blit(backdrop, (0, 0))
        self.top.draw(screen)
        self.ui.manager.draw_ui(screen)
        self.top.overlay(screen)
        for hook in self.after_draw:
            hook(self)
        pygame.display.flip()

    def run(self) -> int:
        """Frames until a scene quits or the window closes; the exit code."""
        while self.running:
            dt = self.clock.tick(self.fps) / 1000.0
            self.frame(min(dt, 0.1))
        return self.code

    def close(self) -> None:
        """The window is closing: let open scenes autosave, then stop."""
        for scene in reversed(self.stack):
            try:
                scene.close()
            except Exception:  # closing must always succeed
                traceback.print_exc()
        self.running = False

    def crash(self, exc: BaseException) -> None:
        """Write an emergency save and show the error screen (give up if it fails too)."""
        from game.ui.scenes.error import ErrorScene

        self.crashes += 1
        traceback.print_exception(exc, file=sys.stderr)
        if self.crashes > 3:
            self.running = False
            self.code = 1
            return
        session = self.ui.session
        saved = session.emergency_save(self.ui.paths.saves) if session is not None else None
        self.ui.session = None
        self.apply(Reset(ErrorScene(self.ui, exc, saved)))


_MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL)


def run(args: argparse.Namespace | None = None) -> int:
    """Open the game window (or run the demo when ``args.demo`` is set); the exit code."""
    turns = getattr(args, "demo", None) if args is not None else None
    if turns is not None:
        from game.ui.demo import run_demo

        code: int = run_demo(args)
        return code
    from game.ui.scenes.flow import open_save
    from game.ui.scenes.title import TitleScene

    paths = Paths.default(getattr(args, "save_dir", None))
    app = App(paths)
    scenario = getattr(args, "scenario", None)
    extra = (scenario,) if scenario and ("/" in scenario or os.path.exists(scenario)) else ()
    try:
        app.start(TitleScene(app.ui, extra, getattr(args, "seed", None),
                             None if extra else scenario))
        load = getattr(args, "load", None)
        if load:  # `saluran play --load PATH`: straight into that career
            path = Path(load) if Path(load).exists() else paths.saves / load
            app.apply(open_save(app.ui, path))
        return app.run()
    finally:
        pygame.quit()
