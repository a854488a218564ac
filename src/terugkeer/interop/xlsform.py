"""The forms as XLSForm workbooks (ODK, KoboToolbox, Enketo): ``survey``, ``choices``, ``settings``.

:func:`xlsform_sheets` gives the three sheets as rows of text (no package needed);
:func:`write_xlsform` writes them as ``.xlsx`` with openpyxl (``pip install terugkeer[xlsform]``).
Each item of :mod:`terugkeer.forms` becomes a row: a group as ``begin_group``/``end_group``, a
repeating group or list as ``begin_repeat``/``end_repeat``, a choice as ``select_one`` (several:
``select_multiple``) over a list in ``choices``, true/false as ``select_one`` over ``boolean``, a
fixed answer (a rating's factor) as a ``calculate``; ``required`` where the item must be answered,
``relevant`` for enable-when, bounds as a ``constraint``. Labels are in Dutch and English
(``label::Nederlands (nl)``, ``label::English (en)``), with the factors' help texts as hints.

>>> from terugkeer.forms import forms
>>> sheets = xlsform_sheets(forms("overview1")[0])
>>> sheets["survey"][0][:4]
['type', 'name', 'label::Nederlands (nl)', 'label::English (en)']
>>> [row[:2] for row in sheets["survey"][1:3]]
[['date', 'overview1_assessed_on'], ['begin_group', 'F01']]
"""

from __future__ import annotations

import importlib.metadata
import re
import typing
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.parsers import expat

from terugkeer.documents.serialization import MAX_DOCUMENT_BYTES
from terugkeer.errors import Problem, ValidationError
from terugkeer.forms import AnswerType, Choice, Form, FormItem, Requirement
from terugkeer.i18n import text

from .formdata import _blank_text, _step, form_values, from_form

__all__ = [
    "LANGUAGES",
    "field_name",
    "from_submission",
    "submission",
    "write_xlsform",
    "xlsform_sheets",
]

#: The XLSForm languages, as column suffixes: ``label::Nederlands (nl)``.
LANGUAGES = (("nl", "Nederlands (nl)"), ("en", "English (en)"))

_SURVEY = [
    "type",
    "name",
    *(f"label::{name}" for _, name in LANGUAGES),
    *(f"hint::{name}" for _, name in LANGUAGES),
    "required",
    "relevant",
    "constraint",
    "calculation",
]
_CHOICES = ["list_name", "name", *(f"label::{name}" for _, name in LANGUAGES)]
_SIMPLE = {
    AnswerType.TEXT: "text",
    AnswerType.DATE: "date",
    AnswerType.DATETIME: "dateTime",
    AnswerType.INTEGER: "integer",
    AnswerType.DECIMAL: "decimal",
}
_BOOLEAN = (Choice("true", "true", None), Choice("false", "false", None))


def field_name(link_id: str) -> str:
    """The XLSForm name of an item: its link id with dots as underscores (``AP01_education_
    origin``), which is a valid XML name because every link id starts with a letter."""
    return link_id.replace(".", "_")


class _Sheets:
    def __init__(self, form: Form) -> None:
        self.form = form
        self.survey: list[list[str]] = [list(_SURVEY)]
        self.choices: list[list[str]] = [list(_CHOICES)]
        self.lists: dict[tuple[str, ...], str] = {}

    def row(self, kind: str, name: str, item: FormItem | None, **extra: str) -> None:
        cells = dict.fromkeys(_SURVEY, "")
        cells |= {"type": kind, "name": name}
        if item is not None:
            for language, column in LANGUAGES:
                cells[f"label::{column}"] = text(item.message_id, language)
                if item.help_message_id:
                    cells[f"hint::{column}"] = text(item.help_message_id, language)
        cells |= extra
        self.survey.append([cells[c] for c in _SURVEY])

    def choice_list(self, item: FormItem, choices: tuple[Choice, ...]) -> str:
        """The list name of these choices, written to ``choices`` the first time it is used."""
        key = (item.choice_set or "boolean", *(c.code for c in choices))
        if key in self.lists:
            return self.lists[key]
        base = item.choice_set or "boolean"
        name = base if base not in self.lists.values() else f"{base}_{len(self.lists)}"
        self.lists[key] = name
        for choice in choices:
            labels = [
                choice.code if choice.message_id is None else text(choice.message_id, language)
                for language, _ in LANGUAGES
            ]
            self.choices.append([name, choice.code, *labels])
        return name

    def item(self, item: FormItem) -> None:
        name = field_name(item.link_id)
        extra: dict[str, str] = {}
        if item.enable_when:
            extra["relevant"] = " and ".join(
                f"${{{field_name(w.link_id)}}} = '{w.code}'" for w in item.enable_when
            )
        if item.answer_type is AnswerType.GROUP:
            kind = "repeat" if item.repeats else "group"
            self.row(f"begin_{kind}", name, item, **extra)
            for sub in item.items:
                self.item(sub)
            self.row(f"end_{kind}", "", None)
            return
        if item.fixed is not None:
            self.row("calculate", name, None, calculation=f"'{item.fixed}'")
            return
        if item.requirement in (Requirement.REQUIRED, Requirement.MINIMUM):
            extra["required"] = "yes"
        bounds = [
            f". {op} {value}"
            for op, value in ((">=", item.minimum), ("<=", item.maximum))
            if value is not None
        ]
        if bounds:
            extra["constraint"] = " and ".join(bounds)
        if item.answer_type in (AnswerType.CHOICE, AnswerType.BOOLEAN):
            choices = item.choices if item.answer_type is AnswerType.CHOICE else _BOOLEAN
            select = "select_multiple" if item.repeats else "select_one"
            self.row(f"{select} {self.choice_list(item, choices)}", name, item, **extra)
            return
        if item.repeats:  # a list of texts or dates: one answer per repeat
            self.row("begin_repeat", f"{name}_list", item)
            self.row(_SIMPLE[item.answer_type], name, item, **extra)
            self.row("end_repeat", "", None)
            return
        self.row(_SIMPLE[item.answer_type], name, item, **extra)


