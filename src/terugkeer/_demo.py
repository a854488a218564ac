"""The built-in example for ``terugkeer demo``: a made-up client and the text shown for it.

Everything about the client is fictional. The rendering is a pure function of the locale so it
can be tested; :mod:`terugkeer.cli` only prints it.
"""

from __future__ import annotations

import datetime as dt
import decimal

import attrs

from .actionplan import (
    ActionPlan,
    Activity,
    Appointment,
    ClientInfo,
    Goals,
    Monitoring,
    Safety,
)
from .answers import Answer
from .case import CaseFile
from .casesummary import case_summary
from .factors import (
    FACTORS,
    SCALE_LEGEND,
    SCALE_NOTE,
    Assessment,
    AsylumOutcome,
    Completeness,
    FactorGroup,
    NewConsideration,
    Rating,
    RatingKind,
    ScalePoint,
    compare,
)
from .health import (
    CHECKLIST_QUESTIONS,
    ComplaintKind,
    HealthChecklist,
    HealthHandover,
    Medicine,
    Money,
    Network,
    Source,
    SourcedAnswer,
    SourcedCost,
    SourcedText,
    SourceKind,
)
from .healthfindings import health_findings
from .i18n import field_label, format_date, label, text
from .overviews import (
    ChangePossibility,
    WeightKind,
    WeightyFactor,
    change_candidates,
    weighty_candidates,
)
from .planning import (
    Progress,
    _is_answered,
    _values,
    completeness,
    get_plan_section,
    monitoring_advice,
    plan_attention,
    plan_health_section,
)
from .reports.text import signal_report
from .signals import (
    HelpNeed,
    Referral,
    ReferralReason,
    ReferralStep,
    ReferralTarget,
    Severity,
    SignalLog,
    SignalObservation,
    SignalSource,
    StepRecord,
    Taxation,
    Willingness,
)
from .wellbeing import StressSelfCheck, get_wellbeing_item, stress_advice

__all__ = [
    "COUNSELLOR_CHECK",
    "FIRST",
    "SECOND",
    "WEIGHTY_CHOICES",
    "change_rows",
    "demo_case",
    "demo_checklist",
    "demo_plan",
    "demo_signal_log",
    "render_counsellor_demo",
    "render_demo",
    "second",
    "weighty_rows",
]

FIRST = Assessment.build(
    dt.date(2026, 3, 2),
    {
        "F01": None,
        "F02": -3,
        "F03": -2,
        "F04": 1,
        "F05": -1,
        "F06": None,
        "F07": 3,
        "F08": -2,
        "F09": -1,
        "F10": 2,
        "F12": -2,
        "F13": -3,
        "F15": 1,
        "F18": None,
        "F19": -2,
    },
    asylum_outcome=AsylumOutcome.VA,
    time_pressure=True,
)
#: Three months on: the overview gone through again; the procedure ended and the client is now
#: undocumented (factor 1's category changes), and a few scores moved.
SECOND = FIRST.rescored(
    dt.date(2026, 6, 15),
    {"F01": -1, "F02": -2, "F04": 2, "F05": 1, "F11": 1, "F14": None, "F16": None, "F17": -1,
     "F19": -1},
    asylum_outcome=AsylumOutcome.UNDOCUMENTED,
    time_pressure=False,
)  # fmt: skip


def second(locale: str) -> Assessment:
    """The second assessment with the new consideration that came up, written in ``locale``."""
    consideration = NewConsideration(
        text("demo.consideration", locale),
        dt.date(2026, 5, 20),
        text("demo.consideration.note", locale),
    )
    return attrs.evolve(SECOND, new_considerations=(consideration,))


#: Overview 3 as counsellor and client filled it in from the second assessment: the kinds are
#: theirs. Work in the country of origin (+1) is a strength to use; safety in the Netherlands
#: (+2, fear of detention) is a vulnerability although its score is plus; factor 1's kind is
#: still to be discussed.
WEIGHTY_CHOICES: tuple[tuple[str, WeightKind], ...] = (
    ("F07", WeightKind.STRENGTH),
    ("F05", WeightKind.STRENGTH),
    ("F02", WeightKind.VULNERABILITY),
    ("F10", WeightKind.VULNERABILITY),
    ("F01", WeightKind.NOT_YET_CHOSEN),
)


