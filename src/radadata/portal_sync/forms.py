"""Forms of the portal pages. They parse input; the services decide what is valid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.portal_sync.models import PortalConnection, SyncState
from radadata.registry.models import Owner


class ConnectionForm(forms.Form):
    base_url = forms.URLField(
        label=PortalConnection._meta.get_field("base_url").verbose_name, max_length=200,
        help_text=PortalConnection._meta.get_field("base_url").help_text,
        assume_scheme="https")
    organization = forms.CharField(
        label=PortalConnection._meta.get_field("organization").verbose_name, max_length=100,
        help_text=PortalConnection._meta.get_field("organization").help_text)
    api_key = forms.CharField(
        label=_("API key"), required=False, max_length=500,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("The holder's API key from the profile page on the portal. It is stored "
                    "encrypted and never shown again."))

    def __init__(self, *args: Any, connection: PortalConnection | None = None,
                 **kwargs: Any) -> None:
        if connection is not None and "initial" not in kwargs:
            kwargs["initial"] = {"base_url": connection.base_url,
                                 "organization": connection.organization}
        super().__init__(*args, **kwargs)
        if connection is not None and connection.masked_key:
            self.fields["api_key"].help_text = _(
                "The stored key ends in %(last4)s. Leave this empty to keep it, or paste a new "
                "key from the portal to replace it.") % {"last4": connection.masked_key}


class SyncFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("sync state"), required=False,
                              choices=[("", _("any")), *SyncState.choices])
    owner = forms.ModelChoiceField(label=_("owner"), required=False,
                                   queryset=Owner.objects.order_by("name"),
                                   empty_label=_("any"))
    text = forms.CharField(label=_("title or identifier contains"), required=False,
                           max_length=200)


class PushForm(forms.Form):
    """A push: some datasets (by address name), or every dataset with something to send."""

    datasets = forms.CharField(required=False, widget=forms.HiddenInput)
    scope = forms.ChoiceField(required=False, widget=forms.HiddenInput,
                              choices=[("", ""), ("changed", "changed"), ("all", "all")])
    force = forms.BooleanField(
        label=_("I have looked at the changes made on the portal: overwrite them"),
        required=False)

    def names(self) -> list[str]:
        return [n for n in self.cleaned_data["datasets"].split(",") if n.strip()]
