"""Reading a batch folder back: rows, run information, the scenario, single lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from game.content import scenario_from_document
from game.core import Scenario
from game.sim.batch import BATCH_FILE, GAMES_FILE, SCENARIO_FILE

Row = dict[str, Any]


class BatchError(ValueError):
    """A batch folder or line reference that cannot be read; the message says why."""


def games_path(ref: str | Path) -> Path:
    """games.jsonl of a batch folder (or the file itself)."""
    path = Path(ref)
    return path / GAMES_FILE if path.is_dir() else path


def iter_rows(ref: str | Path) -> Iterator[Row]:
    """Rows of a batch folder or games.jsonl file, one at a time."""
    path = games_path(ref)
    if not path.is_file():
        raise BatchError(f"no results at {path}")
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BatchError(f"{path}:{number}: not a JSON line ({exc.msg})") from None
            if not isinstance(row, dict):
                raise BatchError(f"{path}:{number}: not a result row")
            yield row


def load_rows(ref: str | Path) -> list[Row]:
    """Every row of a batch folder or games.jsonl file."""
    return list(iter_rows(ref))


def batch_info(folder: str | Path) -> dict[str, Any]:
    """batch.json of a batch folder (empty when missing, e.g. a hand-made games.jsonl)."""
    path = Path(folder) / BATCH_FILE
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def batch_scenario(folder: str | Path) -> Scenario:
    """The scenario a batch ran, from the document it saved."""
    path = Path(folder) / SCENARIO_FILE
    if not path.is_file():
        raise BatchError(f"{path} is missing: is {folder} a saluran sim folder?")
    return scenario_from_document(json.loads(path.read_text(encoding="utf-8")), str(path))


def split_line_ref(ref: str) -> tuple[Path, int]:
    """``DIR/games.jsonl#K`` (or ``DIR#K``) as (games.jsonl path, K)."""
    path, sep, index = ref.rpartition("#")
    if not sep or not index.strip().isascii() or not index.strip().isdigit():
        raise BatchError(f"{ref!r}: expected FILE#K, e.g. out/games.jsonl#12 "
                         "(K counts lines from 0)")
    return games_path(path), int(index)


def read_line(path: Path, index: int) -> str:
    """Line ``index`` (from 0) of a games.jsonl file, without its newline."""
    if not path.is_file():
        raise BatchError(f"no results at {path}")
    count = 0
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            if number == index:
                return line.rstrip("\n")
            count = number + 1
    raise BatchError(f"{path} has no line {index}: it has {count} lines, numbered from 0")
