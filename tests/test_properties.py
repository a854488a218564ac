"""Property tests; each docstring quotes the rule it checks."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from terugkeer import (
    FACTORS,
    ActionPlan,
    Assessment,
    CaseFile,
    CaseSummary,
    ChangePossibility,
    ConsentRecord,
    Rating,
    SignalLog,
    WeightyFactor,
    case_summary,
    compare,
    dumps,
    handover_bundle,
    loads,
)
from terugkeer.case import (
    CaseContext,
    CasePart,
    ClinicianBundle,
    ConsentPurpose,
    HandoverBundle,
    PhaseChange,
    ReferralBundle,
    clinician_bundle,
    referral_bundle,
)
from terugkeer.context import LegalCheckAdvice, VulnerableCharacteristic, legal_check_advice
from terugkeer.documents.converter import CONVERTER, FAST_CONVERTER
from terugkeer.documents.serialization import DOCUMENT_TYPES
from terugkeer.factors import (
    Completeness,
    FactorChange,
    FactorGroup,
    Movement,
    NewConsideration,
    RatingKind,
    Totals,
)
from terugkeer.healthfindings import HealthFinding, health_findings
from terugkeer.overviews import (
    CandidateReason,
    ChangeCandidate,
    WeightKind,
    change_candidates,
    weighty_candidates,
)
from terugkeer.planning import (
    MonitoringAdvice,
    PlanAttention,
    SectionProgress,
    completeness,
    monitoring_advice,
    plan_attention,
)
from terugkeer.referral import (
    Guidance,
    OpenStep,
    ReferralIndication,
    SignalSummary,
    open_steps,
    summarize,
    when_to_refer,
)
from terugkeer.signals import (
    EmotionObservation,
    EmotionRecord,
    FactorsRecord,
    Referral,
    SignalObservation,
    StepRecord,
    Taxation,
)
from terugkeer.socialmap import MapEntry, SocialMap
from terugkeer.stamps import Entered
from terugkeer.testing import (
    action_plans,
    assessment_pairs,
    assessments,
    case_files,
    change_possibilities,
    consent_records,
    counsellor_journals,
    emotion_exercises,
    emotion_records,
    entered_stamps,
    factor_ids,
    factors_records,
    health_checklists,
    intervision_reflections,
    map_entries,
    new_considerations,
    ratings,
    reactions_reflections,
    records,
    referrals,
    signal_logs,
    signal_observations,
    signals_checks,
    social_maps,
    stress_self_checks,
    taxations,
    weight_kinds,
    weighty_factors,
)
from terugkeer.wellbeing import (
    CounsellorJournal,
    EmotionExample,
    EmotionExercise,
    IntervisionEntry,
    IntervisionReflection,
    ReactionsReflection,
    ReflectionSummary,
    SignalsCheck,
    StressAdvice,
    StressSelfCheck,
    reflection_summary,
    stress_advice,
)


class TestTotals:
    """Total − and Total + are shown side by side, never netted (SPEC §0, §2)."""

    @given(assessments())
    def test_totals_are_the_sums_of_each_sign(self, a: Assessment) -> None:
        scores = [r.score for r in a.ratings if r.score is not None]
        totals = a.totals()
        assert totals.minus == sum(-s for s in scores if s < 0)
        assert totals.plus == sum(s for s in scores if s > 0)
        assert [f.name for f in attrs.fields(type(totals))] == ["minus", "plus"]

    @given(assessments())
    def test_group_totals_add_up_to_the_overall_totals(self, a: Assessment) -> None:
        by_group = a.totals_by_group()
        assert sum(t.minus for t in by_group.values()) == a.totals().minus
        assert sum(t.plus for t in by_group.values()) == a.totals().plus


class TestCompleteness:
    """Complete means all 19 rated; the time-pressure minimum is a weaker, named state (§3.1)."""

    @given(assessments(complete=True))
    def test_rating_all_nineteen_is_complete(self, a: Assessment) -> None:
        assert a.is_complete and a.completeness is Completeness.COMPLETE

    @given(assessments(complete=False))
    def test_any_skipped_factor_means_not_complete(self, a: Assessment) -> None:
        assert a.missing_ratings()
        assert not a.is_complete

    @given(assessments())
    def test_the_minimum_skips_only_the_netherlands_and_needs_time_pressure(
        self, a: Assessment
    ) -> None:
        if a.completeness is Completeness.TIME_PRESSURE_MINIMUM:
            assert a.time_pressure
            assert all(f.group is FactorGroup.NETHERLANDS for f in a.missing_ratings())


class TestRescoring:
    """Re-scoring adds a dated assessment and never overwrites one (SPEC §0, §2)."""

    @given(assessment_pairs())
    def test_compare_covers_every_factor_in_book_order(
        self, pair: tuple[Assessment, Assessment]
    ) -> None:
        earlier, later = pair
        changes = compare(earlier, later)
        assert [c.factor for c in changes] == list(FACTORS)
        for change, before, after in zip(changes, earlier.ratings, later.ratings, strict=True):
            assert (change.before, change.after) == (before, after)

    @given(assessment_pairs())
    def test_movement_agrees_with_the_scores(self, pair: tuple[Assessment, Assessment]) -> None:
        for c in compare(*pair):
            b, a = c.before.score, c.after.score
            if b is not None and a is not None:
                expected = (
                    Movement.TOWARDS_NEGATIVE
                    if a < b
                    else Movement.TOWARDS_POSITIVE
                    if a > b
                    else Movement.UNCHANGED
                )
                assert c.movement is expected
            elif b is None and a is not None:
                assert c.movement is Movement.NEWLY_RATED
            elif b is not None:
                assert c.movement is Movement.NO_LONGER_RATED
            elif c.before.is_rated != c.after.is_rated:
                assert c.movement in (Movement.FIRST_DISCUSSED, Movement.NOT_DISCUSSED_NOW)
                assert (c.movement is Movement.FIRST_DISCUSSED) is c.after.is_rated
            else:
                assert c.movement is Movement.UNCHANGED

    @given(assessments(), ratings())
    def test_with_rating_leaves_the_original_untouched(self, a: Assessment, r: object) -> None:
        before = dumps(a)
        a.with_rating(r)  # type: ignore[arg-type]
        assert dumps(a) == before


class TestOverviewTwo:
    """Candidates are the factors working negatively, then the unscored (SPEC §3)."""

    @given(assessments())
    def test_candidates_are_negatives_then_unscored_in_book_order(self, a: Assessment) -> None:
        got = change_candidates(a)
        negatives = [c for c in got if c.reason is CandidateReason.WORKS_AGAINST_RETURN]
        unscored = [c for c in got if c.reason is CandidateReason.UNSCORED]
        assert list(got) == negatives + unscored
        assert [c.factor.id for c in negatives] == [
            r.factor for r in a.ratings if r.score is not None and r.score < 0
        ]
        assert [c.factor.id for c in unscored] == [
            r.factor for r in a.ratings if r.kind is RatingKind.UNSCORED
        ]


class TestOverviewThree:
    """Candidates are ordered by the size of the score, both signs alike; the kind is chosen by
    counsellor and client and never derived from the sign (§3.7, B3)."""

    @given(assessments())
    def test_candidates_are_every_discussed_factor_largest_score_first(self, a: Assessment) -> None:
        candidates = weighty_candidates(a)
        if a.rating("F01").is_rated:  # factor 1 is crucial (§3.2): first, scored or not
            assert candidates[0].factor.id == "F01"
            candidates = candidates[1:]
        scored = [c for c in candidates if c.rating.score is not None]
        keys = [(-abs(c.rating.score or 0), c.factor.number) for c in scored]
        assert keys == sorted(keys)
        assert candidates[: len(scored)] == tuple(scored)
        ids = {c.factor.id for c in weighty_candidates(a)}
        assert ids == {r.factor for r in a.ratings if r.is_rated}

    @given(assessments(), factor_ids(), weight_kinds())
    def test_the_kind_is_whatever_was_chosen_whatever_the_sign(
        self, a: Assessment, factor: str, kind: WeightKind
    ) -> None:
        assert WeightyFactor.for_factor(a, factor, kind).kind is kind


def _derived(
    make: Callable[[Assessment, Assessment], Sequence[object]],
) -> st.SearchStrategy[object]:
    return assessment_pairs().flatmap(lambda p: st.sampled_from(list(make(*p)) or [p[0].totals()]))


def _from_plan(make: Callable[[ActionPlan], Sequence[object]]) -> st.SearchStrategy[object]:
    return action_plans().flatmap(lambda plan: st.sampled_from(list(make(plan))))


_FULL_HANDOVER = ConsentRecord(
    ConsentPurpose.HANDOVER, "Org A", dt.date(2026, 1, 1), parts=tuple(CasePart)
)


_LAST = dt.date(2100, 12, 31)
_CLINICIAN = ConsentRecord(ConsentPurpose.CONSULT_CLINICIAN, "Org A", dt.date(2026, 1, 1))
_REFERRAL = ConsentRecord(ConsentPurpose.REFERRAL_CONSULTATION, "Org A", dt.date(2026, 1, 1))


def document_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """A strategy for every serialisable type, for the round-trip property."""
    found: dict[type, st.SearchStrategy[Any]] = {
        cls: records(cls)
        for cls in DOCUMENT_TYPES
        if cls.__module__ in ("terugkeer.actionplan", "terugkeer.health")
    }
    found.update(
        {
            Rating: ratings(),
            Assessment: assessments(),
            Totals: assessments().map(lambda a: a.totals()),
            FactorChange: _derived(compare),
            ChangeCandidate: assessments(complete=True)
            .filter(change_candidates)
            .map(lambda a: change_candidates(a)[0]),
            ChangePossibility: change_possibilities(),
            WeightyFactor: weighty_factors(),
            ActionPlan: action_plans(),
            SectionProgress: _from_plan(completeness),
            MonitoringAdvice: _from_plan(lambda plan: [monitoring_advice(plan)]),
            HealthFinding: health_checklists()
            .filter(health_findings)
            .map(lambda c: health_findings(c)[0]),
            SignalLog: signal_logs(),
            SignalObservation: signal_observations(),
            FactorsRecord: factors_records(),
            Taxation: taxations(),
            Referral: referrals(),
            StepRecord: signal_logs().filter(lambda log: log.steps).map(lambda log: log.steps[0]),
            EmotionRecord: emotion_records(),
            EmotionObservation: emotion_records()
            .filter(lambda r: r.emotions)
            .map(lambda r: r.emotions[0]),
            ReferralIndication: st.builds(when_to_refer, st.none() | taxations()),
            OpenStep: signal_logs()
            .filter(lambda log: log.referrals)
            .flatmap(lambda log: st.sampled_from(open_steps(log, 0) or (None,)))
            .filter(lambda s: s is not None),
            SignalSummary: signal_logs().map(summarize),
            Guidance: signal_logs(suicide_related=True).map(lambda log: summarize(log).guidance[0]),
            StressSelfCheck: stress_self_checks(),
            StressAdvice: stress_self_checks().map(stress_advice),
            SignalsCheck: signals_checks(),
            ReactionsReflection: reactions_reflections(),
            ReflectionSummary: reactions_reflections().map(reflection_summary),
            EmotionExercise: emotion_exercises(),
            EmotionExample: emotion_exercises()
            .filter(lambda e: e.examples)
            .map(lambda e: e.examples[0]),
            IntervisionReflection: intervision_reflections(),
            CounsellorJournal: counsellor_journals(),
            IntervisionEntry: intervision_reflections()
            .filter(lambda r: r.entries)
            .map(lambda r: r.entries[0]),
            MapEntry: map_entries(),
            SocialMap: social_maps(),
            LegalCheckAdvice: st.lists(st.sampled_from(list(VulnerableCharacteristic))).map(
                legal_check_advice
            ),
            CaseFile: case_files(),
            CaseContext: case_files().map(lambda c: c.context),
            PhaseChange: case_files()
            .filter(lambda c: c.context.phases)
            .map(lambda c: c.context.phases[0]),
            ConsentRecord: consent_records(),
            HandoverBundle: case_files().map(
                lambda c: handover_bundle(
                    c.add_consent(_FULL_HANDOVER), "Org A", on=dt.date(2100, 12, 31)
                )
            ),
            CaseSummary: case_files().map(case_summary),
            ClinicianBundle: case_files().map(
                lambda c: clinician_bundle(c.add_consent(_CLINICIAN), "Org A", on=_LAST)
            ),
            ReferralBundle: case_files().map(
                lambda c: referral_bundle(c.add_consent(_REFERRAL), "Org A", on=_LAST)
            ),
            PlanAttention: st.lists(weighty_factors(), min_size=1)
            .map(plan_attention)
            .filter(bool)
            .map(lambda items: items[0]),
            NewConsideration: new_considerations(),
            Entered: entered_stamps(),
        }
    )
    return found


class TestRoundTrip:
    """Every serialisable type survives dumps/loads unchanged and is written as cattrs writes it."""

    def test_there_is_a_strategy_for_every_document_type(self) -> None:
        assert set(document_strategies()) == set(DOCUMENT_TYPES)

    @pytest.mark.parametrize("cls", list(DOCUMENT_TYPES), ids=lambda c: c.__name__)
    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def test_every_document_type_round_trips(self, cls: type, data: st.DataObject) -> None:
        obj = data.draw(document_strategies()[cls])
        assert type(obj) is cls
        assert loads(dumps(obj), cls) == obj
        # The fast path writes each record as cattrs' own unstructuring does, key order too.
        fast, reference = FAST_CONVERTER.unstructure(obj), CONVERTER.unstructure(obj)
        assert json.dumps(fast, ensure_ascii=False) == json.dumps(reference, ensure_ascii=False)
        # With orjson, dumps writes the same text as the standard library does from that dict.
        compact = json.dumps(reference, ensure_ascii=False, separators=(",", ":"))
        assert dumps(obj).endswith("," + compact[1:])
