"""Overviews 2 and 3: what could still change; the weighty factors as strengths and vulnerabilities.

Both read a dated assessment of Overview 1 (:mod:`terugkeer.factors`). Which factors weigh, and
whether one is a strength or a vulnerability, is judged by the counsellor and the client together
(§3.7): the library lists and orders candidates, it never fills that judgement in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from . import _fields
from ._checks import check_date, check_enum, check_text, raise_if
from ._labelled import LabelledEnum
from .errors import Problem
from .factors import FACTORS, Assessment, Factor, Rating, RatingKind

__all__ = [
    "CandidateReason",
    "ChangeCandidate",
    "ChangePossibility",
    "WeightKind",
    "WeightyCandidate",
    "WeightyFactor",
    "change_candidates",
    "weighty_candidates",
]


# --- Overview 2 (Overzicht 2): possibilities for change -------------------------------------


class CandidateReason(LabelledEnum):
    """Why :func:`change_candidates` listed a factor (book §3.6, Bijlage 2)."""

    WORKS_AGAINST_RETURN = "works_against_return"  #: scored negatively now
    UNSCORED = "unscored"  #: discussed but neutral or unknown: new information may settle it


@attrs.frozen(weakref_slot=False)
class ChangeCandidate:
    """A factor worth discussing for Overview 2, with the reason it was listed."""

    factor: Factor
    rating: Rating
    reason: CandidateReason


def change_candidates(assessment: Assessment) -> tuple[ChangeCandidate, ...]:
    """Factors to discuss for Overview 2: those working negatively, then the unscored.

    Each group is in book order. Skipped factors are not listed: they were not discussed.
    This only suggests where to look; the client and counsellor judge together (book §3.6).

    >>> a = Assessment.build(dt.date(2026, 3, 2), {"F02": -3, "F04": None, "F05": -1, "F07": 2})
    >>> [(c.factor.id, c.reason.value) for c in change_candidates(a)]
    [('F02', 'works_against_return'), ('F05', 'works_against_return'), ('F04', 'unscored')]
    """
    pairs = list(zip(FACTORS, assessment.ratings, strict=True))
    negative = [
        ChangeCandidate(f, r, CandidateReason.WORKS_AGAINST_RETURN)
        for f, r in pairs
        if r.score is not None and r.score < 0
    ]
    unscored = [
        ChangeCandidate(f, r, CandidateReason.UNSCORED)
        for f, r in pairs
        if r.kind is RatingKind.UNSCORED
    ]
    return tuple(negative + unscored)


@attrs.frozen(weakref_slot=False)
class ChangePossibility:
    """One row of Overview 2: how, when and with whose help a factor could still change.

    ``rating`` is the factor's rating in the assessment of ``assessed_on``; build it with
    :meth:`for_factor` so the two cannot disagree.
    """

    assessed_on: dt.date
    rating: Rating
    how: str = ""
    circumstances: str = ""
    helpers: str = ""

    def __attrs_post_init__(self) -> None:
        problems = check_date(self.assessed_on, "$.assessed_on")
        if not isinstance(self.rating, Rating):
            problems.append(Problem("$.rating", "type.record", {"expected": "Rating"}))
        for name in ("how", "circumstances", "helpers"):
            problems += check_text(getattr(self, name), f"$.{name}")
        raise_if(problems)

    @classmethod
    def for_factor(
        cls,
        assessment: Assessment,
        factor_id: str,
        how: str = "",
        circumstances: str = "",
        helpers: str = "",
    ) -> ChangePossibility:
        """Record a change possibility, taking the current rating from ``assessment``."""
        return cls(
            assessment.assessed_on, assessment.rating(factor_id), how, circumstances, helpers
        )

    @property
    def factor(self) -> Factor:
        """The factor this row is about."""
        return FACTORS.get(self.rating.factor)


# --- Overview 3 (Overzicht 3): weighty factors -----------------------------------------------


class WeightKind(LabelledEnum):
    """Whether a weighty factor is a strength or a vulnerability, as counsellor and client chose.

    The choice is theirs (§3.7, B3) and never follows from the sign of the score: work in the
    Netherlands scored −3 is not by that a vulnerability of the client, and fear of detention
    scored +2 is not a strength.
    """

    STRENGTH = "strength"  #: something to build on
    VULNERABILITY = "vulnerability"  #: needs protection or reinforcement
    #: Marked weighty, kind not chosen yet (also what rows saved before the kind existed become).
    NOT_YET_CHOSEN = "not_yet_chosen"


@attrs.frozen(weakref_slot=False)
class WeightyCandidate:
    """A factor worth considering for Overview 3, with its rating. It carries no kind."""

    factor: Factor
    rating: Rating
    #: Overview 2 has a row for this factor in the same assessment: it could still change.
    in_overview2: bool = False


def weighty_candidates(
    assessment: Assessment, changes: Iterable[ChangePossibility] = ()
) -> tuple[WeightyCandidate, ...]:
    """Candidates for Overview 3, chosen from Overviews 1 *and* 2 (B3): factor 1 first when it
    was discussed (§3.2 calls it crucial, and it is hard to score), then the scored factors by
    the size of the score, then the unscored, then any factor only Overview 2 names.

    ±3 first, both signs alike (B3); ties and the unscored in book order. A factor with a row in
    Overview 2 (``changes`` of the same assessment date) is marked ``in_overview2``. Skipped
    factors without such a row were not discussed and are not listed, yet any factor may still
    be chosen with :meth:`WeightyFactor.for_factor`. Which ones weigh, and as what, the counsellor
    and the client decide together.

    >>> a = Assessment.build(dt.date(2026, 3, 2), {"F01": None, "F02": -3, "F05": 1, "F07": 3})
    >>> [c.factor.id for c in weighty_candidates(a)]
    ['F01', 'F02', 'F07', 'F05']
    """
    in_two = {c.rating.factor for c in changes if c.assessed_on == assessment.assessed_on}
    pairs = list(zip(FACTORS, assessment.ratings, strict=True))
    first = [(f, r) for f, r in pairs[:1] if r.is_rated]
    rest = pairs[len(first) :]
    scored = sorted(
        ((f, r) for f, r in rest if r.score is not None),
        key=lambda pair: (-abs(pair[1].score or 0), pair[0].number),
    )
    unscored = [(f, r) for f, r in rest if r.kind is RatingKind.UNSCORED]
    only_two = [(f, r) for f, r in rest if not r.is_rated and f.id in in_two]
    return tuple(
        WeightyCandidate(f, r, f.id in in_two) for f, r in (*first, *scored, *unscored, *only_two)
    )


@attrs.frozen(weakref_slot=False)
class WeightyFactor:
    """One row of Overview 3: a weighty factor, the kind chosen for it, and why/how it counts.

    ``assessed_on`` names the assessment the row was chosen from and ``rating`` is the factor's
    rating there; build it with :meth:`for_factor` so the two agree (a case file refuses a row
    that contradicts its assessment). Any factor may be weighty, scored or not. The row serves
    onward migration or irregular stay as well as return (§3.7).

    >>> a = Assessment.build(dt.date(2026, 3, 2), {"F13": -3})
    >>> row = WeightyFactor.for_factor(a, "F13", WeightKind.STRENGTH, "work experience to use")
    >>> (row.rating.score, row.kind.value)
    (-3, 'strength')
    """

    assessed_on: dt.date
    rating: Rating
    kind: WeightKind
    why_how: str = attrs.field(default="", metadata=_fields.text(free_text=True))

    def __attrs_post_init__(self) -> None:
        problems = check_date(self.assessed_on, "$.assessed_on")
        if not isinstance(self.rating, Rating):
            problems.append(Problem("$.rating", "type.record", {"expected": "Rating"}))
        problems += check_enum(self.kind, "$.kind", WeightKind)
        problems += check_text(self.why_how, "$.why_how")
        raise_if(problems)

    @classmethod
    def for_factor(
        cls, assessment: Assessment, factor_id: str, kind: WeightKind, why_how: str = ""
    ) -> WeightyFactor:
        """Record a weighty factor chosen from ``assessment``, with the kind chosen for it."""
        return cls(assessment.assessed_on, assessment.rating(factor_id), kind, why_how)

    @property
    def factor(self) -> Factor:
        """The factor this row is about."""
        return FACTORS.get(self.rating.factor)
