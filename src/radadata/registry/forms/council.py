"""Forms of the council's page and of the first-run set-up. They parse; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Council
from radadata.registry.services.council import COUNCIL_FIELDS


def _field(name: str, **overrides: Any) -> forms.Field:
    return Council._meta.get_field(name).formfield(**overrides)


class CouncilForm(forms.Form):
    """The council's details: names, codes, the head, who signs, the open-data officer."""

    name = _field("name", required=False)  # the service says what an empty name needs
    short_name = _field("short_name")
    kind = _field("kind")
    # Longer than 8 so that a mistyped code reaches the service, whose message names the fault.
    edrpou = forms.CharField(label=Council._meta.get_field("edrpou").verbose_name,
                             max_length=20, required=False)
    city = _field("city")
    address = _field("address")
    website = _field("website")
    email = _field("email")
    head_name = _field("head_name")
    head_title = _field("head_title")
    signer_name = _field("signer_name")
    signer_title = _field("signer_title")
    officer_name = _field("officer_name")
    officer_title = _field("officer_title")
    reports_count_moderation = _field("reports_count_moderation")

    def __init__(self, *args: Any, council: Council | None = None, **kwargs: Any) -> None:
        if council is not None and council.is_set_up and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(council, name) for name in COUNCIL_FIELDS}
        super().__init__(*args, **kwargs)

    def service_arguments(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in COUNCIL_FIELDS}


class SetUpForm(CouncilForm):
    """The first page of a new installation: the first administrator, then the council."""

    admin_email = forms.EmailField(label=_("administrator's e-mail"))
    admin_last_name = forms.CharField(label=_("administrator's surname"), max_length=150)
    admin_first_name = forms.CharField(label=_("administrator's given name"), max_length=150)
    admin_patronymic = forms.CharField(label=_("administrator's patronymic"), max_length=150,
                                       required=False)
    admin_password = forms.CharField(label=_("administrator's password"),
                                     widget=forms.PasswordInput,
                                     help_text=_("At least 10 characters."))

    field_order = ["admin_email", "admin_last_name", "admin_first_name", "admin_patronymic",
                   "admin_password", *COUNCIL_FIELDS]

    def service_arguments(self) -> dict[str, Any]:
        arguments = super().service_arguments()
        arguments.update({name: self.cleaned_data[name] for name in (
            "admin_email", "admin_last_name", "admin_first_name", "admin_patronymic",
            "admin_password")})
        return arguments
