"""The case file: everything about one client in one immutable, versioned record.

Identifying data live in one place (:attr:`CaseFile.client`); history is never rewritten: dated
assessments, appointments, signals and consents only grow. Every change returns a new case file.
Consent gates what leaves the file: :func:`handover_bundle` returns only what the client agreed
to share with that organisation (book §4.11, §4.7, Bijlage 6).
"""

from __future__ import annotations

import copy
import datetime as dt
import typing
from collections.abc import Sequence

import attrs

from . import _fields
from ._checks import check_unique, validated
from ._labelled import LabelledEnum
from .actionplan import ActionPlan, ClientInfo, FamilyMemberView, HealthSection
from .context import (
    Alternative,
    ClientGroup,
    ProcessPhase,
    ReturnWay,
    VulnerableCharacteristic,
)
from .errors import Problem, TerugkeerError, ValidationError
from .factors import Assessment, AsylumOutcome
from .health import HealthChecklist
from .overviews import ChangePossibility, WeightyFactor
from .signals import SignalLog
from .stamps import Entered

__all__ = [
    "MAX_REVISION",
    "CaseContext",
    "CaseFile",
    "CasePart",
    "ClinicianBundle",
    "ConsentAction",
    "ConsentPurpose",
    "ConsentRecord",
    "ConsentRequired",
    "HandoverBundle",
    "PhaseChange",
    "ReferralBundle",
    "check_ins_allowed",
    "clinician_bundle",
    "handover_bundle",
    "referral_bundle",
    "valid_consent",
]

#: The highest revision a case file may have: a billion saves, and a number every export format
#: (Parquet, SPSS, Stata's long) holds exactly.
MAX_REVISION = 1_000_000_000


class ConsentRequired(TerugkeerError):
    """Something would leave the client's file without a valid, recorded consent."""


@attrs.frozen(weakref_slot=False)
class PhaseChange:
    """The process phase the client entered, and when."""

    phase: ProcessPhase
    on: dt.date
    #: Who entered this change, and when.
    entered: Entered = attrs.field(factory=Entered)

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class CaseContext:
    """Where the client stands: phases, group, asylum outcome, way of return, vulnerability."""

    phases: tuple[PhaseChange, ...] = ()
    group: ClientGroup | None = None
    unaccompanied_minor: bool = False
    asylum_outcome: AsylumOutcome | None = None
    return_way: ReturnWay | None = None  #: if decided
    alternative: Alternative | None = None  #: if the client chose another way
    #: Special-category data: the research export leaves it out unless asked for.
    vulnerable: tuple[VulnerableCharacteristic, ...] = attrs.field(
        default=(), metadata=_fields.spec(unique=True, research="vulnerable")
    )

    def __attrs_post_init__(self) -> None:
        extra = []
        changes = [p for p in self.phases if isinstance(p, PhaseChange)]
        for i in range(1, len(changes)):
            if changes[i].on < changes[i - 1].on:
                extra.append(
                    Problem(f"$.phases[{i}].on", "date.before_previous", {"what": "change"})
                )
        extra += check_unique(self.vulnerable, "$.vulnerable", "characteristic")
        validated(self, extra)

    @property
    def phase(self) -> ProcessPhase | None:
        """The current phase (the latest change), if any."""
        return self.phases[-1].phase if self.phases else None


class ConsentPurpose(LabelledEnum):
    """What a consent is for (book §4.11 handover, §4.7 the treating doctor, Bijlage 6 referral)."""

    HANDOVER = "handover"  #: overviews and plan travel with a handover (§4.11)
    CONSULT_CLINICIAN = "consult_clinician"  #: consult the treating clinician (§4.7)
    REFERRAL_CONSULTATION = "referral_consultation"  #: consult others about a referral (B6)
    CHECK_INS = "check_ins"  #: check how the client is doing after return (§4.12)


class ConsentAction(LabelledEnum):
    """A consent is given, or an earlier one withdrawn: both are new records."""

    GIVE = "give"
    WITHDRAW = "withdraw"


class CasePart(LabelledEnum):
    """The parts of a case file a handover can carry."""

    CLIENT_DETAILS = "client_details"
    OVERVIEWS = "overviews"  #: assessments and Overviews 2 and 3
    ACTION_PLAN = "action_plan"
    HEALTH_CHECKLISTS = "health_checklists"


