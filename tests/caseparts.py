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
