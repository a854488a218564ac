"""The research export: every instrument of a case as tidy, pseudonymised tables.

The tables are derived from the forms (:mod:`terugkeer.forms`), so they follow the records: one
table per instrument, one row per observation, and a child table (with its parent's keys and a
position) for every list. Overview 1's scores are long: one row per case × assessment × factor.
A multi-select becomes one boolean column per code, never a joined cell.

What leaves a case, by default:

- the case id only as a keyed pseudonym (HMAC-SHA256 with a secret the caller keeps, so the same
  case gets the same pseudonym in every run);
- every date as the number of days since the case's first recorded date (day 0), or, when the
  caller asks for it, as a month (``2026-03``); the date of birth only as a year;
- the country of origin only as an ISO 3166-1 code, when the recorded text is one (or a country's
  name in Dutch or English, as Babel spells it);
- never a field that identifies a person (names, contact details, who entered a record);
- free text, the country as typed, and the vulnerable characteristics only when the caller opts in
  to that :class:`FieldGroup`.

>>> import datetime as dt
>>> from terugkeer import Assessment, CaseFile
>>> case = CaseFile("case-7").add_assessment(Assessment.build(dt.date(2026, 3, 2), {"F02": -3}))
>>> found = case_tables(case, key=b"a secret of sixteen+ bytes")
>>> ratings = table("ratings")
>>> [c.name for c in ratings.columns]
['case_key', 'assessment_n', 'factor', 'kind', 'score']
>>> found["ratings"][1][2:]
['F02', 'scored', -3]
>>> "case-7" in str(found)
False
"""

from __future__ import annotations

import decimal
import enum
import functools
import hashlib
import itertools
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from terugkeer._codegen import generated_function
from terugkeer._fields import Spec, spec_of
from terugkeer._labelled import strings_are_values
from terugkeer._types import optional
from terugkeer.case import CaseFile
from terugkeer.errors import ValidationError
from terugkeer.forms import CASE_PARTS, AnswerType, Form, FormItem, forms
from terugkeer.healthfindings import finding_rows
from terugkeer.i18n import country_codes

from .counters import progress_rows
from .pseudonyms import pseudonym

__all__ = [
    "SQL_SAFE",
    "Code",
    "Column",
    "ColumnType",
    "DatePrecision",
    "FieldGroup",
    "ResearchOptions",
    "Row",
    "Table",
    "case_tables",
    "csv_cell",
    "from_csv_cell",
    "research_tables",
    "stata_name",
    "table",
]

Value = str | int | bool | decimal.Decimal | None
#: One row of a table: the values in the order of the table's columns (a fresh list per call).
Row = list[Value]
#: A generated filler: from a case and its key, every table's rows by name.
_Fill = Callable[[CaseFile, str], dict[str, list[Row]]]


#: Column names that would be SQL reserved words (``on``, ``group``; the case key would be
#: ``case``), and the names they get instead, so a query needs no quoting in DuckDB, PostgreSQL
#: or SQLite. A test checks every column against DuckDB's reserved words.
SQL_SAFE: dict[str, str] = {"on": "on_date", "group": "client_group"}


def _sql_safe(name: str) -> str:
    return SQL_SAFE.get(name, name)


class FieldGroup(enum.Enum):
    """Columns left out of the export unless the caller opts in to their group."""

    #: Every free-text answer: a client's or counsellor's own words can name anyone.
    FREE_TEXT = "free_text"
    #: The country of origin as it was typed (the ISO code is always exported when there is one).
    COUNTRY_TEXT = "country_text"
    #: The client's vulnerable characteristics (special-category personal data).
    VULNERABLE = "vulnerable"


class DatePrecision(enum.Enum):
    """How dates leave a case."""

    DAYS = "days"  #: whole days since the case's first recorded date (an integer, day 0)
    MONTH = "month"  #: the calendar month, ``YYYY-MM``


