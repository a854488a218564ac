"""The form definitions reach every field a document stores, once, and say what the records say.

The oracles are independent of ``terugkeer.forms``: the documents' JSON Schema (its own walk of the
types), documents written from generated records, and the loader's verdicts.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from terugkeer import CaseFile, ValidationError, loads, to_document
from terugkeer.documents.schema import json_schema
from terugkeer.forms import INSTRUMENTS, AnswerType, Form, Requirement, all_forms, forms
from terugkeer.i18n import text
from terugkeer.testing import case_files

_FORMS = {form.id: form for form in all_forms()}


def _leaf_paths(schema: dict[str, Any]) -> Iterator[str]:
    """Every path to a value that is not an object, as the schema describes the document."""
    defs = schema.get("$defs", {})

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        for key in ("anyOf", "oneOf"):
            if key in node:  # ``T | None``: the one alternative that is not null
                (node,) = (n for n in node[key] if n.get("type") != "null")
                return resolve(node)
        return node

    def walk(node: dict[str, Any], path: str) -> Iterator[str]:
        node = resolve(node)
        if "properties" in node and node.get("type") == "object":
            for key, sub in node["properties"].items():
                if path == "$" and key in ("schema", "version"):
                    continue
                yield from walk(sub, f"{path}.{key}")
        elif node.get("type") == "array" and "prefixItems" in node:
            for i, sub in enumerate(node["prefixItems"]):
                yield from walk(sub, f"{path}[{i}]")
        elif node.get("type") == "array":
            yield from walk(node["items"], f"{path}[*]")
        else:
            yield path

    return walk(schema, "$")


@pytest.mark.parametrize("form", all_forms(), ids=lambda f: f.id)
def test_every_stored_field_is_one_form_item_and_every_item_a_stored_field(form: Form[Any]) -> None:
    stored = Counter(_leaf_paths(json_schema(form.record)))
    asked = Counter(item.path for item in form.walk() if not item.items)
    assert stored == asked


def _concrete_leaves(value: Any, path: str = "$") -> Iterator[tuple[str, bool]]:
    """Every path to a value that is not an object or list, and whether that value is null."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _concrete_leaves(sub, f"{path}.{key}")
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _concrete_leaves(sub, f"{path}[{i}]")
    else:
        yield path, value is None


def _pattern(path: str) -> re.Pattern[str]:
    return re.compile(re.escape(path).replace(re.escape("[*]"), r"\[\d+\]"))


_PATTERNS = {form.id: [(_pattern(i.path), i) for i in form.walk()] for form in all_forms()}
_CASE_PARTS = {
    "overview1": "assessments",
    "overview2": "change_possibilities",
    "overview3": "weighty_factors",
    "health": "health",
    "consents": "consents",
}


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case_files())
def test_every_value_of_a_written_case_is_answered_by_exactly_one_item(case: CaseFile) -> None:
    document = to_document(case)
    parts: list[tuple[str, Any]] = [
        ("actionplan", document["plan"]),
        ("signals", document["signals"]),
        ("context", document["context"]),
    ]
    for form_id, key in _CASE_PARTS.items():
        parts += [(form_id, row) for row in document[key]]
    for form_id, body in parts:
        for leaf, null in _concrete_leaves(body):
            # A value is one question's answer; a null may also be a group left out (no source).
            matches = [
                i.link_id
                for p, i in _PATTERNS[form_id]
                if p.fullmatch(leaf) and (null or i.answer_type is not AnswerType.GROUP)
            ]
            assert len(matches) == 1, (form_id, leaf, matches)


def test_link_ids_are_unique_within_a_form_and_catalogue_ids_are_used() -> None:
    for form in all_forms():
        ids = [item.link_id for item in form.walk()]
        assert len(ids) == len(set(ids)), form.id
    plan = _FORMS["actionplan"]
    assert plan.item("AP01.education.origin").path == "$.background.education.country_of_origin"
    assert plan.item("AP07").answer_type is AnswerType.GROUP
    health = _FORMS["health"]
    assert health.item("H.medicine.where").path == "$.medicines[*].where"
    assert health.item("H.medicine.where").repeats is False  # the medicine repeats, not this
    assert health.item("health.medicines").repeats is True


def test_overview1_states_the_time_pressure_minimum_and_fixes_each_factor() -> None:
    form = _FORMS["overview1"]
    groups = [item for item in form.items if re.fullmatch(r"F\d\d", item.link_id)]
    assert [g.link_id for g in groups] == [f"F{n:02}" for n in range(1, 20)]
    for i, group in enumerate(groups):
        assert group.path == f"$.ratings[{i}]"
        assert form.item(f"{group.link_id}.factor").fixed == group.link_id
    # §3.1: only the Netherlands factors (10-17) may be skipped under time pressure.
    netherlands = {f"F{n}" for n in range(10, 18)}
    kinds = {g.link_id: form.item(f"{g.link_id}.kind").requirement for g in groups}
    assert {k for k, r in kinds.items() if r is Requirement.COMPLETE} == netherlands
    assert {r for k, r in kinds.items() if k not in netherlands} == {Requirement.MINIMUM}


