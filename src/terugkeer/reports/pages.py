"""Every instrument as a printed page, built once as :mod:`~terugkeer.reports.blocks` for HTML and
text alike.

Overview 1 is the grid of Bijlage 1 (seven score columns, Total − and Total + per group in their own
cells, never netted), Overviews 2 and 3 are tables, the action plan is the worksheet of Bijlage 4
(its header, every child and family member by name, every appointment with its date; a question
nobody answered is an open line), the health checklist is Bijlage 5 with every answer's source and
date, and signals come with their dates, appraisal and referral steps. The suicide-threat steps
stand once, first. Nothing here computes a verdict.

Two copies (:class:`Copy`): the *client* copy is what the client takes home (Overview 1 with the
scale legend, Overview 3 as chosen, the action plan and agreements); the *file* copy adds the
counsellor's working notes: the summary, context, Overview 2, the candidates, the health checklist,
signals, the reminders, who entered what and when, and every source with its date.

>>> import datetime as dt
>>> from terugkeer import Assessment, Texts
>>> grid = overview1(Assessment.build(dt.date(2026, 3, 2), {"F02": -3}), Texts("en"))
>>> plain(grid.heading)
'Overview 1 – factors in the decision, 2 March 2026'
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

import attrs

from terugkeer._labelled import LabelledEnum
from terugkeer.actionplan import (
    ActionPlan,
    Activity,
    ActivityUpdate,
    Appointment,
    ClientInfo,
    FamilyMemberView,
    OrganisationInfo,
    PracticalTask,
)
from terugkeer.case import CaseContext, CaseFile
from terugkeer.casesummary import case_summary
from terugkeer.context import legal_check_advice
from terugkeer.errors import UnsupportedLocaleError
from terugkeer.factors import (
    FACTORS,
    SCALE_LEGEND,
    SCALE_NOTE,
    Assessment,
    Completeness,
    Factor,
    FactorGroup,
    Rating,
    RatingKind,
    ScalePoint,
    compare,
)
from terugkeer.guidance import GUIDANCE_TEXTS, topics_for
from terugkeer.health import (
    CHECKLIST_QUESTIONS,
    HealthChecklist,
    Money,
    Source,
    SourcedAnswer,
    SourcedCost,
    SourcedText,
)
from terugkeer.healthfindings import ART64_NOTE, HealthFinding, health_findings
from terugkeer.i18n import AVAILABLE_LOCALES, Texts
from terugkeer.overviews import (
    ChangePossibility,
    WeightyFactor,
    change_candidates,
    weighty_candidates,
)
from terugkeer.planning import (
    PLAN_SECTIONS,
    PlanSection,
    Progress,
    completeness,
    is_answered,
    monitoring_advice,
    plan_attention,
)
from terugkeer.referral import summarize
from terugkeer.reports.blocks import (
    Block,
    Cell,
    Field,
    Fields,
    Figure,
    Inline,
    Items,
    Para,
    Row,
    Section,
    Table,
    Value,
    inline,
    plain,
)
from terugkeer.reports.markup import Markup
from terugkeer.reports.svg import key_symbols
from terugkeer.signals import (
    PROTECTIVE_FACTORS,
    RISK_FACTORS,
    SIGNALS,
    STANDING_GUIDANCE,
    FactorsRecord,
    SignalLog,
)
from terugkeer.stamps import Entered

__all__ = [
    "Charts",
    "Copy",
    "case_sections",
    "comparison",
    "context",
    "draft_notice",
    "family_views",
    "health_checklist",
    "overview1",
    "overview2",
    "overview3",
    "plan_worksheet",
    "rating_number",
    "rating_symbol",
    "signals",
    "summary",
    "timeline",
    "urgent",
]


class Charts(Protocol):
    """What draws a page's pictures (HTML only): the factor balance, and both totals per date."""

    def balance(self, assessment: Assessment) -> Markup: ...

    def totals(self, assessments: Sequence[Assessment]) -> Markup: ...


class Copy(enum.Enum):
    """Which copy of a case is printed: the client's to take home, or the one for the file."""

    CLIENT = "client"
    FILE = "file"


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


def _spoken(rating: Rating, texts: Texts) -> str:
    """A rating in words, for a screen reader and for the text copy's key."""
    if rating.score is None:
        return texts.label(rating.kind)
    return texts.label(ScalePoint(rating.score))


def _factor(number: int, label: str) -> Inline:
    return (f"{number}. ", label)  # the label stays itself: a bilingual label keeps its gloss


def _score(rating: Rating, texts: Texts) -> Cell:
    """A rating as a table cell: the signed number, read out in words."""
    return Cell(rating_number(rating), spoken=_spoken(rating, texts), kind="score")


def _candidates(
    rows: Sequence[tuple[Factor, Rating, str]], third: str, caption: str, texts: Texts
) -> Table:
    """Candidates for an overview: factor, score and one more column (why listed, or whether
    Overview 2 has it)."""
    head = Row(
        (
            Cell(texts("report.table.factor"), header=True),
            Cell(texts("report.table.score"), header=True),
            Cell(third, header=True),
        )
    )
    body = [
        Row((Cell(_factor(f.number, texts.label(f)), header=True), _score(r, texts), Cell(why)))
        for f, r, why in rows
    ]
    return Table((head,), body, caption=caption)


def _value(text: str) -> Inline | None:
    """Typed text as a run, or ``None`` when nothing was typed (an open line)."""
    return (Value(text),) if text else None


def _entered(stamp: Entered, texts: Texts) -> Para | None:
    """Who entered a record and when (file copy only)."""
    if not stamp.by and stamp.at is None:
        return None
    at = texts.date(stamp.at.date(), "medium") if stamp.at is not None else "—"
    return Para(
        inline(texts("report.entered.by"), " ", Value(stamp.by or "—"), ", ", at), kind="stamp"
    )


# --- Overview 1 ---------------------------------------------------------------------------------

_SCORE_COLUMNS = len(SCALE_LEGEND)
_NONE_COLUMN = 3  # the middle column: no score


def _column(rating: Rating) -> int:
    """The grid column (0-6) of a rating; no score and skipped both sit in the middle."""
    return _NONE_COLUMN if rating.score is None else rating.score + 3


