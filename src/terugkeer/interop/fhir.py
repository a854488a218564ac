"""The forms as FHIR resources: a ``Questionnaire`` per form, a ``CodeSystem`` per vocabulary.

Written as JSON-ready dicts for FHIR R5 or R4B (the release many systems still run); no FHIR
package is needed to write them, and the tests parse every one with ``fhir.resources``. Each item
follows :mod:`terugkeer.forms`: its link id, type, ``required`` and ``repeats`` (with the list
limit as ``maxOccurs``), the allowed codes as ``answerOption`` codings in the project's code
systems, ``enableWhen``, integer bounds as ``minValue``/``maxValue``, and a fixed answer (a
rating's factor) as its one option, selected and read-only. Texts are Dutch, with English in the
``translation`` extension (labels, answer options, help); a form's guidance and legend are its
``description``, an item's help and guidance are ``display`` items shown as help, and Overview 1's
group headings are ``display`` items before their first factor. Each question has an ``item.code``
in the ``Question`` code system (its link id), so a system can map it to its own codes.

The canonical URLs start at ``base`` (by default :data:`BASE`, a name under ``.invalid``): a
project that publishes the resources passes its own, to every function here and to the readers
of :mod:`terugkeer.interop.fhirresponse`, so questionnaires and responses always agree.

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

from terugkeer.forms import (
    CLIENT_FORMS,
    AnswerType,
    Choice,
    Form,
    FormItem,
    Requirement,
    all_forms,
)
from terugkeer.i18n import CLIENT_LOCALES, Texts, text

__all__ = [
    "BASE",
    "HEADING_PREFIX",
    "HELP_SUFFIX",
    "PUBLISHER",
    "RELEASES",
    "bundle",
    "canonical",
    "code_systems",
    "questionnaire",
    "required",
    "system_of",
    "value_sets",
]

#: Where the project's canonical resources live (``.invalid``: a name, not a server).
BASE = "https://terugkeer.invalid/fhir"
#: The FHIR releases written.
RELEASES = ("R5", "R4B")
#: Who publishes the resources: the project; the method is Pharos', the texts are ours.
PUBLISHER = "terugkeer"

_TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
_MAX_OCCURS = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs"
_MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
_MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
_ISO_4217 = "urn:iso:std:iso:4217"
_ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
_ITEM_CONTROLS = "http://hl7.org/fhir/questionnaire-item-control"

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


def system_of(choice_set: str, base: str = BASE) -> str:
    """The code system URL of a vocabulary of :mod:`terugkeer.forms` (ISO's for currencies)."""
    return _ISO_4217 if choice_set == "Currency" else f"{_base(base)}/CodeSystem/{choice_set}"


def canonical(form: Form[Any], base: str = BASE) -> str:
    """The canonical URL of a form's ``Questionnaire`` (without ``|version``)."""
    return f"{_base(base)}/Questionnaire/{form.id}"


def _base(base: str) -> str:
    """``base`` without a trailing slash; anything but an absolute http(s) URL is a ValueError."""
    if type(base) is not str or not base.startswith(("https://", "http://")) or "|" in base:
        raise ValueError("base must be an absolute http(s) URL without '|'")
    return base.rstrip("/")


#: The languages translated in a form's ``translation`` extensions: English, and for a form the
#: client fills in (:data:`~terugkeer.forms.CLIENT_FORMS`) every client language.
_ENGLISH: tuple[str, ...] = ("en",)


def _languages(form: Form[Any]) -> tuple[str, ...]:
    return (*_ENGLISH, *CLIENT_LOCALES) if form.instrument in CLIENT_FORMS else _ENGLISH


def _translated(message_id: str, langs: tuple[str, ...] = _ENGLISH) -> tuple[str, dict[str, Any]]:
    """Dutch text and its ``_text`` element carrying its translations."""
    return _joined([message_id], langs)


def _joined(message_ids: Iterable[str], langs: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
    """Texts joined by blank lines in Dutch, and the element carrying their translations: one
    per language that has them all in its own words (a client language leaves out the
    counsellor's guidance, which a renderer then shows in Dutch, FHIR's own fallback)."""
    ids = list(message_ids)
    translations = []
    for lang in langs:
        texts = Texts(lang)
        if all(texts.language_of(m) == lang for m in ids):
            content = "\n\n".join(texts(m) for m in ids)
            translations.append(
                {
                    "url": _TRANSLATION,
                    "extension": [
                        {"url": "lang", "valueCode": lang},
                        {"url": "content", "valueString": content},
                    ],
                }
            )
    return "\n\n".join(text(m, "nl") for m in ids), {"extension": translations}


def _coding(
    item: FormItem, choice: Choice, base: str, langs: tuple[str, ...] = _ENGLISH
) -> dict[str, Any]:
    assert item.choice_set is not None
    coding: dict[str, Any] = {"system": system_of(item.choice_set, base), "code": choice.code}
    if choice.message_id is not None:
        coding["display"], coding["_display"] = _translated(choice.message_id, langs)
    return coding


def _option(item: FormItem, choice: Choice, base: str, langs: tuple[str, ...]) -> dict[str, Any]:
    coding = _coding(item, choice, base, langs)
    option: dict[str, Any] = {"valueCoding": coding}
    if item.fixed is not None:
        option["initialSelected"] = True
    return option


def _display(
    link_id: str, message_ids: Iterable[str], control: str | None, langs: tuple[str, ...]
) -> dict[str, Any]:
    """A ``display`` item showing texts (help beside a question, or a heading)."""
    written: dict[str, Any] = {"linkId": link_id, "type": "display"}
    written["text"], written["_text"] = _joined(message_ids, langs)
    if control is not None:
        written["extension"] = [
            {
                "url": _ITEM_CONTROL,
                "valueCodeableConcept": {"coding": [{"system": _ITEM_CONTROLS, "code": control}]},
            }
        ]
    return written


#: The suffix of the link id of an item's help, and the prefix of a heading's.
HELP_SUFFIX = ".help"
HEADING_PREFIX = "heading."


def _item(item: FormItem, form: Form[Any], release: str, base: str) -> dict[str, Any]:
    langs = _languages(form)
    label, label_element = _translated(item.message_id, langs)
    if item.answer_type is AnswerType.CHOICE:
        kind = "coding" if release == "R5" else "choice"
    elif item.answer_type is AnswerType.TEXT:
        kind = "text" if item.free_text else "string"
    else:
        kind = _TYPES[item.answer_type]
    written: dict[str, Any] = {
        "linkId": item.link_id,
        "code": [{"system": f"{_base(base)}/CodeSystem/Question", "code": item.link_id}],
        "text": label,
        "_text": label_element,
        "type": kind,
        "required": required(form, item),
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
        written["answerOption"] = [_option(item, c, base, langs) for c in choices]
    if item.fixed is not None:
        written["readOnly"] = True
    if item.enable_when:
        written["enableWhen"] = [
            _condition(form, w.link_id, w.code, base, langs) for w in item.enable_when
        ]
    help_ids = ([item.help_message_id] if item.help_message_id else []) + list(item.guidance)
    children = []
    if help_ids:
        children.append(_display(item.link_id + HELP_SUFFIX, help_ids, "help", langs))
    children += _items(item.items, form, release, base)
    if children:
        written["item"] = children
    return written


def _items(
    items: Iterable[FormItem], form: Form[Any], release: str, base: str
) -> list[dict[str, Any]]:
    """The items, each heading (Overview 1's groups) as a display item before its item."""
    written = []
    for item in items:
        if item.heading_message_id is not None:
            heading = [item.heading_message_id]
            written.append(_display(HEADING_PREFIX + item.link_id, heading, None, _languages(form)))
        written.append(_item(item, form, release, base))
    return written


def required(form: Form[Any], item: FormItem) -> bool:
    """Whether a form must have an answer to ``item`` whenever it is shown: the record needs
    it, and so does every group it lies in. A group that may be left out, and a list that may
    be empty (form tools show one blank entry), make what is below them optional: FHIR has no
    "required once the group is answered", and the library's own read of a response checks
    that. A group itself is never marked: its questions say what it needs."""
    needed = {Requirement.REQUIRED, Requirement.MINIMUM}
    chain = _chain(form.items, item)
    if chain is None or item.requirement not in needed or item.answer_type is AnswerType.GROUP:
        return False
    return all(g.requirement in needed for g in chain)


def _chain(items: Iterable[FormItem], target: FormItem) -> list[FormItem] | None:
    """The groups from the form's top down to ``target``, or None when it is not in ``items``."""
    for item in items:
        if item is target:
            return []
        below = _chain(item.items, target)
        if below is not None:
            return [item, *below]
    return None


def _condition(
    form: Form[Any], link_id: str, code: str, base: str, langs: tuple[str, ...]
) -> dict[str, Any]:
    asked = form.item(link_id)
    (choice,) = (c for c in asked.choices if c.code == code)
    coding = _coding(asked, choice, base, langs)
    return {"question": link_id, "operator": "=", "answerCoding": coding}


def questionnaire(form: Form[Any], release: str = "R5", *, base: str = BASE) -> dict[str, Any]:
    """The ``Questionnaire`` of one form, as a JSON-ready dict for ``release`` (``R5`` or
    ``R4B``; anything else is a ``ValueError``), its canonical URL under ``base``."""
    if release != "R5" and release != "R4B":
        raise ValueError(f"release must be one of {', '.join(RELEASES)}")
    title, title_element = _translated(form.message_id, _languages(form))
    name = "Terugkeer" + "".join(part.title().replace("_", "") for part in form.id.split("."))
    written: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "url": canonical(form, base),
        "version": _version(),
        "name": name,
        "title": title,
        "_title": title_element,
        "status": "active",
        "language": "nl",
        "publisher": PUBLISHER,
    }
    written["copyright"], written["_copyright"] = _translated("fhir.copyright")
    shown = (*form.instructions, *form.legend)
    if shown:
        written["description"], written["_description"] = _joined(shown, _ENGLISH)
    written["item"] = _items(form.items, form, release, base)
    return written


def code_systems(
    forms: Iterable[Form[Any]] | None = None, *, base: str = BASE
) -> list[dict[str, Any]]:
    """The ``CodeSystem`` of every vocabulary the forms use (all forms by default), each with
    every code any item allows, Dutch displays and English designations, and the ``Question``
    system of the items' codes. Currencies use ISO 4217's own system and get none. The resources
    are the same in R5 and R4B."""
    found: dict[str, dict[str, Choice]] = {"Question": {}}
    for form in all_forms() if forms is None else forms:
        for item in form.walk():
            found["Question"].setdefault(
                item.link_id, Choice(item.link_id, item.link_id, item.message_id)
            )
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
            "url": system_of(name, base),
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


def value_sets(
    forms: Iterable[Form[Any]] | None = None, *, base: str = BASE
) -> list[dict[str, Any]]:
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
        include: dict[str, Any] = {"system": system_of(name, base)}
        if name == "Currency":
            include["concept"] = [{"code": code} for code in codes]
        resources.append(
            {
                "resourceType": "ValueSet",
                "url": f"{_base(base)}/ValueSet/{name}",
                "version": _version(),
                "name": name,
                "status": "active",
                "compose": {"include": [include]},
            }
        )
    return resources


def bundle(forms: Iterable[Form[Any]], release: str = "R5", *, base: str = BASE) -> dict[str, Any]:
    """A ``collection`` Bundle of the forms' Questionnaires and the CodeSystems and ValueSets
    they use: what ``terugkeer export-form --format fhir-r5`` writes."""
    chosen = list(forms)
    resources = [questionnaire(form, release, base=base) for form in chosen]
    resources += code_systems(chosen, base=base) + value_sets(chosen, base=base)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": r["url"], "resource": r} for r in resources],
    }
