"""Problems found in content, reported with where they are and how to fix them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem: a stable code, a severity, a place and a sentence for the modder."""

    code: str
    severity: Severity
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    pointer: str = ""  # JSON pointer inside ``file``
    object_id: str = ""

    def render(self) -> str:
        """``file:line:col: severity CODE message`` as editors and terminals expect."""
        place = self.file or "<scenario>"
        if self.line:
            place += f":{self.line}:{self.column}"
        where = f" at {self.pointer}" if self.pointer else ""
        what = f" [{self.object_id}]" if self.object_id else ""
        return f"{place}: {self.severity} {self.code}{what}{where}: {self.message}"


class ContentError(Exception):
    """Content that cannot be played; carries every issue found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__("\n".join(i.render() for i in issues))


def did_you_mean(word: str, options: list[str] | set[str] | tuple[str, ...]) -> str:
    """A hint naming the closest known id, or an empty string."""
    import difflib

    close = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
