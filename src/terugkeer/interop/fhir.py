"""The forms as FHIR resources: a ``Questionnaire`` per form, a ``CodeSystem`` per vocabulary.

Written as JSON-ready dicts for FHIR R5 or R4B (the release many systems still run); no FHIR
package is needed to write them, and the tests parse every one with ``fhir.resources``. Each item
follows :mod:`terugkeer.forms`: its link id, type, ``required`` and ``repeats`` (with the list
limit as ``maxOccurs``), the allowed codes as ``answerOption`` codings in the project's code
systems, ``enableWhen``, integer bounds as ``minValue``/``maxValue``, and a fixed answer (a
rating's factor) as its one option, selected and read-only. Texts are Dutch, with English in the
``translation`` extension; a form's guidance and legend are its ``description``.

A score is a code that names a direction and a strength (``minus3`` … ``plus3``), with no
``itemWeight`` or ``ordinalValue``: form tools add item weights up into a total, and a netted score
is what the book rejects. The ``Score`` code system says so in its description.

>>> from terugkeer.forms import forms
>>> q = questionnaire(forms("overview1")[0], "R5")
>>> q["resourceType"], q["url"], q["language"]
('Questionnaire', 'https://terugkeer.invalid/fhir/Questionnaire/overview1', 'nl')
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterable
from typing import Any

from terugkeer.forms import AnswerType, Choice, Form, FormItem, Requirement, all_forms
from terugkeer.i18n import text

__all__ = [
    "BASE",
    "RELEASES",
    "bundle",
    "code_systems",
    "questionnaire",
    "system_of",
    "value_sets",
]

#: Where the project's canonical resources live (``.invalid``: a name, not a server).
BASE = "https://terugkeer.invalid/fhir"
#: The FHIR releases written.
RELEASES = ("R5", "R4B")

_TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
_MAX_OCCURS = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs"
_MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
_MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
_ISO_4217 = "urn:iso:std:iso:4217"

_TYPES = {
    AnswerType.GROUP: "group",
    AnswerType.DATE: "date",
    AnswerType.DATETIME: "dateTime",
    AnswerType.INTEGER: "integer",
    AnswerType.DECIMAL: "decimal",
    AnswerType.BOOLEAN: "boolean",
}


def _version() -> str:
    return importlib.metadata.version("terugkeer")


def system_of(choice_set: str) -> str:
    """The code system URL of a vocabulary of :mod:`terugkeer.forms` (ISO's for currencies)."""
    return _ISO_4217 if choice_set == "Currency" else f"{BASE}/CodeSystem/{choice_set}"


def _translated(message_id: str) -> tuple[str, dict[str, Any]]:
    """Dutch text and its ``_text`` element carrying the English translation."""
    return _both(text(message_id, "nl"), text(message_id, "en"))


def _both(dutch: str, english: str) -> tuple[str, dict[str, Any]]:
    """Dutch text and the element carrying its English translation."""
    return dutch, {
        "extension": [
            {
                "url": _TRANSLATION,
                "extension": [
                    {"url": "lang", "valueCode": "en"},
                    {"url": "content", "valueString": english},
                ],
            }
        ]
    }


def _coding(item: FormItem, choice: Choice) -> dict[str, Any]:
    assert item.choice_set is not None
    coding: dict[str, Any] = {"system": system_of(item.choice_set), "code": choice.code}
    if choice.message_id is not None:
        coding["display"] = text(choice.message_id, "nl")
    return coding


def _option(item: FormItem, choice: Choice, release: str) -> dict[str, Any]:
    coding = _coding(item, choice)
    option: dict[str, Any] = {"valueCoding": coding}
    if item.fixed is not None:
        option["initialSelected"] = True
    return option


def _item(item: FormItem, form: Form, release: str) -> dict[str, Any]:
    label, label_element = _translated(item.message_id)
    if item.answer_type is AnswerType.CHOICE:
        kind = "coding" if release == "R5" else "choice"
    elif item.answer_type is AnswerType.TEXT:
        kind = "text" if item.free_text else "string"
    else:
        kind = _TYPES[item.answer_type]
    written: dict[str, Any] = {
        "linkId": item.link_id,
        "text": label,
        "_text": label_element,
        "type": kind,
        "required": item.requirement in (Requirement.REQUIRED, Requirement.MINIMUM),
        "repeats": item.repeats,
    }
    extensions = []
    if item.repeats and item.max_items is not None:
        extensions.append({"url": _MAX_OCCURS, "valueInteger": item.max_items})
    if item.minimum is not None:
        extensions.append({"url": _MIN_VALUE, "valueInteger": item.minimum})
    if item.maximum is not None:
        extensions.append({"url": _MAX_VALUE, "valueInteger": item.maximum})
    if extensions:
        written["extension"] = extensions
    choices = [c for c in item.choices if item.fixed is None or c.code == item.fixed]
    if choices:
        written["answerOption"] = [_option(item, c, release) for c in choices]
    if item.fixed is not None:
        written["readOnly"] = True
    if item.enable_when:
        written["enableWhen"] = [_condition(form, w.link_id, w.code) for w in item.enable_when]
    if item.items:
        written["item"] = [_item(sub, form, release) for sub in item.items]
    return written


def _condition(form: Form, link_id: str, code: str) -> dict[str, Any]:
    asked = form.item(link_id)
    (choice,) = (c for c in asked.choices if c.code == code)
    return {"question": link_id, "operator": "=", "answerCoding": _coding(asked, choice)}


def questionnaire(form: Form, release: str = "R5") -> dict[str, Any]:
    """The ``Questionnaire`` of one form, as a JSON-ready dict for ``release`` (``R5`` or
    ``R4B``; anything else is a ``ValueError``)."""
    if release != "R5" and release != "R4B":
        raise ValueError(f"release must be one of {', '.join(RELEASES)}")
    title, title_element = _translated(form.message_id)
    name = "Terugkeer" + "".join(part.title().replace("_", "") for part in form.id.split("."))
    written: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "url": f"{BASE}/Questionnaire/{form.id}",
        "version": _version(),
        "name": name,
        "title": title,
        "_title": title_element,
        "status": "active",
        "language": "nl",
    }
    shown = (*form.instructions, *form.legend)
    if shown:
        written["description"], written["_description"] = _both(
            *("\n\n".join(text(m, lang) for m in shown) for lang in ("nl", "en"))
        )
    written["item"] = [_item(item, form, release) for item in form.items]
    return written


