"""Hypothesis strategies for terugkeer's records, for property tests here and downstream.

Every strategy produces valid objects only. Needs the ``testing`` extra
(``pip install terugkeer[testing]``), which brings in Hypothesis.

>>> from hypothesis import given
>>> from terugkeer.testing import assessments
>>> @given(assessments())
... def test_totals_are_never_negative(a):
...     assert a.totals().minus >= 0 and a.totals().plus >= 0
>>> test_totals_are_never_negative()
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from typing import Any, Literal, TypeVar

import attrs
from hypothesis import strategies as st

from . import actionplan as ap
from . import case as cf
from . import context as cx
from . import health as hc
from . import signals as sg
from . import socialmap as sm
from . import wellbeing as wb
from ._fields import Spec, is_blank, spec_of
from .answers import Answer
from .factors import (
    FACTORS,
    SCORES,
    Assessment,
    AsylumOutcome,
    NewConsideration,
    Rating,
    RatingKind,
)
from .overviews import ChangePossibility, WeightKind, WeightyFactor
from .stamps import Entered

__all__ = [
    "COHORT_COUNTRIES",
    "LAST_DAY",
    "Fill",
    "action_plans",
    "activity_updates",
    "appointments",
    "assessment_pairs",
    "assessments",
    "case_files",
    "change_possibilities",
    "consent_records",
    "counsellor_journals",
    "dates",
    "emotion_exercises",
    "emotion_records",
    "entered_stamps",
    "factor_ids",
    "factors_records",
    "health_checklists",
    "identifying_texts",
    "intervision_reflections",
    "language_tags",
    "map_entries",
    "money",
    "new_considerations",
    "notes",
    "ratings",
    "reactions_reflections",
    "records",
    "referrals",
    "scores",
    "signal_ids",
    "signal_logs",
    "signal_observations",
    "signals_checks",
    "social_maps",
    "sources",
    "stress_self_checks",
    "synthetic_cohort",
    "taxations",
    "weight_kinds",
    "weighty_factors",
    "wellbeing_ids",
]

_FIRST_DAY = dt.date(2000, 1, 1)
_LAST_DAY = dt.date(2100, 12, 31)
#: The latest day any strategy here draws: the ``today`` to give a form reader
#: (:func:`~terugkeer.interop.formdata.from_form` ...) for a generated record, whose appointments
#: may lie in a future the clock has not reached.
LAST_DAY = _LAST_DAY


def dates(
    min_value: dt.date = _FIRST_DAY, max_value: dt.date = _LAST_DAY
) -> st.SearchStrategy[dt.date]:
    """Calendar days (never datetimes)."""
    return st.dates(min_value=min_value, max_value=max_value)


def language_tags() -> st.SearchStrategy[str]:
    """The language of a conversation as a BCP 47 tag: the library's languages, others a
    counsellor meets (Dari, Pashto, Somali, Kurmanji), regional tags, and any well-formed one."""
    known = ["ar", "fa", "ti", "tr", "fr", "ru", "nl", "en", "prs", "ps", "so", "kmr", "fa-AF"]
    return st.sampled_from(known) | st.from_regex(r"[a-z]{2,3}(-[A-Z]{2})?", fullmatch=True)


def scores() -> st.SearchStrategy[int]:
    """A score the form offers: −3..−1 or +1..+3."""
    return st.sampled_from(sorted(SCORES))


def factor_ids() -> st.SearchStrategy[str]:
    """A stable factor id, ``F01`` … ``F19``."""
    return st.sampled_from([f.id for f in FACTORS])


def notes() -> st.SearchStrategy[str]:
    """Free text as counsellors write it: often empty, any Unicode otherwise."""
    return st.one_of(st.just(""), st.text(max_size=40))


@st.composite
def ratings(
    draw: st.DrawFn, factor: str | None = None, kinds: tuple[RatingKind, ...] = tuple(RatingKind)
) -> Rating:
    """A rating of ``factor`` (or of any factor) of one of ``kinds``."""
    factor_id = draw(factor_ids()) if factor is None else factor
    kind = draw(st.sampled_from(kinds))
    score = draw(scores()) if kind is RatingKind.SCORED else None
    return Rating(factor_id, kind, score, draw(notes()))


@st.composite
def assessments(
    draw: st.DrawFn,
    assessed_on: st.SearchStrategy[dt.date] | None = None,
    complete: bool | None = None,
) -> Assessment:
    """An assessment; ``complete=True`` rates all 19 factors, ``False`` skips at least one.

    It may be marked as made under time pressure and carry new considerations.
    """
    day = draw(assessed_on if assessed_on is not None else dates())
    rows = []
    rated = (RatingKind.SCORED, RatingKind.UNSCORED)
    for factor in FACTORS:
        kinds = rated if complete else tuple(RatingKind)
        rows.append(draw(ratings(factor.id, kinds)))
    if complete is False:
        i = draw(st.integers(0, len(FACTORS) - 1))
        rows[i] = Rating.skipped(FACTORS[i].id, rows[i].note)
    outcome = draw(st.none() | st.sampled_from(AsylumOutcome))
    considerations = draw(st.lists(new_considerations(max_day=day), max_size=2))
    return Assessment(
        day, tuple(rows), outcome, draw(notes()), draw(st.booleans()), tuple(considerations)
    )


@st.composite
def new_considerations(draw: st.DrawFn, max_day: dt.date = _LAST_DAY) -> NewConsideration:
    """A consideration outside the 19 factors, raised on or before ``max_day``."""
    name = draw(_filled_text())
    return NewConsideration(name, draw(dates(max_value=max_day)), draw(notes()))


@st.composite
def assessment_pairs(draw: st.DrawFn) -> tuple[Assessment, Assessment]:
    """Two assessments of one client in date order (same day allowed)."""
    first = draw(assessments())
    later_day = dates(min_value=first.assessed_on)
    return first, draw(assessments(assessed_on=later_day))


@st.composite
def change_possibilities(draw: st.DrawFn) -> ChangePossibility:
    """An Overview 2 row drawn from a generated assessment."""
    assessment = draw(assessments())
    factor = draw(factor_ids())
    return ChangePossibility.for_factor(
        assessment, factor, draw(notes()), draw(notes()), draw(notes())
    )


def entered_stamps() -> st.SearchStrategy[Entered]:
    """Who entered a record (a counsellor id, or none) and when (with a zone, or unknown)."""
    moments = st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.just(dt.timezone.utc),
    )
    return st.builds(Entered, st.just("") | identifying_texts(), st.none() | moments)


def weight_kinds() -> st.SearchStrategy[WeightKind]:
    """A kind for an Overview 3 row, as counsellor and client might choose it (or not yet)."""
    return st.sampled_from(list(WeightKind))


@st.composite
def weighty_factors(draw: st.DrawFn) -> WeightyFactor:
    """An Overview 3 row drawn from a generated assessment: any factor, any chosen kind."""
    assessment = draw(assessments())
    factor = draw(factor_ids())
    return WeightyFactor.for_factor(assessment, factor, draw(weight_kinds()), draw(notes()))


# --- Action plan ------------------------------------------------------------------------------

T = TypeVar("T")
#: How much of a plan a strategy fills in: nothing, some of it, or every question.
Fill = Literal["empty", "partial", "complete"]


def _filled_text() -> st.SearchStrategy[str]:
    """Text that is not blank as the records judge it (a BOM or a no-break space alone is)."""
    return st.text(min_size=1, max_size=30).filter(lambda text: not is_blank(text))


def _value(annotation: Any, spec: Spec, fill: Fill) -> st.SearchStrategy[Any]:
    """Values of ``annotation`` within the field's spec (its list size and bounds)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        value = _value(inner, spec, fill)
        return value if fill == "complete" else st.none() | value
    if origin is tuple:
        item_type = typing.get_args(annotation)[0]
        item = _value(item_type, Spec(), fill)
        size = min(spec.max_items or 3, 3)
        unique = isinstance(item_type, type) and issubclass(item_type, enum.Enum)
        minimum = 1 if fill == "complete" else 0
        return st.lists(item, min_size=minimum, max_size=size, unique=unique).map(tuple)
    if annotation is str and spec.pattern == ap.LANGUAGE_TAG:
        tags = language_tags()
        return tags if fill == "complete" else st.just("") | tags
    if annotation is str:
        return _filled_text() if fill == "complete" else notes()
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        low = 0 if spec.minimum is None else spec.minimum
        return st.integers(low, low + 120 if spec.maximum is None else spec.maximum)
    if annotation is dt.date:
        return dates()
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from(list(annotation))
    if isinstance(annotation, type) and attrs.has(annotation):
        return records(annotation, fill)
    raise TypeError(f"no strategy for {annotation!r}")  # pragma: no cover


