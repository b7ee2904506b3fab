"""Reading one JSON file defensively: size, encoding, syntax and duplicate keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.content.issues import ContentError, Issue

MAX_BYTES = 4 * 1024 * 1024  # larger content files are refused before being read whole


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def read_json(path: Path) -> Any:
    """Parse ``path``; raise ContentError with one precise issue if it cannot be read."""
    name = str(path)

    def fail(code: str, message: str, line: int = 0, column: int = 0) -> ContentError:
        return ContentError([Issue(code, "error", message, name, line, column)])

    if not path.exists():
        raise fail("file-missing", "file not found")
    if path.is_dir():
        raise fail("not-a-file", "a folder was given where a JSON file was expected")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail("file-too-large", f"{size} bytes; the limit is {MAX_BYTES}")
        raw = path.read_bytes()
    except OSError as exc:
        raise fail("file-unreadable", exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail("bad-encoding", f"not UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise fail("empty-file", "the file is empty")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except _DuplicateKey as exc:
        raise fail("duplicate-key", f"key {exc.args[0]!r} appears twice in one object") from None
    except json.JSONDecodeError as exc:
        raise fail("json-syntax", exc.msg, exc.lineno, exc.colno) from None
    except (ValueError, RecursionError) as exc:
        raise fail("json-syntax", str(exc) or "nested too deeply") from None
