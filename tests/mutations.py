"""Invalid case documents, one rule broken in each: shared by the schema and the fast-path tests."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from terugkeer import to_document
from terugkeer._demo import demo_case
from terugkeer.actionplan import ActivityStatus, ActivityUpdate
from terugkeer.case import CasePart, ConsentPurpose, ConsentRecord, PhaseChange
from terugkeer.context import ProcessPhase, VulnerableCharacteristic
from terugkeer.factors import NewConsideration
from terugkeer.signals import FactorsRecord, SignalObservation, SignalSource

__all__ = ["BOTH", "DAY", "LOADER_ONLY", "Doc", "base_document"]

DAY = dt.date(2026, 3, 2)
Doc = dict[str, Any]


def base_document() -> Doc:
    """The demo case with one of everything the mutations touch."""
    case = demo_case("en")
    plan = case.plan.update_activity(
        ActivityUpdate(0, 1, ActivityStatus.DONE, dt.date(2026, 3, 10)), today=dt.date(2026, 11, 1)
    )
    signals = case.signals.note_factors(FactorsRecord(DAY, ("R.loss",), ("P.friends",))).observe(
        SignalObservation("S.sleep.other", SignalSource.CLIENT, DAY, "wakes at four")
    )
    second = attrs.evolve(
        case.assessments[1], new_considerations=(NewConsideration("mother ill", DAY),)
    )
    case = attrs.evolve(case, assessments=(case.assessments[0], second))
    case = attrs.evolve(case, plan=plan, signals=signals).add_consent(
        ConsentRecord(ConsentPurpose.HANDOVER, "IOM", DAY, parts=(CasePart.OVERVIEWS,))
    )
    case = case.with_context(
        attrs.evolve(
            case.context,
            vulnerable=(VulnerableCharacteristic.AGE,),
            phases=(*case.context.phases, PhaseChange(ProcessPhase.MAKING_PLANS, DAY)),
        )
    )
    return to_document(case)


def _set(path: str, value: Any) -> Callable[[Doc], Doc | None]:
    """A mutation that sets the value at a dotted path (list indexes as numbers)."""

    def mutate(doc: Doc) -> Doc | None:
        doc = copy.deepcopy(doc)
        keys = [int(k) if k.lstrip("-").isdigit() else k for k in path.split(".")]
        target: Any = doc
        try:
            for key in keys[:-1]:
                target = target[key]
            target[keys[-1]] = value(target[keys[-1]]) if callable(value) else value
        except (KeyError, IndexError, TypeError):
            return None  # not applicable to this document
        return doc

    return mutate


#: One mutation per rule that both the schema and the loader enforce.
BOTH: dict[str, Callable[[Doc], Doc | None]] = {
    "client details inside the plan": _set("plan.client", {"name": "Sam"}),
    "unknown key": _set("surprise", 1),
    "unknown factor id": _set("assessments.0.ratings.1.factor", "F99"),
    "18 ratings": _set("assessments.0.ratings", lambda r: r[:-1]),
    "ratings out of book order": _set("assessments.0.ratings", lambda r: [r[0], r[2], r[1], *r[3:]]),
    "scored without a score": _set("assessments.0.ratings.1", lambda r: {**r, "kind": "scored", "score": None}),
    "unscored with a score": _set("assessments.0.ratings.1", lambda r: {**r, "kind": "unscored", "score": 2}),
    "score zero": _set("assessments.0.ratings.1", lambda r: {**r, "kind": "scored", "score": 0}),
    "score 2.5": _set("assessments.0.ratings.1", lambda r: {**r, "kind": "scored", "score": 2.5}),
    "score as text": _set("assessments.0.ratings.1", lambda r: {**r, "kind": "scored", "score": "2"}),
    "unknown rating kind": _set("assessments.0.ratings.1.kind", "maybe"),
    "not a calendar date": _set("assessments.0.assessed_on", "2026-02-30"),
    "date written otherwise": _set("assessments.0.assessed_on", "2026-3-2"),
    "blank case id": _set("case_id", "   "),
    "blank consent organisation": _set("consents.0.organisation", " "),
    "handover consent without parts": _set("consents.0.parts", []),
    "unknown signal id": _set("signals.observations.0.signal", "S.nothing"),
    "other signal without a note": _set("signals.observations.3.note", ""),
    "unknown risk factor": _set("signals.factors.0.risk", ["R.nothing"]),
    "risk factor twice": _set("signals.factors.0.risk", ["R.loss", "R.loss"]),
    "vulnerable characteristic twice": _set("context.vulnerable", ["age", "age"]),
    "negative amount": _set("health.0.medicines.0.cost.cost.amount", "-1.00"),
    "unknown currency": _set("health.0.medicines.0.cost.cost.currency", "XYZ"),
    "amount with an exponent": _set("health.0.medicines.0.cost.cost.amount", "1e3"),
    "activity number 0": _set("plan.activity_updates.0.activity", 0),
    "not done without a reason": _set("plan.activity_updates.0", lambda u: {**u, "status": "not_done", "reason": ""}),
    "negative referral index": _set("signals.steps.0.referral", -1),
    "121 months": _set("plan.monitoring.months", 121),
    "negative revision": _set("revision", -1),
    "blank new consideration": _set("assessments.1.new_considerations.0.name", " "),
}  # fmt: skip

#: Rules only the loader can check: they compare fields or records, or need the clock.
LOADER_ONLY: dict[str, Callable[[Doc], Doc | None]] = {
    "assessments out of date order": _set("assessments", lambda a: [a[1], a[0]]),
    "Overview 3 row differs from its assessment": _set("weighty_factors.0.rating.score", -3),
    "next appointment before the appointment": _set("plan.appointments.0.next_on", "2026-01-01"),
    "a whole-number float as a score": _set("assessments.0.ratings.1", lambda r: {**r, "kind": "scored", "score": 2.0}),
    "update of an appointment that does not exist": _set("plan.activity_updates.0.appointment", 5),
    "a source checked in the future": _set("health.0.medicines.0.available.source.checked_on", "2999-01-01"),
    "new consideration raised after the assessment": _set("assessments.1.new_considerations.0.raised_on", "2027-01-01"),
    "phases out of date order": _set("context.phases", lambda p: [*p, {"phase": "deciding", "on": "2020-01-01"}]),
    "referral step before the earlier step": _set("signals.steps.0.step", "consult"),
}  # fmt: skip
