"""Every instrument as a form definition: data a form UI, FHIR or XLSForm can be built from.

The definitions are derived, never kept by hand: from the record types (each attrs field becomes an
item, with its answer type, limits and whether the document needs it) and from the catalogues (the
action plan's and the health checklist's question ids and prompts, Overview 1's factors, the ids a
field may hold). So a field added to a record appears in its form, and a test checks that every
field a document stores is reached by exactly one item.

>>> form = forms("overview1")[0]
>>> [item.link_id for item in form.items][:3]
['overview1.assessed_on', 'F01', 'F02']
>>> f02 = form.item("F02.score")
>>> f02.answer_type, [c.code for c in f02.choices]
(<AnswerType.CHOICE: 'choice'>, ['minus3', 'minus2', 'minus1', 'plus1', 'plus2', 'plus3'])
>>> [c.value for c in f02.choices][:2], f02.choices[0].message_id
([-3, -2], 'Scale.minus3')
>>> f02.enable_when
(EnableWhen(link_id='F02.kind', code='scored'),)

A score's code names a direction and a strength (``minus3`` … ``plus3``), so no tool reads it as a
number to add up: the book rejects a netted score. A form carries its instrument's guidance as
instructions, Overview 1 its scale legend and group headings, and an item the guidance about it
(a factor's exploration questions, a plan section's tips) as :attr:`FormItem.guidance`.

Labels are message ids, resolved by locale when shown (:func:`terugkeer.i18n.text`); nothing here
loads a catalogue. Where the book leaves a judgement to counsellor and client, a form only asks:
no item has a default answer that the method would call a choice.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
import re
import typing
from collections.abc import Iterator
from typing import Any, Generic, Literal, TypeVar, overload

import attrs

from . import actionplan as ap
from . import case as cf
from . import health as hc
from . import signals as sg
from . import wellbeing as wb
from ._fields import spec_of
from ._labelled import LabelledEnum
from ._types import optional
from .answers import Answer
from .catalogues.currency_rows import CURRENT_CURRENCY_CODES
from .catalogues.health_rows import CHECKLIST_ROWS
from .catalogues.plan_rows import QUESTION_ROWS, SECTION_ROWS
from .factors import FACTORS, SCALE_LEGEND, SCALE_NOTE, Assessment, Rating, RatingKind
from .guidance import PLACES, topics_for
from .overviews import ChangePossibility, WeightyFactor

__all__ = [
    "CASE_PARTS",
    "CLIENT_FORMS",
    "INSTRUMENTS",
    "AnswerType",
    "CasePart",
    "Choice",
    "EnableWhen",
    "Form",
    "FormItem",
    "Requirement",
    "all_forms",
    "form",
    "form_for",
    "forms",
]

R = TypeVar("R")

#: The instruments whose forms the client fills in (§7.3: above all the action plan), so their
#: exports carry every client language (:data:`terugkeer.i18n.CLIENT_LOCALES`) as well.
CLIENT_FORMS: tuple[str, ...] = ("actionplan",)


class AnswerType(enum.Enum):
    """What kind of answer an item takes; a group holds items and takes none itself."""

    GROUP = "group"
    TEXT = "text"
    CHOICE = "choice"  #: one of the item's choices (or, when it repeats, several)
    DATE = "date"  #: ``YYYY-MM-DD``
    DATETIME = "datetime"  #: ISO 8601 with a time zone
    INTEGER = "integer"
    DECIMAL = "decimal"  #: an exact decimal number, written as text (amounts)
    BOOLEAN = "boolean"


class Requirement(enum.Enum):
    """Whether an item must be answered, as the document and the method state it."""

    REQUIRED = "required"  #: the document cannot be stored without it
    OPTIONAL = "optional"
    #: Overview 1: a complete overview discusses this factor; the time-pressure minimum (§3.1)
    #: may leave it skipped (the Netherlands factors).
    COMPLETE = "complete"
    #: Overview 1: even the time-pressure minimum discusses this factor.
    MINIMUM = "minimum"


@attrs.frozen(weakref_slot=False)
class Choice:
    """One allowed answer: its code (as text, for forms), the value a document stores and its
    label's message id (None when the code is its own label, as for a score or ISO code)."""

    code: str
    value: str | int
    message_id: str | None = None
    #: No longer offered (a withdrawn currency): a form leaves it out of its list, a reader
    #: still accepts it, so a record that holds it reads back.
    withdrawn: bool = False


