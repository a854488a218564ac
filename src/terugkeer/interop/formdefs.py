"""Form definitions as JSON: :mod:`terugkeer.forms` with labels resolved in one locale.

What ``terugkeer forms --format json`` prints; a web front end or another language can build its
forms from it. A form has its ``instructions`` (the method's guidance for it) and ``legend``
(Overview 1's scale); an item may have a ``heading`` to show before it (Overview 1's groups) and
``guidance`` about it. Item keys that would hold nothing (no choices, no bounds) are left out.
"""

from __future__ import annotations

from typing import Any

from terugkeer.documents.serialization import DOCUMENT_TYPES
from terugkeer.forms import Form, FormItem
from terugkeer.i18n import DEFAULT_LOCALE, resolve_locale, text

__all__ = ["FORMS_SCHEMA", "form_document"]

#: The ``schema`` of the JSON this module writes.
FORMS_SCHEMA = "terugkeer/form"


def form_document(form: Form[Any], locale: str = DEFAULT_LOCALE) -> dict[str, Any]:
    """One form as a JSON-ready dict, labels in ``locale``.

    >>> from terugkeer.forms import forms
    >>> doc = form_document(forms("overview2")[0], "en")
    >>> doc["schema"], doc["builds"], doc["title"]
    ('terugkeer/form', 'terugkeer/change-possibility', 'Overview 2: what could still change')
    """
    language = resolve_locale(locale)
    return {
        "schema": FORMS_SCHEMA,
        "version": 1,
        "id": form.id,
        "instrument": form.instrument,
        "builds": DOCUMENT_TYPES[form.record][0],
        "locale": language,
        "title": text(form.message_id, language),
        "repeats": form.repeats,
        # The method's guidance for the whole form, and Overview 1's scale legend.
        "instructions": [text(m, language) for m in form.instructions],
        "legend": [text(m, language) for m in form.legend],
        "items": [_item(item, language) for item in form.items],
    }


def _item(item: FormItem, language: str) -> dict[str, Any]:
    written: dict[str, Any] = {}
    if item.heading_message_id is not None:
        written["heading"] = text(item.heading_message_id, language)
    written |= {
        "linkId": item.link_id,
        "path": item.path,
        "type": item.answer_type.value,
        "label": text(item.message_id, language),
        "requirement": item.requirement.value,
        "repeats": item.repeats,
    }
    if item.choices:
        written["choices"] = [
            {
                "code": c.code,
                "value": c.value,
                "label": c.code if c.message_id is None else text(c.message_id, language),
            }
            for c in item.choices
        ]
    optional = {
        "minimum": item.minimum,
        "maximum": item.maximum,
        "maxItems": item.max_items,
        "fixed": item.fixed,
        "help": None if item.help_message_id is None else text(item.help_message_id, language),
    }
    written |= {key: value for key, value in optional.items() if value is not None}
    if item.guidance:
        written["guidance"] = [text(m, language) for m in item.guidance]
    if item.free_text:
        written["freeText"] = True
    if item.identifying:
        written["identifying"] = True
    if item.enable_when:
        written["enableWhen"] = [{"linkId": w.link_id, "code": w.code} for w in item.enable_when]
    if item.items:
        written["items"] = [_item(sub, language) for sub in item.items]
    return written
