"""The one type of an instrument's entries: in book order, and looked up by stable id.

Overview 1's factors, the signals, the risk and protective factors, the suicide-threat steps, the
plan's sections, the wellbeing items, the social map's entries and the currencies are each a
:class:`Catalogue`. It reads like the tuple it replaces (``len``, iteration, ``[0]``) and looks an
entry up by its id; an unknown id is a :class:`~terugkeer.errors.ValidationError` that names the
catalogue, never the id asked for.

>>> from terugkeer.factors import FACTORS
>>> FACTORS.get("F19").number, len(FACTORS), FACTORS[0].id
(19, 19, 'F01')
>>> FACTORS.has("F20"), FACTORS.find("F20")
(False, None)
>>> FACTORS.get("F20")
Traceback (most recent call last):
terugkeer.errors.ValidationError: 1 problem: $: unknown factor id
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, Protocol, TypeVar, overload

from .errors import ValidationError

__all__ = ["Catalogue", "Entry"]


class Entry(Protocol):
    """What a catalogue holds: anything with a stable ``id``."""

    @property
    def id(self) -> str: ...


E = TypeVar("E", bound=Entry, covariant=True)


class Catalogue(Sequence[E], Generic[E]):
    """An instrument's entries, in book order, each found by its stable ``id``.

    ``name`` says what an entry is (``factor``), for the message about an unknown id. The
    entries are fixed when it is made: two with one id are refused, nothing is added later.
    """

    __slots__ = ("_by_id", "_entries", "name")

    def __init__(self, name: str, entries: Iterable[E]) -> None:
        self.name = name
        self._entries: tuple[E, ...] = tuple(entries)
        self._by_id: dict[str, E] = {entry.id: entry for entry in self._entries}
        if len(self._by_id) != len(self._entries):
            raise ValueError(f"two {name} entries share an id")

    @overload
    def __getitem__(self, index: int) -> E: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[E, ...]: ...

    def __getitem__(self, index: int | slice) -> E | tuple[E, ...]:
        """An entry by its position in book order (an id goes to :meth:`get`)."""
        return self._entries[index]

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[E]:
        return iter(self._entries)

    def __repr__(self) -> str:
        return f"Catalogue({self.name!r}, {len(self._entries)} entries)"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Catalogue):
            return self.name == other.name and self._entries == other._entries
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.name, self._entries))

    def get(self, entry_id: str) -> E:
        """The entry with this id; an unknown id (or not a string) is a ValidationError."""
        found = self._by_id.get(entry_id) if type(entry_id) is str else None
        if found is None:
            raise ValidationError.at("$", "id.unknown", {"kind": self.name})
        return found

    def find(self, entry_id: object) -> E | None:
        """The entry with this id, or None."""
        return self._by_id.get(entry_id) if type(entry_id) is str else None

    def has(self, entry_id: object) -> bool:
        """Whether an entry has this id."""
        return type(entry_id) is str and entry_id in self._by_id

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id, in book order."""
        return tuple(self._by_id)
