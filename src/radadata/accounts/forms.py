"""Forms of the account pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What the token is for"), max_length=100,
        help_text=_("E.g. “upload script” or “monitoring spreadsheet”, so you know which one to "
                    "revoke later."))
