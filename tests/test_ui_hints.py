"""The tutorial hint box sits on the campaign screen, never over a card, results or the menu."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_helpers import make_app, open_campaign, pump

from game.core.events import Contestant, ContestHeld
from game.ui.app import App
from game.ui.scene import Pop, Push, Scene
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.contest import ContestScene
from game.ui.scenes.pause import PauseScene


def a_result(app: App) -> ContestHeld:
    """A contest the player lost to one other entrant (enough for the results dialog)."""
    session = app.ui.session
    assert session is not None
    contest = session.career.book.scenario.contests[0]
    me = Contestant(session.player.id, session.player.name, (), 0.5, 20.0, 0.4, False)
    other = Contestant(None, "field", (), -0.5, 30.0, 0.6, True)
    return ContestHeld(contest.id, contest.position, None, 1, (me, other))


def modal_screen(app: App, make: type[Scene] | str, hints: bool) -> bytes:
    """The screen with a modal scene on top of the campaign, hints on or off."""
    app.ui.apply_settings(app.ui.settings.with_(hints=hints, seen_hints=()))
    app.rebuild_all()
    pump(app, 2)
    scene = ContestScene(app.ui, [a_result(app)]) if make == "contest" else PauseScene(app.ui)
    app.apply(Push(scene))
    pump(app, 3)
    assert app.top is scene
    picture = pygame.image.tobytes(app.ui.screen, "RGB")
    app.apply(Pop())
    pump(app, 2)
    return picture


@pytest.mark.parametrize("modal", ["contest", "pause"])
def test_a_modal_scene_hides_the_hint_box(tmp_path: Path, modal: str) -> None:
    app = make_app(tmp_path)
    try:
        campaign = open_campaign(app)
        assert isinstance(campaign, CampaignScene)
        app.ui.apply_settings(app.ui.settings.with_(hints=True, seen_hints=()))
        app.rebuild_all()
        pump(app, 2)
        assert campaign.hints.rect.w > 0  # the box is up on the campaign screen
        with_hints = modal_screen(app, modal, hints=True)
        without = modal_screen(app, modal, hints=False)
        assert with_hints == without  # nothing of the box shows through, not even dimmed
        app.ui.apply_settings(app.ui.settings.with_(hints=True))
        app.rebuild_all()
        pump(app, 2)
        assert app.top is campaign and campaign.hints.rect.w > 0 and not campaign.hints.covered
        assert any(b.visible for b in campaign.hints.widgets)  # back once the modal closed
        assert app.ui.session is not None
        app.ui.session.wait()
    finally:
        pygame.quit()
