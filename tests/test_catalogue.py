"""One Catalogue type for every instrument's entries: book order, lookup by stable id."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

import terugkeer
from terugkeer import ValidationError
from terugkeer.catalogue import Catalogue
from terugkeer.factors import FACTORS, Factor
from terugkeer.health import CURRENCIES
from terugkeer.planning import PLAN_SECTIONS
from terugkeer.signals import PROTECTIVE_FACTORS, RISK_FACTORS, SIGNALS, SUICIDE_STEPS
from terugkeer.socialmap import BOOK_MAP_ENTRIES
from terugkeer.wellbeing import WELLBEING_ITEMS

ALL: dict[str, Catalogue[Any]] = {
    "factor": FACTORS,
    "signal": SIGNALS,
    "risk factor": RISK_FACTORS,
    "protective factor": PROTECTIVE_FACTORS,
    "suicide-step": SUICIDE_STEPS,
    "plan section": PLAN_SECTIONS,
    "wellbeing item": WELLBEING_ITEMS,
    "social map entry": BOOK_MAP_ENTRIES,
    "currency": CURRENCIES,
}


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_catalogue_finds_each_entry_by_its_id_in_book_order(name: str) -> None:
    catalogue = ALL[name]
    assert isinstance(catalogue, Catalogue) and catalogue.name == name
    assert len(catalogue) > 0
    for position, entry in enumerate(catalogue):
        assert catalogue.get(entry.id) is entry
        assert catalogue[position] is entry
        assert catalogue.has(entry.id)
    assert catalogue.ids == tuple(entry.id for entry in catalogue)
    assert len(set(catalogue.ids)) == len(catalogue)


@pytest.mark.parametrize("name", sorted(ALL))
@pytest.mark.parametrize("asked", ["no such id", "", 7, None])
def test_an_unknown_id_is_a_problem_that_names_the_catalogue_not_the_id(
    name: str, asked: object
) -> None:
    catalogue = ALL[name]
    assert catalogue.find(asked) is None and not catalogue.has(asked)
    with pytest.raises(ValidationError) as info:
        catalogue.get(asked)  # type: ignore[arg-type]
    assert info.value.problems[0].reason == f"unknown {name} id"
    assert "no such id" not in str(info.value)


def test_the_catalogues_hold_the_books_counts() -> None:
    counts = {name: len(c) for name, c in ALL.items() if name != "currency"}
    assert counts["factor"] == 19 and counts["plan section"] == 14
    assert counts["risk factor"] == 10 and counts["protective factor"] == 8
    assert CURRENCIES.has("EUR") and CURRENCIES.has("SYP") and not CURRENCIES.has("eur")


def test_two_entries_with_one_id_are_refused() -> None:
    with pytest.raises(ValueError, match="share an id"):
        Catalogue("factor", [FACTORS[0], FACTORS[0]])


def test_a_catalogue_reads_like_the_tuple_it_replaced() -> None:
    assert FACTORS[:2] == (FACTORS[0], FACTORS[1])
    assert next(reversed(FACTORS)).id == "F19"
    assert FACTORS.index(FACTORS.get("F07")) == 6
    factor: Factor = FACTORS[-1]
    assert factor.number == 19


@pytest.mark.parametrize(
    ("module", "old", "new_home", "catalogue"),
    [
        ("terugkeer", "get_factor", "terugkeer.FACTORS.get", "factor"),
        ("terugkeer.factors", "get_factor", "FACTORS.get", "factor"),
        ("terugkeer.signals", "get_signal", "SIGNALS.get", "signal"),
        ("terugkeer.signals", "get_suicide_step", "SUICIDE_STEPS.get", "suicide-step"),
        ("terugkeer.wellbeing", "get_wellbeing_item", "WELLBEING_ITEMS.get", "wellbeing item"),
        ("terugkeer.planning", "get_plan_section", "PLAN_SECTIONS.get", "plan section"),
    ],
)
def test_a_replaced_lookup_works_for_one_more_minor_version_with_a_warning(
    module: str, old: str, new_home: str, catalogue: str
) -> None:
    import importlib

    namespace = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=new_home.replace(".", r"\.")):
        lookup = getattr(namespace, old)
    first = ALL[catalogue][0]
    assert lookup(first.id) is first
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(AttributeError):
            namespace.get_nothing
    assert old not in namespace.__all__


def test_the_top_level_names_no_longer_list_get_factor() -> None:
    assert "get_factor" not in terugkeer.__all__ and "FACTORS" in terugkeer.__all__
