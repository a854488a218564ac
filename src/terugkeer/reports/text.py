"""Every instrument as lines of text in Dutch or English, for people to read.

Each renderer takes the records and a :class:`~terugkeer.i18n.Texts` and returns a tuple of lines.
Nothing here computes a verdict: Total − and Total + stand side by side, strengths beside
vulnerabilities, and the suicide-threat steps come first whenever they apply, in every locale; no
argument of this module can leave them out.

>>> import datetime as dt
>>> from terugkeer import Assessment, Texts
>>> a = Assessment.build(dt.date(2026, 3, 2), {"F02": -3, "F07": 3})
>>> overview1_lines(a, Texts("en"))[0]
'Overview 1 – factors in the decision, March 2, 2026'
"""

from __future__ import annotations

import datetime as dt
import functools
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import ParamSpec

import attrs

from terugkeer._labelled import LabelledEnum
from terugkeer.actionplan import ActionPlan, Activity, FamilyMemberView
from terugkeer.answers import Answer
from terugkeer.case import CaseContext, CaseFile
from terugkeer.casesummary import case_summary
from terugkeer.context import legal_check_advice
from terugkeer.factors import (
    FACTORS,
    SCALE_LEGEND,
    SCALE_NOTE,
    Assessment,
    Completeness,
    FactorGroup,
    Rating,
    RatingKind,
    ScalePoint,
    compare,
)
from terugkeer.guidance import GUIDANCE_TEXTS, GuidanceTopic, topics_for
from terugkeer.health import CHECKLIST_QUESTIONS, HealthChecklist, SourcedAnswer
from terugkeer.healthfindings import health_findings
from terugkeer.i18n import Texts
from terugkeer.overviews import (
    ChangePossibility,
    WeightyFactor,
    change_candidates,
    weighty_candidates,
)
from terugkeer.planning import (
    Progress,
    answered_values,
    completeness,
    monitoring_advice,
    plan_attention,
)
from terugkeer.referral import summarize
from terugkeer.signals import (
    PROTECTIVE_FACTORS,
    RISK_FACTORS,
    STANDING_GUIDANCE,
    FactorsRecord,
    SignalLog,
)
from terugkeer.wellbeing import (
    WELLBEING_ITEMS,
    EmotionExample,
    EmotionExercise,
    IntervisionEntry,
    IntervisionReflection,
    ReactionsReflection,
    StressSelfCheck,
    reflection_summary,
    stress_advice,
)

__all__ = [
    "action_plan_lines",
    "case_lines",
    "comparison_lines",
    "context_lines",
    "emotion_exercise_lines",
    "family_lines",
    "guidance_lines",
    "guidance_pointer",
    "health_lines",
    "intervision_lines",
    "legend_lines",
    "overview1_lines",
    "overview2_lines",
    "overview3_lines",
    "rating_number",
    "rating_symbol",
    "reflection_lines",
    "signal_lines",
    "stress_lines",
    "summary_lines",
]

_P = ParamSpec("_P")

