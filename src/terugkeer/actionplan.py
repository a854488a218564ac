"""The personal action plan (Persoonlijk actieplan, Bijlage 4, chapter 4).

Filled in with the client over weeks: every question of the form has a typed home here, and an
empty plan is a normal state. Agreements are a history of appointments that only grows; activity
statuses change through dated updates, never by rewriting an appointment. The derivations
(completeness, the sections weighty factors point to, the monitoring advice) are in
:mod:`terugkeer.planning`.

Fields marked ``identifying`` in their metadata identify a person; the research export leaves them
out.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Any

import attrs

from . import _fields
from ._checks import check_unique, validated
from ._labelled import LabelledEnum
from .answers import Answer
from .errors import Problem, ValidationError
from .stamps import Entered

__all__ = [
    "MAX_APPOINTMENTS",
    "MAX_ITEMS",
    "ActionPlan",
    "Activity",
    "ActivityStatus",
    "ActivityUpdate",
    "Appointment",
    "Background",
    "ChildPlan",
    "ClientInfo",
    "ComplaintCare",
    "Dread",
    "FamilyMemberView",
    "GoalNeeds",
    "Goals",
    "Handover",
    "HealthSection",
    "Helper",
    "HelperPlaces",
    "Information",
    "InformationChannel",
    "InvolvedOrganisation",
    "LeftBehind",
    "Monitoring",
    "Needs",
    "OrganisationInfo",
    "OwnExpectations",
    "PlaceAnswer",
    "PracticalKind",
    "PracticalTask",
    "Safety",
    "Support",
]

#: A bound against abuse on every list the plan holds (ways, hopes, dreads, activities, ...). It is
#: not a rule of the method: the form's "think of five" and its six activity lines are prompts to
#: think widely, not maxima (our reading of the printed form, Bijlage 4).
MAX_ITEMS = 100
#: A plan holds at most this many appointments (so an appointment's number fits every export
#: format, and a hostile document cannot hold millions).
MAX_APPOINTMENTS = 10_000


def _items() -> Any:
    return attrs.field(default=(), metadata=_fields.items(MAX_ITEMS))


#: A language tag as BCP 47 writes one (a 2- or 3-letter language, then subtags), or nothing.
LANGUAGE_TAG = "^([A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*)?$"
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def _identifying() -> Any:
    return attrs.field(default="", metadata=_fields.identifying())


@attrs.frozen(weakref_slot=False)
class OrganisationInfo:
    """Header: who fills in the plan, where, when, with whom present, in which language and
    whether an interpreter took part (§7.3 asks every organisation to settle how it works with
    interpreters; the plan records that one did, never who)."""

    counsellor: str = _identifying()
    organisation: str = ""
    file_number: str = _identifying()
    date: dt.date | None = None
    present: str = _identifying()
    #: The language the conversation was held in, as a BCP 47 tag (``ar``, ``fa-AF``, ``ti``);
    #: empty when not recorded.
    language: str = attrs.field(default="", metadata=_fields.spec(pattern=LANGUAGE_TAG))
    #: Whether an interpreter took part; ``None`` when not recorded.
    interpreter: bool | None = None

    def __attrs_post_init__(self) -> None:
        extra = []
        if isinstance(self.language, str) and self.language and not _TAG.fullmatch(self.language):
            extra.append(Problem("$.language", "text.language_tag"))
        validated(self, extra)


@attrs.frozen(weakref_slot=False)
class ClientInfo:
    """Header: the client's personal details. Everything but the country identifies the client."""

    name: str = _identifying()
    #: Identifying; the research export keeps only the year.
    date_of_birth: dt.date | None = attrs.field(
        default=None, metadata=_fields.identifying(research="year")
    )
    phone: str = _identifying()
    email: str = _identifying()
    address: str = _identifying()
    #: Free text; the research export keeps it only as an ISO 3166-1 code (when it is one).
    country_of_origin: str = attrs.field(default="", metadata=_fields.text(research="country"))

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class PlaceAnswer:
    """One answer for the country of origin and one for the Netherlands."""

    country_of_origin: str = ""
    netherlands: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Background:
    """Section 1: what the client has done so far and where their interests lie."""

    education: PlaceAnswer = PlaceAnswer()
    work_experience: PlaceAnswer = PlaceAnswer()
    interests: PlaceAnswer = PlaceAnswer()
    talents: PlaceAnswer = PlaceAnswer()

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Goals:
    """Section 2a: goals in the country of origin: work, housing and other goals."""

    work: str = ""
    housing: str = ""
    other: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Needs:
    """What one goal needs, aspect by aspect (section 2b)."""

    money: str = ""
    facilities: str = ""
    opportunity: str = ""
    reality_check: str = ""
    training: str = ""
    time: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class GoalNeeds:
    """Section 2b: what each goal of section 2a needs."""

    work: Needs = Needs()
    housing: Needs = Needs()
    other: Needs = Needs()

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Helper:
    """Who can help, and with what."""

    who: str = ""
    with_what: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class HelperPlaces:
    """Helpers of one kind in the Netherlands and in the country of origin."""

    netherlands: Helper = Helper()
    country_of_origin: Helper = Helper()

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Support:
    """Section 3: people and organisations who can help, here and there, and new contacts."""

    family: HelperPlaces = HelperPlaces()
    friends: HelperPlaces = HelperPlaces()
    organisations: HelperPlaces = HelperPlaces()
    religious_communities: HelperPlaces = HelperPlaces()
    online_groups: HelperPlaces = HelperPlaces()
    other: HelperPlaces = HelperPlaces()
    new_contacts_needed: Answer | None = None
    new_contacts_with_whom: str = ""
    new_contacts_how: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class ChildPlan:
    """Section 4 for one child: school, language, social norms, peers, activities, childcare."""

    child: str = _identifying()
    school: str = ""
    school_contact_made: Answer | None = None
    language: str = ""
    social_norms: str = ""
    peers: str = ""
    activities: str = ""
    #: Who will look after the child once the parents work (§4.4; not on the printed form).
    childcare: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Safety:
    """Section 5: worries about safety, their basis, ways to feel safer, where and with whom.

    The form asks for five ways; that is a prompt, not a maximum.
    """

    worried: Answer | None = None
    worries: str = ""
    basis: str = ""
    ways_to_feel_safer: tuple[str, ...] = _items()
    most_realistic: str = ""
    #: Where to live so the client can feel safe (§4.5; not on the printed form).
    safe_place: str = ""
    #: Whom to contact there to feel safe (§4.5; not on the printed form).
    safe_contacts: str = ""

    __attrs_post_init__ = validated