@attrs.frozen(weakref_slot=False)
class EnableWhen:
    """Ask an item only when the item ``link_id`` (in the same group) is answered ``code``."""

    link_id: str
    code: str


@attrs.frozen(weakref_slot=False)
class FormItem:
    """One question, or a group of them, with everything a form needs to ask it."""

    #: Stable within its form: a catalogue id (``F02``, ``AP01.education.origin``, ``H.medicine.
    #: where``) where the book numbers the question, otherwise the form id and the field path.
    link_id: str
    #: Where the answer lives in the form's document: ``$.medicines[*].where.text``.
    path: str
    answer_type: AnswerType
    #: The label's message id (``Field.<Class>.<field>`` or the catalogue's own).
    message_id: str
    #: The record field the item asks, as ``<Class>.<field>`` (``Medicine.where``).
    field: str
    requirement: Requirement = Requirement.OPTIONAL
    #: True for a list: a group that repeats (medicines) or several answers (a multi-select).
    repeats: bool = False
    choices: tuple[Choice, ...] = ()
    #: The name of the vocabulary the choices come from (``RatingKind``, ``Factor``, ``Score``,
    #: ``Currency`` ...): one code system per name, whatever subset an item allows.
    choice_set: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    #: The most answers (or repeats) a list holds.
    max_items: int | None = None
    #: Free text, where a client's own words (and so personal data) may go.
    free_text: bool = False
    #: Identifies the client or a person around them.
    identifying: bool = False
    #: An answer the form fills in itself and does not ask (a rating's factor id).
    fixed: str | None = None
    help_message_id: str | None = None
    enable_when: tuple[EnableWhen, ...] = ()
    items: tuple[FormItem, ...] = ()
    #: A heading to show before this item (Overview 1's factor groups), as a message id.
    heading_message_id: str | None = None
    #: Message ids of the method's guidance about this item (:mod:`terugkeer.guidance`).
    guidance: tuple[str, ...] = ()
    #: A date of something that has happened (an appointment held, a source checked): a form
    #: refuses one after its ``today``, as the record's methods do (``date.in_future``).
    past_only: bool = False
    #: The code the item takes when a form leaves it out altogether: Overview 1's factor not
    #: posted was not discussed (``skipped``), as :meth:`~terugkeer.Assessment.build` has it.
    unposted: str | None = None
    #: Added to the record's number where a person reads or types it: an appointment's index
    #: (from 0) is asked as its number (from 1), as the plan prints it. Bounds are in form
    #: numbers.
    shift: int = 0

    def code_for(self, value: object) -> str:
        """The code a form posts for ``value``: a choice's code (a score -3 is ``minus3``), or
        the value as text when no choice holds it."""
        for choice in self.choices:
            if choice.value == value and type(choice.value) is type(value):
                return choice.code
        return str(value)

    def walk(self) -> Iterator[FormItem]:
        """This item and every item below it, depth first, in form order."""
        yield self
        for item in self.items:
            yield from item.walk()


@attrs.frozen(weakref_slot=False)
class Form(Generic[R]):
    """The form of one document type of an instrument; ``Form[Assessment]`` builds assessments,
    so the readers (:func:`~terugkeer.interop.formdata.from_form` ...) return that type."""

    id: str  #: ``overview1``, ``wellbeing.stress_self_check`` ...
    instrument: str  #: one of :data:`INSTRUMENTS`
    #: The record type of the document it builds (:class:`~terugkeer.Assessment` ...).
    record: type[R]
    message_id: str  #: the form's title
    #: True when a case holds several of these documents (Overview 2 rows, checklists ...).
    repeats: bool
    items: tuple[FormItem, ...]
    #: Message ids of the instrument's guidance that is about no one item: shown with the form.
    instructions: tuple[str, ...] = ()
    #: Message ids of a legend to show with the form: Overview 1's scale and its note.
    legend: tuple[str, ...] = ()

    def walk(self) -> Iterator[FormItem]:
        """Every item, depth first, in form order."""
        for item in self.items:
            yield from item.walk()

    def item_at(self, path: str) -> FormItem | None:
        """The item that asks the value at ``path`` in the form's document (a problem's path:
        ``$.medicines[2].where.text``), or None (a path the form has no item for).

        >>> forms("health")[0].item_at("$.medicines[2].where.text").link_id
        'H.medicine.where.text'
        """
        for found in self.walk():
            if _matches(found.path, path):
                return found
        return None

    def item(self, link_id: str) -> FormItem:
        """The item with this link id; a ``KeyError`` (naming the id) when there is none."""
        for found in self.walk():
            if found.link_id == link_id:
                return found
        raise KeyError(link_id)


