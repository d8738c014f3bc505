"""Masked excerpts: recognisable to the owner, useless to anyone else."""

from __future__ import annotations

import pytest

from radadata.checks.personal import masking


@pytest.mark.parametrize(("function", "value", "masked"), [
    (masking.mask_digits, "1234567890", "12•••••890"),
    (masking.mask_name, "Петренко І. П.", "П•••••о І. П."),
    (masking.mask_name, "Іван Петренко", "І•••••н П•••••о"),
    (masking.mask_email, "ivan.petrenko@ukr.net", "i•••••o@ukr.net"),
    (masking.mask_phone, "+380501234567", "+38050•••••67"),
    (masking.mask_account, "4111 1111 1111 1234", "4111•••••1234"),
    (masking.mask_account, "UA213223130000026007233566001", "UA21•••••6001"),
    (masking.mask_document, "АА 123456", "АА•••••56"),
    (masking.mask_address, "вул. Миру, 5, кв. 12", "вул. Миру, ••, кв. ••"),
    (masking.mask_date, "1985-03-14", "1985-••-••"),
    (masking.mask_date, "14.03.1985", "••.••.1985"),
])
def test_masks(function, value, masked):
    assert function(value) == masked


def test_short_values_are_hidden_whole():
    # "Іва" with its first and last letter kept would still read as itself.
    assert masking.keep_ends("Іва") == "•••••"
    assert masking.mask_word("Ян") == "•••••"
    assert masking.mask_word("І.П.") == "І.П."
