"""Who entered a record and when: a counsellor id and a moment, kept with appended records.

Assessments, appointments, signal observations, consents and phase changes may carry an
:class:`Entered` stamp. The case keeps them append-only, like the records themselves. The id is a
counsellor's id in the organisation's own system, never a name; it still points to a person, so the
research export leaves it out.
"""

from __future__ import annotations

import datetime as dt

import attrs

from . import _fields
from ._checks import fields_trusted, validated
from .errors import Problem

__all__ = ["Entered"]


@attrs.frozen(weakref_slot=False)
class Entered:
    """Who entered a record (``by``: a counsellor id, not a name) and when (``at``, with a zone).

    >>> Entered("c-17", dt.datetime(2026, 3, 2, 14, 5, tzinfo=dt.timezone.utc)).by
    'c-17'
    """

    by: str = attrs.field(default="", metadata=_fields.identifying())
    at: dt.datetime | None = None

    def __attrs_post_init__(self) -> None:
        naive = type(self.at) is dt.datetime and self.at.utcoffset() is None
        if naive or not fields_trusted():  # trusted and with a zone: nothing to report
            validated(self, [Problem("$.at", "datetime.no_zone")] if naive else None)
