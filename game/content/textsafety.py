"""Text safety: control characters and bidirectional overrides are refused in content.

Such characters would reach the terminal (escape sequences), forge lines in listings
(newlines in names), hide text (NUL) or reorder what a reader sees (bidi overrides).  Line
breaks and tabs are allowed only in long texts (descriptions, card texts, help).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from game.content.issues import Issue, issue
from game.content.locate import escape

#: Keys whose texts may hold line breaks and tabs (paragraphs).
LONG_TEXTS = frozenset({"description", "text", "help"})
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
MAX_REPORTED = 20


def bad_character(text: str, long: bool = False) -> str | None:
    """The first character ``text`` may not hold, or None."""
    for char in text:
        if long and char in "\n\t":
            continue
        if char in BIDI or unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            return char
    return None


def shown(text: str) -> str:
    """``text`` safe to print: every control or bidi character written as an escape."""
    return "".join(c if c.isprintable() and c not in BIDI else
                   repr(c)[1:-1] if c != "\n" else "\\n" for c in text)


def describe(char: str) -> str:
    """A forbidden character named for a message ("the control character U+001B")."""
    name = unicodedata.name(char, "")
    code = f"U+{ord(char):04X}"
    if char == "\n":
        return f"a line break ({code})"
    return f"the control character {code}{' ' + name if name else ''}"


def text_issues(data: Any, file: str) -> list[Issue]:
    """Every string (and key) in ``data`` that holds a forbidden character, each with the id
    of the object it sits in."""
    issues: list[Issue] = []
    stack: list[tuple[Any, str, bool, str]] = [(data, "", False, "")]
    while stack and len(issues) < MAX_REPORTED:
        node, pointer, long, oid = stack.pop()
        if isinstance(node, str):
            bad = bad_character(node, long)
            if bad is not None:
                where = "" if long or bad != "\n" else \
                    " (line breaks are allowed only in descriptions, card texts and help)"
                issues.append(issue("control-character", f"{describe(bad)} is not allowed "
                                    f"in texts{where}; remove it", file, pointer, oid))
        elif isinstance(node, dict):
            patched = pointer.rsplit("/", 2)[-2:-1] == ["patch"] and \
                not pointer.endswith("/settings")
            for key, value in node.items():
                here = f"{pointer}/{escape(key)}"
                if bad_character(key) is not None:
                    issues.append(issue("control-character", f"a key holds "
                                        f"{describe(bad_character(key) or '')}; remove it",
                                        file, here, oid))
                    continue
                inner = shown(key)[:64] if patched and not oid else oid
                stack.append((value, here, long or key in LONG_TEXTS, inner))
        elif isinstance(node, list):
            stack.extend((item, f"{pointer}/{i}", long, oid or _id_of(item))
                         for i, item in enumerate(node))
    issues.sort(key=lambda i: i.pointer)
    return issues


def _id_of(node: Any) -> str:
    """The id of a listed object, printable (its own control characters are reported)."""
    oid = node.get("id") if isinstance(node, dict) else None
    return shown(oid)[:64] if isinstance(oid, str) else ""
