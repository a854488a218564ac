"""The personal action plan: typed homes for every question, append-only agreements, derivations."""

from __future__ import annotations

import datetime as dt
import json
import types
import typing

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from terugkeer import (
    FACTORS,
    ActionPlan,
    Assessment,
    ValidationError,
    WeightyFactor,
    dumps,
    label,
    loads,
    to_document,
)
from terugkeer._fields import spec_of
from terugkeer.actionplan import (
    MAX_ITEMS,
    Activity,
    ActivityStatus,
    ActivityUpdate,
    Appointment,
    ChildPlan,
    ClientInfo,
    ComplaintCare,
    Dread,
    Goals,
    HealthSection,
    Monitoring,
    OrganisationInfo,
    OwnExpectations,
    Safety,
)
from terugkeer.answers import Answer
from terugkeer.catalogues.plan_rows import ATTENTION_ROWS
from terugkeer.i18n import text
from terugkeer.overviews import WeightKind
from terugkeer.planning import (
    HEALTH_MONITORING_MONTHS,
    PLAN_SECTIONS,
    Progress,
    completeness,
    monitoring_advice,
    plan_attention,
    progress_of,
    section_counts,
)
from terugkeer.testing import action_plans, appointments, weighty_factors

DAY = dt.date(2026, 3, 2)
TODAY = dt.date(2026, 11, 29)


def _annotation_at(cls: type, path: list[str]) -> object:
    hints = typing.get_type_hints(cls)
    annotation = hints[path[0]]
    while typing.get_origin(annotation) in (tuple, typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None) and a is not ...]
        annotation = args[0]
    if len(path) == 1:
        return annotation
    assert isinstance(annotation, type) and attrs.has(annotation)
    return _annotation_at(annotation, path[1:])


def test_sections_follow_the_form() -> None:
    ids = [s.id for s in PLAN_SECTIONS]
    assert ids == [
        "AP01", "AP02a", "AP02b", "AP03", "AP04", "AP05", "AP06",
        "AP07", "AP08", "AP09", "AP10", "AP11", "AP12", "AP13",
    ]  # fmt: skip


def test_every_question_has_a_typed_home_in_the_plan() -> None:
    """Every question of appendix 4 points to a typed field of ActionPlan."""
    seen = set()
    for section in PLAN_SECTIONS:
        for question in section.questions:
            path = [section.attribute, *question.path.split(".")]
            annotation = _annotation_at(ActionPlan, path)
            assert annotation in (str, int, Answer, dt.date) or isinstance(annotation, type)
            assert question.id not in seen
            seen.add(question.id)
    # 88 questions of the printed form, plus childcare (§4.4), where to live and whom to contact
    # (§4.5), savings and a first stay away from the family (§4.8), stigma (§4.9), and who
    # monitors until when (§4.12).
    assert len(seen) == 88 + 8


def test_question_counts_per_section() -> None:
    counts = {s.id: len(s.questions) for s in PLAN_SECTIONS}
    assert counts == {
        "AP01": 8, "AP02a": 3, "AP02b": 18, "AP03": 15, "AP04": 7, "AP05": 7, "AP06": 3,
        "AP07": 8, "AP08": 8, "AP09": 5, "AP10": 2, "AP11": 4, "AP12": 6, "AP13": 2,
    }  # fmt: skip


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_the_empty_form_can_be_listed_in_a_locale(locale: str) -> None:
    for section in PLAN_SECTIONS:
        assert label(section, locale) != section.message_id
        for question in section.questions:
            assert label(question, locale) != question.message_id


def test_client_details_are_marked_identifying() -> None:
    marked = {f.name for f in attrs.fields(ClientInfo) if spec_of(f).identifying}
    assert marked == {"name", "date_of_birth", "phone", "email", "address"}


def test_an_empty_plan_is_normal_and_every_section_is_empty() -> None:
    progress = completeness(ActionPlan())
    assert [p.progress for p in progress] == [Progress.EMPTY] * len(PLAN_SECTIONS)


def test_partly_filled_sections_are_reported_as_partly() -> None:
    plan = ActionPlan().with_section(
        goals=Goals(work="tailor", housing="with an aunt", other="learn to drive"),
        safety=Safety(worried=Answer.YES),
    )
    by_id = {p.section.id: p for p in completeness(plan)}
    assert by_id["AP02a"].progress is Progress.ANSWERED
    assert by_id["AP05"].progress is Progress.PARTLY
    assert (by_id["AP05"].answered, by_id["AP05"].total) == (1, 7)


def test_in_an_empty_plan_every_question_counts_once_and_none_is_answered() -> None:
    counted = {s.id: (a, t) for s, a, t in section_counts(ActionPlan())}
    assert counted == {s.id: (0, len(s.questions)) for s in PLAN_SECTIONS}


