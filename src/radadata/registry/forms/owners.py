"""Forms of the owner pages. They parse input; the services decide what is valid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.registry import selectors_owners
from radadata.registry.forms.datasets import PersonChoiceField
from radadata.registry.models import Owner
from radadata.registry.vocabularies import MembershipRole


def _model_field(name: str, **overrides: Any) -> forms.Field:
    """The form field of an Owner model field: same label, help text, limits and choices."""
    return Owner._meta.get_field(name).formfield(**overrides)


class OwnerForm(forms.Form):
    """An owner (розпорядник, §1.15): its kind, ЄДРПОУ code, managing body and contacts."""

    name = _model_field("name")
    short_name = _model_field("short_name")
    slug = _model_field(
        "slug", required=False,
        help_text=_("Lowercase Latin letters, digits and hyphens. Leave empty on a new owner to "
                    "make it from the name."))
    kind = _model_field("kind")
    # Longer than 8 so that a mistyped code reaches the service, whose message names the fault.
    edrpou = forms.CharField(
        label=Owner._meta.get_field("edrpou").verbose_name, max_length=20, required=False,
        help_text=Owner._meta.get_field("edrpou").help_text)
    managing_owner = forms.ModelChoiceField(
        queryset=Owner.objects.none(), required=False,
        label=Owner._meta.get_field("managing_owner").verbose_name,
        help_text=Owner._meta.get_field("managing_owner").help_text)
    parent = forms.ModelChoiceField(
        queryset=Owner.objects.none(), required=False,
        label=Owner._meta.get_field("parent").verbose_name,
        help_text=Owner._meta.get_field("parent").help_text)
    position = _model_field("position", required=False)
    head_name = _model_field("head_name")
    head_position = _model_field("head_position")
    deputy_name = _model_field("deputy_name")
    deputy_position = _model_field("deputy_position")
    email = _model_field("email")
    phone = _model_field("phone")
    address = _model_field("address")
    registered_on_portal = _model_field("registered_on_portal")

    def __init__(self, *args: Any, owner: Owner | None = None, **kwargs: Any) -> None:
        if owner is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for(owner)
        super().__init__(*args, **kwargs)
        self.fields["managing_owner"].queryset = selectors_owners.managing_candidates(owner)
        self.fields["parent"].queryset = selectors_owners.parent_candidates(owner)
        if owner is not None:
            # An existing owner keeps its address unless it is retyped; it may be retired.
            self.fields["slug"].required = True
            self.fields["is_active"] = _model_field(
                "is_active", help_text=_("An owner that no longer exists stays in the registry "
                                         "with its history; untick to retire it."))

    def service_arguments(self) -> dict[str, Any]:
        """cleaned_data as keyword arguments of owner_create / owner_update."""
        arguments = dict(self.cleaned_data)
        if arguments.get("position") is None:
            arguments["position"] = 0
        return arguments


def initial_for(owner: Owner) -> dict[str, Any]:
    initial = {name: getattr(owner, name) for name in OwnerForm.base_fields
               if name not in ("managing_owner", "parent")}
    initial["managing_owner"] = owner.managing_owner_id
    initial["parent"] = owner.parent_id
    initial["is_active"] = owner.is_active
    return initial


class MembershipForm(forms.Form):
    """Give a person a role at an owner."""

    user = PersonChoiceField(queryset=selectors_owners.member_candidates(), label=_("person"))
    role = forms.ChoiceField(choices=MembershipRole.choices, label=_("role"))
