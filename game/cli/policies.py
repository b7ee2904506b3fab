"""``saluran policies``: the AI policies a scenario offers, each with how it decides."""

from __future__ import annotations

import argparse
from typing import Any

from game.ai import personas_for, policy_names
from game.cli.messages import LANGUAGES, Messages, current, default_language
from game.cli.options import Options
from game.content import DEFAULT_SCENARIO, load_scenario
from game.content.backgrounds import find_background
from game.core import compile_rulebook
from game.core.rulebook import Rulebook

BUILT_IN = ("random", "greedy", "planner")


def register(sub: Any) -> None:
    """Add the ``policies`` sub-command."""
    parser = sub.add_parser("policies", help="list the AI policies a scenario offers, each "
                                             "with one line on how it decides")
    opts = Options(parser)
    opts.add("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH",
             help="the scenario whose personas are listed too")
    opts.add("--lang", choices=LANGUAGES, default=default_language(),
             help="language of the listing: en or id (also $SALURAN_LANG)")
    parser.set_defaults(run=run)


def describe(name: str, book: Rulebook, said: Messages) -> str:
    """One line on how the policy called ``name`` decides, in ``said``'s language."""
    if name in BUILT_IN:
        return said.t(f"policy.{name}")
    persona = personas_for(book.scenario)[name]
    channels: dict[str, str] = {c.id: said.text(c.name) for c in book.scenario.channels}
    roads = [channels[c] for c in persona.roads if c in channels]
    line = said.t("policy.persona", roads=", ".join(roads) or said.t("policy.any_road"),
                  commitment=f"{persona.commitment:g}", risk=f"{persona.risk:g}",
                  ethics=f"{persona.ethics:g}", loyalty=f"{persona.loyalty:g}")
    background = find_background(persona.background)
    if background is not None:
        line += said.t("policy.persona_background", background=said.text(background.name))
    return line


def run(args: argparse.Namespace) -> int:
    """Print each policy's name and one line on how it decides."""
    said = current()
    book = compile_rulebook(load_scenario(args.scenario))
    names = policy_names(book)
    width = max(len(n) for n in names)
    for name in names:
        print(f"{name:<{width}}  {describe(name, book, said)}")
    return 0