def _grid_head(texts: Texts, previous: Assessment | None) -> Row:
    cells = [Cell(texts("report.table.factor"), header=True, kind="factor")]
    for point in SCALE_LEGEND:
        cells.append(
            Cell(inline(point.symbol, "\n", texts.label(point)), header=True, kind="scale")
        )
    if previous is not None:
        cells.append(Cell(texts("report.grid.previous"), header=True, kind="previous"))
    return Row(cells)


def _grid_row(
    number: int, label: str, rating: Rating, before: Rating | None, texts: Texts, note: Inline
) -> Row:
    column = _column(rating)
    mark = "●" if rating.kind is not RatingKind.SKIPPED else "○"
    cells = [Cell(_factor(number, label), header=True, kind="factor")]
    for i in range(_SCORE_COLUMNS):
        if i == column:
            cells.append(Cell(mark, kind="mark", spoken=_spoken(rating, texts)))
        else:
            cells.append(Cell())
    if before is not None:
        changed = before.score != rating.score or before.kind != rating.kind
        shown = rating_number(before) if changed else ""
        cells.append(Cell(shown, kind="previous", spoken=_spoken(before, texts) if changed else ""))
    return Row(cells, note=note or None)


def _totals_row(heading: str, minus: int, plus: int, texts: Texts, previous: bool) -> Row:
    cells = [
        Cell(heading, header=True, kind="factor"),
        Cell(f"{texts('report.total_minus')} {minus}", span=3, kind="total"),
        Cell(),
        Cell(f"{texts('report.total_plus')} {plus}", span=3, kind="total"),
    ]
    if previous:
        cells.append(Cell())
    return Row(cells, kind="totals")


def overview1(
    assessment: Assessment,
    texts: Texts,
    previous: Assessment | None = None,
    *,
    copy: Copy = Copy.FILE,
    chart: Markup | None = None,
) -> Section:
    """Overview 1 of one day as the grid of Bijlage 1: a mark in one of seven score columns (the
    legend in the column heads), the previous score where it differs, each note below its row,
    Total − and Total + per group in their own cells, never netted."""
    before = previous.ratings if previous is not None else None
    rows: list[Row] = []
    totals = assessment.totals_by_group()
    span = 1 + _SCORE_COLUMNS + (previous is not None)
    for group in FactorGroup:
        rows.append(Row((Cell(texts.label(group), header=True, span=span, kind="group"),), "group"))
        for i, (factor, rating) in enumerate(zip(FACTORS, assessment.ratings, strict=True)):
            if factor.group is not group:
                continue
            note: list[str | Value] = []
            if factor.outcome_categories and assessment.asylum_outcome is not None:
                note += [
                    f"{texts('Assessment.asylum_outcome')}: ",
                    texts.label(assessment.asylum_outcome),
                ]
            if factor.outcome_categories and assessment.asylum_outcome_explanation:
                note += ["\n" if note else "", Value(assessment.asylum_outcome_explanation)]
            if rating.note:
                note += ["\n" if note else "", Value(rating.note)]
            rows.append(
                _grid_row(
                    factor.number,
                    texts.label(factor),
                    rating,
                    before[i] if before is not None else None,
                    texts,
                    inline(*note),
                )
            )
        t = totals[group]
        rows.append(
            _totals_row(texts("report.subtotal"), t.minus, t.plus, texts, before is not None)
        )
    overall = assessment.totals()
    rows.append(
        _totals_row(
            texts("report.all_factors"), overall.minus, overall.plus, texts, before is not None
        )
    )
    caption = texts("report.grid.caption")
    blocks: list[Block] = [
        Para(texts(SCALE_NOTE), kind="legend"),
        Table((_grid_head(texts, previous),), rows, caption=caption, kind="grid"),
    ]
    blocks.append(
        Para(
            texts(
                "report.grid.marks",
                unscored=texts.label(RatingKind.UNSCORED),
                skipped=texts.label(RatingKind.SKIPPED),
            ),
            "note",
        )
    )
    if previous is not None:
        blocks.append(
            Para(texts("report.grid.previous_note", date=texts.date(previous.assessed_on)), "note")
        )
    if assessment.new_considerations:
        blocks.append(
            Section(
                f"considerations-{assessment.assessed_on.isoformat()}",
                texts("Overview1.new_considerations"),
                (
                    Items(
                        inline(Value(n.name), f" ({texts.date(n.raised_on, 'medium')})")
                        + ((": ", Value(n.note)) if n.note else ())
                        for n in assessment.new_considerations
                    ),
                ),
            )
        )
    blocks += _completeness(assessment, texts, copy)
    if chart:
        blocks.append(
            Figure(
                chart,
                chart_key(texts, "bar", "dot", "circle"),
                texts("report.chart.balance.caption"),
            )
        )
    if copy is Copy.FILE:
        stamp = _entered(assessment.entered, texts)
        if stamp is not None:
            blocks.append(stamp)
    return Section(
        "overview1",
        texts("report.overview1", date=texts.date(assessment.assessed_on)),
        blocks,
        kind="overview1",
    )


def chart_key(texts: Texts, *names: str) -> tuple[tuple[str, Inline], ...]:
    """The key beside a chart: each symbol it draws and what it means (``report.key.<name>``);
    ``totals`` is the bar of the Total − / Total + chart."""
    symbols = key_symbols()
    return tuple(
        (symbols["bar" if name == "totals" else name], (texts(f"report.key.{name}"),))
        for name in names
    )


def _completeness(assessment: Assessment, texts: Texts, copy: Copy) -> list[Para]:
    """Whether all 19 factors were discussed; the tip to go through them all is the counsellor's."""
    missing = assessment.missing_ratings()
    numbers = ", ".join(texts.number(f.number) for f in missing)
    state = assessment.completeness
    if state is Completeness.COMPLETE:
        return [Para(texts("Overview1.complete"))]
    if state is Completeness.TIME_PRESSURE_MINIMUM:
        return [Para(texts("Overview1.time_pressure", factors=numbers))]
    found = [Para(texts.count("Overview1.incomplete", len(missing), factors=numbers))]
    if copy is Copy.FILE:
        found.append(Para(texts("Overview1.incomplete.tip"), "guidance"))
    return found


