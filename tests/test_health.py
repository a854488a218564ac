"""The health checklist: sourced answers, money without floats, findings that cite their rule."""

from __future__ import annotations

import datetime as dt
import json
import typing
from decimal import Decimal

import attrs
import pytest
from babel.numbers import list_currencies
from hypothesis import given

from terugkeer import ActionPlan, HealthChecklist, ValidationError, label, loads, to_document
from terugkeer.answers import Answer
from terugkeer.catalogues.currency_rows import CURRENCY_CODES
from terugkeer.health import (
    CHECKLIST_QUESTIONS,
    ComplaintKind,
    DecisionCapacity,
    Facility,
    HealthHandover,
    Medicine,
    Money,
    Network,
    Source,
    SourcedAnswer,
    SourcedCost,
    SourcedText,
    SourceKind,
)
from terugkeer.healthfindings import CareDimension, FindingKind, finding_rows, health_findings
from terugkeer.planning import monitoring_advice, plan_health_section
from terugkeer.testing import health_checklists

DOCTOR = Source(
    SourceKind.PHYSICIAN, "a GP in the capital", "phone note", dt.date(2026, 3, 1), True
)


def yes() -> SourcedAnswer:
    return SourcedAnswer(Answer.YES, DOCTOR)


def test_currency_codes_match_babel() -> None:
    assert frozenset(list_currencies()) == CURRENCY_CODES


@pytest.mark.parametrize(
    ("amount", "currency", "path"),
    [
        (Decimal("-1"), "EUR", "$.amount"),
        (Decimal("NaN"), "EUR", "$.amount"),
        (2.5, "EUR", "$.amount"),
        (Decimal("1"), "XYZ", "$.currency"),
        (Decimal("1"), "eur", "$.currency"),
    ],
)
def test_bad_money_is_refused(amount: object, currency: str, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        Money(amount, currency)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == [path]


@pytest.mark.parametrize("amount", [12.5, 12, "12,50", "-3", "1e3", None, "-0", "-0.00"])
def test_money_in_a_document_must_be_a_decimal_string(amount: object) -> None:
    doc = to_document(Money(Decimal("12.50"), "AFN"))
    doc["amount"] = amount
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), Money)
    assert [p.path for p in info.value.problems] == ["$.amount"]


def test_money_keeps_exact_decimals() -> None:
    money = Money(Decimal("1E+2"), "EUR")
    assert to_document(money)["amount"] == "100"
    assert loads(json.dumps(to_document(Money(Decimal("0.10"), "EUR"))), Money).amount == Decimal(
        "0.10"
    )


def test_a_check_in_the_future_is_refused_against_the_today_given() -> None:
    day = dt.date(2026, 3, 2)
    with pytest.raises(ValidationError) as info:
        Source.build(SourceKind.DOCUMENT, today=day, checked_on=day + dt.timedelta(days=1))
    assert [p.path for p in info.value.problems] == ["$.checked_on"]
    assert Source.build(SourceKind.DOCUMENT, today=day, checked_on=day).checked_on == day
    # The record reads no clock: built in Python, a date is a date (as an appointment's is).
    assert Source(SourceKind.DOCUMENT, checked_on=dt.date(2999, 1, 1)).checked_on is not None
    doc = to_document(DOCTOR)
    doc["checked_on"] = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError):  # a document read takes the reader's today
        loads(json.dumps(doc), Source)


def test_a_read_takes_the_today_its_reader_gives() -> None:
    from terugkeer.documents.converter import structure

    doc = {**to_document(DOCTOR), "checked_on": "2026-03-03"}
    for envelope in ("schema", "version"):
        doc.pop(envelope, None)
    assert structure(doc, Source, today=dt.date(2026, 3, 3)).checked_on == dt.date(2026, 3, 3)
    with pytest.raises(ValidationError):
        structure(doc, Source, today=dt.date(2026, 3, 2))


def test_an_answer_without_a_source_is_kept_but_unverified() -> None:
    checklist = HealthChecklist(
        ComplaintKind.PHYSICAL, network=Network(exists=SourcedAnswer(Answer.YES))
    )
    assert checklist.network.exists.answer is Answer.YES
    unverified = [f for f in health_findings(checklist) if f.kind is FindingKind.UNVERIFIED]
    assert [f.path for f in unverified] == ["$.network.exists"]


