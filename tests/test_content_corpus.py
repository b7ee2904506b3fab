"""A corpus of broken scenario files: each yields exactly the expected issue codes, every issue
is placed (file, line, column, pointer), and nothing ever raises."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from game.content import CODES, check_scenario
from game.content.jsonfile import MAX_BYTES, MAX_DEPTH
from game.content.validate import validate_paths

BROKEN = Path(__file__).parent / "data" / "broken"
MINI = Path(__file__).parent / "data" / "mini" / "scenario.json"

EXPECTED: dict[str, set[str]] = {
    # reading
    "empty.json": {"empty-file"},
    "whitespace_only.json": {"empty-file"},
    "truncated.json": {"json-truncated"},
    "trailing_comma.json": {"json-syntax"},
    "latin1.json": {"bad-encoding"},
    "utf16.json": {"bad-encoding"},
    "binary.json": {"binary-file"},
    "duplicate_key.json": {"duplicate-key"},
    "nan.json": {"json-constant"},
    "huge_number.json": {"json-constant"},
    "top_level_list.json": {"not-an-object"},
    "top_level_string.json": {"not-an-object"},
    "deep_nesting.json": {"too-deep"},
    # shape
    "unknown_key.json": {"unknown-key"},
    "missing_key.json": {"missing-key"},
    "unknown_type.json": {"unknown-type"},
    "missing_type.json": {"missing-type"},
    "wrong_type.json": {"wrong-type"},
    "bool_for_number.json": {"wrong-type"},
    "bad_id.json": {"bad-id"},
    "bad_value.json": {"bad-value"},
    "unknown_background.json": {"bad-value"},
    "out_of_range.json": {"out-of-range"},
    "too_many_choices.json": {"wrong-length"},
    "empty_text.json": {"wrong-length"},
    # references
    "unknown_id.json": {"unknown-id"},
    "unknown_resource_in_factor.json": {"unknown-id"},
    "duplicate_id.json": {"duplicate-id"},
    "two_players.json": {"player-count"},
    "no_funds.json": {"missing-resource"},
    # meaning
    "unreachable_position.json": {"unreachable-position"},
    "neutral_party_office.json": {"unreachable-position"},
    "event_never_fires.json": {"event-never-fires"},
    "event_probability_zero.json": {"event-never-fires"},
    "prerequisite_cycle.json": {"prerequisite-cycle"},
    "victory_after_last_turn.json": {"victory-unreachable", "unreachable-position"},
    "missing_translation.json": {"missing-translation"},
    "folder_name_differs": {"id-mismatch"},
    # composition
    "extends_cycle": {"extends-cycle"},
    "extends_unknown": {"unknown-scenario"},
    "extends_outside": {"path-outside"},
    "include_outside": {"path-outside"},
    "include_missing": {"file-missing"},
    "include_not_object": {"not-an-object"},
    "include_folder": {"not-a-file"},
    "include_with_id": {"unknown-key"},
    "replace_unknown": {"replace-unknown"},
    "remove_unknown": {"remove-unknown"},
    "removed_still_used": {"unknown-id"},
    "duplicate_across_files": {"duplicate-id"},
    "missing_setting": {"missing-setting"},
    # patches
    "patch_unknown": {"patch-unknown"},
    "patch_failed": {"patch-failed"},
    "patch_wrong_value": {"wrong-type"},
    "patch_changes_id": {"patch-id"},
    # meaning, second edition
    "world_event_choices": {"world-event-choices"},
    "never_legal_move": {"never-legal-move"},
    "contradictory_condition": {"contradictory-condition"},
    "channel_never_entered": {"channel-never-entered"},
    "bad_language": {"bad-language"},
    # text safety
    "control_character": {"control-character"},
    "newline_in_name": {"control-character"},
    "bidi_override": {"control-character"},
    # variations of the kinds above
    "never_legal_nested": {"never-legal-move"},
    "never_legal_own_requirement": {"never-legal-move"},
    "age_never_reached": {"contradictory-condition"},
    "tenure_in_excluded_seat": {"contradictory-condition"},
    "language_uppercase": {"bad-language"},
    "optional_object_inner_error": {"wrong-type"},
    "comment.json": {"json-syntax"},
    "raw_escape_in_string.json": {"json-syntax"},
}


def _codes(path: Path) -> set[str]:
    return {i.code for i in check_scenario(path).issues}


def test_corpus_is_complete() -> None:
    """Every case on disk has an expectation, and the corpus covers at least 30 kinds."""
    on_disk = {p.name for p in BROKEN.iterdir() if not p.name.startswith(("_", "."))}
    assert on_disk == set(EXPECTED)
    assert len(set().union(*EXPECTED.values())) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_case(name: str) -> None:
    checked = check_scenario(BROKEN / name)
    assert {i.code for i in checked.issues} == EXPECTED[name]
    for found in checked.issues:
        assert found.code in CODES
        assert found.severity == CODES[found.code][0]
        assert found.file and found.message
        if found.pointer:
            assert found.line >= 1 and found.column >= 1, found.render()
    errors = [i for i in checked.issues if i.severity == "error"]
    assert (checked.scenario is None) == bool(errors)


def test_positions_are_exact() -> None:
    """Line and column point at the offending key or value."""
    issue = check_scenario(BROKEN / "unknown_key.json").issues[0]
    line = (BROKEN / "unknown_key.json").read_text().splitlines()[issue.line - 1]
    assert line[issue.column - 1:].startswith('"efects"')
    issue = check_scenario(BROKEN / "out_of_range.json").issues[0]
    line = (BROKEN / "out_of_range.json").read_text().splitlines()[issue.line - 1]
    assert line[issue.column - 1:].startswith("1.5")
    assert issue.pointer == "/events/0/probability" and issue.object_id == "bribe"


def test_plain_words() -> None:
    """Messages speak JSON, not Python: no pydantic type names, a fix where one is known."""
    trailing = check_scenario(BROKEN / "trailing_comma.json").issues[0]
    assert "no comma after the last item" in trailing.message
    number = check_scenario(BROKEN / "patch_wrong_value").issues[0]
    assert number.message == "expected a number, not the string '2': write 2 without quotes"
    assert number.file.endswith("patch_wrong_value/scenario.json")  # the patch, not the base
    assert number.pointer == "/patch/moves/study/cost/funds"
    language = check_scenario(BROKEN / "bad_language").issues[0]
    assert "did you mean 'id'" in language.message
    for name in EXPECTED:
        for found in check_scenario(BROKEN / name).issues:
            assert "constrained" not in found.pointer + found.message, found.render()
            assert "Input should" not in found.message, found.render()


def test_meaning_checks_name_the_condition() -> None:
    issues = check_scenario(BROKEN / "contradictory_condition").issues
    assert {i.object_id for i in issues} == {"late_move", "odd_move", "outsider_move"}
    assert any("comes after the last turn (20)" in i.message for i in issues)
    assert any("min 50 is above its max 10" in i.message for i in issues)
    never = check_scenario(BROKEN / "never_legal_move").issues[0]
    assert never.object_id == "join_club" and "party membership" in never.message
    dead = check_scenario(BROKEN / "event_never_fires.json").issues[0]
    assert '"min": 150' in dead.message  # names the condition that fails


def test_variations_give_one_message_naming_object_and_condition() -> None:
    """One issue per problem, placed at the condition, with the object's id and the fix."""
    def only(name: str) -> Any:
        issues = check_scenario(BROKEN / name).issues
        assert len(issues) == 1, [i.render() for i in issues]
        return issues[0]
    nested = only("never_legal_nested")
    assert nested.object_id == "gatecrash" and "requires/0/conditions/1" in nested.message
    own = only("never_legal_own_requirement")
    assert own.object_id == "rejoin" and own.pointer == "/moves/0/requires/0"
    assert "party membership" in own.message and "join_party" in own.message
    age = only("age_never_reached")
    assert age.object_id == "elder_counsel" and "actors are 39.5 in the last turn" in age.message
    upper = only("language_uppercase")
    assert upper.object_id == "shout" and "did you mean 'en'" in upper.message
    inner = only("optional_object_inner_error")
    assert inner.pointer == "/calendar/max_turns" and "write 30 without quotes" in inner.message
    assert "no comments" in only("comment.json").message
    assert "U+001B" in only("raw_escape_in_string.json").message


