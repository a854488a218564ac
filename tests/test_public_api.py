"""The public surface: one namespace, documented exactly, stable ids never renumbered."""

from __future__ import annotations

import contextlib
import enum
import importlib
import importlib.metadata
import inspect
import os
import re
import typing
from pathlib import Path

import terugkeer
from terugkeer.documents.serialization import DOCUMENT_TYPES

#: Every public module; its ``__all__`` is its public surface.
PUBLIC_MODULES = (
    "factors", "overviews", "actionplan", "planning", "health", "healthfindings", "signals",
    "referral", "wellbeing", "socialmap", "context", "case", "casesummary", "answers", "errors",
    "i18n", "documents.serialization", "documents.casefiles", "documents.schema",
    "research.tables", "documents.converter", "reports.text", "reports.html", "reports.svg",
    "reports.markup", "testing", "stamps", "forms", "interop.formdefs", "reports.formtext",
    "interop.fhir", "interop.xlsform", "interop.formdata",
    "interop.fhirresponse", "research.codebook", "research.formats", "research",
    "research.pseudonyms", "research.cohort", "research.counters", "catalogue", "guidance",
    "reports.blocks", "reports.pages", "reports.own",
)  # fmt: skip

DOCS = Path(__file__).resolve().parents[1] / "docs"
DIRECTIVE = re.compile(
    r"^\.\. (?:autoclass|autofunction|autoexception|py:data):: terugkeer\.(\w+)$", re.M
)


def test_exported_names_equal_the_documented_ones() -> None:
    documented = set(DIRECTIVE.findall((DOCS / "api.md").read_text(encoding="utf-8")))
    assert documented == set(terugkeer.__all__)


def test_the_namespace_is_small_enough_to_hold_in_your_head() -> None:
    assert len(terugkeer.__all__) <= 40


def test_every_public_module_is_documented_and_its_names_exist() -> None:
    page = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\.\. automodule:: terugkeer\.([\w.]+)$", page, re.M))
    assert documented == set(PUBLIC_MODULES)
    for name in PUBLIC_MODULES:
        module = importlib.import_module(f"terugkeer.{name}")
        for exported in module.__all__:
            assert hasattr(module, exported), f"{name}.{exported}"


def test_the_version_has_one_source_the_package_metadata() -> None:
    assert terugkeer.__version__ == importlib.metadata.version("terugkeer")
    src = Path(terugkeer.__file__).parent
    hits = [p.name for p in src.rglob("*.py") if re.search(r"\b0\.1\.0\b", p.read_text("utf-8"))]
    assert hits == []


def test_every_exported_name_exists_and_dir_lists_them() -> None:
    for name in terugkeer.__all__:
        assert hasattr(terugkeer, name), name
    assert sorted(dir(terugkeer)) == sorted(terugkeer.__all__)


def test_exception_hierarchy() -> None:
    assert issubclass(terugkeer.ValidationError, terugkeer.TerugkeerError)
    assert issubclass(terugkeer.ValidationError, ValueError)
    assert issubclass(terugkeer.UnsupportedLocaleError, terugkeer.TerugkeerError)


def test_the_stable_ids_page_lists_every_factor_in_order() -> None:
    page = (DOCS / "stable-ids.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (F\d\d) \| (\d+) \| (\w+) \| (yes|no) \|", page, re.M)
    assert rows == [
        (f.id, str(f.number), f.group.value, "yes" if f.skippable_under_time_pressure else "no")
        for f in terugkeer.FACTORS
    ]


def test_factor_ids_are_frozen() -> None:
    """Stable ids are part of the contract: F01..F19 keep their number and group forever."""
    snapshot = "".join(f"{f.id}{f.number}{f.group.value[0]}" for f in terugkeer.FACTORS)
    assert snapshot == (
        "F011sF022cF033cF044cF055cF066cF077cF088cF099c"
        "F1010nF1111nF1212nF1313nF1414nF1515nF1616nF1717nF1818hF1919h"
    )


def test_records_are_frozen_and_slotted() -> None:
    import attrs

    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(f"terugkeer.{module_name}")
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and attrs.has(obj):
                assert "__slots__" in vars(obj), name
                assert obj.__setattr__ is not object.__setattr__, name


def test_the_documents_page_lists_every_schema() -> None:
    page = (DOCS / "documents.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| `([\w/-]+)` \| (\d+) \|$", page, re.M)
    assert rows == [
        (cls.__name__, schema, str(version)) for cls, (schema, version) in DOCUMENT_TYPES.items()
    ]


def test_the_readme_and_the_package_agree_on_the_python_version() -> None:
    root = Path(__file__).resolve().parents[1]
    required = re.search(r'requires-python = ">=(3\.\d+)"', (root / "pyproject.toml").read_text())
    stated = re.search(r"Python (3\.\d+)\+", (root / "README.md").read_text(encoding="utf-8"))
    assert required and stated and required.group(1) == stated.group(1)


_API_SNAPSHOT = Path(__file__).resolve().parent / "data" / "public-api.txt"


def _surface() -> list[str]:
    """One line per public name: where it lives, what it is, and a callable's parameters (their
    names and kinds, not their annotations, which print differently per Python version)."""
    lines = []
    for module_name in ("", *PUBLIC_MODULES):
        module = importlib.import_module(f"terugkeer.{module_name}".rstrip("."))
        for name in sorted(module.__all__):
            value = getattr(module, name)
            kind = "class" if isinstance(value, type) else type(value).__name__
            if typing.get_origin(value) is not None:  # its class differs between Pythons
                kind = "type alias"
            if isinstance(value, type) and issubclass(value, enum.Enum):
                kind = "enum[" + ", ".join(str(m.value) for m in value) + "]"
            shown = f"{module.__name__}.{name}: {kind}"
            if callable(value) and kind in ("class", "function"):
                with contextlib.suppress(TypeError, ValueError):
                    parameters = inspect.signature(value).parameters.values()
                    shown += "(" + ", ".join(_parameter(p) for p in parameters) + ")"
            lines.append(shown)
    return lines


def _parameter(p: inspect.Parameter) -> str:
    marks: dict[inspect._ParameterKind, str] = {
        p.VAR_POSITIONAL: "*",
        p.VAR_KEYWORD: "**",
        p.KEYWORD_ONLY: "kw:",
    }
    return marks.get(p.kind, "") + p.name + ("=…" if p.default is not p.empty else "")


def test_the_public_api_changes_only_on_purpose() -> None:
    """A removed or changed public name breaks somebody's program: it must be a decision, with a
    CHANGELOG entry and a deprecation, so the snapshot is updated by hand (or with
    TERUGKEER_WRITE_API=1) in the same commit."""
    now = _surface()
    if os.environ.get("TERUGKEER_WRITE_API"):
        _API_SNAPSHOT.write_text("\n".join(now) + "\n", encoding="utf-8")
    before = _API_SNAPSHOT.read_text(encoding="utf-8").splitlines()
    gone = sorted(set(before) - set(now))
    new = sorted(set(now) - set(before))
    assert (gone, new) == ([], []), "update tests/data/public-api.txt and CHANGELOG.md"
    assert len(now) > 300
