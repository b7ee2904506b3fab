"""Opening the game window (the pygame front end lives in ``game.ui``)."""

from __future__ import annotations

import argparse
import importlib
import sys


def open_window(args: argparse.Namespace | None = None) -> int:
    """Start the UI; a clear message instead of a traceback if this build has none."""
    try:
        app = importlib.import_module("game.ui.app")
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("game.ui"):
            raise
        print("saluran: the game window is not part of this build; "
              "use `saluran play --headless`", file=sys.stderr)
        return 1
    code: int = app.run(args)
    return code
