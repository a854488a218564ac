"""Overview 1–3 behaviour on hand-picked examples (properties are in test_properties.py)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from terugkeer import (
    FACTORS,
    Assessment,
    AsylumOutcome,
    CandidateReason,
    ChangePossibility,
    FactorGroup,
    FactorNote,
    Movement,
    Rating,
    RatingKind,
    Totals,
    ValidationError,
    WeightKind,
    WeightyFactor,
    change_candidates,
    compare,
    get_factor,
    propose_weighty,
)

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
    assert get_factor("F01").outcome_categories == tuple(AsylumOutcome)
    assert all(not f.outcome_categories for f in FACTORS[1:])
    assert {o.value for o in AsylumOutcome} == {"aa", "va", "vbta", "undocumented", "refugee"}


def test_unknown_factor_id_is_a_validation_error() -> None:
    with pytest.raises(ValidationError):
        get_factor("F20")


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
    assert paths == ["$.scores[2]", "$.scores.F02.score", "$.scores.F03.score"]


def test_totals_are_side_by_side_per_group_and_overall() -> None:
    a = Assessment.build(DAY, {"F02": -3, "F05": 2, "F10": 1, "F13": -2, "F19": -1, "F18": None})
    assert a.totals() == Totals(minus=6, plus=3)
    by_group = a.totals_by_group()
    assert list(by_group) == list(FactorGroup)
    assert by_group[FactorGroup.COUNTRY_OF_ORIGIN] == Totals(3, 2)
    assert by_group[FactorGroup.NETHERLANDS] == Totals(2, 1)
    assert by_group[FactorGroup.HEALTH] == Totals(1, 0)
    assert not hasattr(a.totals(), "net")


def test_skipped_factor_does_not_count_as_rated() -> None:
    required = {f.id: None for f in FACTORS if f.rating_required}
    complete = Assessment.build(DAY, required)
    assert complete.is_complete
    gap = complete.with_rating(Rating.skipped("F08"))
    assert [f.id for f in gap.missing_ratings()] == ["F08"]
    assert not gap.is_complete


def test_netherlands_factors_and_factor_one_may_be_skipped() -> None:
    required = {
        f.id: 1 for f in FACTORS if f.group in (FactorGroup.COUNTRY_OF_ORIGIN, FactorGroup.HEALTH)
    }
    assert Assessment.build(DAY, required).is_complete


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


def test_weighty_factor_kind_follows_the_sign() -> None:
    a = Assessment.build(DAY, {"F02": -3, "F07": 2})
    assert WeightyFactor.for_factor(a, "F02").kind is WeightKind.VULNERABILITY
    assert WeightyFactor.for_factor(a, "F07").kind is WeightKind.STRENGTH


@pytest.mark.parametrize("factor", ["F03", "F05"])
def test_unscored_or_skipped_factor_cannot_be_weighty(factor: str) -> None:
    a = Assessment.build(DAY, {"F03": None})
    with pytest.raises(ValidationError) as info:
        WeightyFactor.for_factor(a, factor)
    assert [p.path for p in info.value.problems] == ["$.rating.kind"]


def test_weighty_proposal_orders_by_strength_then_book_order() -> None:
    a = Assessment.build(DAY, {"F13": 3, "F02": -3, "F05": 1, "F07": -2, "F04": 2})
    assert [w.factor.id for w in propose_weighty(a)] == ["F02", "F13", "F04", "F07", "F05"]
    assert [w.factor.id for w in propose_weighty(a, limit=2)] == ["F02", "F13"]
    with pytest.raises(ValidationError):
        propose_weighty(a, limit=-1)