def comparison(earlier: Assessment, later: Assessment, texts: Texts) -> Section:
    """What moved between two dated assessments: only the changed factors, in a table."""
    rows: list[Row] = []
    unchanged = 0
    for change in compare(earlier, later):
        if not change.changed:
            unchanged += 1
            continue
        note = None
        if change.outcome_changed:
            unknown = texts("report.unknown")
            b = texts.label(change.outcome_before) if change.outcome_before else unknown
            a = texts.label(change.outcome_after) if change.outcome_after else unknown
            note = texts("report.compare.outcome", before=b, after=a)
        rows.append(
            Row(
                (
                    Cell(_factor(change.factor.number, texts.label(change.factor)), header=True),
                    _score(change.before, texts),
                    _score(change.after, texts),
                    Cell(texts.label(change.movement)),
                ),
                note=note,
            )
        )
    head = Row(
        (
            Cell(texts("report.table.factor"), header=True),
            Cell(texts.date(earlier.assessed_on, "medium"), header=True),
            Cell(texts.date(later.assessed_on, "medium"), header=True),
            Cell(texts("report.table.movement"), header=True),
        )
    )
    heading = texts(
        "report.compare",
        earlier=texts.date(earlier.assessed_on),
        later=texts.date(later.assessed_on),
    )
    blocks: list[Block] = []
    if rows:
        blocks.append(Table((head,), rows, kind="compare"))
    blocks.append(Para(texts("report.unchanged", count=unchanged)))
    return Section("comparison", heading, blocks)


def timeline(
    assessments: Sequence[Assessment], texts: Texts, *, chart: Markup | None = None
) -> Section:
    """Every dated assessment as one row: each factor's score by number, Total − and Total +
    side by side; it stays a narrow table however many dates there are."""
    head = Row(
        (
            Cell(texts("report.table.date"), header=True),
            *(Cell(str(f.number), header=True, spoken=texts.label(f)) for f in FACTORS),
            Cell(texts("report.total_minus"), header=True, kind="total"),
            Cell(texts("report.total_plus"), header=True, kind="total"),
        )
    )
    rows: list[Row] = []
    for j, a in enumerate(assessments):
        cells = [Cell(texts.date(a.assessed_on, "medium"), header=True)]
        for i, (factor, r) in enumerate(zip(FACTORS, a.ratings, strict=True)):
            shown = rating_number(r)
            spoken = _spoken(r, texts)
            if (
                factor.outcome_categories
                and j > 0
                and a.asylum_outcome != assessments[j - 1].asylum_outcome
            ):
                shown += " ◆"
                spoken += ", " + texts("report.key.diamond")
            del i
            cells.append(Cell(shown, spoken=spoken, kind="score"))
        totals = a.totals()
        cells += [Cell(str(totals.minus), kind="total"), Cell(str(totals.plus), kind="total")]
        rows.append(Row(cells))
    blocks: list[Block] = [
        Table((head,), rows, caption=texts("report.timeline.caption"), kind="timeline")
    ]
    if any("◆" in plain(c.text) for r in rows for c in r.cells):
        blocks.append(Para(f"◆ {texts('report.key.diamond')}", "note"))
    if chart:
        blocks.append(Figure(chart, chart_key(texts, "totals"), texts("report.timeline.chart")))
    return Section("timeline", texts("report.chart.timeline"), blocks)


# --- Overviews 2 and 3 --------------------------------------------------------------------------


def overview2(assessment: Assessment, rows: Sequence[ChangePossibility], texts: Texts) -> Section:
    """Overview 2 as two tables: the candidates to discuss, then the rows filled in together."""
    blocks: list[Block] = []
    candidates = change_candidates(assessment)
    if candidates:
        listed = [(c.factor, c.rating, texts.label(c.reason)) for c in candidates]
        why = texts("report.table.why_listed")
        blocks.append(_candidates(listed, why, texts("report.overview2.candidates"), texts))
    blocks.append(_change_rows(rows, texts))
    return Section("overview2", texts("report.overview2"), blocks)


def _change_rows(rows: Sequence[ChangePossibility], texts: Texts) -> Table:
    names = ("how", "circumstances", "helpers")
    head = Row(
        (
            Cell(texts("report.table.factor"), header=True),
            Cell(texts("report.table.score"), header=True),
            *(Cell(texts.field(ChangePossibility, n), header=True) for n in names),
        )
    )
    body = [
        Row(
            (
                Cell(
                    inline(
                        _factor(r.factor.number, texts.label(r.factor)),
                        f" ({texts.date(r.assessed_on, 'medium')})",
                    ),
                    header=True,
                ),
                _score(r.rating, texts),
                *(Cell(_value(getattr(r, n)) or ()) for n in names),
            )
        )
        for r in rows
    ]
    if not body:
        body = [Row((Cell(texts("report.none"), span=5),))]
    return Table((head,), body, caption=texts("report.overview2.rows"), kind="overview2")


def overview3(
    assessment: Assessment,
    rows: Sequence[WeightyFactor],
    texts: Texts,
    changes: Sequence[ChangePossibility] = (),
    *,
    copy: Copy = Copy.FILE,
) -> Section:
    """Overview 3: the rows as chosen together (factor, score, strength or vulnerability, why and
    how); the file copy first lists the candidates from Overviews 1 and 2."""
    blocks: list[Block] = []
    if copy is Copy.FILE:
        candidates = weighty_candidates(assessment, changes)
        if candidates:
            yes = texts("Answer.yes")
            listed = [(c.factor, c.rating, yes if c.in_overview2 else "") for c in candidates]
            also = texts("report.table.overview2")
            blocks.append(_candidates(listed, also, texts("report.overview3.candidates"), texts))
    head = Row(
        (
            Cell(texts("report.table.factor"), header=True),
            Cell(texts("report.table.score"), header=True),
            Cell(texts("report.table.kind"), header=True),
            Cell(texts("report.table.why_how"), header=True),
        )
    )
    body = [
        Row(
            (
                Cell(_factor(w.factor.number, texts.label(w.factor)), header=True),
                _score(w.rating, texts),
                Cell(texts.label(w.kind)),
                Cell(_value(w.why_how) or ()),
            )
        )
        for w in rows
    ]
    if not body:
        body = [Row((Cell(texts("report.none"), span=4),))]
    blocks.append(Table((head,), body, caption=texts("report.overview3.chosen"), kind="overview3"))
    return Section("overview3", texts("report.overview3"), blocks)


