"""The filters of the audit log page (GET)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.core.audit_labels import action_label
from radadata.registry import selectors_audit
from radadata.registry.forms.datasets import DATE_WIDGET, PersonChoiceField


class AuditFilterForm(forms.Form):
    object_type = forms.ChoiceField(
        choices=[("", _("any")), *((key, label) for key, (_type, label)
                                   in selectors_audit.OBJECT_TYPES.items())],
        required=False, label=_("what was changed"))
    actor = PersonChoiceField(queryset=selectors_audit.audit_actors(), required=False,
                              label=_("who made the change"), empty_label=_("anyone"))
    action = forms.ChoiceField(choices=(), required=False, label=_("action"))
    date_from = forms.DateField(required=False, label=_("from"), **DATE_WIDGET)
    date_to = forms.DateField(required=False, label=_("to (inclusive)"), **DATE_WIDGET)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        actions = selectors_audit.audit_actions()
        self.fields["action"].choices = [("", _("any")), *((a, action_label(a)) for a in actions)]

    def selector_arguments(self) -> dict[str, Any]:
        """Valid filters only: a stale or forged value is ignored rather than shown as an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"object_type": data.get("object_type", ""), "actor": data.get("actor"),
                "action": data.get("action", ""), "date_from": data.get("date_from"),
                "date_to": data.get("date_to")}
