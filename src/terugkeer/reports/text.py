"""Every instrument as lines of text in Dutch or English, for people to read.

Each renderer takes the records and a :class:`~terugkeer.i18n.Texts` and returns a tuple of lines.
Nothing here computes a verdict: Total − and Total + stand side by side, strengths beside
vulnerabilities, and the suicide-threat steps come first whenever they apply, in every locale; no
argument of this module can leave them out.

>>> import datetime as dt
>>> from terugkeer import Assessment, Texts
>>> a = Assessment.build(dt.date(2026, 3, 2), {"F02": -3, "F07": 3})
>>> overview1_lines(a, Texts("en"))[0]
'Overview 1 – factors in the decision, 2 March 2026'
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import ParamSpec

from terugkeer.actionplan import ActionPlan, ClientInfo, FamilyMemberView
from terugkeer.case import CaseContext, CaseFile
from terugkeer.factors import SCALE_LEGEND, SCALE_NOTE, Assessment
from terugkeer.guidance import GuidanceTopic
from terugkeer.health import HealthChecklist
from terugkeer.i18n import Bilingual, Texts
from terugkeer.overviews import ChangePossibility, WeightyFactor
from terugkeer.reports import own, pages
from terugkeer.reports.blocks import (
    Block,
    Cell,
    Fields,
    Inline,
    Items,
    Para,
    Row,
    Section,
    Table,
    Value,
)
from terugkeer.reports.pages import Copy, rating_number, rating_symbol
from terugkeer.signals import SignalLog
from terugkeer.wellbeing import (
    CounsellorJournal,
    EmotionExercise,
    IntervisionReflection,
    ReactionsReflection,
    StressSelfCheck,
)

__all__ = [
    "WIDTH",
    "action_plan_lines",
    "block_lines",
    "case_lines",
    "comparison_lines",
    "context_lines",
    "emotion_exercise_lines",
    "family_lines",
    "guidance_lines",
    "guidance_pointer",
    "health_lines",
    "intervision_lines",
    "journal_lines",
    "legend_lines",
    "overview1_lines",
    "overview2_lines",
    "overview3_lines",
    "rating_number",
    "rating_symbol",
    "reflection_lines",
    "section_lines",
    "signal_lines",
    "stress_lines",
    "summary_lines",
    "timeline_lines",
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


#: How wide the text copy is: tables share this width, paragraphs wrap at it.
WIDTH = 100


def _text(run: Inline) -> str:
    """A run as one string, with what people typed made safe to print (see ``_CONTROLS``)."""
    return "".join(
        p.text.translate(_CONTROLS)
        if isinstance(p, Value)
        else f"{p} / {p.second}"
        if isinstance(p, Bilingual) and p.shown
        else p
        for p in run
    )


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """``text`` wrapped at ``width`` keeping its own line breaks; an empty text is one line."""
    lines: list[str] = []
    for k, paragraph in enumerate(text.split("\n")):
        indent = first if k == 0 else rest
        wrapped = textwrap.wrap(
            paragraph,
            max(width - len(indent), 10),
            initial_indent=indent,
            subsequent_indent=rest,
            break_on_hyphens=False,
        )
        lines += wrapped or [indent.rstrip()]
    return lines


def _cell_text(cell: Cell, grid: bool) -> str:
    """A cell's text; a grid's score heading shows its symbol only (the key follows the table)."""
    text = _text(cell.text)
    return text.split("\n")[0] if grid and cell.kind == "scale" else text


def _cell_lines(text: str, cell: Cell, width: int) -> list[str]:
    if cell.kind == "open":
        return ["_" * width]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""]
    return lines


def _widths(table: Table, total: int) -> list[int]:
    """Column widths: every column at least its longest word, the room left shared out in
    proportion to how much more each column would like."""
    grid = table.kind == "grid"
    columns = max(sum(c.span for c in r.cells) for r in (*table.head, *table.body))
    least, most = [1] * columns, [1] * columns
    for row in (*table.head, *table.body):
        i = 0
        for cell in row.cells:
            if cell.span == 1 and i < columns:
                text = _cell_text(cell, grid)
                words = [len(w) for w in text.split()] or [3 if cell.kind == "open" else 1]
                lines = [len(x) for x in text.split("\n")] or [1]
                least[i] = max(least[i], min(max(words), 24))
                most[i] = max(most[i], max(lines), least[i])
            i += cell.span
    room = total - 2 * (columns - 1)
    if sum(most) <= room:
        return most
    spare = max(room - sum(least), 0)
    wanted = sum(m - n for m, n in zip(most, least, strict=True)) or 1
    return [n + (m - n) * spare // wanted for m, n in zip(most, least, strict=True)]


def _table_lines(table: Table, indent: str) -> list[str]:
    grid = table.kind == "grid"
    widths = _widths(table, WIDTH - len(indent))
    lines: list[str] = []
    if table.caption:
        lines += _wrap(_text(table.caption), WIDTH, indent, indent)

    def row_lines(row: Row) -> list[str]:
        blocks: list[tuple[int, list[str]]] = []
        i = 0
        for cell in row.cells:
            width = sum(widths[i : i + cell.span]) + 2 * (cell.span - 1)
            blocks.append((width, _cell_lines(_cell_text(cell, grid), cell, width)))
            i += cell.span
        height = max(len(b) for _, b in blocks)
        out = []
        for k in range(height):
            parts = [(b[k] if k < len(b) else "").ljust(w) for w, b in blocks]
            out.append((indent + "  ".join(parts)).rstrip())
        if row.note is not None:
            out += _wrap(_text(row.note), WIDTH, indent + "    ↳ ", indent + "      ")
        return out

    for row in table.head:
        lines += row_lines(row)
    if table.head:
        lines.append(indent + "─" * (sum(widths) + 2 * (len(widths) - 1)))
    for row in table.body:
        lines += row_lines(row)
    if grid:  # the key to the score columns, which the page prints in the column heads
        for cell in table.head[0].cells:
            if cell.kind == "scale":
                symbol, _, meaning = _text(cell.text).partition("\n")
                lines += _wrap(f"{symbol:>5}  {meaning}", WIDTH, indent, indent + "       ")
    return lines


def _heading(section: Section, depth: int) -> list[str]:
    title = _text(section.heading)
    if depth == 0:
        return [title, "═" * min(len(title), WIDTH)]
    if depth == 1:
        return [title, "─" * min(len(title), WIDTH)]
    return ["  " * (depth - 2) + "▸ " + title]


def block_lines(block: Block, depth: int = 0) -> tuple[str, ...]:
    """One block as lines of text with the structure of the page: headings underlined, tables
    in columns, a question nobody answered as an open line, typed text with its line breaks."""
    indent = "  " * max(depth - 1, 0)
    lines: list[str] = []
    if isinstance(block, Section):
        lines += _heading(block, depth)
        for inner in block.blocks:
            part = block_lines(inner, depth + 1)
            if isinstance(inner, Section) and lines and lines[-1] != "":
                lines.append("")
            lines += part
        return tuple(lines)
    if isinstance(block, Para):
        return tuple(_wrap(_text(block.text), WIDTH, indent, indent))
    if isinstance(block, Items):
        for number, entry in enumerate(block.entries, start=1):
            mark = f"{number}. " if block.ordered else "– "
            lines += _wrap(_text(entry), WIDTH, indent + mark, indent + " " * len(mark))
        return tuple(lines)
    if isinstance(block, Fields):
        for field in block.rows:
            label = _text(field.label) + ": "
            if field.value is None:
                lines.append(f"{indent}{label}{'_' * max(WIDTH - len(indent) - len(label), 10)}")
            else:
                lines += _wrap(label + _text(field.value), WIDTH, indent, indent + "    ")
        return tuple(lines)
    if isinstance(block, Table):
        return tuple(_table_lines(block, indent))
    return ()  # a figure: its numbers stand in the table beside it


def section_lines(section: Section) -> tuple[str, ...]:
    """A section as text, every control character a terminal would obey shown, not obeyed
    (typed text is made safe where it is read, before it is wrapped)."""
    return block_lines(section)


@_visible
def legend_lines(texts: Texts) -> tuple[str, ...]:
    """The scale legend to print beside Overview 1 (§3.1), with the note on direction."""
    lines = [texts("report.legend")]
    lines += [f"  {point.symbol:>5}  {texts.label(point)}" for point in SCALE_LEGEND]
    lines.append(f"  {texts(SCALE_NOTE)}")
    return tuple(lines)


def overview1_lines(
    assessment: Assessment, texts: Texts, previous: Assessment | None = None
) -> tuple[str, ...]:
    """Overview 1 of one day as the grid: one column per score, Total − and Total + per group."""
    return section_lines(pages.overview1(assessment, texts, previous))


def comparison_lines(earlier: Assessment, later: Assessment, texts: Texts) -> tuple[str, ...]:
    """What changed between two dated assessments, factor 1's category included."""
    return section_lines(pages.comparison(earlier, later, texts))