class InformationChannel(LabelledEnum):
    """Kinds of information source about life after return (section 6)."""

    INFORMAL = "informal"
    INTERNET = "internet"
    TELEVISION = "television"
    NEWSPAPERS = "newspapers"
    OTHER = "other"


@attrs.frozen(weakref_slot=False)
class Information:
    """Section 6: the sources the client uses, and others to try."""

    channels_used: tuple[InformationChannel, ...] = attrs.field(
        default=(), metadata=_fields.spec(unique=True)
    )
    sources_used: str = ""
    sources_to_try: str = ""

    def __attrs_post_init__(self) -> None:
        validated(self, check_unique(self.channels_used, "$.channels_used", "channel"))


@attrs.frozen(weakref_slot=False)
class ComplaintCare:
    """Complaints present, and whether the care needed is available, affordable and reachable."""

    complaints: Answer | None = None
    care_available: Answer | None = None
    care_affordable: Answer | None = None
    care_reachable: Answer | None = None

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class HealthSection:
    """Section 7: the yes/no table, for physical and for psychological complaints."""

    physical: ComplaintCare = ComplaintCare()
    psychological: ComplaintCare = ComplaintCare()

    __attrs_post_init__ = validated

    @property
    def has_complaints(self) -> bool:
        """True when either kind of complaint is recorded as present."""
        return Answer.YES in (self.physical.complaints, self.psychological.complaints)


@attrs.frozen(weakref_slot=False)
class LeftBehind:
    """Section 8: the expectations of those left behind, in five questions (and who can help)."""

    expectations: str = ""  #: what they expected of the flight and the stay
    still_expected: str = ""  #: whether they still do, and why
    meaning: str = ""  #: what it means for the client (shame, losing face, guilt)
    adjusting: str = ""  #: what could adjust those expectations
    easing: str = ""  #: what could ease the shame, guilt or fear; practical solutions
    helpers: str = ""  #: who can help with that
    #: Saving or collecting some money to take back (§4.8; not on the printed form).
    savings: str = ""
    #: With family problems: a first place to stay that is not with the family (§4.8).
    first_reception: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Dread:
    """Something the client dreads about return, and a way to deal with it."""

    what: str = ""
    coping: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class OwnExpectations:
    """Section 9: hopes, dreads (each with a way to cope), helpers, and stigma.

    The form asks for five of each; that is a prompt, not a maximum.
    """

    looking_forward: tuple[str, ...] = _items()
    dreaded: tuple[Dread, ...] = _items()
    helpers: str = ""
    #: How the client will deal with a possible stigma or negative image (§4.9).
    stigma: str = ""

    __attrs_post_init__ = validated


