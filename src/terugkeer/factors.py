"""Overview 1 (Overzicht 1): the factors that weigh in the decision, and the dated assessment.

A client scores each of 19 factors from −3 (works against return) to +3 (works for return), leaves
it unscored (discussed: neutral or unknown), or it is skipped (not discussed). "Negative" and
"positive" describe a direction relative to return, never a value judgement (SPEC §0, §3.1).
Nothing here computes a verdict, a likelihood or a netted score: Total − and Total + are kept
side by side (SPEC §0, §2).

Overview 2 (what could still change) and Overview 3 (weighty factors as strengths and
vulnerabilities) read an assessment; they are here too, at the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

import attrs

from ._catalogue_factors import FACTOR_ROWS
from ._checks import check_date, check_enum, check_int, check_text, raise_if
from ._labelled import LabelledEnum
from .errors import Problem, ValidationError

__all__ = [
    "FACTORS",
    "SCORES",
    "Assessment",
    "AsylumOutcome",
    "CandidateReason",
    "ChangeCandidate",
    "ChangePossibility",
    "Factor",
    "FactorChange",
    "FactorGroup",
    "FactorNote",
    "Movement",
    "Rating",
    "RatingKind",
    "Totals",
    "WeightKind",
    "WeightyFactor",
    "change_candidates",
    "compare",
    "get_factor",
    "propose_weighty",
]

#: The scores the form offers: −3..−1 and +1..+3. The form has no zero; "no score" is
#: :attr:`RatingKind.UNSCORED`.
SCORES: frozenset[int] = frozenset({-3, -2, -1, 1, 2, 3})


class FactorGroup(LabelledEnum):
    """The four blocks of Overview 1, in form order."""

    STARTING_POSITION = "starting_position"
    COUNTRY_OF_ORIGIN = "country_of_origin"
    NETHERLANDS = "netherlands"
    HEALTH = "health"


class FactorNote(LabelledEnum):
    """A footnote the form attaches to a factor."""

    #: Factors 2 and 10: safety is judged for the client personally *and* for the family.
    PERSONAL_AND_FAMILY = "personal_and_family"


class AsylumOutcome(LabelledEnum):
    """Factor 1's categories: where the asylum procedure ended (or the client's status)."""

    AA = "aa"  #: general asylum procedure (algemene asielprocedure)
    VA = "va"  #: extended asylum procedure (verlengde asielprocedure)
    VBTA = "vbta"  #: temporary asylum permit expiring or withdrawn
    UNDOCUMENTED = "undocumented"
    REFUGEE = "refugee"


@attrs.frozen
class Factor:
    """One row of Overview 1: a stable id, its number on the form, its group and its notes.

    >>> get_factor("F02").group
    <FactorGroup.COUNTRY_OF_ORIGIN: 'country_of_origin'>
    """

    id: str
    number: int
    group: FactorGroup
    #: Whether a complete assessment needs this factor rated (scored or unscored), SPEC §2.
    rating_required: bool
    notes: tuple[FactorNote, ...] = ()
    #: The categories this factor records besides (or instead of) a score; only factor 1 has any.
    outcome_categories: tuple[AsylumOutcome, ...] = ()

    @property
    def message_id(self) -> str:
        """Message id of the factor's label."""
        return f"Factor.{self.id}.label"

    @property
    def help_message_id(self) -> str:
        """Message id of the factor's short help text."""
        return f"Factor.{self.id}.help"


#: The 19 factors of Overview 1 in book order (SPEC §2).
FACTORS: tuple[Factor, ...] = tuple(
    Factor(
        id=row.id,
        number=row.number,
        group=FactorGroup(row.group),
        rating_required=row.rating_required,
        notes=(FactorNote.PERSONAL_AND_FAMILY,) if row.personal_and_family else (),
        outcome_categories=tuple(AsylumOutcome) if row.asylum_outcome else (),
    )
    for row in FACTOR_ROWS
)
_BY_ID: dict[str, Factor] = {f.id: f for f in FACTORS}
_INDEX: dict[str, int] = {f.id: i for i, f in enumerate(FACTORS)}


def get_factor(factor_id: str) -> Factor:
    """Look a factor up by its stable id; an unknown id is a :class:`ValidationError`.

    >>> get_factor("F19").number
    19
    """
    try:
        return _BY_ID[factor_id]
    except (KeyError, TypeError):
        raise ValidationError.at("$", "unknown factor id") from None


class RatingKind(LabelledEnum):
    """How a factor was dealt with in an assessment."""

    SCORED = "scored"  #: given a score −3..−1 or +1..+3
    UNSCORED = "unscored"  #: discussed, but neutral or unknown ("geen score")
    SKIPPED = "skipped"  #: not discussed, e.g. under time pressure


