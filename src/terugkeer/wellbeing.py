"""The counsellor's own wellbeing (chapter 6, Bijlagen 7–9): instruments for the counsellor.

These records are about the counsellor, not the client: they never belong in a client's file and
have no field for a client's personal data (free text should not name clients either). The
derived views describe what was recognised; they never grade the counsellor.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from . import _fields
from ._checks import check_unique, validated
from ._labelled import LabelledEnum
from ._moved import moved
from .catalogue import Catalogue
from .catalogues.wellbeing_rows import WELLBEING_ROWS
from .errors import Problem

__all__ = [
    "SEVERAL_STRESS_SIGNALS",
    "WELLBEING_ITEMS",
    "CounsellorJournal",
    "EmotionExample",
    "EmotionExercise",
    "IntervisionEntry",
    "IntervisionReflection",
    "ReactionsReflection",
    "ReflectionSummary",
    "SignalsCheck",
    "StressAdvice",
    "StressSelfCheck",
    "WellbeingItem",
    "WellbeingList",
    "items_of",
    "reflection_summary",
    "stress_advice",
]


class WellbeingList(LabelledEnum):
    """The lists of chapter 6 and Bijlagen 7–9."""

    DISTANCE = "distance"  #: §6.1 reactions pointing to too much distance
    INVOLVEMENT = "involvement"  #: §6.1 reactions pointing to over-involvement
    EXERCISE_EMOTION = "exercise_emotion"  #: B7 exercise: emotions clients can evoke
    SIGNAL_GENERAL = "signal_general"  #: B7 signals of emotional reactions: general
    SIGNAL_CLIENT = "signal_client"  #: B7 signals: in contact with the client
    SIGNAL_TEAM = "signal_team"  #: B7 signals: in team and organisation
    STRESS_SIGNAL = "stress_signal"  #: B8 signals of stress
    STRESS_ADVICE = "stress_advice"  #: B8 what to consider when several are recognised
    PREVENTION_PERSONAL = "prevention_personal"  #: B8 preventive measures, personal
    PREVENTION_PROFESSIONAL = "prevention_professional"  #: B8 preventive measures, professional
    INTERVISION_SOCIETY = "intervision_society"  #: B9 domain: society
    INTERVISION_WORK = "intervision_work"  #: B9 domain: work environment
    INTERVISION_PERSON = "intervision_person"  #: B9 domain: you as a person
    INTERVISION_CLIENT = "intervision_client"  #: B9 domain: the client
    CAUSE = "cause"  #: §6.2 causes of emotional reactions (context text)
    ORGANISATION = "organisation"  #: §6.3 suggestions for organisations


@attrs.frozen(weakref_slot=False)
class WellbeingItem:
    """One item of one of the wellbeing lists."""

    id: str
    list: WellbeingList

    @property
    def message_id(self) -> str:
        """Message id of the item's label."""
        return f"WellbeingItem.{self.id}"


#: Every wellbeing item, list by list, in book order.
WELLBEING_ITEMS: Catalogue[WellbeingItem] = Catalogue(
    "wellbeing item",
    (WellbeingItem(item_id, WellbeingList(name)) for item_id, name in WELLBEING_ROWS),
)

#: "Several" stress signals, for the advice of Bijlage 8, means two or more (our design).
SEVERAL_STRESS_SIGNALS = 2


def items_of(*lists: WellbeingList) -> tuple[WellbeingItem, ...]:
    """The items of the given lists, in book order."""
    return tuple(item for item in WELLBEING_ITEMS if item.list in lists)


def _ids(*lists: WellbeingList) -> list[str]:
    """The item ids of some lists, for the JSON Schema."""
    return [item.id for item in items_of(*lists)]


def _recognised(*lists: WellbeingList) -> Any:
    """A field of recognised items: ids of these lists, each once (also stated for the schema)."""
    return attrs.field(default=(), metadata=_fields.codes(_ids(*lists), unique=True))


def _check_ids(values: object, path: str, allowed: tuple[WellbeingList, ...]) -> list[Problem]:
    if type(values) is not tuple:
        return []
    problems = [
        Problem(f"{path}[{i}]", "id.unknown")
        for i, value in enumerate(values)
        if (item := WELLBEING_ITEMS.find(value)) is None or item.list not in allowed
    ]
    return problems + check_unique(values, path, "item")


@attrs.frozen(weakref_slot=False)
class EmotionExample:
    """Bijlage 7 exercise, one emotion: examples; consequences for the contact and oneself."""

    emotion: str = attrs.field(metadata=_fields.codes(_ids(WellbeingList.EXERCISE_EMOTION)))
    examples: str = ""
    consequences_for_contact: str = ""
    consequences_for_self: str = ""

    def __attrs_post_init__(self) -> None:
        allowed = (WellbeingList.EXERCISE_EMOTION,)
        problems = (
            _check_ids((self.emotion,), "$.emotion", allowed) if type(self.emotion) is str else []
        )
        validated(self, [p.with_path("$.emotion") for p in problems])


@attrs.frozen(weakref_slot=False)
class EmotionExercise:
    """The Bijlage 7 exercise as done on one day, alone or with colleagues."""

    done_on: dt.date
    examples: tuple[EmotionExample, ...] = ()

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class SignalsCheck:
    """Bijlage 7 signals of emotional reactions the counsellor recognises, on one day."""

    checked_on: dt.date
    recognised: tuple[str, ...] = _recognised(
        WellbeingList.SIGNAL_GENERAL, WellbeingList.SIGNAL_CLIENT, WellbeingList.SIGNAL_TEAM
    )

    def __attrs_post_init__(self) -> None:
        allowed = (
            WellbeingList.SIGNAL_GENERAL,
            WellbeingList.SIGNAL_CLIENT,
            WellbeingList.SIGNAL_TEAM,
        )
        validated(self, _check_ids(self.recognised, "$.recognised", allowed))


