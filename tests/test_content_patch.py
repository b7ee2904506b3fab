"""Patches and patch mods: field edits by id, list edits, load order, conflicts, names, saves."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.api import Career
from game.cli import main
from game.content import (
    ContentError,
    check_scenario,
    load_scenario,
    load_with_document,
    mods_for,
    scenario_from_document,
    use_mods_folder,
)

THREE_LINES = """{"applies_to": ["nusantara"],
 "patch": {"moves": {"media_campaign": {"cost": {"funds": 20}}}}
}
"""


@pytest.fixture
def mods(tmp_path: Path) -> Iterator[Path]:
    """An empty mods folder in use for the test."""
    folder = tmp_path / "mods"
    folder.mkdir()
    use_mods_folder(folder)
    yield folder
    use_mods_folder(None)


def _mod(mods: Path, name: str, data: dict[str, Any] | str) -> Path:
    path = mods / name / "mod.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=1),
                    encoding="utf-8")
    return path


def _move(scenario: Any, mid: str) -> Any:
    return next(m for m in scenario.moves if m.id == mid)


def test_three_line_patch_mod_validates_and_takes_effect(
        mods: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _mod(mods, "cheap_media", THREE_LINES)
    assert len(THREE_LINES.strip().splitlines()) == 3
    assert main(["validate", str(mods / "cheap_media"), "--strict"]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().err
    assert _move(load_scenario("nusantara"), "media_campaign").funds != 20
    tweaked = load_scenario("nusantara", mods=["cheap_media"])
    assert _move(tweaked, "media_campaign").funds == 20
    assert _move(tweaked, "media_campaign").agenda == 1  # the rest of the object is kept
    assert tweaked.name["en"] == "Republic of Nusantara Raya + cheap_media"


def test_list_edits_with_json_patch(mods: Path) -> None:
    _mod(mods, "more_rally", {"applies_to": ["nusantara"], "patch": {"moves": {"hold_rally": [
        {"op": "add", "path": "/on_success/-",
         "value": {"type": "resource", "resource": "network", "delta": 1}},
        {"op": "remove", "path": "/on_success/0"}]}}})
    base = _move(load_scenario("nusantara"), "hold_rally").on_success
    changed = _move(load_scenario("nusantara", mods=["more_rally"]), "hold_rally").on_success
    assert changed[:-1] == base[1:] and changed[-1].resource == "network"


def test_null_removes_a_key_or_an_object(mods: Path) -> None:
    _mod(mods, "no_cooldown", {"applies_to": ["nusantara"], "patch": {
        "moves": {"hold_rally": {"cooldown": None}, "door_to_door": None}}})
    scenario = load_scenario("nusantara", mods=["no_cooldown"])
    assert _move(scenario, "hold_rally").cooldown == 0  # back to the default
    assert all(m.id != "door_to_door" for m in scenario.moves)


def test_two_mods_stack_in_the_chosen_order_and_conflicts_name_both(mods: Path) -> None:
    _mod(mods, "cheap_media", THREE_LINES)
    _mod(mods, "dear_media", {"applies_to": ["nusantara"], "name": {"en": "Dear media",
                                                                    "id": "Media mahal"},
                              "patch": {"moves": {"media_campaign": {"cost": {"funds": 90}},
                                                  "hold_rally": {"cooldown": 3}}}})
    first = check_scenario("nusantara", mods=["cheap_media", "dear_media"])
    second = check_scenario("nusantara", mods=["dear_media", "cheap_media"])
    assert first.scenario is not None and second.scenario is not None
    assert _move(first.scenario, "media_campaign").funds == 90  # the later mod wins
    assert _move(second.scenario, "media_campaign").funds == 20
    assert _move(first.scenario, "hold_rally").cooldown == 3  # both mods apply
    conflicts = [i for i in first.issues if i.code == "mod-conflict"]
    assert len(conflicts) == 1 and conflicts[0].severity == "warning"
    assert "'cheap_media'" in conflicts[0].message and "'dear_media'" in conflicts[0].message
    assert conflicts[0].file.endswith("dear_media/mod.json")
    assert conflicts[0].pointer == "/patch/moves/media_campaign/cost/funds"
    assert first.scenario.name["id"] == "Republik Nusantara Raya + cheap_media + Media mahal"
    assert first.mods == ["cheap_media", "dear_media"]


def test_with_mods_applies_only_alongside_and_settles_the_conflict(mods: Path) -> None:
    _mod(mods, "cheap_media", THREE_LINES)
    _mod(mods, "bridge", {"applies_to": ["nusantara"], "patch": {},
                          "with_mods": [{"mods": ["cheap_media"], "patch": {
                              "moves": {"media_campaign": {"cost": {"funds": 25}}}}}]})
    alone = check_scenario("nusantara", mods=["bridge"])
    assert alone.scenario is not None
    assert _move(alone.scenario, "media_campaign").funds != 25
    both = check_scenario("nusantara", mods=["cheap_media", "bridge"])
    assert both.scenario is not None and _move(both.scenario, "media_campaign").funds == 25
    assert not [i for i in both.issues if i.code == "mod-conflict"]


def test_the_documented_with_mods_example_settles_its_own_conflict(mods: Path) -> None:
    """MODDING.md's example: a mod with its own value and a with-mods block for cheap_media
    that settles the same field: loaded after cheap_media, no conflict and its value wins."""
    _mod(mods, "cheap_media", THREE_LINES)
    _mod(mods, "dear_media", {"applies_to": ["nusantara"],
                              "patch": {"moves": {"media_campaign": {"cost": {"funds": 90}}}},
                              "with_mods": [{"mods": ["cheap_media"], "patch": {
                                  "moves": {"media_campaign": {"cost": {"funds": 25}}}}}]})
    both = check_scenario("nusantara", mods=["cheap_media", "dear_media"])
    assert both.scenario is not None and _move(both.scenario, "media_campaign").funds == 25
    assert not both.issues
    # loaded the other way round, cheap_media overrides the settlement: still reported
    reversed_ = check_scenario("nusantara", mods=["dear_media", "cheap_media"])
    assert reversed_.scenario is not None
    assert _move(reversed_.scenario, "media_campaign").funds == 20
    conflicts = [i for i in reversed_.issues if i.code == "mod-conflict"]
    assert len(conflicts) == 1 and conflicts[0].file.endswith("cheap_media/mod.json")


def test_a_misspelt_with_mods_name_is_reported(mods: Path) -> None:
    """A with-mods block for a mod someone else has is fine; one for a near-miss of an
    installed mod would never apply, so it is named."""
    _mod(mods, "cheap_media", THREE_LINES)
    _mod(mods, "bridge", {"applies_to": ["nusantara"], "with_mods": [
        {"mods": ["cheep_media"], "patch": {}}, {"mods": ["another_authors_mod"], "patch": {}}]})
    issues = check_scenario("nusantara", mods=["bridge"]).issues
    assert [(i.code, i.pointer) for i in issues] == [("with-mods-unknown",
                                                      "/with_mods/0/mods/0")]
    assert "did you mean 'cheap_media'" in issues[0].message


def test_a_bad_patch_operation_is_one_error_naming_the_object(mods: Path) -> None:
    _mod(mods, "bad_op", {"applies_to": ["nusantara"], "patch": {"moves": {
        "media_campaign": [{"op": "ad", "path": "/on_success/-", "value": 1}]}}})
    issues = check_scenario("nusantara", mods=["bad_op"]).issues
    assert [(i.code, i.object_id) for i in issues] == [("bad-value", "media_campaign")]
    assert "did you mean 'add'" in issues[0].message


def test_headless_play_and_sim_tell_of_a_conflict(mods: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The load order decides a conflict; the player starting the career is told which."""
    _mod(mods, "cheap_media", THREE_LINES)
    _mod(mods, "dear_media", {"applies_to": ["nusantara"], "patch": {
        "moves": {"media_campaign": {"cost": {"funds": 90}}}}})
    order = ["--mod", "cheap_media", "--mod", "dear_media"]
    assert main(["play", "--headless", "--scenario", "nusantara", *order, "--turns", "1",
                 "--json", "--save-dir", str(tmp_path / "saves")]) == 0
    err = capsys.readouterr().err
    assert err.count("mod-conflict") == 1 and "'dear_media' comes later" in err
    assert main(["sim", "--games", "1", "--jobs", "1", "--scenario", "nusantara", *order,
                 "--out", str(tmp_path / "sim"), "--no-plots"]) == 0
    assert capsys.readouterr().err.count("mod-conflict") == 1


