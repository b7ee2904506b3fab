"""``python -m game``: the same as the ``saluran`` command."""

from game.launch import main

raise SystemExit(main())
