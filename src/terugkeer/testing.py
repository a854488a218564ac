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

from hypothesis import strategies as st

from .factors import (
    FACTORS,
    SCORES,
    Assessment,
    AsylumOutcome,
    ChangePossibility,
    Rating,
    RatingKind,
    WeightyFactor,
)

__all__ = [
    "assessment_pairs",
    "assessments",
    "change_possibilities",
    "dates",
    "factor_ids",
    "notes",
    "ratings",
    "scores",
    "weighty_factors",
]

_FIRST_DAY = dt.date(2000, 1, 1)
_LAST_DAY = dt.date(2100, 12, 31)


def dates(
    min_value: dt.date = _FIRST_DAY, max_value: dt.date = _LAST_DAY
) -> st.SearchStrategy[dt.date]:
    """Calendar days (never datetimes)."""
    return st.dates(min_value=min_value, max_value=max_value)


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
    """An assessment; ``complete=True`` rates each required factor, ``False`` skips one."""
    day = draw(assessed_on if assessed_on is not None else dates())
    rows = []
    for factor in FACTORS:
        kinds = tuple(RatingKind)
        if complete and factor.rating_required:
            kinds = (RatingKind.SCORED, RatingKind.UNSCORED)
        rows.append(draw(ratings(factor.id, kinds)))
    if complete is False:
        required = [i for i, f in enumerate(FACTORS) if f.rating_required]
        i = draw(st.sampled_from(required))
        rows[i] = Rating.skipped(FACTORS[i].id, rows[i].note)
    outcome = draw(st.none() | st.sampled_from(AsylumOutcome))
    return Assessment(day, tuple(rows), outcome, draw(notes()))


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


@st.composite
def weighty_factors(draw: st.DrawFn) -> WeightyFactor:
    """An Overview 3 row: always a scored factor."""
    rating = draw(ratings(kinds=(RatingKind.SCORED,)))
    return WeightyFactor(draw(dates()), rating, draw(notes()))
