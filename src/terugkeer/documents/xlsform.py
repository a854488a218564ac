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
from pathlib import Path

from terugkeer.forms import AnswerType, Choice, Form, FormItem, Requirement
from terugkeer.i18n import text

__all__ = ["LANGUAGES", "field_name", "write_xlsform", "xlsform_sheets"]

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
