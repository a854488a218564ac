"""The built-in example for ``terugkeer demo``: a made-up client, and the renderers called on it.

Everything about the client is fictional; its free text is written in the locale shown. The text
comes from :mod:`terugkeer.reports.text`; :mod:`terugkeer.cli` only prints it.
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
    FamilyMemberView,
    Goals,
    Monitoring,
    Safety,
)
from .answers import Answer
from .case import CaseContext, CaseFile
from .context import ClientGroup, ProcessPhase, VulnerableCharacteristic
from .factors import Assessment, AsylumOutcome, NewConsideration
from .health import (
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
from .i18n import Texts, text
from .overviews import ChangePossibility, WeightKind, WeightyFactor
from .planning import plan_health_section
from .reports.text import case_lines, journal_lines
from .signals import (
    FactorsRecord,
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
from .wellbeing import (
    CounsellorJournal,
    EmotionExample,
    EmotionExercise,
    IntervisionEntry,
    IntervisionReflection,
    ReactionsReflection,
    SignalsCheck,
    StressSelfCheck,
)

__all__ = [
    "COUNSELLOR_CHECK",
    "FIRST",
    "SECOND",
    "WEIGHTY_CHOICES",
    "change_rows",
    "demo_case",
    "demo_checklist",
    "demo_journal",
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


def demo_signal_log() -> SignalLog:
    """A short signal log for the example client."""
    day = dt.date(2026, 3, 2)
    log = (
        SignalLog()
        .observe(SignalObservation("S.sleep.nightmares", SignalSource.CLIENT, day))
        .observe(SignalObservation("S.behaviour.withdrawn", SignalSource.OBSERVED_BEHAVIOUR, day))
        .observe(SignalObservation("S.suicide.thoughts", SignalSource.CLIENT, dt.date(2026, 3, 9)))
        .note_factors(
            FactorsRecord(
                day,
                risk=("R.flight_problems", "R.few_social_contacts"),
                protective=("P.family", "P.religious_or_political_inspiration"),
            )
        )
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


COUNSELLOR_CHECK = StressSelfCheck(
    dt.date(2026, 3, 20),
    (
        "W.stress_signal.sleeplessness",
        "W.stress_signal.constant_worrying",
        "W.stress_signal.tiredness",
    ),
)


def demo_journal(locale: str) -> CounsellorJournal:
    """The example counsellor's own instruments: made up, like the client."""
    return CounsellorJournal(
        emotion_exercises=(
            EmotionExercise(
                dt.date(2026, 2, 10),
                (
                    EmotionExample(
                        "W.exercise_emotion.powerlessness",
                        text("demo.own.example", locale),
                        text("demo.own.contact", locale),
                        text("demo.own.self", locale),
                    ),
                ),
            ),
        ),
        signals_checks=(SignalsCheck(dt.date(2026, 3, 20), ("W.signal_general.exhaustion",)),),
        stress_checks=(COUNSELLOR_CHECK,),
        reflections=(
            ReactionsReflection(
                dt.date(2026, 3, 20),
                ("W.involvement.rescuer_urge", "W.distance.avoiding"),
            ),
        ),
        intervisions=(
            IntervisionReflection(
                dt.date(2026, 4, 2),
                (
                    IntervisionEntry(
                        "W.intervision_work.how_work_is_organised",
                        text("demo.own.intervision", locale),
                    ),
                ),
            ),
        ),
    )


def demo_case(locale: str) -> CaseFile:
    """The example client's whole file."""
    family = (
        FamilyMemberView(
            "Alex Voorbeeld",
            text("demo.family.partner", locale),
            is_minor=False,
            wishes=text("demo.family.partner_wishes", locale),
            doubts=text("demo.family.partner_doubts", locale),
        ),
        FamilyMemberView(
            "Noor Voorbeeld",
            text("demo.family.daughter", locale),
            is_minor=True,
            ideas=text("demo.family.daughter_ideas", locale),
        ),
    )
    context = CaseContext(
        group=ClientGroup.UNDOCUMENTED,
        asylum_outcome=AsylumOutcome.UNDOCUMENTED,
        vulnerable=(VulnerableCharacteristic.HEALTH,),
    )
    case = CaseFile(
        "demo-0001",
        ClientInfo(name="Sam Voorbeeld", country_of_origin=text("demo.country", locale)),
        context=context,
        family=family,
    ).change_phase(ProcessPhase.DECIDING, dt.date(2026, 3, 2))
    case = case.add_assessment(FIRST).add_assessment(second(locale))
    for change in change_rows(locale):
        case = case.add_change_possibility(change)
    for row in weighty_rows(locale):
        case = case.add_weighty_factor(row)
    case = case.with_plan(demo_plan(locale)).add_checklist(demo_checklist(locale))
    return case.with_signals(demo_signal_log())


def render_demo(locale: str = "nl") -> str:
    """The whole demo text for one locale: the example client's case through the renderers."""
    texts = Texts(locale)
    title = texts("demo.title")
    client = texts("demo.client", name="Sam Voorbeeld", country=texts("demo.country"))
    body = case_lines(demo_case(locale), texts)
    return "\n".join((title, "=" * len(title), "", client, "", *body)) + "\n"


def render_counsellor_demo(locale: str = "nl") -> str:
    """The counsellor's example: their own instruments, with what Bijlage 8 suggests."""
    texts = Texts(locale)
    body = journal_lines(demo_journal(locale), texts)
    return "\n".join((texts("demo.counsellor"), "", *body)) + "\n"
