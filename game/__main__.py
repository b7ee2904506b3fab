"""``python -m game``: the same as the ``saluran`` command."""

from game.cli import main

raise SystemExit(main())
