"""Scenario content: strict models of the JSON format, loading, composing, checking, converting."""

from game.content.issues import CODES, ContentError, Issue
from game.content.loader import (
    DEFAULT_SCENARIO,
    Checked,
    check_scenario,
    find_scenario,
    load_scenario,
    load_with_document,
    scenario_dirs,
    scenario_from_document,
)
from game.content.mods import use_mods_folder
from game.content.modstack import ModInfo, mods_for

__all__ = ["CODES", "DEFAULT_SCENARIO", "Checked", "ContentError", "Issue", "ModInfo",
           "check_scenario", "find_scenario", "load_scenario", "load_with_document", "mods_for",
           "scenario_dirs",
           "scenario_from_document", "use_mods_folder"]
