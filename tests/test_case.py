"""The case file: append-only history, consent-gated handover, documents, schema, export."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import terugkeer.documents.serialization as ser
from caseparts import replaced
from terugkeer import (
    ActionPlan,
    Assessment,
    CaseFile,
    ConsentRecord,
    ConsentRequired,
    SignalLog,
    TerugkeerError,
    ValidationError,
    case_summary,
    dumps,
    from_document,
    handover_bundle,
    json_schema,
    load_case,
    loads,
    save_case,
    to_document,
)
from terugkeer.actionplan import (
    Appointment,
    ChildPlan,
    ClientInfo,
    FamilyMemberView,
    Monitoring,
    OrganisationInfo,
)
from terugkeer.answers import Answer
from terugkeer.case import (
    CasePart,
    ClinicianBundle,
    ConsentAction,
    ConsentPurpose,
    HandoverBundle,
    check_ins_allowed,
    clinician_bundle,
    referral_bundle,
    valid_consent,
)
from terugkeer.cli import main
from terugkeer.context import ProcessPhase
from terugkeer.documents.casefiles import lock_name
from terugkeer.documents.serialization import MAX_DOCUMENT_BYTES
from terugkeer.research.pseudonyms import pseudonym
from terugkeer.research.tables import (
    FieldGroup,
    ResearchOptions,
    case_tables,
    table,
)
from terugkeer.signals import SignalObservation, SignalSource
from terugkeer.testing import case_files, consent_records

#: Far enough ahead that every generated consent is in force.
LAST_DAY = dt.date(2100, 12, 31)
DAY = dt.date(2026, 3, 2)
ON = DAY + dt.timedelta(days=30)
KEY = b"a research secret of 32 bytes..."
SLOW = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def case() -> CaseFile:
    return CaseFile(
        "case-0042",
        ClientInfo("Sam Example", dt.date(1990, 5, 1), "0612345678", "sam@example.org", "Street 1"),
    ).add_assessment(Assessment.build(DAY, {"F02": -3, "F07": 2}))


def give(org: str, *parts: CasePart, on: dt.date = DAY) -> ConsentRecord:
    return ConsentRecord(ConsentPurpose.HANDOVER, org, on, ConsentAction.GIVE, parts)


# --- History is never rewritten -----------------------------------------------------------------


def test_rescoring_adds_an_assessment_in_date_order() -> None:
    later = case().add_assessment(Assessment.build(DAY + dt.timedelta(days=30), {"F02": -1}))
    assert len(later.assessments) == 2
    with pytest.raises(ValidationError) as info:
        later.add_assessment(Assessment.blank(DAY - dt.timedelta(days=1)))
    assert [p.path for p in info.value.problems] == ["$.assessments[2].assessed_on"]


def test_client_details_and_the_familys_views_live_in_one_place_the_case() -> None:
    plan_fields = {f.name for f in attrs.fields(ActionPlan)}
    assert "client" not in plan_fields and "family" not in plan_fields
    case_fields = {f.name for f in attrs.fields(CaseFile)}
    assert {"client", "family"} <= case_fields
    assert case().client.name == "Sam Example"


def _v4_case(plan_client: Mapping[str, object], plan_family: list[dict[str, object]]) -> str:
    """A case document of version 4, whose plan still had a client header and family views."""
    body = json.loads(dumps(case()))
    body["version"] = 4
    body["family"] = [{"member": "Omar", "relation": "brother", "is_minor": False,
                       "wishes": "stay", "ideas": "", "doubts": ""}]  # fmt: skip
    body["plan"]["client"] = plan_client
    body["plan"]["family"] = plan_family
    return json.dumps(body)


def test_a_version_4_case_keeps_every_family_view_once_in_the_case() -> None:
    empty_client = {"name": "", "date_of_birth": None, "phone": "", "email": "", "address": "",
                    "country_of_origin": ""}  # fmt: skip
    known = {"member": "Omar", "relation": "brother", "is_minor": False, "wishes": "stay",
             "ideas": "", "doubts": ""}  # fmt: skip
    new = {**known, "member": "Lina", "relation": "mother", "wishes": "go home"}
    loaded = loads(_v4_case(empty_client, [known, new]), CaseFile)
    assert [(v.member, v.wishes) for v in loaded.family] == [("Omar", "stay"), ("Lina", "go home")]


def test_a_version_4_case_with_client_details_in_its_plan_is_refused_not_emptied() -> None:
    filled = {"name": "Sam", "date_of_birth": None, "phone": "", "email": "", "address": "",
              "country_of_origin": ""}  # fmt: skip
    with pytest.raises(ValidationError) as info:
        loads(_v4_case(filled, []), CaseFile)
    assert [p.path for p in info.value.problems] == ["$.plan.client"]


def test_plan_appointments_and_signals_cannot_be_rewritten() -> None:
    c = case().with_plan(ActionPlan().add_appointment(Appointment(DAY), today=DAY))
    with pytest.raises(ValidationError):
        c.with_plan(ActionPlan())
    log = SignalLog().observe(SignalObservation("S.sleep.nightmares", SignalSource.CLIENT, DAY))
    c = c.with_signals(log)
    with pytest.raises(ValidationError):
        c.with_signals(SignalLog())
    assert c.with_signals(log.observe(log.observations[0])).signals.observations[:1] == (
        log.observations
    )


def test_phase_history_only_grows() -> None:
    c = case().change_phase(ProcessPhase.DECIDING, DAY)
    c = c.change_phase(ProcessPhase.MAKING_PLANS, DAY + dt.timedelta(days=10))
    assert c.context.phase is ProcessPhase.MAKING_PLANS
    with pytest.raises(ValidationError):
        c.change_phase(ProcessPhase.RETURNING, DAY)
    with pytest.raises(ValidationError):
        c.with_context(attrs.evolve(c.context, phases=()))


# --- Consent and handover -----------------------------------------------------------------------


def test_no_consent_no_handover() -> None:
    with pytest.raises(ConsentRequired):
        handover_bundle(case(), to="IOM", on=ON)
    assert issubclass(ConsentRequired, TerugkeerError)


def test_a_bundle_holds_only_the_consented_parts() -> None:
    c = case().add_consent(give("IOM", CasePart.OVERVIEWS))
    bundle = handover_bundle(c, to="iom ", on=ON)
    assert bundle.assessments == c.assessments
    assert bundle.client is None
    assert bundle.plan is None
    assert bundle.health == ()
    with pytest.raises(ConsentRequired):
        handover_bundle(c, to="Another organisation", on=ON)


def test_a_consent_dated_later_is_not_in_force_yet() -> None:
    later = DAY + dt.timedelta(days=400)
    c = case().add_consent(
        ConsentRecord(ConsentPurpose.HANDOVER, "IOM", later, parts=(CasePart.CLIENT_DETAILS,))
    )
    with pytest.raises(ConsentRequired):
        handover_bundle(c, to="IOM", on=DAY)
    assert handover_bundle(c, to="IOM", on=later).client == c.client


def test_a_plan_travels_without_the_names_in_it_unless_client_details_were_consented() -> None:
    plan = ActionPlan(
        organisation=OrganisationInfo(counsellor="Anna", file_number="F-1", present="Sam, Anna"),
        children=(ChildPlan(child="Mira", school="village school"),),
    )
    family = (FamilyMemberView(member="Omar", wishes="stay together"),)
    c = attrs.evolve(case(), plan=plan, family=family).add_consent(
        give("IOM", CasePart.ACTION_PLAN)
    )
    bundle = handover_bundle(c, to="IOM", on=ON)
    assert bundle.plan is not None
    assert bundle.plan.children[0].school == "village school"
    assert bundle.family[0].wishes == "stay together"  # the family's views go with the plan
    text = dumps(bundle)
    for name in ("Anna", "F-1", "Mira", "Omar", "Sam"):
        assert name not in text
    full = c.add_consent(give("IOM", CasePart.ACTION_PLAN, CasePart.CLIENT_DETAILS))
    assert handover_bundle(full, to="IOM", on=ON).plan == plan
    assert handover_bundle(full, to="IOM", on=ON).family == family
    assert (
        handover_bundle(c.add_consent(give("IOM", CasePart.OVERVIEWS)), "IOM", on=ON).family == ()
    )


def test_a_bundle_document_that_carries_more_than_its_parts_is_refused() -> None:
    c = case().add_consent(give("IOM", CasePart.OVERVIEWS, CasePart.CLIENT_DETAILS))
    doc = to_document(handover_bundle(c, to="IOM", on=ON))
    doc["parts"] = ["overviews"]
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), HandoverBundle)
    assert [p.path for p in info.value.problems] == ["$.client"]


def _consent(purpose: ConsentPurpose, org: str = "GGZ team") -> ConsentRecord:
    return ConsentRecord(purpose, org, DAY)


def test_consulting_the_clinician_needs_its_own_consent_and_carries_only_health() -> None:
    c = case().add_consent(give("GGZ team", CasePart.OVERVIEWS))  # a handover consent is not it
    with pytest.raises(ConsentRequired):
        clinician_bundle(c, "GGZ team", on=ON)
    c = c.add_consent(_consent(ConsentPurpose.CONSULT_CLINICIAN))
    bundle = clinician_bundle(c, "GGZ team", on=ON)
    assert bundle.health == c.health and bundle.plan_health == c.plan.health
    assert {f.name for f in attrs.fields(ClinicianBundle)} == {
        "organisation", "consent_given_on", "health", "plan_health"
    }  # fmt: skip


def test_consulting_about_a_referral_needs_its_own_consent_and_names_no_family_member() -> None:
    log = SignalLog().observe(
        SignalObservation("S.sleep.nightmares", SignalSource.CLIENT, DAY, about="Mira")
    )
    c = case().with_signals(log)
    with pytest.raises(ConsentRequired):
        referral_bundle(c, "GGZ team", on=ON)
    c = c.add_consent(_consent(ConsentPurpose.REFERRAL_CONSULTATION))
    bundle = referral_bundle(c, "GGZ team", on=ON)
    assert [o.signal for o in bundle.signals.observations] == ["S.sleep.nightmares"]
    assert "Mira" not in dumps(bundle)


def test_check_ins_need_consent_and_a_client_who_does_not_decline() -> None:
    c = case()
    assert not check_ins_allowed(c, "IOM", on=ON)
    c = c.add_consent(_consent(ConsentPurpose.CHECK_INS, "IOM"))
    assert check_ins_allowed(c, "IOM", on=ON)
    declined = c.with_plan(c.plan.with_section(monitoring=Monitoring(wanted=Answer.NO)))
    assert not check_ins_allowed(declined, "IOM", on=ON)


def test_a_withdrawn_consent_no_longer_counts() -> None:
    c = case().add_consent(give("IOM", CasePart.OVERVIEWS, CasePart.ACTION_PLAN))
    withdrawn = c.add_consent(
        ConsentRecord(ConsentPurpose.HANDOVER, "IOM", DAY + dt.timedelta(1), ConsentAction.WITHDRAW)
    )
    assert len(withdrawn.consents) == 2  # a withdrawal is a new record, not an edit
    with pytest.raises(ConsentRequired):
        handover_bundle(withdrawn, to="IOM", on=ON)


@SLOW
@given(case_files(), st.sampled_from(["Org A", "Org B", "IOM"]))
def test_no_bundle_ever_contains_a_part_without_consent(c: CaseFile, org: str) -> None:
    """Consent gates sharing (SPEC §0): a bundle never carries an unconsented part."""
    consent = valid_consent(c.consents, ConsentPurpose.HANDOVER, org, on=LAST_DAY)
    if consent is None:
        with pytest.raises(ConsentRequired):
            handover_bundle(c, to=org, on=LAST_DAY)
        return
    bundle = handover_bundle(c, to=org, on=LAST_DAY)
    allowed = set(consent.parts)
    if CasePart.CLIENT_DETAILS not in allowed:
        assert bundle.client is None
    if CasePart.OVERVIEWS not in allowed:
        assert bundle.assessments == ()
        assert bundle.change_possibilities == ()
        assert bundle.weighty_factors == ()
    if CasePart.ACTION_PLAN not in allowed:
        assert bundle.plan is None
    elif CasePart.CLIENT_DETAILS not in allowed:
        assert bundle.plan is not None
        assert bundle.plan.organisation.counsellor == bundle.plan.organisation.file_number == ""
        assert all(child.child == "" for child in bundle.plan.children)
        assert all(member.member == "" for member in bundle.family)
    if CasePart.HEALTH_CHECKLISTS not in allowed:
        assert bundle.health == ()


@given(st.lists(consent_records(), max_size=6))
def test_the_latest_record_decides(records: list[ConsentRecord]) -> None:
    for purpose in ConsentPurpose:
        for org in ("Org A", "Org B", "IOM"):
            mine = [r for r in records if r.purpose is purpose and r.organisation == org]
            found = valid_consent(records, purpose, org, on=LAST_DAY)
            if not mine or mine[-1].action is ConsentAction.WITHDRAW:
                assert found is None
            else:
                assert found == mine[-1]


# --- Documents ----------------------------------------------------------------------------------


def test_load_and_save_by_path_and_text(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    saved = save_case(case(), path)
    assert saved == attrs.evolve(case(), revision=1)  # the first save, returned
    text = path.read_text(encoding="utf-8")
    assert json.loads(text)["schema"] == "terugkeer/case"
    assert load_case(path) == saved
    assert load_case(str(path)) == saved
    assert load_case(text.encode()) == saved
    assert loads(text, CaseFile) == saved
    with pytest.raises(ValidationError) as info:
        load_case(text)  # a str is a path, never guessed to be a document
    assert [p.reason for p in info.value.problems] == ["cannot be read as a file"]


def test_a_crash_mid_write_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "case.json"
    saved = save_case(case(), path)
    before = path.read_bytes()

    def crash(fd: int) -> None:
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "fsync", crash)
    changed = saved.change_phase(ProcessPhase.DECIDING, DAY)
    with pytest.raises(OSError, match="disk pulled out"):
        save_case(changed, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [lock_name("case.json"), "case.json"]


def test_a_file_over_the_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(ValidationError) as info:
        load_case(path)
    assert "larger" in info.value.problems[0].reason


def test_a_missing_file_is_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        load_case(tmp_path / "nope.json")


def test_a_newer_case_version_names_both_versions() -> None:
    current = ser.DOCUMENT_TYPES[CaseFile][1]
    doc = to_document(case())
    doc["version"] = current + 1
    with pytest.raises(ValidationError) as info:
        from_document(doc, CaseFile)
    reason = info.value.problems[0].reason
    assert f"version {current + 1}" in reason and f"version {current}" in reason


def test_an_older_case_document_is_migrated_without_dropping_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A test-only step to a next version: renames a key; every other value arrives unchanged."""
    current = ser.DOCUMENT_TYPES[CaseFile][1]
    old = to_document(case())
    old["id"] = old.pop("case_id")
    newer = {**ser.DOCUMENT_TYPES, CaseFile: ("terugkeer/case", current + 1)}
    monkeypatch.setattr(ser, "DOCUMENT_TYPES", newer)

    def step(body: dict[str, Any]) -> dict[str, Any]:
        body = dict(body)
        body["case_id"] = body.pop("id")
        return body

    migrated = from_document(old, CaseFile, migrations={("terugkeer/case", current): step})
    assert migrated == case()


