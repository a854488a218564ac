"""The health checklist (Bijlage 5, §4.7, §5.3): is the care a client needs there after return?

Care must be *available* (present), *accessible* (reachable) and *affordable* (payable); the medical
advice in the art. 64 procedure checks only the first (§5.3). Answers must come from reliable,
verifiable sources, preferably in the country of origin, so every answer here carries its
:class:`Source`; an answer without one is kept, and reported as unverified.

The findings (:func:`health_findings`) are in :mod:`terugkeer.healthfindings`.
"""

from __future__ import annotations

import datetime as dt
import decimal

import attrs

from . import _fields
from ._checks import fields_trusted, reading_day, validated
from ._labelled import LabelledEnum
from .answers import Answer
from .catalogue import Catalogue
from .catalogues.currency_rows import CURRENCY_CODES
from .catalogues.health_rows import CHECKLIST_ROWS
from .errors import Problem, ValidationError

__all__ = [
    "CHECKLIST_QUESTIONS",
    "CURRENCIES",
    "ChecklistQuestion",
    "ComplaintKind",
    "Currency",
    "DecisionCapacity",
    "Facility",
    "HealthChecklist",
    "HealthHandover",
    "Medicine",
    "Money",
    "Network",
    "Source",
    "SourceKind",
    "SourcedAnswer",
    "SourcedCost",
    "SourcedText",
]


class SourceKind(LabelledEnum):
    """Who or what an answer comes from."""

    PHYSICIAN = "physician"
    ORGANISATION = "organisation"
    DOCUMENT = "document"
    WEB_PAGE = "web_page"
    CLIENT = "client"
    OTHER = "other"


@attrs.frozen(weakref_slot=False)
class Source:
    """Where an answer comes from, and when it was checked.

    A check that has not happened yet is no source: :meth:`build` refuses a ``checked_on`` after
    the ``today`` it is given, and so does a document read (against the day its reader gives).
    The record itself never reads the clock.
    """

    kind: SourceKind
    name: str = ""  #: the physician, organisation, document or site
    reference: str = ""  #: a web address, document number, phone note ...
    checked_on: dt.date | None = None
    #: None until it is said whether the source is in the country of origin.
    in_country_of_origin: bool | None = None

    def __attrs_post_init__(self) -> None:
        day = reading_day()
        future = day is not None and type(self.checked_on) is dt.date and self.checked_on > day
        if future or not fields_trusted():  # trusted and not in the future: nothing to report
            validated(self, [Problem("$.checked_on", "date.in_future")] if future else None)

    @classmethod
    def build(
        cls,
        kind: SourceKind,
        *,
        today: dt.date,
        name: str = "",
        reference: str = "",
        checked_on: dt.date | None = None,
        in_country_of_origin: bool | None = None,
    ) -> Source:
        """A source as a counsellor records it; a ``checked_on`` after ``today`` is refused.

        >>> import datetime as dt
        >>> Source.build(SourceKind.PHYSICIAN, today=dt.date(2026, 3, 2),
        ...              checked_on=dt.date(2026, 3, 3))
        Traceback (most recent call last):
        terugkeer.errors.ValidationError: 1 problem: $.checked_on: is in the future
        """
        source = cls(kind, name, reference, checked_on, in_country_of_origin)
        if type(checked_on) is dt.date and checked_on > today:
            raise ValidationError.at("$.checked_on", "date.in_future")
        return source


@attrs.frozen(weakref_slot=False)
class Currency:
    """An ISO 4217 currency, known by its code (current and historic, as CLDR lists them)."""

    id: str


#: Every currency a cost may be in, by code (sorted).
CURRENCIES: Catalogue[Currency] = Catalogue(
    "currency", (Currency(code) for code in sorted(CURRENCY_CODES))
)


@attrs.frozen(weakref_slot=False)
class Money:
    """An amount in an ISO 4217 currency. Never a float: amounts are exact decimals.

    >>> Money(decimal.Decimal("12.50"), "EUR").currency
    'EUR'
    """

    amount: decimal.Decimal = attrs.field(
        metadata=_fields.spec(pattern="^(0|[1-9][0-9]*)(\\.[0-9]+)?$")
    )
    currency: str = attrs.field(metadata=_fields.codes(CURRENCIES.ids))

    def __attrs_post_init__(self) -> None:
        problems = []
        if type(self.amount) is not decimal.Decimal or not self.amount.is_finite():
            problems.append(Problem("$.amount", "decimal.format"))
        elif self.amount.is_signed():  # below zero, or a minus zero ("-0.00"), as the schema says
            problems.append(Problem("$.amount", "number.negative"))
        if not CURRENCIES.has(self.currency):
            problems.append(Problem("$.currency", "currency.unknown"))
        validated(self, problems)


