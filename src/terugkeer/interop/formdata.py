"""What a web form posts, and back: a record as form fields, and form fields as a checked record.

A form built from :mod:`terugkeer.forms` names each field by its place in the document, without
the ``$.``: ``assessed_on``, ``ratings[4].score``, ``medicines[0].where.text``. A field holds a
string; a multi-select or a list of texts holds a list of strings (as a web framework gives the
values of one name). :func:`form_values` renders a record that way, :func:`from_form` reads it back.

This is the one place where strings are converted: by each item's answer type (a choice's code
to its value, ``"minus3"`` to the score -3, ``"true"``/``"false"`` to a boolean, ``""`` to no
answer). The JSON document path stays strict. What :func:`from_form` builds then goes through
:func:`~terugkeer.from_document`, so a posted form meets every rule a document meets; the
problems of both steps come in one :class:`~terugkeer.ValidationError`, by field path, never
with the posted value.

>>> from terugkeer import Rating
>>> from terugkeer.forms import forms
>>> form = forms("overview1")[0]
>>> posted = {"assessed_on": "2026-03-02"}
>>> posted |= {f"ratings[{i}].kind": "unscored" for i in range(19)}
>>> posted |= {"ratings[1].kind": "scored", "ratings[1].score": "minus2"}
>>> assessment = from_form(form, posted)
>>> assessment.rating("F02").score
-2
>>> form_values(form, assessment)["ratings[1].score"]
'minus2'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from babel.numbers import get_decimal_symbol

from terugkeer.documents.converter import structure
from terugkeer.documents.serialization import to_document
from terugkeer.errors import Problem, ValidationError, child_path
from terugkeer.forms import AnswerType, Form, FormItem
from terugkeer.i18n import resolve_locale

__all__ = ["FormValues", "browser_values", "form_values", "from_form"]

R = TypeVar("R")

#: Posted form fields: a string per field, a list of strings where several answers are allowed.
FormValues = Mapping[str, "str | Sequence[str]"]

_STEP = re.compile(r"\.(\w+)(?:\[(\*|\d+)\])?")
_KEY_PART = re.compile(r"([A-Za-z_]\w*)((?:\[\d+\])*)")
_INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


def _step(item: FormItem, parent: str) -> tuple[str, str | None]:
    """The field name of ``item`` below the path ``parent``, and ``*`` or a fixed index."""
    matched = _STEP.fullmatch(item.path[len(parent) :])
    assert matched is not None, item.path
    return matched[1], matched[2]


def _blank_text(group: FormItem) -> FormItem | None:
    """The first plain text question directly in ``group``, if there is one."""
    for item in group.items:
        if item.answer_type is AnswerType.TEXT and not item.repeats:
            return item
    return None


def _text(value: object, item: FormItem) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if item.shift and type(value) is int:
        return str(value + item.shift)
    return item.code_for(value)  # a choice is posted as its code (a score as ``minus2``)


def form_values(form: Form[R], record: R) -> dict[str, str | list[str]]:
    """The form fields showing ``record`` (of the form's record type), as :func:`from_form`
    reads them: every field the record's document holds, empty answers as ``""``."""
    if type(record) is not form.record:
        raise TypeError(f"form {form.id} shows a {form.record.__name__}")
    body = to_document(record)
    out: dict[str, str | list[str]] = {}
    _render(form.items, "$", body, "", out)
    return out


def _render(
    items: Sequence[FormItem],
    parent: str,
    node: Mapping[str, Any],
    prefix: str,
    out: dict[str, str | list[str]],
) -> None:
    for item in items:
        name, index = _step(item, parent)
        if name not in node:
            continue
        value, key = node[name], f"{prefix}{name}"
        if index is not None and index != "*":
            value, key = value[int(index)], f"{key}[{index}]"
        if item.answer_type is AnswerType.GROUP:
            if index == "*":
                for i, entry in enumerate(value):
                    _render(item.items, item.path, entry, f"{key}[{i}].", out)
            elif value is not None:
                _render(item.items, item.path, value, f"{key}.", out)
        elif index == "*":
            out[key] = [_text(v, item) for v in value]
        else:
            out[key] = _text(value, item)


def _tree(posted: FormValues, problems: list[Problem]) -> dict[Any, Any]:
    """The posted fields as nested dicts (list indices as int keys)."""
    tree: dict[Any, Any] = {}
    for key, value in posted.items():
        parts: list[Any] = []
        valid = type(key) is str and bool(key)
        for part in key.split(".") if valid else ():
            matched = _KEY_PART.fullmatch(part)
            if matched is None:
                valid = False
                break
            parts.append(matched[1])
            parts += [int(i) for i in re.findall(r"\d+", matched[2])]
        if not valid:
            problems.append(Problem(child_path("$", str(key)), "form.unknown_field"))
            continue
        node = tree
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                break
        else:
            if parts[-1] in node:  # the same field twice, by two spellings ("a[01]", "a[1]")
                problems.append(Problem("$." + key, "form.once_only"))
            node[parts[-1]] = value
            continue
        problems.append(Problem("$." + key, "form.unknown_field"))
    return tree


def _convert(
    item: FormItem, posted: object, path: str, problems: list[Problem], today: dt.date
) -> object:
    """One posted string as the document's value for ``item``, or a problem (then None). The
    rules of the record methods that a document does not carry are applied here: a date of
    something that has happened may not lie after ``today``."""
    if type(posted) is not str:
        problems.append(Problem(path, "type.string"))
        return None
    kind = item.answer_type
    if posted == "" and kind is not AnswerType.TEXT:
        return None
    if kind is AnswerType.CHOICE:
        for choice in item.choices:
            if choice.code == posted:
                return choice.value
        problems.append(Problem(path, "choice.not_allowed"))
        return None
    if kind is AnswerType.BOOLEAN:
        if posted in ("true", "false"):
            return posted == "true"
        problems.append(Problem(path, "type.boolean"))
        return None
    if kind is AnswerType.INTEGER:
        if not _INTEGER.fullmatch(posted):
            problems.append(Problem(path, "type.integer"))
            return None
        number, low, high = int(posted), item.minimum, item.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            params = {k: v for k, v in (("min", low), ("max", high)) if v is not None}
            problems.append(Problem(path, "number.out_of_range", params))
            return None
        return number - item.shift
    if kind is AnswerType.DATE and item.past_only and _after(posted, today):
        problems.append(Problem(path, "date.in_future"))
        return None
    if kind is AnswerType.DECIMAL and not _DECIMAL.fullmatch(posted):
        problems.append(Problem(path, "decimal.format"))
        return None
    return posted  # text, a decimal, a date or a moment: the document's own checks follow


def _after(posted: str, today: dt.date) -> bool:
    """True for a calendar date after ``today`` (a malformed date is the document's to report)."""
    try:
        return dt.date.fromisoformat(posted) > today if len(posted) == 10 else False
    except ValueError:
        return False


def _read(
    items: Sequence[FormItem],
    parent: str,
    node: dict[Any, Any],
    at: str,
    problems: list[Problem],
    today: dt.date,
) -> dict[str, Any]:
    """The document body of one record from the posted ``node`` (consumed as it is read)."""
    body: dict[str, Any] = {}
    for item in items:
        name, index = _step(item, parent)
        here = f"{at}.{name}"
        if item.answer_type is AnswerType.GROUP and index not in (None, "*"):
            entries = node.get(name, {})  # Overview 1: the factor's place in book order
            sub = entries.pop(int(index), {}) if isinstance(entries, dict) else {}
            if isinstance(entries, dict) and not entries:
                node.pop(name, None)
            body.setdefault(name, []).append(
                _read(
                    item.items,
                    item.path,
                    _dict(sub, f"{here}[{index}]", problems),
                    f"{here}[{index}]",
                    problems,
                    today,
                )
            )
            continue
        if item.fixed is not None and name not in node:
            body[name] = item.fixed
            continue
        if item.unposted is not None and name not in node:
            body[name] = _convert(item, item.unposted, here, problems, today)
            continue
        if name not in node:
            continue
        posted = node.pop(name)
        if item.answer_type is AnswerType.GROUP and index == "*":
            body[name] = [
                _read(
                    item.items,
                    item.path,
                    _dict(sub, f"{here}[{i}]", problems),
                    f"{here}[{i}]",
                    problems,
                    today,
                )
                for i, sub in _entries(posted, here, problems)
            ]
        elif item.answer_type is AnswerType.GROUP:
            body[name] = _read(
                item.items, item.path, _dict(posted, here, problems), here, problems, today
            )
        elif index == "*":
            values = [posted] if isinstance(posted, str) else posted
            if not isinstance(values, list | tuple):
                problems.append(Problem(here, "type.list"))
                continue
            converted = [
                _convert(item, v, f"{here}[{i}]", problems, today) for i, v in enumerate(values)
            ]
            body[name] = [v for v in converted if v is not None]
        else:
            body[name] = _convert(item, posted, here, problems, today)
    for key in node:
        problems.append(Problem(child_path(at, str(key)), "form.unknown_field"))
    return body


def _dict(value: object, path: str, problems: list[Problem]) -> dict[Any, Any]:
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return value
    problems.append(Problem(path, "form.shape"))
    return {}


def _entries(value: object, path: str, problems: list[Problem]) -> list[tuple[int, object]]:
    """A repeat's posted entries in order; their indices must run 0, 1, 2 ..."""
    if not isinstance(value, dict) or not all(isinstance(k, int) for k in value):
        problems.append(Problem(path, "form.numbering"))
        return []
    if sorted(value) != list(range(len(value))):
        problems.append(Problem(path, "form.numbering"))
    return sorted(value.items())


def _below(path: str, paths: set[str]) -> bool:
    """True when ``path`` is one of ``paths`` or lies inside one of them."""
    return any(path == p or path.startswith((p + ".", p + "[")) for p in paths)


def from_form(form: Form[R], posted: FormValues, *, today: dt.date | None = None) -> R:
    """The record a posted form describes, checked as a document is and by the rules of the
    record methods (a date of something that has happened not after ``today``, which is the
    clock's day unless given; numbers within what the form asks); a
    :class:`~terugkeer.ValidationError` lists every problem, by field path.

    A field left out takes the record's default (or is reported when the record needs it), and
    an Overview 1 factor left out was not discussed; a field the form does not have is
    reported, by name when it is a name, as ``[?]`` otherwise.
    """
    if not isinstance(posted, Mapping):
        raise ValidationError.at("$", "form.shape")
    day = dt.date.today() if today is None else today
    problems: list[Problem] = []
    tree = _tree(posted, problems)
    body = _read(form.items, "$", tree, "$", problems, day)
    total = len(problems)
    try:
        record = structure(body, form.record, today=day)
    except ValidationError as err:
        # A field the form step refused (left out, so the document step may miss it) is
        # reported once, by the form step.
        seen = {p.path for p in problems}
        later = [p for p in err.problems if not _below(p.path, seen)]
        problems += later
        total += err.total - (len(err.problems) - len(later))
    else:
        if not problems:
            return record
    raise ValidationError(problems, total=total)


def browser_values(
    form: Form[Any], posted: FormValues, *, locale: str, zone: dt.tzinfo | None = None
) -> dict[str, str | list[str]]:
    """What a browser posts for a form, as :func:`from_form` reads it: a decimal written with
    the ``locale``'s decimal sign (``4,50`` in Dutch), a checked checkbox (``on``) as ``true``,
    and a ``datetime-local`` value (no zone: ``2026-03-02T14:30``) in ``zone``. Anything else
    is passed on as it is, for :func:`from_form` to check; a field the form does not have too.

    >>> from zoneinfo import ZoneInfo
    >>> from terugkeer.forms import form
    >>> values = browser_values(form("health"), {"medicines[0].transport_cost.cost.amount":
    ...     "4,50"}, locale="nl")
    >>> values["medicines[0].transport_cost.cost.amount"]
    '4.50'
    """
    sign = get_decimal_symbol(resolve_locale(locale))
    out: dict[str, str | list[str]] = {}
    for key, value in posted.items():
        item = form.item_at("$." + key) if type(key) is str else None
        if item is None:
            out[key] = value  # type: ignore[assignment]  # from_form reports it
            continue
        if isinstance(value, str):
            out[key] = _from_browser(item, value, sign, zone)
        elif isinstance(value, Sequence):
            out[key] = [_from_browser(item, v, sign, zone) if type(v) is str else v for v in value]
        else:
            out[key] = value
    return out


_LOCAL_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")


def _from_browser(item: FormItem, value: str, sign: str, zone: dt.tzinfo | None) -> str:
    kind = item.answer_type
    if kind is AnswerType.DECIMAL and sign != "." and "." not in value:
        return value.replace(sign, ".", 1) if value.count(sign) == 1 else value
    if kind is AnswerType.BOOLEAN and value == "on":
        return "true"
    if kind is AnswerType.DATETIME and zone is not None and _LOCAL_MOMENT.fullmatch(value):
        return dt.datetime.fromisoformat(value).replace(tzinfo=zone).isoformat()
    return value
