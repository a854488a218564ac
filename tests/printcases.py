"""Cases the printed-instrument tests print: a family, hostile text, twenty assessments."""

from __future__ import annotations

import datetime as dt

import attrs

from terugkeer import CaseFile
from terugkeer._demo import demo_case
from terugkeer.actionplan import (
    Activity,
    ActivityStatus,
    ActivityUpdate,
    Appointment,
    ChildPlan,
    FamilyMemberView,
)
from terugkeer.answers import Answer
from terugkeer.factors import Assessment
from terugkeer.health import (
    ComplaintKind,
    HealthChecklist,
    Medicine,
    Source,
    SourcedAnswer,
    SourceKind,
)
from terugkeer.stamps import Entered

UTC = dt.timezone.utc
RLO = "\u202e"
#: A 300-letter word with a recognisable end, as people paste links and codes.
LONG_WORD = "Z" * 296 + "Ende"
CHILDREN = (
    ChildPlan(
        "Noor", school="Basisschool De Linde", school_contact_made=Answer.YES, language="Dari"
    ),
    ChildPlan("Jamal", school="Middelbare school in de stad", school_contact_made=Answer.NO),
    ChildPlan("Sara", childcare="Bij oma in de middag", peers="Nichtjes in de straat"),
)
MEMBERS = (
    FamilyMemberView("Alex", "partner", is_minor=False, wishes="Een eigen huis", doubts="Werk?"),
    FamilyMemberView("Noor", "dochter", is_minor=True, ideas="Wil haar vriendinnen houden"),
    FamilyMemberView("Omar", "broer", wishes="Samen blijven", doubts="Schulden voor de reis"),
)
APPOINTMENTS = (
    Appointment(
        dt.date(2026, 3, 9),
        dt.date(2026, 3, 23),
        (
            Activity("De tante bellen", "tante Mina", "Of er een kamer vrij is"),
            Activity("Schoolpapieren opvragen", "", "Welke stempels nodig zijn"),
        ),
        Entered("c-17", dt.datetime(2026, 3, 9, 14, 5, tzinfo=UTC)),
    ),
    Appointment(
        dt.date(2026, 3, 23),
        dt.date(2026, 4, 6),
        (Activity("Naaimachine uitzoeken", "", "Wat die daar kost"),),
        Entered("c-22", dt.datetime(2026, 3, 23, 10, 0, tzinfo=UTC)),
    ),
)


def family_case(locale: str = "nl") -> CaseFile:
    """The demo client with a partner, a brother and three children, each with their own
    answers and views, two appointments and stamps of who entered them."""
    case = demo_case(locale)
    plan = attrs.evolve(case.plan, children=CHILDREN, appointments=())
    for appointment in APPOINTMENTS:
        plan = plan.add_appointment(appointment, today=appointment.held_on)
    plan = plan.update_activity(
        ActivityUpdate(0, 1, ActivityStatus.DONE, dt.date(2026, 3, 20)), today=dt.date(2026, 3, 20)
    )
    return attrs.evolve(case, plan=plan, family=MEMBERS)


def hostile_case(locale: str = "nl") -> CaseFile:
    """Text that tries to break the page: a right-to-left override in a medicine's name and a
    case id, a 300-letter word, a 10,000-letter note, line breaks and markup."""
    case = demo_case(locale)
    source = Source(SourceKind.PHYSICIAN, "dr. A", checked_on=dt.date(2026, 2, 20))
    medicine = Medicine(
        RLO + "Insulin",
        available=SourcedAnswer(Answer.YES, source),
        reachable=SourcedAnswer(Answer.NO, source),
        affordable=SourcedAnswer(Answer.UNKNOWN),
    )
    checklist = HealthChecklist(ComplaintKind.PHYSICAL, "diabetes", medicines=(medicine,))
    latest = case.assessments[-1]
    ratings = list(latest.ratings)
    # factors 3, 4 and 6: not rows of Overviews 2 and 3, which repeat their ratings
    ratings[2] = attrs.evolve(ratings[2], note=("Lange toelichting. " * 530)[:10_000])
    ratings[3] = attrs.evolve(ratings[3], note=LONG_WORD)
    ratings[5] = attrs.evolve(ratings[5], note=f"eerste regel\ntweede regel {RLO}ja <b>vet</b>")
    latest = attrs.evolve(latest, ratings=tuple(ratings))
    return attrs.evolve(
        case,
        case_id=f"demo-{RLO}0001",
        assessments=(*case.assessments[:-1], latest),
        health=(*case.health, checklist),
        family=(FamilyMemberView(RLO + "Alex", "partner", wishes=LONG_WORD),),
    )


def many_assessments_case(count: int = 20, locale: str = "nl") -> CaseFile:
    """The demo client re-scored every two weeks: ``count`` dated assessments."""
    case = demo_case(locale)
    first = case.assessments[0]
    assessments = [first]
    for k in range(1, count):
        shift = {f"F{i:02d}": ((i + k) % 7) - 3 for i in range(1, 20)}
        scores: dict[str, int | None] = {f: s or None for f, s in shift.items()}  # 0: no score
        day = first.assessed_on + dt.timedelta(days=14 * k)
        assessments.append(Assessment.build(day, scores))
    return attrs.evolve(
        case, assessments=tuple(assessments), change_possibilities=(), weighty_factors=()
    )