def xlsform_sheets(form: Form) -> dict[str, list[list[str]]]:
    """The ``survey``, ``choices`` and ``settings`` sheets of one form, header row first."""
    sheets = _Sheets(form)
    for item in form.items:
        sheets.item(item)
    version = importlib.metadata.version("terugkeer")
    settings = [
        ["form_title", "form_id", "version", "default_language"],
        [
            text(form.message_id, "nl"),
            f"terugkeer_{field_name(form.id)}",
            version,
            LANGUAGES[0][1],
        ],
    ]
    return {"survey": sheets.survey, "choices": sheets.choices, "settings": settings}


def write_xlsform(form: Form, path: Path) -> None:
    """Write the form as an XLSForm workbook at ``path`` (needs ``terugkeer[xlsform]``)."""
    try:
        from openpyxl import Workbook
    except ImportError as missing:  # pragma: no cover - the tests have it
        raise ImportError(
            "writing XLSForm needs openpyxl: pip install 'terugkeer[xlsform]'"
        ) from missing
    book = Workbook(write_only=True)  # starts without a sheet; rows are streamed out
    for title, rows in xlsform_sheets(form).items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


# --- Submissions: what ODK Collect, Enketo or KoboToolbox send back for a form -------------------


#: Characters XML 1.0 cannot hold (besides lone surrogates, which no text read as UTF-8 has).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _form_id(form: Form) -> str:
    return f"terugkeer_{field_name(form.id)}"


def submission(form: Form, record: object) -> str:
    """``record`` as the XML instance an ODK or Kobo server stores for the form's workbook
    (what :func:`from_submission` reads), e.g. to pre-fill a form on a device. A text holding a
    control character XML cannot hold is a :class:`~terugkeer.ValidationError` naming its field
    (the text is not changed)."""
    values = form_values(form, record)
    for key, value in values.items():
        for entry in [value] if isinstance(value, str) else value:
            if _NOT_XML.search(entry):
                raise ValidationError.at("$." + key, "xml.text")
    root = ET.Element("data", {"id": _form_id(form)})
    _fill(root, form.items, "$", "", values)
    # A carriage return is written as a reference: a parser would turn a raw one into a newline.
    return ET.tostring(root, encoding="unicode").replace("\r", "&#13;")


def _fill(
    parent_element: ET.Element,
    items: Sequence[FormItem],
    parent: str,
    prefix: str,
    values: dict[str, str | list[str]],
) -> None:
    for item in items:
        name, index = _step(item, parent)
        key = f"{prefix}{name}" if index in (None, "*") else f"{prefix}{name}[{index}]"
        tag = field_name(item.link_id)
        if item.answer_type is AnswerType.GROUP:
            if index == "*":
                count = len(
                    {k[len(key) :].split("]")[0] for k in values if k.startswith(key + "[")}
                )
                for i in range(count):
                    _fill(
                        ET.SubElement(parent_element, tag),
                        item.items,
                        item.path,
                        f"{key}[{i}].",
                        values,
                    )
            elif any(k.startswith(key + ".") for k in values):
                _fill(ET.SubElement(parent_element, tag), item.items, item.path, f"{key}.", values)
            continue
        if key not in values:
            continue
        value = values[key]
        if item.answer_type is AnswerType.CHOICE and index == "*":
            ET.SubElement(parent_element, tag).text = " ".join(value)
        elif index == "*":
            for entry in value:
                ET.SubElement(ET.SubElement(parent_element, f"{tag}_list"), tag).text = entry
        else:
            assert isinstance(value, str)
            ET.SubElement(parent_element, tag).text = value


