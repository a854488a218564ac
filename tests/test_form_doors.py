"""Every door a form's answers come in by keeps the domain's rules, and the exports ask only
what the records need: one test per defect an integrator met (issue 32)."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from typing_extensions import assert_type

import terugkeer
from terugkeer import Assessment, ValidationError
from terugkeer.actionplan import ActionPlan, Activity, Appointment
from terugkeer.forms import form, form_for
from terugkeer.health import HealthChecklist
from terugkeer.interop.fhir import code_systems, questionnaire
from terugkeer.interop.fhirresponse import from_questionnaire_response
from terugkeer.interop.formdata import browser_values, form_values, from_form
from terugkeer.interop.xlsform import from_submission, submission, xlsform_sheets

TODAY = dt.date(2026, 12, 5)


def _problems(err: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in err.value.problems]


# --- One set of rules at every door --------------------------------------------------------------


def test_a_future_appointment_is_refused_at_the_form_door_as_add_appointment_refuses_it() -> None:
    plan_form = form("actionplan")
    with pytest.raises(ValidationError) as refused_by_method:
        ActionPlan().add_appointment(Appointment(dt.date(2026, 12, 24)), today=TODAY)
    with pytest.raises(ValidationError) as refused_by_form:
        from_form(plan_form, {"appointments[0].held_on": "2026-12-24"}, today=TODAY)
    assert _problems(refused_by_form) == [("$.appointments[0].held_on", "date.in_future")]
    assert refused_by_method.value.problems[0].code == "date.in_future"
    held = from_form(plan_form, {"appointments[0].held_on": "2026-12-05"}, today=TODAY)
    assert held.appointments[0].held_on == TODAY


def test_the_same_rule_holds_for_a_submission_and_a_response() -> None:
    plan_form = form("actionplan")
    later = ActionPlan(appointments=(Appointment(dt.date(2026, 12, 24)),))
    with pytest.raises(ValidationError) as info:
        from_submission(plan_form, submission(plan_form, later), today=TODAY)
    assert _problems(info) == [("$.appointments[0].held_on", "date.in_future")]


def test_an_activity_update_names_its_appointment_from_1_within_what_exists() -> None:
    plan_form = form("actionplan")
    plan = ActionPlan(appointments=(Appointment(dt.date(2026, 3, 2), activities=(Activity("a"),)),))
    posted = form_values(plan_form, plan) | {
        "activity_updates[0].appointment": "1",
        "activity_updates[0].activity": "1",
        "activity_updates[0].status": "done",
        "activity_updates[0].on": "2026-03-09",
    }
    updated = from_form(plan_form, posted, today=TODAY)
    assert updated.activity_updates[0].appointment == 0  # the record counts from 0
    assert form_values(plan_form, updated)["activity_updates[0].appointment"] == "1"
    with pytest.raises(ValidationError) as info:
        from_form(plan_form, posted | {"activity_updates[0].appointment": "0"}, today=TODAY)
    assert _problems(info) == [("$.activity_updates[0].appointment", "number.out_of_range")]
    with pytest.raises(ValidationError) as info:
        from_form(plan_form, posted | {"activity_updates[0].appointment": "2"}, today=TODAY)
    assert _problems(info) == [("$.activity_updates[0].appointment", "plan.no_appointment")]


def test_the_xlsform_checks_that_an_update_names_an_appointment_and_activity_that_exist() -> None:
    sheets = xlsform_sheets(form("actionplan"))
    header = sheets["survey"][0]
    rows = {row[1]: dict(zip(header, row, strict=True)) for row in sheets["survey"][1:]}
    appointment = rows["actionplan_activity_updates_appointment"]
    assert "count(/data/AP13)" in appointment["constraint"]
    assert ". >= 1" in appointment["constraint"]
    activity = rows["actionplan_activity_updates_activity"]
    assert "/data/AP13[position() = current()/../" in activity["constraint"]
    assert appointment["constraint_message::Nederlands (nl)"]
    assert appointment["constraint_message::English (en)"]
    assert (
        appointment["constraint_message::Nederlands (nl)"]
        != appointment["constraint_message::English (en)"]
    )


def test_overview_1_posted_with_only_the_discussed_factors_skips_the_others() -> None:
    assessment = from_form(
        form("overview1"),
        {"assessed_on": "2026-03-02", "ratings[1].kind": "scored", "ratings[1].score": "minus2"},
        today=TODAY,
    )
    built = Assessment.build(dt.date(2026, 3, 2), {"F02": -2})
    assert assessment == built


def test_a_browser_form_is_read_as_browsers_send_it() -> None:
    health = form("health")
    amount = "medicines[0].transport_cost.cost.amount"
    posted = {
        "kind": "physical",
        amount: "4,50",
        "medicines[0].transport_cost.cost.currency": "EUR",
    }
    values = browser_values(health, posted, locale="nl")
    assert values[amount] == "4.50"
    checklist = from_form(health, values, today=TODAY)
    cost = checklist.medicines[0].transport_cost.cost
    assert cost is not None and cost.amount == decimal.Decimal("4.50")
    assert browser_values(health, posted, locale="en")[amount] == "4,50"  # not English's sign
    consent = browser_values(form("context"), {"unaccompanied_minor": "on"}, locale="nl")
    assert consent == {"unaccompanied_minor": "true"}
    moment = browser_values(
        form("actionplan"),
        {"appointments[0].entered.at": "2026-07-01T09:15"},
        locale="nl",
        zone=ZoneInfo("Europe/Amsterdam"),
    )
    assert moment == {"appointments[0].entered.at": "2026-07-01T09:15:00+02:00"}


# --- Optional means optional ---------------------------------------------------------------------


def test_an_engine_s_empty_elements_of_a_blank_group_read_as_absent() -> None:
    health = form("health")
    xml = (
        '<data id="terugkeer_health"><health_kind>physical</health_kind>'
        "<health_medicines><H_medicine_substance>x</H_medicine_substance>"
        "<H_medicine_transport_cost><H_medicine_transport_cost_cost>"
        "<H_medicine_transport_cost_cost_amount/><H_medicine_transport_cost_cost_currency/>"
        "</H_medicine_transport_cost_cost></H_medicine_transport_cost></health_medicines>"
        "<health_medicines><H_medicine_substance/></health_medicines></data>"
    )
    checklist = from_submission(health, xml, today=TODAY)
    assert len(checklist.medicines) == 1  # the blank entry an engine starts a list with: none
    assert checklist.medicines[0].transport_cost.cost is None


def test_a_question_inside_an_optional_group_is_required_only_once_the_group_is_answered() -> None:
    sheets = xlsform_sheets(form("health"))
    header = sheets["survey"][0]
    rows = {row[1]: dict(zip(header, row, strict=True)) for row in sheets["survey"][1:]}
    amount = rows["H_medicine_transport_cost_cost_amount"]["required"]
    assert amount == "${H_medicine_transport_cost_cost_currency} != ''"
    kind = rows["H_medicine_available_source_kind"]["required"]
    assert "${H_medicine_available_source_name} != ''" in kind
    assert rows["health_kind"]["required"] == "yes"
    assert rows["health_kind"]["required_message::English (en)"] == "This needs an answer."
    q = questionnaire(form("health"))
    medicines = next(i for i in q["item"] if i["linkId"] == "health.medicines")
    assert not any(i["required"] for i in _questions(medicines))


def _questions(item: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for sub in item.get("item", []):
        if sub["type"] != "display":
            found.append(sub)
        found += _questions(sub)
    return found


def test_an_answer_without_a_source_is_kept_and_marked_unverified() -> None:
    from terugkeer.healthfindings import health_findings

    health = form("health")
    posted = {
        "kind": "physical",
        "medicines[0].substance": "x",
        "medicines[0].available.answer": "yes",
    }
    checklist = from_form(health, posted, today=TODAY)
    assert checklist.medicines[0].available.source is None
    assert any("unverified" in f.kind.value for f in health_findings(checklist))


# --- The polish integrators expect ---------------------------------------------------------------


def test_the_currency_is_a_searchable_list_of_codes_in_use_and_a_withdrawn_one_still_reads() -> (
    None
):
    sheets = xlsform_sheets(form("health"))
    header = sheets["survey"][0]
    rows = {row[1]: dict(zip(header, row, strict=True)) for row in sheets["survey"][1:]}
    currency = rows["H_medicine_transport_cost_cost_currency"]
    assert currency["appearance"] == "autocomplete"
    listed = {row[1] for row in sheets["choices"][1:] if row[0] == currency["type"].split()[1]}
    assert {"EUR", "AFN", "IQD", "ERN"} <= listed
    assert not {"NLG", "DEM", "XTS", "XXX"} & listed
    posted = {
        "kind": "physical",
        "medicines[0].transport_cost.cost.amount": "10",
        "medicines[0].transport_cost.cost.currency": "NLG",
    }
    old = from_form(form("health"), posted, today=TODAY)
    assert old.medicines[0].transport_cost.cost is not None


def test_fhir_items_carry_both_languages_help_codes_publisher_and_copyright() -> None:
    q = questionnaire(form("overview1"))
    assert q["publisher"] == "terugkeer" and "Pharos" in q["copyright"]
    f02 = next(i for i in q["item"] if i["linkId"] == "F02")
    assert f02["code"][0]["code"] == "F02"
    kind = next(i for i in f02["item"] if i["linkId"] == "F02.kind")
    option = kind["answerOption"][0]["valueCoding"]
    english = option["_display"]["extension"][0]["extension"][1]["valueString"]
    assert option["display"] != english
    assert any(i["type"] == "display" and i["linkId"] == "F02.help" for i in f02["item"])
    assert any(i["linkId"].startswith("heading.") for i in q["item"])
    system = next(c for c in code_systems() if c["name"] == "Question")
    assert {"F02", "F02.kind"} <= {c["code"] for c in system["concept"]}


# --- Typed and at hand ---------------------------------------------------------------------------


def test_the_readers_return_the_record_type_and_the_names_are_at_hand() -> None:
    health = form("health")
    assert_type(health, "terugkeer.forms.Form[HealthChecklist]")
    checklist = from_form(health, {"kind": "physical"}, today=TODAY)
    assert_type(checklist, HealthChecklist)
    assert isinstance(checklist, HealthChecklist)
    assert form_for(HealthChecklist) is health
    assert "ConflictError" in terugkeer.__all__
    response = json.loads(json.dumps(_response(checklist)))
    assert isinstance(from_questionnaire_response(health, response), HealthChecklist)


def _response(checklist: HealthChecklist) -> dict[str, Any]:
    from terugkeer.interop.fhirresponse import questionnaire_response

    return questionnaire_response(form("health"), checklist)


def test_the_currencies_offered_are_those_in_use_on_the_day_the_table_names() -> None:
    from babel import Locale
    from babel.numbers import get_territory_currencies

    from terugkeer.catalogues.currency_rows import (
        CURRENCY_CODES,
        CURRENT_AS_OF,
        CURRENT_CURRENCY_CODES,
    )

    day = dt.date.fromisoformat(CURRENT_AS_OF)
    in_use: set[str] = set()
    for territory in map(str, Locale("en").territories):
        in_use |= set(
            get_territory_currencies(territory, start_date=day, end_date=day, non_tender=False)
        )
    assert in_use & CURRENCY_CODES == CURRENT_CURRENCY_CODES
