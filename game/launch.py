"""The ``saluran`` command's first step (``python -m game`` too).

Loading the game takes about a second; a Ctrl-C pressed meanwhile is noted here and handed to
the command line, which reports it as it reports any other Ctrl-C (one line, exit 130),
instead of Python printing a traceback from the middle of an import.
"""

from __future__ import annotations

import signal


def main() -> int:
    """Run the ``saluran`` command line on ``sys.argv``; returns the exit code."""
    pressed: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, _frame: pressed.append(signum))
    from game.cli import main as run  # the slow part

    return run(pressed_while_loading=pressed)