def _read_element(
    element: ET.Element,
    items: Sequence[FormItem],
    parent: str,
    prefix: str,
    at: str,
    out: dict[str, str | list[str]],
    problems: list[Problem],
) -> None:
    by_tag: dict[str, list[ET.Element]] = {}
    for child in element:
        by_tag.setdefault(child.tag, []).append(child)
    known = {"meta"}
    for item in items:
        name, index = _step(item, parent)
        key = f"{prefix}{name}" if index in (None, "*") else f"{prefix}{name}[{index}]"
        tag = field_name(item.link_id)
        if item.answer_type is AnswerType.GROUP:
            known.add(tag)
            found = by_tag.get(tag, [])
            if index != "*" and len(found) > 1:
                problems.append(Problem(f"{at}/{tag}", "form.once_only"))
            for i, sub in enumerate(found if index == "*" else found[:1]):
                sub_prefix = f"{key}[{i}]." if index == "*" else f"{key}."
                before = len(out)
                _read_element(sub, item.items, item.path, sub_prefix, f"{at}/{tag}", out, problems)
                blank = _blank_text(item)
                if index == "*" and len(out) == before and blank is not None:
                    out[sub_prefix + _step(blank, item.path)[0]] = ""  # an empty entry counts
            continue
        if item.repeats and item.answer_type is not AnswerType.CHOICE:
            known.add(f"{tag}_list")
            entries = by_tag.get(f"{tag}_list", [])
            out[key] = [
                (entry.find(tag).text or "") if entry.find(tag) is not None else ""  # type: ignore[union-attr]
                for entry in entries
            ]
            continue
        known.add(tag)
        found = by_tag.get(tag, [])
        if len(found) > 1:
            problems.append(Problem(f"{at}/{tag}", "form.once_only"))
        if not found:
            continue
        if len(found[0]):
            problems.append(Problem(f"{at}/{tag}", "form.shape"))
            continue
        raw = found[0].text or ""
        if item.answer_type is AnswerType.CHOICE and item.repeats:
            out[key] = raw.split()
        else:
            out[key] = raw
    for tag in by_tag:
        if tag not in known:
            shown = tag if tag.isidentifier() else "?"
            problems.append(Problem(f"{at}/{shown}", "form.unknown_field"))


class _Declared(Exception):
    """Raised by the parser's handlers at a document type or entity declaration."""


def _refuse(*_: object) -> typing.NoReturn:
    raise _Declared


def _parse_xml(data: bytes) -> ET.Element | None:
    """The root element of ``data``, or None when it is not well-formed XML or declares a
    document type or an entity. The refusal is the parser's own (expat's declaration handlers,
    as defusedxml sets them), so it holds in every encoding the parser reads (UTF-8, UTF-16
    either way round) and comes before anything is declared, let alone expanded."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.buffer_text = True
    parser.StartElementHandler = lambda tag, attributes: builder.start(
        _name(tag), {_name(k): v for k, v in attributes.items()}
    )
    parser.EndElementHandler = lambda tag: builder.end(_name(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
        return builder.close()
    except (expat.ExpatError, _Declared, ValueError):  # ValueError: an encoding it cannot read
        return None


def _name(name: str) -> str:
    """A name as ElementTree writes it: ``{namespace}tag`` for a tag in a namespace."""
    return "{" + name if "}" in name else name


def from_submission(form: Form, xml: str | bytes) -> Any:
    """The record an ODK or Kobo submission (the XML instance of the form's workbook) holds,
    checked as a posted form is. Document type declarations are refused (no entities, no
    external anything), and no value of the submission appears in an error."""
    if not isinstance(xml, str | bytes):
        raise ValidationError.at("$", "xml.invalid")
    data = xml.encode("utf-8", "surrogatepass") if isinstance(xml, str) else xml
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError.at("$", "json.too_large", {"max": MAX_DOCUMENT_BYTES})
    root = _parse_xml(data)
    if root is None:  # raised here, not in a handler: the error keeps no parser error in it
        raise ValidationError.at("$", "xml.invalid")
    problems: list[Problem] = []
    if root.get("id") != _form_id(form):
        problems.append(Problem("/data/@id", "form.wrong_form", {"form": _form_id(form)}))
    posted: dict[str, str | list[str]] = {}
    _read_element(root, form.items, "$", "", "/data", posted, problems)
    if problems:
        raise ValidationError(problems)
    return from_form(form, posted)
