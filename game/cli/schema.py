"""``saluran schema``: JSON Schema for editors, and the generated modding reference.

``saluran schema --out scenarios/schema`` regenerates the shipped schema files;
``saluran schema --docs docs/MODDING.md`` regenerates the reference part of the guide;
``--check`` only reports what is stale (exit 1) without writing.

It never writes into a file it did not create: a schema file is replaced only if it is a
schema this command wrote (JSON with this draft and a "Saluran ..." title), and ``--docs``
only replaces the part between its markers (or creates a new file).  Everything is checked
before anything is written, and each file is replaced atomically.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.cli.messages import t
from game.cli.options import Options, Refused, UsageError
from game.content.reference import BEGIN, END, generate, update_document
from game.content.schema_export import DRAFT, render, scenario_schema, schema_texts
from game.persistence.atomic import atomic_write

TITLE_PREFIX = "Saluran "


def register(sub: Any) -> None:
    """Add the ``schema`` sub-command."""
    parser = sub.add_parser("schema", help="write the JSON Schema and the modding reference",
                            description="Without options, print the scenario file's schema.")
    opts = Options(parser)
    opts.add("--out", metavar="DIR",
             help="write the schema files into DIR (created if missing); files there are "
                  "replaced only if this command wrote them (default: print to the screen)")
    opts.add("--docs", metavar="FILE",
             help="regenerate the reference section of FILE between its markers (e.g. "
                  "docs/MODDING.md), or create FILE; any other existing file is refused")
    opts.add("--check", action="store_true",
             help="write nothing; exit 1 if the --out or --docs files are stale")
    parser.set_defaults(run=run)


@dataclass(frozen=True, slots=True)
class Target:
    """A file to (re)write: where, its text now (None: new) and the text it should have."""

    path: Path
    current: str | None
    wanted: str


def run(args: argparse.Namespace) -> int:
    """Check every target, then write (or only compare, with --check)."""
    if not args.out and not args.docs:
        if args.check:
            raise UsageError(t("schema.check_alone"), "saluran schema")
        sys.stdout.write(render(scenario_schema()))
        return 0
    targets = schema_targets(Path(args.out)) if args.out else []
    if args.docs:
        targets.append(docs_target(Path(args.docs)))
    if args.check:
        stale = [target.path for target in targets if target.current != target.wanted]
        for path in stale:
            print(t("schema.stale", path=path), file=sys.stderr)
        return 1 if stale else 0
    for target in targets:
        if target.current != target.wanted:
            write(target)
            print(t("schema.wrote", path=target.path))
    return 0


def followed(path: Path, flag: str) -> Path:
    """Where a target really is: a symbolic link's file, so that writing keeps the link;
    Refused for a link that leads nowhere (or in a loop): that name is not ours to take."""
    if not path.is_symlink():
        return path
    if not path.exists():
        raise Refused(t("schema.dead_link", path=path, flag=flag))
    return path.resolve()


def read_text(path: Path, flag: str) -> str | None:
    """A target's current text (None if there is no file); Refused for folders, unreadable
    and binary files."""
    if path.is_dir():
        raise Refused(t("schema.is_folder", path=path, flag=flag))
    if path.exists() and not path.is_file():  # a device: never read (it may not end) or replaced
        raise Refused(t("schema.not_regular", path=path, flag=flag))
    if not path.exists():
        if path.parent.exists() and not path.parent.is_dir():
            raise Refused(t("schema.parent_not_folder", path=path, parent=path.parent))
        return None
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(t("schema.binary", path=path, flag=flag)) from None
    except OSError as exc:
        raise Refused(t("schema.unreadable", path=path, detail=exc.strerror or exc)) from None


def ours(text: str) -> bool:
    """True if ``text`` is a schema this command wrote."""
    try:
        data: Any = json.loads(text)
    except ValueError:
        return False
    return (isinstance(data, dict) and data.get("$schema") == DRAFT
            and str(data.get("title", "")).startswith(TITLE_PREFIX))


def schema_targets(folder: Path) -> list[Target]:
    """The schema files of ``--out``; Refused if one exists that this command did not write."""
    if folder.exists() and not folder.is_dir():
        raise Refused(t("schema.out_is_file", path=folder))
    targets = []
    for name, wanted in schema_texts().items():
        path = followed(folder / name, "--out")
        current = read_text(path, "--out")
        if current is not None and not ours(current):
            raise Refused(t("schema.foreign", path=path, flag="--out"))
        targets.append(Target(path, current, wanted))
    return targets


def docs_target(path: Path) -> Target:
    """The ``--docs`` file; Refused unless it is new or has the reference markers."""
    path = followed(path, "--docs")
    current = read_text(path, "--docs")
    if current is None:
        return Target(path, None, generate() + "\n")
    start, end = current.find(BEGIN), current.find(END)
    if start < 0 and end < 0:
        raise Refused(t("schema.no_markers", path=path, begin=BEGIN, end=END))
    if start < 0 or end < start:
        raise Refused(t("schema.bad_markers", path=path, begin=BEGIN, end=END))
    return Target(path, current, update_document(current))


def write(target: Target) -> None:
    """Replace (or create) one file atomically; Refused if the disk says no."""
    try:
        target.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target.path, target.wanted.encode("utf-8"), keep_backup=False)
    except OSError as exc:
        raise Refused(t("schema.cannot_write", path=target.path,
                        detail=exc.strerror or exc)) from None
