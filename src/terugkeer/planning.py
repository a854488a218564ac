"""What a tool needs around the action plan: its form, its progress, and what points into it.

- :data:`PLAN_SECTIONS`: the sections and questions of the form as data, with message ids, so a
  tool can render an empty form (or a translated one, §7.3) with :func:`terugkeer.label`.
- :func:`completeness`: per section answered / partly / empty; empty is normal for a plan being
  filled in over weeks.
- :func:`plan_attention`: reminders of where Overview 3's weighty factors may deserve attention in
  the plan, each with its reason; a suggestion, never a routing (the table is data).
- :func:`plan_health_section`: section 7 as the health checklists answer it, so the two never
  disagree.
- :func:`monitoring_advice`: with health complaints, at least twelve months of monitoring (§4.12),
  citing §2.3's six months as the floor for psychosocial problems; information only when the
  client wants no guidance or no check-ins.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import attrs

from ._labelled import LabelledEnum
from ._moved import moved
from .actionplan import ActionPlan, ComplaintCare, HealthSection
from .answers import Answer
from .catalogue import Catalogue
from .catalogues.plan_rows import ATTENTION_ROWS, QUESTION_ROWS, SECTION_ROWS
from .factors import FACTORS, Factor, Rating
from .health import ComplaintKind, Facility, HealthChecklist, Medicine
from .overviews import WeightKind, WeightyFactor

__all__ = [
    "HEALTH_MONITORING_MONTHS",
    "PLAN_SECTIONS",
    "MonitoringAdvice",
    "PlanAttention",
    "PlanQuestion",
    "PlanSection",
    "Progress",
    "SectionProgress",
    "answered_values",
    "completeness",
    "is_answered",
    "monitoring_advice",
    "plan_attention",
    "plan_health_section",
    "progress_of",
    "section_counts",
]


@attrs.frozen(weakref_slot=False)
class PlanQuestion:
    """One question of the action plan form: a stable id and where its answer lives."""

    id: str
    path: str

    @property
    def message_id(self) -> str:
        """Message id of the question's prompt."""
        return f"ActionPlan.{self.id}"


@attrs.frozen(weakref_slot=False)
class PlanSection:
    """One section of the action plan form, with its questions in form order."""

    id: str
    attribute: str
    questions: tuple[PlanQuestion, ...]

    @property
    def message_id(self) -> str:
        """Message id of the section's title."""
        return f"ActionPlan.{self.id}"


#: The sections of the action plan (Bijlage 4) in form order.
PLAN_SECTIONS: Catalogue[PlanSection] = Catalogue(
    "plan section",
    (
        PlanSection(
            row.id,
            row.attribute,
            tuple(PlanQuestion(q.id, q.path) for q in QUESTION_ROWS if q.section == row.id),
        )
        for row in SECTION_ROWS
    ),
)


class Progress(LabelledEnum):
    """How far a section has been filled in."""

    EMPTY = "empty"
    PARTLY = "partly"
    ANSWERED = "answered"


@attrs.frozen(weakref_slot=False)
class SectionProgress:
    """Progress of one section: answered questions out of all (per child or item where repeated)."""

    section: PlanSection
    progress: Progress
    answered: int
    total: int


def _values(obj: object, path: Sequence[str]) -> list[object]:
    """The answers a question path reaches; a path through a tuple reaches into every item."""
    values = [obj]
    for name in path:
        if any(type(v) is tuple for v in values):
            values = _items(values)
        values = [getattr(v, name) for v in values]
    return values


def _items(values: list[object]) -> list[object]:
    """``values`` with every tuple (at any depth) replaced by its items."""
    flat: list[object] = []
    for v in values:
        if type(v) is tuple:
            flat += _items(list(v))
        else:
            flat.append(v)
    return flat


def is_answered(value: object) -> bool:
    """Whether a plan's answer counts as given: not None, not empty text, not an empty list,
    and, for a record, any of its fields answered.

    >>> is_answered(""), is_answered(()), is_answered(0), is_answered(False)
    (False, False, True, True)
    """
    if value is None or value == "" or value == ():
        return False
    fields = getattr(type(value), "__attrs_attrs__", None)  # a record: any answered field
    if fields is not None:
        return any(is_answered(getattr(value, f.name)) for f in fields)
    return True