@attrs.frozen
class Rating:
    """How one factor stands in one assessment, with an optional note.

    >>> Rating.scored("F02", -3).score
    -3
    >>> Rating.scored("F02", 0)
    Traceback (most recent call last):
    ...
    terugkeer.errors.ValidationError: 1 problem: $.score: is out of range
    """

    factor: str
    kind: RatingKind
    #: −3..−1 or +1..+3 when scored, else None (also stated for the JSON Schema).
    score: int | None = attrs.field(
        default=None, metadata={"json_schema": {"enum": [*sorted(SCORES), None]}}
    )
    note: str = attrs.field(default="", metadata={"free_text": True})

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if type(self.factor) is not str or self.factor not in _BY_ID:
            problems.append(Problem("$.factor", "unknown factor id"))
        problems += check_enum(self.kind, "$.kind", RatingKind)
        if self.kind is RatingKind.SCORED:
            problems += check_int(self.score, "$.score", SCORES)
        elif self.score is not None:
            problems.append(Problem("$.score", "must be absent unless the kind is 'scored'"))
        problems += check_text(self.note, "$.note")
        raise_if(problems)

    @classmethod
    def scored(cls, factor: str, score: int, note: str = "") -> Rating:
        """A score −3..−1 or +1..+3."""
        return cls(factor, RatingKind.SCORED, score, note)

    @classmethod
    def unscored(cls, factor: str, note: str = "") -> Rating:
        """Discussed, left without a score: neutral or unknown."""
        return cls(factor, RatingKind.UNSCORED, None, note)

    @classmethod
    def skipped(cls, factor: str, note: str = "") -> Rating:
        """Not discussed."""
        return cls(factor, RatingKind.SKIPPED, None, note)

    @property
    def is_rated(self) -> bool:
        """Scored or unscored: the factor was discussed (SPEC §2 completeness)."""
        return self.kind is not RatingKind.SKIPPED


@attrs.frozen
class Totals:
    """Total − and Total + side by side (SPEC §2). There is deliberately no net total.

    ``minus`` is the sum of the absolute values of the negative scores, ``plus`` the sum of the
    positive scores; unscored and skipped factors add nothing.
    """

    minus: int
    plus: int


def _totals(ratings: Iterator[Rating]) -> Totals:
    scores = [r.score for r in ratings if r.score is not None]
    return Totals(minus=sum(-s for s in scores if s < 0), plus=sum(s for s in scores if s > 0))


