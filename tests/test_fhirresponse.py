"""Case answers as FHIR QuestionnaireResponses and back, through the strict checks."""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import json
import re
from typing import Any

import pytest
from fhir.resources.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as QuestionnaireResponseR4B,
)
from hypothesis import HealthCheck, given, settings

import terugkeer
from caseparts import replaced
from terugkeer import (
    Assessment,
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
from terugkeer.testing import LAST_DAY, case_files

_SLOW = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


#: The control characters a FHIR string cannot hold (below U+0020, but tab, CR and LF).
_NOT_FHIR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Unicode white space other than space, tab, CR and LF: FHIR text (R5's pattern takes any
#: character; R4's is XML Schema's, whose \S is all but those four), but fhir.resources checks
#: R4's pattern with Python's \S, which leaves it out: cleaned before that check only.
_UNICODE_SPACE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


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
    assert json.loads(json.dumps(responses)) == responses  # plain JSON values
    for response in responses:
        QuestionnaireResponse.model_validate(replaced(response, _UNICODE_SPACE))
        QuestionnaireResponseR4B.model_validate(replaced(response, _UNICODE_SPACE))
    expected = from_document(_without_blank_lines(to_document(case)), CaseFile)
    assert case_from_responses(responses, _header(case), today=LAST_DAY) == expected


def test_text_fhir_cannot_hold_is_refused_by_its_path_not_changed() -> None:
    row = ChangePossibility(dt.date(2026, 3, 2), Rating.scored("F02", -2), how="first\x0cline")
    with pytest.raises(ValidationError) as info:
        questionnaire_response(forms("overview2")[0], row)
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("$.how", "fhir.text")
    assert "first" not in str(info.value)


def test_a_non_breaking_space_is_text_and_travels() -> None:
    form = forms("overview2")[0]
    row = ChangePossibility(dt.date(2026, 3, 2), Rating.scored("F02", -2), how="first\xa0line")
    response = questionnaire_response(form, row)
    QuestionnaireResponseR4B.model_validate(response)
    assert from_questionnaire_response(form, response, today=LAST_DAY) == row


def test_one_unwritable_text_is_named_by_its_response_and_the_others_are_not_lost() -> None:
    row = ChangePossibility(dt.date(2026, 3, 2), Rating.scored("F02", -2), how="a\x0bb")
    case = (
        CaseFile("c-1")
        .add_assessment(Assessment.build(dt.date(2026, 3, 2), {"F02": -2}))
        .add_change_possibility(row)
    )
    with pytest.raises(ValidationError) as info:
        case_responses(case)
    assert [(p.path, p.code) for p in info.value.problems] == [("$[2].how", "fhir.text")]


def test_case_responses_are_plain_json_that_reads_back() -> None:
    from terugkeer._demo import demo_case

    case = demo_case("nl")
    written = json.dumps(case_responses(case))
    back = case_from_responses(json.loads(written), _header(case), today=LAST_DAY)
    assert back == case


def test_a_versioned_canonical_is_read_and_a_newer_version_refused() -> None:
    form = forms("overview1")[0]
    response = _assessment_response()
    url = response["questionnaire"]
    assert url.endswith("|" + terugkeer.__version__)
    plain = url.split("|")[0]
    for readable in (plain, plain + "|0.1.0", url):
        assert from_questionnaire_response(form, {**response, "questionnaire": readable})
    for refused in (plain + "|99.0.0", plain + "|not-a-version"):
        with pytest.raises(ValidationError) as info:
            from_questionnaire_response(form, {**response, "questionnaire": refused})
        assert [(p.path, p.code) for p in info.value.problems] == [
            ("$.questionnaire", "form.wrong_version")
        ]


def test_the_canonical_base_is_a_parameter_and_both_sides_agree() -> None:
    from terugkeer.interop.fhir import questionnaire

    base = "https://fhir.example.org/terugkeer"
    form = forms("overview2")[0]
    row = ChangePossibility(dt.date(2026, 3, 2), Rating.scored("F02", -2))
    q = questionnaire(form, base=base)
    response = questionnaire_response(form, row, base=base)
    assert response["questionnaire"].split("|")[0] == q["url"]
    assert q["url"].startswith(base + "/")
    assert from_questionnaire_response(form, response, base=base, today=LAST_DAY) == row
    with pytest.raises(ValidationError):
        from_questionnaire_response(form, response, today=LAST_DAY)  # the default base
    with pytest.raises(ValueError, match="base must be"):
        questionnaire(form, base="not a url")


def test_no_client_detail_travels_in_a_response() -> None:
    case = CaseFile("case-0042", client=ClientInfo(name="Amira Haddad", phone="+31 6 1234"))
    shown = repr(case_responses(case))
    assert "Amira" not in shown and "1234" not in shown and "case-0042" not in shown


def _assessment_response() -> dict[str, Any]:
    form = forms("overview1")[0]
    posted: dict[str, Any] = {"assessed_on": "2026-03-02"}
    posted |= {f"ratings[{i}].kind": "unscored" for i in range(19)}
    posted |= {"ratings[1].kind": "scored", "ratings[1].score": "plus3"}
    return questionnaire_response(form, from_form(form, posted, today=LAST_DAY))


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
    assert '"valueDecimal": 12.5' in json.dumps(response)
    assert from_questionnaire_response(form, response, today=LAST_DAY) == checklist


def test_an_amount_a_json_number_cannot_keep_is_refused_by_its_path() -> None:
    from terugkeer.health import ComplaintKind, HealthChecklist, Medicine, Money, SourcedCost

    amount = decimal.Decimal("12345678901234567.89")
    checklist = HealthChecklist(
        ComplaintKind.PHYSICAL, medicines=(Medicine("x", cost=SourcedCost(Money(amount, "EUR"))),)
    )
    with pytest.raises(ValidationError) as info:
        questionnaire_response(forms("health")[0], checklist)
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("$.medicines[*].cost.cost.amount", "fhir.decimal")
    ]


def test_responses_for_a_case_are_checked_together_and_placed_by_position() -> None:
    case = CaseFile("c-1")
    responses = case_responses(case)
    with pytest.raises(ValidationError) as info:
        case_from_responses([*responses, responses[0]], _header(case))  # two action plans
    assert [p.path for p in info.value.problems] == [f"$[{len(responses)}]"]
