"""What went wrong, in the player's language: the lines of the error screens (no pygame).

Every line the UI builds is worded in the locale.  Texts that come from elsewhere are shown
as they are and marked as such: a scenario's issues as the validator wrote them, a save's
technical reason as the save reader gave it, a crash's exception.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.content import ContentError
from game.persistence import IronmanRefused, NewerFormatError, SaveError

Translate = Callable[..., str]
MAX_ISSUES = 12

# What a save reader's reason means, by how it starts (first match wins); the words are the
# UI's own, in every language ("problem.save_<kind>").
SAVE_REASONS = (
    ("there is no save file here", "missing"),
    ("this is a folder", "folder"),
    ("the file cannot be read (permission", "permission"),
    ("the file cannot be read", "unreadable"),
    ("the file is larger than", "too_large"),
    ("the file is empty", "empty"),
    ("not a saluran save", "not_a_save"),
    ("unknown save format", "unknown_format"),
    ("written by a newer", "newer"),
    ("its embedded scenario", "scenario"),
    ("this format-1 save names scenario", "scenario"),
    ("scenario ", "scenario"),
    ("save format", "too_old"),
    ("upgrading to format", "upgrade"),
    ("could not save", "write"),
    ("cannot save", "write"),
    ("the save folder cannot be read", "folder_unreadable"),
    ("an ironman career", "ironman"),
    ("this is an ironman career", "ironman"),
    ("damaged", "damaged"),
    ("does not hold a valid game state", "damaged"),
    ("not a valid format-1 save", "damaged"),
)


# A save problem's kind by the key the save reader gives it (the wording above is the fallback
# for errors raised without a key).
DAMAGED = ("not_utf8", "not_json", "too_deep", "number_not_json", "number_too_large",
           "int_too_long", "field_missing", "field_wrong", "checksum", "history_entry",
           "foreign_state", "bad_state", "state_drift", "meta_mismatch", "unexpected",
           "v1_invalid", "v1_checksum", "v1_bad_state")
SAVE_KINDS = {
    **dict.fromkeys(DAMAGED, "damaged"),
    "missing": "missing", "not_found": "missing", "folder": "folder",
    "not_regular": "not_a_save", "not_object": "not_a_save", "no_format": "not_a_save",
    "unreadable": "unreadable", "permission": "permission", "too_large": "too_large",
    "empty": "empty", "newer_format": "newer", "newer_format_by": "newer",
    "unknown_format": "unknown_format", "too_old": "too_old", "upgrade_failed": "upgrade",
    "scenario_invalid": "scenario", "scenario_broken": "scenario",
    "v1_scenario_missing": "scenario", "v1_scenario_changed": "scenario",
    "ironman_load": "ironman", "ironman_backup": "ironman", "ironman_copy": "ironman",
    "ironman_save": "ironman", "write_failed": "write", "unwritable_state": "write",
    "not_embeddable": "write", "folder_is_file": "folder_unreadable",
    "folder_unreadable": "folder_unreadable", "no_folder": "folder_unreadable",
}


def save_problem(reason: str, error: BaseException | None = None) -> str:
    """The kind of a save's problem (``problem.save_<kind>`` says it in words)."""
    key = getattr(error, "key", None)
    if isinstance(error, SaveError) and key in SAVE_KINDS:
        return SAVE_KINDS[key]
    if isinstance(error, NewerFormatError):
        return "newer"
    if isinstance(error, IronmanRefused):
        return "ironman"
    if isinstance(error, PermissionError):
        return "permission"
    if isinstance(error, OSError):
        return "unreadable"
    lowered = reason.strip().lower()
    return next((kind for start, kind in SAVE_REASONS if lowered.startswith(start)), "other")


def save_summary(t: Translate, reason: str, error: BaseException | None = None) -> str:
    """One sentence, in the player's language, saying what is wrong with a save."""
    return t(f"problem.save_{save_problem(reason, error)}")


def problem_lines(t: Translate, error: BaseException | str) -> list[str]:
    """The lines that explain a broken save or scenario (the title and intro come first)."""
    if isinstance(error, SaveError):
        return _save_lines(t, error)
    if isinstance(error, ContentError):
        lines = [issue.render() for issue in error.issues[:MAX_ISSUES]]
        if len(error.issues) > MAX_ISSUES:
            lines.append(t("problem.more_issues", n=len(error.issues) - MAX_ISSUES))
        return [t("problem.issues"), *lines]
    if isinstance(error, OSError):
        return [save_summary(t, "", error), "",
                t("problem.technical", detail=error.strerror or str(error))]
    if isinstance(error, BaseException):
        return [t("problem.technical", detail=f"{type(error).__name__}: {error}")]
    return [error]


def _save_lines(t: Translate, error: SaveError) -> list[str]:
    lines = []
    if error.path is not None:
        lines.append(t("problem.file", name=error.path.name, folder=str(error.path.parent)))
    lines += [save_summary(t, error.reason, error), t("problem.untouched"), "",
              t("problem.technical", detail=error.reason)]
    if error.alternatives:
        names = ", ".join(Path(p).name for p in error.alternatives)
        lines += ["", t("problem.alternatives", names=names)]
    return lines