def test_a_question_of_a_repeated_part_counts_once_per_item() -> None:
    """AP04 holds its seven questions per child (our model: the printed form asks about the
    children together; childcare comes from §4.4); without children each counts once."""
    (none,) = [(a, t) for s, a, t in section_counts(ActionPlan()) if s.id == "AP04"]
    assert none == (0, 7)
    children = (ChildPlan("A", school="near"), ChildPlan("B", school_contact_made=Answer.NO))
    plan = ActionPlan(children=children)
    (two,) = [(a, t) for s, a, t in section_counts(plan) if s.id == "AP04"]
    assert two == (2, 14)


@given(action_plans(fill="complete"))
def test_a_complete_plan_is_answered_everywhere(plan: ActionPlan) -> None:
    """Completeness reports 'answered' when every question has an answer (SPEC §5)."""
    assert {p.progress for p in completeness(plan)} == {Progress.ANSWERED}


@given(action_plans())
def test_completeness_counts_are_consistent(plan: ActionPlan) -> None:
    for p in completeness(plan):
        assert 0 <= p.answered <= p.total
        assert (p.progress is Progress.EMPTY) == (p.answered == 0)


@given(action_plans())
def test_section_counts_are_the_counts_completeness_reports(plan: ActionPlan) -> None:
    """The counts without a record per section: the same sections, order and numbers."""
    counted = [(s.id, a, t) for s, a, t in section_counts(plan)]
    assert counted == [(p.section.id, p.answered, p.total) for p in completeness(plan)]
    assert [p.progress for p in completeness(plan)] == [
        progress_of(a, t) for _, a, t in section_counts(plan)
    ]


@given(action_plans())
def test_progress_rows_are_what_completeness_reports(plan: ActionPlan) -> None:
    """The research export's generated rows of a plan equal the domain's readable counts: per
    section, the key, id, progress code and counts."""
    from terugkeer.research.counters import progress_rows

    expected = [
        ["key", p.section.id, p.progress.value, p.answered, p.total] for p in completeness(plan)
    ]
    assert progress_rows(plan, "key") == expected


@pytest.mark.parametrize(
    ("answered", "total", "progress"),
    [
        (0, 0, Progress.EMPTY),
        (0, 4, Progress.EMPTY),
        (1, 4, Progress.PARTLY),
        (3, 4, Progress.PARTLY),
        (4, 4, Progress.ANSWERED),
        (1, 1, Progress.ANSWERED),
    ],
)
def test_progress_is_empty_partly_or_answered(
    answered: int, total: int, progress: Progress
) -> None:
    assert progress_of(answered, total) is progress


def test_the_six_printed_activity_lines_are_a_prompt_not_a_limit() -> None:
    """SPEC §0: six lines on paper are space, not a maximum; a seventh activity is fine."""
    seven = tuple(Activity(what=str(i)) for i in range(7))
    plan = ActionPlan().add_appointment(Appointment(DAY, None, seven), today=TODAY)
    assert len(plan.appointments[0].activities) == 7
    later = plan.update_activity(ActivityUpdate(0, 7, ActivityStatus.DONE, DAY), today=TODAY)
    assert later.activity_status(0, 7) is ActivityStatus.DONE
    assert loads(dumps(later), ActionPlan) == later


def test_lists_have_a_bound_against_abuse_only() -> None:
    """The bound is far above any prompt: it guards against abuse, not against the method."""
    assert MAX_ITEMS >= 100
    with pytest.raises(ValidationError) as info:
        Appointment(DAY, None, tuple(Activity(what="x") for _ in range(MAX_ITEMS + 1)))
    assert [p.path for p in info.value.problems] == ["$.activities"]
    plan = ActionPlan().add_appointment(Appointment(DAY, None, (Activity("a"),)), today=TODAY)
    doc = to_document(plan)
    doc["appointments"][0]["activities"] = [{"what": "x", "with_whom": "", "find_out": ""}] * (
        MAX_ITEMS + 1
    )
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(doc), ActionPlan)
    assert [p.path for p in info.value.problems] == ["$.appointments[0].activities"]


def test_an_appointment_in_the_future_is_refused() -> None:
    with pytest.raises(ValidationError):
        ActionPlan().add_appointment(Appointment(TODAY + dt.timedelta(days=1)), today=TODAY)


def test_an_appointment_before_the_previous_one_is_refused() -> None:
    plan = ActionPlan().add_appointment(Appointment(DAY), today=TODAY)
    with pytest.raises(ValidationError) as info:
        plan.add_appointment(Appointment(DAY - dt.timedelta(days=1)), today=TODAY)
    assert [p.path for p in info.value.problems] == ["$.appointments[1].held_on"]


def test_the_next_appointment_cannot_precede_the_appointment() -> None:
    with pytest.raises(ValidationError):
        Appointment(DAY, DAY - dt.timedelta(days=7))