def _matches(pattern: str, path: str) -> bool:
    """Whether the concrete ``path`` is the item path ``pattern`` (``[*]`` stands for any index)."""
    parts = pattern.split("[*]")
    if len(parts) == 1:
        return pattern == path
    regex = r"\[\d+\]".join(re.escape(part) for part in parts)
    return re.fullmatch(regex, path) is not None


# --- What each instrument's forms build ----------------------------------------------------------


class _Root(typing.NamedTuple):
    form_id: str
    instrument: str
    record: type
    repeats: bool


_ROOTS: tuple[_Root, ...] = (
    _Root("overview1", "overview1", Assessment, True),
    _Root("overview2", "overview2", ChangePossibility, True),
    _Root("overview3", "overview3", WeightyFactor, True),
    _Root("actionplan", "actionplan", ap.ActionPlan, False),
    _Root("health", "health", hc.HealthChecklist, True),
    _Root("signals", "signals", sg.SignalLog, False),
    _Root("wellbeing.emotion_exercise", "wellbeing", wb.EmotionExercise, True),
    _Root("wellbeing.signals_check", "wellbeing", wb.SignalsCheck, True),
    _Root("wellbeing.stress_self_check", "wellbeing", wb.StressSelfCheck, True),
    _Root("wellbeing.reactions_reflection", "wellbeing", wb.ReactionsReflection, True),
    _Root("wellbeing.intervision_reflection", "wellbeing", wb.IntervisionReflection, True),
    _Root("context", "context", cf.CaseContext, False),
    _Root("consents", "consents", cf.ConsentRecord, True),
    # The case's header: the client's details and the family members' own views (Bijlage 4's
    # header and chapter 4), kept once in the case file; for the case system's own screens.
    _Root("client", "client", ap.ClientInfo, False),
    _Root("family", "client", ap.FamilyMemberView, True),
)

#: The instruments with forms, in the book's order of use.
INSTRUMENTS: tuple[str, ...] = tuple(dict.fromkeys(root.instrument for root in _ROOTS))


@attrs.frozen
class CasePart:
    """Which form fills which part of a case: the form, the :class:`~terugkeer.case.CaseFile`
    field its records go to, and whether that field holds a list of them."""

    form_id: str
    field: str
    many: bool


#: Every instrument part of a case that a form fills, in the case's field order: the one list
#: that FHIR responses and the research export read. The case id and revision are the case
#: system's own; the client's details and the family's views have their forms (``client``),
#: but never travel in a response: the research export reads them into its ``cases`` and
#: ``family`` tables, pseudonymised.
CASE_PARTS: tuple[CasePart, ...] = (
    CasePart("context", "context", False),
    CasePart("overview1", "assessments", True),
    CasePart("overview2", "change_possibilities", True),
    CasePart("overview3", "weighty_factors", True),
    CasePart("actionplan", "plan", False),
    CasePart("health", "health", True),
    CasePart("signals", "signals", False),
    CasePart("consents", "consents", True),
)


def _questions() -> dict[str, dict[str, tuple[str, str]]]:
    """Per form, the numbered questions: dotted field path → (link id, message id)."""
    sections = {row.id: row.attribute for row in SECTION_ROWS}
    plan = {f"{row.attribute}": (row.id, f"ActionPlan.{row.id}") for row in SECTION_ROWS}
    plan |= {f"{sections[q.section]}.{q.path}": (q.id, f"ActionPlan.{q.id}") for q in QUESTION_ROWS}
    health = {row.path: (row.id, f"HealthChecklist.{row.id}") for row in CHECKLIST_ROWS}
    return {"actionplan": plan, "health": health}