# --- The action plan ----------------------------------------------------------------------------


def _shown(value: object, texts: Texts) -> Inline:
    """One answer as people read it: labels for choices, dates and numbers by locale, typed text
    isolated, a record as its answered fields."""
    if isinstance(value, LabelledEnum):
        return (texts.label(value),)
    if isinstance(value, bool):
        return (texts("Answer.yes" if value else "Answer.no"),)
    if isinstance(value, dt.date):
        return (texts.date(value),)
    if isinstance(value, int):
        return (texts.number(value),)
    if isinstance(value, str):
        return (Value(value),)
    if isinstance(value, tuple):
        out: list[str | Value] = []
        for item in value:
            if is_answered(item):
                out += [*(("\n",) if out else ()), *_shown(item, texts)]
        return tuple(out)
    if attrs.has(type(value)):
        parts: list[str | Value] = []
        for f in attrs.fields(type(value)):  # type: ignore[arg-type]
            inner = getattr(value, f.name)
            if is_answered(inner):
                label = texts.field(type(value), f.name)
                parts += [*(("; ",) if parts else ()), f"{label}: ", *_shown(inner, texts)]
        return tuple(parts)
    return (Value(str(value)),)


def _reach(value: object, path: str) -> object:
    for name in path.split("."):
        value = getattr(value, name)
    return value


def _answer_fields(
    record: object, section: PlanSection, texts: Texts, skip: Iterable[str] = ()
) -> Fields:
    rows = []
    for question in section.questions:
        if question.path in skip:
            continue
        value = _reach(record, question.path)
        rows.append(
            Field(texts.label(question), _shown(value, texts) if is_answered(value) else None)
        )
    return Fields(rows)


def _table(head: Sequence[str], rows: Sequence[Sequence[Inline]], texts: Texts) -> Table:
    body = [Row(tuple(Cell(c) for c in row)) for row in rows]
    if not body:  # the paper form's empty lines: room to write
        body = [Row(tuple(Cell(kind="open") for _ in head)) for _ in range(2)]
    return Table((Row(tuple(Cell(h, header=True) for h in head)),), body, kind="answers")


def _or_open(text: str) -> Inline:
    return (Value(text),) if text else ()


_HEADER_FIELDS = (
    "counsellor",
    "organisation",
    "file_number",
    "date",
    "present",
    "language",
    "interpreter",
)


def _header(plan: ActionPlan, client: ClientInfo, texts: Texts) -> Section:
    org = plan.organisation
    shown = {
        n: _shown(getattr(org, n), texts) for n in _HEADER_FIELDS if is_answered(getattr(org, n))
    }
    if org.language:  # the language by its name in the page's language, and its tag
        shown["language"] = (texts.language_name(org.language), " (", Value(org.language), ")")
    organisation = Fields(
        Field(texts.field(OrganisationInfo, n), shown.get(n)) for n in _HEADER_FIELDS
    )
    personal = Fields(
        Field(
            texts.field(ClientInfo, n),
            _shown(getattr(client, n), texts) if is_answered(getattr(client, n)) else None,
        )
        for n in ("name", "date_of_birth", "phone", "email", "address", "country_of_origin")
    )
    return Section(
        "plan-header",
        texts("report.plan.header"),
        (
            Section("plan-organisation", texts("report.plan.organisation"), (organisation,)),
            Section("plan-client", texts("report.plan.client"), (personal,)),
        ),
        kind="header",
    )


def family_views(family: Sequence[FamilyMemberView], texts: Texts) -> Section:
    """One block per family member, by name, with their own wishes, ideas and doubts (chapter 4):
    never merged into one view."""
    blocks: list[Block] = []
    for number, member in enumerate(family, start=1):
        name = member.member or texts("report.family.member", number=number)
        heading = inline(Value(name) if member.member else name)
        if member.relation:
            heading += (" (", Value(member.relation), ")")
        rows = [
            Field(texts.field(FamilyMemberView, n), _value(getattr(member, n)))
            for n in ("wishes", "ideas", "doubts")
        ]
        if member.is_minor is not None:
            rows.insert(
                0, Field(texts.field(FamilyMemberView, "is_minor"), _shown(member.is_minor, texts))
            )
        blocks.append(Section(f"family-{number}", heading, (Fields(rows),), kind="person"))
    return Section("family", texts("report.family"), blocks or (Para(texts("report.none")),))


def _children(plan: ActionPlan, section: PlanSection, texts: Texts) -> list[Block]:
    blocks: list[Block] = []
    for number, child in enumerate(plan.children, start=1):
        name = (
            inline(Value(child.child)) if child.child else (texts("report.child", number=number),)
        )
        blocks.append(
            Section(
                f"child-{number}", name, (_answer_fields(child, section, texts),), kind="person"
            )
        )
    if not blocks:
        blocks.append(Para(texts("report.plan.no_children")))
    return blocks


def _latest_status(plan: ActionPlan, appointment: int, activity: int, texts: Texts) -> Inline:
    found = plan.latest_update(appointment, activity)
    if found is None:
        return ()
    shown = inline(texts.label(found.status), f" ({texts.date(found.on, 'medium')})")
    if found.reason:
        shown += (": ", Value(found.reason))
    return shown


