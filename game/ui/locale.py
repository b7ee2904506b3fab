"""Player-facing UI wording: JSON string tables per language, with English as the fallback."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from game.core.ids import Text

LANGUAGES = ("en", "id")
FALLBACK = "en"


@cache
def table(lang: str) -> dict[str, str]:
    """The string table of ``lang`` (``game/ui/locale/<lang>.json``), read once."""
    raw = resources.files("game.ui").joinpath("locale", f"{lang}.json").read_text("utf-8")
    data: dict[str, str] = json.loads(raw)
    return data


class Locale:
    """Looks up UI strings by key and picks scenario texts in the chosen language."""

    def __init__(self, lang: str = FALLBACK) -> None:
        self.lang = lang if lang in LANGUAGES else FALLBACK
        self._own = table(self.lang)
        self._fallback = table(FALLBACK)

    def t(self, key: str, **values: Any) -> str:
        """The string ``key`` formatted with ``values``; the key itself if it is missing.

        A count of one (``n`` or ``turns``) picks ``key_one`` where the language has it
        ("again next turn", not "again in 1 turns")."""
        template = self._own.get(key) or self._fallback.get(key) or key
        if values.get("n") == 1 or values.get("turns") == 1:
            template = self._own.get(f"{key}_one") or template
        if not values:
            return template
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template

    def has(self, key: str) -> bool:
        """True when ``key`` exists in this language or the fallback."""
        return key in self._own or key in self._fallback

    def text(self, text: Text | None) -> str:
        """A scenario text in this language, else English, else any language."""
        if not text:
            return ""
        return text.get(self.lang) or text.get(FALLBACK) or next(iter(text.values()), "")

    def number(self, value: float, digits: int = 0) -> str:
        """A number with this language's separators (Indonesian uses 1.234,5)."""
        if round(value, digits) == 0:
            value = 0.0  # never "-0"
        body = f"{value:,.{digits}f}"
        if self.lang == "id":
            body = body.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return body

    def signed(self, value: float, digits: int = 0) -> str:
        """A change with its sign: +3, −2 (a true minus sign), ±0."""
        rounded = round(value, digits)
        if rounded == 0:
            return "±0"
        sign = "+" if rounded > 0 else "\u2212"
        return sign + self.number(abs(rounded), digits)

    def percent(self, share: float) -> str:
        """A probability or share as a whole percentage."""
        return f"{share * 100:.0f}%"
