"""Case answers as FHIR QuestionnaireResponses and back, through the strict checks."""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import re
from typing import Any

import pytest
from fhir.resources.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as QuestionnaireResponseR4B,
)
from hypothesis import HealthCheck, given, settings

from caseparts import replaced
from terugkeer import (
    CaseFile,
    ChangePossibility,
    Rating,
    ValidationError,
    from_document,
    to_document,
)
from terugkeer.actionplan import ClientInfo
from terugkeer.forms import forms
from terugkeer.interop.fhirresponse import (
    case_from_responses,
    case_responses,
    from_questionnaire_response,
    questionnaire_response,
)
from terugkeer.interop.formdata import from_form
from terugkeer.testing import case_files

_SLOW = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


#: Unicode White_Space other than space, tab, CR and LF: FHIR strings cannot hold it.
_NOT_FHIR = re.compile("[\x0b\x0c\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _without_blank_lines(value: Any) -> Any:
    """FHIR has no empty string: blank lines of a list of texts are not carried."""
    if isinstance(value, dict):
        return {k: _without_blank_lines(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_blank_lines(v) for v in value if v != ""]
    return value


def _header(case: CaseFile) -> CaseFile:
    return CaseFile(case.case_id, client=case.client, family=case.family, revision=case.revision)


@_SLOW
@given(case_files())
def test_a_case_survives_its_questionnaire_responses(generated: CaseFile) -> None:
    case = from_document(replaced(to_document(generated), _NOT_FHIR), CaseFile)
    responses = case_responses(case)
    for response in responses:
        QuestionnaireResponse.model_validate(response)
        QuestionnaireResponseR4B.model_validate(response)
    expected = from_document(_without_blank_lines(to_document(case)), CaseFile)
    assert case_from_responses(responses, _header(case)) == expected


def test_text_fhir_cannot_hold_is_refused_by_its_path_not_changed() -> None:
    row = ChangePossibility(dt.date(2026, 3, 2), Rating.scored("F02", -2), how="first\xa0line")
    with pytest.raises(ValidationError) as info:
        questionnaire_response(forms("overview2")[0], row)
    (problem,) = info.value.problems
    assert problem.path == "$.how" and "first" not in str(info.value)


def test_no_client_detail_travels_in_a_response() -> None:
    case = CaseFile("case-0042", client=ClientInfo(name="Amira Haddad", phone="+31 6 1234"))
    shown = repr(case_responses(case))
    assert "Amira" not in shown and "1234" not in shown and "case-0042" not in shown


def _assessment_response() -> dict[str, Any]:
    form = forms("overview1")[0]
    posted: dict[str, Any] = {"assessed_on": "2026-03-02"}
    posted |= {f"ratings[{i}].kind": "unscored" for i in range(19)}
    posted |= {"ratings[1].kind": "scored", "ratings[1].score": "plus3"}
    return questionnaire_response(form, from_form(form, posted))


def test_an_imported_response_meets_the_documents_rules() -> None:
    form = forms("overview1")[0]
    response = _assessment_response()
    assert from_questionnaire_response(form, response).rating("F02").score == 3
    bad = copy.deepcopy(response)
    f02 = next(i for i in bad["item"] if i["linkId"] == "F02")
    score = next(i for i in f02["item"] if i["linkId"] == "F02.score")
    score["answer"] = [{"valueCoding": {**score["answer"][0]["valueCoding"], "code": "0"}}]
    with pytest.raises(ValidationError) as info:
        from_questionnaire_response(form, bad)
    assert [p.path for p in info.value.problems] == ["$.ratings[1].score"]


def test_a_malformed_response_is_refused_by_its_place() -> None:
    form = forms("overview1")[0]
    response = _assessment_response()
    response["questionnaire"] = "https://elsewhere.example/Questionnaire/x"
    response["item"].append({"linkId": "F99"})
    first = response["item"][0]
    first["answer"] = [{"valueInteger": 20260302}]
    with pytest.raises(ValidationError) as info:
        from_questionnaire_response(form, response)
    found = {(p.path, p.code, p.reason) for p in info.value.problems}
    assert ("$.questionnaire", "form.wrong_form", "must be the form overview1") in found
    last = f"$.item[{len(response['item']) - 1}]"
    assert (last, "form.unknown_field", "is not a field of this form") in found
    assert ("$.item[0].answer[0]", "fhir.answer", "must hold valueDate alone") in found


def test_amounts_travel_as_exact_decimals() -> None:
    from terugkeer.health import ComplaintKind, HealthChecklist, Medicine, Money, SourcedCost

    checklist = HealthChecklist(
        ComplaintKind.PHYSICAL,
        medicines=(Medicine("x", cost=SourcedCost(Money(decimal.Decimal("12.50"), "EUR"))),),
    )
    form = forms("health")[0]
    response = questionnaire_response(form, checklist)
    shown = repr(response)
    assert "Decimal('12.50')" in shown
    assert from_questionnaire_response(form, response) == checklist


def test_responses_for_a_case_are_checked_together_and_placed_by_position() -> None:
    case = CaseFile("c-1")
    responses = case_responses(case)
    with pytest.raises(ValidationError) as info:
        case_from_responses([*responses, responses[0]], _header(case))  # two action plans
    assert [p.path for p in info.value.problems] == [f"$[{len(responses)}]"]