def _appointments(plan: ActionPlan, texts: Texts, copy: Copy) -> list[Block]:
    """Every appointment with its date, the next date, and each activity: what the client will
    do, with whom, what to find out, and how it stands."""
    blocks: list[Block] = []
    head = [texts.field(Activity, n) for n in ("what", "with_whom", "find_out")]
    head.append(texts.field(ActivityUpdate, "status"))
    for index, appointment in enumerate(plan.appointments):
        rows = [
            (
                _or_open(a.what),
                _or_open(a.with_whom),
                _or_open(a.find_out),
                _latest_status(plan, index, number, texts),
            )
            for number, a in enumerate(appointment.activities, start=1)
        ]
        inner: list[Block] = [
            Fields(
                (
                    Field(texts.field(Appointment, "held_on"), (texts.date(appointment.held_on),)),
                    Field(
                        texts("ActionPlan.AP13.next_on"),
                        (texts.date(appointment.next_on),) if appointment.next_on else None,
                    ),
                )
            ),
            _table(head, rows, texts),
        ]
        if copy is Copy.FILE:
            stamp = _entered(appointment.entered, texts)
            if stamp is not None:
                inner.append(stamp)
        blocks.append(
            Section(
                f"appointment-{index + 1}",
                texts("report.appointment", number=index + 1, date=texts.date(appointment.held_on)),
                inner,
                kind="appointment",
            )
        )
    if not blocks:
        blocks.append(
            Section(
                "appointment-new",
                texts("report.appointment.new"),
                (
                    Fields(
                        (
                            Field(texts.field(Appointment, "held_on")),
                            Field(texts("ActionPlan.AP13.next_on")),
                        )
                    ),
                    _table(head, [], texts),
                ),
                kind="appointment",
            )
        )
    return blocks


def _section_blocks(
    plan: ActionPlan, section: PlanSection, texts: Texts, copy: Copy
) -> list[Block]:
    record = getattr(plan, section.attribute)
    if section.id == "AP04":
        return _children(plan, section, texts)
    if section.id == "AP13":
        return _appointments(plan, texts, copy)
    if section.id == "AP10":
        head = [
            texts.field(PracticalTask, "kind"),
            texts("ActionPlan.AP10.what"),
            texts("ActionPlan.AP10.who"),
        ]
        rows = [
            ((texts.label(t.kind),) if t.kind else (), _or_open(t.what), _or_open(t.who))
            for t in plan.practical
        ]
        return [_table(head, rows, texts)]
    blocks: list[Block] = []
    if section.id == "AP09":
        blocks.append(
            _answer_fields(
                record, section, texts, skip=("dreaded.what", "dreaded.coping", "helpers", "stigma")
            )
        )
        head = [texts("ActionPlan.AP09.dreaded"), texts("ActionPlan.AP09.coping")]
        blocks.append(
            _table(head, [(_or_open(d.what), _or_open(d.coping)) for d in record.dreaded], texts)
        )
        blocks.append(
            _answer_fields(
                record, section, texts, skip=("looking_forward", "dreaded.what", "dreaded.coping")
            )
        )
        return blocks
    if section.id == "AP11":
        head = [texts("ActionPlan.AP11.which"), texts("ActionPlan.AP11.responsible_for")]
        involved = [(_or_open(o.name), _or_open(o.responsible_for)) for o in record.involved]
        blocks.append(_table(head, involved, texts))
        blocks.append(
            _answer_fields(
                record, section, texts, skip=("involved.name", "involved.responsible_for")
            )
        )
        return blocks
    return [_answer_fields(record, section, texts)]


def plan_worksheet(
    plan: ActionPlan,
    texts: Texts,
    *,
    client: ClientInfo | None = None,
    family: Sequence[FamilyMemberView] = (),
    weighty: Iterable[WeightyFactor] = (),
    checklists: Iterable[HealthChecklist] = (),
    copy: Copy = Copy.FILE,
) -> Section:
    """The action plan as the worksheet of Bijlage 4: the header, every family member and child by
    name, all 13 sections with each question answered or left as an open line, every appointment;
    the file copy adds progress per section, the monitoring advice and the reminders."""
    blocks: list[Block] = [_header(plan, client or ClientInfo(), texts)]
    if family:
        blocks.append(family_views(family, texts))
    progress = {p.section.id: p for p in completeness(plan)}
    for section in PLAN_SECTIONS:
        heading: Inline = (texts.label(section),)
        inner = _section_blocks(plan, section, texts, copy)
        if copy is Copy.FILE:
            p = progress[section.id]
            counts = texts("report.plan.progress", answered=p.answered, total=p.total)
            inner.insert(0, Para(f"{texts.label(p.progress)} ({counts})", kind="progress"))
        blocks.append(Section(f"plan-{section.id}", heading, inner, kind="plan-section"))
    if copy is Copy.FILE:
        blocks += _plan_notes(plan, texts, weighty, checklists)
    return Section("plan", texts("report.plan"), blocks, kind="plan")


def _plan_notes(
    plan: ActionPlan,
    texts: Texts,
    weighty: Iterable[WeightyFactor],
    checklists: Iterable[HealthChecklist],
) -> list[Block]:
    notes: list[Block] = []
    advice = monitoring_advice(plan, checklists)
    said: list[str] = []
    if advice.client_declines:  # the client's wish first; then the advice, for information
        said.append(texts("MonitoringAdvice.declined"))
    if advice.advised_months is not None:
        said.append(texts("MonitoringAdvice.health", months=advice.advised_months))
    if advice.shorter_than_advised:
        said.append(texts("MonitoringAdvice.shorter", agreed=advice.agreed_months))
    if said:
        notes.append(Section("plan-monitoring", texts("report.plan.monitoring"), (Items(said),)))
    reminders = plan_attention(weighty)
    if reminders:
        rows = [
            Row(
                (
                    Cell(texts.label(item.section), header=True),
                    Cell(
                        inline(
                            _factor(item.factor.number, texts.label(item.factor)),
                            f" ({texts.label(item.kind)}, {rating_number(item.rating)})",
                        )
                    ),
                    Cell(texts(item.reason_message_id)),
                    Cell(texts.cite(item.book) if item.book else texts("report.plan.suggestion")),
                )
            )
            for item in reminders
        ]
        head = Row(
            tuple(
                Cell(texts(m), header=True)
                for m in (
                    "report.table.plan_section",
                    "report.table.factor",
                    "report.table.why",
                    "report.table.basis",
                )
            )
        )
        notes.append(
            Section(
                "plan-attention",
                texts("PlanAttention.heading"),
                (
                    Table((head,), rows, kind="reminders"),
                    Para(texts("report.plan.suggestion_note"), "note"),
                ),
            )
        )
    return notes


# --- The health checklist -----------------------------------------------------------------------