def _unsourced_answers(node: object, path: str = "$") -> list[str]:
    """The JSON paths of the document's answered sourced values that name no source."""
    found: list[str] = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            found += _unsourced_answers(item, f"{path}[{i}]")
    elif isinstance(node, dict):
        if "source" in node:
            answered = node.get("answer") is not None or node.get("text") or node.get("cost")
            return [path] if answered and node["source"] is None else []
        for name, value in node.items():
            found += _unsourced_answers(value, f"{path}.{name}")
    return found


@given(health_checklists())
def test_every_answer_without_a_source_is_one_unverified_finding_at_its_path(
    checklist: HealthChecklist,
) -> None:
    """Read from the written document: each answered, unsourced value, in document order."""
    document = to_document(checklist)
    expected = _unsourced_answers({k: v for k, v in document.items() if k != "version"})
    unverified = [f.path for f in health_findings(checklist) if f.kind is FindingKind.UNVERIFIED]
    assert unverified == expected


@given(health_checklists())
def test_every_gap_on_the_triad_gives_exactly_one_finding(checklist: HealthChecklist) -> None:
    """Each no, unknown or unanswered on the triad is one finding; a no is a gap, the rest is
    "not known yet", so a verified no is never reported as unknown (B5, §5.3)."""
    care = (FindingKind.CARE_GAP, FindingKind.CARE_UNKNOWN)
    gaps = [f for f in health_findings(checklist) if f.kind in care]
    expected = []
    for block, items in (("medicines", checklist.medicines), ("facilities", checklist.facilities)):
        for i, item in enumerate(items):
            for dim, name in (
                (CareDimension.AVAILABLE, "available"),
                (CareDimension.ACCESSIBLE, "reachable"),
                (CareDimension.AFFORDABLE, "affordable"),
            ):
                answer = getattr(item, name).answer
                if answer is not Answer.YES:
                    kind = FindingKind.CARE_GAP if answer is Answer.NO else FindingKind.CARE_UNKNOWN
                    expected.append((f"$.{block}[{i}].{name}", dim, kind))
    assert [(g.path, g.dimension, g.kind) for g in gaps] == expected


@given(health_checklists())
def test_finding_rows_are_the_findings_as_tuples(checklist: HealthChecklist) -> None:
    """The same findings, in the same order, each as (kind, path, dimension, answer)."""
    found = [(f.kind, f.path, f.dimension, f.answer) for f in health_findings(checklist)]
    assert list(finding_rows(checklist)) == found


@given(health_checklists("all_clear"))
def test_an_all_clear_checklist_has_no_findings(checklist: HealthChecklist) -> None:
    """Fully answered, sourced, all yes, network and handover arranged: nothing to report."""
    assert health_findings(checklist) == ()


@given(health_checklists())
def test_every_finding_cites_its_rule_and_points_into_the_checklist(
    checklist: HealthChecklist,
) -> None:
    """Citations name the book's appendix 5 (and its sections), never a file that does not ship."""
    for finding in health_findings(checklist):
        assert finding.rule.startswith("B5")
        assert "SPEC" not in finding.rule
        assert finding.path.startswith("$.")


def test_no_network_unaware_network_and_capacity_doubt() -> None:
    checklist = HealthChecklist(
        ComplaintKind.PSYCHOLOGICAL,
        network=Network(SourcedAnswer(Answer.NO, DOCTOR), SourcedAnswer(Answer.NO, DOCTOR)),
        decision_capacity=DecisionCapacity(SourcedAnswer(Answer.YES, DOCTOR)),
    )
    kinds = [f.kind for f in health_findings(checklist)]
    assert FindingKind.NO_NETWORK in kinds
    assert FindingKind.NETWORK_UNAWARE in kinds
    assert FindingKind.CAPACITY_DOUBT in kinds


def test_open_handover_items_are_listed() -> None:
    handover = HealthHandover(
        arranged=yes(),
        receiving_facility=SourcedText("a district hospital", DOCTOR),
        records_taken_over=yes(),
        escort_needed=SourcedAnswer(Answer.UNKNOWN, DOCTOR),
    )
    checklist = HealthChecklist(ComplaintKind.PHYSICAL, handover=handover)
    open_items = [f.path for f in health_findings(checklist) if f.kind is FindingKind.HANDOVER_OPEN]
    assert open_items == [
        "$.handover.medication_stock",
        "$.handover.escort_needed",
        "$.handover.medical_passport",
    ]


