"""The forms as XLSForm workbooks (ODK, KoboToolbox, Enketo): ``survey``, ``choices``, ``settings``.

:func:`xlsform_sheets` gives the three sheets as rows of text (no package needed);
:func:`write_xlsform` writes them as ``.xlsx`` with openpyxl (``pip install terugkeer[xlsform]``).
Each item of :mod:`terugkeer.forms` becomes a row: a group as ``begin_group``/``end_group``, a
repeating group or list as ``begin_repeat``/``end_repeat``, a choice as ``select_one`` (several:
``select_multiple``) over a list in ``choices``, true/false as ``select_one`` over ``boolean``, a
fixed answer (a rating's factor) as a ``calculate``; ``relevant`` for enable-when. Labels are in
Dutch and English (``label::Nederlands (nl)``, ``label::English (en)``), with help texts as hints,
the method's guidance as ``guidance_hint`` and Overview 1's group headings as notes. The form the
client fills in, the action plan, has a column for every client language too (``label::العربية
(ar)``; :func:`form_languages`), so ODK and Kobo offer the language switch; the guidance there is
the counsellor's and stays in Dutch, marked ``[nl]``.

Optional means optional: an answer is ``required`` only where the record needs it, and inside a
group that may be left out whole (a source, a cost) only once something else in that group is
answered. Bounds are a ``constraint``, and so is that a number names an entry that exists (an
activity update's appointment and activity), each with its message in both languages. Currencies
are a searchable list (``autocomplete``) of the codes in use; a stored withdrawn one still reads.

An engine writes an empty element for every question nobody answered, and starts a list with one
blank entry: :func:`from_submission` reads an empty answer as not given, a group with no answer
in it as left out, and a list entry with no answer in it as no entry. So a wholly blank entry (or
a blank line in a list of texts) does not travel: :func:`submission` does not write one either.

>>> from terugkeer.forms import forms
>>> sheets = xlsform_sheets(forms("overview1")[0])
>>> sheets["survey"][0][:4]
['type', 'name', 'label::Nederlands (nl)', 'label::English (en)']
>>> [row[:2] for row in sheets["survey"][1:3]]
[['date', 'overview1_assessed_on'], ['note', 'heading_F01']]
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import re
import typing
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar
from xml.parsers import expat

from terugkeer.documents.serialization import MAX_DOCUMENT_BYTES
from terugkeer.errors import Problem, ValidationError
from terugkeer.forms import CLIENT_FORMS, AnswerType, Choice, Form, FormItem, Requirement
from terugkeer.i18n import CLIENT_LOCALES, Texts, problem_message

from .formdata import _step, form_values, from_form

__all__ = [
    "HEADING_PREFIX",
    "LANGUAGES",
    "field_name",
    "form_languages",
    "from_submission",
    "submission",
    "write_xlsform",
    "xlsform_sheets",
]

R = TypeVar("R")

#: The XLSForm languages of every form, as column suffixes: ``label::Nederlands (nl)``.
LANGUAGES = (("nl", "Nederlands (nl)"), ("en", "English (en)"))


def form_languages(form: Form[Any]) -> tuple[tuple[str, str], ...]:
    """The languages of a form's columns, as (code, column suffix): Dutch and English, and for a
    form the client fills in each client language, named in itself (Babel).

    >>> from terugkeer.forms import forms
    >>> [code for code, _ in form_languages(forms("actionplan")[0])]
    ['nl', 'en', 'ar', 'fa', 'fr', 'ru', 'ti', 'tr']
    >>> form_languages(forms("actionplan")[0])[2][1]
    'العربية (ar)'
    """
    if form.instrument not in CLIENT_FORMS:
        return LANGUAGES
    from babel import Locale

    client = []
    for code in CLIENT_LOCALES:
        name = str(Locale.parse(code).get_display_name(code))
        client.append((code, f"{name[:1].upper()}{name[1:]} ({code})"))
    return (*LANGUAGES, *client)


def _survey_columns(languages: Sequence[tuple[str, str]]) -> list[str]:
    return [
        "type",
        "name",
        *(f"label::{name}" for _, name in languages),
        *(f"hint::{name}" for _, name in languages),
        *(f"guidance_hint::{name}" for _, name in languages),
        "appearance",
        "required",
        *(f"required_message::{name}" for _, name in languages),
        "relevant",
        "constraint",
        *(f"constraint_message::{name}" for _, name in languages),
        "calculation",
    ]


_SIMPLE = {
    AnswerType.TEXT: "text",
    AnswerType.DATE: "date",
    AnswerType.DATETIME: "dateTime",
    AnswerType.INTEGER: "integer",
    AnswerType.DECIMAL: "decimal",
}
_BOOLEAN = (Choice("true", "true", None), Choice("false", "false", None))
#: The prefix of a heading's note (Overview 1's groups): not an answer, never read back.
HEADING_PREFIX = "heading_"
#: Numbers that name an entry of a list elsewhere in the form (an activity update names an
#: appointment by its number, and one of its activities): the constraint that the entry exists,
#: as an XPath over the instance (``{appointments}``: the path of the appointments' repeat).
_EXISTS = {
    "ActivityUpdate.appointment": ("plan.no_appointment", ". <= count({appointments})"),
    "ActivityUpdate.activity": (
        "plan.no_activity",
        ". <= count({appointments}[position() = current()/../{appointment}]/{activities})",
    ),
}


def field_name(link_id: str) -> str:
    """The XLSForm name of an item: its link id with dots as underscores (``AP01_education_
    origin``), which is a valid XML name because every link id starts with a letter."""
    return link_id.replace(".", "_")


def _leaves(group: FormItem) -> Iterator[FormItem]:
    """The questions of a group or list entry that a person answers, not those of a list
    inside it (an entry of its own) nor a fixed answer."""
    for item in group.items:
        if item.answer_type is AnswerType.GROUP:
            if not item.repeats:
                yield from _leaves(item)
        elif item.fixed is None and not item.repeats:
            yield item


class _Sheets:
    def __init__(self, form: Form[Any]) -> None:
        self.form = form
        self.languages = form_languages(form)
        self.texts = {code: Texts(code) for code, _ in self.languages}
        self.columns = _survey_columns(self.languages)
        self.survey: list[list[str]] = [list(self.columns)]
        self.choices: list[list[str]] = [
            ["list_name", "name", *(f"label::{name}" for _, name in self.languages)]
        ]
        self.lists: dict[tuple[str, ...], str] = {}
        self.paths: dict[str, str] = {}  # link id -> the XPath of its element
        self._paths(form.items, "/data")

    def _paths(self, items: Sequence[FormItem], parent: str) -> None:
        for item in items:
            here = f"{parent}/{field_name(item.link_id)}"
            self.paths[item.link_id] = here
            self._paths(item.items, here)

    def text(self, message_id: str, language: str) -> str:
        """A message in a language; one that is given in the fallback language (the counsellor's
        guidance, in a client language) says so: ``[nl] …``."""
        texts = self.texts[language]
        found = texts(message_id)
        given = texts.language_of(message_id)
        return found if given == language else f"[{given}] {found}"

    def each(self, message_id: str) -> dict[str, str]:
        """A message in each language, by the column suffix of its language."""
        return {name: self.text(message_id, code) for code, name in self.languages}

    def row(self, kind: str, name: str, item: FormItem | None, **extra: str) -> None:
        cells = dict.fromkeys(self.columns, "")
        cells |= {"type": kind, "name": name}
        if item is not None:
            for language, column in self.languages:
                cells[f"label::{column}"] = self.text(item.message_id, language)
                if item.help_message_id:
                    cells[f"hint::{column}"] = self.text(item.help_message_id, language)
                if item.guidance:
                    cells[f"guidance_hint::{column}"] = "\n\n".join(
                        self.text(m, language) for m in item.guidance
                    )
        cells |= extra
        self.survey.append([cells[c] for c in self.columns])

    def choice_list(self, item: FormItem, choices: tuple[Choice, ...]) -> str:
        """The list name of these choices, written to ``choices`` the first time it is used;
        a withdrawn choice is not offered."""
        offered = tuple(c for c in choices if not c.withdrawn)
        key = (item.choice_set or "boolean", *(c.code for c in offered))
        if key in self.lists:
            return self.lists[key]
        base = item.choice_set or "boolean"
        name = base if base not in self.lists.values() else f"{base}_{len(self.lists)}"
        self.lists[key] = name
        for choice in offered:
            labels = [
                choice.code if choice.message_id is None else self.text(choice.message_id, lang)
                for lang, _ in self.languages
            ]
            self.choices.append([name, choice.code, *labels])
        return name

    def required(self, item: FormItem, chain: Sequence[FormItem]) -> dict[str, str]:
        """``required`` where the record needs the answer: always, or, inside a group that may
        be left out whole (a source, a cost) or an entry of a list (an engine starts a list
        with one blank entry), once anything else in that group or entry is answered."""
        if item.requirement not in (Requirement.REQUIRED, Requirement.MINIMUM):
            return {}
        cells = {f"required_message::{n}": t for n, t in self.each("Form.required_message").items()}
        for group in reversed(chain):
            if group.repeats or group.requirement is Requirement.OPTIONAL:
                others = [leaf for leaf in _leaves(group) if leaf is not item]
                if not others:
                    return {}
                cells["required"] = " or ".join(
                    f"${{{field_name(o.link_id)}}} != ''" for o in others
                )
                return cells
        cells["required"] = "yes"
        return cells

    def constraint(self, item: FormItem) -> dict[str, str]:
        """Bounds, and that a number names an entry that exists, with localised messages."""
        rules: list[str] = []
        messages: list[tuple[str, dict[str, int]]] = []
        bounds = {"min": item.minimum, "max": item.maximum}
        written = [
            f". {op} {value}"
            for op, value in ((">=", item.minimum), ("<=", item.maximum))
            if value is not None
        ]
        if written:
            rules += written
            messages.append(
                ("number.out_of_range", {k: v for k, v in bounds.items() if v is not None})
            )
        exists = _EXISTS.get(item.field)
        if exists is not None and "AP13" in self.paths:
            code, rule = exists
            sibling = item.link_id.rsplit(".", 1)[0] + ".appointment"
            rules.append(
                rule.format(
                    appointments=self.paths["AP13"],
                    activities=field_name("AP13.activities"),
                    appointment=field_name(sibling),
                )
            )
            messages.append((code, {}))
        if not rules:
            return {}
        cells = {"constraint": " and ".join(rules)}
        for lang, name in self.languages:
            cells[f"constraint_message::{name}"] = " ".join(
                self._problem(Problem("$", code, params), lang) for code, params in messages
            )
        return cells

    def _problem(self, problem: Problem, language: str) -> str:
        """A problem's message in a language (a client language has those a client meets)."""
        given = self.texts[language].language_of(f"Problem.{problem.code}")
        found = problem_message(problem, given)
        return found if given == language else f"[{given}] {found}"

    def item(self, item: FormItem, chain: Sequence[FormItem] = ()) -> None:
        name = field_name(item.link_id)
        extra: dict[str, str] = {}
        if item.heading_message_id is not None:
            cells = self.each(item.heading_message_id)
            self.row(
                "note",
                HEADING_PREFIX + name,
                None,
                **{f"label::{n}": t for n, t in cells.items()},
            )
        if item.enable_when:
            extra["relevant"] = " and ".join(
                f"${{{field_name(w.link_id)}}} = '{w.code}'" for w in item.enable_when
            )
        if item.answer_type is AnswerType.GROUP:
            kind = "repeat" if item.repeats else "group"
            self.row(f"begin_{kind}", name, item, **extra)
            for sub in item.items:
                self.item(sub, (*chain, item))
            self.row(f"end_{kind}", "", None)
            return
        if item.fixed is not None:
            self.row("calculate", name, None, calculation=f"'{item.fixed}'")
            return
        extra |= self.required(item, chain)
        extra |= self.constraint(item)
        if item.answer_type in (AnswerType.CHOICE, AnswerType.BOOLEAN):
            choices = item.choices if item.answer_type is AnswerType.CHOICE else _BOOLEAN
            select = "select_multiple" if item.repeats else "select_one"
            if item.choice_set == "Currency":  # some 150 codes: a searchable list
                extra["appearance"] = "autocomplete"
            self.row(f"{select} {self.choice_list(item, choices)}", name, item, **extra)
            return
        if item.repeats:  # a list of texts or dates: one answer per repeat
            self.row("begin_repeat", f"{name}_list", item)
            self.row(_SIMPLE[item.answer_type], name, item, **extra)
            self.row("end_repeat", "", None)
            return
        self.row(_SIMPLE[item.answer_type], name, item, **extra)


