"""Free text from the public (survey answers, searched words) screened, as §2.3 asks, with the
same detectors the checks run on files (checks/personal), before anyone else sees it."""

from __future__ import annotations

import re

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
