"""The shape of a printed instrument, once, for every output: sections of headings, paragraphs,
lists, labelled answers and tables, in which the text people typed is marked as such.

The builders in :mod:`terugkeer.reports.pages` make these blocks from the records;
:mod:`terugkeer.reports.html` writes them as semantic HTML and :mod:`terugkeer.reports.text` as
lines of text with the same structure. A :class:`Value` is text a person typed (a name, a note, an
answer): HTML isolates it (``<bdi>``) and wraps it anywhere, text shows its control characters. The
library's own words are plain strings.

>>> table = Table(head=(Row((Cell("Factor", header=True), Cell("Score", header=True))),),
...               body=(Row((Cell(("2. ", Value("Safety"))), Cell("−1"))),))
>>> [c.text for c in table.body[0].cells][0]
('2. ', Value(text='Safety'))
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from terugkeer.reports.markup import Markup

__all__ = [
    "Block",
    "Cell",
    "Field",
    "Fields",
    "Figure",
    "Inline",
    "Items",
    "Para",
    "Row",
    "Section",
    "Table",
    "Value",
    "inline",
    "plain",
    "sections",
]


@attrs.frozen(weakref_slot=False)
class Value:
    """Text a person typed: printed as it is, isolated from the text around it."""

    text: str


#: A run of text: the library's words (``str``) and what people typed (:class:`Value`).
Inline = tuple[str | Value, ...]


def inline(*parts: str | Value | Inline | None) -> Inline:
    """Parts as one run of text; ``None`` and empty parts are left out.

    >>> inline("a", None, Value("b"), ("c",))
    ('a', Value(text='b'), 'c')
    """
    out: list[str | Value] = []
    for part in parts:
        if part is None or part == "":
            continue
        if isinstance(part, tuple):
            out.extend(part)
        else:
            out.append(part)
    return tuple(out)


def plain(run: Inline | str) -> str:
    """A run as one string, for places that hold no markup (a page title, an SVG label).

    >>> plain(("2. ", Value("Safety")))
    '2. Safety'
    """
    if isinstance(run, str):
        return run
    return "".join(p.text if isinstance(p, Value) else p for p in run)


def _field_rows(values: Iterable[Field]) -> tuple[Field, ...]:
    return tuple(values)


def _cells(values: Iterable[Cell]) -> tuple[Cell, ...]:
    return tuple(values)


def _rows(values: Iterable[Row]) -> tuple[Row, ...]:
    return tuple(values)


def _entries(values: Iterable[object]) -> tuple[Inline, ...]:
    return tuple(_run(x) for x in values)


def _maybe_run(value: object) -> Inline | None:
    return None if value is None else _run(value)


def _blocks(values: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(values)


def _run(value: object) -> Inline:
    if isinstance(value, tuple):
        return value
    if isinstance(value, (Value, str)):  # a str subclass (a bilingual text) stays what it is
        return (value,)
    return (str(value),)


@attrs.frozen(weakref_slot=False)
class Para:
    """A paragraph; ``kind`` names its role for styling (``note``, ``describes``, ``guidance``)."""

    text: Inline = attrs.field(converter=_run)
    kind: str = ""


@attrs.frozen(weakref_slot=False)
class Items:
    """A list; ``ordered`` when its order is the order of steps."""

    entries: tuple[Inline, ...] = attrs.field(converter=_entries)
    ordered: bool = False
    kind: str = ""


@attrs.frozen(weakref_slot=False)
class Field:
    """A question and its answer; ``None`` is a question nobody answered yet (an open line)."""

    label: Inline = attrs.field(converter=_run)
    value: Inline | None = attrs.field(default=None, converter=_maybe_run)


@attrs.frozen(weakref_slot=False)
class Fields:
    """Questions with their answers, in form order."""

    rows: tuple[Field, ...] = attrs.field(converter=_field_rows)
    kind: str = ""


@attrs.frozen(weakref_slot=False)
class Cell:
    """One cell: a header cell names its row or column; ``span`` columns wide."""

    text: Inline = attrs.field(default=(), converter=_run)
    header: bool = False
    span: int = 1
    kind: str = ""
    #: What a screen reader hears instead of the text (for a mark such as ●), if anything.
    spoken: str = ""


@attrs.frozen(weakref_slot=False)
class Row:
    """A table row; a ``note`` is printed below the row over the whole width, kept with it."""

    cells: tuple[Cell, ...] = attrs.field(converter=_cells)
    kind: str = ""
    note: Inline | None = attrs.field(default=None, converter=_maybe_run)


@attrs.frozen(weakref_slot=False)
class Table:
    """A table with column headings (``head``), rows and an optional caption."""

    head: tuple[Row, ...] = attrs.field(converter=_rows)
    body: tuple[Row, ...] = attrs.field(converter=_rows)
    caption: Inline = attrs.field(default=(), converter=_run)
    kind: str = ""
    #: Column widths as fractions for print (HTML only); empty leaves them to the browser.
    widths: tuple[float, ...] = ()


@attrs.frozen(weakref_slot=False)
class Figure:
    """A picture (HTML only) with its key beside it; text output shows the key alone, because
    the same numbers stand in a table next to every figure."""

    svg: Markup
    key: tuple[tuple[str, Inline], ...] = ()  #: (symbol's SVG, what it means)
    caption: Inline = attrs.field(default=(), converter=_run)


@attrs.frozen(weakref_slot=False)
class Section:
    """A titled part of a page; sections nest (a child, an appointment, a medicine)."""

    id: str
    heading: Inline = attrs.field(converter=_run)
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks)
    kind: str = ""


Block = Para | Items | Fields | Table | Figure | Section


def sections(blocks: Iterable[Block]) -> tuple[Section, ...]:
    """The sections among ``blocks``, at any depth, in order (for tests and tables of content)."""
    found: list[Section] = []
    for block in blocks:
        if isinstance(block, Section):
            found.append(block)
            found += sections(block.blocks)
    return tuple(found)
