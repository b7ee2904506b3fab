"""UI wording: both languages complete, placeholders consistent, every key used exists."""

from __future__ import annotations

import json
import re
import string
from importlib import resources
from pathlib import Path

import pygame
import pytest

from game.ui.locale import LANGUAGES, Locale, table
from game.ui.text import _font_file

UI = Path(__file__).resolve().parents[1] / "game" / "ui"
LITERAL = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_the_same_keys() -> None:
    en, id_ = table("en"), table("id")
    assert set(en) == set(id_), set(en) ^ set(id_)


def test_placeholders_match() -> None:
    en, id_ = table("en"), table("id")
    for key, text in en.items():
        assert _fields(text) == _fields(id_[key]), key


def test_files_are_valid_json_objects_of_strings() -> None:
    for lang in LANGUAGES:
        raw = resources.files("game.ui").joinpath("locale", f"{lang}.json").read_text("utf-8")
        data = json.loads(raw)
        assert all(isinstance(v, str) and v for v in data.values())


def test_every_literal_key_in_the_code_exists() -> None:
    en = table("en")
    missing = []
    for path in UI.rglob("*.py"):
        for key in LITERAL.findall(path.read_text("utf-8")):
            if key not in en:
                missing.append(f"{path.name}: {key}")
    assert not missing


def test_every_character_has_a_glyph() -> None:
    pygame.font.init()
    file = _font_file(False)
    if file is None:
        pytest.skip("pygame_gui's Noto Sans is not installed")
    font = pygame.font.Font(str(file), 14)
    tofu = font.metrics("\u2713")  # a glyph Noto Sans lacks: its box is the fallback
    for lang in LANGUAGES:
        for key, text in table(lang).items():
            for char in set(text):
                assert char == " " or font.metrics(char) != tofu, (lang, key, char)


def test_lookup_formatting_and_fallbacks() -> None:
    loc = Locale("id")
    assert loc.t("menu.quit") == "Keluar"
    assert loc.t("top.turn", turn=3, turns=60) == "giliran 3/60"
    assert loc.t("no.such.key") == "no.such.key"
    assert loc.t("top.turn") == table("id")["top.turn"]  # missing values: the template
    assert loc.text({"en": "Party", "id": "Partai"}) == "Partai"
    assert loc.text({"en": "Only English"}) == "Only English"
    assert loc.number(1234.5, 1) == "1.234,5"
    assert Locale("en").number(1234.5, 1) == "1,234.5"
    assert loc.signed(-2) == "\u22122" and loc.signed(0.0) == "\u00b10"
    assert Locale("xx").lang == "en"


def test_a_count_of_one_reads_in_the_singular() -> None:
    en, id_ = Locale("en"), Locale("id")
    assert en.t("reject.wait", turns=1) == "again next turn"
    assert en.t("reject.wait", turns=3) == "again in 3 turns"
    assert en.t("tip.cooldown", n=1) == "Then not again next turn."
    assert id_.t("reject.wait", turns=1) == "bisa lagi giliran berikutnya"
    for key, text in table("en").items():  # no English string says "1 turns"
        fields = _fields(text)
        if fields & {"n", "turns"}:
            values = {f: "X" for f in fields} | {f: 1 for f in fields & {"n", "turns"}}
            assert "1 turns" not in en.t(key, **values), key
