"""The counsellor's own wellbeing (chapter 6, Bijlagen 7–9) as data: every list, in book order.

Each row: a stable id and the list it belongs to. Labels are in the gettext catalogues under
``WellbeingItem.<id>``. Ids are part of the public contract: never renumber or reuse one.
"""

from __future__ import annotations

__all__ = ["WELLBEING_ROWS"]

_LISTS: dict[str, tuple[str, ...]] = {
    # §6.1: reactions that point to too much distance, and to over-involvement.
    "distance": (
        "denial",
        "minimising",
        "distorting",
        "avoiding",
        "indifference",
        "withdrawing",
        "blaming_client",
    ),
    "involvement": (
        "taking_over_responsibility",
        "entangled_in_story",
        "dependent_on_client_reactions",
        "rescuer_urge",
        "guilt_and_shame",
        "moral_dilemmas",
        "feeling_victim",
    ),
    # Bijlage 7: the emotions of the exercise, and the signals of emotional reactions.
    "exercise_emotion": (
        "irritation",
        "powerlessness",
        "fear",
        "disgust_disbelief",
        "anger",
        "shock",
        "gloom",
        "caution",
        "uncertainty",
        "respect",
        "guilt",
        "satisfaction",
    ),
    "signal_general": (
        "performance_drops",
        "exhaustion",
        "irritation_and_conflicts",
        "avoiding_hard_tasks",
        "withdrawing",
        "aversion",
        "morale_declines",
        "absence",
    ),
    "signal_client": ("extreme_distance_or_involvement", "withholding_information"),
    "signal_team": (
        "not_sharing",
        "output_drops",
        "complaining",
        "escalating_conflicts",
        "no_perspective",
        "feeling_powerless",
        "vehemence_to_management_or_outside",
        "management_seen_as_opposed",
        "sabotaging_decisions",
    ),
    # Bijlage 8: stress signals, the advice when several are recognised, preventive measures.
    "stress_signal": (
        "sleeplessness",
        "anxiety",
        "palpitations",
        "headache",
        "short_of_breath",
        "restlessness",
        "tiredness",
        "tense_muscles",
        "indecision",
        "poor_concentration",
        "constant_worrying",
        "low_sex_drive",
        "smoking_a_lot",
        "drinking_a_lot",
        "crying_easily",
    ),
    "stress_advice": ("see_gp", "raise_with_employer", "ask_for_intervision"),
    "prevention_personal": ("physical_self_care", "emotional_self_care", "skills"),
    "prevention_professional": (
        "varied_work",
        "breaks",
        "time_for_overview",
        "time_limits",
        "intervision",
        "supervision",
        "peer_network",
    ),
    # Bijlage 9: the intervision instrument's four domains.
    "intervision_society": (
        "political_ideas",
        "public_ideas",
        "national_law",
        "international_law",
    ),
    "intervision_work": (
        "how_work_is_organised",
        "leadership",
        "say_in_work",
        "support_from_manager",
        "support_from_colleagues",
    ),
    "intervision_person": (
        "wellbeing_outside_work",
        "handling_stress",
        "job_satisfaction",
        "leisure",
        "perfectionism",
        "involvement_distance_balance",
        "views_of_family_and_friends",
        "knowledge_and_skills",
    ),
    "intervision_client": (
        "life_history",
        "arrival_and_stay",
        "procedure_so_far",
        "reception_experiences",
        "family_situation",
        "health_and_care",
        "contacts_in_society",
    ),
    # §6.2: three causes of emotional reactions in counsellors (context text).
    "cause": (
        "compassion",
        "transference",
        "working_conditions",
    ),
    # §6.3: suggestions for organisations and managers.
    "organisation": (
        "offer_intervision_and_supervision",
        "manage_caseloads",
        "show_appreciation",
        "give_influence",
        "offer_resilience_training",
    ),
}

#: (stable id, list) for every item, in book order.
WELLBEING_ROWS: tuple[tuple[str, str], ...] = tuple(
    (f"W.{name}.{item}", name) for name, items in _LISTS.items() for item in items
)