@attrs.frozen
class Assessment:
    """Overview 1 as scored on one day: a rating for every factor, in book order.

    Changing a rating returns a new assessment; re-scoring on a later day is a new assessment
    kept beside the earlier one (SPEC §0).

    >>> a = Assessment.build(dt.date(2026, 3, 2), {"F02": -3, "F05": 2, "F07": None})
    >>> a.totals()
    Totals(minus=3, plus=2)
    >>> a.rating("F07").kind
    <RatingKind.UNSCORED: 'unscored'>
    """

    assessed_on: dt.date
    ratings: tuple[Rating, ...]
    #: Factor 1's category, if known.
    asylum_outcome: AsylumOutcome | None = None
    #: Factor 1's explanation field ("toelichting").
    asylum_outcome_explanation: str = ""

    def __attrs_post_init__(self) -> None:
        problems = check_date(self.assessed_on, "$.assessed_on")
        if type(self.ratings) is not tuple:
            problems.append(Problem("$.ratings", "must be a tuple of ratings"))
        elif len(self.ratings) != len(FACTORS):
            problems.append(Problem("$.ratings", f"must rate each of the {len(FACTORS)} factors"))
        else:
            for i, (rating, factor) in enumerate(zip(self.ratings, FACTORS, strict=True)):
                if not isinstance(rating, Rating):
                    problems.append(Problem(f"$.ratings[{i}]", "must be a Rating"))
                elif rating.factor != factor.id:
                    problems.append(
                        Problem(f"$.ratings[{i}].factor", f"expected {factor.id} (book order)")
                    )
        if self.asylum_outcome is not None:
            problems += check_enum(self.asylum_outcome, "$.asylum_outcome", AsylumOutcome)
        problems += check_text(self.asylum_outcome_explanation, "$.asylum_outcome_explanation")
        raise_if(problems)

    @classmethod
    def blank(cls, assessed_on: dt.date) -> Assessment:
        """An assessment with every factor skipped, to fill in with :meth:`with_rating`."""
        return cls(assessed_on, tuple(Rating.skipped(f.id) for f in FACTORS))

    @classmethod
    def build(
        cls,
        assessed_on: dt.date,
        scores: Mapping[str, int | None],
        notes: Mapping[str, str] | None = None,
        asylum_outcome: AsylumOutcome | None = None,
        asylum_outcome_explanation: str = "",
    ) -> Assessment:
        """Build from ``{factor id: score}``: ``None`` means unscored, a missing id skipped.

        Every problem (unknown ids, bad scores) is reported at once, with paths into ``scores``.
        """
        notes = notes or {}
        problems = [
            Problem(f"$.scores[{i}]", "unknown factor id")
            for i, key in enumerate(scores)
            if key not in _BY_ID
        ] + [
            Problem(f"$.notes[{i}]", "unknown factor id")
            for i, key in enumerate(notes)
            if key not in _BY_ID
        ]
        ratings = []
        for factor in FACTORS:
            note = notes.get(factor.id, "")
            try:
                if factor.id not in scores:
                    ratings.append(Rating.skipped(factor.id, note))
                elif scores[factor.id] is None:
                    ratings.append(Rating.unscored(factor.id, note))
                else:
                    ratings.append(Rating.scored(factor.id, scores[factor.id], note))  # type: ignore[arg-type]
            except ValidationError as err:
                problems += [p.under(f"$.scores.{factor.id}") for p in err.problems]
        raise_if(problems)
        return cls(assessed_on, tuple(ratings), asylum_outcome, asylum_outcome_explanation)

    def rating(self, factor_id: str) -> Rating:
        """The rating of one factor."""
        return self.ratings[_INDEX[get_factor(factor_id).id]]

    def with_rating(self, rating: Rating) -> Assessment:
        """A copy with ``rating`` replacing the rating of its factor."""
        ratings = list(self.ratings)
        ratings[_INDEX[rating.factor]] = rating
        return attrs.evolve(self, ratings=tuple(ratings))

    def totals(self, group: FactorGroup | None = None) -> Totals:
        """Total − and Total +, over all factors or over one group."""
        return _totals(
            r for r, f in zip(self.ratings, FACTORS, strict=True) if group in (None, f.group)
        )

    def totals_by_group(self) -> dict[FactorGroup, Totals]:
        """Total − and Total + for each group, in form order."""
        return {group: self.totals(group) for group in FactorGroup}

    def missing_ratings(self) -> tuple[Factor, ...]:
        """Factors that must be rated but were skipped (SPEC §2: country of origin and health)."""
        return tuple(
            f
            for r, f in zip(self.ratings, FACTORS, strict=True)
            if f.rating_required and not r.is_rated
        )

    @property
    def is_complete(self) -> bool:
        """True when every factor that must be rated is scored or unscored (SPEC §2)."""
        return not self.missing_ratings()


class Movement(LabelledEnum):
    """How one factor moved between two assessments.

    The direction is named relative to return, as the scores are: ``TOWARDS_NEGATIVE`` is what a
    "worse" score means on the form, ``TOWARDS_POSITIVE`` a "better" one. The names avoid a value
    judgement on purpose (SPEC §0, §3.1).
    """

    TOWARDS_NEGATIVE = "towards_negative"  #: both scored, the later score is lower
    TOWARDS_POSITIVE = "towards_positive"  #: both scored, the later score is higher
    UNCHANGED = "unchanged"  #: same score, or neither has a score
    NEWLY_RATED = "newly_rated"  #: no score before, a score now
    NO_LONGER_RATED = "no_longer_rated"  #: a score before, none now


@attrs.frozen
class FactorChange:
    """One factor across two assessments: how it moved, with both ratings."""

    factor: Factor
    movement: Movement
    before: Rating
    after: Rating


def _movement(before: Rating, after: Rating) -> Movement:
    if before.score is None and after.score is None:
        return Movement.UNCHANGED
    if before.score is None:
        return Movement.NEWLY_RATED
    if after.score is None:
        return Movement.NO_LONGER_RATED
    if after.score < before.score:
        return Movement.TOWARDS_NEGATIVE
    if after.score > before.score:
        return Movement.TOWARDS_POSITIVE
    return Movement.UNCHANGED


