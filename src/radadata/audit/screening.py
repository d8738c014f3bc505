"""Free text from the public (survey answers, searched words) screened, as §2.3 asks, with the
same detectors the checks run on files (checks/personal), before anyone else sees it."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from radadata.checks.findings import CODES
from radadata.checks.personal.scan import DETECTORS

#: A long run of digits in a free text is a phone, an account or a document number: a wish
#: for data never needs one, so it is held even when no detector recognises its kind.
_LONG_NUMBER = re.compile(r"(?:\+?\d[\s\-()]*){9,}")


def personal_data_in(text: str) -> list[str]:
    """The codes of the kinds of personal data found in `text` (empty when none)."""
    found = [detector.code for detector in DETECTORS if detector.items(text, hinted=True)]
    if _LONG_NUMBER.search(text) and not found:
        found.append("pd_number")
    return found


def kinds_of(found: str) -> list[str]:
    """The kinds of personal data as people read them, from the codes kept with an answer."""
    labels = []
    for code in filter(None, found.split(",")):
        if code == "pd_number":
            labels.append(_("a long number (a phone, an account or a document)"))
        else:
            labels.append(str(CODES[code].title) if code in CODES else _("personal data"))
    return labels
