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

from game.content.issues import Issue, did_you_mean, issue, language_problem
from game.content.locate import escape
from game.content.models_rules import LANG_PATTERN

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
    """One issue per problem, in the modder's words, located in ``data`` (the parsed file).

    Pydantic reports a value that fits no member of a union once per member (a number or
    nothing, a string or a text): those become one issue naming what would fit.
    """
    by_place: dict[str, list[tuple[Any, str, tuple[Any, ...], list[Any]]]] = {}
    for err in exc.errors(include_url=False):
        loc = tuple(err.get("loc", ()))
        kind = str(err.get("type", ""))
        parts = _in_data(_real_path(model, loc), data, kind)
        if kind == "union_tag_invalid":
            parts.append("type")
        pointer = "".join(f"/{escape(str(p))}" for p in parts)
        by_place.setdefault(pointer, []).append((err, kind, loc, parts))
    issues = []
    for pointer, errs in by_place.items():
        typed = [e for e in errs if _code(e[1]) == "wrong-type"]
        if len(typed) == len(errs) and any(p.startswith(pointer + "/") for p in by_place):
            continue  # a member of the union fits the shape: the error inside names the fix
        if len(typed) == len(errs) and typed:
            err, _, loc, parts = typed[0]
            message = _wrong_type([e[1] for e in typed], [e[2] for e in typed], err)
            issues.append(issue("wrong-type", message, file, pointer, _object_id(data, parts)))
            continue
        for err, kind, loc, parts in errs:
            if _code(kind) == "wrong-type" and len(typed) < len(errs):
                continue  # another member of the union names the real problem
            code = "bad-language" if _is_language(err, kind) else _code(kind)
            issues.append(issue(code, _message(err, kind, model, loc), file, pointer,
                                _object_id(data, parts)))
    return _one_per_typo(issues)


def _in_data(parts: list[Any], data: Any, kind: str) -> list[Any]:
    """``parts`` without the names pydantic gives union members (``constrained-int``,
    ``none``, ``dict[...]``): only keys and indexes that exist in the file remain."""
    real: list[Any] = []
    node = data
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if (isinstance(node, dict) and part in node) or (
                isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            node = node[part]
        elif last and kind == "missing" and isinstance(node, dict):
            pass  # the missing key itself
        else:
            continue
        real.append(part)
    return real


def _one_per_typo(issues: list[Issue]) -> list[Issue]:
    """A misspelt required key is one problem: keep the unknown key, which names the fix."""
    fixes = {(i.pointer.rsplit("/", 1)[0], m.group(1)) for i in issues
             if i.code == "unknown-key" and (m := re.search(r"did you mean '([^']+)'", i.message))}
    kept = []
    for found in issues:
        head, _, key = found.pointer.rpartition("/")
        if found.code == "missing-key" and (head, key) in fixes:
            continue
        if found.code == "unknown-key":
            match = re.search(r"did you mean '([^']+)'", found.message)
            if match and any(i.code == "missing-key" and i.pointer == f"{head}/{match.group(1)}"
                             for i in issues):
                found = issue(found.code, found.message + f"; {match.group(1)!r} is required",
                              found.file, found.pointer, found.object_id)
        kept.append(found)
    return kept


#: What a type error's kind expects, in the modder's words.
_EXPECTED = {
    "int_type": "a whole number", "int_from_float": "a whole number",
    "float_type": "a number", "bool_type": "true or false", "string_type": "a string",
    "list_type": "a list [...]", "dict_type": "an object {...}", "model_type": "an object {...}",
    "model_attributes_type": "an object {...}", "none_required": "",
}
TEXT_HINT = 'a text in English and Bahasa Indonesia: {"en": "...", "id": "..."}'
TEXT_KEYS = frozenset({"name", "description", "title", "text", "help", "label"})


def _is_text(loc: tuple[Any, ...]) -> bool:
    tags = [p for p in loc if isinstance(p, str) and p.startswith("dict[")]
    if tags:
        return tags[-1] == "dict[constrained-str,constrained-str]"
    keys = [p for p in loc if isinstance(p, str)]
    return bool(keys) and keys[-1] in TEXT_KEYS


def _wrong_type(kinds: list[str], locs: list[tuple[Any, ...]], err: Any) -> str:
    wanted: list[str] = []
    for kind, loc in zip(kinds, locs, strict=True):
        word = _EXPECTED.get(kind, kind.removesuffix("_type").replace("_", " "))
        if word == "an object {...}" and _is_text(loc):
            word = TEXT_HINT
        if word and word not in wanted:
            wanted.append(word)
    value = err.get("input")
    return f"expected {' or '.join(wanted) or 'nothing'}, not {_described(value)}" \
        f"{_hint(value, wanted)}"


def _described(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"the string {_short(value)}"
    if isinstance(value, dict):
        return "an object {...}"
    if isinstance(value, list):
        return "a list [...]"
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}.0 (a number with a fraction)"
    return repr(value)


def _hint(value: Any, wanted: list[str]) -> str:
    numeric = any("number" in w for w in wanted)
    if isinstance(value, str) and numeric:
        try:
            float(value)
        except ValueError:
            return ""
        return f": write {value.strip()} without quotes"
    if isinstance(value, bool) and numeric:
        return ": write 1 or 0"
    if isinstance(value, str) and TEXT_HINT in wanted:
        return f": write {{\"en\": {_short(value)}, \"id\": \"...\"}}".replace("'", '"')
    if isinstance(value, str) and wanted == ["a list [...]"]:
        return f": write [{_short(value)}]".replace("'", '"')
    return ""


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
    """The id of the outermost listed object the error sits in (or that a patch edits)."""
    if "patch" in parts:
        at = parts.index("patch")
        if len(parts) > at + 2 and parts[at + 1] != "settings":
            return str(parts[at + 2])[:64]
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
    if _is_language(err, kind):
        return language_problem(str(err.get("input")))
    if kind == "string_pattern_mismatch":
        return f"{_short(err.get('input'))} is not an id: use a-z, 0-9 and _, starting " \
               "with a letter"
    return _plain(kind, ctx, err.get("input")) or f"{msg} (got {_short(err.get('input'))})"


def _is_language(err: Any, kind: str) -> bool:
    """A text's key that is not a language code ("EN", "english")."""
    return kind == "string_pattern_mismatch" and isinstance(err.get("input"), str) \
        and (err.get("ctx") or {}).get("pattern") == LANG_PATTERN


def _plain(kind: str, ctx: dict[str, Any], value: Any) -> str:
    """Range and length errors in plain words ("2 is too large: at most 1")."""
    shown = _described(value)
    if kind in ("less_than_equal", "less_than"):
        return f"{shown} is too large: {'at most' if kind.endswith('equal') else 'below'} " \
               f"{_num(ctx.get('le', ctx.get('lt')))}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{shown} is too small: {'at least' if kind.endswith('equal') else 'above'} " \
               f"{_num(ctx.get('ge', ctx.get('gt')))}"
    if kind == "finite_number":
        return f"{shown} is not a finite number"
    if kind in ("too_short", "too_long"):
        what = "item" if kind.startswith("too") else "character"
        limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        side = "at least" if kind == "too_short" else "at most"
        return f"{side} {limit} {what}(s) allowed here, found {ctx.get('actual_length')}"
    if kind in ("string_too_short", "string_too_long"):
        side = "at least" if kind == "string_too_short" else "at most"
        limit = ctx.get("min_length") if kind == "string_too_short" else ctx.get("max_length")
        return f"{side} {limit} character(s) allowed here"
    return ""


def _num(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


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
