"""The check codes of the personal-data scan (§2.3–2.10, §6.21).

Every message reads its numbers from the finding's params: `column` (the header as written),
`count` (cells), `share` (of the table's rows, 0–1) and `percent` (the same as text), `clause`
(§2.5 or §2.8) and `detected` (the code a lawful column would have had).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from radadata.checks.findings import CheckCode, Severity, register

# The fix every blocking finding shares: the three ways out that §2.9–2.10 allow.
_FIX = _(
    "Anonymise the column before publication: drop it, mask it, or replace it with a "
    "pseudonym (§2.9). If the law requires or allows publishing it, mark the column as "
    "lawful or record the three-part test (§2.10) with its answers and who decided."
)

PD_RNOKPP = CheckCode(
    "pd_rnokpp", Severity.BLOCKING, _("Tax numbers (РНОКПП)"),
    _("Column “%(column)s” holds individual tax numbers (РНОКПП) with a valid check digit; "
      "cells: %(count)s (%(percent)s of the rows)."),
    _FIX,
)
PD_PASSPORT = CheckCode(
    "pd_passport", Severity.BLOCKING, _("Passport or ID-card numbers"),
    _("Column “%(column)s” holds passport, ID-card or demographic register (УНЗР) numbers; "
      "cells: %(count)s (%(percent)s of the rows)."),
    _FIX,
)
PD_PHONE = CheckCode(
    "pd_phone", Severity.BLOCKING, _("Phone numbers"),
    _("Column “%(column)s” holds phone numbers of people; cells: %(count)s "
      "(%(percent)s of the rows)."),
    _FIX,
)
PD_EMAIL = CheckCode(
    "pd_email", Severity.BLOCKING, _("E-mail addresses"),
    _("Column “%(column)s” holds e-mail addresses of people; cells: "
      "%(count)s (%(percent)s of the rows)."),
    _FIX,
)
PD_PERSON_NAME = CheckCode(
    "pd_person_name", Severity.BLOCKING, _("Names of people"),
    _("Column “%(column)s” holds names of people (surname, given name, patronymic or "
      "initials); cells: %(count)s (%(percent)s of the rows). Of %(read)s values read, "
      "%(full)s have the form “Surname Given-name Patronymic”, %(initials)s “Surname I. P.”, "
      "%(pair)s “Given-name Surname”, %(in_text)s name people inside a longer text."),
    _FIX,
)
PD_BIRTH_DATE = CheckCode(
    "pd_birth_date", Severity.BLOCKING, _("Dates of birth"),
    _("Column “%(column)s” holds dates of birth; cells: %(count)s (%(percent)s of the rows)."),
    _("Generalise the dates to the year of birth or drop the column (§2.9). If the law "
      "requires publishing them, record the three-part test (§2.10) with its answers and who "
      "decided."),
)
PD_ADDRESS = CheckCode(
    "pd_address", Severity.BLOCKING, _("Home addresses"),
    _("Column “%(column)s” holds home addresses (streets with house or flat numbers, about "
      "people); cells: %(count)s (%(percent)s of the rows)."),
    _("Drop the column or keep only the street or the settlement (§2.9). If these are the "
      "addresses of organisations, mark the column as lawful (§2.8)."),
)
PD_BANK_CARD = CheckCode(
    "pd_bank_card", Severity.BLOCKING, _("Bank card numbers"),
    _("Column “%(column)s” holds bank card numbers (valid by the Luhn check); "
      "cells: %(count)s (%(percent)s of the rows)."),
    _("Drop the column (§2.9): card numbers are never published."),
)
PD_IBAN = CheckCode(
    "pd_iban", Severity.BLOCKING, _("Bank accounts (IBAN) of people"),
    _("Column “%(column)s” holds bank accounts (IBAN) that may belong to individuals; "
      "cells: %(count)s (%(percent)s of the rows)."),
    _("Drop or mask the column (§2.9). If the accounts belong to organisations, mark the "
      "column as lawful: the bank details of legal entities are not personal data (§2.8)."),
)
PD_VEHICLE_PLATE = CheckCode(
    "pd_vehicle_plate", Severity.BLOCKING, _("Vehicle number plates"),
    _("Column “%(column)s” holds vehicle number plates, which point at their owners; "
      "cells: %(count)s (%(percent)s of the rows)."),
    _FIX,
)
PD_SPLIT_NAME = CheckCode(
    "pd_split_name", Severity.BLOCKING, _("Names of people split over columns"),
    _("Column “%(column)s” is part of people's full names: the columns %(columns)s together "
      "make up surname, given name and patronymic (%(shape)s); rows: %(count)s."),
    _("Anonymise the surname column (drop it, mask it or replace it with a pseudonym, §2.9): "
      "without it the given names and patronymics identify nobody. If these are officials in "
      "their office, mark the columns as lawful (§2.5)."),
)
PD_PRIVATE_CITIZENS = CheckCode(
    "pd_private_citizens", Severity.BLOCKING, _("Private citizens among officials"),
    _("Column “%(column)s” names officials or organisations, but %(count)s of its values name "
      "private citizens (“гр.”, “мешканка”, “заявник”)."),
    _("Anonymise only those values (mask the private citizens' names, §2.9); the officials "
      "and organisations may stay. Or anonymise the whole column."),
)
PD_MARKED_LAWFUL = CheckCode(
    "pd_marked_lawful", Severity.INFO, _("Marked lawful"),
    _("Column “%(column)s” holds data that identify people (cells: %(count)s); it was marked "
      "lawful to publish (%(clause)s), so it does not stop publication."),
    _("Nothing to do. Remove the mark if the column holds private persons' data after all."),
)
PD_PRESUMED_LAWFUL = CheckCode(
    "pd_presumed_lawful", Severity.WARNING, _("Contacts of officials or organisations"),
    _("Column “%(column)s” holds names or contacts (cells: %(count)s) that look like those of "
      "officials acting in their office or of organisations (%(clause)s), so they do not stop "
      "publication."),
    _("Check the column. If any of it belongs to private persons, anonymise it (§2.9); "
      "otherwise mark the column as lawful to confirm."),
)

#: The blocking kinds, in the order a report lists them.
BLOCKING_CODES = (PD_RNOKPP, PD_PASSPORT, PD_BANK_CARD, PD_IBAN, PD_PERSON_NAME,
                  PD_SPLIT_NAME, PD_PRIVATE_CITIZENS, PD_BIRTH_DATE, PD_ADDRESS, PD_PHONE,
                  PD_EMAIL, PD_VEHICLE_PLATE)

register(*BLOCKING_CODES, PD_MARKED_LAWFUL, PD_PRESUMED_LAWFUL)
