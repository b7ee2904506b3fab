"""Problems found in content, reported with where they are and how to fix them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")

#: Every issue code with its severity and meaning; codes are stable (tools match on them).
CODES: dict[str, tuple[Severity, str]] = {
    # reading a file
    "file-missing": ("error", "a file, folder or included file does not exist"),
    "not-a-file": ("error", "a folder, device or pipe where a JSON file was expected"),
    "file-too-large": ("error", "the file is over the size limit; refused before being read"),
    "file-unreadable": ("error", "the operating system refused to read the file"),
    "binary-file": ("error", "the file holds NUL bytes: binary data, not JSON text"),
    "bad-encoding": ("error", "the file is not UTF-8 text"),
    "empty-file": ("error", "the file is empty or only whitespace"),
    "json-syntax": ("error", "the text is not valid JSON"),
    "json-truncated": ("error", "the JSON text ends too early"),
    "duplicate-key": ("error", "a key appears twice in one JSON object"),
    "json-constant": ("error", "NaN, Infinity or a number too large for a float"),
    "too-deep": ("error", "objects and lists are nested too deeply"),
    "not-an-object": ("error", "the file's top level must be a JSON object"),
    "control-character": ("error", "a control character, line break or bidi override in a "
                          "text"),
    # the shape of the data (schema)
    "unknown-key": ("error", "a key the format does not define (typo?)"),
    "missing-key": ("error", "a required key is missing"),
    "unknown-type": ("error", "a condition or effect \"type\" the engine does not know"),
    "missing-type": ("error", "a condition or effect without a \"type\""),
    "wrong-type": ("error", "a value of the wrong JSON type (text for a number...)"),
    "bad-id": ("error", "an id must be lower_snake_case: a-z, 0-9 and _"),
    "bad-value": ("error", "a value outside the allowed choices"),
    "out-of-range": ("error", "a number outside its allowed range"),
    "wrong-length": ("error", "a list or text that is too short or too long"),
    "schema": ("error", "another violation of the format"),
    # composition: extends, include, replace, remove
    "unknown-scenario": ("error", "no scenario has this id"),
    "extends-cycle": ("error", "files extend each other in a circle"),
    "extends-too-deep": ("error", "too many levels of extends"),
    "path-outside": ("error", "a path leaves the mod's folder"),
    "include-in-document": ("error", "a self-contained scenario document names other files"),
    "missing-setting": ("error", "a scenario setting is missing after merging its bases"),
    "duplicate-id": ("error", "two objects of one kind share an id (use replace to override)"),
    "replace-unknown": ("error", "replace names an object no earlier file defines"),
    "remove-unknown": ("error", "remove names an object no earlier file defines"),
    "patch-unknown": ("error", "patch names an object no earlier file defines"),
    "patch-failed": ("error", "a JSON Patch operation cannot apply (missing path, failed test)"),
    "patch-id": ("error", "a patch tries to change an id"),
    "extends-shadowed": ("warning", "extends names an id that two scenarios share; says which "
                         "one is used"),
    # patch mods
    "unknown-mod": ("error", "no patch mod has this name"),
    "mod-not-for-scenario": ("error", "the mod does not list this scenario in applies_to"),
    "mod-twice": ("error", "a mod is listed twice in one load order"),
    "mod-conflict": ("warning", "two mods edit the same place; the later one in the load "
                     "order wins"),
    "with-mods-unknown": ("warning", "a with-mods block names a mod that is not in the mods "
                          "folder but one with a close name is (a typo?)"),
    # cross-references
    "unknown-id": ("error", "a reference to an object that does not exist"),
    "player-count": ("error", "there must be exactly one player actor"),
    "missing-resource": ("error", "a resource the engine needs is not defined"),
    "electoral-system": ("error", "an electoral system's settings contradict each other"),
    "no-government": ("warning", "a government condition or effect names a chamber no "
                      "investiture ever gives a government"),
    # meaning
    "unreachable-position": ("warning", "no actor can ever hold this position"),
    "event-never-fires": ("warning", "this event can never be drawn"),
    "prerequisite-cycle": ("error", "positions require each other in a circle"),
    "victory-unreachable": ("error", "no actor can ever reach the goal"),
    "missing-translation": ("warning", "a text lacks English (en) or Bahasa Indonesia (id)"),
    "bad-language": ("error", "a text's language code is not en or id"),
    "world-event-choices": ("error", "a world event has choices: only actor events offer them"),
    "never-legal-move": ("warning", "a move can never be made: it grants what its own "
                         "effects require"),
    "contradictory-condition": ("warning", "conditions that can never hold together "
                                "(min above max, a turn after the last, a seat the "
                                "position excludes...)"),
    "channel-never-entered": ("warning", "a channel with moves that nothing enters"),
    "id-mismatch": ("warning", "a scenario's id differs from its folder's name"),
    "build-failed": ("error", "the engine could not build the scenario (a bug: report it)"),
    "internal-error": ("error", "the validator itself failed on this file (a bug: report it)"),
    # validate command
    "no-scenario": ("error", "a folder holds no scenario.json"),
    "smoke-crash": ("error", "a headless career crashed (the seed reproduces it)"),
    "smoke-stuck": ("error", "a headless career did not end within its step budget"),
}


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
        line = f"{place}: {self.severity} {self.code}{what}{where}: {self.message}"
        # never let content write control characters to a terminal: show them as escapes
        return "".join(c if c.isprintable() and c not in _BIDI else
                       repr(c)[1:-1] for c in line)

    def as_dict(self) -> dict[str, Any]:
        """The issue as a JSON-ready object (every field, always present)."""
        return asdict(self)


def issue(code: str, message: str, file: str = "", pointer: str = "",
          object_id: str = "") -> Issue:
    """An issue with the code's usual severity."""
    return Issue(code, CODES[code][0], message, file, 0, 0, pointer, object_id)


def has_errors(issues: Iterable[Issue]) -> bool:
    """True when any issue is an error."""
    return any(i.severity == "error" for i in issues)


class ContentError(Exception):
    """Content that cannot be played; carries every issue found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__("\n".join(i.render() for i in issues))


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """A hint naming the closest known id, or an empty string."""
    close = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


#: The game's languages, by code.
LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}
#: Codes modders write for the game's languages ("in" is the old code for Indonesian).
LANGUAGE_ALIASES = {"in": "id", "ind": "id", "idn": "id", "indonesian": "id", "bahasa": "id",
                    "eng": "en", "english": "en", "en-us": "en", "en-gb": "en", "id-id": "id",
                    "en_us": "en", "en_gb": "en", "id_id": "id"}


def language_problem(lang: str) -> str:
    """Why ``lang`` is not a text's language code, with the code the modder meant."""
    low = lang.lower()
    alias = low if low in LANGUAGES else LANGUAGE_ALIASES.get(low)
    hint = f" (did you mean {alias!r}?)" if alias else did_you_mean(lang, LANGUAGES)
    return f"{lang!r} is not a language of the game{hint}: texts use en (English) and id " \
        "(Bahasa Indonesia)"
