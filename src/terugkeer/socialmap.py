"""The social map (Bijlage 10): information sources and organisations, with an "as of" date.

The book's list is from 2017 and some of its organisations no longer exist, so the map is data
that is easy to replace or extend with an organisation's own list: :meth:`SocialMap.extended`
and :meth:`SocialMap.replaced` validate every entry and report every problem at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import attrs

from . import _fields
from ._checks import validated
from ._labelled import LabelledEnum
from .catalogue import Catalogue
from .catalogues.socialmap_rows import BOOK_MAP_DATE, BOOK_MAP_ROWS
from .errors import Problem, ValidationError

__all__ = [
    "BOOK_MAP_DATE",
    "BOOK_MAP_ENTRIES",
    "BOOK_SOCIAL_MAP",
    "MapEntry",
    "MapEntryKind",
    "MapGroup",
    "SocialMap",
]

_URL = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+(?:/\S*)?")


class MapGroup(LabelledEnum):
    """The groups of Bijlage 10."""

    GENERAL_INFORMATION = "general_information"
    RETURN_GUIDANCE = "return_guidance"
    UNACCOMPANIED_MINORS = "unaccompanied_minors"
    UNDOCUMENTED_HELP = "undocumented_help"


class MapEntryKind(LabelledEnum):
    """Whether an entry is a source of information, an organisation, or people one knows."""

    INFORMATION_SOURCE = "information_source"
    ORGANISATION = "organisation"
    INFORMAL = "informal"  #: news from compatriots, family, acquaintances


@attrs.frozen(weakref_slot=False)
class MapEntry:
    """One source or organisation: name, kind, group, web address (may be empty) and "as of" date.

    >>> MapEntry("Example", MapEntryKind.ORGANISATION, MapGroup.RETURN_GUIDANCE, "not a url",
    ...          dt.date(2026, 1, 1))
    Traceback (most recent call last):
    ...
    terugkeer.errors.ValidationError: 1 problem: $.url: must be an http(s) web address
    """

    name: str
    kind: MapEntryKind
    group: MapGroup
    url: str
    as_of: dt.date
    note: str = ""
    #: For the book's own entries: a stable id whose name is translated (``SocialMap.<id>``).
    #: Empty for an organisation's own entries, whose name is shown as written.
    id: str = ""

    @property
    def message_id(self) -> str | None:
        """Message id of the entry's name in nl and en, or None when the name is shown as is."""
        return f"SocialMap.{self.id}" if self.id else None

    def __attrs_post_init__(self) -> None:
        extra = []
        if type(self.name) is str and _fields.is_blank(self.name):
            extra.append(Problem("$.name", "text.blank"))
        if type(self.url) is str and self.url and not _URL.fullmatch(self.url):
            extra.append(Problem("$.url", "url.invalid"))
        validated(self, extra)


@attrs.frozen(weakref_slot=False)
class SocialMap:
    """A list of sources and organisations. Replace or extend it in one call."""

    entries: tuple[MapEntry, ...] = ()

    def __attrs_post_init__(self) -> None:
        validated(self)

    def extended(self, entries: Iterable[MapEntry]) -> SocialMap:
        """A map with ``entries`` added after the current ones."""
        return SocialMap((*self.entries, *_checked(entries)))

    def replaced(self, entries: Iterable[MapEntry]) -> SocialMap:
        """A map holding only ``entries`` (an organisation's own list)."""
        return SocialMap(_checked(entries))

    def in_group(self, group: MapGroup) -> tuple[MapEntry, ...]:
        """The entries of one group, in map order."""
        return tuple(e for e in self.entries if e.group is group)


def _checked(entries: Iterable[MapEntry]) -> tuple[MapEntry, ...]:
    result = tuple(entries)
    problems = [
        Problem(f"$.entries[{i}]", "type.record", {"expected": "MapEntry"})
        for i, e in enumerate(result)
        if not isinstance(e, MapEntry)
    ]
    if problems:
        raise ValidationError(problems)
    return result


#: Bijlage 10 as printed (2017). Some organisations no longer exist: replace or extend it.
BOOK_SOCIAL_MAP = SocialMap(
    tuple(
        MapEntry(
            row.name, MapEntryKind(row.kind), MapGroup(row.group), row.url, BOOK_MAP_DATE, id=row.id
        )
        for row in BOOK_MAP_ROWS
    )
)
#: The book's own entries (Bijlage 10), each found by its stable id.
BOOK_MAP_ENTRIES: Catalogue[MapEntry] = Catalogue("social map entry", BOOK_SOCIAL_MAP.entries)
