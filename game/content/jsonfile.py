"""Reading one JSON file defensively: size, kind of file, encoding, syntax, duplicate keys,
non-JSON numbers and nesting depth.  Every failure is an ``Issue`` with a line and column.
"""

from __future__ import annotations

import json
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.issues import ContentError, Issue
from game.content.locate import Locator, build_index

MAX_BYTES = 4 * 1024 * 1024  # larger content files are refused before being read whole
MAX_DEPTH = 64  # deeper nesting is refused (real scenarios stay under 20)
MAX_REPORTED = 100  # repeated problems of one kind in one file reported at most this often


class _DuplicateKey(ValueError):
    pass


class _BadNumber(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKey()
    return result


def _reject_constant(name: str) -> Any:
    raise _BadNumber(name)


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _BadNumber(text)
    return value


@dataclass(slots=True)
class Source:
    """A JSON file read and parsed: its name as reported, its text and its data."""

    name: str
    text: str
    data: Any
    locator: Locator = field(init=False)

    def __post_init__(self) -> None:
        self.locator = Locator(self.text)


def read_json(path: Path) -> Any:
    """Parse ``path``; raise ContentError with precise issues if it cannot be read."""
    return read_source(path).data


def read_source(path: Path, name: str | None = None) -> Source:
    """Read and parse ``path``; raise ContentError with located issues on any problem."""
    name = name or str(path)
    return parse_text(_read_text(path, name), name)


def _fail(name: str, code: str, message: str, line: int = 0, column: int = 0) -> ContentError:
    return ContentError([Issue(code, "error", message, name, line, column)])


def _read_text(path: Path, name: str) -> str:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _fail(name, "file-missing", "file not found") from None
    except OSError as exc:
        raise _fail(name, "file-unreadable", exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise _fail(name, "not-a-file", "a folder was given where a JSON file was expected")
    if not stat.S_ISREG(info.st_mode):
        raise _fail(name, "not-a-file", "not a regular file (a device, pipe or socket)")
    if info.st_size > MAX_BYTES:
        raise _fail(name, "file-too-large",
                    f"{info.st_size} bytes; content files may hold at most {MAX_BYTES}")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _fail(name, "file-unreadable", exc.strerror or str(exc)) from None
    if len(raw) > MAX_BYTES:  # the file grew after stat
        raise _fail(name, "file-too-large", f"more than {MAX_BYTES} bytes")
    return _decode(raw, name)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(name, "bad-encoding", "UTF-16 text; save the file as UTF-8", 1, 1)
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, column = _byte_place(raw, nul)
        raise _fail(name, "binary-file", "a NUL byte: this is a binary file, not JSON text",
                    line, column)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _byte_place(raw, exc.start)
        raise _fail(name, "bad-encoding",
                    f"not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                    line, column) from None


def _byte_place(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def parse_text(text: str, name: str) -> Source:
    """Parse JSON ``text``: no duplicate keys, no NaN or Infinity, at most MAX_DEPTH deep."""
    if not text.strip():
        raise _fail(name, "empty-file", "the file is empty")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates,
                          parse_constant=_reject_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise _syntax(exc, text, name) from None
    except _DuplicateKey:
        raise ContentError(_duplicates(text, name)) from None
    except _BadNumber:
        raise ContentError(_bad_numbers(text, name)) from None
    except RecursionError:
        raise _too_deep(text, name) from None
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise _fail(name, "json-syntax", str(exc)) from None
    source = Source(name, text, data)
    if _depth_exceeds(data, MAX_DEPTH):
        raise _too_deep(text, name)
    return source


def _syntax(exc: json.JSONDecodeError, text: str, name: str) -> ContentError:
    if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
        what = exc.msg.removesuffix(" starting at").lower()
        return _fail(name, "json-truncated", f"the file ends too early (truncated?): {what}",
                     exc.lineno, exc.colno)
    before = text[:exc.pos].rstrip()
    if before.endswith(",") and text[exc.pos:exc.pos + 1] in "}]":
        comma = len(before) - 1
        line, column = Locator(text).position(comma)
        return _fail(name, "json-syntax", f"a comma before {text[exc.pos]!r}: JSON allows no "
                     "comma after the last item; remove it", line, column)
    return _fail(name, "json-syntax", _syntax_message(exc, text), exc.lineno, exc.colno)


def _syntax_message(exc: json.JSONDecodeError, text: str) -> str:
    """Python's message in a modder's words, naming comments and stray control characters."""
    if text.startswith(("//", "/*"), exc.pos):
        return "JSON has no comments: remove the comment (a note can go in a \"description\")"
    char = text[exc.pos:exc.pos + 1]
    if exc.msg.startswith("Invalid control character") and char not in ("\n", "\r", "\t"):
        return f"the control character U+{ord(char):04X} inside a quoted text; remove it"
    return _SYNTAX.get(exc.msg, exc.msg)


#: Python's JSON messages in a modder's words.
_SYNTAX = {
    "Expecting property name enclosed in double quotes":
        "expected a key in double quotes, like \"name\": (keys and texts use \", not ')",
    "Expecting ',' delimiter": "expected a comma between two items (or a closing bracket)",
    "Expecting ':' delimiter": "expected a colon after the key, like \"key\": value",
    "Expecting value": "expected a value: a number, \"text\", true, false, null, {...} or [...]",
    "Extra data": "more text after the JSON object ends: a file holds one object {...}",
    "Invalid control character at": "a line break or tab inside a quoted text: write \\n",
}


def _duplicates(text: str, name: str) -> list[Issue]:
    locator = Locator(text)
    issues = []
    for pointer, offset in locator.index.duplicates[:MAX_REPORTED]:
        line, column = locator.position(offset)
        key = pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
        issues.append(Issue("duplicate-key", "error",
                            f"key {key!r} appears twice in one object; keep one", name,
                            line, column, pointer))
    return issues or [Issue("duplicate-key", "error", "a key appears twice in one object", name)]


def _bad_numbers(text: str, name: str) -> list[Issue]:
    locator = Locator(text)
    found = sorted(locator.index.bad_words + locator.index.bad_numbers, key=lambda w: w[1])
    issues = []
    for word, offset in found[:MAX_REPORTED]:
        line, column = locator.position(offset)
        issues.append(Issue("json-constant", "error",
                            f"{word[:40]} is not a JSON number; write a finite number",
                            name, line, column))
    return issues or [Issue("json-constant", "error", "NaN or Infinity is not JSON", name)]


def _too_deep(text: str, name: str) -> ContentError:
    locator = Locator(text)
    deep = build_index(text, MAX_DEPTH).too_deep
    line, column = locator.position(deep[1]) if deep else (0, 0)
    return ContentError([Issue("too-deep", "error",
                               f"nested more than {MAX_DEPTH} levels deep", name, line, column,
                               deep[0] if deep else "")])


def _depth_exceeds(data: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
