"""Ukrainian identifiers (§5.3): ЄДРПОУ and РНОКПП with their check digits (python-stdnum)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
from stdnum.ua import edrpou, rntrc

from radadata.core.errors import ValidationFailed


def clean_edrpou(value: str, *, field: str = "edrpou") -> str:
    """The 8-digit ЄДРПОУ code, or ValidationFailed with a message naming the fault."""
    raw = (value or "").strip()
    try:
        return edrpou.validate(raw)
    except InvalidChecksum:
        message = _(
            "ЄДРПОУ code %(code)s has a wrong check digit. Check the code against the "
            "registration documents."
        ) % {"code": raw}
    except (InvalidFormat, InvalidLength):
        message = _("ЄДРПОУ code must be 8 digits; got “%(code)s”.") % {"code": raw}
    except ValidationError:
        message = _("ЄДРПОУ code “%(code)s” is not valid.") % {"code": raw}
    raise ValidationFailed({field: [message]}, code="invalid_edrpou")


def is_valid_edrpou(value: str) -> bool:
    return edrpou.is_valid(value or "")


def is_valid_rnokpp(value: str) -> bool:
    return rntrc.is_valid(value or "")
