"""Demo mode: the real UI driven by an AI policy, with a screenshot of each distinct scene.

``saluran play --demo TURNS --screenshots DIR`` plays TURNS turns through the menus, the
campaign (moves by click, turns by key), event cards, contest results, save and load, the
guide and settings, and ends on the career screen.  Works with SDL_VIDEODRIVER=dummy.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame

from game.ai import make_policy
from game.core import ChooseOption, EndTurn, MakeMove, legal_moves, to_move
from game.core.views import View
from game.ui.app import App
from game.ui.context import BASE_SIZE
from game.ui.settings import Paths, Settings

STUCK_AFTER = 120.0  # seconds a step of the tour may wait before the demo gives up
Step = Iterator[None]


def key(code: int, mod: int = 0) -> None:
    """Post a key press as if typed."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="",
                                         scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode="",
                                         scancode=0))


def click(pos: tuple[int, int]) -> None:
    """Post a left click at ``pos``."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0),
                                         buttons=(0, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))


class Director:
    """Drives the app one frame at a time and records a screenshot per distinct scene."""

    def __init__(self, app: App, turns: int, out: Path | None) -> None:
        self.app = app
        self.turns = turns
        self.out = out
        self.shots: dict[str, Path] = {}
        self.script = self.run()
        self.wanted: str | None = None
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
        app.hooks.append(self.tick)
        app.after_draw.append(self.shoot)

    # ------------------------------------------------------------------ plumbing
    def tick(self, app: App) -> None:
        """Advance the script by one frame (every wait in it ends: see ``until``)."""
        try:
            next(self.script)
        except StopIteration:
            app.running = False

    def shoot(self, app: App) -> None:
        """Save the frame if this scene (or an asked-for variant) has no picture yet."""
        kind = self.wanted or app.top.kind
        if kind in self.shots:
            return
        self.wanted = None
        path = (self.out / f"{len(self.shots) + 1:02d}-{kind}.png") if self.out else Path(kind)
        if self.out is not None:
            pygame.image.save(app.ui.screen, str(path))
        self.shots[kind] = path

    @property
    def top(self) -> str:
        """The kind of the scene on top."""
        return self.app.top.kind

    def wait(self, frames: int = 2) -> Step:
        """Let the app draw ``frames`` frames."""
        for _ in range(frames):
            yield

    def until(self, test: Callable[[], bool], seconds: float = STUCK_AFTER) -> Step:
        """Wait until ``test`` holds.  Measured in time, not frames: the demo draws without a
        frame cap, so a few thousand frames pass while the rivals think on a busy machine."""
        deadline = time.monotonic() + seconds
        while not test():
            if time.monotonic() > deadline:
                raise RuntimeError(f"demo stuck on {self.top}")
            yield

    def press(self, code: int, mod: int = 0) -> Step:
        """Press a key and let it take effect."""
        key(code, mod)
        yield from self.wait(2)

    # ------------------------------------------------------------------ script
    def run(self) -> Step:
        """The whole tour."""
        yield from self.wait(3)
        yield from self.menus()
        yield from self.press(pygame.K_n)
        yield from self.until(lambda: self.top == "new_career")
        yield from self.wait(2)
        yield from self.press(pygame.K_RETURN)  # the focused Start button
        yield from self.until(lambda: self.top == "campaign")
        yield from self.campaign()
        yield from self.save_and_load()
        yield from self.finish()

    def menus(self) -> Step:
        yield from self.press(pygame.K_s)
        yield from self.until(lambda: self.top == "settings")
        yield from self.wait(2)
        yield from self.press(pygame.K_ESCAPE)
        yield from self.press(pygame.K_g)
        for _ in range(3):
            yield from self.wait(2)
            yield from self.press(pygame.K_RIGHT)
        yield from self.press(pygame.K_ESCAPE)
        yield from self.until(lambda: self.top == "title")

    def campaign(self) -> Step:
        session = self.app.ui.session
        assert session is not None
        policy = make_policy("greedy", session.career.book)
        first_turn = session.state.turn
        rng = random.Random(7)
        yield from self.wait(3)
        yield from self.tooltip()
        while session.state.turn < first_turn + self.turns and not session.career.is_over:
            yield from self.until(lambda: not session.busy and self.app.top.kind in (
                "campaign", "event_card", "contest", "end"))
            yield from self.wait(2)
            top = self.top
            if top == "end":
                return
            if top == "contest":
                yield from self.wait(3)
                yield from self.press(pygame.K_RETURN)
                continue
            state = session.state
            if to_move(state) != session.player.id:
                yield
                continue
            legal = legal_moves(state, session.player.id)
            command = policy.choose(View(state, session.player.id), legal, rng)
            yield from self.command(command)

    def tooltip(self) -> Step:
        """Keyboard focus on a move: its tooltip explains the chance."""
        yield from self.press(pygame.K_TAB)
        yield from self.press(pygame.K_DOWN)
        yield from self.press(pygame.K_DOWN)
        self.wanted = "campaign_tooltip"
        yield from self.wait(2)
        yield from self.press(pygame.K_TAB)
        yield from self.press(pygame.K_DOWN)
        self.wanted = "campaign_board_tooltip"
        yield from self.wait(2)
        size = self.app.ui.size
        click((2, size[1] - 2))  # back to the mouse, parked on the window's margin
        yield from self.wait(2)

    def command(self, command: object) -> Step:
        from game.ui.scenes.campaign import CampaignScene

        top = self.app.top
        if isinstance(command, ChooseOption) and self.top == "event_card":
            choices = self.app.ui.session.career.book.events[command.event].choices  # type: ignore[union-attr]
            index = next(i for i, c in enumerate(choices) if c.id == command.choice)
            yield from self.wait(2)
            yield from self.press(pygame.K_1 + index)
        elif isinstance(command, MakeMove) and isinstance(top, CampaignScene):
            rect = top.moves.locate(command)
            if rect is None:
                channel = top.session.career.book.moves[command.move].channel
                top.folded[channel] = False
                top.moves.refresh()
                rect = top.moves.locate(command)
            yield from self.wait(1)
            version = top.session.version
            if rect is not None:
                click(rect.center)
            yield from self.wait(2)
            if top.session.version == version:  # the click did nothing: end the turn
                yield from self.press(pygame.K_e)
        elif isinstance(command, EndTurn):
            yield from self.press(pygame.K_e)
        else:
            yield

    def settle(self) -> Step:
        """Answer cards and close results until the campaign (or the end) is on top."""
        session = self.app.ui.session
        for _ in range(50):
            yield from self.until(lambda: session is None or not session.busy)
            yield from self.wait(2)
            if self.top == "contest":
                yield from self.press(pygame.K_RETURN)
            elif self.top == "event_card":
                yield from self.press(pygame.K_1)
            else:
                return

    def save_and_load(self) -> Step:
        yield from self.settle()
        session = self.app.ui.session
        if session is None or session.career.is_over or self.top != "campaign":
            return
        self.wanted = "campaign_later"  # the board after some turns
        yield from self.wait(2)
        yield from self.press(pygame.K_ESCAPE)
        yield from self.until(lambda: self.top == "pause")
        yield from self.wait(2)
        yield from self.press(pygame.K_ESCAPE)
        yield from self.until(lambda: self.top == "campaign")
        yield from self.settle()
        yield from self.press(pygame.K_s, pygame.KMOD_CTRL)
        yield from self.until(lambda: self.top == "save")
        yield from self.wait(2)
        yield from self.press(pygame.K_RETURN)  # slot 1
        yield from self.until(lambda: self.top == "campaign")
        yield from self.settle()
        broken = self.app.ui.paths.saves / "slot8.json"
        broken.write_text("{ not a save", encoding="utf-8")
        yield from self.press(pygame.K_l, pygame.KMOD_CTRL)
        yield from self.until(lambda: self.top == "load")
        yield from self.wait(2)
        load = self.app.top
        slots = [info.slot for info in getattr(load, "infos", [])]
        load.buttons.set_focus(slots.index("slot8") if "slot8" in slots else 0)
        yield from self.press(pygame.K_RETURN)
        yield from self.wait(3)
        yield from self.press(pygame.K_ESCAPE)  # the error screen: back to the menu
        yield from self.until(lambda: self.top == "title")
        yield from self.press(pygame.K_c)  # continue: the newest save
        yield from self.until(lambda: self.top == "campaign")
        yield from self.wait(3)

    def finish(self) -> Step:
        yield from self.settle()
        if self.top == "campaign":
            yield from self.press(pygame.K_ESCAPE)
            yield from self.until(lambda: self.top == "pause")
            pause = self.app.top
            pause.buttons.set_focus(5)  # career so far
            yield from self.press(pygame.K_RETURN)
            yield from self.until(lambda: self.top in ("summary", "end"))
        yield from self.until(lambda: self.top in ("summary", "end"))
        yield from self.wait(3)


def run_demo(args: argparse.Namespace | None, size: tuple[int, int] | None = None) -> int:
    """Play the demo for ``args.demo`` turns at ``size`` (else ``args.size``, else 1280x720);
    screenshots go to ``args.screenshots``."""
    size = size or getattr(args, "size", None) or BASE_SIZE
    turns = int(getattr(args, "demo", 3) or 3)
    out = getattr(args, "screenshots", None)
    lang = getattr(args, "lang", "en") or "en"
    scenario = getattr(args, "scenario", None)
    seed = int(getattr(args, "seed", 0) or 0)
    with tempfile.TemporaryDirectory(prefix="saluran-demo-") as home:
        paths = Paths(Path(home) / "config", Path(home) / "saves", persist=False)
        paths.saves.mkdir(parents=True)
        app = App(paths, Settings(language=lang), size=size)
        app.ui.demo = True
        app.fps = 0  # as fast as it draws
        director = Director(app, turns, Path(out) if out else None)
        from game.ui.scenes.title import TitleScene

        extra = (scenario,) if scenario and ("/" in scenario or Path(scenario).exists()) else ()
        app.start(TitleScene(app.ui, extra=extra, seed=seed,
                             preselect=None if extra else scenario))
        try:
            code = app.run()
        finally:
            pygame.quit()
        if app.crashes:
            print("saluran: the demo hit an error (see above)", file=sys.stderr)
            return 1
        if out:
            print(f"demo: {len(director.shots)} screenshots in {out}")
        return code
