"""The context vocabulary (§1.3, §1.5, §2.1, §3.3): phases, ways of returning, client groups.

Closed sets with Dutch and English labels, for the case file and for tools that show context,
and the context texts a tool can show beside the instruments: the four preconditions of §1.3,
the article 64 procedure of §5.3 and the working instructions of the appendices.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ._labelled import LabelledEnum
from .catalogues.context_rows import CONTEXT_ROWS

__all__ = [
    "CONTEXT_TEXTS",
    "Alternative",
    "ClientGroup",
    "ContextText",
    "ContextTopic",
    "LegalCheckAdvice",
    "ProcessPhase",
    "ReturnWay",
    "VulnerableCharacteristic",
    "context_texts",
    "legal_check_advice",
]


class ProcessPhase(LabelledEnum):
    """The five phases of the return process (§1.5), in order."""

    CONSIDERING = "considering"  #: (not yet wanting to) consider return
    DECIDING = "deciding"
    MAKING_PLANS = "making_plans"  #: making the plans concrete
    RETURNING = "returning"  #: the actual return
    REINTEGRATING = "reintegrating"  #: reintegration in the country of origin

    @property
    def number(self) -> int:
        """The phase's number, 1–5."""
        return list(ProcessPhase).index(self) + 1


class ReturnWay(LabelledEnum):
    """How a return happens (§1.5)."""

    INDEPENDENT = "independent"  #: zelfstandig
    ASSISTED = "assisted"  #: gefaciliteerd / geassisteerd
    FORCED = "forced"  #: gedwongen


class Alternative(LabelledEnum):
    """Options other than return after a rejection (§2.1, §3.6)."""

    IRREGULAR_STAY = "irregular_stay"
    ONWARD_MIGRATION = "onward_migration"


class ClientGroup(LabelledEnum):
    """The client groups the methodology serves (§1.5). Unaccompanied minors are an attribute."""

    ASYLUM_SEEKER = "asylum_seeker"  #: in the procedure
    REFUGEE = "refugee"  #: permit holder
    UNDOCUMENTED = "undocumented"


class VulnerableCharacteristic(LabelledEnum):
    """Characteristics of vulnerable groups (§3.3); any of them calls for an extra legal check."""

    SEX_AND_SEXUAL_ORIENTATION = "sex_and_sexual_orientation"
    AGE = "age"  #: e.g. an unaccompanied minor
    ETHNICITY = "ethnicity"
    CONVICTION = "conviction"  #: political and/or religious
    HEALTH = "health"
    PAST_EXPERIENCES = "past_experiences"  #: violence, torture, trafficking


@attrs.frozen(weakref_slot=False)
class LegalCheckAdvice:
    """Whether the legal options deserve an extra careful look, and because of what."""

    needed: bool
    because: tuple[VulnerableCharacteristic, ...]
    rule: str = "§3.3"


def legal_check_advice(characteristics: Iterable[VulnerableCharacteristic]) -> LegalCheckAdvice:
    """Any vulnerable-group characteristic calls for an extra check of the legal options (§3.3).

    >>> legal_check_advice([VulnerableCharacteristic.AGE]).needed
    True
    """
    present = set(characteristics)
    because = tuple(c for c in VulnerableCharacteristic if c in present)
    return LegalCheckAdvice(bool(because), because)


class ContextTopic(LabelledEnum):
    """What a context text is about."""

    PRECONDITIONS = "preconditions"  #: §1.3: four preconditions for guidance with the method
    ARTICLE_64 = "article_64"  #: §5.3: postponing departure for medical reasons
    INSTRUCTIONS = "instructions"  #: how to work with an appendix (B1–B3, B7, B9)


@attrs.frozen(weakref_slot=False)
class ContextText:
    """A text to show beside the instruments, with the book's section it rests on."""

    id: str
    topic: ContextTopic
    book: str

    @property
    def message_id(self) -> str:
        """Message id of the text."""
        return f"ContextText.{self.id}"


#: Every context text, topic by topic, in book order. Ids are public contract.
CONTEXT_TEXTS: tuple[ContextText, ...] = tuple(
    ContextText(row.id, ContextTopic(row.topic), row.book) for row in CONTEXT_ROWS
)


def context_texts(topic: ContextTopic) -> tuple[ContextText, ...]:
    """The context texts of one topic, in book order.

    >>> [t.id for t in context_texts(ContextTopic.PRECONDITIONS)][0]
    'C.precondition.careful_procedure'
    """
    return tuple(t for t in CONTEXT_TEXTS if t.topic is topic)
