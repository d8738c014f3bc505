"""Forms of the people pages. They parse input; the services decide what is valid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from radadata.accounts.models import Role, User
from radadata.registry import selectors_people
from radadata.registry.models import Owner
from radadata.registry.selectors_people import ACTIVE, DEACTIVATED
from radadata.registry.vocabularies import MembershipRole

PERSON_FIELDS = ("email", "last_name", "first_name", "patronymic", "position", "phone")


def _model_field(name: str, **overrides: Any) -> forms.Field:
    """The form field of a User model field: same label, limits and help."""
    return User._meta.get_field(name).formfield(**overrides)


class PersonForm(forms.Form):
    """A person's name and contacts, and their council-wide roles."""

    last_name = _model_field("last_name", required=True, label=_("surname"))
    first_name = _model_field("first_name", required=True, label=_("given name"))
    patronymic = _model_field("patronymic")
    email = _model_field("email", help_text=_("The person signs in with this address."))
    position = _model_field("position")
    phone = _model_field("phone")
    roles = forms.MultipleChoiceField(
        choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple,
        label=_("council-wide roles"),
        help_text=_("Only an administrator can grant or take away the administrator role. "
                    "Roles at one owner are given on the owner's page."))

    def __init__(self, *args: Any, person: User | None = None, **kwargs: Any) -> None:
        if person is not None and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(person, name) for name in PERSON_FIELDS}
            kwargs["initial"]["roles"] = sorted(person.role_set())
        super().__init__(*args, **kwargs)

    def person_arguments(self) -> dict[str, Any]:
        """The keyword arguments of user_update (and, with roles, of user_create)."""
        return {name: self.cleaned_data[name] for name in PERSON_FIELDS}


class PersonCreateForm(PersonForm):
    """A new person: PersonForm plus an optional role at one owner and an initial password."""

    owner = forms.ModelChoiceField(
        queryset=Owner.objects.none(), required=False, label=_("owner"),
        help_text=_("Optional: the owner this person works for."))
    owner_role = forms.ChoiceField(
        choices=[("", "—"), *MembershipRole.choices], required=False, label=_("role at the owner"))
    password = forms.CharField(
        label=_("initial password"), required=False, strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Optional. Tell it to the person in private; they can change it after "
                    "signing in. Without one, the person cannot sign in until a password is "
                    "set."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors_people.owner_choices()

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if password:
            password_validation.validate_password(password)
        return password

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("owner") and not data.get("owner_role"):
            self.add_error("owner_role", _("Choose the person's role at the owner, or leave the "
                                           "owner empty."))
        if data.get("owner_role") and not data.get("owner"):
            self.add_error("owner", _("Choose the owner at which the person has this role."))
        return data


class DeactivateForm(forms.Form):
    reason = forms.CharField(
        label=_("reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. the dismissal order and its date. It is kept in the audit log."))


def _with_blank(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("any")), *choices]


class PersonFilterForm(forms.Form):
    """The filters of the people list (GET)."""

    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=200)
    state = forms.ChoiceField(
        choices=_with_blank([(ACTIVE, _("active")), (DEACTIVATED, _("deactivated"))]),
        required=False, label=_("state"))
    role = forms.ChoiceField(
        choices=_with_blank([(_("Council-wide roles"), Role.choices),
                             (_("Roles at an owner"), MembershipRole.choices)]),
        required=False, label=_("role"))
    owner = forms.ModelChoiceField(queryset=Owner.objects.none(), required=False,
                                   label=_("owner"), empty_label=_("any"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors_people.owner_choices()

    def selector_arguments(self) -> dict[str, Any]:
        """Valid filters only: a stale or forged value is ignored rather than shown as an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"state": data.get("state", ""), "role": data.get("role", ""),
                "owner": data.get("owner"), "text": data.get("q", "")}