# --- JSON Schema --------------------------------------------------------------------------------


SCHEMA = json_schema()


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@SLOW
@given(case_files())
def test_generated_documents_satisfy_the_schema(c: CaseFile) -> None:
    # The schema's patterns are ECMA-262's, where U+001C-U+001F and U+0085 are text; the
    # jsonschema package checks them with Python's re, where they are space (as in test_schema).
    doc = replaced(to_document(c), re.compile("[\x1c-\x1f\x85]"))
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)


def _mutations(doc: dict[str, Any]) -> list[dict[str, Any]]:
    wrong_type = json.loads(json.dumps(doc))
    wrong_type["case_id"] = 12
    unknown_key = json.loads(json.dumps(doc))
    unknown_key["client"]["nickname"] = "x"
    out_of_range = json.loads(json.dumps(doc))
    out_of_range["assessments"][0]["ratings"][1] = {
        "factor": "F02", "kind": "scored", "score": 4, "note": ""
    }  # fmt: skip
    float_score = json.loads(json.dumps(out_of_range))
    float_score["assessments"][0]["ratings"][1]["score"] = 2.5
    return [wrong_type, unknown_key, out_of_range, float_score]


def test_mutated_documents_fail_both_the_schema_and_loading() -> None:
    for bad in _mutations(to_document(case())):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, SCHEMA, cls=jsonschema.Draft202012Validator)
        with pytest.raises(ValidationError):
            load_case(json.dumps(bad).encode())