def weighty_rows(locale: str) -> tuple[WeightyFactor, ...]:
    """The example client's Overview 3, with the why/how written in ``locale``."""
    return tuple(
        WeightyFactor.for_factor(SECOND, factor, kind, text(f"demo.why.{factor}", locale))
        for factor, kind in WEIGHTY_CHOICES
    )


def change_rows(locale: str) -> tuple[ChangePossibility, ...]:
    """The example client's Overview 2: one row, written in ``locale``."""
    return (
        ChangePossibility.for_factor(
            SECOND,
            "F05",
            text("demo.change.F05.how", locale),
            text("demo.change.F05.circumstances", locale),
            text("demo.change.F05.helpers", locale),
        ),
    )


def _width(locale: str) -> int:
    return max(len(label(f, locale)) for f in FACTORS)


def _short(rating: Rating) -> str:
    """A rating in a few characters: − − −, + +, · (no score) or ○ (skipped)."""
    if rating.score is None:
        return "·" if rating.kind is RatingKind.UNSCORED else "○"
    return ScalePoint(rating.score).symbol


def _marks(rating: Rating, locale: str) -> str:
    """Minus marks left of the bar, plus marks right of it; no-score kinds in words."""
    if rating.score is None:
        symbol = "·" if rating.kind is RatingKind.UNSCORED else "○"
        return f"{'':>6}{symbol} {label(rating.kind, locale)}"
    minus = ScalePoint(rating.score).symbol if rating.score < 0 else ""
    plus = ScalePoint(rating.score).symbol if rating.score > 0 else ""
    return f"{minus:>5} │ {plus}"


def _line(number: int, name: str, rest: str, width: int) -> str:
    return f"  {number:>2}  {name:<{width}} {rest}".rstrip()


def _totals_line(heading: str, minus: int, plus: int, locale: str) -> str:
    return (
        f"      {heading}: {text('demo.total_minus', locale)} {minus}"
        f"   {text('demo.total_plus', locale)} {plus}"
    )


def _legend(locale: str) -> list[str]:
    out = [text("demo.legend", locale)]
    out += [f"  {point.symbol:>5}  {label(point, locale)}" for point in SCALE_LEGEND]
    out.append(f"  {text(SCALE_NOTE, locale)}")
    return out


def _completeness(assessment: Assessment, locale: str) -> str:
    state = assessment.completeness
    numbers = ", ".join(str(f.number) for f in assessment.missing_ratings())
    if state is Completeness.COMPLETE:
        return text("Overview1.complete", locale)
    if state is Completeness.TIME_PRESSURE_MINIMUM:
        return text("Overview1.time_pressure", locale).format(factors=numbers)
    return text("Overview1.incomplete", locale).format(factors=numbers)


def _overview1(assessment: Assessment, locale: str) -> list[str]:
    out = [text("demo.overview1", locale).format(date=format_date(assessment.assessed_on, locale))]
    totals = assessment.totals_by_group()
    width = _width(locale)
    for group in FactorGroup:
        out.append(f"  {label(group, locale)}")
        for factor, rating in zip(FACTORS, assessment.ratings, strict=True):
            if factor.group is group:
                name = label(factor, locale)
                out.append(_line(factor.number, name, _marks(rating, locale), width))
        if group is FactorGroup.STARTING_POSITION and assessment.asylum_outcome is not None:
            outcome = label(assessment.asylum_outcome, locale)
            out.append(f"        {text('Assessment.asylum_outcome', locale)}: {outcome}")
        out.append(
            _totals_line(label(group, locale), totals[group].minus, totals[group].plus, locale)
        )
    overall = assessment.totals()
    out.append(_totals_line(text("demo.all_factors", locale), overall.minus, overall.plus, locale))
    if assessment.new_considerations:
        out.append("  " + text("Overview1.new_considerations", locale))
        for item in assessment.new_considerations:
            since = format_date(item.raised_on, locale)
            out.append(f"    – {item.name} ({since}): {item.note}")
    out.append(f"  {_completeness(assessment, locale)}")
    return out


def _overview2(assessment: Assessment, locale: str) -> list[str]:
    out, width = [text("demo.overview2", locale)], _width(locale)
    for c in change_candidates(assessment):
        reason = f"{_short(c.rating):>5}  {label(c.reason, locale)}"
        out.append(_line(c.factor.number, label(c.factor, locale), reason, width))
    rows = change_rows(locale)
    out += [
        "",
        text("demo.overview2.rows", locale).format(date=format_date(SECOND.assessed_on, locale)),
    ]
    for row in rows:
        out.append(f"  {row.factor.number:>2}  {label(row.factor, locale)}  {_short(row.rating)}")
        for name in ("how", "circumstances", "helpers"):
            out.append(
                f"        {field_label(ChangePossibility, name, locale)} {getattr(row, name)}"
            )
    return out