@functools.cache
def records(cls: type[T], fill: Fill = "partial") -> st.SearchStrategy[T]:
    """Any action-plan record (a section or a part of one), filled as ``fill`` says.

    ``"empty"`` gives the record with its defaults, ``"complete"`` answers every question.
    """
    if cls is ap.Appointment:
        return appointments(fill)  # type: ignore[return-value]
    if cls is ap.ActivityUpdate:
        return activity_updates()  # type: ignore[return-value]
    if cls is hc.Money:
        return money()  # type: ignore[return-value]
    if cls is hc.Source:
        return sources()  # type: ignore[return-value]
    if fill == "empty" and all(f.default is not attrs.NOTHING for f in attrs.fields(cls)):  # type: ignore[arg-type]
        return st.just(cls())
    hints = typing.get_type_hints(cls)
    fields = {
        f.name: _value(hints[f.name], spec_of(f), fill)
        for f in attrs.fields(cls)  # type: ignore[arg-type]
    }
    return st.builds(cls, **fields)


@st.composite
def appointments(draw: st.DrawFn, fill: Fill = "partial") -> ap.Appointment:
    """One appointment with some activities (more than the form's six lines at times)."""
    held_on = draw(dates(max_value=dt.date(2090, 1, 1)))
    next_on = draw(st.none() | dates(min_value=held_on, max_value=dt.date(2099, 1, 1)))
    activities = draw(st.lists(records(ap.Activity, fill), max_size=8).map(tuple))
    return ap.Appointment(held_on, next_on, activities)


