"""The error screens speak the player's language: broken saves, broken scenarios, crashes."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest
from ui_helpers import make_app, open_campaign, pump

from game.content import ContentError
from game.content.issues import issue
from game.persistence import SaveError, read_save
from game.ui.app import App
from game.ui.locale import Locale
from game.ui.problems import problem_lines, save_problem
from game.ui.scene import Push, Reset
from game.ui.scenes.error import ErrorScene
from game.ui.scenes.flow import open_save
from game.ui.scenes.saveload import SaveLoadScene
from game.ui.scenes.title import TitleScene

BROKEN = {  # file content -> what the screen must say it is
    "{ not json": "damaged", "": "empty", "[]": "not_a_save", '{"a": 1}': "not_a_save",
    '{"format": 99}': "newer", '{"format": 0}': "unknown_format",
}
ENGLISH = re.compile(r"\b(the|file|save|was|left|try|instead|damaged|cannot|could|here|is|not|"
                     r"technical|detail|wrong|career|menu|load|went|game|saved|report)\b", re.I)
TECHNICAL = Locale("id").t("problem.technical", detail="")


def english_words(lines: list[str]) -> list[str]:
    """English words in lines the UI builds (the technical detail and paths left out)."""
    found = []
    for line in lines:
        if line.startswith(TECHNICAL):
            continue
        plain = " ".join(w for w in line.split() if "/" not in w and "." not in w)
        found += ENGLISH.findall(plain)
    return found


def save_error(tmp_path: Path, content: str | None) -> SaveError:
    path = tmp_path / "slot3.json"
    if content is None:
        path.mkdir()
    else:
        path.write_text(content, "utf-8")
    with pytest.raises(SaveError) as caught:
        read_save(path)
    return caught.value


@pytest.mark.parametrize(("content", "kind"), [*BROKEN.items(), (None, "folder")])
def test_a_broken_save_is_explained_in_bahasa_indonesia(tmp_path: Path, content: str | None,
                                                        kind: str) -> None:
    error = save_error(tmp_path, content)
    assert save_problem(error.reason, error) == kind
    lines = problem_lines(Locale("id").t, error)
    assert lines[0] == "Berkas: slot3.json (di " + str(tmp_path) + ")"
    assert Locale("id").t(f"problem.save_{kind}") in lines
    assert any(line.startswith(TECHNICAL) and error.reason in line for line in lines)
    assert not english_words(lines), lines


def test_a_crash_and_a_broken_scenario_in_bahasa_indonesia() -> None:
    t = Locale("id").t
    assert problem_lines(t, RuntimeError("boom")) == ["Rincian teknis: RuntimeError: boom"]
    issues = [issue("unknown-key", f"message {n}", "mod.json") for n in range(14)]
    lines = problem_lines(t, ContentError(issues))
    assert lines[0] == t("problem.issues") and not english_words([lines[0], lines[-1]])
    assert lines[1] == issues[0].render()  # the validator's own words
    assert lines[-1] == "\u2026 dan 2 lagi"


@pytest.fixture
def app(tmp_path: Path) -> App:
    app = make_app(tmp_path, language="id")
    yield app
    if app.ui.session is not None:
        app.ui.session.wait()
    pygame.quit()


def test_the_broken_save_screen_in_bahasa_indonesia(app: App) -> None:
    app.ui.paths.saves.mkdir(parents=True)
    (app.ui.paths.saves / "slot3.json").write_text("{ not json", "utf-8")
    app.start(TitleScene(app.ui))
    app.apply(Push(SaveLoadScene(app.ui, saving=False)))
    pump(app)
    app.apply(open_save(app.ui, app.ui.paths.saves / "slot3.json"))
    pump(app)
    scene = app.top
    assert isinstance(scene, ErrorScene) and not scene.crash
    shown = [line for line in scene.html.split("<br>") if line]
    assert "Berkas ini rusak atau tidak lengkap." in shown
    assert not english_words([re.sub(r"<[^>]+>", "", line) for line in shown]), shown


def test_the_crash_screen_in_bahasa_indonesia(app: App) -> None:
    open_campaign(app)
    app.crash(RuntimeError("boom"))
    app.crashes = 0  # expected: the error screen itself must run cleanly
    pump(app)
    scene = app.top
    assert isinstance(scene, ErrorScene) and scene.crash and scene.saved is not None
    shown = [re.sub(r"<[^>]+>", "", line) for line in scene.html.split("<br>") if line]
    assert "Rincian teknis: RuntimeError: boom" in shown
    assert not english_words(shown), shown
    app.apply(Reset(TitleScene(app.ui)))
    pump(app)


def test_an_unreadable_save_says_why_in_the_load_list(app: App) -> None:
    app.ui.paths.saves.mkdir(parents=True)
    (app.ui.paths.saves / "slot3.json").write_text("", "utf-8")
    app.start(TitleScene(app.ui))
    scene = SaveLoadScene(app.ui, saving=False)
    app.apply(Push(scene))
    pump(app)
    info = next(i for i in scene.infos if i.slot == "slot3")
    tip = scene.problem_tip(info)
    assert tip.startswith("Berkas ini kosong: simpanan tidak pernah selesai ditulis.")


def test_every_kind_of_save_problem_has_words_in_both_languages() -> None:
    from game.ui.locale import table
    from game.ui.problems import SAVE_REASONS

    kinds = {kind for _, kind in SAVE_REASONS} | {"newer", "ironman", "permission",
                                                  "unreadable", "other"}
    for lang in ("en", "id"):
        missing = [k for k in kinds if f"problem.save_{k}" not in table(lang)]
        assert not missing, (lang, missing)


def test_every_save_problem_the_reader_names_has_words_in_both_languages() -> None:
    import json
    from pathlib import Path

    from game.persistence import SaveError
    from game.persistence.errors import REASONS
    from game.ui.problems import save_problem

    locale = Path(__file__).resolve().parents[1] / "game" / "ui" / "locale"
    tables = [json.loads((locale / f"{lang}.json").read_text("utf-8")) for lang in ("en", "id")]
    unworded = {"no_history", "diverged"}  # replays' own messages, not a broken file
    for key, template in REASONS.items():
        error = SaveError(Path("x.json"), template, key=key)
        kind = save_problem(error.reason, error)
        if key in unworded:
            continue
        assert kind != "other", key
        assert all(f"problem.save_{kind}" in table for table in tables), key
