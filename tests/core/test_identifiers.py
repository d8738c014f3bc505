import pytest
from django.utils.translation import override

from radadata.core.errors import ValidationFailed
from radadata.core.identifiers import clean_edrpou, is_valid_rnokpp


@pytest.mark.parametrize("code", ["32855961", "00032129", "14360506", " 32855961 "])
def test_valid_edrpou_codes_pass(code):
    assert clean_edrpou(code) == code.strip()


@pytest.mark.parametrize(
    ("code", "error_code"),
    [("32855968", "invalid_edrpou"), ("3285596", "invalid_edrpou"), ("ABCDEFGH", "invalid_edrpou")],
)
def test_invalid_edrpou_codes_name_the_field(code, error_code):
    with pytest.raises(ValidationFailed) as caught:
        clean_edrpou(code, field="publisherIdentifier")
    assert caught.value.code == error_code
    assert list(caught.value.errors) == ["publisherIdentifier"]


def test_wrong_check_digit_message_is_ukrainian_by_default():
    with override("uk"), pytest.raises(ValidationFailed) as caught:
        clean_edrpou("32855968")
    assert "32855968" in caught.value.message


@pytest.mark.parametrize(("number", "valid"), [("1759013776", True), ("3652504575", True),
                                               ("1759013770", False), ("123", False)])
def test_rnokpp_check_digit(number, valid):
    assert is_valid_rnokpp(number) is valid