@st.composite
def activity_updates(draw: st.DrawFn) -> ap.ActivityUpdate:
    """A status update of some activity (not tied to a plan: see :func:`action_plans`)."""
    status = draw(st.sampled_from(list(ap.ActivityStatus)))
    reason = draw(_filled_text()) if status is ap.ActivityStatus.NOT_DONE else draw(notes())
    number = draw(st.integers(1, 8))
    return ap.ActivityUpdate(draw(st.integers(0, 20)), number, status, draw(dates()), reason)


@st.composite
def action_plans(draw: st.DrawFn, fill: Fill = "partial") -> ap.ActionPlan:
    """A personal action plan: ``"empty"``, ``"partial"`` or ``"complete"``.

    Appointments are in date order; activity updates refer to real activities and follow them.
    """
    if fill == "empty":
        return ap.ActionPlan()
    history = {"appointments", "activity_updates"}
    hints = typing.get_type_hints(ap.ActionPlan)
    parts = {
        f.name: draw(_value(hints[f.name], spec_of(f), fill))
        for f in attrs.fields(ap.ActionPlan)
        if f.name not in history
    }
    count = draw(st.integers(1 if fill == "complete" else 0, 3))
    days = sorted(
        draw(st.lists(dates(max_value=dt.date(2090, 1, 1)), min_size=count, max_size=count))
    )
    meetings = []
    for day in days:
        activity = records(ap.Activity, fill)
        acts = draw(st.lists(activity, min_size=1 if fill == "complete" else 0, max_size=6))
        next_on = draw(dates(min_value=day, max_value=dt.date(2099, 1, 1)))
        meetings.append(ap.Appointment(day, next_on, tuple(acts)))
    updates = []
    for index, meeting in enumerate(meetings):
        for number in range(1, len(meeting.activities) + 1):
            if draw(st.booleans()):
                status = draw(st.sampled_from(list(ap.ActivityStatus)))
                reason = draw(_filled_text()) if status is ap.ActivityStatus.NOT_DONE else ""
                on = draw(dates(min_value=meeting.held_on))
                updates.append(ap.ActivityUpdate(index, number, status, on, reason))
    return ap.ActionPlan(**parts, appointments=tuple(meetings), activity_updates=tuple(updates))


# --- Health checklist -------------------------------------------------------------------------