@given(action_plans(), appointments())
def test_adding_an_appointment_never_rewrites_earlier_ones(
    plan: ActionPlan, appointment: Appointment
) -> None:
    """Agreements are a history: adding appends and leaves every earlier appointment as it was."""
    last = max([a.held_on for a in plan.appointments], default=dt.date(2000, 1, 1))
    if appointment.held_on < last:
        appointment = attrs.evolve(appointment, held_on=last, next_on=None)
    later = plan.add_appointment(appointment, today=dt.date(2100, 12, 31))
    assert later.appointments[: len(plan.appointments)] == plan.appointments
    assert later.appointments[-1] == appointment
    assert later.activity_updates == plan.activity_updates


def test_activity_status_changes_through_dated_updates() -> None:
    plan = ActionPlan().add_appointment(
        Appointment(DAY, DAY + dt.timedelta(days=14), (Activity("call the embassy"),)), today=TODAY
    )
    assert plan.activity_status(0, 1) is ActivityStatus.OPEN
    update = ActivityUpdate(0, 1, ActivityStatus.NOT_DONE, DAY + dt.timedelta(days=14), "ill")
    later = plan.update_activity(update, today=TODAY)
    assert later.activity_status(0, 1) is ActivityStatus.NOT_DONE
    assert later.appointments == plan.appointments
    assert plan.activity_status(0, 1) is ActivityStatus.OPEN


def test_not_done_needs_a_reason_and_updates_need_a_real_activity() -> None:
    with pytest.raises(ValidationError):
        ActivityUpdate(0, 1, ActivityStatus.NOT_DONE, DAY)
    plan = ActionPlan().add_appointment(Appointment(DAY, None, (Activity("x"),)), today=TODAY)
    with pytest.raises(ValidationError) as info:
        plan.update_activity(ActivityUpdate(0, 2, ActivityStatus.DONE, DAY), today=TODAY)
    assert [p.path for p in info.value.problems] == ["$.activity_updates[0].activity"]
    with pytest.raises(ValidationError):
        plan.update_activity(
            ActivityUpdate(0, 1, ActivityStatus.DONE, DAY - dt.timedelta(1)), today=TODAY
        )


def test_history_cannot_be_replaced_wholesale() -> None:
    with pytest.raises(ValidationError):
        ActionPlan().with_section(appointments=())
    with pytest.raises(ValidationError):
        ActionPlan().with_section(nonsense=1)


def test_think_of_five_is_a_prompt_not_a_maximum() -> None:
    """Sections 5 and 9 ask for five; a sixth way, hope or dread is welcome (SPEC §0)."""
    assert len(Safety(ways_to_feel_safer=tuple("abcdef")).ways_to_feel_safer) == 6
    six = OwnExpectations(looking_forward=tuple("abcdef"), dreaded=(Dread("x"),) * 6)
    assert (len(six.looking_forward), len(six.dreaded)) == (6, 6)


def test_chapter_four_prompts_have_a_place_in_the_plan() -> None:
    """Childcare (§4.4), where to live and whom to contact (§4.5), savings and a first stay away
    from the family (§4.8), and stigma (§4.9) are questions of the plan."""
    paths = {q.path for s in PLAN_SECTIONS for q in s.questions}
    assert {"childcare", "safe_place", "safe_contacts", "savings", "first_reception"} <= paths
    assert {"stigma", "organisation", "until"} <= paths


def test_monitoring_advice_with_a_health_complaint_is_at_least_twelve_months() -> None:
    plan = ActionPlan().with_section(
        health=HealthSection(psychological=ComplaintCare(complaints=Answer.YES)),
        monitoring=Monitoring(months=6),
    )
    advice = monitoring_advice(plan)
    assert advice.advised_months == HEALTH_MONITORING_MONTHS == 12
    assert advice.basis == ("§4.12", "§2.3")
    assert advice.shorter_than_advised
    longer = plan.with_section(monitoring=Monitoring(months=18))
    assert not monitoring_advice(longer).shorter_than_advised


@pytest.mark.parametrize(
    "monitoring",
    [
        Monitoring(wanted=Answer.NO, months=3),
        Monitoring(wanted=Answer.YES, consent_to_check_ins=Answer.NO, months=3),
    ],
)
def test_the_advice_never_overrides_a_client_who_declines(monitoring: Monitoring) -> None:
    """§4.12: some clients want no special attention after return; their wish stands."""
    plan = ActionPlan().with_section(
        health=HealthSection(psychological=ComplaintCare(complaints=Answer.YES)),
        monitoring=monitoring,
    )
    advice = monitoring_advice(plan)
    assert advice.client_declines
    assert not advice.shorter_than_advised
    assert advice.advised_months == 12  # still shown, as information
    # The printed case names the refusal first and tells no period as advised to this client.
    from terugkeer import CaseFile, Texts
    from terugkeer.reports.text import case_lines, summary_lines

    case = CaseFile("c-1", plan=plan)
    for locale, refusal in (("nl", "wil geen begeleiding"), ("en", "wants no guidance")):
        summary = " ".join(" ".join(summary_lines(case, Texts(locale))).split())
        assert refusal in summary
        assert "geadviseerd" not in summary and "months advised" not in summary
        printed = " ".join(" ".join(case_lines(case, Texts(locale))).split())
        assert "korter dan geadviseerd" not in printed and "shorter than advised" not in printed