def compare(earlier: Assessment, later: Assessment) -> tuple[FactorChange, ...]:
    """What moved between two assessments of the same client, per factor in book order.

    Comparing out of date order is a :class:`ValidationError`; same-day assessments may be
    compared.

    >>> a = Assessment.build(dt.date(2026, 1, 5), {"F02": -3})
    >>> b = Assessment.build(dt.date(2026, 4, 5), {"F02": -1})
    >>> compare(a, b)[1].movement
    <Movement.TOWARDS_POSITIVE: 'towards_positive'>
    """
    if earlier.assessed_on > later.assessed_on:
        raise ValidationError.at("$.later.assessed_on", "is before the earlier assessment")
    return tuple(
        FactorChange(f, _movement(b, a), b, a)
        for f, b, a in zip(FACTORS, earlier.ratings, later.ratings, strict=True)
    )


# --- Overview 2 (Overzicht 2): possibilities for change -------------------------------------


class CandidateReason(LabelledEnum):
    """Why :func:`change_candidates` listed a factor (SPEC §3)."""

    WORKS_AGAINST_RETURN = "works_against_return"  #: scored negatively now
    UNSCORED = "unscored"  #: discussed but neutral or unknown: new information may settle it


@attrs.frozen
class ChangeCandidate:
    """A factor worth discussing for Overview 2, with the reason it was listed."""

    factor: Factor
    rating: Rating
    reason: CandidateReason


def change_candidates(assessment: Assessment) -> tuple[ChangeCandidate, ...]:
    """Factors to discuss for Overview 2: those working negatively, then the unscored.

    Each group is in book order. Skipped factors are not listed: they were not discussed.
    This only suggests where to look; the client and counsellor judge together (SPEC §3).

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


@attrs.frozen
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
            problems.append(Problem("$.rating", "must be a Rating"))
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
        return _BY_ID[self.rating.factor]


# --- Overview 3 (Overzicht 3): weighty factors -----------------------------------------------


class WeightKind(LabelledEnum):
    """Whether a weighty factor is a strength or a vulnerability (SPEC §4)."""

    STRENGTH = "strength"  #: works for return: something to build on
    VULNERABILITY = "vulnerability"  #: works against return: needs protection or reinforcement


@attrs.frozen
class WeightyFactor:
    """One row of Overview 3: a weighty factor and why/how the plans must take it into account.

    Only a scored factor can be weighty; its kind follows from the sign of its score.

    >>> a = Assessment.build(dt.date(2026, 3, 2), {"F07": 3})
    >>> WeightyFactor.for_factor(a, "F07", "family can receive them").kind
    <WeightKind.STRENGTH: 'strength'>
    """

    assessed_on: dt.date
    rating: Rating
    why_how: str = ""

    def __attrs_post_init__(self) -> None:
        problems = check_date(self.assessed_on, "$.assessed_on")
        if not isinstance(self.rating, Rating):
            problems.append(Problem("$.rating", "must be a Rating"))
        elif self.rating.kind is not RatingKind.SCORED:
            problems.append(Problem("$.rating.kind", "only a scored factor can be weighty"))
        problems += check_text(self.why_how, "$.why_how")
        raise_if(problems)

    @classmethod
    def for_factor(cls, assessment: Assessment, factor_id: str, why_how: str = "") -> WeightyFactor:
        """Record a weighty factor with its rating taken from ``assessment``."""
        return cls(assessment.assessed_on, assessment.rating(factor_id), why_how)

    @property
    def factor(self) -> Factor:
        """The factor this row is about."""
        return _BY_ID[self.rating.factor]

    @property
    def kind(self) -> WeightKind:
        """Strength for a positive score, vulnerability for a negative one."""
        assert self.rating.score is not None  # guaranteed by validation
        return WeightKind.STRENGTH if self.rating.score > 0 else WeightKind.VULNERABILITY


def propose_weighty(assessment: Assessment, limit: int | None = None) -> tuple[WeightyFactor, ...]:
    """Propose Overview 3 rows: every scored factor, strongest score first, ties in book order.

    Both signs count; ±3 comes first (SPEC §4). The client and counsellor choose from the
    proposal; ``limit`` keeps only the first ``limit`` rows.

    >>> a = Assessment.build(dt.date(2026, 3, 2), {"F02": -3, "F05": 1, "F07": 3})
    >>> [(w.factor.id, w.kind.value) for w in propose_weighty(a)]
    [('F02', 'vulnerability'), ('F07', 'strength'), ('F05', 'strength')]
    """
    if limit is not None and (type(limit) is not int or limit < 0):
        raise ValidationError.at("$.limit", "must be a non-negative integer")
    scored = sorted(
        (r for r in assessment.ratings if r.score is not None),
        key=lambda r: (-abs(r.score or 0), _INDEX[r.factor]),
    )
    rows = tuple(WeightyFactor(assessment.assessed_on, r) for r in scored)
    return rows if limit is None else rows[:limit]
