"""A scripted click-through of the whole game: menu, new career, moves, an event card, a
contest, save, load, and the end screen -- all by clicks and keys on the real UI."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
from ui_helpers import MINI, click_button, key, make_app, policy_step, pump, wait_for

from game.ai import make_policy
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.title import TitleScene


def test_click_through_a_whole_career(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    try:
        app.start(TitleScene(app.ui, (MINI,), seed=1))
        pump(app)
        click_button(app, "New career")
        assert app.top.kind == "new_career"
        click_button(app, "Start career")
        assert app.top.kind == "campaign"
        session = app.ui.session
        assert session is not None
        click_button(app, "Got it")  # the first tutorial hint
        policy = make_policy("greedy", session.career.book)
        rng = random.Random(11)
        done: list[str] = []
        while not {"move", "card", "contest"} <= set(done):
            done.append(policy_step(app, policy, rng))
            assert app.top.kind != "end", "the career ended before a card and a contest"
        turn = session.state.turn

        wait_for(app, lambda: app.top.kind == "campaign" and not session.busy)
        key(app, pygame.K_s, pygame.KMOD_CTRL)
        assert app.top.kind == "save"
        click_button(app, "Slot 2")
        assert app.top.kind == "campaign"
        saved = app.ui.paths.saves / "slot2.json"
        assert saved.exists()

        policy_step(app, policy, rng)  # play on a little, then load the save back
        key(app, pygame.K_ESCAPE)
        click_button(app, "Load")
        assert app.top.kind == "load"
        click_button(app, "Slot 2")
        assert isinstance(app.top, CampaignScene)
        loaded = app.ui.session
        assert loaded is not None and loaded is not session
        assert loaded.state.turn == turn

        for _ in range(3000):
            if app.top.kind == "end":
                break
            policy_step(app, policy, rng)
        assert app.top.kind == "end"
        assert loaded.career.is_over
        pump(app, 3)
    finally:
        if app.ui.session is not None:
            app.ui.session.wait()
        pygame.quit()


def test_closing_the_window_mid_career_autosaves(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    try:
        app.start(TitleScene(app.ui, (MINI,), seed=2))
        pump(app)
        key(app, pygame.K_n)
        click_button(app, "Start career")
        assert app.top.kind == "campaign"
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        pump(app, 1)
        assert not app.running
        autosaves = list(app.ui.paths.saves.glob("autosave-*.json"))
        assert autosaves
    finally:
        pygame.quit()
