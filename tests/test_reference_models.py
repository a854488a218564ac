"""The benchmarks' pydantic and msgspec models read the same documents as terugkeer.

They are generated from the attrs classes (``benchmarks/reference_models.py``); if a record gains or
changes a field, these tests fail until the references follow, so the speed comparison stays fair.
"""

from __future__ import annotations

import json

import msgspec
import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from reference_models import msgspec_case, pydantic_case

from mutations import BOTH, base_document
from terugkeer import CaseFile, ValidationError, dumps, loads
from terugkeer.testing import case_files

#: The rules of BOTH that are about one value's type, range, pattern or presence: the references
#: state them too. (Cross-field rules, such as a score exactly when scored, are terugkeer's alone.)
TYPE_LEVEL = [
    "unknown key",
    "unknown factor id",
    "18 ratings",
    "score 2.5",
    "score as text",
    "unknown rating kind",
    "not a calendar date",
    "date written otherwise",
    "amount with an exponent",
    "activity number 0",
    "negative referral index",
    "121 months",
    "negative revision",
]


def _accepted_by_references(document: bytes) -> list[bool]:
    verdicts = []
    for decode in (
        pydantic_case().model_validate_json,
        msgspec.json.Decoder(msgspec_case()).decode,
    ):
        try:
            decode(document)
        except (pydantic.ValidationError, msgspec.ValidationError):
            verdicts.append(False)
        else:
            verdicts.append(True)
    return verdicts


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case_files())
def test_the_references_accept_every_generated_case(case: CaseFile) -> None:
    assert _accepted_by_references(dumps(case).encode()) == [True, True]


def test_the_references_accept_the_base_document() -> None:
    assert _accepted_by_references(json.dumps(base_document()).encode()) == [True, True]


@pytest.mark.parametrize("rule", TYPE_LEVEL)
def test_the_references_refuse_what_terugkeer_refuses(rule: str) -> None:
    doc = BOTH[rule](base_document())
    assert doc is not None
    document = json.dumps(doc).encode()
    with pytest.raises(ValidationError):
        loads(document, CaseFile)
    assert _accepted_by_references(document) == [False, False]


@pytest.mark.parametrize("key", ["case_id", "schema", "version"])
def test_the_references_refuse_a_document_without_a_required_key(key: str) -> None:
    doc = base_document()
    del doc[key]
    document = json.dumps(doc).encode()
    with pytest.raises(ValidationError):
        loads(document, CaseFile)
    assert _accepted_by_references(document) == [False, False]
