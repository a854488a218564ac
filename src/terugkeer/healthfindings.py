"""What a health checklist shows: care gaps, network, open handover items, unverified answers.

Each :class:`HealthFinding` names the rule of the methodology it comes from (``rule``) and the place
in the checklist it is about (``path``), so a tool can link back to the question. Findings support
the counsellor's work; they are not a medical judgement.

Section 7 of the plan, derived from checklists, is :func:`terugkeer.planning.plan_health_section`.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ._labelled import LabelledEnum
from ._types import optional
from .answers import Answer
from .health import (
    Facility,
    HealthChecklist,
    Medicine,
    SourcedAnswer,
    SourcedCost,
    SourcedText,
    SourceKind,
)

__all__ = [
    "ART64_NOTE",
    "CareDimension",
    "FindingKind",
    "HealthFinding",
    "finding_rows",
    "health_findings",
]


class CareDimension(LabelledEnum):
    """The triad of §5.3: care must be there, reachable and payable."""

    AVAILABLE = "available"
    ACCESSIBLE = "accessible"
    AFFORDABLE = "affordable"


class FindingKind(LabelledEnum):
    """The kinds of finding, each tied to the book (see :attr:`HealthFinding.rule`)."""

    CARE_GAP = "care_gap"  #: answered *no*: not there, not reachable or not payable
    CARE_UNKNOWN = "care_unknown"  #: answered *unknown*, or not answered yet
    NO_NETWORK = "no_network"  #: return may be very problematic: consult a return organisation
    #: not known yet whether a network exists: it matters as much as care itself (B5)
    NETWORK_UNKNOWN = "network_unknown"
    NETWORK_UNAWARE = "network_unaware"  #: the network does not know about the condition
    CAPACITY_DOUBT = "capacity_doubt"  #: a doctor or psychiatrist must assess decision capacity
    HANDOVER_OPEN = "handover_open"  #: a part of the medical handover is not settled
    UNVERIFIED = "unverified"  #: an answer without a source
    #: whether medical escort is needed was answered, but not by a doctor: a doctor judges it
    ESCORT_NOT_JUDGED = "escort_not_judged"


#: The rule each kind of finding comes from.
RULES: dict[FindingKind, str] = {
    FindingKind.CARE_GAP: "B5, §5.3",
    FindingKind.CARE_UNKNOWN: "B5, §5.3",
    FindingKind.NO_NETWORK: "B5",
    FindingKind.NETWORK_UNAWARE: "B5",
    FindingKind.CAPACITY_DOUBT: "B5, §5.2",
    FindingKind.HANDOVER_OPEN: "B5",
    FindingKind.UNVERIFIED: "B5",
    FindingKind.NETWORK_UNKNOWN: "B5",
    FindingKind.ESCORT_NOT_JUDGED: "B5",
}


@attrs.frozen(weakref_slot=False)
class HealthFinding:
    """One thing the checklist shows, where it shows it, and the rule behind it."""

    kind: FindingKind
    path: str  #: JSON path into the checklist, e.g. ``$.medicines[0].reachable``
    dimension: CareDimension | None = None  #: for care gaps
    answer: Answer | None = None  #: the answer that led to the finding, if any

    @property
    def rule(self) -> str:
        """The rule of the methodology this finding comes from."""
        return RULES[self.kind]

    @property
    def message_id(self) -> str:
        """Message id of the finding's explanation."""
        return f"HealthFinding.{self.kind.value}"

    @property
    def title_message_id(self) -> str:
        """Message id of the finding's short title: a care gap says which side of the triad is
        missing (the care itself, its reach, or its cost), never "care is missing" for all."""
        if self.kind is FindingKind.CARE_GAP and self.dimension is not None:
            return f"FindingKind.care_gap.{self.dimension.value}"
        return self.kind.message_id

    @property
    def note_message_id(self) -> str | None:
        """A note to show with the finding: for gaps in reach or cost, what art. 64 checks.

        The medical advice in an article 64 procedure checks whether care is present in the
        country of origin, not whether it is reachable and accessible (§5.3).
        """
        if self.dimension is None or self.dimension is CareDimension.AVAILABLE:
            return None
        return ART64_NOTE


#: Message id of the article 64 note shown with gaps in reach or cost (§5.3).
ART64_NOTE = "HealthFinding.art64_note"


