"""The social map of Bijlage 10 as data: the book's sources and organisations (as of 2017).

Each row: a stable id (``B10.*``, whose nl/en name is ``SocialMap.<id>``), the name as printed,
the kind, the group and the web address (may be empty). Some organisations no longer exist: tools
replace or extend the map (:class:`terugkeer.socialmap.SocialMap`).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

__all__ = ["BOOK_MAP_DATE", "BOOK_MAP_ROWS", "MapRow"]

#: The date of the book's list.
BOOK_MAP_DATE = dt.date(2017, 1, 1)


class MapRow(NamedTuple):
    id: str
    name: str
    kind: str
    group: str
    url: str


BOOK_MAP_ROWS: tuple[MapRow, ...] = (
    MapRow(
        "B10.compatriots", "Recently arrived compatriots", "informal", "general_information", ""
    ),
    MapRow(
        "B10.family_abroad",
        "Family and acquaintances in the country of origin",
        "informal",
        "general_information",
        "",
    ),
    MapRow(
        "B10.country_reports",
        "Ministry of Foreign Affairs: country reports (ambtsberichten)",
        "information_source",
        "general_information",
        "https://www.rijksoverheid.nl",
    ),
    MapRow(
        "B10.vwn_country_information",
        "VluchtelingenWerk Nederland: country information",
        "information_source",
        "general_information",
        "http://www.vluchtweb.nl",
    ),
    MapRow(
        "B10.vreemdelingenrecht_be",
        "Vreemdelingenrecht.be",
        "information_source",
        "general_information",
        "http://www.kruispuntmi.be/vreemdelingenrecht",
    ),
    MapRow(
        "B10.unhcr", "UNHCR", "information_source", "general_information", "https://www.unhcr.org"
    ),
    MapRow(
        "B10.ecoi",
        "European Country of Origin Information Network",
        "information_source",
        "general_information",
        "https://www.ecoi.net",
    ),
    MapRow(
        "B10.ngos",
        "NGOs working in the country (e.g. Cordaid, HealthNet TPO)",
        "information_source",
        "general_information",
        "",
    ),
    MapRow(
        "B10.msf",
        "Médecins Sans Frontières",
        "information_source",
        "general_information",
        "https://www.msf.org",
    ),
    MapRow(
        "B10.red_cross",
        "International Red Cross",
        "information_source",
        "general_information",
        "http://www.redcross.int",
    ),
    MapRow(
        "B10.amnesty",
        "Amnesty International",
        "information_source",
        "general_information",
        "https://www.amnesty.org",
    ),
    MapRow(
        "B10.hrw",
        "Human Rights Watch",
        "information_source",
        "general_information",
        "https://www.hrw.org",
    ),
    MapRow(
        "B10.infoterugkeer",
        "Infoterugkeer: organisations and projects",
        "information_source",
        "return_guidance",
        "http://www.infoterugkeer.nl",
    ),
    MapRow(
        "B10.vwn",
        "VluchtelingenWerk Nederland",
        "organisation",
        "return_guidance",
        "https://www.vluchtelingenwerk.nl",
    ),
    MapRow(
        "B10.iom",
        "International Organization for Migration (IOM)",
        "organisation",
        "return_guidance",
        "http://www.iom-nederland.nl",
    ),
    MapRow(
        "B10.bridge_to_better",
        "Bridge to Better",
        "organisation",
        "return_guidance",
        "http://www.bridgetobetter.org",
    ),
    MapRow(
        "B10.solid_road", "Solid Road", "organisation", "return_guidance", "http://www.solidroad.nl"
    ),
    MapRow(
        "B10.goed_werk",
        "Goed Werk Foundation",
        "organisation",
        "return_guidance",
        "http://www.goed-werk.nl",
    ),
    MapRow(
        "B10.ieta",
        "International Education Ter Apel (IETA)",
        "organisation",
        "return_guidance",
        "http://www.ieta.nl",
    ),
    MapRow(
        "B10.wereldwijd",
        "Stichting Wereldwijd",
        "organisation",
        "return_guidance",
        "http://www.stichtingwereldwijd.nl",
    ),
    MapRow(
        "B10.ros",
        "Rotterdams Ongedocumenteerden Steunpunt (ROS)",
        "organisation",
        "return_guidance",
        "http://www.stichtingros.nl",
    ),
    MapRow(
        "B10.erso",
        "European Reintegration Support Organisations (ERSO)",
        "organisation",
        "return_guidance",
        "http://www.erso-project.eu",
    ),
    MapRow("B10.nidos", "Nidos", "organisation", "unaccompanied_minors", "https://www.nidos.nl"),
    MapRow(
        "B10.beyond_borders",
        "Beyond Borders",
        "organisation",
        "unaccompanied_minors",
        "http://www.beyondborders.nu",
    ),
    MapRow(
        "B10.los",
        "Stichting LOS",
        "organisation",
        "undocumented_help",
        "http://www.stichtinglos.nl",
    ),
    MapRow(
        "B10.lampion", "Lampion", "organisation", "undocumented_help", "http://www.lampion.info"
    ),
    MapRow(
        "B10.dvdw",
        "Dokters van de Wereld",
        "organisation",
        "undocumented_help",
        "https://www.doktersvandewereld.org",
    ),
)
