from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from radadata.core.errors import ValidationFailed


def clean_or_raise(instance: models.Model, *, exclude: list[str] | None = None) -> None:
    """full_clean(), with Django's (translated) messages turned into ValidationFailed."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise ValidationFailed(error.message_dict) from error