class ColumnType(enum.Enum):
    """A column's type, named as in Frictionless Table Schema."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"  #: an exact decimal (amounts), written as text in CSV
    BOOLEAN = "boolean"
    YEARMONTH = "yearmonth"  #: ``YYYY-MM``


def _groups(groups: Iterable[FieldGroup]) -> frozenset[FieldGroup]:
    return frozenset(groups)


@attrs.frozen(weakref_slot=False)
class ResearchOptions:
    """What an export includes: the date precision and the opted-in field groups."""

    dates: DatePrecision = DatePrecision.DAYS
    include: frozenset[FieldGroup] = attrs.field(default=frozenset(), converter=_groups)

    @include.validator
    def _check(self, _: object, value: frozenset[object]) -> None:
        if not all(isinstance(group, FieldGroup) for group in value):
            raise ValidationError.at("$.include", "options.not_field_groups")


@attrs.frozen(weakref_slot=False)
class Code:
    """One allowed value of a coded column, with its label's message id (None: its own label)."""

    value: str | int
    message_id: str | None = None


@attrs.frozen(weakref_slot=False)
class Column:
    """One column: its name, type, label (the message ids of its path, outermost first, shown
    joined) and, for coded columns, the allowed codes."""

    name: str
    type: ColumnType
    message_ids: tuple[str, ...]
    #: The form item the values come from (``F02.score`` …), or the derived analysis.
    source: str
    codes: tuple[Code, ...] = ()
    #: The unit's message id (``Research.unit.days`` …), None when the type says it all.
    unit: str | None = None
    #: The opt-in group the column belongs to (None: always exported).
    group: FieldGroup | None = None
    #: Part of the table's key (``case`` and the positions of the lists above).
    key: bool = False


