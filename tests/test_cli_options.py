"""The command line's options: help with defaults everywhere, conflicting options refused,
one error prefix, exit code 2 for usage and 1 for refused input in every sub-command, and the
messages in both languages."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from game.cli import build_parser, main
from game.cli.messages import catalogue
from game.cli.options import real_default, sub_parsers
from game.persistence.errors import PHRASES, REASONS

MINI = str(Path(__file__).parent / "data" / "mini")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SALURAN_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.delenv("SALURAN_LANG", raising=False)


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``saluran ARGV`` (never a traceback)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # --help
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def one_error(err: str, prefix: str = "saluran: error: ") -> str:
    """The single error line of ``err`` (asserting there is exactly one, with the prefix)."""
    assert err.count("\n") == 1 and err.startswith(prefix), err
    return err


# ------------------------------------------------------------------ help
def test_every_option_of_every_sub_command_has_help_naming_its_default() -> None:
    parser = build_parser()
    subs = sub_parsers(parser)
    assert {"play", "replay", "saves", "sim", "schema", "bench", "validate"} <= set(subs)
    for name, sub in subs.items():
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            where = f"saluran {name} {'/'.join(action.option_strings) or action.dest}"
            assert action.help and action.help.strip(), f"{where} has no help"
            default = real_default(sub, action)
            if default is None or default is False or default == [] \
                    or default is argparse.SUPPRESS:
                continue  # nothing to name: the option is off unless given
            assert "default" in action.help, f"{where}: help does not give its default"
            assert str(default) in action.help, f"{where}: default {default!r} not named"


def test_help_shows_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "play", "--help")
    assert code == 0
    text = " ".join(out.split())
    assert "(default: nusantara)" in text and "(default: 0)" in text
    assert "(default: greedy)" in text


# ------------------------------------------------------------------ conflicts and codes
CONFLICTS = [
    (["play", "--headless", "--load", "s.json", "--scenario", "mini"],
     "--load cannot go with --scenario"),
    (["play", "--headless", "--load", "s.json", "--seed", "3"], "--load cannot go with --seed"),
    (["play", "--headless", "--load", "s.json", "--seed", "0"], "--load cannot go with --seed"),
    (["play", "--headless", "--ironman", "--load", "s.json"], "--ironman cannot go with --load"),
    (["play", "--screenshots", "shots"], "--screenshots needs --demo"),
    (["play", "--headless", "--demo", "3"], "--headless cannot go with --demo"),
    (["play", "--demo", "3", "--load", "s.json"], "--demo cannot go with --load"),
    (["play", "--json"], "--json needs --headless"),
    (["play", "--turns", "3"], "--turns needs --headless"),
    (["play", "--headless", "--json", "--verbose"], "--verbose cannot go with --json"),
    (["replay", "s.json", "--quiet", "--verbose"], "--verbose cannot go with --quiet"),
    (["schema", "--check"], "--check needs --out or --docs"),
    (["sim", "--replay", "x#0", "--jobs", "2"], "--jobs needs --games"),
    (["play", "--headless", "--load", ""], "--load needs a value, not an empty one"),
    (["replay", " "], "PATH needs a value, not an empty one"),
]


@pytest.mark.parametrize(("argv", "message"), CONFLICTS)
def test_conflicting_options_are_refused_with_exit_2(
        argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path("s.json").write_text("{}")
    before = Path("s.json").stat().st_mtime_ns
    code, out, err = cli(capsys, *argv)
    assert code == 2 and out == ""
    assert message in one_error(err)
    assert f"(see `saluran {argv[0]} --help`)" in err
    assert Path("s.json").read_text() == "{}" and Path("s.json").stat().st_mtime_ns == before
    assert sorted(p.name for p in Path.cwd().iterdir()) == ["s.json"]


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["play", "--headless", "--frobnicate"], 2, "unrecognized arguments: --frobnicate"),
    (["fly"], 2, "invalid choice: 'fly'"),
    (["play", "--headless", "--seed", "-1"], 2, "-1 is negative"),
    (["play", "--headless", "--seed", "9" * 30], 2, "too large"),
    (["play", "--headless", "--seed", "7x"], 2, "not a whole number"),
    (["play", "--headless", "--seed", "9" * 19], 2, "too large"),
    (["play", "--headless", "--lang", "fr"], 2, "invalid choice: 'fr'"),
    (["play", "--headless", "--scenario", MINI, "--ai", "oracle"], 1, "unknown policy 'oracle'"),
    (["play", "--headless", "--scenario", MINI, "--rivals", "oracle"], 1,
     "unknown policy 'oracle'"),
    (["sim", "--scenario", MINI, "--games", "1", "--player-policy", "oracle"], 1,
     "unknown policy 'oracle'"),
    (["play", "--headless", "--scenario", "atlantis"], 1, "no scenario 'atlantis'"),
    (["policies", "--scenario", "atlantis"], 1, "no scenario 'atlantis'"),
    (["replay", "missing.json"], 1, "no save file 'missing.json'"),
    (["saves", "--save-dir", "no-such-folder"], 1, "there is no save folder here"),
    (["schema", "--docs", "."], 1, "is a folder"),
])
def test_every_error_is_one_prefixed_line_with_the_right_code(
        argv: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    got, out, err = cli(capsys, *argv)
    assert got == code
    assert message in one_error(err), err
    assert out == ""


def test_saves_in_a_missing_default_folder_is_no_error(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    code, out, err = cli(capsys, "saves")
    assert code == 0 and err == "" and out.startswith("No saves in ")
    Path("empty").mkdir()
    code, out, _ = cli(capsys, "saves", "--save-dir", "empty")
    assert code == 0 and out.strip() == "No saves in empty"


def test_load_without_json_finds_the_save_or_says_where_it_looked(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = cli(capsys, "play", "--headless", "--json", "--scenario", MINI, "--turns",
                       "2", "--save", "saves/run.json")
    assert code == 0
    code, out, _ = cli(capsys, "play", "--headless", "--json", "--load", "run", "--turns", "1")
    assert code == 0 and json.loads(out)["turn"] == 4
    code, _, err = cli(capsys, "play", "--headless", "--load", "walk")
    assert code == 1
    one_error(err)
    saves = tmp_path / "saves"
    assert f"no save file 'walk': looked for walk, {saves / 'walk'}, walk.json, " \
           f"{saves / 'walk.json'}" in err


# ------------------------------------------------------------------ languages
def _fields(template: str) -> set[str]:
    return set(re.findall(r"\{(\w+)", template)) | set(re.findall(r"%\((\w+)\)", template))


HELP_PREFIXES = ("help.", "command.", "description.")


def test_every_message_exists_in_both_languages_with_the_same_fields() -> None:
    english, indonesian = catalogue("en"), catalogue("id")
    help_keys = {key for key in indonesian if key.startswith(HELP_PREFIXES)}
    phrases = {f"save.phrase.{key}" for key in PHRASES}
    assert set(english) | {f"save.{key}" for key in REASONS} | help_keys | phrases \
        == set(indonesian)
    for key, template in english.items():
        assert _fields(template) == _fields(indonesian[key]), key
        assert template.count("%s") == indonesian[key].count("%s"), key
    for key, template in REASONS.items():
        assert _fields(template) == _fields(indonesian[f"save.{key}"]), key


@pytest.mark.parametrize("how", ["option", "environment"])
def test_errors_speak_indonesian(how: str, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    lang = ["--lang", "id"] if how == "option" else []
    if how == "environment":
        monkeypatch.setenv("SALURAN_LANG", "id")
    cases = [
        (["play", "--headless", *lang, "--frobnicate"], 2, "argumen tidak dikenal"),
        (["play", "--headless", *lang, "--load", "s.json", "--seed", "2"], 2,
         "tidak bisa dipakai bersama"),
        (["play", "--headless", *lang, "--load", "nope.json"], 1, "tidak ada berkas simpanan"),
        (["play", "--headless", *lang, "--scenario", MINI, "--ai", "oracle"], 1,
         "tidak dikenal"),
        (["saves", *lang, "--save-dir", "nowhere"], 1, "tidak ada folder simpanan"),
    ]
    for argv, code, message in cases:
        got, _, err = cli(capsys, *argv)
        assert got == code
        assert message in one_error(err, "saluran: galat: "), err
    Path("bad.json").write_text('{"format": 2, "x": NaN}')
    got, _, err = cli(capsys, "replay", *lang, "bad.json")
    assert got == 1 and "rusak: berisi NaN" in one_error(err, "saluran: galat: ")


def test_an_unknown_language_in_the_environment_falls_back_to_english(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALURAN_LANG", "fr")
    code, _, err = cli(capsys, "play", "--headless", "--frobnicate")
    assert code == 2 and "unrecognized arguments" in one_error(err)


def test_help_in_indonesian_covers_every_option_and_names_no_other() -> None:
    """English help lives with each option; the Indonesian for it in the catalogue."""
    indonesian = catalogue("id")
    subs = sub_parsers(build_parser())
    known = {f"help.{name}.{action.dest}" for name, sub in subs.items() for action in
             sub._actions if not isinstance(action, argparse._HelpAction)}
    known |= {f"command.{name}" for name in subs} | {f"description.{name}" for name in subs}
    known |= {"help.top.mods", "description.top"}
    keys = {key for key in indonesian if key.startswith(HELP_PREFIXES)}
    assert keys <= known, sorted(keys - known)
    for name, sub in subs.items():
        for action in sub._actions:
            if not isinstance(action, argparse._HelpAction):
                assert f"help.{name}.{action.dest}" in keys, (name, action.dest)
        assert f"command.{name}" in keys
        assert not sub.description or f"description.{name}" in keys, name


def test_help_speaks_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "play", "--help", "--lang", "id")
    assert code == 0
    text = " ".join(out.split())
    assert text.startswith("pemakaian: saluran play") and "opsi:" in text
    assert "(bawaan: nusantara)" in text and "benih acak karier baru" in text
    for english in ("usage:", "options:", "default", "the random seed", "show this help"):
        assert english not in text