_QUESTIONS = {q.path: q for q in CHECKLIST_QUESTIONS}
_PATH = re.compile(r"^\$\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?")


def _money(money: Money, texts: Texts) -> str:
    from babel.numbers import format_currency

    return str(format_currency(money.amount, money.currency, locale=texts.language))


def _source(source: Source | None, texts: Texts) -> tuple[Inline, Inline]:
    if source is None:
        return (texts("report.health.no_source"),), ()
    shown = inline(texts.label(source.kind), ": " if source.name else "", _or_open(source.name))
    if source.reference:
        shown += (" (", Value(source.reference), ")")
    checked = (texts.date(source.checked_on, "medium"),) if source.checked_on else ()
    return shown, checked


def _health_row(label: str, value: object, texts: Texts) -> Row:
    answer: Inline = ()
    source: Source | None = None
    if isinstance(value, SourcedAnswer):
        answer = (texts.label(value.answer),) if value.answer else ()
        source = value.source
    elif isinstance(value, SourcedText):
        answer = _or_open(value.text)
        source = value.source
    elif isinstance(value, SourcedCost):
        answer = (_money(value.cost, texts),) if value.cost else ()
        source = value.source
    elif isinstance(value, str):
        answer = _or_open(value)
    if not answer and source is None:
        return Row((Cell(label, header=True), Cell(kind="open"), Cell(), Cell()))
    where, when = ((), ()) if isinstance(value, str) else _source(source, texts)
    return Row((Cell(label, header=True), Cell(answer), Cell(where), Cell(when)))


def _health_table(rows: list[Row], texts: Texts) -> Table:
    head = Row(
        tuple(
            Cell(texts(m), header=True)
            for m in (
                "report.table.question",
                "report.table.answer",
                "report.table.source",
                "report.table.checked",
            )
        )
    )
    return Table((head,), rows, kind="health")


def _item_name(checklist: HealthChecklist, block: str, index: int, texts: Texts) -> Inline:
    items = getattr(checklist, block)
    item = items[index] if index < len(items) else None
    name = getattr(item, "substance", None) or getattr(item, "which", None) or ""
    key = "report.health.medicine" if block == "medicines" else "report.health.facility"
    return (Value(name),) if name else (texts(key, number=index + 1),)


def place_of(finding: HealthFinding, checklist: HealthChecklist, texts: Texts) -> Inline:
    """Where a finding is, in a counsellor's words: the medicine's or facility's name and the
    question, or the part of the checklist; never a JSON path."""
    match = _PATH.match(finding.path)
    if match is None:
        return (texts("report.health.checklist"),)
    block, index, name = match.group(1), match.group(2), match.group(3)
    where: Inline = ()
    if index is not None:
        where = _item_name(checklist, block, int(index), texts)
    else:
        where = (texts.field(HealthChecklist, block),)
    if name is not None:
        question = _QUESTIONS.get(f"{block}.{name}")
        if question is not None:
            where += (" – ", texts.label(question))
    return where


def health_checklist(checklist: HealthChecklist, texts: Texts, number: int = 1) -> Section:
    """One checklist as Bijlage 5: the illness, each medicine and facility with every answer's
    source and date, the network, decision capacity and the handover, then what it shows, each
    finding named by its medicine or part and each explanation said once."""
    heading = texts("report.health.heading", kind=texts.label(checklist.kind))
    blocks: list[Block] = [
        Fields(
            (
                Field(texts("HealthChecklist.H.illness.name_en"), _value(checklist.illness_en)),
                Field(
                    texts("HealthChecklist.H.illness.description"), _value(checklist.description)
                ),
            )
        )
    ]
    for block, items in (("medicines", checklist.medicines), ("facilities", checklist.facilities)):
        for i, item in enumerate(items):
            rows = [
                _health_row(texts.label(q), getattr(item, q.path.split(".")[1]), texts)
                for q in CHECKLIST_QUESTIONS
                if q.block == block and q.path.split(".")[1] not in ("substance", "which")
            ]
            blocks.append(
                Section(
                    f"health-{number}-{block}-{i + 1}",
                    _item_name(checklist, block, i, texts),
                    (_health_table(rows, texts),),
                    kind="item",
                )
            )
    for block in ("network", "decision_capacity", "handover"):
        record = getattr(checklist, block)
        rows = [
            _health_row(texts.label(q), getattr(record, q.path.split(".")[1]), texts)
            for q in CHECKLIST_QUESTIONS
            if q.block == block
        ]
        if hasattr(record, "note"):
            rows.append(_health_row(texts.field(type(record), "note"), record.note, texts))
        if block == "handover":
            rows.append(
                _health_row(
                    texts("report.health.passport_language"), record.passport_language, texts
                )
            )
        blocks.append(
            Section(
                f"health-{number}-{block}",
                texts.field(HealthChecklist, block),
                (_health_table(rows, texts),),
                kind="item",
            )
        )
    blocks.append(_findings(checklist, texts, number))
    return Section(f"health-{number}", heading, blocks, kind="health")


def _findings(checklist: HealthChecklist, texts: Texts, number: int) -> Section:
    found = health_findings(checklist)
    if not found:
        return Section(
            f"health-{number}-findings",
            texts("report.health.findings"),
            (Para(texts("report.none")),),
        )
    by_place: dict[str, list[HealthFinding]] = {}
    for finding in found:
        by_place.setdefault(finding.path, []).append(finding)
    rows = [
        Row(
            (
                Cell(place_of(group[0], checklist, texts), header=True),
                Cell("; ".join(dict.fromkeys(texts(f.title_message_id) for f in group))),
            )
        )
        for group in by_place.values()
    ]
    head = Row(
        (
            Cell(texts("report.table.where"), header=True),
            Cell(texts("report.table.what"), header=True),
        )
    )
    explained: dict[str, str] = {}
    for finding in found:
        explanation = texts.label(finding)
        if finding.dimension is not None:
            explanation = explanation.format(dimension=texts.label(finding.dimension))
        explained.setdefault(
            texts(finding.title_message_id), f"{explanation} ({texts.cite(finding.rule)})"
        )
    notes = [inline(f"{title}: ", text) for title, text in explained.items()]
    if any(f.note_message_id == ART64_NOTE for f in found):
        notes.append((texts(ART64_NOTE),))
    return Section(
        f"health-{number}-findings",
        texts("report.health.findings"),
        (
            Table((head,), rows, kind="findings"),
            Section(
                f"health-{number}-explained", texts("report.health.explained"), (Items(notes),)
            ),
        ),
    )


