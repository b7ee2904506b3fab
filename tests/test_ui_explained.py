"""Numbers on screen come with their explanation on hover."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_helpers import make_app, open_campaign, pump

from game.core import MakeMove, legacy_parts
from game.core.events import Contestant, ContestHeld
from game.ui.app import App
from game.ui.locale import Locale
from game.ui.panels.contests import Upcoming
from game.ui.panels.lens import Lens
from game.ui.panels.tips import move_tip, position_tip
from game.ui.scene import Push, Reset
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.contest import ContestScene
from game.ui.scenes.ending import EndScene


@pytest.fixture
def app(tmp_path: Path) -> App:
    app = make_app(tmp_path, language="id", hints=False)
    yield app
    if app.ui.session is not None:
        app.ui.session.wait()
    pygame.quit()


def number(text: str) -> float:
    """An Indonesian number ("1.234,5") as a float."""
    return float(text.replace("\u2212", "-").replace(".", "").replace(",", "."))


def test_the_legacy_score_is_its_parts(app: App) -> None:
    open_campaign(app)
    session = app.ui.session
    assert session is not None
    session.career.play_to_end("greedy")
    session.version += 1
    app.apply(Reset(EndScene(app.ui)))
    pump(app)
    scene = app.top
    assert isinstance(scene, EndScene)
    legacy = next(t for t in scene.targets if t.key == "legacy")
    tip = legacy.tip() if legacy.tip else None
    assert tip is not None
    parts = [line for line in tip.lines if line.indent == 0 and line.right]
    *shown, total = parts
    assert len(shown) == len(legacy_parts(session.state, session.player))
    assert sum(number(line.right) for line in shown) == pytest.approx(
        number(total.right), abs=0.1 * len(shown))
    assert number(total.right) == pytest.approx(session.career.score, abs=0.05)
    assert "gengsi jabatan tertinggi" not in tip.body  # the old rule, no longer true


def test_a_chamber_bar_is_explained_by_seats_per_party(app: App) -> None:
    open_campaign(app)
    session = app.ui.session
    assert session is not None
    session.state.party_seats["mayor"] = {"red": 1, "blue": 1}
    tip = position_tip(Lens.of(app.ui, session), "mayor", reachable=False)
    rows = [(line.left, line.right) for line in tip.lines]
    assert (Locale("id").t("tip.chamber"), "") in rows
    assert ("Partai Merah", "1") in rows and ("Partai Biru", "1") in rows


def test_the_cutoff_line_shows_its_value(app: App) -> None:
    open_campaign(app)
    session = app.ui.session
    assert session is not None
    contest = session.career.book.scenario.contests[0]
    me = Contestant(session.player.id, "me", (), 0.0, 20.0, 0.4, False)
    other = Contestant(None, "field", (), 0.0, 31.0, 0.6, True)
    app.apply(Push(ContestScene(app.ui, [ContestHeld(contest.id, contest.position, None, 1,
                                                     (me, other))])))
    seen: list[str] = []
    render = app.ui.text.render
    app.ui.text.render = lambda text, *a, **k: seen.append(text) or render(  # type: ignore[method-assign]
        text, *a, **k)
    try:
        pump(app, 2)
    finally:
        app.ui.text.render = render  # type: ignore[method-assign]
    assert "batas untuk menang: 31,0" in seen  # the weakest winner's strength


def test_more_contests_than_fit_are_listed_on_hover(app: App) -> None:
    scene = open_campaign(app)
    assert isinstance(scene, CampaignScene)
    panel = scene.contests
    ids = [c.id for c in scene.lens.book.scenario.contests]
    panel.items = [Upcoming(cid, 2, "cannot", None) for cid in ids]
    panel.invalidate()
    pump(app, 2)
    more = next(t for t in scene.all_targets() if t.key == "contests:more")
    tip = more.tip() if more.tip else None
    assert tip is not None
    listed = [line.left for line in tip.lines if line.indent == 0]
    hidden = ids[len(ids) - len(listed):]
    assert listed == [scene.lens.names.contest(c) for c in hidden] and listed


def test_a_repeated_move_says_how_much_of_its_gains_it_still_yields(app: App) -> None:
    open_campaign(app, "nusantara", seed=3)
    session = app.ui.session
    assert session is not None
    state, book = session.state, session.career.book
    command = next(c for c in session.legal() if isinstance(c, MakeMove)
                   and c.move in book.repeats and not c.target)
    mdef, repeat = book.moves[command.move], book.repeats[command.move]
    lens = Lens.of(app.ui, session)
    fresh = move_tip(lens, mdef, command, session.career.preview(command), None)
    said = Locale("id").t("tip.repeat", window=repeat.window,
                          share=Locale("id").percent(repeat.falloff))
    assert said in [line.left for line in fresh.lines]
    state.player.recent[command.move] = (state.turn - 2, state.turn - 1)
    preview = session.career.preview(command)
    assert preview.share == pytest.approx(repeat.falloff ** 2) and preview.repeats == 2
    tip = move_tip(lens, mdef, command, preview, None)
    said = Locale("id").t("tip.repeated", n=2, window=repeat.window,
                          share=Locale("id").percent(preview.share))
    assert said in [line.left for line in tip.lines]
