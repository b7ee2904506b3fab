"""The README's headless API example runs as written."""

from __future__ import annotations

import re
from pathlib import Path

from game.api import Career

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_opens_with_the_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block is not None and text.index("```bash") < 40
    lines = block.group(1).strip().splitlines()
    assert len(lines) == 2
    assert "pip install -e ." in lines[0] and lines[0].endswith("saluran")
    assert '.[dev]' in lines[1] and lines[1].endswith("pytest")


def test_readme_api_example_runs(capsys: object) -> None:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- readme-example -->\n```python\n(.*?)```", text, re.S)
    assert match is not None, "the README lost its API example"
    namespace: dict[str, object] = {}
    exec(compile(match.group(1), str(README), "exec"), namespace)  # runs our own document
    career = namespace["career"]
    assert isinstance(career, Career) and career.is_over
    assert isinstance(namespace["dump"], dict)
