"""What the command line prints, in English and Bahasa Indonesia.

One catalogue per language, ``game/cli/locale/<lang>.json`` (key -> ``str.format`` template);
``--lang`` or ``$SALURAN_LANG`` chooses.  Save problems carry a key of their own
(``game.persistence.errors.REASONS`` holds their English); their other languages live here
under ``save.<key>``.  Scenario texts (names of offices, moves, resources) come from the
scenario in the same language.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

from game.core.ids import Text
from game.persistence.errors import phrase_key

LANGUAGES = ("en", "id")
FALLBACK = "en"
LANG_ENV = "SALURAN_LANG"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The message table of ``lang`` (read once)."""
    raw = resources.files("game.cli").joinpath("locale", f"{lang}.json").read_text("utf-8")
    data: dict[str, str] = json.loads(raw)
    return data


class Messages:
    """Messages and numbers of one language; scenario texts in the same language."""

    def __init__(self, lang: str = FALLBACK) -> None:
        self.lang = lang if lang in LANGUAGES else FALLBACK
        self._own = catalogue(self.lang)
        self._fallback = catalogue(FALLBACK)

    def t(self, key: str, **values: Any) -> str:
        """Message ``key`` filled with ``values`` (English if this language lacks it)."""
        template = self._own.get(key) or self._fallback.get(key)
        if template is None:
            return key
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template

    def count(self, key: str, n: int, **values: Any) -> str:
        """Message ``key`` for ``n`` things (``key.one`` when n is 1 and the language has it)."""
        if n == 1 and (f"{key}.one" in self._own or f"{key}.one" in self._fallback):
            key += ".one"
        return self.t(key, n=n, **values)

    def has(self, key: str) -> bool:
        """True if ``key`` exists in this language."""
        return key in self._own

    def text(self, text: Text | None) -> str:
        """A scenario text in this language, else English, else any language."""
        if not text:
            return ""
        return text.get(self.lang) or text.get(FALLBACK) or next(iter(text.values()), "")

    def number(self, value: float, digits: int = 0) -> str:
        """A number with this language's separators (Indonesian writes 1.234,5)."""
        if round(value, digits) == 0:
            value = 0.0  # never "-0"
        body = f"{value:,.{digits}f}"
        if self.lang == "id":
            body = body.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return body

    def signed(self, value: float, digits: int = 0) -> str:
        """A change with its sign: +3, -2, +0."""
        rounded = round(value, digits)
        return ("-" if rounded < 0 else "+") + self.number(abs(rounded), digits)

    def percent(self, share: float, digits: int = 0) -> str:
        """A share or chance (0..1) as a percentage."""
        return self.number(100 * share, digits) + "%"

    def month(self, month: int) -> str:
        """The short name of ``month`` (1..12)."""
        return self.t(f"month.{month}")

    def items(self, parts: Sequence[str]) -> str:
        """Items joined with this language's list separator."""
        return self.t("word.list_separator").join(parts)


def save_reason(said: Messages, key: str | None, values: Mapping[str, Any]) -> str | None:
    """A save problem (``game.persistence.errors``: its key and values) in ``said``'s
    language, our own phrases among the values translated too; None if it has no wording
    there (the English of the save layer stands)."""
    if key is None or not said.has(f"save.{key}"):
        return None
    shown = {}
    for name, value in values.items():
        phrase = phrase_key(value)
        known = phrase is not None and said.has(f"save.phrase.{phrase}")
        shown[name] = said.t(f"save.phrase.{phrase}") if known else value
    return said.t(f"save.{key}", **shown)


_active: list[Messages] = [Messages(FALLBACK)]


def use(lang: str) -> Messages:
    """Make ``lang`` the language of everything printed from now on."""
    _active[0] = Messages(lang)
    return _active[0]


def current() -> Messages:
    """The language in use."""
    return _active[0]


def t(key: str, **values: Any) -> str:
    """Message ``key`` in the language in use."""
    return _active[0].t(key, **values)


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """``$SALURAN_LANG`` when it names a language of this game, else English."""
    value = (os.environ if environ is None else environ).get(LANG_ENV, "").strip().lower()
    return value if value in LANGUAGES else FALLBACK


def language_in(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language a command line asks for (``--lang X`` or ``--lang=X``), before parsing,
    so that even a usage error is reported in it."""
    lang = default_language(environ)
    for i, word in enumerate(argv):
        if word == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif word.startswith("--lang="):
            lang = word.partition("=")[2]
    return lang if lang in LANGUAGES else default_language(environ)
