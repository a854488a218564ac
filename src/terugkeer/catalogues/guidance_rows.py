"""The method's guidance as data: topics, and the texts of each, with the book's section.

A topic row: a stable id (its title is ``GuidanceTopic.<id>``), the book's section and the
instrument it belongs with (a form's instrument id, or ``case`` for the whole case).

A text row: a stable id, its topic, the book's section, what it is about when that is one entry of
an instrument (a factor ``F02``, a plan section ``AP05``, a social-map entry ``B10.iom``), and its
message id. Texts the library already had (the preconditions, article 64, the appendices'
instructions, §5.1's responses, the standing signals guidance, §6.2's causes) keep their message
ids; the others are ``GuidanceText.<id>``. Ids are public contract: never renumber.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["GUIDANCE_ROWS", "TOPIC_ROWS", "GuidanceRow", "TopicRow"]


class TopicRow(NamedTuple):
    id: str
    book: str
    where: str


class GuidanceRow(NamedTuple):
    id: str
    topic: str
    book: str
    about: str | None = None
    #: None: the text's own ``GuidanceText.<id>``.
    message_id: str | None = None


TOPIC_ROWS: tuple[TopicRow, ...] = (
    TopicRow("preconditions", "§1.3", "case"),
    TopicRow("conversation", "§3.1", "overview1"),
    TopicRow("overview1", "§3.1, B1", "overview1"),
    TopicRow("factor_questions", "§3.2–3.5", "overview1"),
    TopicRow("legal_check", "§3.3", "context"),
    TopicRow("overview2", "§3.6, B2", "overview2"),
    TopicRow("overview3", "§3.7, B3", "overview3"),
    TopicRow("family", "§4", "client"),
    TopicRow("plan_tips", "§4.1–4.13", "actionplan"),
    TopicRow("health_checklist", "§4.7, B5", "health"),
    TopicRow("article_64", "§5.3", "health"),
    TopicRow("client_emotions", "§5.1", "signals"),
    TopicRow("mental_health", "§5.2", "signals"),
    TopicRow("stay_alert", "§5.2", "signals"),
    TopicRow("referral", "B6", "signals"),
    TopicRow("counsellor", "§6, B7, B9", "wellbeing"),
    TopicRow("social_map", "B10", "case"),
)


def _context(id: str, topic: str, book: str) -> GuidanceRow:
    return _kept(id, topic, book, "ContextText")


def _kept(id: str, topic: str, book: str, kind: str) -> GuidanceRow:
    """A text the library already had, under its own message id (``<kind>.<id>``)."""
    return GuidanceRow(id, topic, book, message_id=f"{kind}.{id}")


def _tip(section: str, name: str, book: str) -> GuidanceRow:
    return GuidanceRow(f"T.{section}.{name}", "plan_tips", book, about=section)


def _factor(factor: str, book: str) -> GuidanceRow:
    return GuidanceRow(f"Q.{factor}", "factor_questions", book, about=factor)


GUIDANCE_ROWS: tuple[GuidanceRow, ...] = (
    # §1.3: the four preconditions.
    _context("C.precondition.careful_procedure", "preconditions", "§1.3"),
    _context("C.precondition.permit_when_return_impossible", "preconditions", "§1.3"),
    _context("C.precondition.clear_schemes", "preconditions", "§1.3"),
    _context("C.precondition.time_for_counsellors", "preconditions", "§1.3"),
    # §3.1: how to meet the client.
    GuidanceRow("V.begin", "conversation", "§3.1"),
    GuidanceRow("V.honesty", "conversation", "§3.1"),
    GuidanceRow("V.not_first", "conversation", "§3.1"),
    GuidanceRow("V.permission", "conversation", "§3.1"),
    GuidanceRow("V.limits", "conversation", "§3.1"),
    GuidanceRow("V.not_a_victim", "conversation", "§3.1"),
    GuidanceRow("V.room_for_anger", "conversation", "§3.1"),
    # §3.1 and B1: working with Overview 1.
    _context("C.instruction.overview1", "overview1", "B1"),
    GuidanceRow("O1.client_answers", "overview1", "§3.1"),
    GuidanceRow("O1.time_pressure", "overview1", "§3.1"),
    GuidanceRow("O1.rescore", "overview1", "§3.1"),
    GuidanceRow("O1.factor1", "overview1", "§3.2"),
    # §3.2–3.5: what to explore per factor.
    _factor("F01", "§3.2"),
    _factor("F02", "§3.3"),
    _factor("F03", "§3.3"),
    _factor("F04", "§3.3"),
    _factor("F05", "§3.3"),
    _factor("F06", "§3.3"),
    _factor("F07", "§3.3"),
    _factor("F08", "§3.3"),
    _factor("F09", "§3.3"),
    _factor("F10", "§3.4"),
    _factor("F11", "§3.4"),
    _factor("F12", "§3.4"),
    _factor("F13", "§3.4"),
    _factor("F14", "§3.4"),
    _factor("F15", "§3.4"),
    _factor("F16", "§3.4"),
    _factor("F17", "§3.4"),
    _factor("F18", "§3.5"),
    _factor("F19", "§3.5"),
    # §3.3: vulnerable groups.
    GuidanceRow("L.vulnerable_groups", "legal_check", "§3.3"),
    # §3.6 and §3.7.
    _context("C.instruction.overview2", "overview2", "B2"),
    _context("C.instruction.overview3", "overview3", "B3"),
    GuidanceRow("O3.choose_from", "overview3", "§3.7, B3"),
    # Chapter 4's opening: filling in the plan with the whole family.
    GuidanceRow("P.together", "plan_tips", "§4"),
    GuidanceRow("P.each_member", "family", "§4"),
    GuidanceRow("P.children", "family", "§4"),
    # §4.1–4.13: practical tips per plan section.
    _tip("AP01", "strengths", "§4.1"),
    _tip("AP01", "cv", "§4.1"),
    _tip("AP01", "training", "§4.1"),
    _tip("AP02a", "concrete", "§4.2"),
    _tip("AP02b", "obstacles", "§4.2"),
    _tip("AP03", "network_here", "§4.3"),
    _tip("AP03", "former_minors", "§4.3"),
    _tip("AP03", "contacts_left", "§4.3"),
    _tip("AP03", "calls", "§4.3"),
    _tip("AP03", "tracing", "§4.3"),
    _tip("AP03", "reconnect", "§4.3"),
    _tip("AP03", "groups", "§4.3"),
    _tip("AP03", "reintegration_organisation", "§4.3"),
    _tip("AP03", "online_network", "§4.3"),
    _tip("AP04", "school", "§4.4"),
    _tip("AP04", "language", "§4.4"),
    _tip("AP04", "customs", "§4.4"),
    _tip("AP04", "peers", "§4.4"),
    _tip("AP04", "childcare", "§4.4"),
    _tip("AP05", "place", "§4.5"),
    _tip("AP05", "follow_news", "§4.5"),
    _tip("AP05", "relax", "§4.5"),
    _tip("AP05", "resilience", "§4.5"),
    _tip("AP05", "housing", "§4.5"),
    _tip("AP06", "inform", "§4.5"),
    _tip("AP07", "continuity", "§4.7"),
    _tip("AP08", "expectations", "§4.8"),
    _tip("AP08", "honour", "§4.8"),
    _tip("AP08", "savings", "§4.8"),
    _tip("AP08", "first_shelter", "§4.8"),
    _tip("AP09", "adjusting", "§4.9"),
    _tip("AP09", "takes_time", "§4.9"),
    _tip("AP09", "fears", "§4.9"),
    _tip("AP10", "activate", "§4.10"),
    _tip("AP11", "handover", "§4.11"),
    _tip("AP12", "agree", "§4.12"),
    _tip("AP13", "control", "§4.13"),
    # §4.7 and Bijlage 5: the list for health complaints.
    GuidanceRow("H.reliable_sources", "health_checklist", "§4.7, B5"),
    GuidanceRow("H.network", "health_checklist", "B5", about="H.network.exists"),
    GuidanceRow("H.capacity", "health_checklist", "B5", about="H.capacity.doubt"),
    GuidanceRow("H.escort_by_doctor", "health_checklist", "B5", about="H.handover.escort_needed"),
    GuidanceRow(
        "H.medical_passport", "health_checklist", "B5", about="H.handover.medical_passport"
    ),
    # §5.3: article 64.
    _context("C.art64.when", "article_64", "§5.3"),
    _context("C.art64.until_departure", "article_64", "§5.3"),
    _context("C.art64.in_treatment", "article_64", "§5.3"),
    _context("C.art64.medical_advice", "article_64", "§5.3"),
    _context("C.art64.presence_only", "article_64", "§5.3"),
    # §5.1: when emotions overwhelm the client.
    _kept("E.respect", "client_emotions", "§5.1", "EmotionResponse"),
    _kept("E.control", "client_emotions", "§5.1", "EmotionResponse"),
    _kept("E.daily_functioning", "client_emotions", "§5.1", "EmotionResponse"),
    # §5.2: depression, anxiety and PTSD.
    GuidanceRow("M.not_a_clinician", "mental_health", "§5.2"),
    GuidanceRow("M.depression", "mental_health", "§5.2"),
    GuidanceRow("M.depression_and_return", "mental_health", "§5.2"),
    GuidanceRow("M.anxiety", "mental_health", "§5.2"),
    GuidanceRow("M.anxiety_and_return", "mental_health", "§5.2"),
    GuidanceRow("M.ptsd", "mental_health", "§5.2"),
    GuidanceRow("M.ptsd_and_return", "mental_health", "§5.2"),
    # §5.2: what matters before anything is recorded.
    _kept("SG.gut_feeling", "stay_alert", "§5.2", "SuicideGuidance"),
    _kept("SG.depression", "stay_alert", "§5.2", "SuicideGuidance"),
    # Bijlage 6: the three words, and the precondition of referring.
    GuidanceRow("R.noticing", "referral", "B6"),
    GuidanceRow("R.appraising", "referral", "B6"),
    GuidanceRow("R.referring", "referral", "B6"),
    GuidanceRow("R.networking", "referral", "B6"),
    # Chapter 6, Bijlagen 7 and 9: the counsellor's own emotions.
    _kept("W.cause.compassion", "counsellor", "§6.2", "WellbeingItem"),
    _kept("W.cause.transference", "counsellor", "§6.2", "WellbeingItem"),
    _kept("W.cause.working_conditions", "counsellor", "§6.2", "WellbeingItem"),
    _context("C.instruction.emotion_exercise", "counsellor", "B7"),
    _context("C.instruction.intervision", "counsellor", "B9"),
    # Bijlage 10: the two notes on its sources.
    GuidanceRow("B.how_to_use", "social_map", "B10"),
    GuidanceRow("B.vwn_login", "social_map", "B10", about="B10.vwn_country_information"),
    GuidanceRow("B.belgian_law", "social_map", "B10", about="B10.vreemdelingenrecht_be"),
)
