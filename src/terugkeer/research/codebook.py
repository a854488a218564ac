"""The codebook of the research export, from the same table definitions the rows come from.

Two forms of the same facts:

- :func:`codebook_rows` and :func:`code_rows`: one row per column and one per allowed code, with
  Dutch and English labels (written as ``codebook.csv`` and ``codebook_codes.csv``);
- :func:`datapackage`: a Frictionless Data Package (``datapackage.json``) with each table's
  ``schema.fields`` (type, title, ``categories`` and an ``enum`` constraint for coded columns),
  primary key and foreign key to its parent table, so pandas, R and ``frictionless`` read it.

Coded columns in SPSS and Stata files hold numbers: each code's ``number`` is its position in
the column's codes (1, 2 …), except for codes that are numbers themselves (scores), which keep
their value.

>>> from terugkeer.research.tables import table
>>> rows = [r for r in codebook_rows([table("ratings")])]
>>> [(r["column_name"], r["type"], r["label_en"]) for r in rows][3:]
[('kind', 'string', 'Discussed and scored?'), ('score', 'integer', 'Score (−3 to +3)')]
>>> [r["code"] for r in code_rows([table("ratings")]) if r["column_name"] == "kind"]
['scored', 'unscored', 'skipped']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from terugkeer.i18n import country_name, text
from terugkeer.research.tables import Code, Column, ColumnType, Table, stata_name

__all__ = [
    "CODEBOOK_COLUMNS",
    "CODE_COLUMNS",
    "code_label",
    "code_number",
    "code_rows",
    "codebook_rows",
    "column_label",
    "datapackage",
]

#: The columns of ``codebook.csv``, in order.
CODEBOOK_COLUMNS: tuple[str, ...] = (
    "table_name",
    "table_label_nl",
    "table_label_en",
    "column_name",
    "stata_name",
    "position",
    "type",
    "key",
    "unit_nl",
    "unit_en",
    "field_group",
    "source",
    "codes",
    "label_nl",
    "label_en",
)

#: The columns of ``codebook_codes.csv``, in order.
CODE_COLUMNS: tuple[str, ...] = (
    "table_name",
    "column_name",
    "code",
    "number",
    "label_nl",
    "label_en",
)

_SEPARATOR = " › "


def column_label(column: Column, locale: str = "en") -> str:
    """A column's label: the labels of its path (group › question › code), outermost first."""
    return _SEPARATOR.join(text(m, locale) for m in column.message_ids)


def code_label(column: Column, code: Code, locale: str = "en") -> str:
    """A code's label: its message, a country's name for ISO codes, else the code itself."""
    if code.message_id is not None:
        return text(code.message_id, locale)
    if column.unit == "Research.unit.iso_country":
        return country_name(str(code.value), locale)
    return str(code.value)


def code_number(column: Column, value: str | int) -> int:
    """The number a code gets in SPSS and Stata files (see the module docstring); a
    ``KeyError`` when ``value`` is not one of the column's codes."""
    if isinstance(value, int) and not isinstance(value, bool):
        if any(c.value == value for c in column.codes):
            return value
        raise KeyError(value)
    for number, code in enumerate(column.codes, start=1):
        if code.value == value:
            return number
    raise KeyError(value)


def codebook_rows(tables: Iterable[Table]) -> Iterator[dict[str, str | int | bool]]:
    """One row per column of every table (see :data:`CODEBOOK_COLUMNS`)."""
    for table in tables:
        for position, column in enumerate(table.columns, start=1):
            yield {
                "table_name": table.name,
                "table_label_nl": text(table.message_id, "nl"),
                "table_label_en": text(table.message_id, "en"),
                "column_name": column.name,
                "stata_name": stata_name(column.name),
                "position": position,
                "type": column.type.value,
                "key": column.key,
                "unit_nl": text(column.unit, "nl") if column.unit else "",
                "unit_en": text(column.unit, "en") if column.unit else "",
                "field_group": column.group.value if column.group else "",
                "source": column.source,
                "codes": len(column.codes),
                "label_nl": column_label(column, "nl"),
                "label_en": column_label(column, "en"),
            }


def code_rows(tables: Iterable[Table]) -> Iterator[dict[str, str | int]]:
    """One row per allowed code of every coded column (see :data:`CODE_COLUMNS`)."""
    for table in tables:
        for column in table.columns:
            for code in column.codes:
                yield {
                    "table_name": table.name,
                    "column_name": column.name,
                    "code": code.value,
                    "number": code_number(column, code.value),
                    "label_nl": code_label(column, code, "nl"),
                    "label_en": code_label(column, code, "en"),
                }


_TYPES = {
    ColumnType.STRING: "string",
    ColumnType.INTEGER: "integer",
    ColumnType.NUMBER: "number",
    ColumnType.BOOLEAN: "boolean",
    ColumnType.YEARMONTH: "yearmonth",
}


def _field(column: Column, locale: str) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": _TYPES[column.type],
        "title": column_label(column, locale),
    }
    if column.unit:
        field["description"] = text(column.unit, locale)
    if column.type is ColumnType.BOOLEAN:
        field |= {"trueValues": ["true"], "falseValues": ["false"]}
    if column.codes:
        field["categories"] = [
            {"value": code.value, "label": code_label(column, code, locale)}
            for code in column.codes
        ]
        field["constraints"] = {"enum": [code.value for code in column.codes]}
    if column.key:
        field.setdefault("constraints", {})["required"] = True
    return field


def datapackage(
    tables: Iterable[Table],
    paths: Mapping[str, str | list[str]],
    *,
    fmt: str = "csv",
    locale: str = "en",
) -> dict[str, Any]:
    """A Frictionless Data Package describing the tables written at ``paths`` (a table's file,
    or its part files, relative to the package), labelled in ``locale``."""
    chosen = list(tables)
    keys = {t.name: t.primary_key for t in chosen}
    resources = []
    for table in chosen:
        schema: dict[str, Any] = {
            "fields": [_field(c, locale) for c in table.columns],
            "primaryKey": list(table.primary_key),
            # Parquet holds real nulls; frictionless reads Parquet through pandas, which turns a
            # null in a number column into NaN (and in a moment column into NaT) and then
            # checks that as a cell: so those are missing values too, for Parquet only.
            "missingValues": ["", "nan", "NaT", "None"] if fmt == "parquet" else [""],
        }
        if table.parent is not None:
            parent_key = list(keys[table.parent])
            schema["foreignKeys"] = [
                {
                    "fields": parent_key,
                    "reference": {"resource": table.parent, "fields": parent_key},
                }
            ]
        resource: dict[str, Any] = {
            "name": table.name,
            "title": text(table.message_id, locale),
            "path": paths[table.name],
            "format": fmt,
            "schema": schema,
        }
        if fmt == "csv":
            resource |= {
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
            }
        resources.append(resource)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "terugkeer-research-export",
        "title": text("Research.package", locale),
        "resources": resources,
    }