def test_section_twelve_records_who_monitors_and_until_when() -> None:
    m = Monitoring(organisation="a local NGO", until=dt.date(2027, 6, 30))
    assert loads(dumps(m), Monitoring) == m


def test_no_complaint_means_no_minimum_is_advised() -> None:
    plan = ActionPlan().with_section(health=HealthSection(ComplaintCare(complaints=Answer.NO)))
    assert monitoring_advice(plan).advised_months is None


def test_every_reminder_names_a_real_section_and_has_a_reason_in_both_languages() -> None:
    for row in ATTENTION_ROWS:
        PLAN_SECTIONS.get(row.section)
        FACTORS.get(row.factor)
        for locale in ("nl", "en"):
            assert text(row.reason_message_id, locale) != row.reason_message_id


@pytest.mark.parametrize("factor", ["F09", "F10", "F12", "F13", "F14"])
def test_no_reminder_where_no_link_is_obvious(factor: str) -> None:
    """Safety in NL is not safety after return; NL housing/work/education are no goals there."""
    a = Assessment.build(DAY, {factor: 2})
    assert plan_attention([WeightyFactor.for_factor(a, factor, WeightKind.STRENGTH)]) == ()


def test_weighty_factors_are_reminded_where_a_counsellor_would_look() -> None:
    a = Assessment.build(DAY, {"F02": -3, "F03": -2, "F07": 2, "F05": 1, "F19": -1})
    rows = [
        WeightyFactor.for_factor(a, f, WeightKind.NOT_YET_CHOSEN)
        for f in ("F02", "F03", "F07", "F05", "F19")
    ]
    got = {(x.factor.id, x.section.id) for x in plan_attention(rows)}
    assert {("F02", "AP05"), ("F03", "AP04"), ("F07", "AP03"), ("F07", "AP08")} <= got
    assert {("F05", s) for s in ("AP01", "AP02a", "AP02b", "AP10")} <= got
    assert ("F19", "AP07") in got


def test_a_reminder_says_whether_the_book_makes_the_link() -> None:
    a = Assessment.build(DAY, {"F05": 1, "F02": -3})
    items = plan_attention(
        [WeightyFactor.for_factor(a, f, WeightKind.STRENGTH) for f in ("F05", "F02")]
    )
    by_key = {(x.factor.id, x.section.id): x for x in items}
    assert by_key[("F05", "AP02a")].book == "§3.3" and not by_key[("F05", "AP02a")].our_design
    assert by_key[("F02", "AP05")].our_design


@given(st.lists(weighty_factors(), max_size=8))
def test_every_attention_item_traces_back_to_its_factor(rows: list[WeightyFactor]) -> None:
    """Each reminder names the weighty row that caused it, with the kind chosen there."""
    items = plan_attention(rows)
    for item in items:
        assert any(
            w.factor == item.factor and w.kind is item.kind and w.rating == item.rating
            for w in rows
        )
    linked = {(r.factor, r.section) for r in ATTENTION_ROWS}
    assert all((i.factor.id, i.section.id) in linked for i in items)


def test_a_plan_round_trips_and_keeps_the_header() -> None:
    plan = ActionPlan(organisation=OrganisationInfo(counsellor="Anna", date=dt.date(2026, 3, 2)))
    assert loads(dumps(plan), ActionPlan) == plan


def test_a_version_3_plan_that_held_client_details_is_refused_with_where_they_went() -> None:
    body = json.loads(dumps(ActionPlan()))
    body["version"] = 3
    body["client"] = {"name": "", "date_of_birth": None, "phone": "", "email": "",
                      "address": "", "country_of_origin": ""}  # fmt: skip
    body["family"] = []
    assert loads(json.dumps(body), ActionPlan) == ActionPlan()  # empty: nothing is lost
    body["family"] = [{"member": "Omar", "relation": "", "is_minor": False, "wishes": "stay",
                       "ideas": "", "doubts": ""}]  # fmt: skip
    with pytest.raises(ValidationError) as info:
        loads(json.dumps(body), ActionPlan)
    assert [(p.path, p.code) for p in info.value.problems] == [("$.family", "plan.moved_to_case")]
