"""``saluran schema``: JSON Schema for editors, and the generated modding reference.

``saluran schema --out scenarios/schema`` regenerates the shipped schema files;
``saluran schema --docs docs/MODDING.md`` regenerates the reference part of the guide;
``--check`` only reports what is stale (exit 1) without writing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.content.reference import update_document
from game.content.schema_export import render, scenario_schema, stale_schemas, write_schemas


def register(sub: Any) -> None:
    """Add the ``schema`` sub-command."""
    parser = sub.add_parser("schema", help="write the JSON Schema and the modding reference",
                            description="Without options, print the scenario file's schema.")
    parser.add_argument("--out", metavar="DIR",
                        help="write scenario.schema.json and part.schema.json into DIR")
    parser.add_argument("--docs", metavar="FILE",
                        help="regenerate the reference section of FILE (e.g. docs/MODDING.md)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if --out or --docs files are stale")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write (or check) the requested files."""
    if not args.out and not args.docs:
        sys.stdout.write(render(scenario_schema()))
        return 0
    stale: list[str] = []
    if args.out:
        folder = Path(args.out)
        if args.check:
            stale += [str(folder / name) for name in stale_schemas(folder)]
        else:
            for path in write_schemas(folder):
                print(f"wrote {path}")
    if args.docs:
        doc = Path(args.docs)
        current = doc.read_text(encoding="utf-8") if doc.is_file() else ""
        updated = update_document(current)
        if args.check:
            if updated != current:
                stale.append(str(doc))
        elif updated != current:
            doc.parent.mkdir(parents=True, exist_ok=True)
            doc.write_text(updated, encoding="utf-8")
            print(f"wrote {doc}")
    for name in stale:
        print(f"stale: {name} (regenerate: saluran schema --out/--docs without --check)",
              file=sys.stderr)
    return 1 if stale else 0