#: Dates of what has happened: the record methods refuse them after today, so do the forms.
_PAST_ONLY: frozenset[tuple[type, str]] = frozenset(
    {(ap.Appointment, "held_on"), (ap.ActivityUpdate, "on"), (hc.Source, "checked_on")}
)
#: Numbers a form shows counted from 1 where the record counts from 0.
_SHIFTED: frozenset[tuple[type, str]] = frozenset({(ap.ActivityUpdate, "appointment")})

#: Ask ``field`` only when ``sibling`` has the answer ``code`` (records of the forms' own shape).
_ENABLE_WHEN: dict[tuple[type, str], tuple[str, str]] = {
    (Rating, "score"): ("kind", RatingKind.SCORED.value),
    **{
        (ap.ComplaintCare, name): ("complaints", Answer.YES.value)
        for name in ("care_available", "care_affordable", "care_reachable")
    },
}


# --- Deriving items from record types -------------------------------------------------------------


@functools.cache
def _choice_labels() -> dict[str, str]:
    """The message id of every catalogue id a string field may hold."""
    entries: list[Any] = [
        *FACTORS,
        *sg.SIGNALS,
        *sg.RISK_FACTORS,
        *sg.PROTECTIVE_FACTORS,
        *wb.WELLBEING_ITEMS,
    ]
    return {entry.id: entry.message_id for entry in entries}


def _enum_choices(values: list[Any]) -> tuple[Choice, ...]:
    values = [v for v in values if v is not None]
    if all(type(v) is int for v in values):  # scores: a direction and a strength, as a code
        points = {p.score: p for p in SCALE_LEGEND}
        return tuple(Choice(points[v].code, v, points[v].message_id) for v in values)
    labels = _choice_labels()
    return tuple(
        Choice(
            str(v),
            v,
            labels.get(v) if isinstance(v, str) else None,
            withdrawn=_withdrawn(v, labels),
        )
        for v in values
    )


def _withdrawn(value: object, labels: dict[str, str]) -> bool:
    """A currency code (the only unlabelled string codes) no territory uses any more."""
    return isinstance(value, str) and value not in labels and value not in CURRENT_CURRENCY_CODES


class _Deriver:
    def __init__(self, form_id: str) -> None:
        self.form_id = form_id
        self.questions = _questions().get(form_id, {})
        self.question_ids = {link_id for link_id, _ in self.questions.values()}

    def record_items(self, cls: type, path: str, dotted: str, link: str) -> tuple[FormItem, ...]:
        hints = typing.get_type_hints(cls)
        items = []
        for f in attrs.fields(cls):
            sub_dotted = f"{dotted}.{f.name}" if dotted else f.name
            sub_link = f"{link}.{f.name}" if link else f"{self.form_id}.{f.name}"
            if cls is Assessment and f.name == "ratings":
                items += self.ratings(f"{path}.ratings")
                continue
            items.append(self.field_item(cls, f, hints[f.name], path, sub_dotted, sub_link))
        return tuple(_enabled(cls, items))

    def field_item(
        self, cls: type, f: attrs.Attribute[Any], t: Any, path: str, dotted: str, link: str
    ) -> FormItem:
        if link in self.question_ids:  # a numbered question's id: this item is another one
            link = f"{self.form_id}.{dotted}"
        link_id, message_id = self.questions.get(dotted, (link, f"Field.{cls.__name__}.{f.name}"))
        t, nullable = optional(t)
        spec = spec_of(f)
        json_schema = spec.schema(is_list=typing.get_origin(t) is tuple)
        common: dict[str, Any] = {
            "link_id": link_id,
            "message_id": message_id,
            "field": f"{cls.__name__}.{f.name}",
            "requirement": (
                Requirement.REQUIRED if f.default is attrs.NOTHING else Requirement.OPTIONAL
            ),
            "free_text": spec.free_text,
            "identifying": spec.identifying,
            "past_only": (cls, f.name) in _PAST_ONLY,
        }
        item_path = f"{path}.{f.name}"
        if typing.get_origin(t) is tuple:
            (inner,) = typing.get_args(t)[:1]
            common |= {"repeats": True, "max_items": spec.max_items}
            item_path += "[*]"
            json_schema = json_schema.get("items", {})
            t = inner
        if attrs.has(t):
            return FormItem(
                path=item_path,
                answer_type=AnswerType.GROUP,
                items=self.record_items(t, item_path, dotted, link_id),
                **common,
            )
        answer = _answer(t, json_schema, nullable)
        if (cls, f.name) in _SHIFTED:
            answer |= {
                "shift": 1,
                "minimum": answer["minimum"] + 1,
                "maximum": answer["maximum"] + 1,
            }
        return FormItem(path=item_path, **common, **answer)

    def ratings(self, path: str) -> list[FormItem]:
        """Overview 1's 19 ratings: one group per factor, in book order, with its factor fixed."""
        groups = []
        previous = None
        for i, factor in enumerate(FACTORS):
            at = f"{path}[{i}]"
            items = []
            hints = typing.get_type_hints(Rating)
            for f in attrs.fields(Rating):
                item = self.field_item(Rating, f, hints[f.name], at, "", f"{factor.id}.{f.name}")
                if f.name == "factor":
                    item = attrs.evolve(item, fixed=factor.id)
                elif f.name == "kind":
                    item = attrs.evolve(
                        item,
                        unposted=RatingKind.SKIPPED.value,
                        requirement=(
                            Requirement.COMPLETE
                            if factor.skippable_under_time_pressure
                            else Requirement.MINIMUM
                        ),
                    )
                items.append(item)
            groups.append(
                FormItem(
                    link_id=factor.id,
                    path=at,
                    answer_type=AnswerType.GROUP,
                    message_id=factor.message_id,
                    field="Assessment.ratings",
                    requirement=Requirement.REQUIRED,
                    help_message_id=factor.help_message_id,
                    items=tuple(_enabled(Rating, items)),
                    heading_message_id=None
                    if factor.group is previous
                    else factor.group.message_id,
                )
            )
            previous = factor.group
        return groups