@attrs.frozen(weakref_slot=False)
class Table:
    """One tidy table: its name, title's message id, columns, and the table its keys point to."""

    name: str
    message_id: str
    columns: tuple[Column, ...]
    parent: str | None = None

    @property
    def primary_key(self) -> tuple[str, ...]:
        """The columns that together identify a row."""
        return tuple(c.name for c in self.columns if c.key)

    def column(self, name: str) -> Column:
        """The column with this name; a ``KeyError`` naming it when there is none."""
        for found in self.columns:
            if found.name == name:
                return found
        raise KeyError(name)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def csv_cell(value: Value) -> Value:
    """A value made safe for a spreadsheet: text a spreadsheet would run as a formula (it starts
    with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``. So that the
    rule can be undone exactly (:func:`from_csv_cell`), text starting with ``'`` gets one too.

    Numbers stay numbers; only text is changed, and only at its start.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell("Syria"), csv_cell(-3), csv_cell("'quoted")
    ("'=HYPERLINK(1)", 'Syria', -3, "''quoted")
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def from_csv_cell(text: str) -> str:
    """The text :func:`csv_cell` was given: one leading ``'`` removed, if there is one.

    >>> from_csv_cell("'=HYPERLINK(1)"), from_csv_cell("Syria")
    ('=HYPERLINK(1)', 'Syria')
    """
    return text[1:] if text.startswith("'") else text


def stata_name(name: str) -> str:
    """A column's name as a Stata file can hold it: at most 28 characters. (Stata allows 32, but
    pyreadstat names each value-label set after its variable plus a counter of up to 3 digits,
    and a label set's name has the same limit.) Longer names keep their first 23 characters and
    get ``_`` and 4 hex digits of their SHA-256, so they stay distinct.

    >>> stata_name("score"), stata_name("available_source_in_country_of_origin")
    ('score', 'available_source_in_cou_f2df')
    """
    if len(name) <= 28:
        return name
    return f"{name[:23]}_{hashlib.sha256(name.encode()).hexdigest()[:4]}"


# --- Deriving the tables from the forms ----------------------------------------------------------

#: The table of each case part (:data:`~terugkeer.forms.CASE_PARTS`) whose name is not its field's.
_PART_TABLES = {"context": "cases", "health": "health_checklists"}

#: Shorter names for the tables of nested lists (the derived name is ``<table>_<field>``).
_TABLE_NAMES = {
    "assessments_new_considerations": "new_considerations",
    "health_checklists_medicines": "health_medicines",
    "health_checklists_facilities": "health_facilities",
    "signal_emotions_emotions": "signal_emotion_entries",
}

#: The name of each list table's position column (``<name>_n``); otherwise ``<table>_n``.
_POSITIONS = {
    "phases": "phase",
    "assessments": "assessment",
    "new_considerations": "consideration",
    "change_possibilities": "change_possibility",
    "weighty_factors": "weighty_factor",
    "plan_children": "child",
    "plan_ways_to_feel_safer": "way",
    "plan_looking_forward": "hope",
    "plan_dreaded": "fear",
    "plan_practical": "task",
    "plan_involved": "involved",
    "plan_appointments": "appointment",
    "plan_appointments_activities": "activity",
    "plan_activity_updates": "update",
    "plan_family": "member",
    "family": "member",
    "health_checklists": "checklist",
    "health_medicines": "medicine",
    "health_facilities": "facility",
    "signal_observations": "observation",
    "signal_factors": "recording",
    "signal_taxations": "taxation",
    "signal_referrals": "referral",
    "signal_steps": "step",
    "signal_emotions": "emotion_check",
    "signal_emotion_entries": "emotion",
    "consents": "consent",
    "health_findings": "finding",
}


def _position(table_name: str) -> Column:
    name = _POSITIONS.get(table_name, table_name)
    return Column(f"{name}_n", ColumnType.INTEGER, ("Research.position",), table_name, key=True)


_DAYS_UNIT = "Research.unit.days"
_ISO_COUNTRY = "Research.unit.iso_country"


def _specs_of(record: type) -> dict[str, Spec]:
    """The spec of every field reachable from ``record``, by ``Class.field``."""
    found: dict[str, Spec] = {}
    seen: set[type] = set()
    todo = [record]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for f in attrs.fields(cls):
            found[f"{cls.__name__}.{f.name}"] = spec_of(f)
            todo += [t for t in _types_in(hints[f.name]) if attrs.has(t)]
    return found


def _types_in(annotation: object) -> list[type]:
    args = typing.get_args(annotation)
    if not args:
        return [annotation] if isinstance(annotation, type) else []
    return [t for a in args for t in _types_in(a)]


@attrs.frozen(weakref_slot=False)
class _Get:
    """Where a column's value is (an attribute path from the table's record) and how it is
    converted: ``str`` (a code), ``day`` (a date's or datetime's day number, made days since
    day 0 by :func:`_filler`), ``month`` (``YYYY-MM``), ``year``, ``has`` (a multi-select
    holds ``arg``), ``country`` (an ISO code, or None)."""

    path: tuple[str, ...]
    convert: str = ""
    arg: str | int | None = None


def _read(
    var: str,
    t: Any,
    path: tuple[str, ...],
    temps: Iterator[int],
    absent: str = "None",
    bound: dict[tuple[str, ...], str] | None = None,
) -> tuple[str, Any, bool]:
    """An expression reading the attribute ``path`` from ``var`` (of type ``t``), ``absent``
    when a group on the way is absent; the type it reads (None when not known); and whether a
    group on the way was checked. Only a step whose type may be None is checked: a record's
    required record is always there (its checks say so).

    ``bound`` keeps, per checked group, the name its value was bound to; a later expression of
    the same row (cells are evaluated in order, and a binding sits where it always runs) reads
    that name instead of walking to the group again."""
    code, checked = var, False
    for i, name in enumerate(path):
        if i > 0 and _may_be_none(t):
            group = path[:i]
            tmp = bound.get(group) if bound is not None else None
            if tmp is None:
                tmp = f"_t{next(temps)}"
                code = f"({tmp} := {code})"
                if bound is not None:
                    bound[group] = tmp
            else:
                code = tmp
            code, checked = f"({absent} if {code} is None else {tmp}.{name})", True
        else:
            code = f"{code}.{name}"
        t = _field_type(t, name)
    return code, t, checked


def _may_be_none(t: Any) -> bool:
    """Whether a value of type ``t`` may be None (also when the type is not known)."""
    return t is None or optional(t)[1]


def _field_type(t: Any, name: str) -> Any:
    """The type of the field ``name`` of the record type ``t`` (optional or not), or None when
    it is not known (then every step is checked)."""
    record, _ = optional(t)
    if not (isinstance(record, type) and attrs.has(record)):
        return None
    return typing.get_type_hints(record).get(name)


def _item_type(t: Any) -> Any:
    """The type of a tuple's items (None when not known)."""
    inner, _ = optional(t)
    return typing.get_args(inner)[0] if typing.get_origin(inner) is tuple else None