# --- Bad input never crashes --------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=30,
)


@given(JSON)
def test_arbitrary_json_only_raises_validation_errors(value: object) -> None:
    for doc in (value, {"schema": "terugkeer/case", "version": 1, "case_id": value}):
        try:
            load_case(json.dumps(doc).encode())
        except ValidationError as err:
            assert all(p.path.startswith("$") for p in err.problems)


@given(st.binary(max_size=200))
def test_arbitrary_bytes_only_raise_validation_errors(data: bytes) -> None:
    try:
        load_case(data)
    except ValidationError as err:
        assert err.problems


# --- Research export ----------------------------------------------------------------------------


def _identifying(c: CaseFile) -> list[str]:
    found = [c.case_id, c.client.name, c.client.phone, c.client.email, c.client.address]
    found.append(c.plan.organisation.file_number)
    if c.client.date_of_birth is not None:
        found.append(c.client.date_of_birth.isoformat())
    return [s for s in found if s]


@SLOW
@given(case_files())
def test_no_identifying_string_appears_in_the_rows(c: CaseFile) -> None:
    """Research exports are pseudonymised by default (SPEC §0)."""
    tables = case_tables(c, KEY)
    flat = json.dumps(tables, default=str)
    for secret in _identifying(c):
        assert secret not in flat
    assert len(tables["ratings"]) == 19 * len(c.assessments)