def answered_values(
    plan: ActionPlan, section: PlanSection, question: PlanQuestion
) -> tuple[object, ...]:
    """The answers one question has in a plan, one per item where the section repeats.

    Lists (ways to feel safer, activities, ...) give each item; empty answers are left out.

    >>> from terugkeer import ActionPlan
    >>> from terugkeer.actionplan import Safety
    >>> plan = ActionPlan().with_section(safety=Safety(ways_to_feel_safer=("a", "b")))
    >>> section = PLAN_SECTIONS.get("AP05")
    >>> answered_values(plan, section, section.questions[3])
    ('a', 'b')
    """
    found = _values(getattr(plan, section.attribute), question.path.split("."))
    flat = [item for v in found for item in (v if isinstance(v, tuple) else (v,))]
    return tuple(v for v in flat if is_answered(v))


def _tally(value: object, path: Sequence[str]) -> tuple[int, int]:
    """How many times the question at ``path`` below ``value`` is answered, and asked: once per
    item of a list on the way (an empty list still asks it once), else once."""
    if path and type(value) is tuple:
        if not value:
            return 0, 1
        answered = asked = 0
        for item in value:
            a, t = _tally(item, path)
            answered += a
            asked += t
        return answered, asked
    if not path:
        return int(is_answered(value)), 1
    return _tally(getattr(value, path[0]), path[1:])


@functools.cache
def _paths() -> tuple[tuple[PlanSection, tuple[tuple[str, ...], ...]], ...]:
    return tuple((s, tuple(tuple(q.path.split(".")) for q in s.questions)) for s in PLAN_SECTIONS)


def completeness(plan: ActionPlan) -> tuple[SectionProgress, ...]:
    """Per section: answered, partly or empty, with counts.

    A question inside a repeated part (per child, per activity, ...) counts once per item.

    >>> from terugkeer import ActionPlan
    >>> from terugkeer.actionplan import Goals
    >>> progress = completeness(ActionPlan().with_section(goals=Goals(work="tailor")))
    >>> [(p.section.id, p.progress.value) for p in progress][1:3]
    [('AP02a', 'partly'), ('AP02b', 'empty')]
    """
    return tuple(
        SectionProgress(section, progress_of(answered, total), answered, total)
        for section, answered, total in section_counts(plan)
    )


def section_counts(plan: ActionPlan) -> tuple[tuple[PlanSection, int, int], ...]:
    """Per section, in form order: the section, its answered questions and all its questions,
    counted as :func:`completeness` counts them but without a record per section (for
    analyses over many plans; :func:`progress_of` gives the progress).

    >>> from terugkeer import ActionPlan
    >>> from terugkeer.actionplan import Goals
    >>> plan = ActionPlan().with_section(goals=Goals(work="tailor"))
    >>> [(s.id, answered, total) for s, answered, total in section_counts(plan)][1]
    ('AP02a', 1, 3)
    """
    counts = []
    for section, paths in _paths():
        part = getattr(plan, section.attribute)
        answered = asked = 0
        for path in paths:
            a, t = _tally(part, path)
            answered += a
            asked += t
        counts.append((section, answered, asked))
    return tuple(counts)


def progress_of(answered: int, total: int) -> Progress:
    """The progress of a section with ``answered`` of its ``total`` questions answered.

    >>> progress_of(0, 3).value, progress_of(1, 3).value, progress_of(3, 3).value
    ('empty', 'partly', 'answered')
    """
    if answered == 0:
        return _EMPTY
    return _ANSWERED if answered == total else _PARTLY


# Read from these names: an enum member read through its class goes through the enum's
# metaclass each time, several times the cost of a global (the export runs this per section).
_EMPTY, _PARTLY, _ANSWERED = Progress.EMPTY, Progress.PARTLY, Progress.ANSWERED


@attrs.frozen(weakref_slot=False)
class PlanAttention:
    """A reminder: a plan section where a weighty factor may deserve attention, and why.

    It is a suggestion to weigh, not a routing: ``reason_message_id`` says why in words a
    counsellor can agree or disagree with, and ``book`` names the book's section when the book
    makes the link itself; when it is empty the link is our design.
    """

    section: PlanSection
    factor: Factor
    kind: WeightKind  #: as counsellor and client chose it in Overview 3
    rating: Rating
    reason_message_id: str
    book: str = ""

    @property
    def our_design(self) -> bool:
        """True when the book does not make this link itself."""
        return not self.book