@pytest.mark.skipif(sys.platform == "win32", reason="such folder names are refused there")
def test_a_mod_folder_name_with_control_characters_is_refused(mods: Path) -> None:
    """The folder's name is the mod's name in lists and career names: it may not write
    escape sequences to the terminal."""
    _mod(mods, "bad\x1b[31mname", THREE_LINES)
    issues = check_scenario("nusantara", mods=["bad\x1b[31mname"]).issues
    assert [i.code for i in issues] == ["control-character"]
    assert "\x1b" not in issues[0].render() and "rename the folder" in issues[0].message
    listed = mods_for("nusantara")
    assert listed == [] or all("\x1b" not in m.id + m.problem for m in listed)


def test_unknown_ids_and_mods_get_did_you_mean(mods: Path) -> None:
    _mod(mods, "typo", {"applies_to": ["nusantara"],
                        "patch": {"moves": {"media_campain": {"cooldown": 1}}}})
    issue = check_scenario("nusantara", mods=["typo"]).errors[0]
    assert issue.code == "patch-unknown" and "did you mean 'media_campaign'" in issue.message
    assert issue.file.endswith("typo/mod.json") and issue.line >= 1
    missing = check_scenario("nusantara", mods=["tpyo"]).errors[0]
    assert missing.code == "unknown-mod" and "did you mean 'typo'" in missing.message