def _cells(gets: Sequence[_Get], var: str, t: Any, temps: Iterator[int]) -> list[str]:
    """The expressions of a row's value cells read from the record ``var`` of type ``t`` (no
    per-cell calls), in order: an absent group on the way gives None, as an unanswered field
    does, and a group checked once is not walked to again."""

    bound: dict[tuple[str, ...], str] = {}

    def cell(get: _Get) -> str:
        code, read, checked = _read(var, t, get.path, temps, bound=bound)
        if not get.convert:
            return code
        if get.convert == "country":
            return f"_country({code})"
        never_none = not checked and not _may_be_none(read)
        tmp = code if never_none else f"_t{next(temps)}"
        value_type, _ = optional(read)
        if get.convert == "str" and value_type is str:  # a text field: already its text
            return code
        # A member of a string enum whose string is its value: the value itself, where the
        # string would be a copy made by a call.
        by_value = strings_are_values(value_type)
        done = {
            "str": f"{tmp}._value_" if by_value else f"_str({tmp})",
            # A date's or a datetime's day number, kept in ``z`` when it is the earliest yet
            # (made days since day 0 once the rows are made: see :func:`_filler`); or its month.
            "day": f"(_d if (_d := {tmp}.toordinal()) >= z else (z := _d))",
            "month": f'f"{{{tmp}.year:04d}}-{{{tmp}.month:02d}}"',
            "year": f"{tmp}.year",
            "has": f"({get.arg!r} in {tmp})",
        }[get.convert]
        return done if never_none else f"(None if ({tmp} := {code}) is None else {done})"

    return [cell(get) for get in gets]


def _name(code: str | int) -> str:
    """A code as part of a column name: letters, digits and ``_`` only."""
    return re.sub(r"[^0-9A-Za-z]+", "_", str(code)).strip("_").lower()


@attrs.frozen(weakref_slot=False)
class _Spec:
    """How to fill one table: where its records are below the parent record, and where each
    value is below a record (:func:`_filler` writes the code that reads them)."""

    table: Table
    records: _Get  # from the parent record to this table's records (a tuple), or one record
    many: bool
    gets: tuple[_Get, ...]  # one per value column
    children: tuple[_Spec, ...]
    key: _Get | None = None  # the own key read from each record; its position when None