def money() -> st.SearchStrategy[hc.Money]:
    """A non-negative exact amount in an ISO 4217 currency."""
    amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
    return st.builds(hc.Money, amounts, st.sampled_from(hc.CURRENCIES.ids))


def sources() -> st.SearchStrategy[hc.Source]:
    """Where an answer comes from; checked on a day no later than today."""
    return st.builds(
        hc.Source,
        st.sampled_from(list(hc.SourceKind)),
        notes(),
        notes(),
        st.none() | dates(max_value=dt.date.today()),
        st.booleans(),
    )


def _all_clear(cls: type[T]) -> st.SearchStrategy[T]:
    """Every answer yes (doubt: no), every text filled in, every answer with a source (the
    escort's a physician)."""

    def sourced_answer(answer: Answer) -> st.SearchStrategy[hc.SourcedAnswer]:
        return st.builds(hc.SourcedAnswer, st.just(answer), sources())

    text = st.builds(hc.SourcedText, _filled_text(), sources())
    cost = st.builds(hc.SourcedCost, money(), sources())
    yes = sourced_answer(Answer.YES)
    hints = typing.get_type_hints(cls)
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for f in attrs.fields(cls):  # type: ignore[arg-type]
        kind = hints[f.name]
        fields[f.name] = {hc.SourcedAnswer: yes, hc.SourcedText: text, hc.SourcedCost: cost}.get(
            kind, _filled_text() if kind is str else st.nothing()
        )
    if cls is hc.DecisionCapacity:
        fields["doubt"] = sourced_answer(Answer.NO)
    if cls is hc.HealthHandover:  # a doctor judges whether escort is needed (B5)
        physician = st.builds(hc.Source, st.just(hc.SourceKind.PHYSICIAN), _filled_text())
        fields["escort_needed"] = st.builds(hc.SourcedAnswer, st.just(Answer.YES), physician)
    return st.builds(cls, **fields)


@st.composite
def health_checklists(
    draw: st.DrawFn, fill: Fill | Literal["all_clear"] = "partial"
) -> hc.HealthChecklist:
    """A health checklist; ``"all_clear"`` is fully answered, sourced, all yes, nothing open."""
    if fill != "all_clear":
        checklist: hc.HealthChecklist = draw(records(hc.HealthChecklist, fill))
        return checklist
    return hc.HealthChecklist(
        kind=draw(st.sampled_from(list(hc.ComplaintKind))),
        illness_en=draw(_filled_text()),
        description=draw(notes()),
        medicines=tuple(draw(st.lists(_all_clear(hc.Medicine), min_size=1, max_size=3))),
        facilities=tuple(draw(st.lists(_all_clear(hc.Facility), max_size=2))),
        network=draw(_all_clear(hc.Network)),
        decision_capacity=draw(_all_clear(hc.DecisionCapacity)),
        handover=draw(_all_clear(hc.HealthHandover)),
    )


# --- Signals ----------------------------------------------------------------------------------


def signal_ids(suicide_related: bool | None = None) -> st.SearchStrategy[str]:
    """A signal id from the catalogue; ``suicide_related`` narrows it to or away from those."""
    return st.sampled_from(
        [s.id for s in sg.SIGNALS if suicide_related in (None, s.suicide_related)]
    )


@st.composite
def signal_observations(
    draw: st.DrawFn, suicide_related: bool | None = None
) -> sg.SignalObservation:
    """A signal observation (an "other" signal always has a note saying what).

    It may name the family member it is about, with an :func:`identifying_texts` value.
    """
    signal = sg.SIGNALS.get(draw(signal_ids(suicide_related)))
    note = draw(_filled_text()) if signal.free_text else draw(notes())
    about = draw(st.just("") | identifying_texts())
    return sg.SignalObservation(
        signal.id, draw(st.sampled_from(list(sg.SignalSource))), draw(dates()), note, about
    )


def factors_records() -> st.SearchStrategy[sg.FactorsRecord]:
    """Risk and protective factors noted on one day."""
    return st.builds(
        sg.FactorsRecord,
        dates(),
        st.lists(st.sampled_from([f.id for f in sg.RISK_FACTORS]), unique=True).map(tuple),
        st.lists(st.sampled_from([f.id for f in sg.PROTECTIVE_FACTORS]), unique=True).map(tuple),
        notes(),
    )


