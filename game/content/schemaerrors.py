"""Pydantic validation errors turned into issues a modder can act on.

Each error gets a stable code, a real JSON pointer into the file (the union tags pydantic puts
in its locations are dropped), the id of the object it sits in and, for misspelt keys,
``type`` tags and choices, a "did you mean".
"""

from __future__ import annotations

import re
import types
import typing
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from game.content.issues import Issue, did_you_mean, issue
from game.content.locate import escape

_CODES = {
    "extra_forbidden": "unknown-key",
    "missing": "missing-key",
    "union_tag_invalid": "unknown-type",
    "union_tag_not_found": "missing-type",
    "string_pattern_mismatch": "bad-id",
    "literal_error": "bad-value",
    "enum": "bad-value",
    "too_short": "wrong-length",
    "too_long": "wrong-length",
    "string_too_short": "wrong-length",
    "string_too_long": "wrong-length",
}
_RANGE = ("greater_than", "less_than", "finite_number", "multiple_of")
_QUOTED = re.compile(r"'([^']*)'")


def validation_issues(exc: ValidationError, model: type[BaseModel], data: Any,
                      file: str) -> list[Issue]:
    """One issue per pydantic error, located in ``data`` (the parsed file)."""
    issues = []
    for err in exc.errors(include_url=False):
        loc = tuple(err.get("loc", ()))
        kind = str(err.get("type", ""))
        parts = _real_path(model, loc)
        if kind == "union_tag_invalid":
            parts.append("type")
        pointer = "".join(f"/{escape(str(p))}" for p in parts)
        code = _code(kind)
        message = _message(err, kind, model, loc)
        issues.append(issue(code, message, file, pointer, _object_id(data, parts)))
    return issues


def _code(kind: str) -> str:
    if kind in _CODES:
        return _CODES[kind]
    if kind.startswith(_RANGE):
        return "out-of-range"
    if kind.endswith(("_type", "_parsing")) or kind in ("model_attributes_type", "none_required"):
        return "wrong-type"
    return "schema"


def _real_path(model: type[BaseModel], loc: tuple[Any, ...]) -> list[Any]:
    """The location without the tags pydantic adds for members of discriminated unions."""
    parts: list[Any] = []
    tp: Any = model
    for part in loc:
        if part == "[key]":
            continue
        if _is_union(tp):
            tp = _step(tp, part)  # ``part`` is the member's tag, not a key in the file
            continue
        parts.append(part)
        tp = _step(tp, part) if tp is not None else None
    return parts


def _is_union(tp: Any) -> bool:
    return get_origin(_unwrap(tp)) in (typing.Union, types.UnionType)


def _object_id(data: Any, parts: list[Any]) -> str:
    """The id of the outermost listed object the error sits in."""
    node = data
    for depth, part in enumerate(parts):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return ""
        if depth >= 1 and isinstance(node, dict) and isinstance(node.get("id"), str):
            return str(node["id"])[:64]
    return ""


def _message(err: Any, kind: str, model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    msg = str(err.get("msg", "invalid"))
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else ""
        known = _fields_at(model, loc[:-1])
        return f"unknown key {key!r}{did_you_mean(key, known)}"
    if kind == "missing":
        return f"required key {str(loc[-1])!r} is missing" if loc else msg
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag", ""))
        expected = _QUOTED.findall(str(ctx.get("expected_tags", "")))
        return f"unknown type {tag!r}{did_you_mean(tag, expected)}; known: {', '.join(expected)}"
    if kind == "union_tag_not_found":
        return "a condition or effect needs a \"type\" key"
    if kind == "literal_error":
        value = err.get("input")
        expected = _QUOTED.findall(str(ctx.get("expected", "")))
        hint = did_you_mean(value, expected) if isinstance(value, str) else ""
        return f"{_short(value)} is not allowed{hint}; choose {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        return f"{_short(err.get('input'))} is not an id: use a-z, 0-9 and _, starting " \
               "with a letter"
    return f"{msg} (got {_short(err.get('input'))})"


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else type(value).__name__ \
        if isinstance(value, dict | list) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in get_args(tp) if _unwrap(a) is not type(None)]
            if len(members) != 1:
                return tp
            tp = members[0]
        else:
            return tp


def _step(tp: Any, part: Any) -> Any:
    tp = _unwrap(tp)
    origin = get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        fields = {f.alias or n: f for n, f in tp.model_fields.items()}
        return fields[part].annotation if part in fields else None
    if origin is list:
        return get_args(tp)[0] if isinstance(part, int) else None
    if origin is dict:
        return get_args(tp)[1]
    if origin in (typing.Union, types.UnionType):
        for member in get_args(tp):
            member = _unwrap(member)
            if isinstance(member, type) and issubclass(member, BaseModel):
                tag = member.model_fields.get("type")
                if tag is not None and get_origin(tag.annotation) is Literal \
                        and part in get_args(tag.annotation):
                    return member
    return None


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the object at ``loc`` may hold (empty when unknown)."""
    tp: Any = model
    for part in loc:
        tp = _step(tp, part)
        if tp is None:
            return []
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [f.alias or n for n, f in tp.model_fields.items()]
    return []
