"""What goes wrong with saves, said so a player can act on it.

Every problem has a key in ``REASONS`` (its English wording, a ``str.format`` template);
``SaveError.because(path, key, **values)`` raises it.  Front ends that speak another language
translate by ``key`` and ``values`` (the command line keeps them as ``save.<key>``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

#: key -> English template.  Details filled in from the system (OS errors, parser messages)
#: stay as the system gives them.
REASONS = {
    # reading
    "missing": "there is no save file here",
    "not_found": "no save file {name!r}: looked for {places}",
    "folder": "this is a folder, not a save file",
    "not_regular": "this is not a regular file (a device, pipe or socket), not a save file",
    "unreadable": "the file cannot be read ({detail})",
    "permission": "the file cannot be read (permission denied)",
    "too_large": "the file is larger than {limit} bytes: not a save",
    "empty": "the file is empty: the save was never written completely",
    "not_utf8": "damaged: the file is not UTF-8 text",
    "not_json": "damaged or truncated: not valid JSON at line {line} column {column} ({detail})",
    "too_deep": "damaged: nested too deeply",
    "number_not_json": "damaged: it holds {token}, which is not a number (JSON does not allow "
                       "it)",
    "number_too_large": "damaged: it holds the number {text}, too large to be stored",
    "int_too_long": "damaged: it holds a whole number of {digits} digits (at most {limit} are "
                    "allowed)",
    "not_object": "not a Saluran save: the file holds {kind}, not a JSON object",
    "no_format": "not a Saluran save: it has no save format version",
    "newer_format": "written by a newer Saluran (save format {format}); this game "
                    "(version {game}) reads save formats up to {newest}: update the game to "
                    "load it",
    "newer_format_by": "written by a newer Saluran (save format {format}, game {by}); this "
                       "game (version {game}) reads save formats up to {newest}: update the "
                       "game to load it",
    "unknown_format": "unknown save format {format}",
    "field_missing": "damaged or incomplete: the field {field!r} is missing",
    "field_wrong": "damaged: the field {field!r} is wrong ({detail})",
    "checksum": "damaged: its checksum does not match its contents ({part})",
    "history_entry": "damaged: history entry {number} is not a command ({detail})",
    "foreign_state": "damaged: its state does not belong to its embedded scenario",
    "bad_state": "damaged: it does not hold a valid game state ({detail})",
    "state_drift": "damaged: its state does not load back exactly",
    "meta_mismatch": "damaged: its meta block says {field} is {found}, but its state gives "
                     "{expected}",
    "unexpected": "damaged: it cannot be read ({detail})",
    "scenario_invalid": "its embedded scenario is not valid ({detail})",
    "scenario_broken": "its embedded scenario cannot be built ({detail})",
    # older formats
    "v1_scenario_missing": "this format-1 save names scenario {ref!r}, which cannot be loaded "
                           "now ({detail}); format 1 did not embed its scenario",
    "v1_invalid": "not a valid format-1 save ({field}: {detail})",
    "v1_checksum": "damaged: its checksum does not match its contents",
    "v1_scenario_changed": "scenario {ref!r} has changed since this format-1 save was "
                           "written, so the save cannot be upgraded safely",
    "v1_bad_state": "does not hold a valid game state ({detail})",
    "too_old": "save format {format} is too old: this game cannot upgrade it to format "
               "{newest}",
    "upgrade_failed": "upgrading to format {format} failed",
    # ironman
    "ironman_load": "this is an ironman career: it cannot be loaded, only continued from its "
                    "own slot {slot}",
    "ironman_backup": "an ironman career continues from its slot, not from the backup, while "
                      "the slot loads",
    "ironman_copy": "an ironman career continues only from its slot {slot}; copies and older "
                    "saves of it cannot be loaded",
    "ironman_save": "an ironman career saves only to its slot {slot}",
    # writing
    "write_failed": "could not save: {detail}; the previous save is untouched",
    "unwritable_state": "could not save: the game state cannot be written ({detail})",
    "not_embeddable": "cannot save: scenario {ref!r} was not loaded from a file, so it cannot "
                      "be embedded in a save",
    # replays and folders
    "no_history": "this save has no move history (it was written in save format 1), so it "
                  "cannot be replayed; it still loads",
    "diverged": "the replay diverged at command {number} (turn {turn}): {detail}",
    "folder_is_file": "this is a file, not a save folder",
    "folder_unreadable": "the save folder cannot be read ({detail})",
    "no_folder": "there is no save folder here",
}
#: Our own words that fill in a reason (what a file holds, why a write failed): key ->
#: English.  A front end speaking another language translates a value equal to one of them
#: by its key (``phrase_key``); values from the system stay as the system gives them.
PHRASES = {
    "a_list": "a list",
    "a_string": "a string",
    "true_false": "true/false",
    "null": "null",
    "a_number": "a number",
    "disk_full": "the disk is full",
    "quota": "the disk quota is used up",
    "read_only_disk": "the folder is on a read-only disk",
    "not_writable": "the folder is not writable",
    "file_on_path": "a file has the name of a folder on its path",
    "folder_named": "a folder has that name",
    "not_regular": "it is not a regular file (a device, pipe or socket)",
}
_PHRASE_KEYS = {text: key for key, text in PHRASES.items()}


def phrase_key(value: Any) -> str | None:
    """The ``PHRASES`` key of ``value`` when it is one of our own phrases, else None."""
    return _PHRASE_KEYS.get(value) if isinstance(value, str) else None


#: The sentence that offers saves which do load; ``{offers}`` joins them with " or ".
OFFER = "The file was left as it is; try {offers} instead"


class SaveError(Exception):
    """A save that cannot be written or read.

    ``reason`` says what is wrong (English); ``key`` and ``values`` say the same for other
    languages (``REASONS``).  ``alternatives`` are files that do load (the backup, the newest
    autosave), offered in the message.  The file that failed is never touched.
    """

    def __init__(self, path: Path | str | None, reason: str | None = None,
                 alternatives: Sequence[Path] = (), *, key: str | None = None,
                 values: Mapping[str, Any] | None = None) -> None:
        if reason is None:  # SaveError("whole message"), as the first API had it
            path, reason = None, str(path)
        self.path = None if path is None else Path(path)
        self.reason = reason
        self.key = key
        self.values = dict(values or {})
        self.alternatives = list(alternatives)
        super().__init__(self._render())

    @classmethod
    def because(cls, path: Path | str | None, key: str, alternatives: Sequence[Path] = (),
                **values: Any) -> SaveError:
        """The error of ``REASONS[key]`` filled with ``values``."""
        return cls(path, REASONS[key].format(**values), alternatives, key=key, values=values)

    def _render(self) -> str:
        head = reason = self.reason
        if self.path is not None:
            head = f"{self.path}: {reason}"
        if not self.alternatives:
            return head
        offers = " or ".join(str(p) for p in self.alternatives)
        return f"{head}. {OFFER.format(offers=offers)}"

    def with_alternatives(self, alternatives: Sequence[Path]) -> SaveError:
        """The same error offering ``alternatives`` (same class, e.g. for ironman refusals)."""
        clone = type(self).__new__(type(self))
        SaveError.__init__(clone, self.path, self.reason, alternatives, key=self.key,
                           values=self.values)
        return clone


class NewerFormatError(SaveError):
    """The save was written by a newer game; its format and this game's are both named."""


class IronmanRefused(SaveError):
    """An ironman career may only be continued from its own slot (see docs/SAVES.md)."""