def test_rows_are_tidy_and_pseudonymised() -> None:
    tables = case_tables(case(), KEY)
    ratings = tables["ratings"]
    assert {r[0] for r in ratings} == {pseudonym("case-0042", KEY)}
    assert pseudonym("case-0042", KEY) != pseudonym("case-0042", KEY[::-1])
    columns = [c.name for c in table("cases").columns]
    assert tables["cases"][0][columns.index("client_date_of_birth_year")] == 1990
    assert "note" not in [c.name for c in table("ratings").columns]
    assert [r[2] for r in ratings[:19]] == [f"F{n:02d}" for n in range(1, 20)]


def test_notes_only_with_opt_in() -> None:
    c = CaseFile("c").add_assessment(Assessment.build(DAY, {"F02": -3}, notes={"F02": "scared"}))
    assert "scared" not in json.dumps(case_tables(c, KEY))
    options = ResearchOptions(include={FieldGroup.FREE_TEXT})
    columns = [col.name for col in table("ratings", options).columns]
    assert case_tables(c, KEY, options)["ratings"][1][columns.index("note")] == "scared"


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValidationError):
        case_tables(case(), b"short")


# --- Summary and command line -------------------------------------------------------------------


def test_the_summary_puts_the_suicide_steps_first() -> None:
    log = SignalLog().observe(SignalObservation("S.suicide.thoughts", SignalSource.CLIENT, DAY))
    summary = case_summary(case().with_signals(log))
    assert summary.urgent_steps
    assert summary.latest == case().assessments[-1]