#: What a text report never prints as it is: control characters a terminal acts on (ESC starts
#: commands that set its title, fill the clipboard or clear the screen; BEL, CR, backspace), which
#: are shown as their Unicode pictures (␛, ␇, ␍), the C1 controls, and the bidi embeddings,
#: overrides and isolates that reverse or reorder the rest of a line, shown as ``<U+202E>``. Line
#: breaks and tabs of a note are kept. The stored text is never changed: only what is printed.
_CONTROLS: dict[int, str] = {
    **{c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\n\t"},
    0x7F: "\u2421",
    **dict.fromkeys(range(128, 160), "�"),
    **{c: f"<U+{c:04X}>" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}


def _visible(
    make: Callable[_P, tuple[str, ...]],
) -> Callable[_P, tuple[str, ...]]:
    """``make``, with every line it returns safe to print (see ``_CONTROLS``)."""

    @functools.wraps(make)
    def lines(*args: _P.args, **kwargs: _P.kwargs) -> tuple[str, ...]:
        return tuple(line.translate(_CONTROLS) for line in make(*args, **kwargs))

    return lines


def rating_symbol(rating: Rating) -> str:
    """A rating in a few characters: − − −, + +, · (no score) or ○ (skipped)."""
    if rating.score is None:
        return "·" if rating.kind is RatingKind.UNSCORED else "○"
    return ScalePoint(rating.score).symbol


def rating_number(rating: Rating) -> str:
    """A rating as a signed number (−3 … +3), or the no-score mark (· or ○), for tables."""
    if rating.score is None:
        return rating_symbol(rating)
    return f"{'−' if rating.score < 0 else '+'}{abs(rating.score)}"


def _width(texts: Texts) -> int:
    return max(len(texts.label(f)) for f in FACTORS)


def _row(number: int, name: str, rest: str, width: int) -> str:
    return f"  {number:>2}  {name:<{width}} {rest}".rstrip()


def _marks(rating: Rating, texts: Texts) -> str:
    """Minus marks left of the bar, plus marks right of it; the no-score kinds in words."""
    if rating.score is None:
        return f"{'':>6}{rating_symbol(rating)} {texts.label(rating.kind)}"
    minus = rating_symbol(rating) if rating.score < 0 else ""
    plus = rating_symbol(rating) if rating.score > 0 else ""
    return f"{minus:>5} │ {plus}"


def _totals(heading: str, minus: int, plus: int, texts: Texts) -> str:
    return (
        f"      {heading}: {texts('report.total_minus')} {minus}"
        f"   {texts('report.total_plus')} {plus}"
    )


@_visible
def legend_lines(texts: Texts) -> tuple[str, ...]:
    """The scale legend to print beside Overview 1 (§3.1), with the note on direction."""
    lines = [texts("report.legend")]
    lines += [f"  {point.symbol:>5}  {texts.label(point)}" for point in SCALE_LEGEND]
    lines.append(f"  {texts(SCALE_NOTE)}")
    return tuple(lines)


def _completeness(assessment: Assessment, texts: Texts) -> str:
    numbers = ", ".join(str(f.number) for f in assessment.missing_ratings())
    state = assessment.completeness
    if state is Completeness.COMPLETE:
        return texts("Overview1.complete")
    if state is Completeness.TIME_PRESSURE_MINIMUM:
        return texts("Overview1.time_pressure", factors=numbers)
    return texts("Overview1.incomplete", factors=numbers)


@_visible
def overview1_lines(assessment: Assessment, texts: Texts) -> tuple[str, ...]:
    """Overview 1 of one day: each factor by group, Total − and Total + per group side by side."""
    lines = [texts("report.overview1", date=texts.date(assessment.assessed_on))]
    totals = assessment.totals_by_group()
    width = _width(texts)
    for group in FactorGroup:
        lines.append(f"  {texts.label(group)}")
        for factor, rating in zip(FACTORS, assessment.ratings, strict=True):
            if factor.group is group:
                lines.append(_row(factor.number, texts.label(factor), _marks(rating, texts), width))
                if rating.note:
                    lines.append(f"        {rating.note}")
        if group is FactorGroup.STARTING_POSITION:
            if assessment.asylum_outcome is not None:
                outcome = texts.label(assessment.asylum_outcome)
                lines.append(f"        {texts('Assessment.asylum_outcome')}: {outcome}")
            if assessment.asylum_outcome_explanation:
                explanation = assessment.asylum_outcome_explanation
                lines.append(
                    f"        {texts('Assessment.asylum_outcome_explanation')}: {explanation}"
                )
        group_totals = totals[group]
        lines.append(_totals(texts.label(group), group_totals.minus, group_totals.plus, texts))
    overall = assessment.totals()
    lines.append(_totals(texts("report.all_factors"), overall.minus, overall.plus, texts))
    if assessment.new_considerations:
        lines.append("  " + texts("Overview1.new_considerations"))
        for item in assessment.new_considerations:
            note = f": {item.note}" if item.note else ""
            lines.append(f"    – {item.name} ({texts.date(item.raised_on)}){note}")
    lines.append(f"  {_completeness(assessment, texts)}")
    return tuple(lines)


@_visible
def comparison_lines(earlier: Assessment, later: Assessment, texts: Texts) -> tuple[str, ...]:
    """What changed between two dated assessments, factor 1's category included."""
    lines = [
        texts(
            "report.compare",
            earlier=texts.date(earlier.assessed_on),
            later=texts.date(later.assessed_on),
        )
    ]
    unchanged, width = 0, _width(texts)
    for change in compare(earlier, later):
        if not change.changed:
            unchanged += 1
            continue
        moved = f"{rating_symbol(change.before):>5} → {rating_symbol(change.after):<5}  "
        moved += texts.label(change.movement)
        lines.append(_row(change.factor.number, texts.label(change.factor), moved, width))
        if change.outcome_changed:
            unknown = texts("report.unknown")
            before = texts.label(change.outcome_before) if change.outcome_before else unknown
            after = texts.label(change.outcome_after) if change.outcome_after else unknown
            lines.append("        " + texts("report.compare.outcome", before=before, after=after))
    lines.append("  " + texts("report.unchanged", count=unchanged))
    return tuple(lines)


@_visible
def overview2_lines(
    assessment: Assessment, rows: Sequence[ChangePossibility], texts: Texts
) -> tuple[str, ...]:
    """Overview 2: the candidates to discuss, then the rows filled in together."""
    lines, width = [texts("report.overview2")], _width(texts)
    for c in change_candidates(assessment):
        reason = f"{rating_symbol(c.rating):>5}  {texts.label(c.reason)}"
        lines.append(_row(c.factor.number, texts.label(c.factor), reason, width))
    for row in rows:
        lines.append("")
        lines.append(
            f"  {row.factor.number:>2}  {texts.label(row.factor)}  {rating_symbol(row.rating)}"
            f"  ({texts.date(row.assessed_on)})"
        )
        for name in ("how", "circumstances", "helpers"):
            lines.append(f"        {texts.field(ChangePossibility, name)} {getattr(row, name)}")
    return tuple(lines)


@_visible
def overview3_lines(
    assessment: Assessment,
    rows: Sequence[WeightyFactor],
    texts: Texts,
    changes: Sequence[ChangePossibility] = (),
) -> tuple[str, ...]:
    """Overview 3: the candidates from Overviews 1 and 2 (factor 1 first when discussed, then by
    size of score), then the rows with the kind chosen for each."""
    lines, width = [texts("report.overview3")], _width(texts)
    for c in weighty_candidates(assessment, changes):
        mark = f"{rating_symbol(c.rating):>5}"
        if c.in_overview2:
            mark += "  " + texts("report.overview3.in_overview2")
        lines.append(_row(c.factor.number, texts.label(c.factor), mark, width))
    if rows:
        lines += ["", texts("report.overview3.chosen")]
    for w in rows:
        kind = f"{rating_symbol(w.rating):>5}  {texts.label(w.kind)}"
        lines.append(_row(w.factor.number, texts.label(w.factor), kind, width))
        if w.why_how:
            lines.append(f"        {w.why_how}")
    return tuple(lines)


def _answer(value: object, texts: Texts) -> str:
    if attrs.has(type(value)) and not isinstance(value, Activity):
        parts = (getattr(value, f.name) for f in attrs.fields(type(value)))  # type: ignore[arg-type]
        return " – ".join(_answer(p, texts) for p in parts if p not in ("", None, ()))
    if isinstance(value, Answer):
        return texts.label(value)
    if isinstance(value, Activity):
        return value.what + (f" ({value.with_whom})" if value.with_whom else "")
    if isinstance(value, dt.date):
        return texts.date(value)
    return str(value)


@_visible
def action_plan_lines(
    plan: ActionPlan,
    texts: Texts,
    weighty: Iterable[WeightyFactor] = (),
    checklists: Iterable[HealthChecklist] = (),
) -> tuple[str, ...]:
    """The action plan with its progress per section, the monitoring advice and the reminders."""
    lines = [texts("report.plan")]
    for progress in completeness(plan):
        section = progress.section
        counts = texts("report.plan.progress", answered=progress.answered, total=progress.total)
        lines.append(f"  {texts.label(section)} — {texts.label(progress.progress)} ({counts})")
        for question in section.questions:
            answers = [_answer(v, texts) for v in answered_values(plan, section, question)]
            if answers:
                lines.append(f"      {texts.label(question)}: {'; '.join(answers)}")
    advice = monitoring_advice(plan, checklists)
    if advice.advised_months is not None:
        lines.append("  " + texts("MonitoringAdvice.health", months=advice.advised_months))
    if advice.shorter_than_advised:
        lines.append("  " + texts("MonitoringAdvice.shorter", agreed=advice.agreed_months))
    if advice.client_declines:
        lines.append("  " + texts("MonitoringAdvice.declined"))
    reminders = plan_attention(weighty)
    if reminders:
        lines += ["", texts("PlanAttention.heading")]
    for item in reminders:
        basis = texts.cite(item.book) if item.book else texts("PlanAttention.our_design")
        lines.append(
            f"  {texts.label(item.section)} ← {item.factor.number} {texts.label(item.factor)}"
            f" ({texts.label(item.kind)}, {rating_symbol(item.rating)})"
        )
        lines.append(f"      {texts(item.reason_message_id)} [{basis}]")
    return tuple(lines)


def _sourced(answer: SourcedAnswer, texts: Texts) -> str:
    shown = texts.label(answer.answer) if answer.answer else "—"
    source = answer.source.name if answer.source else texts("report.health.no_source")
    return f"{shown} ({source})"


@_visible
def health_lines(checklist: HealthChecklist, texts: Texts) -> tuple[str, ...]:
    """One health checklist: the triad per medicine and facility, then what it shows."""
    illness = checklist.illness_en or "—"
    lines = [texts("report.health", illness=illness, kind=texts.label(checklist.kind))]
    questions = {q.path: q for q in CHECKLIST_QUESTIONS}
    for block, items in (("medicines", checklist.medicines), ("facilities", checklist.facilities)):
        for item in items:
            name = getattr(item, "substance", None) or getattr(item, "which", "") or "—"
            for dimension in ("available", "reachable", "affordable"):
                question = texts.label(questions[f"{block}.{dimension}"])
                lines.append(f"  {name} – {question} {_sourced(getattr(item, dimension), texts)}")
    findings = health_findings(checklist)
    lines += ["", texts("report.health.findings")]
    if not findings:
        lines.append("  " + texts("report.none"))
    for finding in findings:
        explanation = texts.label(finding)
        if finding.dimension is not None:
            explanation = explanation.format(dimension=texts.label(finding.dimension))
        title = texts(finding.title_message_id)
        lines.append(f"  [{title}] {finding.path} — {texts.cite(finding.rule)}")
        lines.append(f"      {explanation}")
        if finding.note_message_id is not None:
            lines.append(f"      {texts(finding.note_message_id)}")
    return tuple(lines)


@_visible
def signal_lines(log: SignalLog, texts: Texts) -> tuple[str, ...]:
    """What a signal log leads to: the suicide-threat steps and their guidance first, always.

    >>> import datetime as dt
    >>> from terugkeer import SignalLog, Texts
    >>> from terugkeer.signals import SignalObservation, SignalSource
    >>> log = SignalLog().observe(
    ...     SignalObservation("S.suicide.thoughts", SignalSource.CLIENT, dt.date(2026, 3, 2)))
    >>> print(signal_lines(log, Texts("en"))[1])
      1. Take the threat seriously. ... going on.
    """
    summary = summarize(log)
    lines: list[str] = []
    if summary.urgent_steps:
        lines.append(texts("report.urgent"))
        for number, urgent in enumerate(summary.urgent_steps, start=1):
            lines.append(f"  {number}. {texts.label(urgent)}")
        lines += [f"  ! {texts.label(note)}" for note in summary.urgent_guidance]
    for guidance in summary.guidance:
        lines.append(f"• {texts.label(guidance)} [{texts.cite(guidance.rule)}]")
    if summary.indication.reasons:
        reasons = ", ".join(texts.label(r) for r in summary.indication.reasons)
        lines.append(texts("report.reasons", reasons=reasons))
    for step in summary.open_steps:
        state = texts("report.step_allowed")
        if step.blocked_by is not None:
            state = texts.label(step.blocked_by)
        lines.append(
            texts(
                "report.open_step",
                referral=step.referral + 1,
                step=texts.label(step.step),
                state=state,
            )
        )
    if summary.signals:
        lines.append(texts("report.signals"))
        lines += [f"  – {texts.label(signal)}" for signal in summary.signals]
    if log.factors:  # the latest noted, protective beside risk: both sides, never a balance
        latest = log.factors[-1]
        lines.append(texts("report.factors_noted", date=texts.date(latest.recorded_on)))
        for name, entries in (
            ("protective", [PROTECTIVE_FACTORS.get(i) for i in latest.protective]),
            ("risk", [RISK_FACTORS.get(i) for i in latest.risk]),
        ):
            shown = "; ".join(texts.label(e) for e in entries) or "—"
            lines.append(f"  {texts.field(FactorsRecord, name)}: {shown}")
    if not summary.urgent_steps:  # with the steps, the guidance above holds these already
        lines += [f"  ! {texts.label(note)}" for note in STANDING_GUIDANCE]
    lines.append(texts("report.not_a_screener"))
    return tuple(lines)


@_visible
def stress_lines(check: StressSelfCheck, texts: Texts) -> tuple[str, ...]:
    """The counsellor's stress self-check (B8): what was recognised, the advice, the measures."""
    advice = stress_advice(check)
    lines = [texts("report.stress.recognised", date=texts.date(check.checked_on))]
    lines += [f"  – {texts.label(WELLBEING_ITEMS.get(i))}" for i in check.recognised]
    blocks = (
        ("report.stress.advice", advice.advice),
        ("report.stress.personal", advice.personal_measures),
        ("report.stress.professional", advice.professional_measures),
    )
    for heading, items in blocks:
        if items:
            lines += ["", texts(heading)]
            lines += [f"  – {texts.label(item)}" for item in items]
    lines += ["", texts("report.stress.private")]
    return tuple(lines)


@_visible
def reflection_lines(reflection: ReactionsReflection, texts: Texts) -> tuple[str, ...]:
    """The counsellor's reflection on distance and involvement (§6.1): each side, no grade."""
    summary = reflection_summary(reflection)
    lines = [texts("report.reflection", date=texts.date(reflection.reflected_on))]
    for heading, items in (
        ("WellbeingList.distance", summary.distance),
        ("WellbeingList.involvement", summary.involvement),
    ):
        lines.append(f"  {texts(heading)}:")
        lines += [f"    – {texts.label(item)}" for item in items] or ["    —"]
    return tuple(lines)


@_visible
def emotion_exercise_lines(exercise: EmotionExercise, texts: Texts) -> tuple[str, ...]:
    """The B7 exercise as done on one day: per emotion, the examples and what followed."""
    lines = [texts("report.emotion_exercise", date=texts.date(exercise.done_on))]
    lines.append(f"  {texts('ContextText.C.instruction.emotion_exercise')}")
    for example in exercise.examples:
        lines.append(f"  {texts.label(WELLBEING_ITEMS.get(example.emotion))}")
        for name in ("examples", "consequences_for_contact", "consequences_for_self"):
            value = getattr(example, name)
            if value:
                lines.append(f"    {texts.field(EmotionExample, name)} {value}")
    return tuple(lines)


@_visible
def intervision_lines(reflection: IntervisionReflection, texts: Texts) -> tuple[str, ...]:
    """The B9 intervision instrument as filled in on one day: per topic, how it affects the work."""
    lines = [texts("report.intervision", date=texts.date(reflection.reflected_on))]
    lines.append(f"  {texts('ContextText.C.instruction.intervision')}")
    for entry in reflection.entries:
        influence = entry.influence or "—"
        lines.append(f"  {texts.label(WELLBEING_ITEMS.get(entry.item))}")
        lines.append(f"    {texts.field(IntervisionEntry, 'influence')} {influence}")
    return tuple(lines)


#: How wide a guidance text is wrapped: the texts are paragraphs, not one-line labels.
GUIDE_WIDTH = 100


@_visible
def guidance_lines(topic: GuidanceTopic, texts: Texts, about: str | None = None) -> tuple[str, ...]:
    """One topic of the method's guidance: its title and book section, then each text as a
    paragraph (only those about one entry, such as ``F02``, when ``about`` is given).

    >>> from terugkeer import Texts
    >>> from terugkeer.guidance import GUIDANCE_TOPICS
    >>> guidance_lines(GUIDANCE_TOPICS.get("referral"), Texts("en"))[0]
    'Noticing, appraising and referring [Appendix 6]'
    """
    lines = [f"{texts(topic.message_id)} [{texts.cite(topic.book)}]"]
    for entry in topic.texts:
        if about is not None and entry.about != about:
            continue
        lines += _paragraph(texts(entry.message_id), "•")
    return tuple(lines)


def guidance_pointer(where: str, texts: Texts) -> tuple[str, ...]:
    """One line naming the guidance topics of an instrument and the command that prints them,
    for the end of a report section (nothing when the instrument has none).

    >>> from terugkeer import Texts
    >>> guidance_pointer("overview2", Texts("en"))
    ('Guidance: Working with Overview 2 (terugkeer guide overview2)',)
    """
    topics = topics_for(where)
    if not topics:
        return ()
    names = "; ".join(texts(t.message_id) for t in topics)
    ids = " ".join(t.id for t in topics)
    return (texts("report.guidance", topics=names, command=f"terugkeer guide {ids}"),)


def _paragraph(message: str, mark: str) -> list[str]:
    """A guidance text wrapped as a paragraph under its mark (``•`` a text, ``!`` a reminder)."""
    return textwrap.wrap(
        message,
        GUIDE_WIDTH,
        initial_indent=f"  {mark} ",
        subsequent_indent="    ",
        break_on_hyphens=False,
    )


@_visible
def context_lines(context: CaseContext, texts: Texts) -> tuple[str, ...]:
    """Where the client stands: phase, status, asylum outcome, way of return, vulnerability;
    with a vulnerable characteristic, the reminder to look again at the legal options (§3.3)."""
    lines = [texts("Form.context")]
    values: list[tuple[str, LabelledEnum | None]] = [
        ("phases", context.phase),
        ("group", context.group),
        ("asylum_outcome", context.asylum_outcome),
        ("return_way", context.return_way),
        ("alternative", context.alternative),
    ]
    for name, value in values:
        shown = "—" if value is None else texts.label(value)
        lines.append(f"  {texts.field(CaseContext, name)}: {shown}")
    if context.unaccompanied_minor:
        lines.append(f"  {texts.field(CaseContext, 'unaccompanied_minor')}: {texts('Answer.yes')}")
    vulnerable = "; ".join(texts.label(v) for v in context.vulnerable) or "—"
    lines.append(f"  {texts.field(CaseContext, 'vulnerable')}: {vulnerable}")
    if legal_check_advice(context.vulnerable).needed:
        lines += _paragraph(texts(GUIDANCE_TEXTS.get("L.vulnerable_groups").message_id), "!")
    return tuple(lines)


@_visible
def family_lines(family: Iterable[FamilyMemberView], texts: Texts) -> tuple[str, ...]:
    """Each family member's own wishes, ideas and doubts, member by member (chapter 4): never
    merged into one view. Names are not printed; the relation says who is meant."""
    lines = [texts("Form.family")]
    for number, member in enumerate(family, start=1):
        who = member.relation or f"{texts.field(FamilyMemberView, 'member')} {number}"
        if member.is_minor:
            who += f" ({texts.field(FamilyMemberView, 'is_minor').lower()})"
        lines.append(f"  {who}")
        for name in ("wishes", "ideas", "doubts"):
            value = getattr(member, name) or "—"
            lines.append(f"    {texts.field(FamilyMemberView, name)}: {value}")
    return tuple(lines)


@_visible
def summary_lines(case: CaseFile, texts: Texts) -> tuple[str, ...]:
    """The case at a glance: urgent steps first, strengths beside vulnerabilities."""
    summary = case_summary(case)
    lines = [texts("report.case")]
    if summary.urgent_steps:
        lines.append("  " + texts("report.case.urgent", count=len(summary.urgent_steps)))
    if summary.latest is not None:
        totals = summary.latest.totals()
        lines.append(
            "  "
            + texts(
                "report.case.latest",
                date=texts.date(summary.latest.assessed_on),
                minus=totals.minus,
                plus=totals.plus,
            )
        )
        if len(case.assessments) >= 2:
            lines.append("  " + texts("report.case.moved", count=len(summary.moved)))
    for key, rows in (
        ("report.case.strengths", summary.strengths),
        ("report.case.vulnerabilities", summary.vulnerabilities),
        ("report.case.not_chosen", summary.kind_not_yet_chosen),
    ):
        names = "; ".join(texts.label(w.factor) for w in rows)
        lines.append("  " + texts(key, factors=names or "—"))
    answered = sum(p.progress is Progress.ANSWERED for p in summary.plan_progress)
    partly = sum(p.progress is Progress.PARTLY for p in summary.plan_progress)
    lines.append(
        "  "
        + texts(
            "report.case.plan", answered=answered, total=len(summary.plan_progress), partly=partly
        )
    )
    lines.append("  " + texts("report.case.health", count=len(summary.health_findings)))
    lines.append("  " + texts("report.case.referral", count=len(summary.open_referral_steps)))
    if summary.monitoring.advised_months is not None:
        # A client who declines is never told a period: the refusal is named, and comes first.
        key = (
            "report.case.monitoring_declined"
            if summary.monitoring.client_declines
            else "report.case.monitoring"
        )
        lines.append("  " + texts(key, months=summary.monitoring.advised_months))
    lines.append(texts("report.describes"))
    return tuple(lines)


@_visible
def case_lines(case: CaseFile, texts: Texts) -> tuple[str, ...]:
    """The whole case as text: the suicide-threat steps when they apply, then the summary, then
    every instrument that holds something."""
    urgent = bool(summarize(case.signals).urgent_steps)
    blocks: list[tuple[str, ...]] = []
    if urgent:  # the suicide-threat steps come first, always
        blocks.append(signal_lines(case.signals, texts) + guidance_pointer("signals", texts))
    blocks.append(summary_lines(case, texts) + guidance_pointer("case", texts))
    blocks.append(context_lines(case.context, texts) + guidance_pointer("context", texts))
    if case.family:
        blocks.append(family_lines(case.family, texts) + guidance_pointer("client", texts))
    if case.assessments:
        blocks.append(legend_lines(texts))
    blocks += [overview1_lines(a, texts) for a in case.assessments]
    if len(case.assessments) >= 2:
        blocks.append(comparison_lines(case.assessments[-2], case.assessments[-1], texts))
    if case.assessments:
        blocks[-1] += guidance_pointer("overview1", texts)
        latest = case.assessments[-1]
        blocks.append(
            overview2_lines(latest, case.change_possibilities, texts)
            + guidance_pointer("overview2", texts)
        )
        blocks.append(
            overview3_lines(latest, case.weighty_factors, texts, case.change_possibilities)
            + guidance_pointer("overview3", texts)
        )
    blocks.append(
        action_plan_lines(case.plan, texts, case.weighty_factors, case.health)
        + guidance_pointer("actionplan", texts)
    )
    blocks += [health_lines(c, texts) for c in case.health]
    if case.health:
        blocks[-1] += guidance_pointer("health", texts)
    if not urgent:  # also with nothing recorded: the standing guidance matters most then
        blocks.append(signal_lines(case.signals, texts) + guidance_pointer("signals", texts))
    return tuple(line for block in _spaced(blocks) for line in block)


def _spaced(blocks: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for i, block in enumerate(blocks):
        out.append(block if i == 0 else ("", *block))
    return out
