"""A case's answers as FHIR ``QuestionnaireResponse`` resources, and back through the strict checks.

One response per filled-in form: each assessment (Overview 1), Overview 2 and 3 row, health
checklist and consent, and the case's action plan, signal log and context. Items follow the
questionnaires of :mod:`terugkeer.interop.fhir` (the same link ids; a repeating group is one item
per entry); answers are ``valueCoding`` in the project's code systems, ``valueBoolean``,
``valueInteger``, ``valueDecimal`` (a :class:`decimal.Decimal`, so amounts keep their digits),
``valueDate``, ``valueDateTime`` or ``valueString``. Empty answers are left out, as FHIR asks
(it has no empty string): so a blank line in a list of texts (``ways_to_feel_safer``) is not
carried, and an entry whose every answer is empty comes back as an entry with defaults. The
structure is the same in R5 and R4B.

Reading a response back turns its answers into the form fields :func:`~terugkeer.documents.
formdata.from_form` reads, so an imported response meets every rule a posted form and a document
meet. Problems with the response's shape name their place in the response (``$.item[2]``);
problems with the answers name the document field (``$.ratings[4].score``). Client details
(name, date of birth ...) never travel in a response: the case system keeps them, and a case is
rebuilt from responses onto its own header (:func:`case_from_responses`).
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from terugkeer.case import CaseFile
from terugkeer.documents.serialization import to_document
from terugkeer.errors import Problem, ValidationError
from terugkeer.forms import CASE_PARTS, AnswerType, Form, FormItem, forms

from .fhir import BASE, system_of
from .formdata import _blank_text, _step, from_form

__all__ = [
    "case_from_responses",
    "case_responses",
    "from_questionnaire_response",
    "questionnaire_response",
]


def _form(form_id: str) -> Form:
    (form,) = forms(form_id)
    return form


#: The white space FHIR's string type cannot hold (its pattern allows only space, tab, CR and
#: LF among the Unicode White_Space characters).
_NOT_FHIR_TEXT = re.compile("[\x0b\x0c\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


class _Unwritable(Exception):
    def __init__(self, path: str) -> None:
        self.path = path


def _answer(item: FormItem, value: object) -> dict[str, Any]:
    kind = item.answer_type
    if kind is AnswerType.CHOICE:
        assert item.choice_set is not None
        coding: dict[str, Any] = {
            "system": system_of(item.choice_set),
            "code": item.code_for(value),
        }
        return {"valueCoding": coding}
    if kind is AnswerType.BOOLEAN:
        return {"valueBoolean": value}
    if kind is AnswerType.INTEGER:
        return {"valueInteger": value}
    if kind is AnswerType.DECIMAL:
        return {"valueDecimal": decimal.Decimal(str(value))}
    if kind is AnswerType.DATE:
        return {"valueDate": value}
    if kind is AnswerType.DATETIME:
        return {"valueDateTime": value}
    if isinstance(value, str) and _NOT_FHIR_TEXT.search(value):
        raise _Unwritable(item.path)
    return {"valueString": value}


def _items(items: Sequence[FormItem], parent: str, node: Mapping[str, Any]) -> list[dict[str, Any]]:
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
                children = _items(item.items, item.path, entry)
                if children:
                    written["item"] = children
                if children or index == "*":  # an empty entry of a list still counts
                    out.append(written)
            continue
        values = value if index == "*" else [value]
        answers = [_answer(item, v) for v in values if v is not None and v != ""]
        if answers:
            out.append({"linkId": item.link_id, "answer": answers})
    return out


def questionnaire_response(form: Form, record: object) -> dict[str, Any]:
    """The ``QuestionnaireResponse`` of ``record`` (of the form's record type), completed.

    A text holding white space that FHIR strings cannot hold (a non-breaking space, a form feed,
    a line or paragraph separator ...) is a :class:`~terugkeer.ValidationError` naming the form
    item's path: the text is not changed behind the counsellor's back.
    """
    if type(record) is not form.record:
        raise TypeError(f"form {form.id} answers a {form.record.__name__}")
    try:
        items = _items(form.items, "$", to_document(record))
    except _Unwritable as unwritable:
        path = unwritable.path
    else:
        return {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": f"{BASE}/Questionnaire/{form.id}",
            "status": "completed",
            "item": items,
        }
    raise ValidationError.at(path, "fhir.text")


def _text(item: FormItem, answer: object, at: str, problems: list[Problem]) -> str | None:
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
        if not isinstance(value, Mapping) or value.get("system") != system_of(item.choice_set):
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
                found = _text(item, answer, f"{place}.answer[{j}]", problems)
                if found is not None:
                    texts.append(found)
        if index == "*":
            if texts:
                out[key] = texts
        elif len(texts) > 1:
            problems.append(Problem(entries[0][0], "form.once_only"))
        elif texts:
            out[key] = texts[0]


def from_questionnaire_response(form: Form, response: object) -> Any:
    """The record a ``QuestionnaireResponse`` to ``form`` holds, checked as a document is; a
    :class:`~terugkeer.ValidationError` lists what is wrong, without the answers' values."""
    if not isinstance(response, Mapping):
        raise ValidationError.at("$", "type.object")
    problems: list[Problem] = []
    if response.get("resourceType") != "QuestionnaireResponse":
        problems.append(Problem("$.resourceType", "form.wrong_form"))
    if response.get("questionnaire") != f"{BASE}/Questionnaire/{form.id}":
        problems.append(Problem("$.questionnaire", "form.wrong_form", {"form": form.id}))
    posted: dict[str, str | list[str]] = {}
    _posted(form.items, "$", response.get("item", []), "$.item", "", posted, problems)
    if problems:
        raise ValidationError(problems)
    return from_form(form, posted)


def case_responses(case: CaseFile) -> list[dict[str, Any]]:
    """One response per filled-in form of the case, in the order of the case's parts (and of the
    entries within each). Client details and the case id are not in them."""
    responses = []
    for part in CASE_PARTS:
        value = getattr(case, part.field)
        for record in value if part.many else (value,):
            responses.append(questionnaire_response(_form(part.form_id), record))
    return responses


def case_from_responses(responses: Iterable[Mapping[str, Any]], header: CaseFile) -> CaseFile:
    """``header`` (a case's id, client details, family and revision) with its forms' parts read
    from ``responses``: the lists in the order given, a single part (plan, signal log, context)
    from at most one response each. Every problem of every response comes in one error, each
    path placed under the response's position (``$[3].ratings[4].score``)."""
    urls = {f"{BASE}/Questionnaire/{p.form_id}": (p.form_id, p.field, p.many) for p in CASE_PARTS}
    lists: dict[str, list[Any]] = {p.field: [] for p in CASE_PARTS if p.many}
    single: dict[str, Any] = {}
    problems: list[Problem] = []
    for i, response in enumerate(responses):
        url = response.get("questionnaire") if isinstance(response, Mapping) else None
        if url not in urls:
            problems.append(Problem(f"$[{i}].questionnaire", "form.unknown_field"))
            continue
        form_id, field, many = urls[str(url)]
        try:
            record = from_questionnaire_response(_form(form_id), response)
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