def taxations() -> st.SearchStrategy[sg.Taxation]:
    """A taxation on the three ordinal scales."""
    return st.builds(
        sg.Taxation,
        dates(),
        st.sampled_from(list(sg.Severity)),
        st.sampled_from(list(sg.HelpNeed)),
        st.sampled_from(list(sg.Willingness)),
        notes(),
        notes(),
    )


def referrals(
    decided_on: st.SearchStrategy[dt.date] | None = None,
) -> st.SearchStrategy[sg.Referral]:
    """A referral decision with at least one reason."""
    return st.builds(
        sg.Referral,
        decided_on if decided_on is not None else dates(max_value=dt.date(2090, 1, 1)),
        st.lists(st.sampled_from(list(sg.ReferralReason)), min_size=1, unique=True).map(tuple),
        st.sampled_from(list(sg.ReferralTarget)),
        notes(),
    )


def emotion_records() -> st.SearchStrategy[sg.EmotionRecord]:
    """The emotions named in one talk."""
    emotion = st.builds(
        sg.EmotionObservation,
        st.sampled_from(list(sg.BasicEmotion)),
        st.sampled_from(list(sg.Intensity)),
        st.sampled_from(list(sg.Experience)),
    )
    return st.builds(sg.EmotionRecord, dates(), st.lists(emotion, max_size=7).map(tuple), notes())


@st.composite
def signal_logs(draw: st.DrawFn, suicide_related: bool | None = None) -> sg.SignalLog:
    """A signal log whose referral steps are in order and never consult without consent.

    ``suicide_related=True`` guarantees at least one suicide-related observation; ``False`` none.
    """
    observations = draw(
        st.lists(signal_observations(False if suicide_related is False else None), max_size=5)
    )
    if suicide_related:
        observations.insert(
            draw(st.integers(0, len(observations))), draw(signal_observations(True))
        )
    made = draw(st.lists(referrals(), max_size=3))
    steps: list[sg.StepRecord] = []
    for index, referral in enumerate(made):
        day = referral.decided_on
        for step in sg.REFERRAL_STEPS[: draw(st.integers(0, 3))]:
            day = draw(dates(min_value=day, max_value=dt.date(2099, 1, 1)))
            if step is sg.ReferralStep.CONSULT:
                if steps[-1].outcome is not Answer.YES:
                    break
                outcome = None
            else:
                outcome = draw(st.none() | st.sampled_from(list(Answer)))
            steps.append(sg.StepRecord(index, step, day, outcome))
    return sg.SignalLog(
        observations=tuple(observations),
        factors=tuple(draw(st.lists(factors_records(), max_size=2))),
        taxations=tuple(draw(st.lists(taxations(), max_size=3))),
        referrals=tuple(made),
        steps=tuple(steps),
        emotions=tuple(draw(st.lists(emotion_records(), max_size=2))),
    )


# --- Counsellor wellbeing and the social map ---------------------------------------------------


def wellbeing_ids(*lists: wb.WellbeingList) -> st.SearchStrategy[str]:
    """An item id from the given wellbeing lists."""
    return st.sampled_from([item.id for item in wb.items_of(*lists)])


def _chosen(*lists: wb.WellbeingList) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(wellbeing_ids(*lists), unique=True).map(tuple)


def stress_self_checks() -> st.SearchStrategy[wb.StressSelfCheck]:
    """A Bijlage 8 self-check with any number of recognised signals."""
    return st.builds(wb.StressSelfCheck, dates(), _chosen(wb.WellbeingList.STRESS_SIGNAL))


def signals_checks() -> st.SearchStrategy[wb.SignalsCheck]:
    """A Bijlage 7 check of signals of emotional reactions."""
    lists = (
        wb.WellbeingList.SIGNAL_GENERAL,
        wb.WellbeingList.SIGNAL_CLIENT,
        wb.WellbeingList.SIGNAL_TEAM,
    )
    return st.builds(wb.SignalsCheck, dates(), _chosen(*lists))


def reactions_reflections() -> st.SearchStrategy[wb.ReactionsReflection]:
    """A §6.1 reflection: reactions recognised on either side."""
    return st.builds(
        wb.ReactionsReflection,
        dates(),
        _chosen(wb.WellbeingList.DISTANCE, wb.WellbeingList.INVOLVEMENT),
        notes(),
    )


