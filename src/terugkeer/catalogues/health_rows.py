"""The health checklist (Bijlage 5) as data: its questions in form order, with stable ids.

Each row: stable id, the path of its answer inside a :class:`~terugkeer.HealthChecklist` (through a
tuple, the path applies to every medicine or facility), and the form's block. Prompts are in the
gettext catalogues under ``HealthChecklist.<id>``.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["CHECKLIST_ROWS", "ChecklistRow"]


class ChecklistRow(NamedTuple):
    id: str
    path: str
    block: str


CHECKLIST_ROWS: tuple[ChecklistRow, ...] = (
    ChecklistRow("H.illness.name_en", "illness_en", "illness"),
    ChecklistRow("H.illness.description", "description", "illness"),
    ChecklistRow("H.medicine.substance", "medicines.substance", "medicines"),
    ChecklistRow("H.medicine.alternatives", "medicines.alternatives", "medicines"),
    ChecklistRow("H.medicine.available", "medicines.available", "medicines"),
    ChecklistRow("H.medicine.where", "medicines.where", "medicines"),
    ChecklistRow("H.medicine.reachable", "medicines.reachable", "medicines"),
    ChecklistRow("H.medicine.cost", "medicines.cost", "medicines"),
    ChecklistRow("H.medicine.affordable", "medicines.affordable", "medicines"),
    ChecklistRow("H.medicine.transport_cost", "medicines.transport_cost", "medicines"),
    ChecklistRow("H.facility.which", "facilities.which", "facilities"),
    ChecklistRow("H.facility.where", "facilities.where", "facilities"),
    ChecklistRow("H.facility.available", "facilities.available", "facilities"),
    ChecklistRow("H.facility.reachable", "facilities.reachable", "facilities"),
    ChecklistRow("H.facility.cost", "facilities.cost", "facilities"),
    ChecklistRow("H.facility.affordable", "facilities.affordable", "facilities"),
    ChecklistRow("H.network.exists", "network.exists", "network"),
    ChecklistRow("H.network.knows_condition", "network.knows_condition", "network"),
    ChecklistRow("H.capacity.doubt", "decision_capacity.doubt", "decision_capacity"),
    ChecklistRow("H.handover.arranged", "handover.arranged", "handover"),
    ChecklistRow("H.handover.how", "handover.how", "handover"),
    ChecklistRow("H.handover.receiving_doctor", "handover.receiving_doctor", "handover"),
    ChecklistRow("H.handover.receiving_facility", "handover.receiving_facility", "handover"),
    ChecklistRow("H.handover.records_taken_over", "handover.records_taken_over", "handover"),
    ChecklistRow("H.handover.medication_stock", "handover.medication_stock", "handover"),
    ChecklistRow("H.handover.escort_needed", "handover.escort_needed", "handover"),
    ChecklistRow("H.handover.medical_passport", "handover.medical_passport", "handover"),
    ChecklistRow("H.handover.passport_language", "handover.passport_language", "handover"),
)