class PracticalKind(LabelledEnum):
    """The practical matters the form names (section 10), plus other."""

    TRAVEL_DOCUMENT = "travel_document"  #: passport or laissez-passer
    HOUSING = "housing"
    WORK = "work"
    FLIGHT = "flight"
    OTHER = "other"


@attrs.frozen(weakref_slot=False)
class PracticalTask:
    """Section 10: one thing to arrange, and who will do it. ``kind`` stays None until someone
    chooses it: a form starts empty and stores only what people answered."""

    kind: PracticalKind | None = None
    what: str = ""
    who: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class InvolvedOrganisation:
    """An organisation involved in the return, and what it is responsible for."""

    name: str = ""
    responsible_for: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Handover:
    """Section 11: organisations involved, how the handover goes, the client's own role."""

    involved: tuple[InvolvedOrganisation, ...] = ()
    handover: str = ""
    client_role: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Monitoring:
    """Section 12: guidance after return: wanted, check-ins allowed, how long, when, by whom.

    The client's wish comes first (§4.12): some want no special attention after return.
    """

    wanted: Answer | None = None
    consent_to_check_ins: Answer | None = None
    months: int | None = attrs.field(default=None, metadata=_fields.whole(0, 120))
    moments: str = ""
    #: Which organisation does the monitoring (§4.12).
    organisation: str = ""
    #: Until when that organisation does it (§4.12).
    until: dt.date | None = None

    @property
    def client_declines(self) -> bool:
        """True when the client wants no guidance or allows no check-ins after return."""
        return Answer.NO in (self.wanted, self.consent_to_check_ins)

    __attrs_post_init__ = validated


class ActivityStatus(LabelledEnum):
    """Where an agreed activity stands."""

    OPEN = "open"
    DONE = "done"
    NOT_DONE = "not_done"  #: with a reason


@attrs.frozen(weakref_slot=False)
class Activity:
    """Section 13: one activity the client takes on before the next appointment."""

    what: str = ""
    with_whom: str = ""
    find_out: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class Appointment:
    """One meeting: its date, the date of the next one, and the numbered activities agreed.

    Activities are numbered by position, from 1. The form prints six lines: space on paper,
    not a limit.
    """

    held_on: dt.date
    next_on: dt.date | None = None
    activities: tuple[Activity, ...] = _items()
    #: Who entered this appointment, and when.
    entered: Entered = attrs.field(factory=Entered)

    def __attrs_post_init__(self) -> None:
        extra = []
        if (
            type(self.held_on) is dt.date
            and type(self.next_on) is dt.date
            and self.next_on < self.held_on
        ):
            extra.append(Problem("$.next_on", "date.before_appointment"))
        validated(self, extra)


@attrs.frozen(weakref_slot=False)
class ActivityUpdate:
    """A dated change of an activity's status; the appointment itself is never rewritten."""

    #: Index in :attr:`ActionPlan.appointments`, from 0.
    appointment: int = attrs.field(metadata=_fields.whole(0, MAX_APPOINTMENTS - 1))
    #: The activity's number, from 1.
    activity: int = attrs.field(metadata=_fields.whole(1, MAX_ITEMS))
    status: ActivityStatus
    on: dt.date
    reason: str = ""  #: why it was not done

    #: For the JSON Schema: "not done" needs a reason (the loader's rule too).
    __json_schema__: typing.ClassVar[dict[str, object]] = {
        "if": {"properties": {"status": {"const": "not_done"}}},
        "then": {"properties": {"reason": {"minLength": 1}}},
    }

    def __attrs_post_init__(self) -> None:
        extra = []
        if self.status is ActivityStatus.NOT_DONE and type(self.reason) is str and not self.reason:
            extra.append(Problem("$.reason", "plan.reason_required"))
        validated(self, extra)


@attrs.frozen(weakref_slot=False)
class FamilyMemberView:
    """One family member's own wishes, ideas and doubts, mapped separately (chapter 4 intro)."""

    member: str = _identifying()
    relation: str = ""
    #: None until it is said (a form starts empty).
    is_minor: bool | None = None
    wishes: str = ""
    ideas: str = ""
    doubts: str = ""

    __attrs_post_init__ = validated


