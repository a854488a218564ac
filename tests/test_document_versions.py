"""Every document version's shape is committed: a record whose shape changes needs a new version.

``tests/data/schemas/<name>-v<version>.json`` holds the JSON Schema of each document type at each
version it has had since these files were kept. When a record's fields, types or bounds change,
the schema of its type (and of every type holding it) changes; then the version in
``DOCUMENT_TYPES`` must go up, with a migration, and the new schema is written beside the old ones:

    TERUGKEER_WRITE_SCHEMAS=1 uv run pytest tests/test_document_versions.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from terugkeer.documents.schema import json_schema
from terugkeer.documents.serialization import DOCUMENT_TYPES

FOLDER = Path(__file__).parent / "data" / "schemas"
FILE = re.compile(r"(?P<name>[a-z-]+)-v(?P<version>\d+)\.json")


def _file(name: str, version: int) -> Path:
    return FOLDER / f"{name.removeprefix('terugkeer/')}-v{version}.json"


def _text(cls: type) -> str:
    return json.dumps(json_schema(cls), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("cls", list(DOCUMENT_TYPES), ids=lambda c: c.__name__)
def test_a_shape_changes_only_with_a_new_version(cls: type) -> None:
    name, version = DOCUMENT_TYPES[cls]
    path = _file(name, version)
    if os.environ.get("TERUGKEER_WRITE_SCHEMAS") and not path.exists():
        path.write_text(_text(cls), encoding="utf-8")
    assert path.exists(), f"{name} v{version} has no committed schema: write it (see the docstring)"
    assert _text(cls) == path.read_text(encoding="utf-8"), (
        f"the shape of {name} changed, but its version ({version}) did not"
    )


def test_every_committed_schema_is_of_a_known_type_at_a_version_it_has_had() -> None:
    current = {
        name.removeprefix("terugkeer/"): version for name, version in DOCUMENT_TYPES.values()
    }
    files = sorted(FOLDER.glob("*.json"))
    assert len(files) >= len(DOCUMENT_TYPES)
    for path in files:
        found = FILE.fullmatch(path.name)
        assert found, path.name
        assert found["name"] in current, path.name
        assert int(found["version"]) <= current[found["name"]], path.name