def xlsform_sheets(form: Form[Any]) -> dict[str, list[list[str]]]:
    """The ``survey``, ``choices`` and ``settings`` sheets of one form, header row first."""
    sheets = _Sheets(form)
    for item in form.items:
        sheets.item(item)
    version = importlib.metadata.version("terugkeer")
    settings = [
        ["form_title", "form_id", "version", "default_language"],
        [
            Texts("nl")(form.message_id),
            f"terugkeer_{field_name(form.id)}",
            version,
            LANGUAGES[0][1],
        ],
    ]
    return {"survey": sheets.survey, "choices": sheets.choices, "settings": settings}


def write_xlsform(form: Form[Any], path: Path) -> None:
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


def _form_id(form: Form[Any]) -> str:
    return f"terugkeer_{field_name(form.id)}"


def submission(form: Form[R], record: R) -> str:
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
                    entry = ET.Element(tag)
                    _fill(entry, item.items, item.path, f"{key}[{i}].", values)
                    if not _blank(entry):  # a wholly blank entry does not travel (see above)
                        parent_element.append(entry)
            elif any(k.startswith(key + ".") for k in values):
                _fill(ET.SubElement(parent_element, tag), item.items, item.path, f"{key}.", values)
            continue
        if key not in values:
            continue
        value = values[key]
        if item.answer_type is AnswerType.CHOICE and index == "*":
            ET.SubElement(parent_element, tag).text = " ".join(value)
        elif index == "*":
            for line in value:
                if line:  # a blank line does not travel (see above)
                    ET.SubElement(ET.SubElement(parent_element, f"{tag}_list"), tag).text = line
        else:
            assert isinstance(value, str)
            ET.SubElement(parent_element, tag).text = value


