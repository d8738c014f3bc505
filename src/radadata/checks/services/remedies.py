"""What the owner does about a finding with one click: convert the file to UTF-8, or anonymise
a column of personal data (§2.9). Each makes a new version of the file through version_add,
which is checked again; the version it came from stays as it was (versions are evidence)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable
from pathlib import Path, PurePath

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radadata.accounts.models import User
from radadata.checks.anonymise import ColumnNotFound
from radadata.checks.codes_file import NOT_UTF8
from radadata.checks.files import local_path, scratch_file
from radadata.checks.models import CheckRun, RunStatus
from radadata.core import audit
from radadata.core.errors import Conflict, ValidationFailed
from radadata.registry import access
from radadata.registry.models import Dataset, ResourceVersion
from radadata.registry.services.resources import version_add

#: The anonymisation methods of checks.anonymise (§2.9), in the order the page offers them.
METHODS = {
    "mask_citizens": gettext_lazy("mask only the private citizens' values (“гр.”, “мешканка”, "
                                  "“заявник”); the officials and organisations stay"),
    "mask": gettext_lazy("mask the values (keep the first and last characters)"),
    "generalise_date": gettext_lazy("keep only the year of each date"),
    "hash": gettext_lazy("replace each value with a pseudonym (a keyed hash)"),
    "drop": gettext_lazy("drop the column"),
}
# The version's note says what was done: data on the version, in the council's language.
_METHOD_NOTES = {
    "mask_citizens": "замасковано значення приватних осіб",
    "mask": "маскування",
    "generalise_date": "дати узагальнено до року",
    "hash": "псевдонімізація",
    "drop": "стовпець вилучено",
}


#: What the anonymisation tools read; they write CSV.
ANONYMISABLE = frozenset({"csv", "xlsx"})


def _anonymise(method: str, source: Path, target: Path, column: str, *,
               dataset: Dataset) -> int:
    from radadata.checks import anonymise

    if method == "hash":
        # One secret key per dataset, the same for every version: equal values keep equal
        # pseudonyms across versions, and nobody without the server's secret can undo them.
        salt = hmac.new(settings.SECRET_KEY.encode(), f"anonymise:{dataset.pk}".encode(),
                        hashlib.sha256).hexdigest()
        return anonymise.hash_column(source, target, column, salt=salt)
    if method == "mask_citizens":
        from radadata.checks.personal.names import CITIZEN

        return anonymise.mask_column(source, target, column, only=CITIZEN.search)
    tool: Callable[..., int] = {"drop": anonymise.drop_column, "mask": anonymise.mask_column,
                                "generalise_date": anonymise.generalise_date}[method]
    return tool(source, target, column)


def _require_current(version: ResourceVersion) -> CheckRun:
    """Only the newest version of a file, once checked, is remedied: a new version made from an
    older one would silently undo what came after it."""
    newest = version.resource.versions.order_by("-number").values_list("pk", flat=True).first()
    if newest != version.pk:
        raise Conflict(_("A newer version of this file exists; open its report and act there."),
                       code="not_newest_version")
    run = CheckRun.objects.filter(version=version).first()
    if run is None or run.status != RunStatus.DONE:
        raise Conflict(_("The file has not been checked yet; wait for the report."),
                       code="check_not_done")
    return run


def _add_derived(version: ResourceVersion, path: Path, *, note: str, by: User | None,
                 at: dt.datetime) -> ResourceVersion:
    with path.open("rb") as stream:
        return version_add(resource=version.resource, stream=stream, filename=path.name,
                           note=note, by=by, at=at)


@transaction.atomic
def version_convert_utf8(*, version: ResourceVersion, by: User | None,
                         at: dt.datetime) -> ResourceVersion:
    """A UTF-8 copy of a text file found in another encoding, as the file's next version.
    Refused (nothing stored) when the text would not survive the conversion whole."""
    access.require_dataset_edit(by, version.resource.dataset)
    run = _require_current(version)
    finding = next((f for f in run.parsed().findings if f.code == NOT_UTF8), None)
    if finding is None:
        raise Conflict(_("The check found nothing to convert: the file is in UTF-8 or not "
                         "a text file."), code="nothing_to_convert")
    # The report names the codec ("windows-1251"); the finding's text, the way people do.
    encoding = str(run.report.get("encoding") or finding.params.get("encoding") or "")
    from radadata.checks.encoding import convert_to_utf8

    with local_path(version) as source, scratch_file(version.original_name) as target:
        convert_to_utf8(source, target, encoding)
        converted = _add_derived(
            version, target, by=by, at=at,
            note=f"Перетворено в UTF-8 з {encoding} (з версії {version.number})")
    audit.record(actor=by, action="checks.converted_to_utf8", obj=version.resource, at=at,
                 changes={"version": [version.number, converted.number],
                          "encoding": [encoding, "utf-8"]},
                 note=version.original_name)
    return converted


@transaction.atomic
def column_anonymise(*, version: ResourceVersion, column: str, method: str, by: User | None,
                     at: dt.datetime) -> ResourceVersion:
    """Anonymise one column of the file (§2.9) into its next version, which is checked again."""
    access.require_dataset_edit(by, version.resource.dataset)
    run = _require_current(version)
    if method not in METHODS:
        raise ValidationFailed({"method": [_("Choose how to anonymise the column.")]})
    if run.report.get("format") not in ANONYMISABLE:
        raise Conflict(_("Columns can be anonymised in CSV and XLSX files. Save the data as "
                         "CSV, upload it as a new version and anonymise the column there."),
                       code="not_anonymisable")
    columns = run.report.get("columns") or []
    if not column or column not in columns:
        raise ValidationFailed({"column": [_("The file has no column “%(column)s”; choose one "
                                             "of its columns.") % {"column": column}]})
    # The tools write CSV: an XLSX file's anonymised version is a CSV file of the same name.
    name = str(PurePath(version.original_name).with_suffix(".csv"))
    with local_path(version) as source, scratch_file(name) as target:
        try:
            changed = _anonymise(method, source, target, column,
                                 dataset=version.resource.dataset)
        except ColumnNotFound as error:
            raise ValidationFailed(
                {"column": [_("The file has several columns named “%(column)s”; rename them "
                              "so that each name is unique, upload the file again and "
                              "anonymise then.") % {"column": column}]}) from error
        anonymised = _add_derived(
            version, target, by=by, at=at,
            note=f"Знеособлено стовпець «{column}»: {_METHOD_NOTES[method]} "
                 f"(з версії {version.number}, §2.9)")
    audit.record(actor=by, action="checks.column_anonymised", obj=version.resource, at=at,
                 changes={"version": [version.number, anonymised.number],
                          "cells": [None, changed]},
                 note=f"«{column}»: {method}")
    return anonymised