def plan_attention(weighty: Iterable[WeightyFactor]) -> tuple[PlanAttention, ...]:
    """Reminders of where Overview 3's weighty factors may deserve attention, in form order.

    Each item names its factor, the kind chosen for it and the reason; factors for which no
    link reads as obvious (such as safety in the Netherlands) give none (book §3.7, chapter 4).

    >>> import datetime as dt
    >>> from terugkeer import Assessment, WeightyFactor
    >>> from terugkeer.overviews import WeightKind
    >>> a = Assessment.build(dt.date(2026, 3, 2), {"F02": -3, "F07": 3, "F10": 2})
    >>> rows = [WeightyFactor.for_factor(a, "F02", WeightKind.VULNERABILITY),
    ...         WeightyFactor.for_factor(a, "F07", WeightKind.STRENGTH),
    ...         WeightyFactor.for_factor(a, "F10", WeightKind.STRENGTH)]
    >>> [(x.section.id, x.factor.id, x.kind.value) for x in plan_attention(rows)]
    [('AP03', 'F07', 'strength'), ('AP05', 'F02', 'vulnerability'), ('AP08', 'F07', 'strength')]
    """
    order = {s.id: i for i, s in enumerate(PLAN_SECTIONS)}
    items = [
        PlanAttention(
            PLAN_SECTIONS.get(row.section),
            FACTORS.get(row.factor),
            w.kind,
            w.rating,
            row.reason_message_id,
            row.book,
        )
        for w in weighty
        for row in ATTENTION_ROWS
        if row.factor == w.factor.id
    ]
    items.sort(key=lambda x: (order[x.section.id], x.factor.number))
    return tuple(items)


@attrs.frozen(weakref_slot=False)
class MonitoringAdvice:
    """How long to keep in touch after return, and whether the agreed period is shorter.

    ``advised_months`` is None when nothing in the plan calls for a minimum. ``basis`` lists the
    sections of the methodology the advice rests on. When the client wants no guidance or no
    check-ins, ``client_declines`` is true, the advice is information only, and a shorter
    period is never flagged: the client's wish is not overridden (§4.12).
    """

    advised_months: int | None
    basis: tuple[str, ...]
    agreed_months: int | None
    shorter_than_advised: bool
    client_declines: bool = False


#: With health complaints: at least a year (§4.12); §2.3 gives six months as a floor for
#: psychosocial problems; we advise the longer and cite both (book §4.12 and §2.3).
HEALTH_MONITORING_MONTHS = 12


def monitoring_advice(
    plan: ActionPlan, checklists: Iterable[HealthChecklist] = ()
) -> MonitoringAdvice:
    """The monitoring advice of a plan: twelve months or more when a health condition is recorded.

    A condition counts when section 7 records a complaint or a health checklist exists for one.
    A shorter agreed period is allowed, and flagged only while the client has not declined
    guidance or check-ins.
    """
    agreed = plan.monitoring.months
    declines = plan.monitoring.client_declines
    if not plan.health.has_complaints and not any(True for _ in checklists):
        return MonitoringAdvice(None, (), agreed, False, declines)
    shorter = not declines and agreed is not None and agreed < HEALTH_MONITORING_MONTHS
    return MonitoringAdvice(HEALTH_MONITORING_MONTHS, ("§4.12", "§2.3"), agreed, shorter, declines)


def _combined(answers: list[Answer | None]) -> Answer | None:
    if not answers:
        return None
    if Answer.NO in answers:
        return Answer.NO
    if all(a is Answer.YES for a in answers):
        return Answer.YES
    return Answer.UNKNOWN


def plan_health_section(checklists: Iterable[HealthChecklist]) -> HealthSection:
    """Section 7 of the action plan as the checklists answer it, so the two never disagree.

    A kind of complaint with a checklist is "yes"; care is "yes" only when every medicine and
    facility has it, "no" when any lacks it, and "unknown" otherwise.
    """
    by_kind: dict[ComplaintKind, list[HealthChecklist]] = {k: [] for k in ComplaintKind}
    for checklist in checklists:
        by_kind[checklist.kind].append(checklist)

    def care(group: list[HealthChecklist]) -> ComplaintCare:
        if not group:
            return ComplaintCare()
        items: list[Medicine | Facility] = [*(m for c in group for m in c.medicines)]
        items += [f for c in group for f in c.facilities]
        return ComplaintCare(
            complaints=Answer.YES,
            care_available=_combined([i.available.answer for i in items]),
            care_affordable=_combined([i.affordable.answer for i in items]),
            care_reachable=_combined([i.reachable.answer for i in items]),
        )

    return HealthSection(
        physical=care(by_kind[ComplaintKind.PHYSICAL]),
        psychological=care(by_kind[ComplaintKind.PSYCHOLOGICAL]),
    )


#: Names that moved, each kept for one minor version with a DeprecationWarning naming its new home.
_MOVED = {"get_plan_section": ("PLAN_SECTIONS.get", PLAN_SECTIONS.get)}


def __getattr__(name: str) -> object:
    """A moved name still works for one minor version, with a DeprecationWarning."""
    return moved(__name__, name, _MOVED)
