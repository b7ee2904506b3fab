"""Every scene draws and handles scripted input under the dummy video and audio drivers."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pygame
import pygame_gui
import pytest
from ui_helpers import (
    MINI,
    click,
    click_button,
    key,
    make_app,
    open_campaign,
    policy_step,
    pump,
    wait_for,
)

from game.ai import make_policy
from game.core import EndTurn, MakeMove
from game.ui.app import App
from game.ui.scene import Push, Reset
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.contest import ContestScene
from game.ui.scenes.ending import EndScene
from game.ui.scenes.error import ErrorScene
from game.ui.scenes.guide import GuideScene
from game.ui.scenes.newcareer import NewCareerScene
from game.ui.scenes.saveload import SaveLoadScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.title import TitleScene
from game.ui.settings import load_settings


@pytest.fixture
def app(tmp_path: Path) -> App:
    app = make_app(tmp_path)
    yield app
    session = app.ui.session
    if session is not None:
        session.wait()
    pygame.quit()


def test_title_menu_by_keyboard(app: App) -> None:
    app.start(TitleScene(app.ui))
    pump(app)
    assert app.top.kind == "title"
    assert not app.top.buttons.items[0][0].is_enabled  # nothing to continue yet
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # the focus moved from "New career" to "Load"
    assert app.top.kind == "load"
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_g)
    assert app.top.kind == "guide_channels"
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_q)
    assert not app.running


def test_settings_change_and_persist(app: App) -> None:
    app.start(TitleScene(app.ui))
    app.apply(Push(SettingsScene(app.ui)))
    pump(app)
    key(app, pygame.K_RIGHT)  # language -> Bahasa Indonesia
    assert app.ui.settings.language == "id"
    assert app.top.buttons.items[0][0].text.startswith("Bahasa")
    assert load_settings(app.ui.paths).language == "id"
    for _ in range(4):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # animation speed
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # palette
    assert app.ui.settings.palette == "colourblind"
    key(app, pygame.K_UP)
    key(app, pygame.K_UP)
    key(app, pygame.K_RIGHT)  # UI scale up: everything is rebuilt at the new size
    assert app.ui.settings.ui_scale > 1.0
    assert app.ui.scale > 1.0
    click_button(app, "Kembali")
    assert app.top.kind == "title"


def test_guide_pages_scroll_in_both_languages(app: App) -> None:
    for lang in ("en", "id"):
        app.ui.apply_settings(app.ui.settings.with_(language=lang))
        app.start(GuideScene(app.ui))
        pump(app)
        for page in ("guide_channels", "guide_rules", "guide_keys"):
            assert app.top.kind == page
            key(app, pygame.K_PAGEDOWN)
            key(app, pygame.K_RIGHT)
        assert app.top.kind == "guide_channels"


def test_new_career_form(app: App) -> None:
    app.start(TitleScene(app.ui))
    app.apply(Push(NewCareerScene(app.ui, (MINI,), seed=5)))
    pump(app)
    scene = app.top
    assert isinstance(scene, NewCareerScene)
    assert scene.name_entry is not None
    scene.name_entry.set_text("Siti")
    click_button(app, "Ordinary")  # cycles the background
    row = next(w for w in app.ui.manager.get_root_container().elements
               if isinstance(w, pygame_gui.elements.UIButton) and "Student activist" in w.text)
    assert "Support +5, Network +4" in row.tool_tip_text  # what it adds, in the scenario's words
    click_button(app, "Normal")  # cycles the difficulty
    assert app.top.kind == "new_career"
    key(app, pygame.K_F2)  # the name field takes the keyboard; letters do not act
    key(app, pygame.K_q)
    assert app.running and app.top.kind == "new_career"
    key(app, pygame.K_ESCAPE)  # leaves the field
    click_button(app, "Start career")
    assert app.top.kind == "campaign"
    session = app.ui.session
    assert session is not None and session.player.name == "Siti"
    assert session.state.seed == 5
    assert session.career.difficulty == "hard" and session.career.rivals is None


def test_campaign_hover_keyboard_and_moves(app: App) -> None:
    scene = open_campaign(app)
    assert isinstance(scene, CampaignScene)
    session = app.ui.session
    assert session is not None
    targets = scene.all_targets()
    groups = {t.group for t in targets}
    assert {"moves", "board", "contests", "top"} <= groups
    for target in targets:  # every tooltip renders
        scene.set_hover(target)
        pump(app, 1)
    key(app, pygame.K_TAB)
    key(app, pygame.K_DOWN)
    assert scene.keys.key_of is not None and scene.tips.visible
    key(app, pygame.K_TAB)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_UP)
    assert scene.keys.key_of is not None and scene.keys.key_of.startswith("pos:")
    before = session.version
    legal = [c for c in session.legal() if isinstance(c, MakeMove)]
    rect = scene.moves.locate(legal[0])
    assert rect is not None
    pump(app, 1)
    click(app, rect.center)
    assert session.version > before
    assert session.career.history[-1] == legal[0]
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    pump(app)
    key(app, pygame.K_1)  # the first available move, by number
    key(app, pygame.K_e)
    assert session.busy or session.state.turn == 2 or app.top.kind != "campaign"
    wait_for(app, lambda: not session.busy)


def test_cards_contests_and_the_end_by_policy(app: App) -> None:
    open_campaign(app)
    session = app.ui.session
    assert session is not None
    policy = make_policy("greedy", session.career.book)
    rng = random.Random(3)
    seen: set[str] = set()
    for _ in range(1500):
        if app.top.kind == "end":
            break
        seen.add(policy_step(app, policy, rng))
    assert app.top.kind == "end"
    assert {"card", "contest", "move", "end_turn"} <= seen
    click_button(app, "Main menu")
    assert app.top.kind == "title"


def test_pause_menu_summary_save_and_load(app: App) -> None:
    open_campaign(app)
    key(app, pygame.K_ESCAPE)
    assert app.top.kind == "pause"
    click_button(app, "Career so far")
    assert app.top.kind == "summary"
    key(app, pygame.K_ESCAPE)
    assert app.top.kind == "pause"
    click_button(app, "Save")
    assert app.top.kind == "save"
    click_button(app, "Slot 1")
    assert app.top.kind == "campaign"  # saved: back in the game, with a message
    assert isinstance(app.top, CampaignScene) and app.top.toast[0]
    assert (app.ui.paths.saves / "slot1.json").exists()
    app.apply(Push(SaveLoadScene(app.ui, saving=False)))
    pump(app)
    click_button(app, "Slot 1")
    assert app.top.kind == "campaign"


def test_broken_save_shows_the_problem(app: App) -> None:
    app.ui.paths.saves.mkdir(parents=True)
    (app.ui.paths.saves / "slot3.json").write_text("{ not json", "utf-8")
    app.start(TitleScene(app.ui))
    app.apply(Push(SaveLoadScene(app.ui, saving=False)))
    pump(app)
    click_button(app, "Slot 3")
    assert isinstance(app.top, ErrorScene) and not app.top.crash
    key(app, pygame.K_ESCAPE)
    assert app.top.kind == "title"


def test_a_crash_saves_first_and_shows_the_error_screen(app: App) -> None:
    scene = open_campaign(app)

    def broken(dt: float) -> None:
        raise RuntimeError("boom")

    scene.update = broken  # type: ignore[method-assign]
    app.frame(0.016)
    assert isinstance(app.top, ErrorScene) and app.top.crash
    assert app.top.saved is not None and app.top.saved.exists()
    assert app.ui.session is None
    app.crashes = 0  # expected: the error screen itself must run cleanly
    click_button(app, "Back to the menu")
    assert app.top.kind == "title"


def test_contest_scene_pages_and_list_seats(app: App) -> None:
    open_campaign(app, "nusantara", seed=2)
    session = app.ui.session
    assert session is not None
    held = []
    while not held and not session.career.is_over:
        events = session.submit(EndTurn(session.player.id)) or session.wait() or []
        held = [e for e in events if getattr(e, "kind", "") == "contest_held"]
        while session.waiting_card():
            event = session.waiting_card()
            choice = session.career.book.events[event].choices[0].id
            from game.core import ChooseOption

            session.submit(ChooseOption(session.player.id, event, choice))
            held += [e for e in session.wait() or [] if getattr(e, "kind", "") == "contest_held"]
    assert held
    app.apply(Push(ContestScene(app.ui, held[:2])))  # type: ignore[arg-type]
    pump(app)
    key(app, pygame.K_DOWN)
    click(app, (app.ui.size[0] // 4, app.ui.s(160)))
    key(app, pygame.K_RETURN)
    pump(app)
    assert app.top.kind in ("contest", "campaign")


def test_end_screen_for_a_finished_career(app: App) -> None:
    open_campaign(app)
    session = app.ui.session
    assert session is not None
    session.career.play_to_end()
    session.version += 1
    app.apply(Reset(EndScene(app.ui)))
    pump(app)
    assert app.top.kind == "end"
    scene = app.top
    assert isinstance(scene, EndScene) and scene.targets
    scene.tips.show(scene.targets[0])
    pump(app)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)  # "New career"
    assert app.top.kind == "new_career"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (960, 540)])
def test_every_scene_draws_at_each_size(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, size=size, language="id")
    try:
        open_campaign(app)
        for scene in (TitleScene(app.ui), SettingsScene(app.ui), GuideScene(app.ui, 1),
                      NewCareerScene(app.ui, (MINI,)), SaveLoadScene(app.ui, saving=True),
                      EndScene(app.ui, summary=True), ErrorScene(app.ui, "x", crash=False)):
            app.apply(Push(scene))
            pump(app)
            assert app.top is scene
            app.apply(Reset(CampaignScene(app.ui)))
            pump(app)
    finally:
        pygame.quit()


def test_window_resize_rebuilds(app: App) -> None:
    app.fixed_size = None
    open_campaign(app)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900)))
    pump(app)
    assert app.ui.size == (1600, 900)
    assert app.top.kind == "campaign"
    assert app.ui.scale > 1.0


def test_global_keys_scale_and_fullscreen(app: App) -> None:
    open_campaign(app)
    key(app, pygame.K_EQUALS, pygame.KMOD_CTRL)
    assert app.ui.settings.ui_scale == 1.1
    key(app, pygame.K_MINUS, pygame.KMOD_CTRL)
    key(app, pygame.K_MINUS, pygame.KMOD_CTRL)
    assert app.ui.settings.ui_scale == 0.9
    assert app.top.kind == "campaign"
    key(app, pygame.K_F11)
    assert app.ui.settings.fullscreen


def test_a_broken_save_offers_one_that_loads(app: App) -> None:
    open_campaign(app)
    session = app.ui.session
    assert session is not None
    good = app.ui.paths.saves / "slot1.json"
    session.save(good)
    session.save(good)  # the first version becomes slot1.json.bak
    good.write_text("{ broken", "utf-8")
    app.apply(Push(SaveLoadScene(app.ui, saving=False)))
    pump(app)
    click_button(app, "Slot 1")
    assert isinstance(app.top, ErrorScene) and app.top.alternative is not None
    click_button(app, "Load ")
    assert app.top.kind == "campaign"


def test_new_career_stacks_the_mods_chosen_in_the_order_chosen(
        app: App, tmp_path: Path) -> None:
    from game.content import load_scenario, use_mods_folder

    mods = tmp_path / "mods"
    for name, agenda in (("slow_study", 2), ("quick_study", 1)):
        folder = mods / name
        folder.mkdir(parents=True)
        mod = {"applies_to": ["mini"], "name": {"en": name, "id": name},
               "patch": {"moves": {"study": {"cost": {"agenda": agenda}}}}}
        (folder / "mod.json").write_text(json.dumps(mod), "utf-8")
    use_mods_folder(mods)
    try:
        app.start(TitleScene(app.ui))
        app.apply(Push(NewCareerScene(app.ui, (MINI,), seed=5)))
        pump(app)
        click_button(app, "[  ] quick_study")
        click_button(app, "[  ] slow_study")  # loaded second: it wins where both edit
        scene = app.top
        assert isinstance(scene, NewCareerScene) and scene.mods == ["quick_study", "slow_study"]
        assert scene.mod_note.startswith("Conflict:")  # both set the agenda of the same move
        app.apply(scene._earlier("slow_study")())  # the Up button of its row
        pump(app)
        app.apply(app.top._earlier("quick_study")())  # and back: quick_study first again
        pump(app)
        click_button(app, "Start career")
        session = app.ui.session
        assert session is not None
        assert session.career.book.moves["study"].agenda == 2
        assert {m.id: m.agenda for m in load_scenario(MINI).moves}["study"] == 1
    finally:
        use_mods_folder(None)
