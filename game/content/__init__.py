"""Scenario content: strict models of the JSON format, loading, checking, converting."""

from game.content.issues import ContentError, Issue
from game.content.loader import (
    DEFAULT_SCENARIO,
    find_scenario,
    load_scenario,
    load_with_document,
    scenario_from_document,
)

__all__ = ["DEFAULT_SCENARIO", "ContentError", "Issue", "find_scenario", "load_scenario",
           "load_with_document", "scenario_from_document"]