# --- Signals ------------------------------------------------------------------------------------


def urgent(log: SignalLog, texts: Texts) -> Section | None:
    """The suicide-threat steps and their guidance, when thoughts of death or suicide, a threat
    or an attempt are recorded; ``None`` otherwise. Printed once, first."""
    summary = summarize(log)
    if not summary.urgent_steps:
        return None
    return Section(
        "urgent",
        texts("report.urgent"),
        (
            Items((texts.label(s) for s in summary.urgent_steps), ordered=True),
            Items((texts.label(g) for g in summary.urgent_guidance), kind="guidance"),
        ),
        kind="urgent",
    )


def signals(log: SignalLog, texts: Texts) -> Section:
    """Signals with their dates, the appraisals, referrals and their steps, the risk and
    protective factors side by side; never a score. The suicide-threat steps are not repeated
    here: :func:`urgent` prints them first."""
    summary = summarize(log)
    blocks: list[Block] = []
    if summary.guidance:
        blocks.append(
            Items(inline(texts.label(g), f" ({texts.cite(g.rule)})") for g in summary.guidance)
        )
    observed = [
        Row(
            (
                Cell(texts.date(o.observed_on, "medium")),
                Cell(texts.label(SIGNALS.get(o.signal)), header=True),
                Cell(texts.label(o.source)),
                Cell(_or_open(o.about)),
            ),
            note=_value(o.note),
        )
        for o in log.observations
    ]
    if observed:
        head = Row(
            tuple(
                Cell(texts(m), header=True)
                for m in (
                    "report.table.date",
                    "report.table.signal",
                    "report.table.by",
                    "report.table.about",
                )
            )
        )
        blocks.append(Table((head,), observed, caption=texts("report.signals"), kind="signals"))
    else:
        blocks.append(Para(texts("report.signals.none")))
    for taxation in log.taxations:
        rows = [
            Field(
                texts.field(type(taxation), n),
                _shown(getattr(taxation, n), texts) if is_answered(getattr(taxation, n)) else None,
            )
            for n in ("severity", "need_for_help", "willingness", "consulted", "note")
        ]
        blocks.append(
            Section(
                f"taxation-{taxation.assessed_on.isoformat()}",
                texts("report.taxation", date=texts.date(taxation.assessed_on)),
                (Fields(rows),),
            )
        )
    if summary.indication.reasons:
        reasons = ", ".join(texts.label(r) for r in summary.indication.reasons)
        blocks.append(Para(texts("report.reasons", reasons=reasons)))
    for index, referral in enumerate(log.referrals):
        steps = [
            Row(
                (
                    Cell(texts.date(s.on, "medium")),
                    Cell(texts.label(s.step), header=True),
                    Cell((texts.label(s.outcome),) if s.outcome else ()),
                ),
                note=_value(s.note),
            )
            for s in log.steps
            if s.referral == index
        ]
        open_steps = [
            inline(
                texts.label(o.step),
                " – ",
                texts.label(o.blocked_by)
                if o.blocked_by is not None
                else texts("report.step_allowed"),
            )
            for o in summary.open_steps
            if o.referral == index
        ]
        inner: list[Block] = [
            Para(
                inline(
                    texts.label(referral.target),
                    " – ",
                    ", ".join(texts.label(r) for r in referral.reasons),
                    *((": ", Value(referral.note)) if referral.note else ()),
                )
            )
        ]
        if steps:
            head = Row(
                tuple(
                    Cell(texts(m), header=True)
                    for m in ("report.table.date", "report.table.step", "report.table.outcome")
                )
            )
            inner.append(Table((head,), steps, kind="steps"))
        if open_steps:
            inner.append(
                Section(
                    f"referral-{index + 1}-open",
                    texts("report.referral.open"),
                    (Items(open_steps),),
                )
            )
        blocks.append(
            Section(
                f"referral-{index + 1}",
                texts("report.referral", number=index + 1, date=texts.date(referral.decided_on)),
                inner,
            )
        )
    if log.factors:  # the latest noted, protective beside risk: both sides, never a balance
        latest = log.factors[-1]
        blocks.append(
            Section(
                "factors-noted",
                texts("report.factors_noted", date=texts.date(latest.recorded_on)),
                (
                    Fields(
                        (
                            Field(
                                texts.field(FactorsRecord, "protective"),
                                "\n".join(
                                    texts.label(PROTECTIVE_FACTORS.get(i))
                                    for i in latest.protective
                                )
                                or "—",
                            ),
                            Field(
                                texts.field(FactorsRecord, "risk"),
                                "\n".join(texts.label(RISK_FACTORS.get(i)) for i in latest.risk)
                                or "—",
                            ),
                        )
                    ),
                ),
            )
        )
    if not summary.urgent_steps:  # with the steps, their guidance holds these already
        blocks.append(Items((texts.label(n) for n in STANDING_GUIDANCE), kind="guidance"))
    blocks.append(Para(texts("report.not_a_screener"), "note"))
    return Section("signals", texts("report.signals.title"), blocks, kind="signals")


# --- The case -----------------------------------------------------------------------------------


