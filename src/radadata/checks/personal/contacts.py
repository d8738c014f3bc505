"""Contacts: phone numbers (phonenumbers, region UA) and e-mail addresses."""

from __future__ import annotations

import re

import phonenumbers

from radadata.checks.personal.base import CODES_HEADER, Detector, few_end_in_zeros
from radadata.checks.personal.masking import mask_email, mask_phone

#: A Ukrainian number in the forms people write: "+380501234567", "050 123-45-67",
#: "(06273) 2-11-45", "+38 (044) 123 45 67". phonenumbers decides which are real.
_PHONE = r"(?:\+?\s?3\s?8\s?)?\(?0[0-9]{2}(?:[0-9]{1,2})?\)?[\s-]*[0-9](?:[\s-]?[0-9]){4,6}"


class Phone(Detector):
    code = "pd_phone"
    pattern = rf"(?:^|[^0-9.,]){_PHONE}(?:$|[^0-9.,])"
    hint = re.compile(r"(?i)телефон|тел\.|\bтел\b|phone|мобільн|моб\.")
    min_share = 0.3
    not_under = CODES_HEADER
    _item = re.compile(rf"(?<![\d.,+]){_PHONE}(?![\d.,])")

    def column_ok(self, items: list[str]) -> bool:
        return few_end_in_zeros(items)

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        return [m.strip() for m in self._item.findall(cell) if normalise_phone(m)]

    def mask(self, item: str) -> str:
        return mask_phone(normalise_phone(item) or item)


def normalise_phone(text: str) -> str | None:
    """The number in E.164 form ("+380501234567"), or None if it is not a valid Ukrainian
    number."""
    try:
        number = phonenumbers.parse(text, "UA")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 380 or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


#: Mailboxes of an office rather than a person ("info@", "osvita@", "school5@").
_ROLE_MAILBOX = re.compile(
    r"(?i)^(?:info|office|admin|mail|post|contact|kanc\w*|zagal\w*|priym\w*|rada|osvita"
    r"|secretar\w*|press|hotline|support|hr|buh\w*|vykonkom|cnap|tsnap|school\d*|shkola\d*"
    r"|sadok\d*|dnz\d*|zosh\d*|licey\d*|lyceum\d*|gimnaz\w*|likarnia|ambulatoria|noreply"
    r"|no-reply|webmaster|kp\w*|opendata|data|zvernennia|zvern\w*)$"
)
#: Public bodies' domains: an address there belongs to an office or an official at work (§2.5).
_OFFICIAL_DOMAIN = re.compile(r"(?i)\.gov\.ua$|\.rada\.gov\.ua$|\.court\.gov\.ua$")


class Email(Detector):
    code = "pd_email"
    pattern = r"@[^\s@]+\.[^\s@]"
    _item = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        found = []
        for address in self._item.findall(cell):
            local, _, domain = address.partition("@")
            if not _ROLE_MAILBOX.match(local) and not _OFFICIAL_DOMAIN.search(domain):
                found.append(address)
        return found

    def mask(self, item: str) -> str:
        return mask_email(item)