class _Builder:
    def __init__(self, form: Form[Any], options: ResearchOptions) -> None:
        self.options = options
        self.specs = _specs_of(form.record)

    def spec(
        self,
        name: str,
        message_id: str,
        items: Iterable[FormItem],
        keys: tuple[Column, ...],
        records: _Get,
        many: bool,
        parent: str | None,
        key: _Get | None = None,
        own_key: Column | None = None,
    ) -> _Spec:
        if many:
            keys = (*keys, own_key or _position(name))
        columns: list[Column] = []
        getters: list[_Get] = []
        children: list[_Spec] = []
        self.flatten(name, items, (), (), keys, columns, getters, children)
        return _spec(
            Table(name, message_id, (*keys, *columns), parent),
            records,
            many,
            getters,
            children,
            key,
        )

    def date_column(self, name: str, item: FormItem, labels: tuple[str, ...]) -> Column:
        if self.options.dates is DatePrecision.MONTH:
            return Column(name, ColumnType.YEARMONTH, labels, item.link_id)
        return Column(name, ColumnType.INTEGER, labels, item.link_id, unit=_DAYS_UNIT)

    def flatten(
        self,
        table_name: str,
        items: Iterable[FormItem],
        prefix: tuple[str, ...],
        labels: tuple[str, ...],
        keys: tuple[Column, ...],
        columns: list[Column],
        getters: list[_Get],
        children: list[_Spec],
    ) -> None:
        ratings = [item for item in items if item.field == "Assessment.ratings"]
        if ratings:
            children.append(self.ratings(ratings, keys))
        for item in items:
            if item.field == "Assessment.ratings":
                continue
            field = item.path.rsplit(".", 1)[-1].removesuffix("[*]")
            path = (*prefix, field)
            name = _sql_safe("_".join(path))
            here = (*labels, item.message_id)
            research = self.specs[item.field].research if item.field in self.specs else None
            get = _Get(path)
            if item.identifying:
                if research == "year":
                    columns.append(
                        Column(
                            f"{name}_year",
                            ColumnType.INTEGER,
                            here,
                            item.link_id,
                            unit="Research.unit.year",
                        )
                    )
                    getters.append(attrs.evolve(get, convert="year"))
                continue
            if item.answer_type is AnswerType.GROUP and item.repeats:
                child = f"{table_name}_{field}" if table_name != "signals" else f"signal_{field}"
                if table_name == "cases":
                    child = field
                child = _TABLE_NAMES.get(child, child)
                children.append(
                    self.spec(
                        child,
                        item.message_id,
                        item.items,
                        keys,
                        get,
                        True,
                        table_name,
                    )
                )
                continue
            if item.answer_type is AnswerType.GROUP:
                self.flatten(table_name, item.items, path, here, keys, columns, getters, children)
                continue
            if item.repeats and item.answer_type is AnswerType.CHOICE:
                group = FieldGroup.VULNERABLE if research == "vulnerable" else None
                if group is not None and group not in self.options.include:
                    continue
                for choice in item.choices:
                    columns.append(
                        Column(
                            f"{name}_{_name(choice.code)}",
                            ColumnType.BOOLEAN,
                            (*here, choice.message_id or choice.code),
                            item.link_id,
                            group=group,
                        )
                    )
                    # a str enum member equals its value
                    getters.append(attrs.evolve(get, convert="has", arg=choice.value))
                continue
            if item.repeats:  # a list of texts: a child table of one text column
                if FieldGroup.FREE_TEXT in self.options.include:
                    children.append(
                        self.texts(f"{table_name}_{field}", table_name, item, keys, get)
                    )
                continue
            if research == "country":
                columns.append(
                    Column(
                        f"{name}_code",
                        ColumnType.STRING,
                        here,
                        item.link_id,
                        codes=_country_codes(),
                        unit=_ISO_COUNTRY,
                    )
                )
                getters.append(attrs.evolve(get, convert="country"))
                if FieldGroup.COUNTRY_TEXT in self.options.include:
                    columns.append(
                        Column(
                            name,
                            ColumnType.STRING,
                            here,
                            item.link_id,
                            group=FieldGroup.COUNTRY_TEXT,
                        )
                    )
                    getters.append(get)
                continue
            column, convert = self.value_column(name, item, here)
            if column is None:
                continue
            columns.append(column)
            getters.append(attrs.evolve(get, convert=convert))

    def value_column(
        self, name: str, item: FormItem, labels: tuple[str, ...]
    ) -> tuple[Column | None, str]:
        kind = item.answer_type
        if kind is AnswerType.TEXT:
            if FieldGroup.FREE_TEXT not in self.options.include:
                return None, ""
            return Column(
                name, ColumnType.STRING, labels, item.link_id, group=FieldGroup.FREE_TEXT
            ), ""
        if kind in (AnswerType.DATE, AnswerType.DATETIME):  # read as the date's day or month
            month = self.options.dates is DatePrecision.MONTH
            return self.date_column(name, item, labels), "month" if month else "day"
        if kind is AnswerType.CHOICE:
            codes = tuple(Code(c.value, c.message_id) for c in item.choices)
            numeric = all(isinstance(c.value, int) for c in item.choices)
            return Column(
                name,
                ColumnType.INTEGER if numeric else ColumnType.STRING,
                labels,
                item.link_id,
                codes=codes,
            ), ("" if numeric else "str")
        simple = {
            AnswerType.BOOLEAN: ColumnType.BOOLEAN,
            AnswerType.INTEGER: ColumnType.INTEGER,
            AnswerType.DECIMAL: ColumnType.NUMBER,
        }
        return Column(name, simple[kind], labels, item.link_id), ""

    def ratings(self, groups: list[FormItem], keys: tuple[Column, ...]) -> _Spec:
        """Overview 1's ratings as a long table: the factor, not a position, is the key."""
        first = groups[0]
        factor = first.items[0]
        own = Column(
            "factor",
            ColumnType.STRING,
            (factor.message_id,),
            "Assessment.ratings",
            codes=tuple(Code(c.value, c.message_id) for c in factor.choices),
            key=True,
        )
        items = [item for item in first.items if item.fixed is None]
        renamed = [attrs.evolve(item, link_id=item.link_id.split(".", 1)[1]) for item in items]
        return self.spec(
            "ratings",
            "Field.Assessment.ratings",
            renamed,
            keys,
            _Get(("ratings",)),
            True,
            "assessments",
            key=_Get(("factor",)),
            own_key=own,
        )

    def texts(
        self, name: str, parent: str, item: FormItem, keys: tuple[Column, ...], get: _Get
    ) -> _Spec:
        value = Column(
            "text", ColumnType.STRING, (item.message_id,), item.link_id, group=FieldGroup.FREE_TEXT
        )
        table = Table(name, item.message_id, (*keys, _position(name), value), parent)
        return _spec(table, get, True, [_Get(())], [])


