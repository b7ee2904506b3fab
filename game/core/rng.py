"""Random streams derived from the game seed and stable labels.

Every roll in the rules comes from ``stream(seed, turn, label)``: string seeds are hashed with
SHA-512 by CPython, so streams do not depend on PYTHONHASHSEED, on process or on call order
elsewhere.  Nothing about a stream needs saving beyond the seed.
"""

from __future__ import annotations

import random


def stream(seed: int, turn: int, label: str) -> random.Random:
    """A fresh generator for one named purpose in one turn."""
    return random.Random(f"{seed}:{turn}:{label}")
