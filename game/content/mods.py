"""Where scenarios live: the shipped ``scenarios/`` folder and the user's mods folder.

Search order: folders in $SALURAN_SCENARIOS, the mods folder (``--mods DIR``, else
$SALURAN_MODS, else the platform's user data dir + ``/mods``), then the shipped scenarios.  A
scenario is a folder holding ``scenario.json``; in the mods folder it may sit one level deeper
(``mods/<mod>/<scenario>/scenario.json``) so that one mod can ship several scenarios and a
shared base.  The first scenario found with an id wins, so a mod may shadow a shipped
scenario.  Patch mods are folders of the mods folder holding ``mod.json``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

MAIN_FILE = "scenario.json"
MOD_FILE = "mod.json"
SCENARIOS_ENV = "SALURAN_SCENARIOS"
MODS_ENV = "SALURAN_MODS"
SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"
_override: Path | None = None


def resolved(path: Path) -> Path:
    """``path`` absolute with symbolic links followed; as it stands if they loop or fail."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        return Path(os.path.abspath(path))


def use_mods_folder(folder: str | Path | None) -> None:
    """Use ``folder`` as the mods folder from now on (``--mods``); None restores the default."""
    global _override
    _override = Path(folder) if folder is not None else None


def mods_folder() -> Path:
    """The user's mods folder (it need not exist)."""
    if _override is not None:
        return _override
    env = os.environ.get(MODS_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir("saluran", appauthor=False)) / "mods"


@dataclass(frozen=True, slots=True)
class Place:
    """A folder searched for scenarios and what it is called in listings."""

    folder: Path
    source: str  # "env", "shipped" or "mods"
    depth: int  # 1: <folder>/<id>/scenario.json; 2: also <folder>/<mod>/<id>/scenario.json


def places() -> list[Place]:
    """Every folder searched, in order of precedence."""
    found = [Place(Path(p), "env", 1)
             for p in os.environ.get(SCENARIOS_ENV, "").split(os.pathsep) if p]
    found.append(Place(mods_folder(), "mods", 2))
    found.append(Place(SHIPPED, "shipped", 1))
    return found


def scenario_dirs() -> list[Path]:
    """Folders searched for scenarios, in order of precedence."""
    return [p.folder for p in places()]


@dataclass(frozen=True, slots=True)
class Found:
    """A scenario's main file found in a searched folder."""

    id: str  # the folder's name
    path: Path
    source: str
    shadowed: bool = False  # an earlier folder has a scenario with the same id


def _mains(place: Place) -> list[Path]:
    if not place.folder.is_dir():
        return []
    try:
        mains = sorted(place.folder.glob(f"*/{MAIN_FILE}"))
        if place.depth > 1:
            mains += sorted(place.folder.glob(f"*/*/{MAIN_FILE}"))
    except OSError:
        return []
    return [m for m in mains if m.is_file()]


def discover() -> list[Found]:
    """Every scenario in every searched folder, shadowed duplicates included."""
    seen: set[str] = set()
    found = []
    for place in places():
        for main in _mains(place):
            sid = main.parent.name
            found.append(Found(sid, main, place.source, sid in seen))
            seen.add(sid)
    return found


def find_by_id(sid: str, near: Path | None = None, exclude: Path | None = None) -> Path | None:
    """The main file of scenario ``sid``: beside ``near`` (a scenario folder) first.

    ``exclude`` (the file asking) is skipped, so a mod that shadows a scenario can extend the
    scenario it shadows.
    """
    skip = resolved(exclude) if exclude is not None else None
    if near is not None:
        sibling = near.parent / sid / MAIN_FILE
        if sibling.is_file() and resolved(sibling) != skip:
            return sibling
    for item in discover():
        if item.id == sid and resolved(item.path) != skip:
            return item.path
    return None


@dataclass(frozen=True, slots=True)
class ModFound:
    """A patch mod in the mods folder: its name (the folder's) and its ``mod.json``."""

    id: str
    path: Path


def discover_mods() -> list[ModFound]:
    """Every patch mod in the mods folder, by name."""
    folder = mods_folder()
    if not folder.is_dir():
        return []
    try:
        files = sorted(folder.glob(f"*/{MOD_FILE}"))
    except OSError:
        return []
    return [ModFound(f.parent.name, f) for f in files if f.is_file()]


def find_mod(ref: str) -> Path | None:
    """The ``mod.json`` of a patch mod given by name, folder or file path."""
    path = Path(ref)
    if path.suffix == ".json" or os.sep in ref or "/" in ref:
        path = path / MOD_FILE if path.is_dir() else path
        return path if path.is_file() else None
    for item in discover_mods():
        if item.id == ref:
            return item.path
    return None


def mod_root(main: Path) -> Path:
    """The folder a scenario's paths may not leave.

    Shipped and $SALURAN_SCENARIOS scenarios: their whole folder of scenarios; mods: the
    mod's own folder; anything else: the folder holding the scenario's folder.
    """
    # Decide by the path as given, then resolve: a mod folder that is a symbolic link is
    # contained in its own real folder, never in the folder its link target sits in.
    here = Path(os.path.abspath(main))
    for place in places():
        base = Path(os.path.abspath(place.folder))
        if not here.is_relative_to(base) or here == base:
            continue
        if place.source == "mods":
            return resolved(base / here.relative_to(base).parts[0])
        return resolved(base)
    return resolved(here).parent.parent
