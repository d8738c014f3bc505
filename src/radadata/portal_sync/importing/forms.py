"""The import page's form. It parses input; make_source and the services decide what is valid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.portal_sync.models import PortalConnection


class ImportSourceForm(forms.Form):
    base_url = forms.URLField(
        label=_("catalogue address"), max_length=200, assume_scheme="https",
        help_text=_("https://data.gov.ua for the national portal, https://test.data.gov.ua for "
                    "its test instance, or the address of any CKAN catalogue (another "
                    "RadaData included)."))
    organization = forms.CharField(
        label=_("organisation"), max_length=100, required=False,
        help_text=_("The organisation's short name or id, as in the address of its page "
                    "(…/organization/<name>). Leave it empty to import a whole catalogue, "
                    "such as a council's own RadaData."))
    api_key = forms.CharField(
        label=_("API key"), required=False, max_length=500,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("Only to import private packages too. Leave it empty for the connected "
                    "portal: its stored key is used."))

    def __init__(self, *args: Any, connection: PortalConnection | None = None,
                 **kwargs: Any) -> None:
        if connection is not None and "initial" not in kwargs:
            kwargs["initial"] = {"base_url": connection.base_url,
                                 "organization": connection.organization}
        super().__init__(*args, **kwargs)
