"""Reading untrusted JSON: only the numbers JSON allows, none too large to work with.

Python's ``json`` accepts ``NaN``, ``Infinity`` and ``-Infinity``, turns ``1e999`` into an
infinite float and gives up on integers of more than 4,300 digits with a bare ValueError.  A
save holding any of these would fail much later (a checksum, a comparison, the game rules),
so they are refused here, while parsing, with a message that names what was found.
"""

from __future__ import annotations

import json
import math
from typing import Any

from game.persistence.errors import REASONS

#: More digits than any count, seed or score of this game needs (2**64 has 20).
MAX_INT_DIGITS = 64
_SHOWN = 24  # characters of a refused number quoted in the message


class NumberRefused(ValueError):
    """A number an untrusted file may not hold: ``key`` (in ``errors.REASONS``) and the
    ``values`` that say which."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(REASONS[key].format(**values))
        self.key = key
        self.values = values


def _quote(text: str) -> str:
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "..."


def _constant(token: str) -> Any:
    raise NumberRefused("number_not_json", token=token)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise NumberRefused("number_too_large", text=_quote(text))
    return value


def _int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise NumberRefused("int_too_long", digits=digits, limit=MAX_INT_DIGITS)
    return int(text)


def loads(text: str) -> Any:
    """``json.loads`` that raises NumberRefused for NaN, infinities and huge numbers."""
    return json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int)
