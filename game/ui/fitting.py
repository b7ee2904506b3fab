"""How text is fitted into a box: the one rule every screen uses for names (no pygame here).

A name that is too long for its box is shown by the first of these that fits:

1. the full name, wrapped at word boundaries onto the lines the box has;
2. its short form, where the scenario gives one (parties have a ``short`` name), wrapped so;
3. the full name wrapped, its last line ending in "…" after the last whole word that fits;
4. the initials of its words ("Inspektur Komisi Disiplin" becomes "IKD");
5. "…" alone.

Words break at spaces, and after "/" or "-"; a word is never cut in the middle.  Whatever a
box shows, hovering it shows the full name.  Layouts give every cell room for its longest word
(the board tests check this), so steps 4 and 5 are a last resort for tiny windows.

Running text (tooltips, cards, the guide) wraps the same way; only there is a single word too
wide for a whole line cut, so that nothing runs out of its box.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

ELLIPSIS = "\u2026"
Measure = Callable[[str], int]  # the width of a text in pixels
Token = tuple[str, bool]  # a word and whether a space precedes it

_PIECES = re.compile(r"[^/-]*[/-]|[^/-]+")


def tokens(text: str) -> list[Token]:
    """The words of one line of text; a word may also end after "/" or "-"."""
    found: list[Token] = []
    for word in text.split(" "):
        parts = _PIECES.findall(word) or [word]
        found.append((parts[0], True))
        found.extend((part, False) for part in parts[1:])
    return found


def _join(line: str, token: Token) -> str:
    word, spaced = token
    if not line:
        return word
    return f"{line} {word}" if spaced else line + word


def wrap_tokens(found: Sequence[Token], width: int, measure: Measure) -> list[str]:
    """Lines of whole words no wider than ``width``; a word wider than that has a line of
    its own (and sticks out: the caller decides what to do with it)."""
    lines: list[str] = []
    line = ""
    for token in found:
        trial = _join(line, token)
        if not line or measure(trial) <= width:
            line = trial
        else:
            lines.append(line)
            line = token[0]
    lines.append(line)
    return lines


def wrap_words(text: str, width: int, measure: Measure) -> list[str]:
    """``text`` wrapped at word boundaries; every paragraph (``\\n``) starts a line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(wrap_tokens(tokens(paragraph), width, measure))
    return lines


def wrap_text(text: str, width: int, measure: Measure) -> list[str]:
    """Running text wrapped at word boundaries; only a word wider than a whole line is cut."""
    lines: list[str] = []
    for line in wrap_words(text, width, measure):
        while measure(line) > width and len(line) > 1:
            cut = longest_prefix(line, width, measure)
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def longest_prefix(text: str, width: int, measure: Measure) -> int:
    """How many leading characters of ``text`` fit in ``width`` (at least one)."""
    low, high = 1, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if measure(text[:mid]) <= width:
            low = mid
        else:
            high = mid - 1
    return low


def _fits(lines: Sequence[str], width: int, count: int, measure: Measure) -> bool:
    return len(lines) <= count and all(measure(line) <= width for line in lines)


def _with_ellipsis(found: Sequence[Token], width: int, count: int,
                   measure: Measure) -> list[str] | None:
    """The most leading words that fit ``count`` lines with "…" after the last (step 3)."""
    for keep in range(len(found) - 1, 0, -1):
        lines = wrap_tokens(found[:keep], width, measure)
        lines[-1] += ELLIPSIS
        if _fits(lines, width, count, measure):
            return lines
    return None


def initials(text: str) -> str:
    """The first letter of every word, in capitals: "Anggota Komite Sentral" gives "AKS"."""
    return "".join(word[0] for word in re.split(r"[\s/-]+", text) if word).upper()


def fit_lines(text: str, width: int, lines: int, measure: Measure,
              short: str = "") -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` pixels, by the rule above."""
    count = max(lines, 1)
    full = wrap_words(text, width, measure)
    if _fits(full, width, count, measure):
        return full
    if short and short != text:
        brief = wrap_words(short, width, measure)
        if _fits(brief, width, count, measure):
            return brief
    found = tokens(text.replace("\n", " "))
    shortened = _with_ellipsis(found, width, count, measure)
    if shortened is not None:
        return shortened
    letters = initials(text)
    if len(found) > 1 and letters and measure(letters) <= width:
        return [letters]
    return [ELLIPSIS]


def fit_line(text: str, width: int, measure: Measure, short: str = "") -> str:
    """``text`` on one line of ``width`` pixels, by the rule above."""
    return fit_lines(text, width, 1, measure, short)[0]


def is_abbreviated(shown: Sequence[str], text: str) -> bool:
    """True when ``shown`` (fitted lines) is not the whole of ``text``."""
    return " ".join(shown).replace(" ", "") != text.replace("\n", "").replace(" ", "")


def whole_words(shown: Sequence[str], text: str, short: str = "") -> bool:
    """True when every word ``shown`` is a whole word of ``text`` (or of ``short``): nothing
    was cut in the middle of a word."""
    allowed = {word for source in (text, short) for word, _ in tokens(source.replace("\n", " "))}
    allowed.add(initials(text))
    for line in shown:
        body = line[:-1] if line.endswith(ELLIPSIS) else line
        if not body:
            continue
        if any(word not in allowed for word, _ in tokens(body)):
            return False
    return True