def summary(case: CaseFile, texts: Texts) -> Section:
    """The case at a glance for the file: strengths beside vulnerabilities, counts, no verdict."""
    s = case_summary(case)
    rows: list[Field] = []
    if s.latest is not None:
        totals = s.latest.totals()
        rows.append(
            Field(
                texts("report.case.latest_label"),
                texts(
                    "report.case.latest_value",
                    date=texts.date(s.latest.assessed_on),
                    minus=totals.minus,
                    plus=totals.plus,
                ),
            )
        )
        if len(case.assessments) >= 2:
            rows.append(Field(texts("report.case.moved_label"), texts.number(len(s.moved))))
    for key, chosen in (
        ("report.case.strengths_label", s.strengths),
        ("report.case.vulnerabilities_label", s.vulnerabilities),
        ("report.case.not_chosen_label", s.kind_not_yet_chosen),
    ):
        rows.append(Field(texts(key), "\n".join(texts.label(w.factor) for w in chosen) or "—"))
    answered = sum(p.progress is Progress.ANSWERED for p in s.plan_progress)
    partly = sum(p.progress is Progress.PARTLY for p in s.plan_progress)
    rows.append(
        Field(
            texts("report.case.plan_label"),
            texts(
                "report.case.plan_value",
                answered=answered,
                total=len(s.plan_progress),
                partly=partly,
            ),
        )
    )
    places = len({(f.path) for f in s.health_findings})
    rows.append(
        Field(texts("report.case.health_label"), texts("report.case.health_value", count=places))
    )
    rows.append(
        Field(texts("report.case.referral_label"), texts.number(len(s.open_referral_steps)))
    )
    blocks: list[Block] = [Fields(rows)]
    if s.urgent_steps:  # the steps stand above, once; the summary points to them
        blocks.insert(0, Para(texts("report.case.urgent", count=len(s.urgent_steps)), "urgent"))
    if s.monitoring.advised_months is not None:
        key = (
            "report.case.monitoring_declined"
            if s.monitoring.client_declines
            else "report.case.monitoring"
        )
        blocks.append(Para(texts(key, months=s.monitoring.advised_months)))
    blocks.append(Para(texts("report.describes"), "note"))
    return Section("summary", texts("report.case"), blocks)


def context(ctx: CaseContext, texts: Texts) -> Section:
    """Where the client stands: phase, status, asylum outcome, way of return, vulnerability."""
    values: list[tuple[str, LabelledEnum | None]] = [
        ("phases", ctx.phase),
        ("group", ctx.group),
        ("asylum_outcome", ctx.asylum_outcome),
        ("return_way", ctx.return_way),
        ("alternative", ctx.alternative),
    ]
    rows = [
        Field(texts.field(CaseContext, n), "—" if v is None else texts.label(v)) for n, v in values
    ]
    if ctx.unaccompanied_minor:
        rows.append(Field(texts.field(CaseContext, "unaccompanied_minor"), texts("Answer.yes")))
    rows.append(
        Field(
            texts.field(CaseContext, "vulnerable"),
            "\n".join(texts.label(v) for v in ctx.vulnerable) or "—",
        )
    )
    blocks: list[Block] = [Fields(rows)]
    if legal_check_advice(ctx.vulnerable).needed:
        blocks.append(Para(texts(GUIDANCE_TEXTS.get("L.vulnerable_groups").message_id), "guidance"))
    return Section("context", texts("Form.context"), blocks)


def guidance_para(where: str, texts: Texts) -> Para | None:
    """The guidance topics of an instrument and the command that prints them, for the file copy."""
    topics = topics_for(where)
    if not topics:
        return None
    names = "; ".join(texts(t.message_id) for t in topics)
    ids = " ".join(t.id for t in topics)
    return Para(
        texts("report.guidance", topics=names, command=f"terugkeer guide {ids}"), "guidance"
    )


def _with_guidance(section: Section, where: str, texts: Texts) -> Section:
    para = guidance_para(where, texts)
    if para is None:
        return section
    return attrs.evolve(section, blocks=(*section.blocks, para))


def draft_notice(texts: Texts) -> Para | None:
    """The one-line notice a page in a draft client language carries, in that language and in
    the counsellor's (the second language, or else the fallback); ``None`` once reviewed."""
    if not texts.review_status.is_draft:
        return None
    own = Texts(texts.language, fallback=texts.fallback, second=texts.second or texts.fallback)
    return Para(own("client.draft_notice"), kind="draft")


def case_sections(
    case: CaseFile,
    texts: Texts,
    *,
    copy: Copy = Copy.FILE,
    charts: Charts | None = None,
) -> tuple[Section, ...]:
    """The whole case as printed sections, in reading order. The file copy starts with the
    suicide-threat steps when they apply, once; the client copy holds no signal and no working
    note. ``charts`` (HTML only) makes the pictures: an object with ``balance(assessment)`` and
    ``totals(assessments)`` returning SVG. The copy for the file is for the counsellor, so it is
    written in a complete language (``nl`` or ``en``); a client language is refused for it."""
    out: list[Section] = []
    file = copy is Copy.FILE
    if file and not texts.complete:
        raise UnsupportedLocaleError(
            texts.language, AVAILABLE_LOCALES, what="complete catalogue (the copy for the file)"
        )
    if file:
        first = urgent(case.signals, texts)
        if first is not None:
            out.append(first)
        out.append(_with_guidance(summary(case, texts), "case", texts))
        out.append(_with_guidance(context(case.context, texts), "context", texts))
    if case.assessments:
        latest = case.assessments[-1]
        previous = case.assessments[-2] if len(case.assessments) >= 2 else None
        chart = charts.balance(latest) if charts is not None else None
        grid = overview1(latest, texts, previous, copy=copy, chart=chart)
        out.append(_with_guidance(grid, "overview1", texts) if file else grid)
        if previous is not None:
            if file:
                out.append(comparison(previous, latest, texts))
            totals = charts.totals(case.assessments) if charts is not None else None
            out.append(timeline(case.assessments, texts, chart=totals))
        if file:
            out.append(
                _with_guidance(
                    overview2(latest, case.change_possibilities, texts), "overview2", texts
                )
            )
        three = overview3(latest, case.weighty_factors, texts, case.change_possibilities, copy=copy)
        out.append(_with_guidance(three, "overview3", texts) if file else three)
    plan = plan_worksheet(
        case.plan,
        texts,
        client=case.client,
        family=case.family,
        weighty=case.weighty_factors,
        checklists=case.health,
        copy=copy,
    )
    out.append(_with_guidance(plan, "actionplan", texts) if file else plan)
    if file:
        for number, checklist in enumerate(case.health, start=1):
            section = health_checklist(checklist, texts, number)
            if number == len(case.health):
                section = _with_guidance(section, "health", texts)
            out.append(section)
        out.append(_with_guidance(signals(case.signals, texts), "signals", texts))
    return tuple(out)