HANDOVER_SETTLED_BY = {
    "arranged": {Answer.YES},
    "records_taken_over": {Answer.YES},
    "medication_stock": {Answer.YES, Answer.NO},  # a stock or not: either way it is known
    "escort_needed": {Answer.YES, Answer.NO},
    "medical_passport": {Answer.YES},
}


@pytest.mark.parametrize("part", HANDOVER_SETTLED_BY)
@pytest.mark.parametrize("answer", [*Answer, None])
def test_a_handover_part_stays_open_until_the_answer_that_settles_it(
    part: str, answer: Answer | None
) -> None:
    sourced = SourcedAnswer(answer, None if answer is None else DOCTOR)
    changes: dict[str, typing.Any] = {part: sourced}
    handover = attrs.evolve(HealthHandover(), **changes)
    checklist = HealthChecklist(ComplaintKind.PHYSICAL, handover=handover)
    path = f"$.handover.{part}"
    found = [(f.kind, f.answer) for f in health_findings(checklist) if f.path == path]
    settled = answer in HANDOVER_SETTLED_BY[part]
    assert found == ([] if settled else [(FindingKind.HANDOVER_OPEN, answer)])


@pytest.mark.parametrize(
    ("doctor", "facility", "open_"),
    [("", "", True), ("dr. A", "", False), ("", "a clinic", False), ("dr. A", "a clinic", False)],
)
def test_the_receiving_doctor_is_settled_by_a_doctor_or_a_facility(
    doctor: str, facility: str, open_: bool
) -> None:
    handover = HealthHandover(
        receiving_doctor=SourcedText(doctor, DOCTOR if doctor else None),
        receiving_facility=SourcedText(facility, DOCTOR if facility else None),
    )
    checklist = HealthChecklist(ComplaintKind.PHYSICAL, handover=handover)
    paths = [f.path for f in health_findings(checklist) if f.kind is FindingKind.HANDOVER_OPEN]
    assert ("$.handover.receiving_doctor" in paths) is open_


def test_section_seven_is_derived_from_the_checklists() -> None:
    physical = HealthChecklist(
        ComplaintKind.PHYSICAL,
        "hypertension",
        medicines=(Medicine("amlodipine", available=yes(), reachable=yes(), affordable=yes()),),
        facilities=(Facility("cardiology clinic", available=SourcedAnswer(Answer.NO, DOCTOR)),),
    )
    section = plan_health_section([physical])
    assert section.physical.complaints is Answer.YES
    assert section.physical.care_available is Answer.NO
    assert section.physical.care_reachable is Answer.UNKNOWN
    assert section.psychological.complaints is None
    plan = ActionPlan().with_section(health=section)
    assert plan.health == section


@given(health_checklists())
def test_derived_section_seven_never_contradicts_the_checklist(checklist: HealthChecklist) -> None:
    care = getattr(plan_health_section([checklist]), checklist.kind.value)
    assert care.complaints is Answer.YES
    items: list[Medicine | Facility] = [*checklist.medicines, *checklist.facilities]
    if any(i.available.answer is Answer.NO for i in items):
        assert care.care_available is Answer.NO
    if items and all(i.available.answer is Answer.YES for i in items):
        assert care.care_available is Answer.YES


def test_a_health_condition_means_twelve_months_of_monitoring() -> None:
    checklist = HealthChecklist(ComplaintKind.PHYSICAL, "asthma")
    advice = monitoring_advice(ActionPlan(), [checklist])
    assert advice.advised_months == 12
    assert advice.basis == ("§4.12", "§2.3")
    assert monitoring_advice(ActionPlan()).advised_months is None


def test_every_checklist_question_has_a_typed_home_and_labels() -> None:
    hints = typing.get_type_hints(HealthChecklist)
    for question in CHECKLIST_QUESTIONS:
        head, *rest = question.path.split(".")
        annotation = hints[head]
        for part in rest:
            if typing.get_origin(annotation) is tuple:
                annotation = typing.get_args(annotation)[0]
            annotation = typing.get_type_hints(annotation)[part]
        assert annotation is not None
        for locale in ("nl", "en"):
            assert label(question, locale) != question.message_id
    assert len({q.id for q in CHECKLIST_QUESTIONS}) == len(CHECKLIST_QUESTIONS)


