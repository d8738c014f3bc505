"""The filters of the monitoring list of datasets (GET)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.accounts.models import User
from radadata.monitoring.selectors import FILTERS
from radadata.registry import access
from radadata.registry.models import Owner


class StatusFilterForm(forms.Form):
    owner = forms.ModelChoiceField(queryset=Owner.objects.none(), required=False,
                                   label=_("owner"), empty_label=_("any"))
    status = forms.ChoiceField(
        choices=[("", _("any")), *((key, label) for key, (label, _test) in FILTERS.items())],
        required=False, label=_("state"))

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = access.owners_readable_by(user).order_by("name")

    def selector_arguments(self) -> dict[str, Any]:
        """Valid filters only: a stale or forged value (another owner's) is ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"owner": data.get("owner"), "status": data.get("status", "")}
