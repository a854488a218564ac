"""The personal action plan (Bijlage 4) as data: its sections and questions, in form order.

Each section has a stable id (``AP01`` … ``AP13``; section 2 is ``AP02a`` and ``AP02b``) and the
:class:`~terugkeer.ActionPlan` attribute that holds its answers. Each question has a stable id and
a path to its answer inside that attribute (dots go into records; through a tuple, the path applies
to every item). Titles and prompts are in the gettext catalogues under ``ActionPlan.<id>``.

The last table lists reminders: where in the plan a weighty factor of Overview 3 may deserve
attention, each with a reason (``PlanAttention.<factor>.<section>``) and the book's section where
the book makes the link (our design otherwise); :func:`terugkeer.plan_attention` reads it.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "ATTENTION_ROWS",
    "QUESTION_ROWS",
    "SECTION_ROWS",
    "AttentionRow",
    "QuestionRow",
    "SectionRow",
]


class SectionRow(NamedTuple):
    id: str
    attribute: str


class QuestionRow(NamedTuple):
    id: str
    section: str
    path: str


SECTION_ROWS: tuple[SectionRow, ...] = (
    SectionRow("AP01", "background"),
    SectionRow("AP02a", "goals"),
    SectionRow("AP02b", "goal_needs"),
    SectionRow("AP03", "support"),
    SectionRow("AP04", "children"),
    SectionRow("AP05", "safety"),
    SectionRow("AP06", "information"),
    SectionRow("AP07", "health"),
    SectionRow("AP08", "left_behind"),
    SectionRow("AP09", "own_expectations"),
    SectionRow("AP10", "practical"),
    SectionRow("AP11", "organisations"),
    SectionRow("AP12", "monitoring"),
    SectionRow("AP13", "appointments"),
)

_PLACES = (("origin", "country_of_origin"), ("nl", "netherlands"))
_GOALS = ("work", "housing", "other")
_NEEDS = ("money", "facilities", "opportunity", "reality_check", "training", "time")
_HELPERS = ("family", "friends", "organisations", "religious_communities", "online_groups", "other")
_CARE = ("complaints", "care_available", "care_affordable", "care_reachable")

QUESTION_ROWS: tuple[QuestionRow, ...] = (
    *(
        QuestionRow(f"AP01.{topic}.{short}", "AP01", f"{topic}.{place}")
        for topic in ("education", "work_experience", "interests", "talents")
        for short, place in _PLACES
    ),
    *(QuestionRow(f"AP02a.{goal}", "AP02a", goal) for goal in _GOALS),
    *(
        QuestionRow(f"AP02b.{goal}.{need}", "AP02b", f"{goal}.{need}")
        for goal in _GOALS
        for need in _NEEDS
    ),
    *(
        QuestionRow(f"AP03.{helper}.{short}", "AP03", f"{helper}.{place}")
        for helper in _HELPERS
        for short, place in _PLACES
    ),
    QuestionRow("AP03.new_contacts_needed", "AP03", "new_contacts_needed"),
    QuestionRow("AP03.new_contacts_with_whom", "AP03", "new_contacts_with_whom"),
    QuestionRow("AP03.new_contacts_how", "AP03", "new_contacts_how"),
    QuestionRow("AP04.school", "AP04", "school"),
    QuestionRow("AP04.school_contact_made", "AP04", "school_contact_made"),
    QuestionRow("AP04.language", "AP04", "language"),
    QuestionRow("AP04.social_norms", "AP04", "social_norms"),
    QuestionRow("AP04.peers", "AP04", "peers"),
    QuestionRow("AP04.activities", "AP04", "activities"),
    QuestionRow("AP04.childcare", "AP04", "childcare"),
    QuestionRow("AP05.worried", "AP05", "worried"),
    QuestionRow("AP05.worries", "AP05", "worries"),
    QuestionRow("AP05.basis", "AP05", "basis"),
    QuestionRow("AP05.ways_to_feel_safer", "AP05", "ways_to_feel_safer"),
    QuestionRow("AP05.most_realistic", "AP05", "most_realistic"),
    QuestionRow("AP05.safe_place", "AP05", "safe_place"),
    QuestionRow("AP05.safe_contacts", "AP05", "safe_contacts"),
    QuestionRow("AP06.channels_used", "AP06", "channels_used"),
    QuestionRow("AP06.sources_used", "AP06", "sources_used"),
    QuestionRow("AP06.sources_to_try", "AP06", "sources_to_try"),
    *(
        QuestionRow(f"AP07.{kind}.{item}", "AP07", f"{kind}.{item}")
        for kind in ("physical", "psychological")
        for item in _CARE
    ),
    QuestionRow("AP08.expectations", "AP08", "expectations"),
    QuestionRow("AP08.still_expected", "AP08", "still_expected"),
    QuestionRow("AP08.meaning", "AP08", "meaning"),
    QuestionRow("AP08.adjusting", "AP08", "adjusting"),
    QuestionRow("AP08.easing", "AP08", "easing"),
    QuestionRow("AP08.helpers", "AP08", "helpers"),
    QuestionRow("AP08.savings", "AP08", "savings"),
    QuestionRow("AP08.first_reception", "AP08", "first_reception"),
    QuestionRow("AP09.looking_forward", "AP09", "looking_forward"),
    QuestionRow("AP09.dreaded", "AP09", "dreaded.what"),
    QuestionRow("AP09.coping", "AP09", "dreaded.coping"),
    QuestionRow("AP09.helpers", "AP09", "helpers"),
    QuestionRow("AP09.stigma", "AP09", "stigma"),
    QuestionRow("AP10.what", "AP10", "what"),
    QuestionRow("AP10.who", "AP10", "who"),
    QuestionRow("AP11.which", "AP11", "involved.name"),
    QuestionRow("AP11.responsible_for", "AP11", "involved.responsible_for"),
    QuestionRow("AP11.handover", "AP11", "handover"),
    QuestionRow("AP11.client_role", "AP11", "client_role"),
    QuestionRow("AP12.wanted", "AP12", "wanted"),
    QuestionRow("AP12.check_ins", "AP12", "consent_to_check_ins"),
    QuestionRow("AP12.months", "AP12", "months"),
    QuestionRow("AP12.moments", "AP12", "moments"),
    QuestionRow("AP12.organisation", "AP12", "organisation"),
    QuestionRow("AP12.until", "AP12", "until"),
    QuestionRow("AP13.next_on", "AP13", "next_on"),
    QuestionRow("AP13.activities", "AP13", "activities"),
)


class AttentionRow(NamedTuple):
    """A reminder: when this factor is weighty, this section may deserve attention, and why."""

    factor: str
    section: str
    #: The book's section when the book itself makes the link; empty means our design.
    book: str = ""

    @property
    def reason_message_id(self) -> str:
        return f"PlanAttention.{self.factor}.{self.section}"


#: Where a weighty factor may deserve attention in the plan (book §3.7, chapter 4). Only links a
#: counsellor would agree with on reading the reason; factors without a row (F09, F10, F12–F14)
#: get none.
ATTENTION_ROWS: tuple[AttentionRow, ...] = (
    AttentionRow("F01", "AP11"),
    AttentionRow("F02", "AP05"),
    AttentionRow("F03", "AP04"),
    AttentionRow("F04", "AP02a", "§3.3"),
    AttentionRow("F04", "AP02b", "§3.3"),
    AttentionRow("F04", "AP10"),
    AttentionRow("F05", "AP01", "§4.1"),
    AttentionRow("F05", "AP02a", "§3.3"),
    AttentionRow("F05", "AP02b", "§3.3"),
    AttentionRow("F05", "AP10"),
    AttentionRow("F06", "AP01", "§4.1"),
    AttentionRow("F06", "AP02a", "§3.3"),
    AttentionRow("F06", "AP02b", "§3.3"),
    AttentionRow("F07", "AP03"),
    AttentionRow("F07", "AP08"),
    AttentionRow("F08", "AP07"),
    AttentionRow("F11", "AP04"),
    AttentionRow("F15", "AP03"),
    AttentionRow("F16", "AP07"),
    AttentionRow("F17", "AP08"),
    AttentionRow("F18", "AP07"),
    AttentionRow("F19", "AP07"),
)
