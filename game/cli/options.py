"""Options of the sub-commands: real defaults applied after checking which options go
together, usage errors as values, and argparse's own messages in the chosen language.

A sub-command declares its options on an ``Options`` object: ``add`` records the default
(argparse itself is given ``None``, so an option the user typed can be told from one left
out), ``conflicts`` and ``needs`` state the rules.  ``resolve`` checks the rules, then fills
in the defaults.  Adding an option with a default and a rule is two lines::

    opts.add("--difficulty", choices=("easy", "normal", "hard"), default="normal", help=...)
    opts.conflicts("difficulty", "load", why="why.load_keeps")
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any, NoReturn

from game.cli.messages import Messages, current, t

EXIT_REFUSED = 1  # input the command cannot use: a bad file, an unknown name
EXIT_USAGE = 2  # the command line itself: unknown or conflicting options, bad values
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it


class UsageError(Exception):
    """The command line is wrong (exit 2); ``message`` is already in the user's language."""

    def __init__(self, message: str, command: str = "saluran") -> None:
        super().__init__(message)
        self.message = message
        self.command = command


class Refused(Exception):
    """Input a command refuses (exit 1); ``message`` is already in the user's language."""

    def __init__(self, message: str, code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class Parser(argparse.ArgumentParser):
    """argparse that raises UsageError (one line, exit 2) instead of printing usage."""

    def error(self, message: str) -> NoReturn:
        """Report a usage error as a value the caller prints."""
        raise UsageError(message, self.prog)


@dataclass(frozen=True, slots=True)
class Rule:
    """``option`` cannot be given with ``other`` (conflicts), or only with it (needs);
    ``value``: ``other`` must also have this value.  ``why`` is a message key."""

    option: str
    other: str
    needs: bool
    why: str
    value: Any = None


class Options:
    """One sub-command's options: defaults applied after the rules are checked."""

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        self.parser = parser
        self.defaults: dict[str, Any] = {}
        self.rules: list[Rule] = []
        parser.set_defaults(options=self)

    def add(self, *flags: str, default: Any = None, **kw: Any) -> argparse.Action:
        """``parser.add_argument`` whose ``default`` is applied by ``resolve``."""
        action = self.parser.add_argument(*flags, **kw)
        if default is not None:
            self.defaults[action.dest] = default
        return action

    def conflicts(self, option: str, *others: str, why: str) -> None:
        """``option`` may not be given together with any of ``others``."""
        self.rules.extend(Rule(option, other, False, why) for other in others)

    def needs(self, option: str, other: str, why: str, value: Any = None) -> None:
        """``option`` may only be given with ``other`` (set to ``value``, if given)."""
        self.rules.append(Rule(option, other, True, why, value))

    def flag(self, dest: str) -> str:
        """How the user spells the option stored in ``dest`` (its long form)."""
        for action in self.parser._actions:
            if action.dest == dest and action.option_strings:
                return action.option_strings[-1]
        return dest

    def broken(self, args: argparse.Namespace) -> Rule | None:
        """The first rule the given options break (None: they go together)."""
        for rule in self.rules:
            if not given(args, rule.option):
                continue
            present = given(args, rule.other)
            if rule.needs and rule.value is not None:
                present = present and getattr(args, rule.other) == rule.value
            if present != rule.needs:
                return rule
        return None

    def resolve(self, args: argparse.Namespace) -> None:
        """Check the rules (UsageError if one is broken), then fill in the defaults."""
        for action in self.parser._actions:
            value = getattr(args, action.dest, None)
            if isinstance(value, str) and not value.strip():  # --load "" is no file name
                name = action.option_strings[-1] if action.option_strings else action.metavar
                raise UsageError(t("error.empty", option=name or action.dest), self.parser.prog)
        rule = self.broken(args)
        if rule is not None:
            other = self.flag(rule.other)
            if rule.value is not None:
                other = f"{other} {rule.value}"
            key = "error.needs" if rule.needs else "error.conflicts"
            raise UsageError(t(key, option=self.flag(rule.option), other=other, why=t(rule.why)),
                             self.parser.prog)
        for dest, value in self.defaults.items():
            if getattr(args, dest, None) is None:
                setattr(args, dest, value)


def given(args: argparse.Namespace, dest: str) -> bool:
    """True if the user typed the option stored in ``dest``."""
    return _is_set(getattr(args, dest, None))


def _is_set(value: Any) -> bool:
    # By identity: 0 == False, and --seed 0 is a value the user gave.
    if value is None or value is False or value is argparse.SUPPRESS:
        return False
    return not (isinstance(value, list | tuple) and not value)


def sub_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The sub-command parsers of ``parser``, by name."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def real_default(parser: argparse.ArgumentParser, action: argparse.Action) -> Any:
    """The default an option really has (``Options`` keeps it outside argparse)."""
    options = parser.get_default("options")
    if isinstance(options, Options) and action.dest in options.defaults:
        return options.defaults[action.dest]
    return action.default


#: Help for options that several sub-commands share, where a module gives none.
SHARED_HELP = {
    "scenario": "the scenario: a shipped id (see `saluran scenarios`) or a path",
    "seed": "the random seed: the same seed and moves give the same game",
    "careers": "how many careers to play",
    "lang": "language of the output: en or id (also $SALURAN_LANG)",
    "format": "text for people, json for programs",
    "mods": "the mods folder to search for scenarios",
}


def complete_help(parser: argparse.ArgumentParser) -> None:
    """Give every option of every sub-command help text that names its default, in the
    language in use (``help.<command>.<option>``, ``command.<command>`` and
    ``description.<command>`` in the catalogue; English, from the modules, otherwise)."""
    said = current()
    if said.has("description.top"):
        parser.description = said.t("description.top")
    _translate(said, "help.top", parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if said.has(f"command.{choice.dest}"):
                    choice.help = said.t(f"command.{choice.dest}")
    default_word = said.t("word.default")
    for name, sub in sub_parsers(parser).items():
        if said.has(f"description.{name}"):
            sub.description = said.t(f"description.{name}")
        _translate(said, f"help.{name}", sub)
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction) or action.help == argparse.SUPPRESS:
                continue
            if not action.help:
                action.help = SHARED_HELP.get(action.dest)
            default = real_default(sub, action)
            if action.help and _is_set(default) and default_word not in action.help:
                shown = default if isinstance(default, str | int | float) else str(default)
                action.help += f" ({default_word}: {shown})".replace("%", "%%")


def _translate(said: Messages, prefix: str, parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if said.has(f"{prefix}.{action.dest}"):
            action.help = said.t(f"{prefix}.{action.dest}")


# ------------------------------------------------------------------ argparse's own words
#: argparse's messages (its gettext ids) -> keys of our catalogues.
ARGPARSE_MESSAGES = {
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "expected at least one argument": "argparse.at_least_one",
    "expected at most one argument": "argparse.at_most_one",
    "expected one argument": "argparse.one",
    "ignored explicit argument %r": "argparse.ignored",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "not allowed with argument %s": "argparse.not_allowed",
    "one of the arguments %s is required": "argparse.one_of",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "expected %s argument": "argparse.expected_n",
    "expected %s arguments": "argparse.expected_n",
    "usage: ": "argparse.usage",
    "options": "argparse.options",
    "positional arguments": "argparse.positionals",
    "show this help message and exit": "argparse.help",
}


def _gettext(message: str) -> str:
    key = ARGPARSE_MESSAGES.get(message)
    return message if key is None else t(key)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def translate_argparse() -> None:
    """Route argparse's error messages through our catalogues.

    argparse asks ``gettext`` for every message it prints; without compiled gettext files,
    replacing its two look-up functions is the one way to have them in Bahasa Indonesia.
    """
    setattr(argparse, "_", _gettext)  # noqa: B010 - argparse looks these names up at call time
    setattr(argparse, "ngettext", _ngettext)  # noqa: B010