def timeline_lines(assessments: Sequence[Assessment], texts: Texts) -> tuple[str, ...]:
    """Every dated assessment as one row, with Total − and Total + beside each other."""
    return section_lines(pages.timeline(assessments, texts))


def overview2_lines(
    assessment: Assessment, rows: Sequence[ChangePossibility], texts: Texts
) -> tuple[str, ...]:
    """Overview 2: the candidates to discuss, then the rows filled in together."""
    return section_lines(pages.overview2(assessment, rows, texts))


def overview3_lines(
    assessment: Assessment,
    rows: Sequence[WeightyFactor],
    texts: Texts,
    changes: Sequence[ChangePossibility] = (),
    *,
    copy: Copy = Copy.FILE,
) -> tuple[str, ...]:
    """Overview 3: the rows with the kind chosen for each; the file copy lists the candidates
    from Overviews 1 and 2 first (factor 1 first when discussed, then by size of score)."""
    return section_lines(pages.overview3(assessment, rows, texts, changes, copy=copy))


def action_plan_lines(
    plan: ActionPlan,
    texts: Texts,
    weighty: Iterable[WeightyFactor] = (),
    checklists: Iterable[HealthChecklist] = (),
    *,
    client: ClientInfo | None = None,
    family: Sequence[FamilyMemberView] = (),
    copy: Copy = Copy.FILE,
) -> tuple[str, ...]:
    """The action plan as the Bijlage 4 worksheet; the file copy adds progress per section, the
    monitoring advice and the reminders."""
    return section_lines(
        pages.plan_worksheet(
            plan,
            texts,
            client=client,
            family=family,
            weighty=weighty,
            checklists=checklists,
            copy=copy,
        )
    )


