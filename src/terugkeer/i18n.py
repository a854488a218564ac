"""Labels, help texts, dates and numbers in Dutch or English.

Texts come from gettext catalogues shipped in the package (``locale/<lang>/LC_MESSAGES``) and are
looked up by message id when asked, never at import. A regional locale (``nl_BE``, ``en-GB``)
falls back to its language; an unknown one is an :class:`~terugkeer.errors.UnsupportedLocaleError`
listing the available ones. Dates and numbers are formatted by Babel, imported on first use.

>>> from terugkeer import FACTORS, label
>>> label(FACTORS.get("F02"), "en")
'Safety in the country of origin, as the client sees it'
>>> label(FACTORS.get("F02"), "nl_BE")
'Veiligheid in het land van herkomst, zoals de cliënt die ziet'
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as _gettext
import re
from typing import Any, Literal, Protocol

import attrs

from .catalogues.problem_rows import FALLBACK_CODE
from .errors import Problem, UnsupportedLocaleError

__all__ = [
    "AVAILABLE_LOCALES",
    "DATE_LOCALES",
    "DEFAULT_LOCALE",
    "Labelled",
    "Texts",
    "country_codes",
    "country_name",
    "field_label",
    "field_message_id",
    "format_date",
    "format_number",
    "help_text",
    "label",
    "problem_message",
    "resolve_locale",
    "text",
]

DOMAIN = "terugkeer"
#: The locales with a complete catalogue.
AVAILABLE_LOCALES: tuple[str, ...] = ("en", "nl")
#: The locale used when none is given: the methodology's own language.
DEFAULT_LOCALE = "nl"
_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*")


class Labelled(Protocol):
    """Anything with a gettext message id for its label (factors, enum members, ...)."""

    @property
    def message_id(self) -> str: ...


def resolve_locale(locale: str) -> str:
    """The available language for a locale tag: ``nl_BE`` → ``nl``; unknown → an error.

    >>> resolve_locale("en-GB")
    'en'
    """
    match = _TAG.fullmatch(locale) if isinstance(locale, str) else None
    language = match.group(1).lower() if match else None
    if language not in AVAILABLE_LOCALES:
        raise UnsupportedLocaleError(str(locale), AVAILABLE_LOCALES)
    return language


@functools.cache
def _translations(language: str) -> _gettext.GNUTranslations:
    from importlib import resources  # imported on first use: it costs ~10 ms at import

    folder = resources.files("terugkeer") / "locale" / language / "LC_MESSAGES"
    with (folder / f"{DOMAIN}.mo").open("rb") as mo_file:
        return _gettext.GNUTranslations(mo_file)


def text(message_id: str, locale: str = DEFAULT_LOCALE) -> str:
    """The text of a message id in a locale (the id itself if the catalogue lacks it)."""
    return _translations(resolve_locale(locale)).gettext(message_id)


def label(item: Labelled, locale: str = DEFAULT_LOCALE) -> str:
    """The label of a factor, an enum member or any other :class:`Labelled` item."""
    return text(item.message_id, locale)


def field_message_id(record_type: type, name: str) -> str:
    """Message id of the label a form shows for one field of a record: ``Field.<Class>.<name>``.

    An unknown field is a ``KeyError``: a typo must not silently print a message id.

    >>> from terugkeer.overviews import ChangePossibility
    >>> field_message_id(ChangePossibility, "helpers")
    'Field.ChangePossibility.helpers'
    """
    fields = getattr(record_type, "__attrs_attrs__", ())
    if name not in {f.name for f in fields}:
        raise KeyError(name)
    return f"Field.{record_type.__name__}.{name}"


def field_label(record_type: type, name: str, locale: str = DEFAULT_LOCALE) -> str:
    """The label a form shows for one field of a record, e.g. Overview 2's "with whose help".

    >>> from terugkeer.actionplan import OrganisationInfo
    >>> field_label(OrganisationInfo, "file_number", "en")
    'File number'
    """
    return text(field_message_id(record_type, name), locale)


def problem_message(problem: Problem, locale: str = DEFAULT_LOCALE) -> str:
    """What a problem means, for a person, in the locale: the message of its code with its
    parameters filled in (never an input value; the path says where).

    >>> from terugkeer.errors import Problem
    >>> problem_message(Problem("$.plan.safety.worries", "list.too_long", {"max": 100}), "nl")
    'Deze lijst mag hoogstens 100 regels hebben.'
    """
    template = text(f"Problem.{problem.code}", locale)
    try:
        return template.format(**problem.params)
    except (KeyError, IndexError, ValueError):  # a translation that names another parameter
        return text(f"Problem.{FALLBACK_CODE}", locale)


class _HasHelp(Protocol):
    @property
    def help_message_id(self) -> str: ...


def help_text(item: _HasHelp, locale: str = DEFAULT_LOCALE) -> str:
    """The short help text of an item that has one, such as a :class:`~terugkeer.Factor`."""
    return text(item.help_message_id, locale)


#: The CLDR locale dates are written in, where it is not the language itself: English as it is
#: written in the Netherlands (``en_NL``: day, month, year), where the counsellors and clients are.
DATE_LOCALES: dict[str, str] = {"en": "en_NL"}


def format_date(
    value: dt.date,
    locale: str = DEFAULT_LOCALE,
    format: Literal["short", "medium", "long", "full"] = "long",
) -> str:
    """A date written the way the locale writes it (Babel/CLDR).

    >>> format_date(dt.date(2026, 3, 2), "nl")
    '2 maart 2026'
    """
    from babel.dates import format_date as babel_format_date

    language = resolve_locale(locale)
    return babel_format_date(value, format=format, locale=DATE_LOCALES.get(language, language))


def format_number(value: int | float, locale: str = DEFAULT_LOCALE) -> str:
    """A number written the way the locale writes it (Babel/CLDR).

    >>> format_number(1234.5, "nl")
    '1.234,5'
    """
    from babel.numbers import format_decimal

    return format_decimal(value, locale=resolve_locale(locale))


@functools.cache
def country_codes() -> dict[str, str]:
    """Every ISO 3166-1 alpha-2 code Babel knows, found by itself and by its Dutch and English
    names, all case-folded (``"sy"``, ``"syria"``, ``"syrië"`` → ``"SY"``).

    >>> country_codes()["syrië"], country_codes()["sy"]
    ('SY', 'SY')
    """
    import babel

    found: dict[str, str] = {}
    for language in AVAILABLE_LOCALES:
        for code, name in babel.Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha() and code != "ZZ":  # ZZ: unknown region
                found.setdefault(code.casefold(), code)
                found.setdefault(name.casefold(), code)
    return found


def country_name(code: str, locale: str = DEFAULT_LOCALE) -> str:
    """A country's name in a locale, by its ISO 3166-1 code (the code itself if unknown).

    >>> country_name("SY", "nl")
    'Syrië'
    """
    import babel

    territories = babel.Locale.parse(resolve_locale(locale)).territories
    return str(territories.get(code, code))


_APPENDIX = re.compile(r"\bB(\d{1,2})\b")


@attrs.frozen(weakref_slot=False)
class Texts:
    """The texts of one locale, resolved once, the way Babel resolves a ``Locale``.

    Renderers take a ``Texts`` instead of a locale string. An unknown locale fails here, once,
    listing the supported ones.

    >>> en = Texts("en-GB")
    >>> en.language
    'en'
    >>> en.cite("B5, §5.3")
    'Appendix 5, §5.3'
    >>> Texts("nl").cite("B5")
    'Bijlage 5'
    """

    language: str = attrs.field(converter=resolve_locale)

    def __call__(self, message_id: str, **values: Any) -> str:
        """The text of a message id, with ``{name}`` placeholders filled from ``values``."""
        found = _translations(self.language).gettext(message_id)
        return found.format(**values) if values else found

    def label(self, item: Labelled) -> str:
        """The label of a factor, an enum member or any other :class:`Labelled` item."""
        return _translations(self.language).gettext(item.message_id)

    def field(self, record_type: type, name: str) -> str:
        """The label a form shows for one field of a record (see :func:`field_label`)."""
        return self(field_message_id(record_type, name))

    def date(
        self, value: dt.date, format: Literal["short", "medium", "long", "full"] = "long"
    ) -> str:
        """A date written the way this locale writes it."""
        return format_date(value, self.language, format)

    def number(self, value: int | float) -> str:
        """A number written the way this locale writes it."""
        return format_number(value, self.language)

    def cite(self, reference: str) -> str:
        """A citation of the book in words a counsellor knows: ``B5`` becomes "Bijlage 5"."""
        word = self("cite.appendix")
        return _APPENDIX.sub(lambda m: f"{word} {m.group(1)}", reference)

    @property
    def direction(self) -> str:
        """The writing direction of the locale, ``ltr`` or ``rtl`` (Babel/CLDR)."""
        from babel import Locale

        return str(Locale.parse(self.language).text_direction)