def _answer(t: Any, json_schema: dict[str, Any], nullable: bool) -> dict[str, Any]:
    """The answer type, choices and bounds of a plain field of type ``t``."""
    if isinstance(t, type) and issubclass(t, enum.Enum):
        labelled = issubclass(t, LabelledEnum)
        return {
            "answer_type": AnswerType.CHOICE,
            "choice_set": t.__name__,
            "choices": tuple(
                Choice(m.value, m.value, m.message_id if labelled else None)  # type: ignore[attr-defined]
                for m in t
            ),
        }
    if "enum" in json_schema:
        choices = _enum_choices(json_schema["enum"])
        return {
            "answer_type": AnswerType.CHOICE,
            "choices": choices,
            "choice_set": _choice_set(choices),
        }
    if t is bool:
        return {"answer_type": AnswerType.BOOLEAN}
    if t is int:
        return {
            "answer_type": AnswerType.INTEGER,
            "minimum": json_schema.get("minimum"),
            "maximum": json_schema.get("maximum"),
        }
    simple = {
        str: AnswerType.TEXT,
        dt.date: AnswerType.DATE,
        dt.datetime: AnswerType.DATETIME,
        decimal.Decimal: AnswerType.DECIMAL,
    }
    if t in simple:
        return {"answer_type": simple[t]}
    raise TypeError(f"no form answer type for {t!r}")


def _choice_set(choices: tuple[Choice, ...]) -> str:
    """The vocabulary of catalogue ids or codes: ``Score`` for scores, the label prefix
    (``Factor.F02`` → ``Factor``), ``Currency`` for ISO 4217 codes (the only unlabelled codes)."""
    first = choices[0]
    if isinstance(first.value, int):
        return "Score"
    if first.message_id is not None:
        return first.message_id.split(".", 1)[0]
    return "Currency"


def _enabled(cls: type, items: list[FormItem]) -> Iterator[FormItem]:
    """``items`` with the enable-when conditions of their record type."""
    by_name = {item.path.rsplit(".", 1)[-1].removesuffix("[*]"): item for item in items}
    for item in items:
        name = item.path.rsplit(".", 1)[-1].removesuffix("[*]")
        rule = _ENABLE_WHEN.get((cls, name))
        if rule is not None:
            sibling, code = rule
            item = attrs.evolve(item, enable_when=(EnableWhen(by_name[sibling].link_id, code),))
        yield item


def _with_guidance(item: FormItem, about: dict[str, tuple[str, ...]]) -> FormItem:
    """``item`` and its items with the guidance about each (by link id)."""
    return attrs.evolve(
        item,
        guidance=about.get(item.link_id, ()),
        items=tuple(_with_guidance(sub, about) for sub in item.items),
    )