# The rules below read enum members from these names: a member read through its class goes
# through the enum's metaclass each time, several times the cost of a global.
_YES, _NO = Answer.YES, Answer.NO
_CARE_GAP, _CARE_UNKNOWN = FindingKind.CARE_GAP, FindingKind.CARE_UNKNOWN
_HANDOVER_OPEN = FindingKind.HANDOVER_OPEN
_AVAILABLE, _ACCESSIBLE = CareDimension.AVAILABLE, CareDimension.ACCESSIBLE
_AFFORDABLE = CareDimension.AFFORDABLE


#: What a finding is made into: a :class:`HealthFinding`, or a plain tuple of its fields.
_Make = Callable[[FindingKind, str, "CareDimension | None", "Answer | None"], Any]


def _care_gaps(
    items: tuple[Medicine | Facility, ...], at: str, make: _Make, found: list[Any]
) -> None:
    """A finding per dimension of the triad not answered *yes*: a gap when answered *no*, not
    known yet otherwise. (The three dimensions are written out: a loop over them, with a
    ``getattr`` each, cost about half of a checklist's findings.)"""
    for i, item in enumerate(items):
        if (answer := item.available.answer) is not _YES:
            kind = _CARE_GAP if answer is _NO else _CARE_UNKNOWN
            found.append(make(kind, f"{at}[{i}].available", _AVAILABLE, answer))
        if (answer := item.reachable.answer) is not _YES:
            kind = _CARE_GAP if answer is _NO else _CARE_UNKNOWN
            found.append(make(kind, f"{at}[{i}].reachable", _ACCESSIBLE, answer))
        if (answer := item.affordable.answer) is not _YES:
            kind = _CARE_GAP if answer is _NO else _CARE_UNKNOWN
            found.append(make(kind, f"{at}[{i}].affordable", _AFFORDABLE, answer))


def _handover(checklist: HealthChecklist, make: _Make, found: list[Any]) -> None:
    """A finding per part of the medical handover not settled, in field order: arranged,
    records taken over and the medical passport are settled by *yes*; medication stock by an
    answer of *yes* or *no*; escort by *yes* or *no* from a physician (a doctor judges it, B5);
    the receiving doctor by a doctor's or a facility's name."""
    h = checklist.handover
    if (answer := h.arranged.answer) is not _YES:
        found.append(make(_HANDOVER_OPEN, "$.handover.arranged", None, answer))
    if not (h.receiving_doctor.text or h.receiving_facility.text):
        found.append(make(_HANDOVER_OPEN, "$.handover.receiving_doctor", None, None))
    if (answer := h.records_taken_over.answer) is not _YES:
        found.append(make(_HANDOVER_OPEN, "$.handover.records_taken_over", None, answer))
    if (answer := h.medication_stock.answer) is not _YES and answer is not _NO:
        found.append(make(_HANDOVER_OPEN, "$.handover.medication_stock", None, answer))
    escort = h.escort_needed
    if (answer := escort.answer) is not _YES and answer is not _NO:
        found.append(make(_HANDOVER_OPEN, "$.handover.escort_needed", None, answer))
    elif escort.source is None or escort.source.kind is not SourceKind.PHYSICIAN:
        found.append(make(FindingKind.ESCORT_NOT_JUDGED, "$.handover.escort_needed", None, answer))
    if (answer := h.medical_passport.answer) is not _YES:
        found.append(make(_HANDOVER_OPEN, "$.handover.medical_passport", None, answer))


#: A sourced type's rule: whether a value holds an answer, and the answer a finding carries.
_Sourced = tuple[Callable[[Any], bool], Callable[[Any], "Answer | None"]]

#: Per sourced type: whether it holds an answer (an unanswered one needs no source), and the
#: answer a finding about it carries.
_SOURCED: dict[type, _Sourced] = {
    SourcedAnswer: (lambda v: v.answer is not None, lambda v: v.answer),
    SourcedText: (lambda v: bool(v.text), lambda v: None),
    SourcedCost: (lambda v: v.cost is not None, lambda v: None),
}


