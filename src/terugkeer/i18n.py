"""Labels, help texts, dates and numbers in Dutch and English, and the client-facing texts in the
clients' languages.

Texts come from gettext catalogues shipped in the package (``locale/<lang>/LC_MESSAGES``) and are
looked up by message id when asked, never at import. A regional locale (``nl_BE``, ``en-GB``)
falls back to its language; an unknown one is an :class:`~terugkeer.errors.UnsupportedLocaleError`
listing the supported ones. Dates and numbers are formatted by Babel, imported on first use.

Dutch and English are complete. The client languages (:data:`CLIENT_LOCALES`) hold the texts a
client reads (:data:`~terugkeer.catalogues.client_rows.CLIENT_MESSAGE_IDS`); for any other text a
:class:`Texts` falls back to the language its caller chose, and says so (:meth:`Texts.language_of`).
Each catalogue carries its review status: a client language stays a ``draft`` until a native
speaker has reviewed it (:attr:`Texts.review_status`).

>>> from terugkeer import FACTORS, label
>>> label(FACTORS.get("F02"), "en")
'Safety in the country of origin, as the client sees it'
>>> label(FACTORS.get("F02"), "nl_BE")
'Veiligheid in het land van herkomst, zoals de cliënt die ziet'
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import gettext as _gettext
import re
from typing import Any, Literal, Protocol

import attrs

from .catalogues.client_rows import CLIENT_MESSAGE_IDS
from .catalogues.problem_rows import FALLBACK_CODE
from .errors import Problem, UnsupportedLocaleError

__all__ = [
    "AVAILABLE_LOCALES",
    "CLIENT_LOCALES",
    "CLIENT_MESSAGE_IDS",
    "DATE_LOCALES",
    "DEFAULT_LOCALE",
    "LOCALES",
    "Bilingual",
    "Labelled",
    "ReviewState",
    "ReviewStatus",
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
#: The locales with a complete catalogue: every text, for counsellor and client.
AVAILABLE_LOCALES: tuple[str, ...] = ("en", "nl")
#: The clients' languages: the client-facing texts only, written by this project (Arabic,
#: Persian, French, Russian, Tigrinya, Turkish). Drafts until a native speaker reviews them.
CLIENT_LOCALES: tuple[str, ...] = ("ar", "fa", "fr", "ru", "ti", "tr")
#: Every locale a text can be asked in.
LOCALES: tuple[str, ...] = tuple(sorted(AVAILABLE_LOCALES + CLIENT_LOCALES))
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
    if language not in LOCALES:
        raise UnsupportedLocaleError(str(locale), LOCALES)
    return language


def _complete_locale(locale: str) -> str:
    """A locale whose catalogue is complete (``nl`` or ``en``): what a text falls back to."""
    language = resolve_locale(locale)
    if language not in AVAILABLE_LOCALES:  # a client language holds the client's texts only
        raise UnsupportedLocaleError(str(locale), AVAILABLE_LOCALES, what="complete catalogue")
    return language


@functools.cache
def _translations(language: str) -> _gettext.GNUTranslations:
    from importlib import resources  # imported on first use: it costs ~10 ms at import

    folder = resources.files("terugkeer") / "locale" / language / "LC_MESSAGES"
    with (folder / f"{DOMAIN}.mo").open("rb") as mo_file:
        return _gettext.GNUTranslations(mo_file)


def _own(language: str, message_id: str) -> str | None:
    """The text of a message id in the catalogue of ``language`` itself, or ``None``."""
    found = _translations(language).gettext(message_id)
    return None if found == message_id else found  # no text is its own message id


def text(message_id: str, locale: str = DEFAULT_LOCALE, *, fallback: str = DEFAULT_LOCALE) -> str:
    """The text of a message id in a locale; a counsellor-only text asked in a client language is
    given in ``fallback`` (``nl`` or ``en``). The id itself if no catalogue has it.

    >>> text("Answer.yes", "tr"), text("Signal.S.sleep.nightmares", "tr", fallback="en")
    ('evet', 'has frightening dreams or nightmares')
    """
    return Texts(locale, fallback=fallback)(message_id)


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


class Bilingual(str):
    """A text in the page's language that carries the same text in a second language, to print
    beside it (a bilingual client's copy). Anything that handles a ``str`` handles it; a renderer
    that knows it prints both, each marked with its own language.

    >>> both = Texts("tr", second="nl")("Answer.yes")
    >>> str(both), both.second, both.second_language
    ('evet', 'ja', 'nl')
    """

    second: str
    second_language: str
    #: Whether renderers print the second text (a date written into another text does not).
    shown: bool

    def __new__(cls, text: str, second: str, second_language: str, shown: bool = True) -> Bilingual:
        made = super().__new__(cls, text)
        made.second = second
        made.second_language = second_language
        made.shown = shown
        return made


def _seconds(values: dict[str, Any]) -> dict[str, Any]:
    """Placeholder values for a text's second language: a bilingual value gives its second."""
    return {k: v.second if isinstance(v, Bilingual) else v for k, v in values.items()}


class ReviewState(enum.Enum):
    """Where a catalogue stands: the project's own working languages, a draft, or reviewed."""

    #: Dutch and English: the languages the project writes and maintains its texts in.
    SOURCE = "source"
    #: Written by the project; no native speaker has reviewed it yet.
    DRAFT = "draft"
    #: Reviewed by a native speaker (see :attr:`ReviewStatus.reviewed_on`).
    REVIEWED = "reviewed"


@attrs.frozen(weakref_slot=False)
class ReviewStatus:
    """The review status a catalogue records (its ``Catalogue.review_status`` message): read
    from the catalogue, never assumed."""

    state: ReviewState
    #: The date of the last review (``reviewed`` only).
    reviewed_on: dt.date | None = None

    @property
    def is_draft(self) -> bool:
        """Whether readers must be told that no native speaker has checked these texts."""
        return self.state is ReviewState.DRAFT


#: The message whose text is a catalogue's review status: ``source``, ``draft`` or
#: ``reviewed YYYY-MM-DD``. It travels inside the catalogue, so a reviewer's ``.po`` carries it.
REVIEW_MESSAGE_ID = "Catalogue.review_status"


def _review_status(language: str) -> ReviewStatus:
    found = _own(language, REVIEW_MESSAGE_ID) or "draft"  # an unmarked catalogue is a draft
    state, _, day = found.partition(" ")
    try:
        status = ReviewStatus(ReviewState(state), dt.date.fromisoformat(day) if day else None)
    except ValueError:
        raise ValueError(f"catalogue {language}: unreadable review status") from None
    if (status.state is ReviewState.REVIEWED) != (status.reviewed_on is not None):
        raise ValueError(f"catalogue {language}: 'reviewed' and only 'reviewed' carries a date")
    return status


@attrs.frozen(weakref_slot=False)
class Texts:
    """The texts of one locale, resolved once, the way Babel resolves a ``Locale``.

    Renderers take a ``Texts`` instead of a locale string. An unknown locale fails here, once,
    listing the supported ones. In a client language, a counsellor-only text is given in
    ``fallback`` (``nl`` or ``en``, the caller's choice); :meth:`language_of` says which. With a
    ``second`` language (``nl`` or ``en``) each text is a :class:`Bilingual` that carries it too.

    >>> en = Texts("en-GB")
    >>> en.language
    'en'
    >>> en.cite("B5, §5.3")
    'Appendix 5, §5.3'
    >>> Texts("nl").cite("B5")
    'Bijlage 5'
    >>> ar = Texts("ar", fallback="en")
    >>> ar.language_of("Answer.yes"), ar.language_of("Signal.S.sleep.nightmares")
    ('ar', 'en')
    >>> ar.review_status.state
    <ReviewState.DRAFT: 'draft'>
    """

    language: str = attrs.field(converter=resolve_locale)
    #: The complete language a counsellor-only text is given in, in a client language.
    fallback: str = attrs.field(default=DEFAULT_LOCALE, kw_only=True, converter=_complete_locale)
    #: A second language to carry with every text (a bilingual page), or ``None``.
    second: str | None = attrs.field(
        default=None, kw_only=True, converter=attrs.converters.optional(_complete_locale)
    )

    def __call__(self, message_id: str, **values: Any) -> str:
        """The text of a message id, with ``{name}`` placeholders filled from ``values``."""
        found = self._find(self.language, message_id)
        first = found.format(**values) if values else found
        if self.second is None or self.second == self.language:
            return first
        second = self._find(self.second, message_id)
        if values:
            second = second.format(**_seconds(values))
        return Bilingual(first, second, self.second)

    def _find(self, language: str, message_id: str) -> str:
        own = _own(language, message_id)
        if own is not None:
            return own
        return _translations(self.fallback).gettext(message_id)

    def language_of(self, message_id: str) -> str:
        """The language a message id's text is given in: this locale's, or the fallback's."""
        return self.language if _own(self.language, message_id) is not None else self.fallback

    @property
    def complete(self) -> bool:
        """Whether every text exists in this language (Dutch and English), not only the client's."""
        return self.language in AVAILABLE_LOCALES

    @property
    def review_status(self) -> ReviewStatus:
        """The review status this language's catalogue records (a client language: ``draft``
        until a native speaker has reviewed it)."""
        return _review_status(self.language)

    def count(self, message_id: str, number: int, **values: Any) -> str:
        """A text about ``number`` things in the plural form CLDR gives this language for it
        (Babel's plural rules in the catalogue's ``Plural-Forms``); ``{count}`` is the number.

        >>> Texts("en").count("Overview1.incomplete", 1, factors="3")
        'Not discussed yet: 1 factor (3).'
        """
        values = {**values, "count": self.number(number)}
        first = self._plural(self.language, message_id, number).format(**values)
        if self.second is None or self.second == self.language:
            return first
        theirs = {**_seconds(values), "count": format_number(number, self.second)}
        second = self._plural(self.second, message_id, number).format(**theirs)
        return Bilingual(first, second, self.second)

    def _plural(self, language: str, message_id: str, number: int) -> str:
        plural_id = f"{message_id}.plural"
        for source in (language, self.fallback):
            found = _translations(source).ngettext(message_id, plural_id, number)
            if found not in (message_id, plural_id):
                return found
        return message_id

    def label(self, item: Labelled) -> str:
        """The label of a factor, an enum member or any other :class:`Labelled` item."""
        return self(item.message_id)

    def field(self, record_type: type, name: str) -> str:
        """The label a form shows for one field of a record (see :func:`field_label`)."""
        return self(field_message_id(record_type, name))

    def date(
        self, value: dt.date, format: Literal["short", "medium", "long", "full"] = "long"
    ) -> str:
        """A date written the way this locale writes it (with a second language: carrying the
        date as that language writes it, for the texts it is written into)."""
        first = format_date(value, self.language, format)
        if self.second is None or self.second == self.language:
            return first
        return Bilingual(first, format_date(value, self.second, format), self.second, shown=False)

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

    def language_name(self, code: str) -> str:
        """A language's name in this locale, by its tag (``ar`` → "Arabisch"); the tag itself if
        Babel does not know it."""
        from babel import Locale, UnknownLocaleError

        try:
            name = Locale.parse(self.language).languages.get(
                Locale.parse(code.replace("-", "_")).language
            )
        except (ValueError, UnknownLocaleError):
            return code
        return str(name) if name else code