def test_a_mod_for_another_scenario_and_a_mod_twice(mods: Path) -> None:
    _mod(mods, "cheap_media", THREE_LINES)
    assert {i.code for i in check_scenario("westminster", mods=["cheap_media"]).errors} == \
        {"mod-not-for-scenario"}
    assert {i.code for i in check_scenario("nusantara",
                                           mods=["cheap_media", "cheap_media"]).errors} == \
        {"mod-twice"}


def test_mods_for_lists_what_the_new_career_screen_offers(mods: Path) -> None:
    _mod(mods, "cheap_media", THREE_LINES)
    _mod(mods, "albion", {"applies_to": ["westminster"], "name": {"en": "Albion", "id": "A"}})
    _mod(mods, "broken", "{")
    listed = mods_for("nusantara")
    assert [m.id for m in listed] == ["cheap_media"]
    assert listed[0].name == {"en": "cheap_media"} and not listed[0].problem
    assert [m.id for m in mods_for("westminster")] == ["albion"]


def test_career_with_mods_saves_the_composed_scenario(mods: Path, tmp_path: Path) -> None:
    _mod(mods, "cheap_media", THREE_LINES)
    career = Career.new("nusantara", seed=3, mods=["cheap_media"])
    assert _move(career.book.scenario, "media_campaign").funds == 20
    career.end_turn()
    path = career.save(tmp_path / "career.json")
    (mods / "cheap_media" / "mod.json").unlink()  # the save keeps working without the mod
    loaded = Career.load(path)
    assert _move(loaded.book.scenario, "media_campaign").funds == 20
    assert loaded.state_sha256() == career.state_sha256()


def test_document_round_trip_with_mods(mods: Path) -> None:
    _mod(mods, "cheap_media", THREE_LINES)
    scenario, document = load_with_document("nusantara", mods=["cheap_media"])
    assert scenario_from_document(document).fingerprint == scenario.fingerprint


