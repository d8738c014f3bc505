"""Closed lists of the registry: periodicities (КМУ 835, data.gov.ua codes), owner kinds (§1.15),
data types and formats (§5.2), dataset states.

Official Ukrainian wordings that appear in exported files live here next to the codes, so the
export never depends on the language of the request.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Periodicity(models.TextChoices):
    # value = the data.gov.ua update_frequency code
    MORE_THAN_DAILY = "more than once a day", _("more than once a day")
    DAILY = "once a day", _("daily")
    WEEKLY = "once a week", _("weekly")
    MONTHLY = "once a month", _("monthly")
    QUARTERLY = "once a quarter", _("quarterly")
    HALF_YEARLY = "once a half year", _("every half year")
    YEARLY = "once a year", _("yearly")
    ON_CHANGE = "immediately after making changes", _("immediately after making changes")
    NO_LONGER = "no longer updated", _("no longer updated")


#: The official labels (КМУ 835 / data.gov.ua), used in exported registries.
PERIODICITY_UK: dict[str, str] = {
    Periodicity.MORE_THAN_DAILY: "Більш як один раз на день",
    Periodicity.DAILY: "Щодня",
    Periodicity.WEEKLY: "Щотижня",
    Periodicity.MONTHLY: "Щомісяця",
    Periodicity.QUARTERLY: "Щокварталу",
    Periodicity.HALF_YEARLY: "Кожного півріччя",
    Periodicity.YEARLY: "Щороку",
    Periodicity.ON_CHANGE: "Відразу після внесення змін",
    Periodicity.NO_LONGER: "Більше не оновлюється",
}


def periodicity_from_text(text: str) -> str | None:
    """Accept a portal code or an official Ukrainian label (any case); None if unknown."""
    needle = (text or "").strip().lower()
    if not needle:
        return None
    for code, label in PERIODICITY_UK.items():
        if needle in {code.lower(), label.lower()}:
            return code
    aliases = {"позапланово": Periodicity.ON_CHANGE, "щоквартально": Periodicity.QUARTERLY,
               "щомісячно": Periodicity.MONTHLY, "щорічно": Periodicity.YEARLY,
               "раз на рік": Periodicity.YEARLY, "раз на квартал": Periodicity.QUARTERLY,
               "раз на місяць": Periodicity.MONTHLY, "щоденно": Periodicity.DAILY,
               "щотижнево": Periodicity.WEEKLY, "раз на півроку": Periodicity.HALF_YEARLY,
               "щопівроку": Periodicity.HALF_YEARLY}
    return aliases.get(needle)


class OwnerKind(models.TextChoices):
    DEPARTMENT = "department", _("executive body without legal status (§1.15.1)")
    DEPARTMENT_LEGAL = "department_legal", _("executive body, legal entity (§1.15.2)")
    ENTERPRISE = "enterprise", _("communal enterprise or institution (§1.15.3)")


class DataType(models.TextChoices):
    """The data types of the recommended-formats table (§5.2)."""

    STRUCTURED = "structured", _("structured data")
    TEXT = "text", _("text")
    GRAPHIC = "graphic", _("graphic data")
    GEO = "geo", _("geospatial data")
    VIDEO = "video", _("video")
    AUDIO = "audio", _("audio")
    ARCHIVE = "archive", _("archive")


#: §5.2 recommended formats; True = open format (marked * in the regulation).
RECOMMENDED_FORMATS: dict[str, bool] = {
    # Plain text and GeoJSON (RFC 7946) are open standards, though §5.2 leaves them unstarred.
    "TXT": True, "RTF": False, "ODT": True, "DOC": False, "DOCX": False, "PDF": False,
    "HTML": True, "XHTML": True,
    "RDF": True, "XML": True, "JSON": True, "CSV": True, "XLS": False, "XLSX": False,
    "ODS": True, "YAML": True,
    "GIF": True, "TIFF": False, "JPG": True, "JPEG": True, "PNG": True, "GTFS": False,
    "GTFS-RT": False,
    "MPEG": False, "MKV": False, "AVI": False, "FLV": False, "MKS": False, "MK3D": False,
    "MP3": False, "WAV": False, "MKA": False, "SWF": False,
    "ZIP": True, "7Z": True, "GZIP": True, "GZ": True, "BZIP2": True, "BZ2": True,
    "GEOTIFF": False, "SHP": False, "DMF": False, "MID": False, "MIF": False, "DXF": False,
    "GEOJSON": True, "GPX": False, "LOC": False, "ARINC": False, "AIXM": False,
}


class DatasetStatus(models.TextChoices):
    REGISTERED = "registered", _("in the registry, not published")
    PUBLISHED = "published", _("published")
    ARCHIVED = "archived", _("no longer updated")


class MembershipRole(models.TextChoices):
    RESPONSIBLE = "responsible", _("owner's responsible person")
    SUBSTITUTE = "substitute", _("substitute of the responsible person")
    EDITOR = "editor", _("owner editor (may upload to the portal, §6.8)")