def _spec(
    table: Table,
    records: _Get,
    many: bool,
    gets: Sequence[_Get],
    children: Sequence[_Spec],
    key: _Get | None = None,
) -> _Spec:
    return _Spec(table, records, many, tuple(gets), tuple(children), key)


@functools.cache
def _country_codes() -> tuple[Code, ...]:
    codes = sorted(set(country_codes().values()))
    return tuple(Code(code, None) for code in codes)


def _country_code(text: str | None) -> str | None:
    """The ISO 3166-1 code a country text stands for, or None."""
    return country_codes().get(text.strip().casefold()) if text else None


@functools.cache
def _specs(options: ResearchOptions) -> tuple[_Spec, ...]:
    specs = []
    for part in CASE_PARTS:
        form_id, attribute, many = part.form_id, part.field, part.many
        name = _PART_TABLES.get(form_id, attribute)
        (form,) = forms(form_id)
        if form_id == "context":
            specs.append(_cases_spec(form, options))
            continue
        items = list(form.items)
        spec = _Builder(form, options).spec(
            name,
            form.message_id,
            items,
            (_case_key(),),
            _Get((attribute,)),
            many,
            "cases",
        )
        if not many and not spec.gets:  # the signal log: only its lists are tables
            for child in spec.children:
                table = attrs.evolve(child.table, parent="cases")
                path = (*spec.records.path, *child.records.path)
                specs.append(attrs.evolve(child, table=table, records=_Get(path)))
            continue
        specs.append(spec)
    return tuple(specs)


def _case_key() -> Column:
    return Column("case_key", ColumnType.STRING, ("Research.case",), "CaseFile.case_id", key=True)


def _cases_spec(context: Form[Any], options: ResearchOptions) -> _Spec:
    """One row per case, also for a case with nothing else recorded: the pseudonym, the
    revision, the client's year of birth and country code, and the context (its phases as a
    table of their own)."""
    client, family = forms("client")
    columns: list[Column] = []
    getters: list[_Get] = [_Get(("revision",))]
    children: list[_Spec] = []
    keys = (_case_key(),)
    labels = ("Field.CaseFile.client",)
    _Builder(client, options).flatten(
        "cases", client.items, ("client",), labels, keys, columns, getters, children
    )
    # The family members' views as the case holds them: one group that repeats.
    views = FormItem(
        "family",
        "$.family[*]",
        AnswerType.GROUP,
        "Field.CaseFile.family",
        "CaseFile.family",
        repeats=True,
        items=family.items,
    )
    _Builder(family, options).flatten("cases", [views], (), (), keys, [], [], children)
    context_columns: list[Column] = []
    _Builder(context, options).flatten(
        "cases", context.items, ("context",), (), keys, context_columns, getters, children
    )
    columns += [
        attrs.evolve(c, name=_sql_safe(c.name.removeprefix("context_"))) for c in context_columns
    ]
    revision = Column(
        "revision", ColumnType.INTEGER, ("Field.CaseFile.revision",), "CaseFile.revision"
    )
    table = Table("cases", "Research.table.cases", (*keys, revision, *columns))
    return _spec(table, _Get(()), False, getters, children)


