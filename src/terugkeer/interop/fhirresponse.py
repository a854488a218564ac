"""A case's answers as FHIR ``QuestionnaireResponse`` resources, and back through the strict checks.

One response per filled-in form: each assessment (Overview 1), Overview 2 and 3 row, health
checklist and consent, and the case's action plan, signal log and context. Items follow the
questionnaires of :mod:`terugkeer.interop.fhir` (the same link ids; a repeating group is one item
per entry); answers are ``valueCoding`` in the project's code systems, ``valueBoolean``,
``valueInteger``, ``valueDecimal`` (a JSON number: the responses are plain JSON values that
``json.dumps`` writes as they are), ``valueDate``, ``valueDateTime`` or ``valueString``. Empty
answers are left out, as FHIR asks (it has no empty string): so a blank line in a list of texts
(``ways_to_feel_safer``) is not carried, and an entry whose every answer is empty comes back as an
entry with defaults. The structure is the same in R5 and R4B.

Reading a response back turns its answers into the form fields :func:`~terugkeer.documents.
formdata.from_form` reads, so an imported response meets every rule a posted form and a document
meet. Problems with the response's shape name their place in the response (``$.item[2]``);
problems with the answers name the document field (``$.ratings[4].score``). Client details
(name, date of birth ...) never travel in a response: the case system keeps them, and a case is
rebuilt from responses onto its own header (:func:`case_from_responses`).

A response names its questionnaire by canonical URL, with or without ``|version`` (LHC-Forms and
other tools write the version): any version up to the library's own is read by the current form;
a newer one, or one that is no version, is refused as ``form.wrong_version``. The URLs start at
``base``, as in :mod:`terugkeer.interop.fhir`.
"""

from __future__ import annotations

import datetime as dt
import decimal
import importlib.metadata
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs
from packaging.version import InvalidVersion, Version

from terugkeer.case import CaseFile
from terugkeer.documents.serialization import to_document
from terugkeer.errors import Problem, ValidationError
from terugkeer.forms import CASE_PARTS, AnswerType, Form, FormItem
from terugkeer.forms import form as _form

from .fhir import BASE, canonical, system_of
from .formdata import _blank_text, _step, from_form

__all__ = [
    "case_from_responses",
    "case_responses",
    "from_questionnaire_response",
    "questionnaire_response",
]


R = TypeVar("R")

#: The control characters a FHIR string may not hold (below U+0020, but tab, CR and LF). Other
#: white space (a non-breaking space, a line separator) is text: R5's pattern allows any
#: character, and R4's ``[ \r\n\t\S]+`` is XML Schema's, whose ``\S`` is all but those four.
_NOT_FHIR_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


class _Unwritable(Exception):
    def __init__(self, path: str, code: str) -> None:
        self.path = path
        self.code = code


def _number(item: FormItem, value: object) -> int | float:
    """An amount as the JSON number that reads back as the same decimal, or unwritable."""
    exact = decimal.Decimal(str(value))
    if exact == exact.to_integral_value() and abs(exact) < 2**53:
        return int(exact)
    written = float(exact)
    if decimal.Decimal(repr(written)) != exact:
        raise _Unwritable(item.path, "fhir.decimal")
    return written


def _answer(item: FormItem, value: object, base: str) -> dict[str, Any]:
    kind = item.answer_type
    if kind is AnswerType.CHOICE:
        assert item.choice_set is not None
        coding: dict[str, Any] = {
            "system": system_of(item.choice_set, base),
            "code": item.code_for(value),
        }
        return {"valueCoding": coding}
    if kind is AnswerType.BOOLEAN:
        return {"valueBoolean": value}
    if kind is AnswerType.INTEGER:  # a number as the form shows it (an appointment from 1)
        assert type(value) is int
        return {"valueInteger": value + item.shift}
    if kind is AnswerType.DECIMAL:
        return {"valueDecimal": _number(item, value)}
    if kind is AnswerType.DATE:
        return {"valueDate": value}
    if kind is AnswerType.DATETIME:
        return {"valueDateTime": value}
    if isinstance(value, str) and _NOT_FHIR_TEXT.search(value):
        raise _Unwritable(item.path, "fhir.text")
    return {"valueString": value}


