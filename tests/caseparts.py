"""Helpers shared by the form tests: a case's form-backed parts, and documents cleaned of
characters a transport format cannot hold."""

from __future__ import annotations

import re
from typing import Any

from terugkeer import CaseFile


def case_parts(case: CaseFile) -> list[tuple[str, Any]]:
    """Every record of the case that a form builds, with that form's id, in the case's order."""
    parts: list[tuple[str, Any]] = [
        ("actionplan", case.plan),
        ("signals", case.signals),
        ("context", case.context),
    ]
    parts += [("overview1", a) for a in case.assessments]
    parts += [("overview2", c) for c in case.change_possibilities]
    parts += [("overview3", w) for w in case.weighty_factors]
    parts += [("health", h) for h in case.health]
    parts += [("consents", c) for c in case.consents]
    return parts


def replaced(value: Any, characters: re.Pattern[str]) -> Any:
    """A JSON value with ``characters`` in every string replaced by ``x``."""
    if isinstance(value, dict):
        return {k: replaced(v, characters) for k, v in value.items()}
    if isinstance(value, list):
        return [replaced(v, characters) for v in value]
    return characters.sub("x", value) if isinstance(value, str) else value


def _blank(value: Any) -> bool:
    """Nothing answered: every leaf an empty text, no answer or an empty list."""
    if isinstance(value, dict):
        return all(_blank(v) for v in value.values())
    if isinstance(value, list):
        return all(_blank(v) for v in value)
    return value is None or value == ""


def _fill_first_text(entry: dict[str, Any]) -> bool:
    for key, value in entry.items():
        if value == "":
            entry[key] = "x"
            return True
        if isinstance(value, dict) and _fill_first_text(value):
            return True
    return False


def without_blank_entries(value: Any) -> Any:
    """A JSON document with every list entry that holds no answer at all given one (its first
    empty text becomes ``x``), and no blank line in a list of texts: what travels through an
    XForms engine, which cannot tell a wholly blank entry from the blank one it starts a list
    with (``terugkeer.interop.xlsform``)."""
    if isinstance(value, dict):
        return {k: without_blank_entries(v) for k, v in value.items()}
    if isinstance(value, list):
        out = []
        for entry in value:
            entry = without_blank_entries(entry)
            if isinstance(entry, dict) and _blank(entry):
                _fill_first_text(entry)
            out.append("x" if entry == "" else entry)
        return out
    return value