def research_tables(options: ResearchOptions = ResearchOptions()) -> tuple[Table, ...]:
    """Every table of the export with these options, parents before their children.

    >>> [t.name for t in research_tables()][:5]
    ['cases', 'family', 'phases', 'assessments', 'ratings']
    """
    found: list[Table] = []

    def walk(spec: _Spec) -> None:
        found.append(spec.table)
        for child in spec.children:
            walk(child)

    for spec in _specs(options):
        walk(spec)
    return (*found, *_derived_tables())


def table(name: str, options: ResearchOptions = ResearchOptions()) -> Table:
    """One table of :func:`research_tables`; a ``KeyError`` naming it when there is none."""
    for found in research_tables(options):
        if found.name == name:
            return found
    raise KeyError(name)


# --- Filling the tables ---------------------------------------------------------------------------


def _records(spec: _Spec, parent: str, parent_type: Any, temps: Iterator[int]) -> tuple[str, Any]:
    """An expression reading a table's records from the record ``parent`` (of type
    ``parent_type``): one record, or a list (never None: ``()`` when absent); and the type of
    one record (None when not known)."""
    found, t, _ = _read(parent, parent_type, spec.records.path, temps, absent="()")
    if not spec.many:
        return found, t
    return (f"({found} or ())" if _may_be_none(t) else found), _item_type(t)


@functools.cache
def _filler(options: ResearchOptions) -> _Fill:
    """One generated function giving a case's rows of every table by name, in the order of
    :func:`research_tables` (the derived analyses' tables empty), the instrument tables filled
    (loops and cells spelled out: no walk through the table definitions per case), its key
    ``k`` first. (A comprehension per table would cost more: most tables have a row or none
    per case, and each one is a call; so would ``enumerate``, an object per loop.)

    Dates are read as day numbers (ordinals, never below 1); with :attr:`DatePrecision.DAYS`,
    each cell keeps the earliest day number yet in ``z`` as it is read, and once the rows are
    made the function takes that day as day 0 and makes each a count of days since it: one pass
    over the rows' day cells, cheaper than reading the dates twice."""
    temps = itertools.count()
    days_kept = options.dates is DatePrecision.DAYS  # else no cell is a day number
    heads = ["def fill(case, k):", *([f"    z = {_NO_DAY}"] if days_kept else [])]
    made: dict[str, str] = {}  # the list of each table's rows
    lines: list[str] = []
    days: list[tuple[str, list[int]]] = []  # each dated table's list, and its day cells

    def emit(spec: _Spec, parent: str, parent_type: Any, keys: list[str], indent: str) -> None:
        n = next(temps)
        rows = f"_rows{n}"
        heads.append(f"    {rows} = []")
        made[spec.table.name] = rows
        dated = [i for i, c in enumerate(spec.table.columns) if c.unit == _DAYS_UNIT]
        if dated:
            days.append((rows, dated))
        record = f"_r{n}"
        found, t = _records(spec, parent, parent_type, temps)
        if not spec.many:
            lines.append(f"{indent}{record} = {found}")
            cells = _cells(spec.gets, record, t, temps)
            lines.append(f"{indent}{rows}.append([{', '.join([*keys, *cells])}])")
            for child in spec.children:
                emit(child, record, t, keys, indent)
            return
        position = f"_n{n}"
        own = _cells((spec.key,), record, t, temps)[0] if spec.key is not None else position
        inner = indent + "    "
        if own == position:
            lines.extend((f"{indent}{position} = -1", f"{indent}for {record} in {found}:"))
            lines.append(f"{inner}{position} += 1")
        else:
            lines.append(f"{indent}for {record} in {found}:")
        if spec.children:
            lines.append(f"{inner}_k{n} = {own}")
            own = f"_k{n}"
        cells = _cells(spec.gets, record, t, temps)
        lines.append(f"{inner}{rows}.append([{', '.join([*keys, own, *cells])}])")
        for child in spec.children:
            emit(child, record, t, [*keys, own], inner)

    for spec in _specs(options):
        emit(spec, "case", CaseFile, ["k"], "    ")
    if days_kept:
        lines += _day_zero_lines(days)
    tables = ", ".join(f"{name!r}: {made.get(name, '[]')}" for name in _names(options))
    lines.append(f"    return {{{tables}}}")
    namespace: dict[str, Any] = {"_str": str.__str__, "_country": _country_code}
    fill = generated_function("fill", "\n".join(heads + lines), namespace, "research rows")
    return typing.cast("_Fill", fill)


