"""Context texts as data: §1.3's preconditions, §5.3's article 64, the appendices' instructions.

Each row: a stable id (its text is ``ContextText.<id>``), the topic and the book's section.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["CONTEXT_ROWS", "ContextRow"]


class ContextRow(NamedTuple):
    id: str
    topic: str
    book: str


CONTEXT_ROWS: tuple[ContextRow, ...] = (
    ContextRow("C.precondition.careful_procedure", "preconditions", "§1.3"),
    ContextRow("C.precondition.permit_when_return_impossible", "preconditions", "§1.3"),
    ContextRow("C.precondition.clear_schemes", "preconditions", "§1.3"),
    ContextRow("C.precondition.time_for_counsellors", "preconditions", "§1.3"),
    ContextRow("C.art64.when", "article_64", "§5.3"),
    ContextRow("C.art64.until_departure", "article_64", "§5.3"),
    ContextRow("C.art64.in_treatment", "article_64", "§5.3"),
    ContextRow("C.art64.medical_advice", "article_64", "§5.3"),
    ContextRow("C.art64.presence_only", "article_64", "§5.3"),
    ContextRow("C.instruction.overview1", "instructions", "B1"),
    ContextRow("C.instruction.overview2", "instructions", "B2"),
    ContextRow("C.instruction.overview3", "instructions", "B3"),
    ContextRow("C.instruction.emotion_exercise", "instructions", "B7"),
    ContextRow("C.instruction.intervision", "instructions", "B9"),
)