@attrs.frozen(weakref_slot=False)
class ConsentRecord:
    """A consent given or withdrawn, dated, for one purpose and one named organisation.

    For a handover, ``parts`` says what may travel; withdrawing covers the whole consent.
    """

    purpose: ConsentPurpose
    organisation: str = attrs.field(metadata=_fields.text(required=True))
    on: dt.date
    action: ConsentAction = ConsentAction.GIVE
    parts: tuple[CasePart, ...] = ()
    note: str = ""
    #: Who entered this record, and when.
    entered: Entered = attrs.field(factory=Entered)

    #: For the JSON Schema: a handover consent given names the parts (the loader's rule too).
    __json_schema__: typing.ClassVar[dict[str, object]] = {
        "if": {
            "properties": {"purpose": {"const": "handover"}, "action": {"const": "give"}},
            "required": ["action"],
        },
        "then": {"properties": {"parts": {"minItems": 1}}, "required": ["parts"]},
    }

    def __attrs_post_init__(self) -> None:
        extra = []
        if type(self.organisation) is str and _fields.is_blank(self.organisation):
            extra.append(Problem("$.organisation", "text.blank"))
        if (
            self.purpose is ConsentPurpose.HANDOVER
            and self.action is ConsentAction.GIVE
            and self.parts == ()
        ):
            extra.append(Problem("$.parts", "consent.parts_missing"))
        validated(self, extra)