def test_checklists_round_trip() -> None:
    checklist = HealthChecklist(
        ComplaintKind.PHYSICAL,
        "asthma",
        medicines=(Medicine("salbutamol", cost=SourcedCost(Money(Decimal("3.20"), "EUR"))),),
    )
    assert loads(json.dumps(to_document(checklist)), HealthChecklist) == checklist


def _findings_at(checklist: HealthChecklist, path: str) -> list[FindingKind]:
    found = health_findings(checklist)
    return [f.kind for f in found if f.path == path and f.kind is not FindingKind.UNVERIFIED]


def test_a_gap_in_reach_or_cost_is_not_called_missing_care() -> None:
    # Issue 31: "[zorg ontbreekt]" was printed for care that is there but out of reach or too dear
    # (book: B5 and §5.3 keep present, reachable and affordable apart).
    from terugkeer.health import Medicine
    from terugkeer.i18n import Texts
    from terugkeer.reports.text import health_lines

    medicine = Medicine(
        "insulin",
        available=SourcedAnswer(Answer.YES),
        reachable=SourcedAnswer(Answer.NO),
        affordable=SourcedAnswer(Answer.NO),
    )
    checklist = HealthChecklist(ComplaintKind.PHYSICAL, "diabetes", medicines=(medicine,))
    from terugkeer.health import CHECKLIST_QUESTIONS
    from terugkeer.reports.blocks import Table, plain, sections
    from terugkeer.reports.pages import health_checklist

    texts = Texts("nl")
    printed = " ".join(" ".join(health_lines(checklist, texts)).split())
    assert "zorg ontbreekt" not in printed and "$." not in printed
    found = next(x for x in sections((health_checklist(checklist, texts),)) if "findings" in x.id)
    table = found.blocks[0]
    assert isinstance(table, Table)
    rows = {plain(r.cells[0].text): plain(r.cells[1].text) for r in table.body}
    question = {q.id: texts.label(q) for q in CHECKLIST_QUESTIONS}
    # Each finding names the medicine and the question, in words, never a JSON path.
    reach = rows[f"insulin – {question['H.medicine.reachable']}"].split("; ")
    cost = rows[f"insulin – {question['H.medicine.affordable']}"].split("; ")
    assert reach == ["zorg niet bereikbaar", "antwoord zonder bron"]  # both, at one place
    assert cost == ["zorg niet te betalen", "antwoord zonder bron"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (None, [FindingKind.ESCORT_NOT_JUDGED]),
        (Source(SourceKind.CLIENT), [FindingKind.ESCORT_NOT_JUDGED]),
        (Source(SourceKind.ORGANISATION, "IOM"), [FindingKind.ESCORT_NOT_JUDGED]),
        (Source(SourceKind.PHYSICIAN, "GP"), []),
    ],
)
def test_escort_is_settled_only_by_a_doctor(source: Source | None, expected: list[object]) -> None:
    # Book B5: whether medical escort is needed on the journey is for a doctor to judge.
    for answer in (Answer.YES, Answer.NO):
        handover = HealthHandover(escort_needed=SourcedAnswer(answer, source))
        checklist = HealthChecklist(ComplaintKind.PHYSICAL, "x", handover=handover)
        assert _findings_at(checklist, "$.handover.escort_needed") == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (None, [FindingKind.NETWORK_UNKNOWN]),
        (Answer.UNKNOWN, [FindingKind.NETWORK_UNKNOWN]),
        (Answer.NO, [FindingKind.NO_NETWORK]),
        (Answer.YES, []),
    ],
)
def test_a_network_not_yet_known_is_a_finding(
    answer: Answer | None, expected: list[object]
) -> None:
    # Book B5: without a network return can become very problematic; not knowing is open work.
    checklist = HealthChecklist(ComplaintKind.PHYSICAL, "x", network=Network(SourcedAnswer(answer)))
    assert _findings_at(checklist, "$.network.exists") == expected
