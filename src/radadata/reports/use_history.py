"""Views and downloads counted before RadaData — data.gov.ua's statistics or the council's own
site — month by month, so that a past year's report draws their chart like a year counted here.

    plan = plan_use_import(data, at=now)          # the dry run: every row, and what is wrong
    use_history_import(data=data, by=officer, at=now, good_rows=False)   # all rows or none

The file is a CSV (or XLSX) with the columns dataset (its identifier or its exact title),
month (2020-03, 03.2020 or a date in the month), views and downloads. A month's numbers are
kept as the month's first day of the daily counts (catalog.DailyCount), which every chart and
the priority score read; a month RadaData counted itself is refused, a month imported before
is replaced.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from radadata.accounts.models import User
from radadata.catalog.models import DailyCount
from radadata.core import audit
from radadata.core.errors import ValidationFailed
from radadata.registry import access
from radadata.registry.files import detect_encoding
from radadata.registry.models import Council, Dataset
from radadata.reports.periods import FIRST_YEAR

COLUMNS = {
    "dataset": ("dataset", "набір даних", "назва набору даних", "ідентифікатор", "identifier"),
    "month": ("month", "місяць", "період"),
    "views": ("views", "перегляди", "переглядів", "кількість переглядів"),
    "downloads": ("downloads", "завантаження", "завантажень", "кількість завантажень"),
}
_MONTH = (re.compile(r"^(\d{4})-(\d{1,2})(?:-\d{1,2})?$"), re.compile(r"^(\d{1,2})\.(\d{4})$"),
          re.compile(r"^\d{1,2}\.(\d{1,2})\.(\d{4})$"))


@dataclass
class UseRow:
    row: int
    dataset_text: str
    month_text: str
    dataset: Dataset | None = None
    month: dt.date | None = None
    views: int = 0
    downloads: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class UsePlan:
    rows: list[UseRow]

    @property
    def rejected(self) -> list[UseRow]:
        return [row for row in self.rows if row.problems]

    @property
    def good_rows(self) -> list[UseRow]:
        return [row for row in self.rows if not row.problems]


def _key(text: str) -> str:
    return " ".join(str(text or "").lower().split())


def _table(data: bytes, filename: str) -> list[list[str]]:
    if filename.lower().endswith(".xlsx"):
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        return [["" if value is None else value for value in row]
                for row in sheet.iter_rows(values_only=True)]
    text = data.decode(detect_encoding(data) or "utf-8", errors="replace").lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _columns(header: list) -> dict[str, int]:
    found = {}
    for index, title in enumerate(header):
        for name, words in COLUMNS.items():
            if _key(title) in words and name not in found:
                found[name] = index
    missing = [name for name in COLUMNS if name not in found]
    if missing:
        raise ValidationFailed({"file": [_(
            "The file needs the columns dataset, month, views and downloads (or набір даних, "
            "місяць, перегляди, завантаження); missing: %(missing)s.")
            % {"missing": ", ".join(missing)}]}, code="bad_use_file")
    return found


def _month(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, dt.date):
        return value.replace(day=1)
    text = str(value or "").strip()
    for pattern in _MONTH:
        match = pattern.match(text)
        if match:
            first, second = (int(part) for part in match.groups())
            year, month = (first, second) if first > 31 else (second, first)
            if 1 <= month <= 12:
                return dt.date(year, month, 1)
    return None


def _count(value, row: UseRow, label: str) -> int:
    text = str(value if value is not None else "").strip().replace(" ", "").replace("\u00a0", "")
    if text == "":
        return 0
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        number = -1
    if number < 0 or not number.is_integer():
        row.problems.append(_("“%(value)s” is not a number of %(what)s; write a whole number, "
                              "0 or more.") % {"value": text, "what": label})
        return 0
    return int(number)


def plan_use_import(data: bytes, *, at: dt.datetime, filename: str = "use.csv") -> UsePlan:
    """The dry run: each row's dataset, month and numbers, or what is wrong with it."""
    table = [row for row in _table(data, filename) if any(str(c).strip() for c in row)]
    if not table:
        raise ValidationFailed({"file": [_("The file is empty.")]}, code="bad_use_file")
    columns = _columns(table[0])
    datasets = list(Dataset.objects.only("pk", "identifier", "title", "registered_at"))
    by_identifier = {d.identifier: d for d in datasets}
    by_title: dict[str, list[Dataset]] = {}
    for dataset in datasets:
        by_title.setdefault(_key(dataset.title), []).append(dataset)
    today = timezone.localdate(at)
    rows, seen = [], {}
    live = set(DailyCount.objects.exclude(day__day=1).values_list("dataset_id", "day__year",
                                                                  "day__month"))
    for number, cells in enumerate(table[1:], start=2):
        def cell(name: str, cells=cells):
            index = columns[name]
            return cells[index] if index < len(cells) else ""

        row = UseRow(row=number, dataset_text=str(cell("dataset")).strip(),
                     month_text=str(cell("month")).strip())
        titled = by_title.get(_key(row.dataset_text), [])
        row.dataset = by_identifier.get(row.dataset_text) or (titled[0] if len(titled) == 1
                                                               else None)
        if row.dataset is None:
            if len(titled) > 1:
                message = _("“%(value)s” names two datasets; give its identifier.")
            elif row.dataset_text:
                message = _("No dataset “%(value)s” in the registry; give its identifier or "
                            "its exact title.")
            else:
                message = _("Name the dataset.")
            row.problems.append(message % {"value": row.dataset_text})
        row.month = _month(cell("month"))
        if row.month is None:
            row.problems.append(_("“%(value)s” is not a month; write it as 2020-03 or "
                                  "03.2020.") % {"value": row.month_text})
        elif row.month > today or row.month.year < FIRST_YEAR:
            row.problems.append(_("%(month)s is outside the years of open data (from "
                                  "%(first)d to now).")
                                % {"month": row.month.strftime("%m.%Y"), "first": FIRST_YEAR})
        row.views = _count(cell("views"), row, _("views"))
        row.downloads = _count(cell("downloads"), row, _("downloads"))
        if row.dataset is not None and row.month is not None:
            key = (row.dataset.pk, row.month)
            if key in seen:
                row.problems.append(_("Row %(row)d has this dataset and month already.")
                                    % {"row": seen[key]})
            seen.setdefault(key, number)
            if (row.dataset.pk, row.month.year, row.month.month) in live:
                row.problems.append(_("RadaData counted this month itself; its own figures "
                                      "are kept."))
        rows.append(row)
    return UsePlan(rows=rows)


@transaction.atomic
def use_history_import(*, data: bytes, by: User | None, at: dt.datetime,
                       filename: str = "use.csv", good_rows: bool = False) -> UsePlan:
    """Store the months of the file (officer only): every row or none, or with `good_rows`
    the rows that pass. One audit entry on the council."""
    access.require_office(by)
    plan = plan_use_import(data, at=at, filename=filename)
    if plan.rejected and not (good_rows and plan.good_rows):
        raise ValidationFailed({"rows": [
            _("Row %(row)d: %(message)s") % {"row": row.row, "message": message}
            for row in plan.rejected for message in row.problems]}, code="use_rejected")
    for row in plan.good_rows:
        DailyCount.objects.update_or_create(
            dataset=row.dataset, day=row.month,
            defaults={"views": row.views, "downloads": row.downloads})
    council = Council.current()
    if council.pk and Council.objects.filter(pk=council.pk).exists():
        audit.record(actor=by, action="use_history.imported", obj=council, at=at,
                     changes={"months": [None, len(plan.good_rows)]},
                     note=_("Monthly views and downloads from before RadaData."))
    return plan
