"""What a health checklist shows: care gaps, network, open handover items, unverified answers.

Each :class:`HealthFinding` names the rule of the methodology it comes from (``rule``) and the place
in the checklist it is about (``path``), so a tool can link back to the question. Findings support
the counsellor's work; they are not a medical judgement.

Section 7 of the plan, derived from checklists, is :func:`terugkeer.planning.plan_health_section`.
"""

from __future__ import annotations

import functools
import itertools
import typing
from collections.abc import Callable, Iterator
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
    NETWORK_UNAWARE = "network_unaware"  #: the network does not know about the condition
    CAPACITY_DOUBT = "capacity_doubt"  #: a doctor or psychiatrist must assess decision capacity
    HANDOVER_OPEN = "handover_open"  #: a part of the medical handover is not settled
    UNVERIFIED = "unverified"  #: an answer without a source


#: The rule each kind of finding comes from.
RULES: dict[FindingKind, str] = {
    FindingKind.CARE_GAP: "B5, §5.3",
    FindingKind.CARE_UNKNOWN: "B5, §5.3",
    FindingKind.NO_NETWORK: "B5",
    FindingKind.NETWORK_UNAWARE: "B5",
    FindingKind.CAPACITY_DOUBT: "B5, §5.2",
    FindingKind.HANDOVER_OPEN: "B5",
    FindingKind.UNVERIFIED: "B5",
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
    records taken over and the medical passport are settled by *yes*; medication stock and
    escort by an answer of *yes* or *no*; the receiving doctor by a doctor's or a facility's
    name."""
    h = checklist.handover
    if (answer := h.arranged.answer) is not _YES:
        found.append(make(_HANDOVER_OPEN, "$.handover.arranged", None, answer))
    if not (h.receiving_doctor.text or h.receiving_facility.text):
        found.append(make(_HANDOVER_OPEN, "$.handover.receiving_doctor", None, None))
    if (answer := h.records_taken_over.answer) is not _YES:
        found.append(make(_HANDOVER_OPEN, "$.handover.records_taken_over", None, answer))
    if (answer := h.medication_stock.answer) is not _YES and answer is not _NO:
        found.append(make(_HANDOVER_OPEN, "$.handover.medication_stock", None, answer))
    if (answer := h.escort_needed.answer) is not _YES and answer is not _NO:
        found.append(make(_HANDOVER_OPEN, "$.handover.escort_needed", None, answer))
    if (answer := h.medical_passport.answer) is not _YES:
        found.append(make(_HANDOVER_OPEN, "$.handover.medical_passport", None, answer))


#: Per sourced type: when it holds an answer (an unanswered one needs no source), and the
#: answer a finding about it carries, as expressions of the value ``{v}``.
_SOURCED: dict[type, tuple[str, str]] = {
    SourcedAnswer: ("{v}.answer is not None", "{v}.answer"),
    SourcedText: ("{v}.text", "None"),
    SourcedCost: ("{v}.cost is not None", "None"),
}


def _walk_lines(expr: str, t: Any, path: str, indent: str, temps: Iterator[int]) -> list[str]:
    """Lines adding, in field order, a finding for every answered sourced value below ``expr``
    (of type ``t``, at the JSON path the f-string text ``path`` gives) that names no source."""
    n = next(temps)
    if t in _SOURCED:
        answered, answer = (part.format(v=f"_v{n}") for part in _SOURCED[t])
        return [
            f"{indent}_v{n} = {expr}",
            f"{indent}if {answered} and _v{n}.source is None:",
            f"{indent}    found.append(make(_UNVERIFIED, f{path!r}, None, {answer}))",
        ]
    inner, nullable = optional(t)
    if nullable:
        body = _walk_lines(f"_v{n}", inner, path, indent + "    ", temps)
        return [f"{indent}_v{n} = {expr}", f"{indent}if _v{n} is not None:", *body] if body else []
    if typing.get_origin(t) is tuple:
        item = typing.get_args(t)[0]
        body = _walk_lines(f"_v{n}", item, path + f"[{{_i{n}}}]", indent + "    ", temps)
        return [f"{indent}for _i{n}, _v{n} in enumerate({expr}):", *body] if body else []
    if isinstance(t, type) and attrs.has(t):
        hints = typing.get_type_hints(t)
        lines = [f"{indent}_v{n} = {expr}"]
        for f in attrs.fields(t):
            at = f"{path}.{f.name}"
            lines += _walk_lines(f"_v{n}.{f.name}", hints[f.name], at, indent, temps)
        return lines if len(lines) > 1 else []
    if typing.get_origin(t) is None and isinstance(t, type):  # a plain value: nothing below
        return []
    raise TypeError(f"no walk through {t!r}")  # a new kind of field: teach the walker first


@functools.cache
def _unverified_walker() -> Callable[[HealthChecklist, list[Any], _Make], None]:
    """One generated function walking a checklist's sourced values (generated on first use)."""
    lines = ["def walk(checklist, found, make):"]
    lines += _walk_lines("checklist", HealthChecklist, "$", "    ", itertools.count())
    namespace: dict[str, Any] = {"_UNVERIFIED": FindingKind.UNVERIFIED}
    exec(compile("\n".join(lines), "<terugkeer unverified walk>", "exec"), namespace)
    return typing.cast("Callable[[HealthChecklist, list[Any], _Make], None]", namespace["walk"])


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
    (<FindingKind.HANDOVER_OPEN: 'handover_open'>, '$.handover.arranged')
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
    if network.exists.answer is _NO:
        findings.append(make(FindingKind.NO_NETWORK, "$.network.exists", None, _NO))
    if network.knows_condition.answer is _NO:
        findings.append(make(FindingKind.NETWORK_UNAWARE, "$.network.knows_condition", None, _NO))
    if checklist.decision_capacity.doubt.answer is _YES:
        findings.append(make(FindingKind.CAPACITY_DOUBT, "$.decision_capacity.doubt", None, _YES))
    _handover(checklist, make, findings)
    _unverified_walker()(checklist, findings, make)
    return findings
