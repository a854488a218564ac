"""The context vocabulary (§1.3, §1.5, §2.1, §3.3): phases, ways of returning, client groups.

Closed sets with Dutch and English labels, for the case file and for tools that show context.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ._labelled import LabelledEnum

__all__ = [
    "Alternative",
    "ClientGroup",
    "LegalCheckAdvice",
    "ProcessPhase",
    "ReturnWay",
    "VulnerableCharacteristic",
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


@attrs.frozen
class LegalCheckAdvice:
    """Whether the legal options deserve an extra careful look, and because of what."""

    needed: bool
    because: tuple[VulnerableCharacteristic, ...]
    rule: str = "SPEC §1 vulnerable groups (§3.3)"


def legal_check_advice(characteristics: Iterable[VulnerableCharacteristic]) -> LegalCheckAdvice:
    """Any vulnerable-group characteristic calls for an extra check of the legal options (§3.3).

    >>> legal_check_advice([VulnerableCharacteristic.AGE]).needed
    True
    """
    present = set(characteristics)
    because = tuple(c for c in VulnerableCharacteristic if c in present)
    return LegalCheckAdvice(bool(because), because)
