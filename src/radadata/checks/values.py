"""Standard values (§5.3, §5.5): identifiers, phone numbers, dates and decimals written one way.

- ЄДРПОУ codes (a column whose header or declared structure says so) must have a valid check
  digit: an ERROR per cell, the first CELL_LIMIT of each column listed. Excel drops the
  leading zeros of a code kept as a number ("0032129" for "00032129"): named as such.
- Phone numbers are written as +380 and nine digits; other forms get a warning with the
  normalised form.
- Dates are ISO 8601 (YYYY-MM-DD); other forms, and a mix of forms, get a warning.
- Numbers use a decimal point and no thousands separators; the decimal comma and the spaces
  Excel writes in the Ukrainian locale get a warning.

Column-wide work is vectorised with polars (the ЄДРПОУ check digit included); Python looks at
a bounded sample only, to decide what a column is and to show an example.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace
from typing import Any

import polars as pl
from django.utils.translation import gettext_lazy as _
from stdnum.ua import edrpou

from radadata.checks.findings import CheckCode, Finding, Severity, register
from radadata.checks.limits import Limits
from radadata.checks.personal.contacts import Phone, normalise_phone
from radadata.checks.personal.masking import mask_date, mask_phone
from radadata.checks.personal.people import BIRTH_HINT
from radadata.checks.table import Table

#: Per-cell findings listed per column; the rest are counted in one more (as every check does).
CELL_LIMIT = Limits().max_findings_per_code
SAMPLE_ROWS = 1_000  # the rows that show what a column holds
MAJORITY = 0.8  # the share of a sample that makes a column one of dates, numbers or phones
PHONE_CHECKS = 2_000  # distinct non-standard phone values tested exactly; more are sampled

_FIX_EDRPOU = _("Check the code against the Unified State Register (ЄДР) and correct it.")
EDRPOU_CHECKSUM = CheckCode(
    "value_edrpou_checksum", Severity.ERROR, _("Wrong ЄДРПОУ check digit"),
    _("ЄДРПОУ code %(value)s in column “%(column)s” has a wrong check digit."),
    _FIX_EDRPOU,
)
EDRPOU_FORMAT = CheckCode(
    "value_edrpou_format", Severity.ERROR, _("Not an ЄДРПОУ code"),
    _("“%(value)s” in column “%(column)s” is not an ЄДРПОУ code of 8 digits."),
    _FIX_EDRPOU,
)
EDRPOU_ZEROS = CheckCode(
    "value_edrpou_zeros", Severity.ERROR, _("ЄДРПОУ code lost its leading zeros"),
    _("“%(value)s” in column “%(column)s” lost its leading zeros: the ЄДРПОУ code is "
      "%(suggested)s."),
    _("Format the column as text in the spreadsheet (Excel drops the leading zeros of "
      "numbers), type the codes with their zeros and save the file again."),
)
OMITTED = CheckCode(
    "value_omitted", Severity.INFO, _("More cells with the same problem"),
    _("Column “%(column)s” has more cells with the same problem (%(count)s); only "
      "the first %(shown)s are listed."),
    _("Fix the cells listed, then check the rest of the column the same way."),
)
PHONE_FORMAT = CheckCode(
    "value_phone_format", Severity.WARNING, _("Phone numbers not in the +380 form"),
    _("Column “%(column)s” has phone numbers not written in the form +380XXXXXXXXX; "
      "cells: %(count)s."),
    _("Write every number as +380 and nine digits, without spaces or brackets, for example "
      "+380441234567."),
)
PHONE_INVALID = CheckCode(
    "value_phone_invalid", Severity.WARNING, _("Not a phone number"),
    _("Column “%(column)s” has values that are not valid Ukrainian phone numbers; "
      "cells: %(count)s."),
    _("Check these cells: write one number per cell, as +380 and nine digits."),
)
DATE_FORMAT = CheckCode(
    "value_date_format", Severity.WARNING, _("Dates not in ISO 8601"),
    _("Column “%(column)s” has dates written as %(forms)s, not in the ISO 8601 form "
      "YYYY-MM-DD; cells: %(count)s."),
    _("Write dates as YYYY-MM-DD (2024-03-14). In Excel, give the column the format "
      "yyyy-mm-dd before saving."),
)
DATE_MIXED = CheckCode(
    "value_date_mixed", Severity.WARNING, _("Dates in mixed forms"),
    _("Column “%(column)s” writes dates in %(number)s different forms (%(forms)s); cells not in "
      "the ISO 8601 form YYYY-MM-DD: %(count)s."),
    _("Write every date of the column as YYYY-MM-DD (2024-03-14)."),
)
DECIMAL_COMMA = CheckCode(
    "value_decimal_comma", Severity.WARNING, _("Decimal comma"),
    _("Column “%(column)s” has numbers with a decimal comma, as Excel writes them in the "
      "Ukrainian locale; cells: %(count)s."),
    _("Use a decimal point (1234.56). In Excel, set the decimal separator to “.” under "
      "File → Options → Advanced before saving as CSV."),
)
THOUSANDS = CheckCode(
    "value_thousands_separator", Severity.WARNING, _("Thousands separators"),
    _("Column “%(column)s” has numbers with spaces between the thousands, as Excel shows "
      "them; cells: %(count)s."),
    _("Write numbers without separators (1234567.89): in Excel, turn off “Use 1000 "
      "separator” in the column's number format."),
)
register(EDRPOU_CHECKSUM, EDRPOU_FORMAT, EDRPOU_ZEROS, OMITTED, PHONE_FORMAT, PHONE_INVALID,
         DATE_FORMAT, DATE_MIXED, DECIMAL_COMMA, THOUSANDS)

_EDRPOU_WORDS = re.compile(r"(?i)єдрпоу|edrpou|publisheridentifier|ідентифікаційний\s+код"
                           r"\s+юридичн|код\s+юридичн")
_DIGITS_8 = r"^[0-9]{8}$"


def check_values(table: Table, schema: dict[str, Any] | None = None) -> list[Finding]:
    """Findings about how the values of `table` are written; `schema` (a Table Schema, may be
    None) tells which columns are dates, numbers or ЄДРПОУ codes where the data alone cannot."""
    fields = {f.get("name"): f for f in (schema or {}).get("fields", [])}
    findings: list[Finding] = []
    for column in table.frame.columns:
        header = table.header_of(column)
        field = fields.get(header) or {}
        head = table.frame[column].head(SAMPLE_ROWS).cast(pl.String).str.strip_chars()
        sample = head.filter(head.is_not_null() & (head != ""))
        if not (sample.len() or field):
            continue
        if _is_edrpou_column(header, field) or _edrpou_by_values(header, sample):
            findings += _edrpou(table, _cells(table, column), header)
        elif _is_phone_column(header, field, sample):
            findings += _phones(_cells(table, column), header)
        elif _is_date_column(field, sample):
            findings += _dates(_cells(table, column), header)
        elif _is_number_column(field, sample):
            findings += _numbers(_cells(table, column), header)
    return [replace(f, part=table.part) for f in findings]


def _cells(table: Table, column: str) -> pl.Series:
    # Spaces around a value are the structure check's business: stripped here.
    return table.frame[column].cast(pl.String).str.strip_chars()


def _words(field: dict[str, Any]) -> str:
    return " ".join(str(field.get(k, "")) for k in ("name", "title", "description"))


# --- ЄДРПОУ ------------------------------------------------------------------------------------

def _is_edrpou_column(header: str, field: dict[str, Any]) -> bool:
    if _EDRPOU_WORDS.search(header) or _EDRPOU_WORDS.search(_words(field)):
        return True
    pattern = (field.get("constraints") or {}).get("pattern")
    if not pattern:
        return False
    try:  # a declared pattern that takes exactly eight digits
        rx = re.compile(pattern)
    except re.error:
        return False
    return all(bool(rx.fullmatch(s)) is ok for s, ok in
               (("12345678", True), ("1234567", False), ("123456789", False), ("1234567A", False)))


#: Headers of a column of identifiers of organisations (the national structures' names, and
#: the like): its 5–8 digit numbers are ЄДРПОУ codes.
_ID_HEADER = re.compile(r"[a-z]I[dD]$|(?i:identifier)|(?i:(?:^|[^а-яіїєґ])код\s+)"
                        r"(?i:отримувач|замовник|виконав|платник|контрагент|учасник|переможц"
                        r"|постачальник|орендар|користувач|підприєм|організац|установ|юр)")
_CODE_LIKE = r"^[0-9]{5,8}$|^[0-9]{10}$"
#: The share of a sample that makes a column one of codes, and the share of its 8-digit (or
#: zero-padded shorter) codes that must pass the check digit when no header says so (random
#: numbers pass one time in eleven).
CODES_SHARE, VALID_SHARE = 0.8, 0.5


def _edrpou_by_values(header: str, sample: pl.Series) -> bool:
    """A column of ЄДРПОУ codes under any header (`recipientID`, `orderContractorIdentifier`,
    "col3"): most of its values are codes, and most of those pass the check digit, or the
    header names an identifier of organisations."""
    if not sample.len():
        return False
    codes = sample.filter(sample.str.contains(_CODE_LIKE))
    if codes.len() < CODES_SHARE * sample.len():
        return False
    if _ID_HEADER.search(header):
        return True
    short = codes.filter(codes.str.len_chars() <= 8)
    if short.len() < 3:
        return False
    valid = edrpou_valid(short.str.zfill(8)).sum()
    return valid >= VALID_SHARE * short.len() and short.str.len_chars().max() == 8


def edrpou_valid(values: pl.Series) -> pl.Series:
    """Is each value an 8-digit ЄДРПОУ code with a valid check digit? As python-stdnum computes
    it (stdnum.ua.edrpou), in integer arithmetic over the whole column: each code is split into
    its first four digits and the next four, whose weighted sums come from tables of the 10,000
    values a half can take, so a million codes cost a few array lookups."""
    import numpy as np  # not at module level: the web server imports this module

    plain_high, shifted_high, sum_high, plain_low, shifted_low, sum_low = _edrpou_tables()
    ok = values.cast(pl.String).str.contains(_DIGITS_8).fill_null(False)
    number = values.cast(pl.String).cast(pl.Int64, strict=False).fill_null(0).to_numpy()
    number = np.where(ok.to_numpy(), number, 0)
    high, low = number // 10_000, number % 10_000
    # Codes from 30000000 to 59999999 weigh their digits differently.
    total = np.where((high >= 3_000) & (high < 6_000), shifted_high[high] + shifted_low[low],
                     plain_high[high] + plain_low[low])
    digits = sum_high[high] + sum_low[low]
    # A remainder of 10 is computed again with every weight raised by two.
    check = np.where(total % 11 < 10, total % 11, (total + 2 * digits) % 11 % 10)
    return ok & pl.Series(check == low % 10, dtype=pl.Boolean)


@functools.cache
def _edrpou_tables() -> tuple[Any, ...]:
    """For each value of a code's first four digits and of its next three (times ten plus the
    check digit): the digits' sum weighted 1…7, weighted 7, 1…6, and unweighted."""
    import numpy as np

    half = np.arange(10_000)
    high = np.stack([half // 1000 % 10, half // 100 % 10, half // 10 % 10, half % 10], axis=1)
    low = np.stack([half // 1000 % 10, half // 100 % 10, half // 10 % 10], axis=1)
    return (high @ np.array([1, 2, 3, 4]), high @ np.array([7, 1, 2, 3]), high.sum(axis=1),
            low @ np.array([5, 6, 7]), low @ np.array([4, 5, 6]), low.sum(axis=1))


def _edrpou(table: Table, series: pl.Series, header: str) -> list[Finding]:
    # The invalid codes first (few): the other tests then read only those.
    wrong = pl.DataFrame({"v": series, "ok": edrpou_valid(series)}).with_row_index("i").filter(
        ~pl.col("ok")).filter(
        pl.col("v").is_not_null() & ~pl.col("v").is_in(["", "null", "NULL", "Null"])
        # 10 digits: the РНОКПП of a sole trader, which such columns rightly hold
        & ~pl.col("v").str.contains(r"^[0-9]{10}$")
    ).select("i", "v")
    findings = []
    for index, value in wrong.head(CELL_LIMIT).iter_rows():
        params = {"column": header, "value": value}
        padded = value.zfill(8)
        if len(value) == 8 and value.isdigit():
            code = EDRPOU_CHECKSUM.code
        elif 5 <= len(value) < 8 and value.isdigit() and edrpou.is_valid(padded):
            code, params["suggested"] = EDRPOU_ZEROS.code, padded
        else:
            code = EDRPOU_FORMAT.code
        findings.append(Finding(code, row=table.file_row(index), column=header,
                                excerpt=value, params=params))
    if wrong.height > CELL_LIMIT:
        findings.append(_omitted(header, wrong.height - CELL_LIMIT))
    return findings


def _omitted(header: str, count: int) -> Finding:
    return Finding(OMITTED.code, column=header, count=count,
                   params={"column": header, "count": count, "shown": CELL_LIMIT})


# --- phone numbers -----------------------------------------------------------------------------

_E164_UA = r"^\+380[0-9]{9}$"


def _is_phone_column(header: str, field: dict[str, Any], sample: pl.Series) -> bool:
    if Phone.hint.search(header) or Phone.hint.search(_words(field)):
        return True
    if sample.len() == 0:
        return False
    distinct = sample.unique().head(200).to_list()
    return sum(1 for v in distinct if normalise_phone(v)) >= MAJORITY * len(distinct)


def _phones(series: pl.Series, header: str) -> list[Finding]:
    odd = series.filter(series.is_not_null() & (series != "")
                        & ~series.str.contains(_E164_UA).fill_null(False))
    if odd.len() == 0:
        return []
    counts = odd.value_counts(sort=True)
    values, weights = counts[:, 0].to_list(), counts["count"].to_list()
    estimated = len(values) > PHONE_CHECKS
    if estimated:
        picked = pl.Series(range(len(values))).sample(PHONE_CHECKS, seed=0).to_list()
        values, weights = [values[i] for i in picked], [weights[i] for i in picked]
    fixable, broken, example = 0, 0, ""
    for value, weight in zip(values, weights, strict=True):
        normal = normalise_phone(value)
        if normal:
            fixable += weight
            example = example or f"{mask_phone(value)} → {mask_phone(normal)}"
        else:
            broken += weight
    if estimated:  # scale the sample's split up to the whole count
        scale = odd.len() / max(fixable + broken, 1)
        fixable, broken = round(fixable * scale), round(broken * scale)
    findings = []
    if fixable:
        findings.append(Finding(PHONE_FORMAT.code, column=header, excerpt=example,
                                count=fixable, params={"column": header, "count": fixable,
                                                       "estimated": estimated}))
    if broken:
        findings.append(Finding(PHONE_INVALID.code, column=header, count=broken,
                                params={"column": header, "count": broken,
                                        "estimated": estimated}))
    return findings


# --- dates -------------------------------------------------------------------------------------

#: The forms dates come in: (label, pattern, strptime format for the example; None = ISO).
DATE_FORMS: tuple[tuple[str, str, str | None], ...] = (
    ("YYYY-MM-DD", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", None),
    ("YYYY-MM-DDThh:mm", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
                         r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?$", None),
    ("YYYY-MM-DD hh:mm", r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}(?::[0-9]{2})?$",
     "%Y-%m-%d %H:%M"),
    ("DD.MM.YYYY", r"^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}$", "%d.%m.%Y"),
    ("DD.MM.YYYY hh:mm",
     r"^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4},?\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?$", "%d.%m.%Y %H:%M"),
    ("DD.MM.YY", r"^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2}$", "%d.%m.%y"),
    ("DD/MM/YYYY", r"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$", "%d/%m/%Y"),
    ("DD-MM-YYYY", r"^[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}$", "%d-%m-%Y"),
    ("YYYY.MM.DD", r"^[0-9]{4}\.[0-9]{1,2}\.[0-9]{1,2}$", "%Y.%m.%d"),
    ("YYYY/MM/DD", r"^[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}$", "%Y/%m/%d"),
)
_ANY_DATE = "|".join(f"(?:{p})" for _, p, _ in DATE_FORMS)
_ISO = "|".join(f"(?:{p})" for _, p, fmt in DATE_FORMS if fmt is None)


def _is_date_column(field: dict[str, Any], sample: pl.Series) -> bool:
    if field.get("type") in ("date", "datetime"):
        return True
    return sample.len() > 0 and sample.str.contains(_ANY_DATE).mean() >= MAJORITY


def _dates(series: pl.Series, header: str) -> list[Finding]:
    iso = series.str.contains(_ISO).fill_null(False)
    odd = series.filter(~iso)  # the other forms are looked for in these few cells only
    odd = odd.filter(odd.str.contains(_ANY_DATE).fill_null(False))
    if odd.len() == 0:
        return []
    # Which forms: from a sample (one pass per form over a million cells would be slow).
    probe = odd if odd.len() <= SAMPLE_ROWS else odd.sample(SAMPLE_ROWS, seed=0)
    forms = [(label, fmt) for label, pattern, fmt in DATE_FORMS
             if fmt is not None and probe.str.contains(pattern).any()]
    used = ([label for label, _, fmt in DATE_FORMS if fmt is None][:1] if iso.any() else []) + [
        label for label, _ in forms]
    example = odd[0]
    fmt = next((f for label, f in forms
                if re.fullmatch(_pattern_of(label), example)), forms[0][1])
    excerpt = f"{example} → {_iso(example, fmt)}"
    if BIRTH_HINT.search(header):  # a date of birth is personal data: keep only its form
        excerpt = f"{mask_date(example)} → {mask_date(_iso(example, fmt))}"
    params = {"column": header, "count": odd.len(), "forms": ", ".join(used)}
    if len(used) > 1:
        return [Finding(DATE_MIXED.code, column=header, excerpt=excerpt, count=odd.len(),
                        params=params | {"number": len(used)})]
    return [Finding(DATE_FORMAT.code, column=header, excerpt=excerpt, count=odd.len(),
                    params=params)]


def _pattern_of(label: str) -> str:
    return next(pattern for name, pattern, _ in DATE_FORMS if name == label)


def _iso(value: str, fmt: str | None) -> str:
    try:
        parsed = dt.datetime.strptime(re.sub(r",?\s+", " ", value), fmt or "")
    except ValueError:
        return "YYYY-MM-DD"
    return parsed.date().isoformat() if "%H" not in (fmt or "") else parsed.isoformat()


# --- numbers -----------------------------------------------------------------------------------

_SPACES = "[ \u00a0\u202f]"  # Excel's thousands separators: space, no-break and narrow spaces
_NUMBER = rf"^[-+]?(?:[0-9]+|[0-9]{{1,3}}(?:{_SPACES}[0-9]{{3}})+)(?:[.,][0-9]+)?$"
_COMMA = rf"^[-+]?(?:[0-9]+|[0-9]{{1,3}}(?:{_SPACES}[0-9]{{3}})+),[0-9]+$"
_THOUSANDS = rf"^[-+]?[0-9]{{1,3}}(?:{_SPACES}[0-9]{{3}})+(?:[.,][0-9]+)?$"


def _is_number_column(field: dict[str, Any], sample: pl.Series) -> bool:
    if field.get("type") in ("number", "integer"):
        return True
    return sample.len() > 0 and sample.str.contains(_NUMBER).mean() >= MAJORITY


def _numbers(series: pl.Series, header: str) -> list[Finding]:
    # Most number columns have neither commas nor spaces: one cheap pass tells.
    series = series.filter(series.str.contains(f",|{_SPACES}").fill_null(False))
    findings = []
    for code, pattern in ((DECIMAL_COMMA, _COMMA), (THOUSANDS, _THOUSANDS)):
        found = series.filter(series.str.contains(pattern).fill_null(False))
        if found.len():
            example = found[0]
            normal = re.sub(_SPACES, "", example).replace(",", ".")
            findings.append(Finding(code.code, column=header, excerpt=f"{example} → {normal}",
                                    count=found.len(),
                                    params={"column": header, "count": found.len()}))
    return findings
