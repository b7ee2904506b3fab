"""The JSON Schema shipped for editors and the modding guide stay current and correct."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from game.cli.validate import smoke
from game.content import check_scenario, use_mods_folder
from game.content.crossref import REFERENCE_FIELDS
from game.content.models import CONDITIONS, EFFECTS, ID_PATTERN, LIST_KINDS
from game.content.reference import generate, tag_of, update_document
from game.content.schema_export import mod_schema, part_schema, scenario_schema, stale_schemas

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "MODDING.md"
BROKEN = ROOT / "tests" / "data" / "broken"
HAS_NUSANTARA = (ROOT / "scenarios" / "nusantara" / "scenario.json").is_file()


@pytest.fixture
def mods(tmp_path: Path) -> Iterator[Path]:
    use_mods_folder(tmp_path)
    yield tmp_path
    use_mods_folder(None)


def test_shipped_schema_is_current() -> None:
    assert stale_schemas(ROOT / "scenarios" / "schema") == [], \
        "regenerate: saluran schema --out scenarios/schema"


def test_guide_reference_is_current() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert update_document(text) == text, "regenerate: saluran schema --docs docs/MODDING.md"


def test_reference_covers_everything() -> None:
    reference = generate()
    for model in (*CONDITIONS, *EFFECTS):
        assert f"#### `{tag_of(model)}`" in reference
        for name in model.model_fields:
            assert name == "type" or f"| `{name}` |" in reference, (model.__name__, name)
    for kind in LIST_KINDS:
        assert f"| `{kind}` |" in reference


def test_schemas_are_valid_and_strict() -> None:
    for schema in (scenario_schema(), part_schema(), mod_schema()):
        jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(scenario_schema())
    for name in ("unknown_key.json", "unknown_type.json", "out_of_range.json", "bad_id.json"):
        data = json.loads((BROKEN / name).read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)), name
    assert not list(validator.iter_errors({"id": "child", "extends": "nusantara"}))
    assert list(validator.iter_errors({"id": "alone"}))  # no base: settings required


def _tutorial_files() -> dict[str, str]:
    text = GUIDE.read_text(encoding="utf-8")
    return dict(re.findall(r"<!-- file: (\S+) -->\n```json\n(.*?)```", text, re.S))


@pytest.mark.skipif(not HAS_NUSANTARA, reason="the tutorial extends nusantara")
def test_tutorial_mod_validates_and_plays(mods: Path) -> None:
    files = _tutorial_files()
    assert {"selatan/scenario.json", "selatan/civil_society.json"} <= set(files)
    for name, body in files.items():
        (mods / name).parent.mkdir(parents=True, exist_ok=True)
        (mods / name).write_text(body, encoding="utf-8")
    checked = check_scenario("selatan")
    assert [i.render() for i in checked.issues] == []
    assert checked.scenario is not None
    assert "activist" in {c.id for c in checked.scenario.channels}
    tweaked = check_scenario("nusantara", mods=["cheap_media"])  # the three-line patch mod
    assert [i.render() for i in tweaked.issues] == [] and tweaked.scenario is not None
    assert next(m for m in tweaked.scenario.moves if m.id == "media_campaign").funds == 20
    assert "foreign_grant" in {e.id for e in checked.scenario.events}
    assert smoke(checked, 2) == []


@pytest.mark.skipif(not HAS_NUSANTARA, reason="the tutorial copies nusantara")
def test_tutorial_copy_validates(mods: Path) -> None:
    shutil.copytree(ROOT / "scenarios" / "nusantara", mods / "selatan")
    main = mods / "selatan" / "scenario.json"
    main.write_text(main.read_text(encoding="utf-8").replace('"id": "nusantara"',
                                                           '"id": "selatan"', 1),
                    encoding="utf-8")
    checked = check_scenario("selatan")
    assert [i.render() for i in checked.issues] == []


def _names_an_id(node: object) -> bool:
    if isinstance(node, dict):
        if node.get("pattern") == ID_PATTERN:
            return True
        return any(_names_an_id(node.get(k)) for k in ("items", "anyOf", "oneOf"))
    if isinstance(node, list):
        return any(_names_an_id(x) for x in node)
    return False


def test_every_id_field_is_cross_checked() -> None:
    """A new field naming an id must be added to crossref.REFERENCE_FIELDS (or here)."""
    # own id; resource or special; free label; one of the built-in backgrounds (the model
    # checks it: backgrounds are not scenario content)
    not_references = {"id", "source", "system", "background"}
    for name, schema in scenario_schema()["$defs"].items():
        if name == "Remove":
            continue  # checked by composition
        for field, node in schema.get("properties", {}).items():
            if _names_an_id(node) and field not in not_references:
                assert field in REFERENCE_FIELDS, f"{name}.{field} is not cross-checked"