def emotion_exercises() -> st.SearchStrategy[wb.EmotionExercise]:
    """A Bijlage 7 exercise."""
    example = st.builds(
        wb.EmotionExample,
        wellbeing_ids(wb.WellbeingList.EXERCISE_EMOTION),
        notes(),
        notes(),
        notes(),
    )
    return st.builds(wb.EmotionExercise, dates(), st.lists(example, max_size=4).map(tuple))


def intervision_reflections() -> st.SearchStrategy[wb.IntervisionReflection]:
    """A Bijlage 9 reflection."""
    lists = [wl for wl in wb.WellbeingList if wl.value.startswith("intervision_")]
    entry = st.builds(wb.IntervisionEntry, wellbeing_ids(*lists), notes())
    return st.builds(wb.IntervisionReflection, dates(), st.lists(entry, max_size=5).map(tuple))


def counsellor_journals() -> st.SearchStrategy[wb.CounsellorJournal]:
    """A counsellor's own journal: a few entries of each instrument."""

    def few(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[Any, ...]]:
        return st.lists(strategy, max_size=2).map(tuple)

    return st.builds(
        wb.CounsellorJournal,
        few(emotion_exercises()),
        few(signals_checks()),
        few(stress_self_checks()),
        few(reactions_reflections()),
        few(intervision_reflections()),
    )


def map_entries() -> st.SearchStrategy[sm.MapEntry]:
    """A valid social-map entry."""
    host = st.from_regex(r"[a-z][a-z0-9]{0,10}\.(nl|org|eu)", fullmatch=True)
    url = st.one_of(st.just(""), host.map(lambda h: f"https://{h}"))
    return st.builds(
        sm.MapEntry,
        _filled_text(),
        st.sampled_from(list(sm.MapEntryKind)),
        st.sampled_from(list(sm.MapGroup)),
        url,
        dates(),
        notes(),
    )


def social_maps() -> st.SearchStrategy[sm.SocialMap]:
    """A social map of a few entries."""
    return st.lists(map_entries(), max_size=5).map(lambda e: sm.SocialMap(tuple(e)))


# --- Case files -------------------------------------------------------------------------------


def identifying_texts() -> st.SearchStrategy[str]:
    """Text for identifying fields, shaped so it cannot occur in other output by chance."""
    return st.from_regex(r"QX[A-Z]{4}[0-9]{4}", fullmatch=True)


def consent_records(
    organisations: tuple[str, ...] = ("Org A", "Org B", "IOM"),
) -> st.SearchStrategy[cf.ConsentRecord]:
    """A consent given or withdrawn, for one of ``organisations``."""

    @st.composite
    def build(draw: st.DrawFn) -> cf.ConsentRecord:
        purpose = draw(st.sampled_from(list(cf.ConsentPurpose)))
        action = draw(st.sampled_from(list(cf.ConsentAction)))
        parts: tuple[cf.CasePart, ...] = ()
        if purpose is cf.ConsentPurpose.HANDOVER and action is cf.ConsentAction.GIVE:
            parts = tuple(
                draw(st.lists(st.sampled_from(list(cf.CasePart)), min_size=1, unique=True))
            )
        organisation = draw(st.sampled_from(organisations))
        return cf.ConsentRecord(purpose, organisation, draw(dates()), action, parts, draw(notes()))

    return build()