def health_lines(checklist: HealthChecklist, texts: Texts) -> tuple[str, ...]:
    """One health checklist as Bijlage 5: every answer with its source and date, then what it
    shows, named by medicine or part."""
    return section_lines(pages.health_checklist(checklist, texts))


def signal_lines(log: SignalLog, texts: Texts) -> tuple[str, ...]:
    """What a signal log leads to: the suicide-threat steps and their guidance first, always.

    >>> import datetime as dt
    >>> from terugkeer import SignalLog, Texts
    >>> from terugkeer.signals import SignalObservation, SignalSource
    >>> log = SignalLog().observe(
    ...     SignalObservation("S.suicide.thoughts", SignalSource.CLIENT, dt.date(2026, 3, 2)))
    >>> print(signal_lines(log, Texts("en"))[2])
    1. Take the threat seriously. Say what you notice in the client and acknowledge that something
    """
    first = pages.urgent(log, texts)
    lines = (*section_lines(first), "") if first is not None else ()
    return lines + section_lines(pages.signals(log, texts))


def context_lines(context: CaseContext, texts: Texts) -> tuple[str, ...]:
    """Where the client stands: phase, status, asylum outcome, way of return, vulnerability;
    with a vulnerable characteristic, the reminder to look again at the legal options (§3.3)."""
    return section_lines(pages.context(context, texts))


def family_lines(family: Sequence[FamilyMemberView], texts: Texts) -> tuple[str, ...]:
    """Each family member by name, with their own wishes, ideas and doubts (chapter 4): never
    merged into one view."""
    return section_lines(pages.family_views(family, texts))


def summary_lines(case: CaseFile, texts: Texts) -> tuple[str, ...]:
    """The case at a glance: strengths beside vulnerabilities, counts, never a verdict."""
    return section_lines(pages.summary(case, texts))


def case_lines(case: CaseFile, texts: Texts, *, copy: Copy = Copy.FILE) -> tuple[str, ...]:
    """The whole case as text, with the structure of the printed page: the file copy (default)
    starts with the suicide-threat steps when they apply; the client copy holds no signal."""
    lines: list[str] = []
    notice = pages.draft_notice(texts) if copy is Copy.CLIENT else None
    if notice is not None:
        lines += [_text(notice.text), ""]
    for section in pages.case_sections(case, texts, copy=copy):
        if lines:
            lines.append("")
        lines += section_lines(section)
    return tuple(lines)


def stress_lines(check: StressSelfCheck, texts: Texts) -> tuple[str, ...]:
    """The counsellor's stress self-check (B8): what was recognised, the advice, the measures."""
    return (*section_lines(own.stress_check(check, texts)), "", texts("report.stress.private"))


def reflection_lines(reflection: ReactionsReflection, texts: Texts) -> tuple[str, ...]:
    """The counsellor's reflection on distance and involvement (§6.1): each side, no grade."""
    return section_lines(own.reactions_reflection(reflection, texts))


def emotion_exercise_lines(exercise: EmotionExercise, texts: Texts) -> tuple[str, ...]:
    """The B7 exercise as done on one day: per emotion, the examples and what followed."""
    return section_lines(own.emotion_exercise(exercise, texts))


def intervision_lines(reflection: IntervisionReflection, texts: Texts) -> tuple[str, ...]:
    """The B9 intervision instrument as filled in on one day: per topic, how it affects the work."""
    return section_lines(own.intervision(reflection, texts))


def journal_lines(journal: CounsellorJournal, texts: Texts) -> tuple[str, ...]:
    """The counsellor's own instruments as their private page, in text."""
    lines: list[str] = []
    for section in own.journal_sections(journal, texts):
        if lines:
            lines.append("")
        lines += section_lines(section)
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
    para = pages.guidance_para(where, texts)
    return () if para is None else (_text(para.text),)


def _paragraph(message: str, mark: str) -> list[str]:
    """A guidance text wrapped as a paragraph under its mark (``•`` a text, ``!`` a reminder)."""
    return textwrap.wrap(
        message,
        GUIDE_WIDTH,
        initial_indent=f"  {mark} ",
        subsequent_indent="    ",
        break_on_hyphens=False,
    )