def _items(
    items: Sequence[FormItem], parent: str, node: Mapping[str, Any], base: str
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in items:
        name, index = _step(item, parent)
        if name not in node:
            continue
        value = node[name]
        if index is not None and index != "*":
            value = value[int(index)]
        if item.answer_type is AnswerType.GROUP:
            entries = value if index == "*" else ([] if value is None else [value])
            for entry in entries:
                written: dict[str, Any] = {"linkId": item.link_id}
                children = _items(item.items, item.path, entry, base)
                if children:
                    written["item"] = children
                if children or index == "*":  # an empty entry of a list still counts
                    out.append(written)
            continue
        values = value if index == "*" else [value]
        answers = [_answer(item, v, base) for v in values if v is not None and v != ""]
        if answers:
            out.append({"linkId": item.link_id, "answer": answers})
    return out


def questionnaire_response(form: Form[R], record: R, *, base: str = BASE) -> dict[str, Any]:
    """The ``QuestionnaireResponse`` of ``record`` (of the form's record type), completed, as
    plain JSON values (``json.dumps`` writes it as it is).

    A text holding a control character FHIR strings cannot hold (a form feed, a vertical tab
    ...), or an amount with more digits than a JSON number keeps, is a
    :class:`~terugkeer.ValidationError` naming the form item's path: nothing is changed behind
    the counsellor's back.
    """
    if type(record) is not form.record:
        raise TypeError(f"form {form.id} answers a {form.record.__name__}")
    try:
        items = _items(form.items, "$", to_document(record), base)
    except _Unwritable as unwritable:
        problem = Problem(unwritable.path, unwritable.code)
    else:
        return {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": f"{canonical(form, base)}|{_version()}",
            "status": "completed",
            "item": items,
        }
    raise ValidationError([problem])


def _version() -> str:
    return importlib.metadata.version("terugkeer")


def _questionnaire_problems(form: Form[Any], url: object, base: str) -> list[Problem]:
    """Whether ``url`` names the form (``canonical`` or ``canonical|version``, of a version this
    library can read)."""
    plain, bar, version = url.partition("|") if isinstance(url, str) else ("", "", "")
    if plain != canonical(form, base):
        return [Problem("$.questionnaire", "form.wrong_form", {"form": form.id})]
    if bar and not _readable(version):
        return [Problem("$.questionnaire", "form.wrong_version", {"form": form.id})]
    return []


def _readable(version: str) -> bool:
    """A released version of the library up to the running one."""
    try:
        return Version(version) <= Version(_version())
    except InvalidVersion:
        return False


def _text(
    item: FormItem, answer: object, at: str, problems: list[Problem], base: str
) -> str | None:
    """One answer as the form field's text, or a problem."""
    if not isinstance(answer, Mapping):
        problems.append(Problem(at, "fhir.answer"))
        return None
    kind = item.answer_type
    expected = {
        AnswerType.CHOICE: "valueCoding",
        AnswerType.BOOLEAN: "valueBoolean",
        AnswerType.INTEGER: "valueInteger",
        AnswerType.DECIMAL: "valueDecimal",
        AnswerType.DATE: "valueDate",
        AnswerType.DATETIME: "valueDateTime",
        AnswerType.TEXT: "valueString",
    }[kind]
    if set(answer) != {expected}:
        problems.append(Problem(at, "fhir.answer", {"expected": expected}))
        return None
    value = answer[expected]
    if kind is AnswerType.CHOICE:
        assert item.choice_set is not None
        if not isinstance(value, Mapping) or value.get("system") != system_of(
            item.choice_set, base
        ):
            problems.append(Problem(f"{at}.valueCoding", "fhir.answer"))
            return None
        code = value.get("code")
        if type(code) is not str:
            problems.append(Problem(f"{at}.valueCoding.code", "fhir.answer"))
            return None
        return code
    if kind is AnswerType.BOOLEAN and type(value) is bool:
        return "true" if value else "false"
    if kind is AnswerType.INTEGER and type(value) is int:
        return str(value)
    if kind is AnswerType.DECIMAL and type(value) in (decimal.Decimal, int, float):
        return format(decimal.Decimal(str(value)), "f")
    if kind in (AnswerType.DATE, AnswerType.DATETIME, AnswerType.TEXT) and type(value) is str:
        return value
    problems.append(Problem(f"{at}.{expected}", "fhir.answer"))
    return None


def _posted(
    items: Sequence[FormItem],
    parent: str,
    given: object,
    at: str,
    prefix: str,
    out: dict[str, str | list[str]],
    problems: list[Problem],
    base: str,
) -> None:
    """The form fields of the response items ``given`` (at ``at``), read by the form ``items``."""
    if not isinstance(given, list):
        problems.append(Problem(at, "type.list"))
        return
    by_link: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    known = {item.link_id for item in items}
    for i, entry in enumerate(given):
        link = entry.get("linkId") if isinstance(entry, Mapping) else None
        if type(link) is not str or link not in known:  # an object or a list is no link id
            problems.append(Problem(f"{at}[{i}]", "form.unknown_field"))
            continue
        by_link.setdefault(str(link), []).append((f"{at}[{i}]", entry))
    for item in items:
        name, index = _step(item, parent)
        key = f"{prefix}{name}" if index in (None, "*") else f"{prefix}{name}[{index}]"
        entries = by_link.get(item.link_id, [])
        if item.answer_type is AnswerType.GROUP:
            if index != "*" and len(entries) > 1:
                problems.append(Problem(entries[1][0], "form.once_only"))
            for n, (place, entry) in enumerate(entries if index == "*" else entries[:1]):
                if "answer" in entry:
                    problems.append(Problem(f"{place}.answer", "form.shape"))
                sub = f"{key}[{n}]." if index == "*" else f"{key}."
                before = len(out)
                _posted(
                    item.items,
                    item.path,
                    entry.get("item", []),
                    f"{place}.item",
                    sub,
                    out,
                    problems,
                    base,
                )
                blank = _blank_text(item)
                if index == "*" and len(out) == before and blank is not None:
                    # An entry with every answer empty is still an entry: its first text field
                    # says so (empty, as the record's default has it).
                    out[sub + _step(blank, item.path)[0]] = ""
            continue
        texts: list[str] = []
        for place, entry in entries:
            answers = entry.get("answer", [])
            if not isinstance(answers, list) or "item" in entry:
                problems.append(Problem(place, "form.shape"))
                continue
            for j, answer in enumerate(answers):
                found = _text(item, answer, f"{place}.answer[{j}]", problems, base)
                if found is not None:
                    texts.append(found)
        if index == "*":
            if texts:
                out[key] = texts
        elif len(texts) > 1:
            problems.append(Problem(entries[0][0], "form.once_only"))
        elif texts:
            out[key] = texts[0]


def from_questionnaire_response(
    form: Form[R], response: object, *, base: str = BASE, today: dt.date | None = None
) -> R:
    """The record a ``QuestionnaireResponse`` to ``form`` holds, checked as a posted form is
    (:func:`~terugkeer.interop.formdata.from_form`, with its ``today``); a
    :class:`~terugkeer.ValidationError` lists what is wrong, without the answers' values."""
    if not isinstance(response, Mapping):
        raise ValidationError.at("$", "type.object")
    problems: list[Problem] = []
    if response.get("resourceType") != "QuestionnaireResponse":
        problems.append(Problem("$.resourceType", "form.wrong_form"))
    problems += _questionnaire_problems(form, response.get("questionnaire"), base)
    posted: dict[str, str | list[str]] = {}
    _posted(form.items, "$", response.get("item", []), "$.item", "", posted, problems, base)
    if problems:
        raise ValidationError(problems)
    return from_form(form, posted, today=today)


def case_responses(case: CaseFile, *, base: str = BASE) -> list[dict[str, Any]]:
    """One response per filled-in form of the case, in the order of the case's parts (and of the
    entries within each), as plain JSON values. Client details and the case id are not in them.

    What FHIR cannot carry is reported for the whole case at once, by the place of its response
    (``$[3].medicines[0].where.text``): nothing is left out without a word."""
    responses = []
    problems: list[Problem] = []
    records = [
        (part.form_id, record)
        for part in CASE_PARTS
        for record in (getattr(case, part.field) if part.many else (getattr(case, part.field),))
    ]
    for n, (form_id, record) in enumerate(records):
        try:
            responses.append(questionnaire_response(_form(form_id), record, base=base))
        except ValidationError as err:
            problems += [p.under(f"$[{n}]") for p in err.problems]
    if problems:
        raise ValidationError(problems)
    return responses


def case_from_responses(
    responses: Iterable[Mapping[str, Any]],
    header: CaseFile,
    *,
    base: str = BASE,
    today: dt.date | None = None,
) -> CaseFile:
    """``header`` (a case's id, client details, family and revision) with its forms' parts read
    from ``responses``: the lists in the order given, a single part (plan, signal log, context)
    from at most one response each. Every problem of every response comes in one error, each
    path placed under the response's position (``$[3].ratings[4].score``)."""
    urls = {canonical(_form(p.form_id), base): (p.form_id, p.field, p.many) for p in CASE_PARTS}
    lists: dict[str, list[Any]] = {p.field: [] for p in CASE_PARTS if p.many}
    single: dict[str, Any] = {}
    problems: list[Problem] = []
    for i, response in enumerate(responses):
        url = response.get("questionnaire") if isinstance(response, Mapping) else None
        plain = url.partition("|")[0] if isinstance(url, str) else None
        if plain not in urls:
            problems.append(Problem(f"$[{i}].questionnaire", "form.unknown_field"))
            continue
        form_id, field, many = urls[str(plain)]
        try:
            record = from_questionnaire_response(_form(form_id), response, base=base, today=today)
        except ValidationError as err:
            problems += [p.under(f"$[{i}]") for p in err.problems]
            continue
        if many:
            lists[field].append(record)
        elif field in single:
            problems.append(Problem(f"$[{i}]", "form.once_only", {"form": form_id}))
        else:
            single[field] = record
    if problems:
        raise ValidationError(problems)
    parts = {field: tuple(records) for field, records in lists.items()} | single
    try:
        return attrs.evolve(header, **parts)
    except ValidationError as err:  # the case's own rules: rows agree with assessments ...
        raise ValidationError(err.problems, total=err.total) from None