def test_cli_mod_option_in_validate_and_play(mods: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    _mod(mods, "cheap_media", THREE_LINES)
    assert main(["validate", "scenarios/nusantara", "--mod", "cheap_media", "--format",
                 "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scenarios"][0]["id"] == "nusantara"
    assert report["scenarios"][0]["mods"] == ["cheap_media"]
    assert main(["play", "--headless", "--turns", "2", "--mod", "cheap_media"]) == 0
    capsys.readouterr()
    assert main(["play", "--headless", "--turns", "1", "--mod", "nope"]) == 1
    assert "unknown-mod" in capsys.readouterr().err


def test_bad_patch_value_points_at_the_patch(mods: Path) -> None:
    _mod(mods, "bad", {"applies_to": ["nusantara"],
                       "patch": {"moves": {"media_campaign": {"cost": {"funds": -5}}}}})
    issue = check_scenario("nusantara", mods=["bad"]).errors[0]
    assert issue.code == "out-of-range" and issue.file.endswith("bad/mod.json")
    assert issue.pointer == "/patch/moves/media_campaign/cost/funds"


def test_reference_errors_in_patched_values_point_at_the_patch(mods: Path) -> None:
    _mod(mods, "dangling", {"applies_to": ["nusantara"], "patch": {
        "moves": {"media_campaign": {"channel": "candidat"}}}})
    issue = check_scenario("nusantara", mods=["dangling"]).errors[0]
    assert issue.code == "unknown-id" and issue.file.endswith("dangling/mod.json")
    assert issue.pointer == "/patch/moves/media_campaign/channel"
    assert "did you mean 'candidate'" in issue.message


def test_a_mod_may_shadow_a_shipped_scenario_and_extend_it(mods: Path) -> None:
    tweak = mods / "nusantara" / "scenario.json"
    tweak.parent.mkdir()
    tweak.write_text(json.dumps({"id": "nusantara", "extends": "nusantara",
                                 "name": {"en": "Nusantara, harder", "id": "Nusantara, sulit"},
                                 "patch": {"settings": {"debt_limit": -20}}}))
    checked = check_scenario("nusantara")
    assert checked.scenario is not None and checked.main.endswith("mods/nusantara/scenario.json")
    assert checked.scenario.debt_limit == -20 and not checked.issues
    other = mods / "selatan" / "scenario.json"
    other.parent.mkdir()
    other.write_text(json.dumps({"id": "selatan", "extends": "nusantara"}))
    warned = [i for i in check_scenario("selatan").issues if i.code == "extends-shadowed"]
    assert warned and "mods/nusantara/scenario.json" in warned[0].message
    assert "rename or remove the shadowing scenario" in warned[0].message


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlinked_mod_folder_cannot_reach_outside_its_own_folder(mods: Path,
                                                                   tmp_path: Path) -> None:
    real = tmp_path / "elsewhere" / "evil"
    real.mkdir(parents=True)
    (tmp_path / "elsewhere" / "secret.json").write_text(json.dumps({"personas": []}))
    (real / "scenario.json").write_text(json.dumps(
        {"id": "evil", "extends": "nusantara", "include": ["../secret.json"]}))
    (mods / "evil").symlink_to(real)
    assert {i.code for i in check_scenario("evil").issues} == {"path-outside"}


def test_load_raises_for_a_broken_mod(mods: Path) -> None:
    _mod(mods, "broken", '{"applies_to": ["nusantara"], "patch": {"moves": {}},}')
    with pytest.raises(ContentError) as info:
        load_scenario("nusantara", mods=["broken"])
    assert info.value.issues[0].code == "json-syntax"


def test_failed_operations_and_settings_point_at_the_patch(mods: Path) -> None:
    _mod(mods, "ops", {"applies_to": ["nusantara"], "patch": {"moves": {"media_campaign": [
        {"op": "remove", "path": "/on_success/9"}]}}})
    failed = check_scenario("nusantara", mods=["ops"]).errors[0]
    assert failed.code == "patch-failed" and failed.pointer == "/patch/moves/media_campaign/0"
    assert "/on_success/9 does not exist" in failed.message and "{" not in failed.message
    _mod(mods, "short", {"applies_to": ["nusantara"],
                         "patch": {"settings": {"calender": {"max_turns": 40}}}})
    typo = check_scenario("nusantara", mods=["short"]).errors[0]
    assert typo.code == "unknown-key" and typo.file.endswith("short/mod.json")
    assert typo.pointer == "/patch/settings/calender" and "did you mean 'calendar'" in \
        typo.message
    _mod(mods, "long", {"applies_to": ["nusantara"],
                        "patch": {"settings": {"calendar": {"max_turns": 40}}}})
    scenario = load_scenario("nusantara", mods=["long"])
    assert scenario.max_turns == 40 and scenario.start_year == load_scenario().start_year


def test_validating_a_mod_for_a_missing_scenario_points_at_applies_to(
        mods: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _mod(mods, "ghost", {"applies_to": ["nusantra"], "patch": {}})
    assert main(["validate", str(mods / "ghost")]) == 1
    out = capsys.readouterr().out
    assert "ghost/mod.json:" in out and "at /applies_to/0" in out
    assert "did you mean 'nusantara'" in out
