"""The counsellor's own instruments as a private page: the Bijlage 7 exercise and signals, the
Bijlage 8 stress self-check with its advice, the §6.1 reflection and the Bijlage 9 intervision.

They belong to the counsellor and never appear in a case report; :func:`journal_sections` builds
the page from a :class:`~terugkeer.wellbeing.CounsellorJournal`, newest last, as
:mod:`terugkeer.reports.blocks` for HTML and text alike.

>>> import datetime as dt
>>> from terugkeer import Texts
>>> from terugkeer.wellbeing import StressSelfCheck
>>> section = stress_check(StressSelfCheck(dt.date(2026, 3, 2)), Texts("en"))
>>> section.id
'stress-2026-03-02'
"""

from __future__ import annotations

import datetime as dt

from terugkeer.i18n import Texts
from terugkeer.reports.blocks import Block, Field, Fields, Items, Para, Section, Value
from terugkeer.wellbeing import (
    WELLBEING_ITEMS,
    CounsellorJournal,
    EmotionExample,
    EmotionExercise,
    IntervisionEntry,
    IntervisionReflection,
    ReactionsReflection,
    SignalsCheck,
    StressSelfCheck,
    WellbeingList,
    reflection_summary,
    stress_advice,
)

__all__ = [
    "emotion_exercise",
    "intervision",
    "journal_sections",
    "reactions_reflection",
    "signals_check",
    "stress_check",
]


def _ident(name: str, day: dt.date, number: int) -> str:
    """A section id unique on the page: the instrument, its day and, after the first, its place."""
    return f"{name}-{day.isoformat()}" + (f"-{number}" if number else "")


def _labels(ids: tuple[str, ...], texts: Texts) -> Items | Para:
    if not ids:
        return Para("—")
    return Items(texts.label(WELLBEING_ITEMS.get(i)) for i in ids)


def stress_check(check: StressSelfCheck, texts: Texts, number: int = 0) -> Section:
    """The stress self-check of one day (B8): what was recognised, then what to consider and
    the measures that prevent stress."""
    advice = stress_advice(check)
    blocks: list[Block] = [_labels(check.recognised, texts)]
    for heading, items in (
        ("report.stress.advice", advice.advice),
        ("report.stress.personal", advice.personal_measures),
        ("report.stress.professional", advice.professional_measures),
    ):
        if items:
            blocks.append(Para(texts(heading)))
            blocks.append(Items(texts.label(item) for item in items))
    return Section(
        _ident("stress", check.checked_on, number),
        texts("report.stress.recognised", date=texts.date(check.checked_on)),
        blocks,
    )


def signals_check(check: SignalsCheck, texts: Texts, number: int = 0) -> Section:
    """The B7 signals of emotional reactions recognised on one day, by list."""
    blocks: list[Block] = []
    for kind in (
        WellbeingList.SIGNAL_GENERAL,
        WellbeingList.SIGNAL_CLIENT,
        WellbeingList.SIGNAL_TEAM,
    ):
        ids = tuple(i for i in check.recognised if WELLBEING_ITEMS.get(i).list is kind)
        blocks += [Para(texts.label(kind)), _labels(ids, texts)]
    return Section(
        _ident("signals", check.checked_on, number),
        texts("report.own.signals", date=texts.date(check.checked_on)),
        blocks,
    )


def reactions_reflection(reflection: ReactionsReflection, texts: Texts, number: int = 0) -> Section:
    """The reflection on distance and involvement (§6.1): each side listed, never a grade."""
    summary = reflection_summary(reflection)
    blocks: list[Block] = []
    for heading, items in (
        ("WellbeingList.distance", summary.distance),
        ("WellbeingList.involvement", summary.involvement),
    ):
        blocks.append(Para(texts(heading)))
        blocks.append(Items(texts.label(i) for i in items) if items else Para("—"))
    if reflection.note:
        blocks.append(Para((Value(reflection.note),)))
    return Section(
        _ident("reflection", reflection.reflected_on, number),
        texts("report.reflection", date=texts.date(reflection.reflected_on)),
        blocks,
    )


def emotion_exercise(exercise: EmotionExercise, texts: Texts, number: int = 0) -> Section:
    """The B7 exercise of one day: per emotion, the examples and what followed."""
    blocks: list[Block] = [Para(texts("ContextText.C.instruction.emotion_exercise"), "note")]
    for k, example in enumerate(exercise.examples, start=1):
        rows = [
            Field(
                texts.field(EmotionExample, name),
                (Value(getattr(example, name)),) if getattr(example, name) else None,
            )
            for name in ("examples", "consequences_for_contact", "consequences_for_self")
        ]
        blocks.append(
            Section(
                f"exercise-{exercise.done_on.isoformat()}-{number}-{k}",
                texts.label(WELLBEING_ITEMS.get(example.emotion)),
                (Fields(rows),),
            )
        )
    return Section(
        f"exercise-{exercise.done_on.isoformat()}-{number}",
        texts("report.emotion_exercise", date=texts.date(exercise.done_on)),
        blocks,
    )


def intervision(reflection: IntervisionReflection, texts: Texts, number: int = 0) -> Section:
    """The B9 instrument of one day: per topic, how it influences the work."""
    rows = [
        Field(
            texts.label(WELLBEING_ITEMS.get(entry.item)),
            (Value(entry.influence),) if entry.influence else None,
        )
        for entry in reflection.entries
    ]
    return Section(
        f"intervision-{reflection.reflected_on.isoformat()}-{number}",
        texts("report.intervision", date=texts.date(reflection.reflected_on)),
        (
            Para(texts("ContextText.C.instruction.intervision"), "note"),
            Para(texts.field(IntervisionEntry, "influence")),
            Fields(rows),
        ),
    )


def journal_sections(journal: CounsellorJournal, texts: Texts) -> tuple[Section, ...]:
    """The whole journal as the counsellor's private page: a note that it is private, then
    each instrument with every dated entry."""
    private = Para(texts("report.stress.private"))
    parts: list[Section] = [Section("private", texts("report.own.private_heading"), (private,))]
    j = journal
    groups: list[tuple[str, str, list[Section]]] = [
        ("stress", "report.own.stress",
         [stress_check(c, texts, n) for n, c in enumerate(j.stress_checks)]),
        ("signals", "report.own.signals_heading",
         [signals_check(c, texts, n) for n, c in enumerate(j.signals_checks)]),
        ("exercises", "report.own.exercises",
         [emotion_exercise(e, texts, n) for n, e in enumerate(j.emotion_exercises)]),
        ("reflections", "report.own.reflections",
         [reactions_reflection(r, texts, n) for n, r in enumerate(j.reflections)]),
        ("intervisions", "report.own.intervisions",
         [intervision(i, texts, n) for n, i in enumerate(j.intervisions)]),
    ]  # fmt: skip
    for ident, heading, sections in groups:
        parts.append(Section(ident, texts(heading), sections or (Para(texts("report.none")),)))
    return tuple(parts)
