"""The method's guidance for the counsellor, topic by topic: what the book advises, in our words.

How to start a conversation (§3.1), what to explore per factor (§3.2–3.5), practical tips per plan
section (chapter 4), what to do when emotions overwhelm a client (§5.1), depression, anxiety and
PTSD (§5.2), article 64 (§5.3), the counsellor's own emotions (chapter 6) and more. Each topic
belongs with an instrument (``where``), so a report section, a form and ``terugkeer guide`` show
the same texts. Guidance advises the counsellor; it never decides for counsellor or client.

>>> [t.id for t in guidance_for("overview1", "F02")]
['Q.F02']
>>> topic = GUIDANCE_TOPICS.get("client_emotions")
>>> topic.book, [t.id for t in topic.texts]
('§5.1', ['E.respect', 'E.control', 'E.daily_functioning'])
"""

from __future__ import annotations

import attrs

from .catalogue import Catalogue
from .catalogues.guidance_rows import GUIDANCE_ROWS, TOPIC_ROWS

__all__ = [
    "GUIDANCE_TEXTS",
    "GUIDANCE_TOPICS",
    "PLACES",
    "GuidanceText",
    "GuidanceTopic",
    "guidance_for",
    "topics_for",
]

#: Where a topic belongs: an instrument of :data:`terugkeer.forms.INSTRUMENTS`, or the whole case.
PLACES: tuple[str, ...] = (
    "case",
    "context",
    "overview1",
    "overview2",
    "overview3",
    "actionplan",
    "client",
    "health",
    "signals",
    "wellbeing",
)


@attrs.frozen(weakref_slot=False)
class GuidanceText:
    """One piece of guidance, with the book's section it rests on."""

    id: str
    topic: str  #: the id of its :class:`GuidanceTopic`
    book: str
    #: What it is about, when that is one entry of an instrument: ``F02``, ``AP05``, ``B10.iom``.
    about: str | None
    message_id: str


@attrs.frozen(weakref_slot=False)
class GuidanceTopic:
    """A topic of guidance: its texts in book order, and the instrument it belongs with."""

    id: str
    book: str
    where: str  #: one of :data:`PLACES`
    texts: tuple[GuidanceText, ...]

    @property
    def message_id(self) -> str:
        """Message id of the topic's title."""
        return f"GuidanceTopic.{self.id}"


#: Every guidance text, topic by topic. Ids are public contract.
GUIDANCE_TEXTS: Catalogue[GuidanceText] = Catalogue(
    "guidance text",
    (
        GuidanceText(
            row.id, row.topic, row.book, row.about, row.message_id or f"GuidanceText.{row.id}"
        )
        for row in GUIDANCE_ROWS
    ),
)

#: Every topic, in the order a counsellor meets them. Ids are public contract.
GUIDANCE_TOPICS: Catalogue[GuidanceTopic] = Catalogue(
    "guidance topic",
    (
        GuidanceTopic(
            row.id, row.book, row.where, tuple(t for t in GUIDANCE_TEXTS if t.topic == row.id)
        )
        for row in TOPIC_ROWS
    ),
)


def topics_for(where: str) -> tuple[GuidanceTopic, ...]:
    """The topics that belong with one instrument (or ``case``), in order.

    >>> [t.id for t in topics_for("signals")]
    ['client_emotions', 'mental_health', 'stay_alert', 'referral']
    """
    if where not in PLACES:
        raise KeyError(where)
    return tuple(t for t in GUIDANCE_TOPICS if t.where == where)


def guidance_for(where: str, about: str | None = None) -> tuple[GuidanceText, ...]:
    """The texts of one instrument's topics; with ``about``, only those about that entry
    (a factor, a plan section, a social-map entry).

    >>> [t.id for t in guidance_for("actionplan", "AP08")][:2]
    ['T.AP08.expectations', 'T.AP08.honour']
    """
    texts = (t for topic in topics_for(where) for t in topic.texts)
    if about is None:
        return tuple(texts)
    return tuple(t for t in texts if t.about == about)
