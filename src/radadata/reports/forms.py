"""Forms of the report pages: the officer's words; the figures are never typed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.reports.models import YearlyText

TEXTAREA = {"rows": 6}


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("general conclusions"), required=False, widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("The opening of both documents of the quarter: the working group's summary "
                    "and the information for the mayor."))


class NoteForm(forms.Form):
    conclusions = forms.CharField(label=_("conclusions"), widget=forms.Textarea(attrs=TEXTAREA))
    recommendations = forms.CharField(
        label=_("recommendations"), required=False, widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("One recommendation per line; each becomes an item of the list."))


def _field(name: str, *, rows: int = 0) -> forms.CharField:
    model_field = YearlyText._meta.get_field(name)
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    return forms.CharField(label=model_field.verbose_name, required=not model_field.blank,
                           help_text=model_field.help_text, widget=widget,
                           max_length=getattr(model_field, "max_length", None))


class YearlyTextsForm(forms.Form):
    title = _field("title")
    preamble = _field("preamble", rows=8)
    points = _field("points", rows=8)
    measures = _field("measures", rows=10)
    plan = _field("plan", rows=8)
    mayor_name = _field("mayor_name")
    signer_position = _field("signer_position")
    signer_name = _field("signer_name")
    prepared = _field("prepared")
    agreed = _field("agreed", rows=4)