def _overview3(assessment: Assessment, locale: str) -> list[str]:
    out, width = [text("demo.overview3", locale)], _width(locale)
    for c in weighty_candidates(assessment)[:6]:
        out.append(_line(c.factor.number, label(c.factor, locale), f"{_short(c.rating):>5}", width))
    out += [
        "",
        text("demo.overview3.chosen", locale).format(date=format_date(SECOND.assessed_on, locale)),
    ]
    for w in weighty_rows(locale):
        kind = f"{_short(w.rating):>5}  {label(w.kind, locale)}"
        out.append(_line(w.factor.number, label(w.factor, locale), kind, width))
        out.append(f"        {w.why_how}")
    return out


def _moves(earlier: Assessment, later: Assessment, locale: str) -> list[str]:
    out = [
        text("demo.compare", locale).format(
            earlier=format_date(earlier.assessed_on, locale),
            later=format_date(later.assessed_on, locale),
        )
    ]
    unchanged, width = 0, _width(locale)
    for change in compare(earlier, later):
        if not change.changed:
            unchanged += 1
            continue
        moved = f"{_short(change.before):>5} → {_short(change.after):<5}  "
        moved += label(change.movement, locale)
        out.append(_line(change.factor.number, label(change.factor, locale), moved, width))
        if change.outcome_changed:
            unknown = text("demo.unknown", locale)
            before = label(change.outcome_before, locale) if change.outcome_before else unknown
            after = label(change.outcome_after, locale) if change.outcome_after else unknown
            out.append(
                "        " + text("demo.compare.outcome", locale).format(before=before, after=after)
            )
    out.append("  " + text("demo.unchanged", locale).format(count=unchanged))
    return out


def demo_checklist(locale: str) -> HealthChecklist:
    """The example client's health checklist; sources and places are written in ``locale``.

    The illness is named in English, as the checklist asks (B5).
    """
    gp = Source(
        SourceKind.PHYSICIAN,
        text("demo.health.gp", locale),
        text("demo.health.gp_ref", locale),
        dt.date(2026, 2, 20),
        False,
    )
    ngo = Source(
        SourceKind.ORGANISATION,
        text("demo.health.ngo", locale),
        text("demo.health.ngo_ref", locale),
        dt.date(2026, 3, 1),
        True,
    )
    return HealthChecklist(
        ComplaintKind.PSYCHOLOGICAL,
        "post-traumatic stress disorder",
        medicines=(
            Medicine(
                text("demo.health.substance", locale),
                available=SourcedAnswer(Answer.YES, ngo),
                where=SourcedText(text("demo.health.where", locale), ngo),
                reachable=SourcedAnswer(Answer.UNKNOWN),
                cost=SourcedCost(Money(decimal.Decimal("9.50"), "USD"), ngo),
                affordable=SourcedAnswer(Answer.NO, ngo),
            ),
        ),
        network=Network(SourcedAnswer(Answer.YES, ngo), SourcedAnswer(Answer.NO)),
        handover=HealthHandover(
            arranged=SourcedAnswer(Answer.NO, gp), medication_stock=SourcedAnswer(Answer.YES, gp)
        ),
    )


def demo_plan(locale: str) -> ActionPlan:
    """The example client's plan, partly filled in; its free text is written in ``locale``."""

    def t(key: str) -> str:
        return text(f"demo.plan.{key}", locale)

    plan = ActionPlan().with_section(
        goals=Goals(work=t("goal_work"), housing=t("goal_housing")),
        safety=Safety(
            worried=Answer.YES, worries=t("worries"), ways_to_feel_safer=(t("way1"), t("way2"))
        ),
        health=plan_health_section([demo_checklist(locale)]),
        monitoring=Monitoring(
            wanted=Answer.YES,
            months=6,
            organisation=t("monitoring_org"),
            until=dt.date(2027, 6, 30),
        ),
    )
    activities = (Activity(t("activity1"), t("with_whom1")), Activity(t("activity2")))
    meeting = Appointment(dt.date(2026, 3, 9), dt.date(2026, 3, 23), activities)
    return plan.add_appointment(meeting, today=dt.date(2026, 3, 9))


