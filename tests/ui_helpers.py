"""Helpers for the UI tests: an app under the dummy drivers, scripted input, a stepper."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game.ui.app import App
from game.ui.scene import Reset, Scene
from game.ui.session import Session
from game.ui.settings import Paths, Settings

MINI = str(Path(__file__).parent / "data" / "mini")


def make_app(tmp: Path, size: tuple[int, int] = (1280, 720), **settings: object) -> App:
    """An app with its settings and saves in ``tmp`` (nothing written elsewhere)."""
    paths = Paths(tmp / "config", tmp / "saves")
    app = App(paths, Settings(**settings), size=size)  # type: ignore[arg-type]
    app.fps = 0
    return app


def pump(app: App, frames: int = 2) -> None:
    """Run ``frames`` frames; fail on a crash."""
    for _ in range(frames):
        app.frame(0.016)
        assert app.crashes == 0, "the app crashed (see the captured traceback)"


def key(app: App, code: int, mod: int = 0, frames: int = 2) -> None:
    """Press a key and let it take effect."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="",
                                         scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode="",
                                         scancode=0))
    pump(app, frames)


def click(app: App, pos: tuple[int, int], frames: int = 2) -> None:
    """Click the left button at ``pos``."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    pump(app, frames)


def click_button(app: App, text: str, frames: int = 2) -> None:
    """Click the pygame_gui button showing ``text`` (exactly or as its start)."""
    import pygame_gui

    buttons = [s for s in app.ui.manager.get_sprite_group().sprites()
               if isinstance(s, pygame_gui.elements.UIButton) and s.visible]
    for button in buttons:
        if button.text == text or button.text.startswith(text):
            click(app, button.rect.center, frames)
            return
    found = [b.text for b in buttons]
    raise AssertionError(f"no button {text!r} on {app.top.kind}; buttons: {found}")


def wait_for(app: App, test: Callable[[], bool], seconds: float = 60.0) -> None:
    """Run frames until ``test`` holds.

    AI turns run on a worker thread, so this waits in time, not in frames, and yields the
    processor between frames: on a busy machine the worker may need many frames' worth.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if test():
            return
        pump(app, 1)
        time.sleep(0.001)
    raise AssertionError(f"timed out on {app.top.kind}")


def open_campaign(app: App, scenario: str = MINI, seed: int = 1) -> Scene:
    """Start a career straight on the campaign screen."""
    from game.ui.scenes.campaign import CampaignScene

    app.ui.session = Session.new(scenario, seed, autosave=app.ui.paths.saves)
    app.apply(Reset(CampaignScene(app.ui)))
    pump(app, 3)
    return app.top


def policy_step(app: App, policy: object, rng: object) -> str:
    """One decision by ``policy`` for the player, made through the UI: cards by number keys,
    moves by clicking their row, turns by E, results by Enter.  Returns what it did."""
    from game.core import ChooseOption, MakeMove, legal_moves, to_move
    from game.core.views import View
    from game.ui.scenes.campaign import CampaignScene

    session = app.ui.session
    assert session is not None
    wait_for(app, lambda: not session.busy)
    pump(app, 2)
    top = app.top
    if top.kind == "contest":
        key(app, pygame.K_RETURN)
        return "contest"
    if top.kind not in ("campaign", "event_card") or to_move(session.state) != session.player.id:
        pump(app, 1)
        return "wait"
    legal = legal_moves(session.state, session.player.id)
    command = policy.choose(View(session.state, session.player.id), legal, rng)  # type: ignore[attr-defined]
    if isinstance(command, ChooseOption):
        choices = session.career.book.events[command.event].choices
        key(app, pygame.K_1 + [c.id for c in choices].index(command.choice))
        return "card"
    if isinstance(command, MakeMove) and isinstance(top, CampaignScene):
        rect = top.moves.locate(command)
        if rect is None:
            top.folded[session.career.book.moves[command.move].channel] = False
            top.moves.refresh()
            rect = top.moves.locate(command)
        assert rect is not None, command
        pump(app, 1)
        before = len(session.career.history)
        click(app, rect.center)
        assert len(session.career.history) == before + 1, "the click did not make the move"
        return "move"
    key(app, pygame.K_e)
    return "end_turn"