#: Above every day number (9999-12-31 is day 3,652,059).
_NO_DAY = 1 << 30


def _day_zero_lines(days: list[tuple[str, list[int]]]) -> list[str]:
    """The code that makes each day number of the rows the days since day 0, the earliest of
    them, which the cells kept in ``z`` as they were read (none when the rows hold no date)."""
    lines = [f"    if z != {_NO_DAY}:"]
    for rows, cells in days:
        lines.append(f"        for r in {rows}:")
        for i in cells:
            lines.append(f"            if (d := r[{i}]) is not None:")
            lines.append(f"                r[{i}] = d - z")
    return lines


@functools.cache
def _names(options: ResearchOptions) -> tuple[str, ...]:
    """The table names, in :func:`research_tables` order."""
    return tuple(t.name for t in research_tables(options))


def case_tables(
    case: CaseFile, key: bytes, options: ResearchOptions = ResearchOptions()
) -> dict[str, list[Row]]:
    """The rows of every table (:func:`research_tables`, same options) for one case, by table
    name; a table the case has nothing for has no rows (``cases`` always has one).

    Day 0 of the dates is the earliest date the exported rows hold.
    """
    case_key = pseudonym(case.case_id, key)
    out = _filler(options)(case, case_key)
    _derive(case, case_key, out)
    return out


# --- Tables of derived analyses -------------------------------------------------------------------


def _coded(name: str, enum_type: type[enum.Enum], message_id: str, source: str) -> Column:
    codes = tuple(Code(m.value, getattr(m, "message_id", None)) for m in enum_type)
    return Column(name, ColumnType.STRING, (message_id,), source, codes=codes)


@functools.cache
def _derived_tables() -> tuple[Table, ...]:
    from terugkeer.answers import Answer
    from terugkeer.healthfindings import CareDimension, FindingKind
    from terugkeer.planning import PLAN_SECTIONS, Progress

    case = _case_key()
    sections = tuple(Code(s.id, s.message_id) for s in PLAN_SECTIONS)
    progress = Table(
        "plan_progress",
        "Research.table.plan_progress",
        (
            case,
            Column(
                "section",
                ColumnType.STRING,
                ("Research.section",),
                "completeness",
                sections,
                key=True,
            ),
            _coded("progress", Progress, "Research.progress", "completeness"),
            Column("answered", ColumnType.INTEGER, ("Research.answered",), "completeness"),
            Column("total", ColumnType.INTEGER, ("Research.total",), "completeness"),
        ),
        "plan",
    )
    findings = Table(
        "health_findings",
        "Research.table.health_findings",
        (
            case,
            _position("health_checklists"),
            _position("health_findings"),
            _coded("kind", FindingKind, "Research.finding", "health_findings"),
            Column("path", ColumnType.STRING, ("Research.path",), "health_findings"),
            _coded("dimension", CareDimension, "Research.dimension", "health_findings"),
            _coded("answer", Answer, "Research.answer", "health_findings"),
        ),
        "health_checklists",
    )
    return progress, findings


def _derive(case: CaseFile, k: str, out: dict[str, list[Row]]) -> None:
    """The rows of the derived analyses: plan progress per section, and health findings (codes
    read as ``_value_``, which the ``value`` property only wraps)."""
    out["plan_progress"] = typing.cast("list[Row]", progress_rows(case.plan, k))
    rows = out["health_findings"]
    for c, checklist in enumerate(case.health):
        for n, (kind, path, dimension, answer) in enumerate(finding_rows(checklist)):
            rows.append(
                [
                    k,
                    c,
                    n,
                    kind._value_,
                    path,
                    None if dimension is None else dimension._value_,
                    None if answer is None else answer._value_,
                ]
            )