def _guidance(instrument: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """An instrument's guidance: the texts about no one item, and those about each item."""
    if instrument not in PLACES:  # consents: no guidance of their own
        return (), {}
    texts = [t for topic in topics_for(instrument) for t in topic.texts]
    about: dict[str, tuple[str, ...]] = {}
    for entry in texts:
        if entry.about is not None:
            about[entry.about] = (*about.get(entry.about, ()), entry.message_id)
    return tuple(t.message_id for t in texts if t.about is None), about


@functools.cache
def _all() -> tuple[Form[Any], ...]:
    built: list[Form[Any]] = []
    for root in _ROOTS:
        deriver = _Deriver(root.form_id)
        instructions, about = _guidance(root.instrument)
        items = deriver.record_items(root.record, "$", "", "")
        legend: tuple[str, ...] = ()
        if root.record is Assessment:
            legend = (*(p.message_id for p in SCALE_LEGEND), SCALE_NOTE)
        built.append(
            Form(
                id=root.form_id,
                instrument=root.instrument,
                record=root.record,
                message_id=f"Form.{root.form_id}",
                repeats=root.repeats,
                items=tuple(_with_guidance(item, about) for item in items),
                instructions=instructions,
                legend=legend,
            )
        )
    return tuple(built)


def all_forms() -> tuple[Form[Any], ...]:
    """Every form of every instrument, in the order of :data:`INSTRUMENTS`."""
    return _all()


def forms(instrument: str) -> tuple[Form[Any], ...]:
    """The forms of one instrument (one, except the counsellor's wellbeing instruments).

    An unknown instrument is a ``KeyError`` naming it (an instrument id is not personal data).
    """
    found = tuple(f for f in _all() if f.instrument == instrument)
    if not found:
        raise KeyError(instrument)
    return found


def form_for(record: type[R]) -> Form[R]:
    """The form that builds records of type ``record``, typed by it: ``form_for(Assessment)``
    is a ``Form[Assessment]``. A type no form builds is a ``KeyError`` naming it.

    >>> form_for(Assessment).id
    'overview1'
    """
    for found in _all():
        if found.record is record:
            return typing.cast("Form[R]", found)
    raise KeyError(getattr(record, "__name__", "?"))


# One overload per form: `form("health")` is a Form[HealthChecklist] to a type checker.
@overload
def form(form_id: Literal["overview1"]) -> Form[Assessment]: ...
@overload
def form(form_id: Literal["overview2"]) -> Form[ChangePossibility]: ...
@overload
def form(form_id: Literal["overview3"]) -> Form[WeightyFactor]: ...
@overload
def form(form_id: Literal["actionplan"]) -> Form[ap.ActionPlan]: ...
@overload
def form(form_id: Literal["health"]) -> Form[hc.HealthChecklist]: ...
@overload
def form(form_id: Literal["signals"]) -> Form[sg.SignalLog]: ...
@overload
def form(form_id: Literal["wellbeing.emotion_exercise"]) -> Form[wb.EmotionExercise]: ...
@overload
def form(form_id: Literal["wellbeing.signals_check"]) -> Form[wb.SignalsCheck]: ...
@overload
def form(form_id: Literal["wellbeing.stress_self_check"]) -> Form[wb.StressSelfCheck]: ...
@overload
def form(form_id: Literal["wellbeing.reactions_reflection"]) -> Form[wb.ReactionsReflection]: ...
@overload
def form(
    form_id: Literal["wellbeing.intervision_reflection"],
) -> Form[wb.IntervisionReflection]: ...
@overload
def form(form_id: Literal["context"]) -> Form[cf.CaseContext]: ...
@overload
def form(form_id: Literal["consents"]) -> Form[cf.ConsentRecord]: ...
@overload
def form(form_id: Literal["client"]) -> Form[ap.ClientInfo]: ...
@overload
def form(form_id: Literal["family"]) -> Form[ap.FamilyMemberView]: ...
@overload
def form(form_id: str) -> Form[Any]: ...
def form(form_id: str) -> Form[Any]:
    """The form with this id (``overview1``, ``wellbeing.stress_self_check`` ...), typed by the
    record it builds; an unknown id is a ``KeyError`` naming it.

    >>> form("health").record.__name__
    'HealthChecklist'
    """
    for found in _all():
        if found.id == form_id:
            return found
    raise KeyError(form_id)
