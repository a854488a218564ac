"""Overview 1 (Overzicht 1): the factors that weigh in the decision, and the dated assessment.

A client scores each of 19 factors from −3 (works against return) to +3 (works for return), leaves
it unscored (discussed: neutral or unknown), or it is skipped (not discussed). "Negative" and
"positive" describe a direction relative to return, never a value judgement (book §3.1).
Nothing here computes a verdict, a likelihood or a netted score: Total − and Total + are kept
side by side (book §3.6, Bijlage 1).

Overview 2 (what could still change) and Overview 3 (weighty factors as strengths and
vulnerabilities) read an assessment: they are in :mod:`terugkeer.overviews`.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Iterator, Mapping

import attrs

from . import _fields
from ._checks import check_date, check_enum, check_int, check_text, fields_trusted, raise_if
from ._labelled import LabelledEnum
from ._moved import moved
from .catalogue import Catalogue
from .catalogues.factor_rows import FACTOR_ROWS
from .errors import Problem, ValidationError, child_path
from .stamps import Entered

__all__ = [
    "FACTORS",
    "KEEP",
    "SCALE_LEGEND",
    "SCALE_NOTE",
    "SCORES",
    "Assessment",
    "AsylumOutcome",
    "Completeness",
    "Factor",
    "FactorChange",
    "FactorGroup",
    "FactorNote",
    "Keep",
    "Movement",
    "NewConsideration",
    "Rating",
    "RatingKind",
    "ScalePoint",
    "Totals",
    "compare",
]

#: The scores the form offers: −3..−1 and +1..+3. The form has no zero; "no score" is
#: :attr:`RatingKind.UNSCORED`.
SCORES: frozenset[int] = frozenset({-3, -2, -1, 1, 2, 3})


@attrs.frozen(weakref_slot=False)
class ScalePoint:
    """One point of the scale legend printed beside Overview 1 (§3.1): a score, or "no score".

    >>> [p.symbol for p in SCALE_LEGEND]
    ['− − −', '− −', '−', '·', '+', '+ +', '+ + +']
    """

    score: int | None

    @property
    def code(self) -> str:
        """The point as a code that names a direction and a strength, never a number to add up:
        ``minus3`` … ``plus3``, ``none``."""
        if self.score is None:
            return "none"
        return f"{'minus' if self.score < 0 else 'plus'}{abs(self.score)}"

    @property
    def message_id(self) -> str:
        """Message id of what this point means, e.g. ``Scale.minus3`` or ``Scale.none``."""
        return f"Scale.{self.code}"

    @property
    def symbol(self) -> str:
        """The marks the form uses: minus or plus signs, or a dot for "no score"."""
        if self.score is None:
            return "·"
        return " ".join(("−" if self.score < 0 else "+") * abs(self.score))


#: The legend of the scale, −3 to +3 with "no score" (neutral or unknown) in the middle (§3.1).
SCALE_LEGEND: tuple[ScalePoint, ...] = tuple(ScalePoint(s) for s in (-3, -2, -1, None, 1, 2, 3))
#: Message id of the note that goes with the legend: minus and plus are directions relative to
#: return, never a value judgement (§3.1).
SCALE_NOTE = "Scale.direction_note"


class FactorGroup(LabelledEnum):
    """The four blocks of Overview 1, in form order.

    The two middle blocks are the possibilities the client *sees* in the country of origin and in
    the Netherlands (the form's "(Beeld) Mogelijkheden"), not facts about those countries.
    """

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


@attrs.frozen(weakref_slot=False)
class Factor:
    """One row of Overview 1: a stable id, its number on the form, its group and its notes.

    >>> FACTORS.get("F02").group
    <FactorGroup.COUNTRY_OF_ORIGIN: 'country_of_origin'>
    """

    id: str
    number: int
    group: FactorGroup
    #: Whether §3.1 lets a counsellor under time pressure skip this factor (the Netherlands
    #: factors only). A complete overview rates every factor all the same.
    skippable_under_time_pressure: bool
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


#: The 19 factors of Overview 1 in book order (Bijlage 1).
FACTORS: Catalogue[Factor] = Catalogue(
    "factor",
    (
        Factor(
            id=row.id,
            number=row.number,
            group=FactorGroup(row.group),
            skippable_under_time_pressure=row.skippable_under_time_pressure,
            notes=(FactorNote.PERSONAL_AND_FAMILY,) if row.personal_and_family else (),
            outcome_categories=tuple(AsylumOutcome) if row.asylum_outcome else (),
        )
        for row in FACTOR_ROWS
    ),
)
_BOOK_ORDER: tuple[str, ...] = tuple(f.id for f in FACTORS)
_INDEX: dict[str, int] = {f.id: i for i, f in enumerate(FACTORS)}


class RatingKind(LabelledEnum):
    """How a factor was dealt with in an assessment."""

    SCORED = "scored"  #: given a score −3..−1 or +1..+3
    UNSCORED = "unscored"  #: discussed, but neutral or unknown ("geen score")
    SKIPPED = "skipped"  #: not discussed, e.g. under time pressure


_SCORED = RatingKind.SCORED  # read by Rating's rule once per rating: a module name is cheaper
#: The factor ids, for Rating's rule on the reading path (a set test, not a method call).
_FACTOR_IDS = frozenset(FACTORS.ids)


@attrs.frozen(weakref_slot=False)
class Rating:
    """How one factor stands in one assessment, with an optional note.

    >>> Rating.scored("F02", -3).score
    -3
    >>> Rating.scored("F02", 0)
    Traceback (most recent call last):
    ...
    terugkeer.errors.ValidationError: 1 problem: $.score: is out of range
    """

    factor: str = attrs.field(metadata=_fields.codes(r.id for r in FACTOR_ROWS))
    kind: RatingKind
    #: −3..−1 or +1..+3 when scored, else None (also stated for the JSON Schema).
    score: int | None = attrs.field(default=None, metadata=_fields.codes((*sorted(SCORES), None)))
    note: str = attrs.field(default="", metadata=_fields.text(free_text=True))

    #: For the JSON Schema: a score exactly when the kind is "scored" (the loader's rule too).
    __json_schema__: typing.ClassVar[dict[str, object]] = {
        "if": {"properties": {"kind": {"const": "scored"}}},
        "then": {"properties": {"score": {"enum": sorted(SCORES)}}, "required": ["score"]},
        "else": {"properties": {"score": {"const": None}}},
    }

    def __attrs_post_init__(self) -> None:
        # The converter checked every type: only the rules are left, and when they hold there
        # is nothing to report (otherwise the checks below say what is wrong).
        if (
            fields_trusted()  # so the factor is a str: the converter checked its type
            and self.factor in _FACTOR_IDS
            and (self.score is None if self.kind is not _SCORED else self.score in SCORES)
        ):
            return
        problems: list[Problem] = []
        if not FACTORS.has(self.factor):
            problems.append(Problem("$.factor", "id.unknown", {"kind": "factor"}))
        problems += check_enum(self.kind, "$.kind", RatingKind)
        if self.kind is RatingKind.SCORED:
            problems += check_int(self.score, "$.score", SCORES)
        elif self.score is not None:
            problems.append(Problem("$.score", "score.not_scored"))
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
        """Scored or unscored: the factor was discussed (book §3.1)."""
        return self.kind is not RatingKind.SKIPPED


@attrs.frozen(weakref_slot=False)
class Totals:
    """Total − and Total + side by side (Bijlage 1). There is deliberately no net total.

    ``minus`` is the sum of the absolute values of the negative scores, ``plus`` the sum of the
    positive scores; unscored and skipped factors add nothing.
    """

    minus: int
    plus: int


def _totals(ratings: Iterator[Rating]) -> Totals:
    scores = [r.score for r in ratings if r.score is not None]
    return Totals(minus=sum(-s for s in scores if s < 0), plus=sum(s for s in scores if s > 0))


class Completeness(LabelledEnum):
    """How far Overview 1 was filled in (§3.1).

    The book urges rating every factor. Only under time pressure may the Netherlands factors be
    skipped, and that weaker state has its own name here.
    """

    COMPLETE = "complete"  #: all 19 factors scored or discussed without a score
    TIME_PRESSURE_MINIMUM = "time_pressure_minimum"  #: Netherlands skipped under time pressure
    INCOMPLETE = "incomplete"  #: anything less


@attrs.frozen(weakref_slot=False)
class NewConsideration:
    """A consideration none of the 19 factors covers, named by the counsellor (§3.1, §2.4).

    It is written beside Overview 1 with the day it came up and a note; it has no score and
    does not count in the totals, which are the totals of the form's 19 factors.
    """

    name: str = attrs.field(metadata=_fields.text(required=True, free_text=True))
    raised_on: dt.date
    note: str = attrs.field(default="", metadata=_fields.text(free_text=True))

    def __attrs_post_init__(self) -> None:
        problems = check_text(self.name, "$.name")
        if not problems and _fields.is_blank(self.name):
            problems.append(Problem("$.name", "text.blank"))
        problems += check_date(self.raised_on, "$.raised_on")
        problems += check_text(self.note, "$.note")
        raise_if(problems)


class Keep(enum.Enum):
    """The type of :data:`KEEP`: "leave this as it was" in :meth:`Assessment.rescored`."""

    KEEP = "keep"


#: Passed to :meth:`Assessment.rescored`: keep the value of the earlier assessment (the default).
KEEP = Keep.KEEP


@attrs.frozen(weakref_slot=False)
class Assessment:
    """Overview 1 as scored on one day: a rating for every factor, in book order.

    Changing a rating returns a new assessment; re-scoring on a later day is a new assessment
    kept beside the earlier one (book §3.1): use :meth:`rescored`.

    >>> a = Assessment.build(dt.date(2026, 3, 2), {"F02": -3, "F05": 2, "F07": None})
    >>> a.totals()
    Totals(minus=3, plus=2)
    >>> a.rating("F07").kind
    <RatingKind.UNSCORED: 'unscored'>
    """

    assessed_on: dt.date
    ratings: tuple[Rating, ...] = attrs.field(
        metadata=_fields.spec(
            schema_extra={
                "minItems": len(FACTOR_ROWS),
                "maxItems": len(FACTOR_ROWS),
                "prefixItems": [
                    {"$ref": "#/$defs/Rating", "properties": {"factor": {"const": r.id}}}
                    for r in FACTOR_ROWS
                ],
            }
        )
    )
    #: Factor 1's category, if known.
    asylum_outcome: AsylumOutcome | None = None
    #: Factor 1's explanation field ("toelichting").
    asylum_outcome_explanation: str = attrs.field(default="", metadata=_fields.text(free_text=True))
    #: True when time pressure was the reason factors were skipped (§3.1).
    time_pressure: bool = False
    #: Considerations none of the 19 factors covers (§3.1, §2.4).
    new_considerations: tuple[NewConsideration, ...] = ()
    #: Who entered this assessment, and when.
    entered: Entered = attrs.field(factory=Entered)

    def __attrs_post_init__(self) -> None:
        # Read by the converter (types checked): when the rules hold, nothing is left to report.
        if (
            fields_trusted()
            and tuple(r.factor for r in self.ratings) == _BOOK_ORDER
            and all(n.raised_on <= self.assessed_on for n in self.new_considerations)
        ):
            return
        problems = check_date(self.assessed_on, "$.assessed_on")
        if type(self.ratings) is not tuple:
            problems.append(Problem("$.ratings", "type.list"))
        elif len(self.ratings) != len(FACTORS):
            problems.append(Problem("$.ratings", "factor.count", {"count": len(FACTORS)}))
        else:
            for i, (rating, factor) in enumerate(zip(self.ratings, FACTORS, strict=True)):
                if not isinstance(rating, Rating):
                    problems.append(
                        Problem(f"$.ratings[{i}]", "type.record", {"expected": "Rating"})
                    )
                elif rating.factor != factor.id:
                    problems.append(
                        Problem(f"$.ratings[{i}].factor", "factor.order", {"expected": factor.id})
                    )
        if self.asylum_outcome is not None:
            problems += check_enum(self.asylum_outcome, "$.asylum_outcome", AsylumOutcome)
        problems += check_text(self.asylum_outcome_explanation, "$.asylum_outcome_explanation")
        if type(self.time_pressure) is not bool:
            problems.append(Problem("$.time_pressure", "type.boolean"))
        if not isinstance(self.entered, Entered):
            problems.append(Problem("$.entered", "type.record", {"expected": "Entered"}))
        if type(self.new_considerations) is not tuple:
            problems.append(Problem("$.new_considerations", "type.list"))
        else:
            for i, item in enumerate(self.new_considerations):
                path = f"$.new_considerations[{i}]"
                if not isinstance(item, NewConsideration):
                    problems.append(Problem(path, "type.record", {"expected": "NewConsideration"}))
                elif type(self.assessed_on) is dt.date and item.raised_on > self.assessed_on:
                    problems.append(Problem(f"{path}.raised_on", "date.after_assessment"))
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
        *,
        time_pressure: bool = False,
    ) -> Assessment:
        """Build from ``{factor id: score}``: ``None`` means unscored, a missing id skipped.

        Every problem (unknown ids, bad scores) is reported at once, with paths into ``scores``.
        """
        notes = notes or {}
        problems = _unknown_ids(scores, "$.scores") + _unknown_ids(notes, "$.notes")
        ratings = []
        for factor in FACTORS:
            note = notes.get(factor.id, "")
            try:
                if factor.id not in scores:
                    ratings.append(Rating.skipped(factor.id, note))
                else:
                    ratings.append(_rating(factor.id, scores[factor.id], note))
            except ValidationError as err:
                problems += [p.under(f"$.scores.{factor.id}") for p in err.problems]
        raise_if(problems)
        return cls(
            assessed_on,
            tuple(ratings),
            asylum_outcome,
            asylum_outcome_explanation,
            time_pressure=time_pressure,
        )

    def rescored(
        self,
        on: dt.date,
        changes: Mapping[str, int | Rating | None] | None = None,
        *,
        asylum_outcome: AsylumOutcome | Keep | None = KEEP,
        asylum_outcome_explanation: str | Keep = KEEP,
        time_pressure: bool | Keep = KEEP,
        new_considerations: tuple[NewConsideration, ...] = (),
    ) -> Assessment:
        """A new assessment dated ``on`` that starts from this one: going through it again (§3.1).

        ``changes`` maps factor ids to a new score (an int), ``None`` for "discussed, no score",
        or a whole :class:`Rating`. Factors not in ``changes`` keep their rating and note;
        factor 1's category and explanation, the time-pressure mark and the new considerations
        stay unless given. This assessment is not changed: keep both (book §3.1).

        >>> first = Assessment.build(dt.date(2026, 3, 2), {"F02": -3},
        ...                          asylum_outcome=AsylumOutcome.VA)
        >>> later = first.rescored(dt.date(2026, 6, 1), {"F02": -2})
        >>> (later.rating("F02").score, later.asylum_outcome.value, first.rating("F02").score)
        (-2, 'va', -3)
        """
        problems = check_date(on, "$.on")
        if not problems and on < self.assessed_on:
            problems.append(Problem("$.on", "date.before_earlier_assessment"))
        changes = changes or {}
        problems += _unknown_ids(changes, "$.changes")
        ratings = list(self.ratings)
        for i, factor in enumerate(FACTORS):
            if factor.id not in changes:
                continue
            value = changes[factor.id]
            try:
                if isinstance(value, Rating):
                    if value.factor != factor.id:
                        raise ValidationError.at(
                            "$.factor", "factor.order", {"expected": factor.id}
                        )
                    ratings[i] = value
                else:
                    ratings[i] = _rating(factor.id, value, self.ratings[i].note)
            except ValidationError as err:
                problems += [p.under(f"$.changes.{factor.id}") for p in err.problems]
        raise_if(problems)
        return Assessment(
            on,
            tuple(ratings),
            self.asylum_outcome if asylum_outcome is KEEP else asylum_outcome,
            (
                self.asylum_outcome_explanation
                if asylum_outcome_explanation is KEEP
                else asylum_outcome_explanation
            ),
            self.time_pressure if time_pressure is KEEP else time_pressure,
            (*self.new_considerations, *new_considerations),
        )  # a new entry: who entered it is stamped by the caller

    def rating(self, factor_id: str) -> Rating:
        """The rating of one factor."""
        return self.ratings[_INDEX[FACTORS.get(factor_id).id]]

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
        """Factors not yet rated (skipped): what a complete overview still needs (§3.1)."""
        return tuple(f for r, f in zip(self.ratings, FACTORS, strict=True) if not r.is_rated)

    def missing_for_minimum(self) -> tuple[Factor, ...]:
        """Skipped factors that even the time-pressure minimum rates (all but the Netherlands)."""
        return tuple(f for f in self.missing_ratings() if not f.skippable_under_time_pressure)

    @property
    def completeness(self) -> Completeness:
        """Complete (all 19 rated), the time-pressure minimum, or incomplete (§3.1).

        The minimum needs every factor outside the Netherlands block rated *and* the assessment
        marked :attr:`time_pressure`: skipping is only the book's advice under time pressure.
        """
        if not self.missing_ratings():
            return Completeness.COMPLETE
        if self.time_pressure and not self.missing_for_minimum():
            return Completeness.TIME_PRESSURE_MINIMUM
        return Completeness.INCOMPLETE

    @property
    def is_complete(self) -> bool:
        """True only when all 19 factors are scored or discussed without a score (§3.1)."""
        return self.completeness is Completeness.COMPLETE


def _unknown_ids(mapping: Mapping[str, object], path: str) -> list[Problem]:
    """Keys that are no factor id, each by name (``$.scores.F99``), or ``[?]`` when the key is
    not a name (it might be personal data)."""
    return [
        Problem(child_path(path, key), "id.unknown", {"kind": "factor"})
        for key in mapping
        if not FACTORS.has(key)
    ]


def _rating(factor_id: str, score: object, note: str) -> Rating:
    """``None`` is "discussed, no score"; anything else must be a score."""
    if score is None:
        return Rating.unscored(factor_id, note)
    return Rating.scored(factor_id, score, note)  # type: ignore[arg-type]


class Movement(LabelledEnum):
    """How one factor moved between two assessments.

    The direction is named relative to return, as the scores are: ``TOWARDS_NEGATIVE`` is what a
    "worse" score means on the form, ``TOWARDS_POSITIVE`` a "better" one. The names avoid a value
    judgement on purpose (book §3.1).
    """

    TOWARDS_NEGATIVE = "towards_negative"  #: both scored, the later score is lower
    TOWARDS_POSITIVE = "towards_positive"  #: both scored, the later score is higher
    UNCHANGED = "unchanged"  #: same score, or discussed without a score both times, or skipped both
    NEWLY_RATED = "newly_rated"  #: no score before, a score now
    NO_LONGER_RATED = "no_longer_rated"  #: a score before, none now
    FIRST_DISCUSSED = "first_discussed"  #: skipped before, discussed now without a score
    NOT_DISCUSSED_NOW = "not_discussed_now"  #: discussed without a score before, skipped now


@attrs.frozen(weakref_slot=False)
class FactorChange:
    """One factor across two assessments: how it moved, with both ratings.

    For factor 1 the asylum-outcome category is part of the comparison (§3.2): it can change
    while the score stays the same, and :attr:`changed` says so.
    """

    factor: Factor
    movement: Movement
    before: Rating
    after: Rating
    #: Factor 1 only: the category before and after (None for the other factors, or unknown).
    outcome_before: AsylumOutcome | None = None
    outcome_after: AsylumOutcome | None = None

    @property
    def outcome_changed(self) -> bool:
        """True when factor 1's asylum-outcome category differs between the two assessments."""
        return self.outcome_before != self.outcome_after

    @property
    def changed(self) -> bool:
        """True when the score moved or factor 1's category changed."""
        return self.movement is not Movement.UNCHANGED or self.outcome_changed


def _movement(before: Rating, after: Rating) -> Movement:
    if before.score is None and after.score is None:
        if before.is_rated == after.is_rated:
            return Movement.UNCHANGED
        return Movement.FIRST_DISCUSSED if after.is_rated else Movement.NOT_DISCUSSED_NOW
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
    >>> c = b.rescored(dt.date(2026, 5, 5), asylum_outcome=AsylumOutcome.UNDOCUMENTED)
    >>> first = compare(b, c)[0]
    >>> (first.movement.value, first.outcome_changed)
    ('unchanged', True)
    """
    if earlier.assessed_on > later.assessed_on:
        raise ValidationError.at("$.later.assessed_on", "date.before_earlier_assessment")
    changes = []
    for f, b, a in zip(FACTORS, earlier.ratings, later.ratings, strict=True):
        outcomes = (
            (earlier.asylum_outcome, later.asylum_outcome) if f.outcome_categories else (None, None)
        )
        changes.append(FactorChange(f, _movement(b, a), b, a, *outcomes))
    return tuple(changes)


#: Names that moved, each kept for one minor version with a DeprecationWarning naming its new home.
_MOVED = {"get_factor": ("FACTORS.get", FACTORS.get)}


def __getattr__(name: str) -> object:
    """A moved name still works for one minor version, with a DeprecationWarning."""
    return moved(__name__, name, _MOVED)