@attrs.frozen(weakref_slot=False)
class ActionPlan:
    """The whole personal action plan: the organisation's header and sections 1–13.

    The client's details and the family members' own views are the case's
    (:attr:`~terugkeer.CaseFile.client`, :attr:`~terugkeer.CaseFile.family`), kept once there.
    Every change returns a new plan. Appointments only grow, in date order.

    >>> plan = ActionPlan().with_section(goals=Goals(work="start a tailoring shop"))
    >>> plan.goals.work
    'start a tailoring shop'
    """

    organisation: OrganisationInfo = OrganisationInfo()
    background: Background = Background()
    goals: Goals = Goals()
    goal_needs: GoalNeeds = GoalNeeds()
    support: Support = Support()
    children: tuple[ChildPlan, ...] = ()
    safety: Safety = Safety()
    information: Information = Information()
    health: HealthSection = HealthSection()
    left_behind: LeftBehind = LeftBehind()
    own_expectations: OwnExpectations = OwnExpectations()
    practical: tuple[PracticalTask, ...] = ()
    organisations: Handover = Handover()
    monitoring: Monitoring = Monitoring()
    appointments: tuple[Appointment, ...] = attrs.field(
        default=(), metadata=_fields.items(MAX_APPOINTMENTS)
    )
    activity_updates: tuple[ActivityUpdate, ...] = ()

    def __attrs_post_init__(self) -> None:
        extra: list[Problem] = []
        days = [a.held_on for a in self.appointments if isinstance(a, Appointment)]
        for i in range(1, len(days)):
            if days[i] < days[i - 1]:
                extra.append(
                    Problem(
                        f"$.appointments[{i}].held_on",
                        "date.before_previous",
                        {"what": "appointment"},
                    )
                )
        for i, update in enumerate(self.activity_updates):
            if isinstance(update, ActivityUpdate):
                extra += [
                    p.under(f"$.activity_updates[{i}]") for p in self._update_problems(update)
                ]
        validated(self, extra)

    def _update_problems(self, update: ActivityUpdate) -> list[Problem]:
        if update.appointment >= len(self.appointments):
            return [Problem("$.appointment", "plan.no_appointment")]
        appointment = self.appointments[update.appointment]
        if update.activity > len(appointment.activities):
            return [Problem("$.activity", "plan.no_activity")]
        if update.on < appointment.held_on:
            return [Problem("$.on", "date.before_appointment")]
        return []

    def with_section(self, **sections: Any) -> ActionPlan:
        """A copy with the given sections (or header parts) replaced.

        Appointments and activity updates cannot be replaced this way: use
        :meth:`add_appointment` and :meth:`update_activity`.
        """
        for name in ("appointments", "activity_updates"):
            if name in sections:
                raise ValidationError.at(f"$.{name}", "history.append_only")
        unknown = [n for n in sections if n not in attrs.fields_dict(ActionPlan)]
        if unknown:
            raise ValidationError([Problem(f"$.{n}", "plan.not_a_part") for n in unknown])
        return attrs.evolve(self, **sections)

    def add_appointment(self, appointment: Appointment, *, today: dt.date) -> ActionPlan:
        """A copy with ``appointment`` added after the others.

        An appointment on a day after ``today`` has not happened yet, and one before the previous
        appointment would rewrite history: both are a :class:`ValidationError`.
        """
        if appointment.held_on > today:
            raise ValidationError.at("$.held_on", "date.in_future")
        return attrs.evolve(self, appointments=(*self.appointments, appointment))

    def update_activity(self, update: ActivityUpdate, *, today: dt.date) -> ActionPlan:
        """A copy with a status update appended; the appointment itself stays as it was."""
        if update.on > today:
            raise ValidationError.at("$.on", "date.in_future")
        return attrs.evolve(self, activity_updates=(*self.activity_updates, update))

    def latest_update(self, appointment: int, activity: int) -> ActivityUpdate | None:
        """The latest update of one activity, with its date and reason; ``None`` if none."""
        found = None
        for update in self.activity_updates:
            if (update.appointment, update.activity) == (appointment, activity):
                found = update
        return found

    def activity_status(self, appointment: int, activity: int) -> ActivityStatus:
        """The latest status of one activity (open until an update says otherwise)."""
        found = self.latest_update(appointment, activity)
        return ActivityStatus.OPEN if found is None else found.status
