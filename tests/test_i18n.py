"""Catalogues: complete in Dutch and English, checked by Babel, compiled, resolved lazily."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from importlib import resources
from pathlib import Path

import attrs
import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import terugkeer
from terugkeer import AVAILABLE_LOCALES, FACTORS, UnsupportedLocaleError, label
from terugkeer._labelled import LabelledEnum
from terugkeer.catalogues.plan_rows import ATTENTION_ROWS
from terugkeer.context import CONTEXT_TEXTS
from terugkeer.factors import SCALE_LEGEND, SCALE_NOTE
from terugkeer.health import CHECKLIST_QUESTIONS
from terugkeer.healthfindings import ART64_NOTE, FindingKind
from terugkeer.i18n import (
    LOCALES,
    Labelled,
    field_message_id,
    format_date,
    format_number,
    help_text,
    resolve_locale,
)
from terugkeer.planning import PLAN_SECTIONS
from terugkeer.referral import GuidanceKind
from terugkeer.signals import (
    EMOTION_RESPONSES,
    PROTECTIVE_FACTORS,
    RISK_FACTORS,
    SIGNALS,
    SUICIDE_GUIDANCE,
    SUICIDE_STEPS,
)
from terugkeer.socialmap import BOOK_SOCIAL_MAP
from terugkeer.wellbeing import WELLBEING_ITEMS

LOCALE_DIR = Path(__file__).resolve().parents[1] / "src" / "terugkeer" / "locale"
#: The records whose fields a form shows with a label of their own (the plan's sections have
#: their questions in PLAN_SECTIONS instead).
FORM_RECORDS: tuple[type, ...] = (
    terugkeer.actionplan.OrganisationInfo,
    terugkeer.actionplan.ClientInfo,
    terugkeer.actionplan.FamilyMemberView,
    terugkeer.ChangePossibility,
    terugkeer.WeightyFactor,
    terugkeer.Assessment,
    terugkeer.factors.NewConsideration,
    terugkeer.signals.SignalObservation,
    terugkeer.wellbeing.EmotionExample,
    terugkeer.wellbeing.IntervisionEntry,
)
ENUMS: list[type[LabelledEnum]] = [
    t for t in vars(terugkeer).values() if isinstance(t, type) and issubclass(t, LabelledEnum)
]


def used_message_ids() -> set[str]:
    """Every message id the catalogues of the instruments use."""
    ids = {f.message_id for f in FACTORS} | {f.help_message_id for f in FACTORS}
    ids |= {s.message_id for s in PLAN_SECTIONS}
    ids |= {q.message_id for s in PLAN_SECTIONS for q in s.questions}
    ids |= {q.message_id for q in CHECKLIST_QUESTIONS}
    ids |= {f"HealthFinding.{kind.value}" for kind in FindingKind}
    entries: list[Labelled] = [*SIGNALS, *RISK_FACTORS, *PROTECTIVE_FACTORS, *SUICIDE_STEPS]
    ids |= {entry.message_id for entry in entries}
    ids |= {f"Guidance.{kind.value}" for kind in GuidanceKind}
    ids |= {item.message_id for item in WELLBEING_ITEMS}
    ids |= {point.message_id for point in SCALE_LEGEND} | {SCALE_NOTE}
    texts: list[Labelled] = [*SUICIDE_GUIDANCE, *EMOTION_RESPONSES, *CONTEXT_TEXTS]
    ids |= {t.message_id for t in texts}
    ids |= {e.message_id for e in BOOK_SOCIAL_MAP.entries if e.message_id is not None}
    ids |= {row.reason_message_id for row in ATTENTION_ROWS} | {ART64_NOTE}
    ids |= {field_message_id(cls, f.name) for cls in FORM_RECORDS for f in attrs.fields(cls)}
    return ids | {m.message_id for e in ENUMS for m in e}


def _key(message_id: str | tuple[str, ...] | list[str]) -> str:
    """A catalogue entry's message id (a plural entry has its singular id first)."""
    return message_id if isinstance(message_id, str) else message_id[0]


def _text(string: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    return (string,) if isinstance(string, str) else tuple(string or ())


@pytest.mark.parametrize("locale", AVAILABLE_LOCALES)
def test_every_message_id_has_a_non_empty_text(locale: str) -> None:
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "terugkeer.po").open("rb") as f:
        catalog = read_po(f)
    texts = {_key(m.id): m.string for m in catalog if m.id}
    missing = sorted(i for i in used_message_ids() if not texts.get(i))
    assert missing == []
    assert all(texts.values()), "every entry in the catalogue is translated"


def test_both_catalogues_have_the_same_message_ids() -> None:
    ids = []
    for locale in AVAILABLE_LOCALES:
        with (LOCALE_DIR / locale / "LC_MESSAGES" / "terugkeer.po").open("rb") as f:
            ids.append({_key(m.id) for m in read_po(f) if m.id})
    assert ids[0] == ids[1]


@pytest.mark.parametrize("locale", LOCALES)
def test_babel_finds_no_problem_in_the_catalogue(locale: str) -> None:
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "terugkeer.po").open("rb") as f:
        catalog = read_po(f)
    assert list(catalog.check()) == []
    assert not [m.id for m in catalog if m.id and m.fuzzy]


@pytest.mark.parametrize("locale", LOCALES)
def test_installed_mo_matches_the_po(locale: str) -> None:
    """The compiled catalogue shipped with the package is built from the current .po."""
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "terugkeer.po").open("rb") as f:
        source = {_key(m.id): _text(m.string) for m in read_po(f) if m.id}
    mo = resources.files("terugkeer") / "locale" / locale / "LC_MESSAGES" / "terugkeer.mo"
    with mo.open("rb") as f:
        compiled = {_key(m.id): _text(m.string) for m in read_mo(f) if m.id}
    assert compiled == source


def test_labels_differ_between_locales_and_resolve_regional_tags() -> None:
    f02 = terugkeer.FACTORS.get("F02")
    assert label(f02, "nl") != label(f02, "en")
    assert label(f02, "nl_BE") == label(f02, "nl")
    assert label(f02, "en-GB") == label(f02, "en")
    assert help_text(f02, "en")
    assert resolve_locale("NL") == "nl"


@pytest.mark.parametrize("bad", ["de", "", "xx_YY", "nl/../../etc"])
def test_an_unknown_locale_lists_the_available_ones(bad: str) -> None:
    with pytest.raises(UnsupportedLocaleError) as info:
        label(terugkeer.factors.FactorGroup.HEALTH, bad)
    assert "ar, en, fa, fr, nl, ru, ti, tr" in str(info.value)
    assert isinstance(info.value, terugkeer.TerugkeerError)


def test_dates_and_numbers_follow_the_locale() -> None:
    day = dt.date(2026, 6, 15)
    assert format_date(day, "nl") == "15 juni 2026"
    assert format_date(day, "en") == "15 June 2026"  # English as written in the Netherlands (en_NL)
    assert format_number(1234.5, "en") == "1,234.5"


def test_importing_terugkeer_does_not_import_babel() -> None:
    code = "import sys, terugkeer; assert 'babel' not in sys.modules, 'babel imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_labels_are_not_resolved_at_import() -> None:
    code = (
        "import terugkeer.i18n as i, terugkeer; assert i._translations.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