def _answer_text(value: object, locale: str) -> str:
    if isinstance(value, Answer):
        return label(value, locale)
    if isinstance(value, tuple):
        return "; ".join(_answer_text(v, locale) for v in value)
    if isinstance(value, Activity):
        return value.what + (f" ({value.with_whom})" if value.with_whom else "")
    if isinstance(value, dt.date):
        return format_date(value, locale)
    return str(value)


def _plan(locale: str) -> list[str]:
    plan = demo_plan(locale)
    out = [text("demo.plan", locale)]
    for progress in completeness(plan):
        section = progress.section
        counts = text("demo.plan.progress", locale).format(
            answered=progress.answered, total=progress.total
        )
        out.append(f"  {label(section, locale)} — {label(progress.progress, locale)} ({counts})")
        value = getattr(plan, section.attribute)
        for question in section.questions:
            found = _values(value, question.path.split("."))
            answers = [_answer_text(v, locale) for v in found if _is_answered(v)]
            if answers:
                out.append(f"      {label(question, locale)}: {'; '.join(answers)}")
    advice = monitoring_advice(plan)
    if advice.advised_months is not None:
        out.append(
            "  " + text("MonitoringAdvice.health", locale).format(months=advice.advised_months)
        )
    if advice.shorter_than_advised:
        out.append(
            "  " + text("MonitoringAdvice.shorter", locale).format(agreed=advice.agreed_months)
        )
    if advice.client_declines:
        out.append("  " + text("MonitoringAdvice.declined", locale))
    out.append("")
    out.append(text("demo.plan.attention", locale))
    for item in plan_attention(weighty_rows(locale)):
        basis = item.book or text("PlanAttention.our_design", locale)
        out.append(
            f"  {label(item.section, locale)} ← {item.factor.number} {label(item.factor, locale)}"
            f" ({label(item.kind, locale)}, {_short(item.rating)})"
        )
        out.append(f"      {text(item.reason_message_id, locale)} [{basis}]")
    return out


def _health(locale: str) -> list[str]:
    checklist = demo_checklist(locale)
    out = [text("demo.health", locale).format(illness=checklist.illness_en)]
    medicine = checklist.medicines[0]
    for name in ("available", "reachable", "affordable"):
        answer: SourcedAnswer = getattr(medicine, name)
        shown = label(answer.answer, locale) if answer.answer else "—"
        source = answer.source.name if answer.source else text("demo.health.no_source", locale)
        question = next(q for q in CHECKLIST_QUESTIONS if q.path == f"medicines.{name}")
        out.append(f"  {medicine.substance} – {label(question, locale)} {shown} ({source})")
    out.append("")
    out.append(text("demo.health.findings", locale))
    for finding in health_findings(checklist):
        explanation = label(finding, locale)
        if finding.dimension is not None:
            explanation = explanation.format(dimension=label(finding.dimension, locale))
        out.append(f"  [{label(finding.kind, locale)}] {finding.path} — {finding.rule}")
        out.append(f"      {explanation}")
        if finding.note_message_id is not None:
            out.append(f"      {text(finding.note_message_id, locale)}")
    care = plan_health_section([checklist]).psychological
    out.append("")
    out.append(text("demo.health.section7", locale))
    section7 = get_plan_section("AP07").questions
    for name in ("complaints", "care_available", "care_affordable", "care_reachable"):
        row = next(q for q in section7 if q.id == f"AP07.psychological.{name}")
        value = getattr(care, name)
        out.append(f"  {label(row, locale)} {label(value, locale) if value else '—'}")
    return out


def demo_signal_log() -> SignalLog:
    """A short signal log for the example client."""
    day = dt.date(2026, 3, 2)
    log = (
        SignalLog()
        .observe(SignalObservation("S.sleep.nightmares", SignalSource.CLIENT, day))
        .observe(SignalObservation("S.behaviour.withdrawn", SignalSource.OBSERVED_BEHAVIOUR, day))
        .observe(SignalObservation("S.suicide.thoughts", SignalSource.CLIENT, dt.date(2026, 3, 9)))
        .taxate(Taxation(day, Severity.CLEARLY, HelpNeed.UNSURE, Willingness.HESITANT))
        .refer(
            Referral(
                dt.date(2026, 3, 9),
                (ReferralReason.SPECIFIC_EXPERTISE,),
                ReferralTarget.GENERAL_PRACTITIONER,
            )
        )
    )
    return log.take_step(
        StepRecord(0, ReferralStep.GAUGE_WILLINGNESS, dt.date(2026, 3, 9), Answer.YES)
    )


