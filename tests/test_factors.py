"""Overview 1–3 behaviour on hand-picked examples (properties are in test_properties.py)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from terugkeer import (
    FACTORS,
    Assessment,
    ChangePossibility,
    Rating,
    ValidationError,
    WeightyFactor,
    compare,
    label,
)
from terugkeer.factors import (
    SCALE_LEGEND,
    SCALE_NOTE,
    AsylumOutcome,
    Completeness,
    FactorGroup,
    FactorNote,
    Movement,
    NewConsideration,
    RatingKind,
    Totals,
)
from terugkeer.i18n import text
from terugkeer.overviews import CandidateReason, WeightKind, change_candidates, weighty_candidates

DAY = dt.date(2026, 3, 2)


def test_catalogue_has_nineteen_factors_in_book_order() -> None:
    assert [f.number for f in FACTORS] == list(range(1, 20))
    assert [f.id for f in FACTORS] == [f"F{n:02d}" for n in range(1, 20)]


def test_catalogue_groups_follow_the_form() -> None:
    groups = [f.group for f in FACTORS]
    assert groups == (
        [FactorGroup.STARTING_POSITION]
        + [FactorGroup.COUNTRY_OF_ORIGIN] * 8
        + [FactorGroup.NETHERLANDS] * 8
        + [FactorGroup.HEALTH] * 2
    )


def test_safety_factors_carry_the_personal_and_family_note() -> None:
    noted = [f.id for f in FACTORS if FactorNote.PERSONAL_AND_FAMILY in f.notes]
    assert noted == ["F02", "F10"]


def test_only_factor_one_carries_the_asylum_outcome_categories() -> None:
    assert FACTORS.get("F01").outcome_categories == tuple(AsylumOutcome)
    assert all(not f.outcome_categories for f in FACTORS[1:])
    assert {o.value for o in AsylumOutcome} == {"aa", "va", "vbta", "undocumented", "refugee"}


def test_unknown_factor_id_is_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        FACTORS.get("F20")


@pytest.mark.parametrize("bad", [0, 4, -4, "+3", 2.0, True, None])
def test_a_score_outside_the_form_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as info:
        Rating("F02", RatingKind.SCORED, bad)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["$.score"]


def test_unscored_and_skipped_take_no_score() -> None:
    with pytest.raises(ValidationError):
        Rating("F02", RatingKind.UNSCORED, 2)
    assert Rating.unscored("F02").score is None
    assert not Rating.skipped("F02").is_rated
    assert Rating.unscored("F02").is_rated


def test_ratings_must_be_in_book_order() -> None:
    ratings = list(Assessment.blank(DAY).ratings)
    ratings[0], ratings[1] = ratings[1], ratings[0]
    with pytest.raises(ValidationError) as info:
        Assessment(DAY, tuple(ratings))
    assert [p.path for p in info.value.problems] == ["$.ratings[0].factor", "$.ratings[1].factor"]


def test_an_assessment_needs_every_factor() -> None:
    with pytest.raises(ValidationError):
        Assessment(DAY, Assessment.blank(DAY).ratings[:-1])


def test_an_assessment_is_dated_by_day_not_moment() -> None:
    with pytest.raises(ValidationError):
        Assessment.blank(dt.datetime(2026, 3, 2, 10, 0))


def test_build_reports_every_bad_entry_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        Assessment.build(DAY, {"F02": 0, "F03": 7, "X": 1})
    paths = [p.path for p in info.value.problems]
    assert paths == ["$.scores.X", "$.scores.F02.score", "$.scores.F03.score"]  # keys by name


def test_build_never_echoes_a_key_that_is_not_a_name() -> None:
    with pytest.raises(ValidationError) as info:
        Assessment.build(DAY, {"Amira Haddad\n": 1})
    assert [p.path for p in info.value.problems] == ["$.scores[?]"]


def test_totals_are_side_by_side_per_group_and_overall() -> None:
    a = Assessment.build(DAY, {"F02": -3, "F05": 2, "F10": 1, "F13": -2, "F19": -1, "F18": None})
    assert a.totals() == Totals(minus=6, plus=3)
    by_group = a.totals_by_group()
    assert list(by_group) == list(FactorGroup)
    assert by_group[FactorGroup.COUNTRY_OF_ORIGIN] == Totals(3, 2)
    assert by_group[FactorGroup.NETHERLANDS] == Totals(2, 1)
    assert by_group[FactorGroup.HEALTH] == Totals(1, 0)
    assert not hasattr(a.totals(), "net")


NETHERLANDS = [f.id for f in FACTORS if f.group is FactorGroup.NETHERLANDS]


def test_complete_means_all_nineteen_factors_rated() -> None:
    """§3.1: aim for a score on every factor; "complete" is all 19 scored or discussed."""
    everything = Assessment.build(DAY, {f.id: None for f in FACTORS})
    assert everything.is_complete
    assert everything.completeness is Completeness.COMPLETE
    one_skipped = everything.with_rating(Rating.skipped("F14"))
    assert not one_skipped.is_complete
    assert [f.id for f in one_skipped.missing_ratings()] == ["F14"]


def test_skipping_the_netherlands_under_time_pressure_is_a_named_minimum() -> None:
    """§3.1: only under time pressure may the Netherlands factors be skipped; a weaker state."""
    rest = {f.id: 1 for f in FACTORS if f.id not in NETHERLANDS}
    pressed = Assessment.build(DAY, rest, time_pressure=True)
    assert pressed.completeness is Completeness.TIME_PRESSURE_MINIMUM
    assert not pressed.is_complete
    assert [f.id for f in pressed.missing_ratings()] == NETHERLANDS
    assert pressed.missing_for_minimum() == ()
    # Without the time pressure recorded, the same gaps are simply incomplete.
    assert Assessment.build(DAY, rest).completeness is Completeness.INCOMPLETE


@pytest.mark.parametrize("factor", ["F01", "F02", "F09", "F18"])
def test_time_pressure_never_excuses_factors_outside_the_netherlands(factor: str) -> None:
    rest = {f.id: 1 for f in FACTORS if f.id not in NETHERLANDS and f.id != factor}
    pressed = Assessment.build(DAY, rest, time_pressure=True)
    assert pressed.completeness is Completeness.INCOMPLETE
    assert [f.id for f in pressed.missing_for_minimum()] == [factor]


def test_only_the_netherlands_factors_are_skippable_under_time_pressure() -> None:
    assert [f.id for f in FACTORS if f.skippable_under_time_pressure] == NETHERLANDS


def test_the_scale_legend_runs_from_minus_three_to_plus_three_with_no_score_between() -> None:
    assert [p.score for p in SCALE_LEGEND] == [-3, -2, -1, None, 1, 2, 3]
    for locale in ("nl", "en"):
        meanings = [label(p, locale) for p in SCALE_LEGEND]
        assert len(set(meanings)) == 7
        assert text(SCALE_NOTE, locale) != SCALE_NOTE


def test_rescoring_adds_a_new_assessment_and_keeps_factor_one() -> None:
    first = Assessment.build(
        DAY,
        {"F01": None, "F02": -3, "F05": 1},
        notes={"F02": "fears the militia"},
        asylum_outcome=AsylumOutcome.VA,
        asylum_outcome_explanation="appeal pending",
    )
    later = first.rescored(DAY + dt.timedelta(days=90), {"F02": -2, "F05": None})
    assert later.assessed_on == DAY + dt.timedelta(days=90)
    assert later.asylum_outcome is AsylumOutcome.VA
    assert later.asylum_outcome_explanation == "appeal pending"
    assert later.rating("F02") == Rating.scored("F02", -2, "fears the militia")
    assert later.rating("F05").kind is RatingKind.UNSCORED
    assert later.rating("F07") == first.rating("F07")
    assert first.rating("F02").score == -3  # the earlier assessment is untouched
    changed = first.rescored(DAY, asylum_outcome=AsylumOutcome.UNDOCUMENTED)
    assert changed.asylum_outcome is AsylumOutcome.UNDOCUMENTED
    assert changed.asylum_outcome_explanation == "appeal pending"


def test_rescoring_reports_every_problem_by_path() -> None:
    first = Assessment.build(DAY, {"F02": -3})
    with pytest.raises(ValidationError) as info:
        first.rescored(
            DAY - dt.timedelta(days=1),
            {"F02": 0, "X": 1, "F03": Rating.scored("F04", 1)},
        )
    paths = sorted(p.path for p in info.value.problems)
    assert paths == ["$.changes.F02.score", "$.changes.F03.factor", "$.changes.X", "$.on"]


def test_compare_shows_a_change_of_factor_one_category_with_the_same_score() -> None:
    first = Assessment.build(DAY, {"F01": -1}, asylum_outcome=AsylumOutcome.VA)
    later = first.rescored(DAY + dt.timedelta(days=30), asylum_outcome=AsylumOutcome.UNDOCUMENTED)
    change = compare(first, later)[0]
    assert change.movement is Movement.UNCHANGED
    assert change.outcome_changed and change.changed
    assert (change.outcome_before, change.outcome_after) == (
        AsylumOutcome.VA,
        AsylumOutcome.UNDOCUMENTED,
    )
    assert not any(c.changed for c in compare(first, first))


def test_a_new_consideration_is_named_dated_and_kept_beside_the_totals() -> None:
    item = NewConsideration("caring for a sick mother", DAY, "came up by phone")
    a = attrs.evolve(Assessment.build(DAY, {"F02": -3}), new_considerations=(item,))
    assert a.totals() == Totals(3, 0)
    with pytest.raises(ValidationError) as info:
        NewConsideration("  ", DAY)
    assert [p.path for p in info.value.problems] == ["$.name"]
    with pytest.raises(ValidationError) as info:
        attrs.evolve(a, new_considerations=(attrs.evolve(item, raised_on=DAY + dt.timedelta(1)),))
    assert [p.path for p in info.value.problems] == ["$.new_considerations[0].raised_on"]


def test_changing_a_rating_returns_a_new_assessment() -> None:
    a = Assessment.blank(DAY)
    b = a.with_rating(Rating.scored("F04", 2))
    assert a.rating("F04").kind is RatingKind.SKIPPED
    assert b.rating("F04").score == 2
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.assessed_on = DAY  # type: ignore[misc]


def test_compare_names_each_movement() -> None:
    earlier = Assessment.build(DAY, {"F02": -3, "F03": 2, "F04": 1, "F05": 1, "F06": None})
    later = Assessment.build(
        DAY + dt.timedelta(days=30), {"F02": -1, "F03": 1, "F04": 1, "F07": 2, "F06": None}
    )
    moves = {c.factor.id: c.movement for c in compare(earlier, later)}
    assert moves["F02"] is Movement.TOWARDS_POSITIVE
    assert moves["F03"] is Movement.TOWARDS_NEGATIVE
    assert moves["F04"] is Movement.UNCHANGED
    assert moves["F05"] is Movement.NO_LONGER_RATED
    assert moves["F07"] is Movement.NEWLY_RATED
    assert moves["F06"] is Movement.UNCHANGED


def test_comparing_out_of_date_order_is_an_error() -> None:
    earlier = Assessment.blank(DAY)
    later = Assessment.blank(DAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        compare(later, earlier)
    assert len(compare(earlier, earlier)) == 19


def test_change_candidates_list_negatives_then_unscored() -> None:
    a = Assessment.build(DAY, {"F19": -1, "F02": -3, "F03": None, "F04": 2, "F11": None})
    got = [(c.factor.id, c.reason) for c in change_candidates(a)]
    assert got == [
        ("F02", CandidateReason.WORKS_AGAINST_RETURN),
        ("F19", CandidateReason.WORKS_AGAINST_RETURN),
        ("F03", CandidateReason.UNSCORED),
        ("F11", CandidateReason.UNSCORED),
    ]


def test_change_possibility_takes_the_rating_from_the_assessment() -> None:
    a = Assessment.build(DAY, {"F04": -2})
    row = ChangePossibility.for_factor(a, "F04", how="news about a house", helpers="aunt")
    assert row.rating == Rating.scored("F04", -2)
    assert row.assessed_on == DAY
    assert row.factor.id == "F04"


def test_strength_or_vulnerability_is_chosen_never_derived_from_the_sign() -> None:
    """§3.7: work in NL at −3 is not a vulnerability; fear of detention at +2 is no strength."""
    a = Assessment.build(DAY, {"F13": -3, "F10": 2})
    assert WeightyFactor.for_factor(a, "F13", WeightKind.STRENGTH).kind is WeightKind.STRENGTH
    assert (
        WeightyFactor.for_factor(a, "F10", WeightKind.VULNERABILITY).kind
        is WeightKind.VULNERABILITY
    )
    with pytest.raises(TypeError):
        WeightyFactor.for_factor(a, "F13")  # type: ignore[call-arg]
    with pytest.raises(ValidationError) as info:
        WeightyFactor(DAY, a.rating("F13"), "strength")  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["$.kind"]


@pytest.mark.parametrize("factor", ["F01", "F03", "F05"])
def test_any_factor_may_be_weighty(factor: str) -> None:
    """Factor 1, an unscored factor and a skipped one can all be chosen (§3.7, B3)."""
    a = Assessment.build(DAY, {"F01": None, "F03": None})
    row = WeightyFactor.for_factor(a, factor, WeightKind.NOT_YET_CHOSEN, "to discuss")
    assert row.factor.id == factor


def test_weighty_candidates_are_ordered_by_size_and_carry_no_kind() -> None:
    a = Assessment.build(DAY, {"F13": 3, "F02": -3, "F05": 1, "F07": -2, "F04": 2, "F09": None})
    candidates = weighty_candidates(a)
    assert [c.factor.id for c in candidates] == ["F02", "F13", "F04", "F07", "F05", "F09"]
    assert not any(hasattr(c, "kind") for c in candidates)


def test_weighty_candidates_come_from_overview_2_too_and_factor_1_leads() -> None:
    # B3: choose from Overviews 1 and 2; §3.2: factor 1 is crucial and hard to score.
    from terugkeer.overviews import ChangePossibility

    a = Assessment.build(DAY, {"F01": None, "F02": -3, "F05": 1})
    skipped_but_changeable = ChangePossibility.for_factor(a, "F12", how="a room via church")
    scored_and_changeable = ChangePossibility.for_factor(a, "F05", how="course")
    candidates = weighty_candidates(a, [skipped_but_changeable, scored_and_changeable])
    assert [c.factor.id for c in candidates] == ["F01", "F02", "F05", "F12"]
    assert [c.in_overview2 for c in candidates] == [False, False, True, True]


def test_a_factor_discussed_for_the_first_time_is_not_unchanged() -> None:
    # Issue 31: skipped (not discussed) and then discussed without a score read as "unchanged".
    from terugkeer.factors import Movement, Rating, RatingKind

    earlier = Assessment.build(DAY, {"F02": -2}).with_rating(Rating("F11", RatingKind.SKIPPED))
    later = earlier.rescored(dt.date(2026, 6, 1), {"F11": Rating("F11", RatingKind.UNSCORED)})
    moved = {c.factor.id: c for c in compare(earlier, later)}
    assert moved["F11"].movement is Movement.FIRST_DISCUSSED
    assert moved["F11"].changed
    again = later.rescored(dt.date(2026, 7, 1), {"F11": Rating("F11", RatingKind.SKIPPED)})
    assert {c.factor.id: c.movement for c in compare(later, again)}["F11"] is (
        Movement.NOT_DISCUSSED_NOW
    )