def _blank(element: ET.Element) -> bool:
    """True when no element below ``element`` holds an answer: the shape an engine writes for
    a group left blank, or for the entry it starts a list with."""
    return all(not (e.text or "") for e in element.iter() if len(e) == 0)


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
    known = {"meta"} | {tag for tag in by_tag if tag.startswith(HEADING_PREFIX)}
    for item in items:
        name, index = _step(item, parent)
        key = f"{prefix}{name}" if index in (None, "*") else f"{prefix}{name}[{index}]"
        tag = field_name(item.link_id)
        if item.answer_type is AnswerType.GROUP:
            known.add(tag)
            found = by_tag.get(tag, [])
            if index != "*" and len(found) > 1:
                problems.append(Problem(f"{at}/{tag}", "form.once_only"))
            filled = [sub for sub in (found if index == "*" else found[:1]) if not _blank(sub)]
            if index not in (None, "*") and found and not filled:
                filled = found[:1]  # Overview 1's factor: its place is fixed, blank or not
            for i, sub in enumerate(filled):
                sub_prefix = f"{key}[{i}]." if index == "*" else f"{key}."
                _read_element(sub, item.items, item.path, sub_prefix, f"{at}/{tag}", out, problems)
            continue
        if item.repeats and item.answer_type is not AnswerType.CHOICE:
            known.add(f"{tag}_list")
            entries = by_tag.get(f"{tag}_list", [])
            texts = [entry.findtext(tag) or "" for entry in entries]
            out[key] = [entry for entry in texts if entry]
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
        elif raw or item.answer_type is AnswerType.TEXT:
            out[key] = raw  # an empty element of a question that is not text: not answered
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


def from_submission(form: Form[R], xml: str | bytes, *, today: dt.date | None = None) -> R:
    """The record an ODK or Kobo submission (the XML instance of the form's workbook) holds,
    checked as a posted form is (:func:`~terugkeer.interop.formdata.from_form`, with its
    ``today``). Document type declarations are refused (no entities, no external anything), and
    no value of the submission appears in an error."""
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
    return from_form(form, posted, today=today)
