"""Numbers that identify a person: РНОКПП, passport / ID-card / УНЗР, bank cards, IBANs."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from stdnum import iban, luhn
from stdnum.ua import rntrc

from radadata.checks.personal.base import CODES_HEADER, Detector, digits, few_end_in_zeros
from radadata.checks.personal.masking import mask_account, mask_digits, mask_document

# The first five digits of a РНОКПП count the days from 31.12.1899 to the birth date. A tax
# number starting with 0 belongs to someone born before 1927, while a 10-digit number starting
# with 0 is nearly always a phone ("0501234567"): such numbers are left to the phone detector.
_FIRST_DAY = dt.date(1899, 12, 31)


class Rnokpp(Detector):
    code = "pd_rnokpp"
    pattern = r"(?:^|[^0-9])[1-4][0-9]{9}(?:[^0-9]|$)"
    hint = re.compile(r"(?i)рнокпп|іпн|дрфо|rnokpp|податков\w*\s+номер|номер\s+облікової"
                      r"|ідентифікаційн\w*\s+номер|\btax|\binn\b|\bipn\b")
    min_share = 0.5
    not_under = CODES_HEADER
    _item = re.compile(r"(?<!\d)[1-4]\d{9}(?!\d)")

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        return [m for m in self._item.findall(cell) if rntrc.is_valid(m) and _born(m)]

    def column_ok(self, items: list[str]) -> bool:
        return few_end_in_zeros(items)

    def mask(self, item: str) -> str:
        return mask_digits(item)


def _born(number: str) -> bool:
    """Does the number's birth date fall between 1920 and 2036? (Any live person's does.)"""
    day = _FIRST_DAY + dt.timedelta(days=int(number[:5]))
    return 1920 <= day.year <= 2036


class Document(Detector):
    """A passport booklet ("АА 123456"), and with a header that says so, an ID card (9 digits)
    or a foreign passport ("FE123456"); the УНЗР ("19850314-01234") is specific enough alone."""

    code = "pd_passport"
    not_under = CODES_HEADER
    hint = re.compile(r"(?i)паспорт|passport|id[- ]?карт|картк\w*\s+id|документ|посвідч|унзр")
    _booklet = r"[А-ЯІЇЄҐ]{2}\s?№?\s?[0-9]{6}"
    _unzr = r"(?:19|20)[0-9]{6}-[0-9]{5}"
    _card = r"[0-9]{9}"
    _foreign = r"[A-Z]{2}\s?[0-9]{6}"
    pattern = f"{_booklet}|{_unzr}"

    _items = re.compile(
        r"(?<![\w])[А-ЯІЇЄҐ]{2}\s?№?\s?\d{6}(?!\d)"
        # not inside a longer code: Prozorro's "LLE001-UA-20230115-12345" ends like a УНЗР
        r"|(?<![\w-])(?:19|20)\d{6}-\d{5}(?![\w-])")
    _hinted_items = re.compile(
        _items.pattern + r"|(?<!\d)\d{9}(?!\d)|(?<![\w])[A-Z]{2}\s?\d{6}(?!\d)")

    def pattern_for(self, header: str) -> str:
        if self.hinted(header):
            return f"{self.pattern}|{self._card}|{self._foreign}"
        return self.pattern

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        found = (self._hinted_items if hinted else self._items).findall(cell)
        return [m for m in found if "-" not in m or _unzr_date(m)]

    def mask(self, item: str) -> str:
        return mask_document(item)

    def column_ok(self, items: list[str]) -> bool:
        # Passports of many people have many series; numbers of a council's resolutions,
        # licences or forms ("ПП 012345") share one.
        series = Counter(re.sub(r"[\s№\d-]", "", i)[:2] for i in items)
        return len(items) < 10 or series.most_common(1)[0][1] < 0.8 * len(items)


def _unzr_date(number: str) -> bool:
    # The УНЗР starts with the birth date, YYYYMMDD.
    try:
        dt.datetime.strptime(number[:8], "%Y%m%d")
    except ValueError:
        return False
    return True


class BankCard(Detector):
    code = "pd_bank_card"
    pattern = r"[0-9]{4}[\s-]?[0-9]{4}[\s-]?[0-9]{4}[\s-]?[0-9]{4}"
    hint = re.compile(r"(?i)картк|card")
    min_share = 0.5
    _item = re.compile(r"(?<!\d)\d{4}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4}(?!\d)")

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        # Visa (4), Mastercard (5, 2), ПРОСТІР (9) and the rest of the card schemes' ranges.
        return [m for m in self._item.findall(cell)
                if digits(m)[0] in "245369" and luhn.is_valid(digits(m))]

    def mask(self, item: str) -> str:
        return mask_account(item)


#: The State Treasury's bank codes (МФО): its accounts belong to budgets, never to people.
TREASURY_BANK_CODES = frozenset({"820172", "899998"})


class Iban(Detector):
    code = "pd_iban"
    pattern = r"[Uu][Aa]\s?[0-9]{2}(?:\s?[0-9]){25}"
    _item = re.compile(r"(?i)(?<![A-Z])UA\s?\d{2}(?:\s?\d){25}(?!\d)")

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        found = []
        for match in self._item.findall(cell):
            compact = re.sub(r"\s", "", match).upper()
            if iban.is_valid(compact) and compact[4:10] not in TREASURY_BANK_CODES:
                found.append(match)
        return found

    def mask(self, item: str) -> str:
        return mask_account(item)


#: Letters of Ukrainian number plates: the Cyrillic ones that look Latin, and the Latin ones.
_PLATE_LETTERS = "АВСЕНІКМОРТХABCEHIKMOPTX"


class VehiclePlate(Detector):
    """Number plates of vehicles ("АА1234ВС", "ВС 5678 ІК"): in a list of fines or of parking
    permits they point at the owner, a person (§2.3)."""

    code = "pd_vehicle_plate"
    sample_only = True
    pattern = (rf"(?:^|[^0-9А-ЯA-Z])[{_PLATE_LETTERS}]{{2}}[\s-]?[0-9]{{4}}[\s-]?"
               rf"[{_PLATE_LETTERS}]{{2}}(?:$|[^0-9А-ЯA-Z])")
    hint = re.compile(r"(?i)номерн\w*\s+знак|держ\w*\s*номер|номер\s+(?:тз|авто|транспорт)"
                      r"|\bд\.?\s?н\.?\s?з\b|днз\s+(?:авто|тз)"
                      r"|реєстраційн\w*\s+номер\s+(?:тз|транспорт)|plate")
    min_share = 0.5
    _item = re.compile(rf"(?<![\w])[{_PLATE_LETTERS}]{{2}}[\s-]?\d{{4}}[\s-]?"
                       rf"[{_PLATE_LETTERS}]{{2}}(?![\w])")

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        return self._item.findall(cell.upper())

    def mask(self, item: str) -> str:
        compact = re.sub(r"[\s-]", "", item)
        return compact[:2] + "•••••" + compact[-2:]