def test_schema_validate_and_export_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["schema"]) == 0
    version = ser.DOCUMENT_TYPES[CaseFile][1]
    assert json.loads(capsys.readouterr().out)["title"] == f"terugkeer/case version {version}"
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    save_case(case(), good)
    bad.write_text('{"schema": "terugkeer/case", "version": 1, "case_id": "Zeynep", "x": 1}')
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out.strip().endswith("OK")
    assert main(["validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "$.x: unknown key" in out and "Zeynep" not in out
    monkeypatch.setenv("TERUGKEER_EXPORT_KEY", KEY.decode())
    assert main(["export", "--out", str(tmp_path / "out"), str(good)]) == 0
    lines = (tmp_path / "out" / "ratings.csv").read_text(encoding="utf-8").splitlines()
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.csv"))
    assert len(lines) == 20 and "Sam Example" not in written
    monkeypatch.delenv("TERUGKEER_EXPORT_KEY")
    assert (
        main(["export", "--out", str(tmp_path / "out2"), str(good)]) == 1
    )  # a missing key is invalid input, as the help says


def test_without_client_details_no_part_names_who_entered_it() -> None:
    from terugkeer.stamps import Entered

    entered = Entered(by="counsellor-0042")
    assessment = attrs.evolve(Assessment.build(DAY, {"F02": -3}), entered=entered)
    c = case().add_assessment(assessment)
    c = c.add_consent(give("IOM", CasePart.OVERVIEWS, CasePart.ACTION_PLAN))
    bundle = handover_bundle(c, "IOM", on=DAY)
    assert bundle.assessments and "counsellor-0042" not in dumps(bundle)
    assert bundle.assessments[-1].ratings == assessment.ratings  # only who entered it is gone
    with pytest.raises(ValidationError):  # nor can one be built that names them
        attrs.evolve(bundle, assessments=(*bundle.assessments[:-1], assessment))
    doc = to_document(bundle)
    doc["assessments"][-1]["entered"]["by"] = "counsellor-0042"
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), HandoverBundle)  # a bundle that names them is refused on loading
    assert [p.path for p in info.value.problems] == ["$.assessments"]