def _same_organisation(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def valid_consent(
    consents: Sequence[ConsentRecord],
    purpose: ConsentPurpose,
    organisation: str,
    *,
    on: dt.date,
) -> ConsentRecord | None:
    """The consent in force on day ``on`` for a purpose and organisation, if any.

    Only records dated ``on`` or before count: a consent is in force from its date, never before
    (a consent dated in the future is not in force today). Of those, the latest record added
    decides; a withdrawal ends every earlier consent.
    """
    latest = None
    for record in consents:
        if (
            record.purpose is purpose
            and record.on <= on
            and _same_organisation(record.organisation, organisation)
        ):
            latest = record
    return latest if latest is not None and latest.action is ConsentAction.GIVE else None


def _prefix(old: tuple[object, ...], new: tuple[object, ...]) -> bool:
    return new[: len(old)] == old


def _rows_agree(
    assessments: tuple[Assessment, ...],
    rows: Sequence[ChangePossibility | WeightyFactor],
    name: str,
    start: int = 0,
) -> list[Problem]:
    """Overview 2 and 3 rows refer to an assessment of the case and carry its rating."""
    if type(assessments) is not tuple or type(rows) is not tuple:
        return []
    by_day: dict[object, list[Assessment]] = {}
    for a in assessments:
        if isinstance(a, Assessment):
            by_day.setdefault(a.assessed_on, []).append(a)
    problems = []
    for i, row in enumerate(rows, start):
        if not isinstance(row, ChangePossibility | WeightyFactor):
            continue
        chosen_from = by_day.get(row.assessed_on)
        if chosen_from is None:
            problems.append(Problem(f"$.{name}[{i}].assessed_on", "overview.no_assessment"))
        elif all(a.rating(row.rating.factor) != row.rating for a in chosen_from):
            problems.append(Problem(f"$.{name}[{i}].rating", "overview.differs"))
    return problems


@attrs.frozen(weakref_slot=False)
class CaseFile:
    """One client's file. ``client`` is the only place identifying client details are kept.

    >>> case = CaseFile("case-0001")
    >>> case.assessments
    ()
    """

    case_id: str = attrs.field(metadata=_fields.spec(identifying=True, pattern="\\S"))
    client: ClientInfo = attrs.field(factory=ClientInfo)
    context: CaseContext = attrs.field(factory=CaseContext)
    family: tuple[FamilyMemberView, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    change_possibilities: tuple[ChangePossibility, ...] = ()
    weighty_factors: tuple[WeightyFactor, ...] = ()
    plan: ActionPlan = attrs.field(factory=ActionPlan)
    health: tuple[HealthChecklist, ...] = ()
    signals: SignalLog = attrs.field(factory=SignalLog)
    consents: tuple[ConsentRecord, ...] = ()
    #: How many times the case was saved; :func:`~terugkeer.save_case` sets it (see its
    #: ``expected_revision``). Not part of the client's data.
    revision: int = attrs.field(default=0, metadata=_fields.whole(0, MAX_REVISION))

    def __attrs_post_init__(self) -> None:
        extra = []
        if type(self.case_id) is str and _fields.is_blank(self.case_id):
            extra.append(Problem("$.case_id", "text.blank"))
        days = [a.assessed_on for a in self.assessments if isinstance(a, Assessment)]
        for i in range(1, len(days)):
            if days[i] < days[i - 1]:
                extra.append(Problem(f"$.assessments[{i}].assessed_on", "date.before_previous"))
        extra += _rows_agree(self.assessments, self.change_possibilities, "change_possibilities")
        extra += _rows_agree(self.assessments, self.weighty_factors, "weighty_factors")
        validated(self, extra)

    def _appended(self, name: str, item: object) -> CaseFile:
        """A copy with ``item`` after the entries of ``name``; the rest was validated already.

        Only the new entry is checked (by the caller), so appending stays linear as a file grows.
        """
        copied = copy.copy(self)  # no __init__: the other fields were validated when they were set
        object.__setattr__(copied, name, (*getattr(self, name), item))
        return copied

    def add_assessment(self, assessment: Assessment) -> CaseFile:
        """Re-scoring adds an assessment; it never replaces one (dated no earlier than the last)."""
        path = f"$.assessments[{len(self.assessments)}]"
        if not isinstance(assessment, Assessment):
            raise ValidationError.at(path, "type.record", {"expected": "Assessment"})
        if self.assessments and assessment.assessed_on < self.assessments[-1].assessed_on:
            raise ValidationError.at(f"{path}.assessed_on", "date.before_previous")
        return self._appended("assessments", assessment)

    def add_change_possibility(self, row: ChangePossibility) -> CaseFile:
        """Add an Overview 2 row; it must agree with the assessment it was made from."""
        return self._add_row("change_possibilities", row, ChangePossibility)

    def add_weighty_factor(self, row: WeightyFactor) -> CaseFile:
        """Add an Overview 3 row; it must agree with the assessment it was chosen from."""
        return self._add_row("weighty_factors", row, WeightyFactor)

    def _add_row(self, name: str, row: ChangePossibility | WeightyFactor, kind: type) -> CaseFile:
        start = len(getattr(self, name))
        if not isinstance(row, kind):
            raise ValidationError.at(
                f"$.{name}[{start}]", "type.record", {"expected": kind.__name__}
            )
        problems = _rows_agree(self.assessments, (row,), name, start)
        if problems:
            raise ValidationError(problems)
        return self._appended(name, row)

    def add_checklist(self, checklist: HealthChecklist) -> CaseFile:
        """Add a health checklist (one per condition)."""
        if not isinstance(checklist, HealthChecklist):
            raise ValidationError.at(
                f"$.health[{len(self.health)}]", "type.record", {"expected": "HealthChecklist"}
            )
        return self._appended("health", checklist)

    def add_consent(self, record: ConsentRecord) -> CaseFile:
        """Add a consent or a withdrawal; earlier records stay as they were."""
        if not isinstance(record, ConsentRecord):
            raise ValidationError.at(
                f"$.consents[{len(self.consents)}]", "type.record", {"expected": "ConsentRecord"}
            )
        return self._appended("consents", record)

    def change_phase(
        self, phase: ProcessPhase, on: dt.date, entered: Entered | None = None
    ) -> CaseFile:
        """Record that the client entered ``phase`` on ``on`` (and who recorded it, when)."""
        change = PhaseChange(phase, on, entered or Entered())
        context = attrs.evolve(self.context, phases=(*self.context.phases, change))
        return attrs.evolve(self, context=context)

    def with_context(self, context: CaseContext) -> CaseFile:
        """Replace the context; its phase history may only grow."""
        if not _prefix(self.context.phases, context.phases):
            raise ValidationError.at("$.context.phases", "history.append_only")
        return attrs.evolve(self, context=context)

    def with_plan(self, plan: ActionPlan) -> CaseFile:
        """Replace the plan's sections; its appointments and updates may only grow."""
        old = self.plan
        problems = [
            Problem(f"$.plan.{name}", "history.append_only")
            for name in ("appointments", "activity_updates")
            if not _prefix(getattr(old, name), getattr(plan, name))
        ]
        if problems:
            raise ValidationError(problems)
        return attrs.evolve(self, plan=plan)

    def with_signals(self, log: SignalLog) -> CaseFile:
        """Replace the signal log by a later state of it; entries may only be added."""
        problems = [
            Problem(f"$.signals.{f.name}", "history.append_only")
            for f in attrs.fields(SignalLog)
            if not _prefix(getattr(self.signals, f.name), getattr(log, f.name))
        ]
        if problems:
            raise ValidationError(problems)
        return attrs.evolve(self, signals=log)


def _without_identifying(value: object) -> object:
    """``value`` with every field marked ``identifying`` reset to its default, recursively."""
    if isinstance(value, tuple):
        return tuple(_without_identifying(v) for v in value)
    if not attrs.has(type(value)):
        return value
    changes: dict[str, object] = {}
    for field in attrs.fields(type(value)):  # type: ignore[arg-type]
        current = getattr(value, field.name)
        if _fields.spec_of(field).identifying:
            factory = getattr(field.default, "factory", None)
            changes[field.name] = factory() if factory is not None else field.default
        else:
            changes[field.name] = _without_identifying(current)
    return attrs.evolve(value, **changes)  # type: ignore[misc]


def _identifies(value: object) -> bool:
    """True when a field marked ``identifying`` holds something, anywhere inside ``value``."""
    return _without_identifying(value) != value


@attrs.frozen(weakref_slot=False)
class HandoverBundle:
    """What travels to another organisation: only the parts covered by a consent in force.

    Loading or building a bundle whose contents exceed its ``parts`` is refused: client details
    travel only with ``client_details``, and without that part the plan and the family members'
    views carry no field that identifies a person (counsellor, file number, people present,
    children's and relatives' names). The family members' views travel with the plan.
    """

    organisation: str
    consent_given_on: dt.date
    parts: tuple[CasePart, ...]
    client: ClientInfo | None = None
    assessments: tuple[Assessment, ...] = ()
    change_possibilities: tuple[ChangePossibility, ...] = ()
    weighty_factors: tuple[WeightyFactor, ...] = ()
    plan: ActionPlan | None = None
    family: tuple[FamilyMemberView, ...] = ()
    health: tuple[HealthChecklist, ...] = ()

    def __attrs_post_init__(self) -> None:
        extra: list[Problem] = []
        parts = set(self.parts) if type(self.parts) is tuple else set()
        if self.family and CasePart.ACTION_PLAN not in parts:
            extra.append(Problem("$.family", "consent.part_required", {"part": "action_plan"}))
        if self.client is not None and CasePart.CLIENT_DETAILS not in parts:
            extra.append(Problem("$.client", "consent.part_required", {"part": "client_details"}))
        if CasePart.OVERVIEWS not in parts:
            for name in ("assessments", "change_possibilities", "weighty_factors"):
                if getattr(self, name):
                    extra.append(
                        Problem(f"$.{name}", "consent.part_required", {"part": "overviews"})
                    )
        if self.plan is not None and CasePart.ACTION_PLAN not in parts:
            extra.append(Problem("$.plan", "consent.part_required", {"part": "action_plan"}))
        if self.health and CasePart.HEALTH_CHECKLISTS not in parts:
            extra.append(
                Problem("$.health", "consent.part_required", {"part": "health_checklists"})
            )
        if CasePart.CLIENT_DETAILS not in parts:  # every part, field by field: no one named
            for name in _CARRIED:
                if _identifies(getattr(self, name)):
                    extra.append(
                        Problem(f"$.{name}", "consent.part_required", {"part": "client_details"})
                    )
        validated(self, extra)


#: The fields of a handover bundle that carry parts of the case (all but the client's details).
_CARRIED = ("assessments", "change_possibilities", "weighty_factors", "plan", "family", "health")


def _consent(case: CaseFile, purpose: ConsentPurpose, to: str, on: dt.date) -> ConsentRecord:
    consent = valid_consent(case.consents, purpose, to, on=on)
    if consent is None:
        raise ConsentRequired(f"no consent for {purpose.value} in force for this organisation")
    return consent


def handover_bundle(case: CaseFile, to: str, *, on: dt.date) -> HandoverBundle:
    """The parts of ``case`` the client agreed to hand over to organisation ``to``, on day ``on``.

    Raises :class:`ConsentRequired` when no handover consent for that organisation is in force on
    that day (never given, given later, or withdrawn). What travels follows the consented parts
    field by field: without ``client_details``, the plan goes without the fields that identify a
    person.
    """
    consent = _consent(case, ConsentPurpose.HANDOVER, to, on)
    parts = consent.parts
    overviews = CasePart.OVERVIEWS in parts
    details = CasePart.CLIENT_DETAILS in parts
    carried: dict[str, object] = {
        "assessments": case.assessments if overviews else (),
        "change_possibilities": case.change_possibilities if overviews else (),
        "weighty_factors": case.weighty_factors if overviews else (),
        "plan": case.plan if CasePart.ACTION_PLAN in parts else None,
        "family": case.family if CasePart.ACTION_PLAN in parts else (),
        "health": case.health if CasePart.HEALTH_CHECKLISTS in parts else (),
    }
    if not details:  # every part without the fields that identify a person: the plan's people,
        # the family's names, and who entered each assessment or plan entry
        carried = {name: _without_identifying(value) for name, value in carried.items()}
    return HandoverBundle(
        organisation=consent.organisation,
        consent_given_on=consent.on,
        parts=parts,
        client=case.client if details else None,
        **carried,  # type: ignore[arg-type]
    )


@attrs.frozen(weakref_slot=False)
class ClinicianBundle:
    """What goes to the treating clinician to consult about return (§4.7): the health checklists
    and section 7 of the plan. Nothing else of the case travels."""

    organisation: str
    consent_given_on: dt.date
    health: tuple[HealthChecklist, ...] = ()
    plan_health: HealthSection = attrs.field(factory=HealthSection)

    __attrs_post_init__ = validated


def clinician_bundle(case: CaseFile, to: str, *, on: dt.date) -> ClinicianBundle:
    """The health part of ``case`` for consulting the treating clinician ``to`` on day ``on``.

    Raises :class:`ConsentRequired` without a ``consult_clinician`` consent in force for them.
    """
    consent = _consent(case, ConsentPurpose.CONSULT_CLINICIAN, to, on)
    return ClinicianBundle(consent.organisation, consent.on, case.health, case.plan.health)


@attrs.frozen(weakref_slot=False)
class ReferralBundle:
    """What goes to another care provider to consult about a referral (B6): the signals,
    taxations, referrals and steps, without the names of the family members they concern."""

    organisation: str
    consent_given_on: dt.date
    signals: SignalLog = attrs.field(factory=SignalLog)

    def __attrs_post_init__(self) -> None:
        extra = []
        if isinstance(self.signals, SignalLog) and any(o.about for o in self.signals.observations):
            extra.append(Problem("$.signals.observations", "signal.names_people"))
        validated(self, extra)


def referral_bundle(case: CaseFile, to: str, *, on: dt.date) -> ReferralBundle:
    """The signal log of ``case`` for consulting ``to`` about a referral on day ``on``.

    Raises :class:`ConsentRequired` without a ``referral_consultation`` consent in force for them.
    """
    consent = _consent(case, ConsentPurpose.REFERRAL_CONSULTATION, to, on)
    signals = _without_identifying(case.signals)
    return ReferralBundle(consent.organisation, consent.on, signals)  # type: ignore[arg-type]


def check_ins_allowed(case: CaseFile, organisation: str, *, on: dt.date) -> bool:
    """Whether ``organisation`` may check in with the client after return (§4.12) on day ``on``:
    a ``check_ins`` consent in force for it, and the plan not recording that the client declines."""
    consent = valid_consent(case.consents, ConsentPurpose.CHECK_INS, organisation, on=on)
    return consent is not None and not case.plan.monitoring.client_declines