def test_a_score_is_asked_only_when_scored_and_its_choices_are_the_loaders() -> None:
    form = _FORMS["overview1"]
    score = form.item("F05.score")
    assert [(w.link_id, w.code) for w in score.enable_when] == [("F05.kind", "scored")]
    base = json.loads(
        '{"schema": "terugkeer/rating", "version": 1, "factor": "F05", "kind": "scored"}'
    )
    accepted = set()
    for value in range(-5, 6):
        try:
            loads(json.dumps({**base, "score": value}), _rating_type())
        except ValidationError:
            continue
        accepted.add(value)
    assert {c.value for c in score.choices} == accepted


def _rating_type() -> type:
    from terugkeer.factors import Rating

    return Rating


def test_the_plans_care_questions_are_asked_only_when_there_are_complaints() -> None:
    form = _FORMS["actionplan"]
    for kind in ("physical", "psychological"):
        for care in ("care_available", "care_affordable", "care_reachable"):
            item = form.item(f"AP07.{kind}.{care}")
            assert [(w.link_id, w.code) for w in item.enable_when] == [
                (f"AP07.{kind}.complaints", "yes")
            ]


def test_every_label_and_choice_label_exists_in_dutch_and_english() -> None:
    missing = set()
    for form in all_forms():
        ids = [form.message_id]
        for item in form.walk():
            ids.append(item.message_id)
            ids += [c.message_id for c in item.choices if c.message_id is not None]
            if item.help_message_id:
                ids.append(item.help_message_id)
        for locale in ("nl", "en"):
            missing |= {(locale, m) for m in ids if text(m, locale) == m}
    assert not missing, sorted(missing)[:20]


def test_every_instrument_has_a_form_and_an_unknown_one_is_named() -> None:
    assert set(INSTRUMENTS) == {
        "overview1",
        "overview2",
        "overview3",
        "actionplan",
        "health",
        "signals",
        "wellbeing",
        "client",
        "context",
        "consents",
    }
    assert [f.id for f in forms("overview2")] == ["overview2"]
    with pytest.raises(KeyError, match="overview4"):
        forms("overview4")


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_forms_command_prints_every_form_as_json_in_the_locale(
    locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from terugkeer.cli import main

    assert main(["forms", "--format", "json", "--locale", locale]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [doc["id"] for doc in printed] == [form.id for form in all_forms()]
    overview1 = printed[0]
    f02 = next(item for item in overview1["items"] if item["linkId"] == "F02")
    score = next(item for item in f02["items"] if item["linkId"] == "F02.score")
    assert score["enableWhen"] == [{"linkId": "F02.kind", "code": "scored"}]
    assert [c["value"] for c in score["choices"]] == [-3, -2, -1, 1, 2, 3]
    kind = next(item for item in f02["items"] if item["linkId"] == "F02.kind")
    scored = next(c for c in kind["choices"] if c["code"] == "scored")
    assert scored["label"] == {"nl": "gescoord", "en": "scored"}[locale]
    assert (
        overview1["title"]
        == {
            "nl": "Overzicht 1: factoren bij de keuze",
            "en": "Overview 1: factors in the decision",
        }[locale]
    )


def test_the_forms_command_prints_named_instruments_as_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from terugkeer.cli import main

    assert main(["forms", "wellbeing", "consents", "--locale", "en"]) == 0
    out = capsys.readouterr().out
    titles = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert len(titles) == 6  # the five wellbeing forms and the consents
    assert "  Organisation *  (consents.organisation: text)" in out.splitlines()


def test_the_forms_command_refuses_an_unknown_instrument(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from terugkeer.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["forms", "overview9"])
    assert exit_info.value.code == 2
    assert "unknown instrument overview9" in capsys.readouterr().err


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_case_schema_titles_every_property_in_the_locale(locale: str) -> None:
    schema = json_schema(locale=locale)
    untitled = [
        f"{record}.{name}"
        for record, definition in schema["$defs"].items()
        for name, prop in definition.get("properties", {}).items()
        if not prop.get("title")
    ]
    assert untitled == []
    ratings = schema["$defs"]["Assessment"]["properties"]["ratings"]["prefixItems"]
    assert all(entry["title"] and entry["description"] for entry in ratings)
    assert (
        schema["$defs"]["Rating"]["properties"]["score"]["title"]
        == {
            "nl": "Score (−3 tot +3)",
            "en": "Score (−3 to +3)",
        }[locale]
    )
    # Titles and descriptions are all that changes.
    assert _annotations_dropped(json_schema()) == _annotations_dropped(schema)


def _annotations_dropped(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _annotations_dropped(v)
            for k, v in value.items()
            if k not in ("title", "description") or not isinstance(v, str)
        }
    if isinstance(value, list):
        return [_annotations_dropped(v) for v in value]
    return value
