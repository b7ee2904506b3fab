"""Patch mods stacked on a scenario, in the load order the player chose.

A patch mod is a folder of the mods folder holding ``mod.json``: edits (``patch``,
``replace``, ``remove`` and new objects) for the scenarios it lists in ``applies_to``.  Mods
apply after the scenario's own files, one after the other; a ``with_mods`` block applies
right after its mod, and only when every mod it names is in the load order too.  The tweaked
scenario is shown as "Base name + mod name", never as a second copy of the base name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content import mods
from game.content.issues import ContentError, Issue, did_you_mean, issue
from game.content.jsonfile import read_source
from game.content.layers import Composition, LayerFile, display, parse_model
from game.content.merge import check_text
from game.content.models import ModFile, ScenarioLayer
from game.content.textsafety import bad_character, describe, shown


@dataclass(frozen=True, slots=True)
class ModInfo:
    """A patch mod as the mod list shows it."""

    id: str
    path: Path
    name: dict[str, str]  # by language (the folder's name when the mod gives none)
    description: dict[str, str]
    applies_to: tuple[str, ...]
    with_mods: tuple[str, ...]  # mods it has compatibility edits for
    problem: str = ""  # why the mod cannot be read ("" when it can)


def read_mod(path: Path, mid: str) -> ModInfo:
    """A mod's listing facts; ``problem`` says why it cannot be read (never raises)."""
    comp = Composition(main=display(path))
    if bad_character(mid) is not None:
        return ModInfo(shown(mid), path, {"en": shown(mid)}, {}, (), (),
                       _bad_folder(mid, display(path)).render())
    model = read_mod_file(comp, path)
    if model is None:
        first = comp.issues[0].render() if comp.issues else "cannot be read"
        return ModInfo(mid, path, {"en": mid}, {}, (), (), first)
    return ModInfo(mid, path, dict(model.name or {"en": mid}), dict(model.description or {}),
                   tuple(model.applies_to),
                   tuple(sorted({m for block in model.with_mods for m in block.mods})))


def mods_for(scenario_id: str) -> list[ModInfo]:
    """Every patch mod in the mods folder that lists ``scenario_id``, by name."""
    found = [read_mod(m.path, m.id) for m in mods.discover_mods()]
    return [m for m in found if scenario_id in m.applies_to]


def read_mod_file(comp: Composition, path: Path) -> ModFile | None:
    """Read and check one mod.json; None with the problems added to ``comp``."""
    name = display(path)
    try:
        source = read_source(path, name)
    except ContentError as exc:
        comp.issues.extend(exc.issues)
        return None
    comp.sources[name] = source
    if not isinstance(source.data, dict):
        comp.issues.append(issue("not-an-object", "a mod file must hold one JSON object", name))
        return None
    if not check_text(comp, source.data, name):
        return None
    model: ModFile | None = parse_model(ModFile, source.data, name, comp.issues)
    return model


def _bad_folder(mid: str, name: str) -> Issue:
    """A mod whose folder name (its name in the mod list and in career names) would write
    control characters to the screen."""
    return issue("control-character", f"the mod's folder name '{shown(mid)}' holds "
                 f"{describe(bad_character(mid) or '')}; rename the folder", name)


def _resolve(comp: Composition, refs: tuple[str, ...]) -> list[tuple[str, Path]]:
    chosen: list[tuple[str, Path]] = []
    for ref in refs:
        path = mods.find_mod(ref)
        if path is None:
            known = sorted(m.id for m in mods.discover_mods())
            comp.issues.append(issue(
                "unknown-mod", f"no patch mod {ref!r}{did_you_mean(ref, known)}; known: "
                f"{', '.join(known) or 'none'} (in {display(mods.mods_folder())})", comp.main))
            continue
        mid = path.parent.name
        if bad_character(mid) is not None:
            comp.issues.append(_bad_folder(mid, display(path)))
            continue
        if any(mid == other for other, _ in chosen):
            comp.issues.append(issue("mod-twice", f"the mod {mid!r} is listed twice; list "
                                     "each mod once", comp.main))
            continue
        chosen.append((mid, path))
    return chosen


def add_mods(comp: Composition, refs: tuple[str, ...]) -> None:
    """Append the layers of the patch mods ``refs`` (names or paths) in that order."""
    main = next((ly for ly in comp.layers if isinstance(ly.model, ScenarioLayer)
                 and ly.source.name == comp.main), None)
    sid = main.model.id if main is not None and isinstance(main.model, ScenarioLayer) else ""
    chosen = _resolve(comp, refs)
    present = {mid for mid, _ in chosen}
    for mid, path in chosen:
        model = read_mod_file(comp, path)
        if model is None:
            continue
        name = display(path)
        if sid not in model.applies_to:
            comp.issues.append(issue(
                "mod-not-for-scenario", f"the mod {mid!r} edits {', '.join(model.applies_to)}, "
                f"not {sid!r}; add {sid!r} to its applies_to if it fits", name, "/applies_to"))
            continue
        source = comp.sources[name]
        comp.mods.append((mid, model))
        comp.layers.append(LayerFile(source, model, False, owner=mid))
        _misspelt_with_mods(comp, model, name)
        for i, block in enumerate(model.with_mods):
            if set(block.mods) <= present:
                comp.layers.append(LayerFile(source, block, False, owner=mid,
                                             allowed=frozenset(block.mods),
                                             prefix=f"/with_mods/{i}"))


def _misspelt_with_mods(comp: Composition, model: ModFile, name: str) -> None:
    """A with-mods block for a mod that is not installed is fine (written for someone else's
    mods folder), unless its name is close to one that is: then it is likely a typo that
    would keep the block from ever applying."""
    installed = {m.id for m in mods.discover_mods()}
    for i, block in enumerate(model.with_mods):
        for j, other in enumerate(block.mods):
            hint = "" if other in installed else did_you_mean(other, installed)
            if hint:
                comp.issues.append(issue(
                    "with-mods-unknown", f"no patch mod {other!r} in the mods folder{hint}: "
                    "this block applies only when it is loaded", name,
                    f"/with_mods/{i}/mods/{j}"))


def name_tweak(comp: Composition) -> None:
    """A scenario that extends another without a name of its own is shown as "Base name +
    its id": never as a second copy of the base's name."""
    main = next((ly for ly in comp.layers if ly.source.name == comp.main), None)
    base = comp.settings.get("name")
    if main is None or not isinstance(main.model, ScenarioLayer) or not main.model.extends \
            or main.model.name is not None or not isinstance(base, dict):
        return
    comp.settings["name"] = {lang: f"{text} + {main.model.id}" for lang, text in base.items()}
    comp.setting_files["name"] = comp.main


def name_with_mods(comp: Composition) -> None:
    """The scenario's name followed by each mod's: "Base + Mod A + Mod B"."""
    name_tweak(comp)
    base = comp.settings.get("name")
    if not comp.mods or not isinstance(base, dict) or "name" in _patched_settings(comp):
        return
    names: dict[str, Any] = {}
    for lang, text in base.items():
        parts = [str(text)]
        for mid, model in comp.mods:
            given = model.name or {}
            parts.append(given.get(lang) or given.get("en") or mid)
        names[lang] = " + ".join(parts)
    comp.settings["name"] = names


def _patched_settings(comp: Composition) -> set[str]:
    """Settings a mod set on purpose (its own ``patch.settings``)."""
    keys: set[str] = set()
    for _, model in comp.mods:
        keys |= set(model.patch.settings or {})
    return keys