@attrs.frozen(weakref_slot=False)
class StressSelfCheck:
    """Bijlage 8: the stress signals the counsellor recognises in themselves, on one day."""

    checked_on: dt.date
    recognised: tuple[str, ...] = _recognised(WellbeingList.STRESS_SIGNAL)

    def __attrs_post_init__(self) -> None:
        allowed = (WellbeingList.STRESS_SIGNAL,)
        validated(self, _check_ids(self.recognised, "$.recognised", allowed))


@attrs.frozen(weakref_slot=False)
class StressAdvice:
    """What Bijlage 8 suggests after a self-check.

    ``advice`` (the GP, the employer, intervision) applies when several signals are recognised;
    the preventive measures are general prevention and are always there.
    """

    advised: bool
    advice: tuple[WellbeingItem, ...]
    personal_measures: tuple[WellbeingItem, ...]
    professional_measures: tuple[WellbeingItem, ...]
    rule: str = "B8"


def stress_advice(check: StressSelfCheck) -> StressAdvice:
    """Bijlage 8 after a self-check: the advice with two or more signals; the measures always.

    >>> import datetime as dt
    >>> check = StressSelfCheck(dt.date(2026, 3, 2), ("W.stress_signal.sleeplessness",))
    >>> advice = stress_advice(check)
    >>> (advice.advised, len(advice.personal_measures) > 0)
    (False, True)
    """
    advised = len(check.recognised) >= SEVERAL_STRESS_SIGNALS
    return StressAdvice(
        advised,
        items_of(WellbeingList.STRESS_ADVICE) if advised else (),
        items_of(WellbeingList.PREVENTION_PERSONAL),
        items_of(WellbeingList.PREVENTION_PROFESSIONAL),
    )


@attrs.frozen(weakref_slot=False)
class ReactionsReflection:
    """§6.1: the reactions the counsellor recognises in their own work, on one day."""

    reflected_on: dt.date
    recognised: tuple[str, ...] = _recognised(WellbeingList.DISTANCE, WellbeingList.INVOLVEMENT)
    note: str = ""

    def __attrs_post_init__(self) -> None:
        allowed = (WellbeingList.DISTANCE, WellbeingList.INVOLVEMENT)
        validated(self, _check_ids(self.recognised, "$.recognised", allowed))


@attrs.frozen(weakref_slot=False)
class ReflectionSummary:
    """The reactions recognised, on each side. A description, never a grade."""

    distance: tuple[WellbeingItem, ...]
    involvement: tuple[WellbeingItem, ...]


def reflection_summary(reflection: ReactionsReflection) -> ReflectionSummary:
    """List the recognised reactions on the side of distance and of over-involvement."""
    chosen = set(reflection.recognised)
    return ReflectionSummary(
        distance=tuple(i for i in items_of(WellbeingList.DISTANCE) if i.id in chosen),
        involvement=tuple(i for i in items_of(WellbeingList.INVOLVEMENT) if i.id in chosen),
    )


@attrs.frozen(weakref_slot=False)
class IntervisionEntry:
    """Bijlage 9, one item: how it influences the work (free text)."""

    item: str = attrs.field(
        metadata=_fields.codes(
            _ids(*(wl for wl in WellbeingList if wl.value.startswith("intervision_")))
        )
    )
    influence: str = ""

    def __attrs_post_init__(self) -> None:
        allowed = (
            WellbeingList.INTERVISION_SOCIETY,
            WellbeingList.INTERVISION_WORK,
            WellbeingList.INTERVISION_PERSON,
            WellbeingList.INTERVISION_CLIENT,
        )
        problems = _check_ids((self.item,), "$.item", allowed) if type(self.item) is str else []
        validated(self, [p.with_path("$.item") for p in problems])


@attrs.frozen(weakref_slot=False)
class IntervisionReflection:
    """A Bijlage 9 reflection on one day: per item, how it influences the work."""

    reflected_on: dt.date
    entries: tuple[IntervisionEntry, ...] = ()

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class CounsellorJournal:
    """The counsellor's own instruments (Bijlagen 7–9, §6.1), kept in a file of their own: they
    belong to the counsellor, never in a client's case file or its report. Each list only grows.

    >>> journal = CounsellorJournal(stress_checks=(StressSelfCheck(dt.date(2026, 3, 2)),))
    >>> len(journal.stress_checks)
    1
    """

    emotion_exercises: tuple[EmotionExercise, ...] = ()
    signals_checks: tuple[SignalsCheck, ...] = ()
    stress_checks: tuple[StressSelfCheck, ...] = ()
    reflections: tuple[ReactionsReflection, ...] = ()
    intervisions: tuple[IntervisionReflection, ...] = ()

    __attrs_post_init__ = validated


#: Names that moved, each kept for one minor version with a DeprecationWarning naming its new home.
_MOVED = {"get_wellbeing_item": ("WELLBEING_ITEMS.get", WELLBEING_ITEMS.get)}


def __getattr__(name: str) -> object:
    """A moved name still works for one minor version, with a DeprecationWarning."""
    return moved(__name__, name, _MOVED)
