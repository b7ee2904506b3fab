"""UI timings for ``saluran bench --ui``: start to menu, campaign frame time, end turn to ready.

Runs the real app under whatever SDL video driver is set (the dummy one when none is).
"""

from __future__ import annotations

import importlib
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

FRAMES = 300
TURNS = 10


@dataclass(frozen=True, slots=True)
class UiTimings:
    """Milliseconds."""

    start_to_menu: float
    frame_median: float
    frame_p90: float
    tooltip_frame_median: float
    end_turn_median: float
    end_turn_max: float
    turns: int
    rivals: str = ""  # how the rivals were played: each persona and its difficulty


def measure(scenario: str, seed: int, size: tuple[int, int] = (1280, 720),
            difficulty: str = "normal") -> UiTimings:
    """Open the app, reach the menu, start a career (rivals at ``difficulty``) and time
    frames and turns."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    began = time.perf_counter()
    app_module = importlib.import_module("game.ui.app")
    from game.ui.scenes.title import TitleScene
    from game.ui.settings import Paths, Settings

    with tempfile.TemporaryDirectory(prefix="saluran-bench-ui-") as home:
        paths = Paths(Path(home) / "config", Path(home) / "saves", persist=False)
        app = app_module.App(paths, Settings(hints=False), size=size)
        app.start(TitleScene(app.ui))
        app.frame(0.016)
        start_to_menu = (time.perf_counter() - began) * 1000
        try:
            return _campaign(app, scenario, seed, start_to_menu, difficulty)
        finally:
            import pygame

            pygame.quit()


def _campaign(app: object, scenario: str, seed: int, start_to_menu: float,
              difficulty: str) -> UiTimings:
    from game.ai.difficulty import level_of
    from game.core import EndTurn
    from game.ui.app import App
    from game.ui.scene import Reset
    from game.ui.scenes.campaign import CampaignScene
    from game.ui.session import Session

    assert isinstance(app, App)
    app.ui.session = session = Session.new(scenario, seed, difficulty=difficulty)
    career = session.career
    rivals = ", ".join(sorted({f"{p.name} ({level_of(p) or '-'})"
                               for aid, p in career.policies.items() if aid != career.player_id}))
    app.apply(Reset(CampaignScene(app.ui)))
    for _ in range(5):
        app.frame(0.016)
    plain = _frames(app, FRAMES)
    scene = app.top
    assert isinstance(scene, CampaignScene)
    targets = scene.all_targets()
    tipped: list[float] = []
    for index in range(FRAMES):
        scene.keys.active = True  # hold the keyboard focus: the tooltip stays up
        scene.keys.key_of = targets[(index // 10) % len(targets)].key
        tipped += _frames(app, 1)
    scene.keys.active = False
    turns: list[float] = []
    for _ in range(TURNS):
        if session.career.is_over:
            break
        _settle(app)
        began = time.perf_counter()
        session.submit(EndTurn(session.player.id))
        while session.busy or app.top.kind != "campaign" or scene.seen_version != session.version:
            app.frame(0.016)
            if app.top.kind != "campaign":
                break
        turns.append((time.perf_counter() - began) * 1000)
    return UiTimings(start_to_menu, statistics.median(plain), _p90(plain),
                     statistics.median(tipped), statistics.median(turns or [0.0]),
                     max(turns or [0.0]), len(turns), rivals)


def _frames(app: object, count: int) -> list[float]:
    times = []
    for _ in range(count):
        began = time.perf_counter()
        app.frame(0.016)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - began) * 1000)
    return times


def _settle(app: object) -> None:
    """Answer event cards and close result screens until the campaign is on top."""
    import pygame

    for _ in range(200):
        kind = app.top.kind  # type: ignore[attr-defined]
        if kind == "campaign":
            return
        key = pygame.K_1 if kind == "event_card" else pygame.K_RETURN
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="",
                                             scancode=0))
        for _ in range(3):
            app.frame(0.016)  # type: ignore[attr-defined]


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def report(timings: UiTimings) -> list[str]:
    """The bench lines."""
    return [
        "ui (1280x720, SDL dummy driver):",
        f"  start to main menu, ms:        {timings.start_to_menu:8.1f}  (imports included)",
        f"  campaign frame, median ms:     {timings.frame_median:8.2f}  "
        f"(p90 {timings.frame_p90:.2f})",
        f"  campaign frame + tooltip, ms:  {timings.tooltip_frame_median:8.2f}",
        f"  end turn to ready, median ms:  {timings.end_turn_median:8.1f}  "
        f"(max {timings.end_turn_max:.1f}, {timings.turns} turns)",
        f"  rivals:                        {timings.rivals}",
    ]