@functools.cache
def _sourced_fields(cls: Any) -> tuple[tuple[str, bool, _Sourced | None], ...]:
    """The fields of the record class ``cls`` that hold sourced values or records with them,
    in field order: each with whether it is a list, and its sourced type's rule (None for a
    record to walk into)."""
    hints = typing.get_type_hints(cls)
    found: list[tuple[str, bool, _Sourced | None]] = []
    for f in attrs.fields(cls):
        t, _ = optional(hints[f.name])
        many = typing.get_origin(t) is tuple
        if many:
            t = typing.get_args(t)[0]
        if t in _SOURCED:
            found.append((f.name, many, _SOURCED[t]))
        elif isinstance(t, type) and attrs.has(t) and _sourced_fields(t):
            found.append((f.name, many, None))
    return tuple(found)


def _unverified(value: Any, path: str, make: _Make, found: list[Any]) -> None:
    """A finding for every answered sourced value below the record ``value`` (at ``path``) that
    names no source, in field order."""
    for name, many, sourced in _sourced_fields(value.__class__):
        child = getattr(value, name)
        for i, item in enumerate(child) if many else ((-1, child),):
            if sourced is None:
                if item is not None:
                    _unverified(item, _at(path, name, i), make, found)
            elif item is not None and item.source is None and sourced[0](item):
                at = _at(path, name, i)
                found.append(make(FindingKind.UNVERIFIED, at, None, sourced[1](item)))


def _at(path: str, name: str, i: int) -> str:
    """The path of field ``name`` below ``path``, or of its item ``i`` (when 0 or more)."""
    return f"{path}.{name}" if i < 0 else f"{path}.{name}[{i}]"


def health_findings(checklist: HealthChecklist) -> tuple[HealthFinding, ...]:
    """Every finding of a checklist: care gaps, unknowns, network, capacity, handover, unverified.

    A triad answer of *no* is a gap; *unknown* or no answer is "not known yet" (never the same
    finding: a verified no is not reported as possibly unknown).

    >>> from terugkeer import HealthChecklist
    >>> from terugkeer.answers import Answer
    >>> from terugkeer.health import ComplaintKind, Medicine, SourcedAnswer
    >>> c = HealthChecklist(
    ...     ComplaintKind.PHYSICAL, "asthma",
    ...     medicines=(Medicine("salbutamol", available=SourcedAnswer(Answer.NO)),),
    ... )
    >>> [(f.kind.value, f.path) for f in health_findings(c)][:2]
    [('care_gap', '$.medicines[0].available'), ('care_unknown', '$.medicines[0].reachable')]
    """
    return tuple(_findings(checklist, HealthFinding))


def finding_rows(
    checklist: HealthChecklist,
) -> tuple[tuple[FindingKind, str, CareDimension | None, Answer | None], ...]:
    """The findings of :func:`health_findings` as plain tuples ``(kind, path, dimension,
    answer)``, in the same order: for analyses over many checklists, without a record each.

    >>> from terugkeer import HealthChecklist
    >>> from terugkeer.health import ComplaintKind
    >>> finding_rows(HealthChecklist(ComplaintKind.PHYSICAL, "asthma"))[0][:2]
    (<FindingKind.NETWORK_UNKNOWN: 'network_unknown'>, '$.network.exists')
    """
    return tuple(_findings(checklist, _row))


def _row(
    kind: FindingKind, path: str, dimension: CareDimension | None, answer: Answer | None
) -> tuple[FindingKind, str, CareDimension | None, Answer | None]:
    return kind, path, dimension, answer


def _findings(checklist: HealthChecklist, make: _Make) -> list[Any]:
    """Every finding of ``checklist``, in order, each made by ``make`` from its four fields."""
    findings: list[Any] = []
    _care_gaps(checklist.medicines, "$.medicines", make, findings)
    _care_gaps(checklist.facilities, "$.facilities", make, findings)
    network = checklist.network
    if (answer := network.exists.answer) is _NO:
        findings.append(make(FindingKind.NO_NETWORK, "$.network.exists", None, _NO))
    elif answer is not _YES:  # unknown or not asked yet: without a network return is hard
        findings.append(make(FindingKind.NETWORK_UNKNOWN, "$.network.exists", None, answer))
    if network.knows_condition.answer is _NO:
        findings.append(make(FindingKind.NETWORK_UNAWARE, "$.network.knows_condition", None, _NO))
    if checklist.decision_capacity.doubt.answer is _YES:
        findings.append(make(FindingKind.CAPACITY_DOUBT, "$.decision_capacity.doubt", None, _YES))
    _handover(checklist, make, findings)
    _unverified(checklist, "$", make, findings)
    return findings
