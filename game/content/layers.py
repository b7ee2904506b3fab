"""The pieces of a composition: merged objects with provenance, the layers read, the result.

Shared by reading (``compose``), merging (``merge``) and the checks that follow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game.content import mods
from game.content.issues import Issue, issue
from game.content.jsonfile import Source
from game.content.models import LIST_KINDS, Edits
from game.content.schemaerrors import validation_issues

BUILTIN_NAME = "<built-in personas>"
SINGULAR = {"resources": "resource", "tracks": "track", "channels": "channel",
            "parties": "party", "statuses": "status", "positions": "position",
            "contests": "contest", "moves": "move", "events": "event", "personas": "persona",
            "actors": "actor"}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a merged object was defined: file, JSON pointer, and what it replaced."""

    file: str
    pointer: str
    replaced: str = ""  # the file whose object of the same id this one replaced


@dataclass(frozen=True, slots=True)
class PatchMark:
    """A patch applied to a merged object: where it is written and what it says."""

    file: str
    pointer: str  # of the object's patch, e.g. /patch/moves/media_campaign
    value: Any  # the merge patch (a JSON object) or the JSON Patch operations (a list)


@dataclass(slots=True)
class Entry:
    """A merged object: its model, its JSON as written and its origin."""

    model: Any
    raw: dict[str, Any]
    origin: Origin
    patches: tuple[PatchMark, ...] = ()

    def where(self, pointer: str) -> tuple[str, str]:
        """The file and pointer that wrote ``pointer`` (a place inside this object).

        A patch that wrote it (the latest first) is named over the file that defined it.
        """
        suffix = pointer[len(self.origin.pointer):] \
            if pointer.startswith(self.origin.pointer) else ""
        for mark in reversed(self.patches):
            found = patched_at(mark, suffix)
            if found is not None:
                return mark.file, found
        return self.origin.file, pointer


def patched_at(mark: PatchMark, suffix: str) -> str | None:
    """The pointer in ``mark``'s file that wrote ``suffix`` of the object, or None."""
    if suffix and isinstance(mark.value, list):
        for i, op in enumerate(mark.value):
            path = op.get("path") if isinstance(op, dict) else None
            base = path.removesuffix("/-") if isinstance(path, str) else None
            if base is not None and (suffix == base or suffix.startswith(base + "/")):
                return f"{mark.pointer}/{i}"
        return None
    node = mark.value
    for part in suffix.split("/")[1:]:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return mark.pointer + suffix if isinstance(mark.value, dict) else None


@dataclass(slots=True)
class LayerFile:
    """One file (or one block of a mod) read and validated, in merge order."""

    source: Source
    model: Edits
    scenario: bool  # a scenario layer (settings) rather than a part
    owner: str | None = None  # the patch mod it belongs to (None: the scenario's own files)
    allowed: frozenset[str] = frozenset()  # mods this block is written to work with
    prefix: str = ""  # JSON pointer of the block inside the file ("" for the whole file)

    @property
    def data(self) -> dict[str, Any]:
        """The block's JSON as written."""
        node: Any = self.source.data
        for part in self.prefix.split("/")[1:]:
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node  # type: ignore[no-any-return]


@dataclass(slots=True)
class Composition:
    """Every file of a scenario merged, with provenance and the issues found."""

    main: str
    layers: list[LayerFile] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    setting_files: dict[str, str] = field(default_factory=dict)
    lists: dict[str, dict[str, Entry]] = field(
        default_factory=lambda: {kind: {} for kind in LIST_KINDS})
    removed: dict[tuple[str, str], Origin] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)  # every file read, by name
    mods: list[tuple[str, Any]] = field(default_factory=list)  # (mod id, ModFile) in order
    setting_patches: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (file,
    # pointer of the patch.settings block that last set it)
    writes: dict[tuple[str, str], list[Write]] = field(default_factory=dict)  # by (kind, id)


@dataclass(frozen=True, slots=True)
class Write:
    """A patch mod's edit of one place in an object, kept to find mods that collide."""

    path: str  # JSON pointer inside the object ("" for the whole object)
    owner: str  # the mod
    allowed: frozenset[str]  # mods this edit is written to work with
    file: str
    pointer: str


def display(path: Path) -> str:
    """A path as reported: relative to the working folder when inside it."""
    try:
        return str(mods.resolved(path).relative_to(mods.resolved(Path.cwd())))
    except (ValueError, OSError):
        return str(path)




def parse_model(model_type: type[BaseModel], data: Any, name: str,
                issues: list[Issue]) -> Any:
    """``data`` validated as ``model_type``, or None with the problems added to ``issues``."""
    try:
        return model_type.model_validate(data)
    except ValidationError as exc:
        issues.extend(validation_issues(exc, model_type, data, name))
    except RecursionError:
        issues.append(issue("too-deep", "nested too deeply", name))
    return None
