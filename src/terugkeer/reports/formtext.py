"""Form definitions as text: an outline of each form, for a person reading what it asks."""

from __future__ import annotations

from typing import Any

from terugkeer.forms import AnswerType, Form, FormItem, Requirement
from terugkeer.guidance import topics_for
from terugkeer.i18n import DEFAULT_LOCALE, resolve_locale, text

__all__ = ["form_lines"]


def form_lines(form: Form[Any], locale: str = DEFAULT_LOCALE) -> tuple[str, ...]:
    """The form as indented lines: each item's label, link id, answer type and, for a choice,
    its codes. ``*`` marks what must be answered (for Overview 1, also under time pressure),
    ``(*)`` what a complete Overview 1 answers and the time-pressure minimum may skip, ``…`` what
    repeats. Overview 1's legend and group headings are shown, and where the method gives guidance
    for the form or an item, the ``terugkeer guide`` command that prints it.

    >>> from terugkeer.forms import forms
    >>> form_lines(forms("consents")[0], "en")[2]
    '  Organisation *  (consents.organisation: text)'
    """
    language = resolve_locale(locale)
    lines = [f"{text(form.message_id, language)}  [{form.id}]"]
    lines += [f"  {text(m, language)}" for m in form.legend]
    if form.instructions:  # only an instrument with guidance has instructions
        topics = " ".join(t.id for t in topics_for(form.instrument))
        lines.append(f"  {text('forms.guidance', language)}: terugkeer guide {topics}")
    for item in form.items:
        lines += _lines(item, language, 1)
    return tuple(lines)


_MARKS = {
    Requirement.REQUIRED: " *",
    Requirement.MINIMUM: " *",
    Requirement.COMPLETE: " (*)",
    Requirement.OPTIONAL: "",
}


def _lines(item: FormItem, language: str, depth: int) -> list[str]:
    marks = _MARKS[item.requirement] + (" …" if item.repeats else "")
    kind = item.answer_type.value
    if item.choices:
        kind += ": " + " | ".join(c.code for c in item.choices)
    if item.fixed is not None:
        kind = f"fixed {item.fixed}"
    label = text(item.message_id, language)
    detail = item.link_id if item.answer_type is AnswerType.GROUP else f"{item.link_id}: {kind}"
    lines = []
    if item.heading_message_id is not None:
        lines.append(f"{'  ' * depth}— {text(item.heading_message_id, language)} —")
    lines.append(f"{'  ' * depth}{label}{marks}  ({detail})")
    if item.guidance:
        guide = f"{text('forms.guidance', language)}: terugkeer guide {item.link_id}"
        lines.append(f"{'  ' * (depth + 1)}{guide}")
    for sub in item.items:
        lines += _lines(sub, language, depth + 1)
    return lines
