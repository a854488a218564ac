"""Signals, risk and protective factors and the suicide-threat steps (Bijlage 6, ch. 5) as data.

Ids are part of the public contract: never renumber or reuse one. Labels are in the gettext
catalogues under ``Signal.<id>``, ``RiskFactor.<id>``, ``ProtectiveFactor.<id>`` and
``SuicideStep.<id>``, ``SuicideGuidance.<id>`` and ``EmotionResponse.<id>``.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "EMOTION_RESPONSE_ROWS",
    "PROTECTIVE_ROWS",
    "RISK_ROWS",
    "SIGNAL_ROWS",
    "SUICIDE_GUIDANCE_ROWS",
    "SUICIDE_STEP_ROWS",
    "SignalRow",
]


class SignalRow(NamedTuple):
    id: str
    category: str
    suicide_related: bool = False
    free_text: bool = False  #: the "other, namely ..." entry of a list: the note says what


SIGNAL_ROWS: tuple[SignalRow, ...] = (
    SignalRow("S.sleep.trouble_sleeping", "sleep"),
    SignalRow("S.sleep.nightmares", "sleep"),
    SignalRow("S.sleep.tired_in_daytime", "sleep"),
    SignalRow("S.sleep.hard_to_get_up", "sleep"),
    SignalRow("S.sleep.afraid_to_sleep", "sleep"),
    SignalRow("S.sleep.sleeping_pills", "sleep"),
    SignalRow("S.sleep.alcohol_to_sleep", "sleep"),
    SignalRow("S.sleep.other", "sleep", free_text=True),
    SignalRow("S.physical.pain", "physical"),
    SignalRow("S.physical.pain_after_violence", "physical"),
    SignalRow("S.physical.appetite", "physical"),
    SignalRow("S.physical.nausea", "physical"),
    SignalRow("S.physical.bowel", "physical"),
    SignalRow("S.physical.short_of_breath", "physical"),
    SignalRow("S.physical.dizziness", "physical"),
    SignalRow("S.physical.palpitations", "physical"),
    SignalRow("S.physical.painkillers", "physical"),
    SignalRow("S.physical.other", "physical", free_text=True),
    SignalRow("S.behaviour.withdrawn", "behaviour"),
    SignalRow("S.behaviour.no_contact", "behaviour"),
    SignalRow("S.behaviour.sad", "behaviour"),
    SignalRow("S.behaviour.anxious", "behaviour"),
    SignalRow("S.behaviour.irritable", "behaviour"),
    SignalRow("S.behaviour.poor_self_care", "behaviour"),
    SignalRow("S.behaviour.not_open_to_reason", "behaviour"),
    SignalRow("S.behaviour.over_adapted", "behaviour"),
    SignalRow("S.behaviour.misses_appointments", "behaviour"),
    SignalRow("S.behaviour.cannot_cooperate", "behaviour"),
    SignalRow("S.behaviour.absent_from_education", "behaviour"),
    SignalRow("S.behaviour.breaks_rules", "behaviour"),
    SignalRow("S.behaviour.other", "behaviour", free_text=True),
    SignalRow("S.other.concentration", "other"),
    SignalRow("S.other.forgetful", "other"),
    SignalRow("S.other.sexual_problems", "other"),
    SignalRow("S.other.trusts_no_one", "other"),
    SignalRow("S.other.other", "other", free_text=True),
    # Chapter 5 adds these as signals of their own.
    SignalRow("S.suicide.thoughts", "suicide", suicide_related=True),
    SignalRow("S.suicide.threat_or_attempt", "suicide", suicide_related=True),
    SignalRow("S.capacity.doubt", "decision_capacity"),
)

RISK_ROWS: tuple[str, ...] = (
    "R.loss",
    "R.violence_suffered",
    "R.witnessed_shocking_event",
    "R.war",
    "R.flight_problems",
    "R.housing_problems",
    "R.financial_problems",
    "R.few_social_contacts",
    "R.no_family_contact",
    "R.no_daily_activity",
)

PROTECTIVE_ROWS: tuple[str, ...] = (
    "P.parents",
    "P.family",
    "P.friends",
    "P.meaningful_activity",
    "P.cultural_rituals",
    "P.religious_or_political_inspiration",
    "P.resilient_personality",
    "P.coping_styles",
)

#: The steps on a suicide threat, in order (§5.2).
SUICIDE_STEP_ROWS: tuple[str, ...] = (
    "SU1.acknowledge",
    "SU2.limits",
    "SU3.general_practitioner",
    "SU4.health_centre_nurse",
    "SU5.crisis_service",
    "SU6.crisis_care_for_undocumented",
)

#: Guidance shown with the suicide-threat steps, always together with them (§5.2): follow up a
#: "something is wrong" feeling by calling in help; depression raises the risk; the same steps
#: apply when the client lays the responsibility for his or her life on the counsellor.
SUICIDE_GUIDANCE_ROWS: tuple[str, ...] = (
    "SG.gut_feeling",
    "SG.depression",
    "SG.responsibility",
)

#: Three ways to respond when emotions overwhelm a client (§5.1), as guidance text.
EMOTION_RESPONSE_ROWS: tuple[str, ...] = (
    "E.respect",
    "E.control",
    "E.daily_functioning",
)