def code_systems(forms: Iterable[Form] | None = None) -> list[dict[str, Any]]:
    """The ``CodeSystem`` of every vocabulary the forms use (all forms by default), each with
    every code any item allows, Dutch displays and English designations. Currencies use ISO
    4217's own system and get none. The resources are the same in R5 and R4B."""
    found: dict[str, dict[str, Choice]] = {}
    for form in all_forms() if forms is None else forms:
        for item in form.walk():
            if item.choice_set is not None and item.choice_set != "Currency":
                codes = found.setdefault(item.choice_set, {})
                codes |= {c.code: c for c in item.choices}
    resources = []
    for name, codes in found.items():
        concepts = []
        for choice in codes.values():
            concept: dict[str, Any] = {"code": choice.code}
            if choice.message_id is not None:
                concept["display"] = text(choice.message_id, "nl")
                concept["designation"] = [
                    {"language": "en", "value": text(choice.message_id, "en")}
                ]
            concepts.append(concept)
        resource: dict[str, Any] = {
            "resourceType": "CodeSystem",
            "url": system_of(name),
            "version": _version(),
            "name": name,
            "status": "active",
            "language": "nl",
        }
        if name == "Score":  # a direction and a strength, never a number to add up
            resource["description"], resource["_description"] = _translated("fhir.score_codes")
        resource |= {"content": "complete", "caseSensitive": True, "concept": concepts}
        resources.append(resource)
    return resources


def value_sets(forms: Iterable[Form] | None = None) -> list[dict[str, Any]]:
    """A ``ValueSet`` per vocabulary the forms use (all forms by default): the whole code system
    (for currencies, the ISO 4217 codes the forms allow), for systems that bind a value set. The
    questionnaires list their options inline (``answerOption``), which FHIR lets an item do
    instead of naming a value set."""
    found: dict[str, dict[str, None]] = {}
    for form in all_forms() if forms is None else forms:
        for item in form.walk():
            if item.choice_set is not None:
                found.setdefault(item.choice_set, {}).update(
                    dict.fromkeys(c.code for c in item.choices)
                )
    resources = []
    for name, codes in found.items():
        include: dict[str, Any] = {"system": system_of(name)}
        if name == "Currency":
            include["concept"] = [{"code": code} for code in codes]
        resources.append(
            {
                "resourceType": "ValueSet",
                "url": f"{BASE}/ValueSet/{name}",
                "version": _version(),
                "name": name,
                "status": "active",
                "compose": {"include": [include]},
            }
        )
    return resources


def bundle(forms: Iterable[Form], release: str = "R5") -> dict[str, Any]:
    """A ``collection`` Bundle of the forms' Questionnaires and the CodeSystems and ValueSets
    they use: what ``terugkeer export-form --format fhir-r5`` writes."""
    chosen = list(forms)
    resources = [questionnaire(form, release) for form in chosen]
    resources += code_systems(chosen) + value_sets(chosen)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": r["url"], "resource": r} for r in resources],
    }