@st.composite
def case_files(draw: st.DrawFn, fill: Fill = "partial") -> cf.CaseFile:
    """A whole case file. Identifying fields hold :func:`identifying_texts` and birth dates
    before 2000, so tests can look for them in exports."""
    ident = identifying_texts()
    client = ap.ClientInfo(
        name=draw(ident),
        date_of_birth=draw(st.none() | dates(dt.date(1920, 1, 1), dt.date(1999, 12, 31))),
        phone=draw(ident),
        email=draw(ident),
        address=draw(ident),
        country_of_origin=draw(notes()),
    )
    phase_days = sorted(draw(st.lists(dates(), max_size=3)))
    context = cf.CaseContext(
        phases=tuple(
            cf.PhaseChange(draw(st.sampled_from(list(cx.ProcessPhase))), day) for day in phase_days
        ),
        group=draw(st.none() | st.sampled_from(list(cx.ClientGroup))),
        unaccompanied_minor=draw(st.booleans()),
        asylum_outcome=draw(st.none() | st.sampled_from(list(AsylumOutcome))),
        return_way=draw(st.none() | st.sampled_from(list(cx.ReturnWay))),
        alternative=draw(st.none() | st.sampled_from(list(cx.Alternative))),
        vulnerable=tuple(
            draw(st.lists(st.sampled_from(list(cx.VulnerableCharacteristic)), unique=True))
        ),
    )
    days = sorted(draw(st.lists(dates(), max_size=3)))
    scored = [draw(assessments(assessed_on=st.just(day))) for day in days]
    possibilities, weighty = [], []
    for a in scored:
        keep: bool = draw(st.booleans())
        if keep:
            factor = draw(factor_ids())
            possibilities.append(ChangePossibility.for_factor(a, factor, draw(notes())))
            kind = draw(weight_kinds())
            weighty.append(WeightyFactor.for_factor(a, factor, kind, draw(notes())))
    plan = draw(action_plans(fill))
    organisation = ap.OrganisationInfo(
        counsellor=draw(ident), file_number=draw(ident), present=draw(ident)
    )
    plan = attrs.evolve(plan, organisation=organisation)
    return cf.CaseFile(
        case_id=draw(identifying_texts()),
        client=client,
        context=context,
        family=tuple(draw(st.lists(records(ap.FamilyMemberView), max_size=2))),
        assessments=tuple(scored),
        change_possibilities=tuple(possibilities),
        weighty_factors=tuple(weighty),
        plan=plan,
        health=tuple(draw(st.lists(health_checklists(), max_size=2))),
        signals=draw(signal_logs()),
        consents=tuple(draw(st.lists(consent_records(), max_size=4))),
    )


# --- A realistic synthetic cohort (for docs, examples and research scripts) ----------------------

#: ISO 3166-1 codes of countries of origin seen among clients of return counselling, for the
#: synthetic cohort (made-up people; only the spread of countries is meant to look familiar).
COHORT_COUNTRIES: tuple[str, ...] = (
    "AF", "AL", "AM", "CN", "DZ", "EG", "ER", "ET", "GE", "GN", "IQ", "IR", "LY", "MA", "MN",
    "NG", "PK", "RS", "RU", "SO", "SY", "TN", "TR", "UA", "YE",
)  # fmt: skip


def synthetic_cohort(count: int, *, seed: int = 0) -> list[cf.CaseFile]:
    """``count`` made-up case files that look like a counselling practice's, the same for the
    same ``seed``: a real country code per client, births 1960–2006, one to three Overview 1
    assessments from 2025 on, some weeks apart, the minimum factors always discussed and the
    others often, scores spread over −3..+3 (or unscored). For the research docs and for scripts
    that need plausible data; the property tests draw wider values.

    >>> cases = synthetic_cohort(3)
    >>> [c.client.country_of_origin for c in cases] == [
    ...     c.client.country_of_origin for c in synthetic_cohort(3)]
    True
    >>> all(a.assessed_on.year in (2025, 2026) for c in cases for a in c.assessments)
    True
    """
    import random

    rng = random.Random(seed)
    cases = []
    for n in range(count):
        client = ap.ClientInfo(
            date_of_birth=dt.date(rng.randint(1960, 2006), rng.randint(1, 12), rng.randint(1, 28)),
            country_of_origin=rng.choice(COHORT_COUNTRIES),
        )
        first = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randint(0, 480))
        context = cf.CaseContext(
            phases=(cf.PhaseChange(rng.choice(list(cx.ProcessPhase)), first),),
            group=rng.choice(list(cx.ClientGroup)),
            asylum_outcome=rng.choice(list(AsylumOutcome)),
        )
        case = cf.CaseFile(f"case-{n:04d}", client=client).with_context(context)
        day = first
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            scores: dict[str, int | None] = {}
            for factor in FACTORS:
                if factor.skippable_under_time_pressure and rng.random() < 0.3:
                    continue  # not discussed this time
                scores[factor.id] = None if rng.random() < 0.25 else rng.choice(sorted(SCORES))
            case = case.add_assessment(Assessment.build(day, scores))
            day += dt.timedelta(weeks=rng.randint(4, 12))
        cases.append(case)
    return cases
