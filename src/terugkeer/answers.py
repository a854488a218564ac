"""Small answer vocabularies shared by several instruments."""

from __future__ import annotations

from ._labelled import LabelledEnum

__all__ = ["Answer", "Place"]


class Answer(LabelledEnum):
    """A yes/no question that may also be answered "unknown" (not yet found out)."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Place(LabelledEnum):
    """Where something is: in the Netherlands or in the country of origin."""

    NETHERLANDS = "netherlands"
    COUNTRY_OF_ORIGIN = "country_of_origin"
