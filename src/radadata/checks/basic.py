"""The checks every submitted file passes before the officer sees it (§5.2, §6.14): format and
encoding. The full check engine (structure, personal data) builds on these findings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _

from radadata.registry.files import TEXT_FORMATS
from radadata.registry.models import ResourceVersion
from radadata.registry.vocabularies import RECOMMENDED_FORMATS

ERROR = "error"  # blocks: the submission goes back to the owner
WARNING = "warning"  # shown, does not block

UTF8 = {"utf-8", "utf_8", "ascii", "utf-8-sig"}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    file: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


def check_version(version: ResourceVersion) -> list[Finding]:
    name = version.original_name
    findings = []
    if version.format not in RECOMMENDED_FORMATS:
        findings.append(Finding(
            "format_not_recommended", ERROR, name,
            _("“%(file)s” is in the format %(format)s, which is not on the list of recommended "
              "formats (§5.2). Save the data as CSV, XLSX or JSON and upload it again.")
            % {"file": name, "format": version.format or "?"}))
    elif not RECOMMENDED_FORMATS[version.format]:
        findings.append(Finding(
            "format_not_open", WARNING, name,
            _("“%(file)s” is %(format)s, a recommended but not an open format; an open format "
              "(CSV, JSON, ODS) is better for reuse.") % {"file": name, "format": version.format}))
    encoding = (version.encoding or "").lower()
    if version.format in TEXT_FORMATS and encoding and encoding not in UTF8:
        findings.append(Finding(
            "not_utf8", ERROR, name,
            _("“%(file)s” is in the encoding %(encoding)s; open data must be in UTF-8 (§5.2). "
              "In Excel choose “Save as” → “CSV UTF-8”, then upload the file again.")
            % {"file": name, "encoding": version.encoding}))
    return findings


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == ERROR]