def test_control_characters_name_their_object() -> None:
    issue = check_scenario(BROKEN / "control_character").issues[0]
    assert issue.object_id, issue.render()


def test_control_characters_never_reach_the_terminal() -> None:
    for name in ("control_character", "newline_in_name", "bidi_override"):
        for found in check_scenario(BROKEN / name).issues:
            line = found.render()
            assert "\x1b" not in line and "\n" not in line and "\u202e" not in line


def test_did_you_mean() -> None:
    messages = [i.message for name in ("unknown_key.json", "unknown_type.json", "unknown_id.json",
                                       "bad_value.json")
                for i in check_scenario(BROKEN / name).issues]
    assert all("did you mean" in m for m in messages), messages


def test_provenance_in_messages() -> None:
    issue = check_scenario(BROKEN / "removed_still_used").issues[0]
    assert issue.file.endswith("_base/mini.json")  # where the dangling reference is
    assert "removed_still_used/scenario.json removes it" in issue.message
    issue = check_scenario(BROKEN / "duplicate_across_files").issues[0]
    assert "_base/mini.json" in issue.message and "replace" in issue.message


def test_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: refused by size before any byte is read
        handle.truncate(MAX_BYTES + 1)
    assert _codes(big) == {"file-too-large"}


def test_extremely_deep_nesting(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    assert _codes(deep) == {"too-deep"}
    just = tmp_path / "just.json"
    just.write_text("{\"a\": " * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1))
    assert _codes(just) == {"too-deep"}


def test_folder_given_for_a_file(tmp_path: Path) -> None:
    assert _codes(tmp_path) == {"file-missing"}  # a folder without scenario.json
    report = validate_paths([tmp_path])
    assert {i.code for i in report.issues} == {"no-scenario"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert _codes(fifo) == {"not-a-file"}


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlink_out_of_the_mod_is_refused(tmp_path: Path) -> None:
    mod = tmp_path / "mods" / "mine"
    mod.mkdir(parents=True)
    (mod / "scenario.json").write_text(json.dumps({"id": "mine", "extends": "base.json"}))
    (mod / "base.json").symlink_to(MINI)
    assert _codes(mod) == {"path-outside"}


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    (tmp_path / "scenario.json").write_text(json.dumps({"id": "x", "extends": "a.json"}))
    assert _codes(tmp_path / "scenario.json") == {"file-unreadable"}
    assert _codes(tmp_path / "a.json") == {"file-unreadable"}


def test_whole_corpus_through_validate() -> None:
    """The validator walks the corpus folder without raising and reports every case."""
    report = validate_paths([BROKEN, *sorted(BROKEN.glob("*.json"))])
    assert {i.code for i in report.issues} == set().union(*EXPECTED.values())
    assert len(report.checked) == len(EXPECTED)


def test_every_code_is_documented() -> None:
    for code, (severity, meaning) in CODES.items():
        assert severity in ("error", "warning") and meaning, code
