"""The JSON Schema and the loader agree: one mutation per rule, the same verdict from both.

Rules JSON Schema cannot express are listed as loader-only (and in ``docs/documents.md``): for those
the schema accepts what the loader refuses, and the test says so explicitly.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from caseparts import replaced
from mutations import BOTH, DAY, LOADER_ONLY, Doc, base_document
from terugkeer import CaseFile, ValidationError, json_schema, loads, to_document
from terugkeer.testing import case_files
from terugkeer.wellbeing import ReactionsReflection, SignalsCheck, StressSelfCheck

_PYTHON_ONLY_SPACE = re.compile("[\x1c-\x1f\x85]")
SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def _schema_ok(doc: Doc) -> bool:
    return VALIDATOR.is_valid(doc)


def _loader_ok(doc: Doc) -> bool:
    try:
        loads(json.dumps(doc), CaseFile)
    except ValidationError:
        return False
    return True


def test_the_base_document_is_valid_for_both() -> None:
    doc = base_document()
    assert _schema_ok(doc) and _loader_ok(doc)


@pytest.mark.parametrize("rule", sorted(BOTH))
def test_schema_and_loader_refuse_the_same_mutation(rule: str) -> None:
    mutated = BOTH[rule](base_document())
    assert mutated is not None, "the base document has what the rule needs"
    assert not _loader_ok(mutated)
    assert not _schema_ok(mutated)


@pytest.mark.parametrize("rule", sorted(LOADER_ONLY))
def test_loader_only_rules_are_refused_by_the_loader_alone(rule: str) -> None:
    mutated = LOADER_ONLY[rule](base_document())
    assert mutated is not None, "the base document has what the rule needs"
    assert not _loader_ok(mutated)
    assert _schema_ok(mutated)  # if this starts failing, move the rule to BOTH


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(case_files())
def test_on_generated_cases_the_verdicts_agree(case: CaseFile) -> None:
    # The schema's patterns are ECMA-262's, where U+001C-U+001F and U+0085 are not white space;
    # the jsonschema package checks them with Python's re, where they are: so a text of those
    # alone (not blank, to the loader and by ECMA) gets them replaced before both verdicts.
    doc = replaced(to_document(case), _PYTHON_ONLY_SPACE)
    assert _schema_ok(doc) and _loader_ok(doc)
    for mutate in BOTH.values():
        mutated = mutate(doc)
        if mutated is not None and mutated != doc:
            assert _schema_ok(mutated) == _loader_ok(mutated)


@pytest.mark.parametrize(
    ("cls", "field"),
    [
        (StressSelfCheck, "recognised"),
        (SignalsCheck, "recognised"),
        (ReactionsReflection, "recognised"),
    ],
)
def test_wellbeing_ids_are_in_the_schema_too(cls: type, field: str) -> None:
    """The counsellor's documents list their catalogue ids as enums, each at most once."""
    validator = jsonschema.Draft202012Validator(json_schema(cls))
    doc = to_document(cls(DAY))
    assert validator.is_valid(doc)
    for bad in (["W.nothing"], ["W.stress_signal.headache", "W.stress_signal.headache"]):
        mutated = {**doc, field: bad}
        assert not validator.is_valid(mutated)
        with pytest.raises(ValidationError):
            loads(json.dumps(mutated), cls)


def test_a_schema_with_titles_leaves_the_plain_schema_as_it_was() -> None:
    """Titles go into the schema made, never into the records' metadata it is made from."""
    import json as json_module

    from terugkeer.case import CaseFile
    from terugkeer.documents.schema import json_schema

    before = json_module.dumps(json_schema(CaseFile), sort_keys=True)
    assert "title" in json_module.dumps(json_schema(CaseFile, locale="en"))
    assert json_module.dumps(json_schema(CaseFile), sort_keys=True) == before


_SPACES = [chr(c) for c in (*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, 0x180E, 0x200B)]
_SPACES += [chr(c) for c in (*range(0x1C, 0x20), *range(0x2000, 0x200B), 0x2028, 0x2029)]
_SPACES += [chr(c) for c in (0x202F, 0x205F, 0x3000, 0xFEFF)]


@pytest.mark.parametrize("space", _SPACES, ids=lambda s: f"U+{ord(s):04X}")
def test_blank_text_is_blank_to_the_loader_exactly_when_ecma_regex_says_so(space: str) -> None:
    """An ECMA-262 engine (jsonschema-rs, as integrators' validators follow JSON Schema's regex
    rules) and the loader agree on which text is blank, character by character."""
    import jsonschema_rs

    from terugkeer.case import ConsentPurpose, ConsentRecord

    doc = to_document(ConsentRecord(ConsentPurpose.CHECK_INS, "Org", DAY))
    doc["organisation"] = f" {space} "
    schema_accepts = jsonschema_rs.validator_for(json_schema(ConsentRecord)).is_valid(doc)
    try:
        loads(json.dumps(doc), ConsentRecord)
    except ValidationError as err:
        assert [p.code for p in err.problems] == ["text.blank"]
        loader_accepts = False
    else:
        loader_accepts = True
    assert loader_accepts == schema_accepts
