"""Personas are data: the weights a rival puts on resources and channels.

The built-in five (loyalist, technocrat, populist, diplomat, dealmaker) ship as content in
``game/content/personas.json`` and reach the AI through ``Scenario.personas``; a scenario may
replace them by id or add its own.  ``BALANCED`` is the plain ``greedy`` policy's weights.
"""

from __future__ import annotations

from game.core.scenario import PersonaDef, Scenario

SKILLS = ("campaigning", "communication", "organising", "policy", "diplomacy", "leadership")

BALANCED_SKILL = 2.0  # a point of any skill
BALANCED_OTHER = 0.5  # a point of a resource the defaults do not know (a scenario's own)
BALANCED: dict[str, float] = {
    "support": 1.0, "standing": 0.8, "funds": 0.04, "network": 0.8, "influence": 1.5,
    "integrity": 0.3, "campaign": 0.5, **{skill: BALANCED_SKILL for skill in SKILLS},
}


def personas_for(scenario: Scenario) -> dict[str, PersonaDef]:
    """The scenario's personas by id."""
    return {p.id: p for p in scenario.personas}
