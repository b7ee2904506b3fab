"""Where things sit in a JSON text: JSON pointers mapped to line and column.

A small tolerant tokenizer (it never raises, whatever the text) walks the file once and
records where every value and every object key starts, which keys repeat inside one object,
which bare words are not JSON (NaN, Infinity) and where nesting first passes a depth.  It is
only built when an issue needs a place, so valid files never pay for it.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field

_TOKEN = re.compile(
    r'(?P<ws>[ \t\r\n]+)'
    r'|(?P<str>"[^"\\\n]*(?:\\.[^"\\\n]*)*"?)'
    r'|(?P<num>-?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)'
    r'|(?P<punct>[{}\[\]:,])'
    r'|(?P<word>-?[A-Za-z_][A-Za-z0-9_]*)'
    r'|(?P<other>.)',
    re.DOTALL,
)
_LITERALS = frozenset({"true", "false", "null"})


def escape(segment: str) -> str:
    """One JSON pointer segment (``~`` and ``/`` escaped)."""
    return segment.replace("~", "~0").replace("/", "~1")


def _key(token: str) -> str:
    if "\\" not in token:
        return token[1:-1]
    try:
        value = json.loads(token)
    except ValueError:
        return token[1:-1]
    return value if isinstance(value, str) else token[1:-1]


@dataclass(slots=True)
class _Frame:
    pointer: str
    is_object: bool
    index: int = 0
    key: str | None = None
    expect_key: bool = True
    keys: set[str] = field(default_factory=set)


@dataclass(slots=True)
class PointerIndex:
    """Offsets of values and keys by JSON pointer, plus oddities found on the way."""

    values: dict[str, int] = field(default_factory=dict)
    keys: dict[str, int] = field(default_factory=dict)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (pointer, key offset)
    bad_words: list[tuple[str, int]] = field(default_factory=list)  # (word, offset)
    bad_numbers: list[tuple[str, int]] = field(default_factory=list)
    too_deep: tuple[str, int] | None = None  # first pointer deeper than the limit


def build_index(text: str, max_depth: int = 100) -> PointerIndex:
    """Walk ``text`` once; tolerant of any input (broken JSON gives a partial index).

    Containers nested deeper than ``max_depth`` are only counted, not indexed, so memory stays
    linear in the text however deep it nests.
    """
    index = PointerIndex()
    stack: list[_Frame] = []
    overflow = 0  # containers open beyond max_depth
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "ws":
            continue
        token, start = match.group(), match.start()
        if overflow:
            overflow += 1 if token in ("{", "[") else -1 if token in ("}", "]") else 0
            continue
        top = stack[-1] if stack else None
        if kind == "punct":
            if token in "{[" and len(stack) >= max_depth:
                if index.too_deep is None:
                    index.too_deep = (_value_pointer(top), start)
                overflow = 1
                continue
            _punct(token, start, stack, index)
            continue
        if top is not None and top.is_object and top.expect_key:
            if kind == "str":
                _record_key(top, _key(token), start, index)
            continue
        pointer = _value_pointer(top)
        index.values[pointer] = start
        if kind == "word" and token not in _LITERALS:
            index.bad_words.append((token[:40], start))
        elif kind == "num" and ("e" in token or "E" in token) and math.isinf(float(token)):
            index.bad_numbers.append((token[:40], start))
    return index


def _record_key(top: _Frame, key: str, start: int, index: PointerIndex) -> None:
    pointer = f"{top.pointer}/{escape(key)}"
    if key in top.keys:
        index.duplicates.append((pointer, start))
    top.keys.add(key)
    top.key = key
    top.expect_key = False
    index.keys[pointer] = start


def _value_pointer(top: _Frame | None) -> str:
    if top is None:
        return ""
    if top.is_object:
        return f"{top.pointer}/{escape(top.key or '')}"
    return f"{top.pointer}/{top.index}"


def _punct(token: str, start: int, stack: list[_Frame], index: PointerIndex) -> None:
    top = stack[-1] if stack else None
    if token in "{[":
        if top is not None and top.is_object and top.expect_key:
            return  # broken JSON: a container where a key belongs
        pointer = _value_pointer(top)
        index.values[pointer] = start
        stack.append(_Frame(pointer, token == "{"))
    elif token in "}]":
        if stack:
            stack.pop()
    elif token == "," and top is not None:
        if top.is_object:
            top.expect_key = True
        else:
            top.index += 1


class Locator:
    """Line and column (both from 1) of JSON pointers inside one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: PointerIndex | None = None
        self._lines: list[int] | None = None

    @property
    def index(self) -> PointerIndex:
        """The pointer index, built on first use."""
        if self._index is None:
            self._index = build_index(self.text)
        return self._index

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of a character offset."""
        if self._lines is None:
            self._lines = [m.start() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_left(self._lines, offset)
        line_start = self._lines[line - 1] + 1 if line else 0
        return line + 1, offset - line_start + 1

    def locate(self, pointer: str, key: bool = False) -> tuple[int, int]:
        """Where ``pointer`` (or its nearest existing ancestor) starts; (0, 0) if nowhere.

        ``key``: prefer the member's key over its value (for unknown or repeated keys).
        """
        index = self.index
        while True:
            if key and pointer in index.keys:
                return self.position(index.keys[pointer])
            if pointer in index.values:
                return self.position(index.values[pointer])
            if not pointer:
                return (0, 0)
            pointer = pointer.rsplit("/", 1)[0]