def _signals(locale: str) -> list[str]:
    return [
        text("demo.signals", locale),
        *("  " + line for line in signal_report(demo_signal_log(), locale)),
    ]


COUNSELLOR_CHECK = StressSelfCheck(
    dt.date(2026, 3, 20),
    (
        "W.stress_signal.sleeplessness",
        "W.stress_signal.constant_worrying",
        "W.stress_signal.tiredness",
    ),
)


def render_counsellor_demo(locale: str = "nl") -> str:
    """The counsellor's example: a stress self-check and what Bijlage 8 suggests."""
    check = COUNSELLOR_CHECK
    advice = stress_advice(check)
    date = format_date(check.checked_on, locale)
    lines = [text("demo.counsellor", locale), ""]
    lines.append(text("demo.counsellor.recognised", locale).format(date=date))
    lines += [f"  – {label(get_wellbeing_item(i), locale)}" for i in check.recognised]
    for heading, items in (
        ("demo.counsellor.advice", advice.advice),
        ("demo.counsellor.personal", advice.personal_measures),
        ("demo.counsellor.professional", advice.professional_measures),
    ):
        lines += ["", text(heading, locale)]
        lines += [f"  – {label(item, locale)}" for item in items]
    lines += ["", text("demo.counsellor.private", locale)]
    return "\n".join(lines) + "\n"


def demo_case(locale: str) -> CaseFile:
    """The example client's whole file."""
    case = CaseFile(
        "demo-0001",
        ClientInfo(name="Sam Voorbeeld", country_of_origin=text("demo.country", locale)),
    )
    case = case.add_assessment(FIRST).add_assessment(second(locale))
    for change in change_rows(locale):
        case = case.add_change_possibility(change)
    for row in weighty_rows(locale):
        case = case.add_weighty_factor(row)
    case = case.with_plan(demo_plan(locale)).add_checklist(demo_checklist(locale))
    return case.with_signals(demo_signal_log())


def _case(locale: str) -> list[str]:
    summary = case_summary(demo_case(locale))
    out = [text("demo.case", locale)]
    if summary.urgent_steps:
        out.append("  " + text("demo.case.urgent", locale).format(count=len(summary.urgent_steps)))
    if summary.latest is not None:
        totals = summary.latest.totals()
        date = format_date(summary.latest.assessed_on, locale)
        out.append(
            "  "
            + text("demo.case.latest", locale).format(
                date=date, minus=totals.minus, plus=totals.plus
            )
        )
    out.append("  " + text("demo.case.moved", locale).format(count=len(summary.moved)))
    for key, rows in (
        ("demo.case.strengths", summary.strengths),
        ("demo.case.vulnerabilities", summary.vulnerabilities),
        ("demo.case.not_chosen", summary.kind_not_yet_chosen),
    ):
        names = "; ".join(label(w.factor, locale) for w in rows)
        out.append("  " + text(key, locale).format(factors=names or "—"))
    answered = sum(p.progress is Progress.ANSWERED for p in summary.plan_progress)
    partly = sum(p.progress is Progress.PARTLY for p in summary.plan_progress)
    out.append(
        "  "
        + text("demo.case.plan", locale).format(
            answered=answered, total=len(summary.plan_progress), partly=partly
        )
    )
    out.append("  " + text("demo.case.health", locale).format(count=len(summary.health_findings)))
    out.append(
        "  " + text("demo.case.referral", locale).format(count=len(summary.open_referral_steps))
    )
    if summary.monitoring.advised_months is not None:
        months = summary.monitoring.advised_months
        out.append("  " + text("demo.case.monitoring", locale).format(months=months))
    return out


def render_demo(locale: str = "nl") -> str:
    """The whole demo text for one locale."""
    sections = [
        [text("demo.title", locale), "=" * len(text("demo.title", locale))],
        [
            text("demo.client", locale).format(
                name="Sam Voorbeeld", country=text("demo.country", locale)
            )
        ],
        _legend(locale),
        _overview1(FIRST, locale),
        _overview1(second(locale), locale),
        _moves(FIRST, SECOND, locale),
        _overview2(SECOND, locale),
        _overview3(SECOND, locale),
        _health(locale),
        _plan(locale),
        _signals(locale),
        _case(locale),
        [text("demo.describes", locale)],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"
