"""Codes for files that could harm whoever opens them, or that break the JSON standard: macros,
links to other files, archive members named to escape their folder (the readers that find
them: readers/office_risks.py, readers/zip.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from radadata.checks.findings import CheckCode, Severity, register

OFFICE_MACROS = "office_macros"
OFFICE_EXTERNAL_LINKS = "office_external_links"
ZIP_UNSAFE_NAME = "zip_unsafe_name"

register(
    CheckCode(
        OFFICE_MACROS, Severity.ERROR, _("Macros in the workbook"),
        _("The workbook contains macros (%(where)s). Open data must not carry program code: "
          "a macro can run on the computer of whoever opens the file."),
        _("Save the workbook as “Excel Workbook (*.xlsx)” or ODS, which keeps the data and "
          "drops the macros, and upload that file."),
    ),
    CheckCode(
        OFFICE_EXTERNAL_LINKS, Severity.ERROR, _("Links to other files"),
        _("The workbook takes values from other files (%(target)s). Whoever downloads it does "
          "not have those files, and the link shows where they are kept in the council's "
          "network."),
        _("In Excel: Data → Edit Links → Break Link (in LibreOffice: Edit → Links → Break "
          "Link), so the values stay and the links go; save and upload the file again."),
    ),
    CheckCode(
        ZIP_UNSAFE_NAME, Severity.ERROR, _("Unsafe name in the archive"),
        _("The archive has a file named “%(name)s”: a name with “..” or starting with “/” "
          "would be unpacked outside the folder the archive is unpacked into. This file was "
          "not checked."),
        _("Pack the files again from their own folder, so that the names in the archive "
          "have no “..” and no leading “/”, and upload the new archive."),
    ),
)