@attrs.frozen(weakref_slot=False)
class SourcedAnswer:
    """A yes / no / unknown answer (``None``: not asked yet) with its source."""

    answer: Answer | None = None
    source: Source | None = None

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class SourcedText:
    """A free-text answer with its source."""

    text: str = ""
    source: Source | None = None

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class SourcedCost:
    """A cost with its source (``None``: not found out yet)."""

    cost: Money | None = None
    source: Source | None = None

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Medicine:
    """One medicine: its substance, alternatives, and whether it is there, reachable, payable."""

    substance: str = ""  #: the generic (substance) name
    alternatives: SourcedText = SourcedText()
    available: SourcedAnswer = SourcedAnswer()  #: in the country of origin
    where: SourcedText = SourcedText()
    reachable: SourcedAnswer = SourcedAnswer()  #: for this client
    cost: SourcedCost = SourcedCost()
    affordable: SourcedAnswer = SourcedAnswer()  #: for this client
    transport_cost: SourcedCost = SourcedCost()  #: to the pharmacy

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Facility:
    """A health facility the client needs (a clinic, a specialist, dialysis, ...).

    The form asks which, where, the cost and whether it is affordable; ``available`` and
    ``reachable`` complete the triad of §5.3 (our design).
    """

    which: str = ""
    where: SourcedText = SourcedText()
    available: SourcedAnswer = SourcedAnswer()
    reachable: SourcedAnswer = SourcedAnswer()
    cost: SourcedCost = SourcedCost()
    affordable: SourcedAnswer = SourcedAnswer()

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Network:
    """Informal care: people to receive, support and care for the client, and what they know."""

    exists: SourcedAnswer = SourcedAnswer()
    knows_condition: SourcedAnswer = SourcedAnswer()
    note: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class DecisionCapacity:
    """Whether there is doubt about the client's capacity to decide (to be judged by a doctor)."""

    doubt: SourcedAnswer = SourcedAnswer()
    note: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class HealthHandover:
    """The medical handover from the treating doctor here to care in the country of origin."""

    arranged: SourcedAnswer = SourcedAnswer()
    how: str = ""
    receiving_doctor: SourcedText = SourcedText()  #: who takes over the care (name)
    receiving_facility: SourcedText = SourcedText()  #: and where (facility)
    records_taken_over: SourcedAnswer = SourcedAnswer()
    medication_stock: SourcedAnswer = SourcedAnswer()  #: can the treating doctor supply a stock?
    escort_needed: SourcedAnswer = SourcedAnswer()  #: escort on the journey (a doctor judges)
    medical_passport: SourcedAnswer = SourcedAnswer()  #: ready, with the relevant information
    passport_language: str = ""  #: preferably a language of the country of origin

    __attrs_post_init__ = validated


class ComplaintKind(LabelledEnum):
    """Whether a condition is physical or psychological (the two rows of plan section 7)."""

    PHYSICAL = "physical"
    PSYCHOLOGICAL = "psychological"


@attrs.frozen(weakref_slot=False)
class HealthChecklist:
    """Appendix 5 for one condition: medicines, facilities, network, capacity, handover.

    >>> checklist = HealthChecklist(ComplaintKind.PHYSICAL, "type 2 diabetes")
    >>> checklist.illness_en
    'type 2 diabetes'
    """

    kind: ComplaintKind
    illness_en: str = ""  #: the illness's name in English, so doctors abroad can read it
    description: str = ""
    medicines: tuple[Medicine, ...] = ()
    facilities: tuple[Facility, ...] = ()
    network: Network = Network()
    decision_capacity: DecisionCapacity = DecisionCapacity()
    handover: HealthHandover = HealthHandover()

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class ChecklistQuestion:
    """One question of the checklist form: a stable id, its block and where its answer lives."""

    id: str
    path: str
    block: str

    @property
    def message_id(self) -> str:
        """Message id of the question's prompt."""
        return f"HealthChecklist.{self.id}"


#: The questions of the health checklist (Bijlage 5) in form order.
CHECKLIST_QUESTIONS: tuple[ChecklistQuestion, ...] = tuple(
    ChecklistQuestion(row.id, row.path, row.block) for row in CHECKLIST_ROWS
)
