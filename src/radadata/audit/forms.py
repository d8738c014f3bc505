"""Forms of the audit pages, the survey and the priorities. They parse input only; the
services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.accounts.models import User
from radadata.audit.models import (
    Audit,
    AuditBody,
    Auditor,
    AuditStage,
    Finding,
    InventoryItem,
    SurveyAnswer,
)
from radadata.catalog.forms import PublicMessageForm
from radadata.registry.models import Dataset

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AuditOpenForm(forms.ModelForm):
    class Meta:
        model = Audit
        fields = ["year", "kind", "subject", "report_procedure"]
        widgets = {"subject": forms.Textarea(attrs={"rows": 3}),
                   "report_procedure": forms.Textarea(attrs={"rows": 3})}


class StageForm(forms.ModelForm):
    class Meta:
        model = AuditStage
        fields = ["title", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE, "ends_on": DATE}


class BodyForm(forms.ModelForm):
    class Meta:
        model = AuditBody
        fields = ["owner", "visit_from", "visit_to", "contact_name", "contact_position",
                  "contact_phone", "contact_email"]
        widgets = {"visit_from": DATE, "visit_to": DATE}


class AuditorForm(forms.ModelForm):
    user = forms.ModelChoiceField(queryset=User.objects.filter(is_active=True),
                                  label=_("person"))

    class Meta:
        model = Auditor
        fields = ["user", "powers", "term_from", "term_to"]
        widgets = {"powers": forms.Textarea(attrs={"rows": 2}), "term_from": DATE,
                   "term_to": DATE}


class StartForm(forms.Form):
    order_number = forms.CharField(label=_("number of the mayor's order"), max_length=30)
    order_date = forms.DateField(label=_("date of the mayor's order"), widget=DATE)


class InventoryForm(forms.ModelForm):
    class Meta:
        model = InventoryItem
        fields = ["name", "kind", "content", "data_format", "keeping", "personal_data",
                  "legal_basis", "volume", "change_frequency", "public_value", "dataset",
                  "recommend_publish", "recommendation"]
        widgets = {"content": forms.Textarea(attrs={"rows": 2}),
                   "recommendation": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, body: AuditBody | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if body is not None:
            self.fields["dataset"].queryset = Dataset.objects.filter(owner=body.owner)


class FindingForm(forms.ModelForm):
    class Meta:
        model = Finding
        fields = ["body", "text", "recommendation", "deadline"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}),
                   "recommendation": forms.Textarea(attrs={"rows": 2}), "deadline": DATE}

    def __init__(self, *args, audit: Audit | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if audit is not None:
            self.fields["body"].queryset = audit.bodies.select_related("owner")


class ReportForm(forms.Form):
    summary = forms.CharField(label=_("conclusions of the report"), max_length=10000,
                              widget=forms.Textarea(attrs={"rows": 6}))


class SurveyOpenForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=254,
                            initial="Які дані вам потрібні?")
    question = forms.CharField(
        label=_("question"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        initial="Які дані ради ви хотіли б отримувати у відкритому доступі і для чого?")


class SurveyAnswerForm(PublicMessageForm):
    wanted = forms.CharField(label=_("what data you need"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=_("Do not write names, phone numbers or other personal "
                                         "data: answers are shown publicly."))
    purpose = forms.CharField(label=_("what for"), max_length=500, required=False)

    class Meta:
        model = SurveyAnswer


class AdjustForm(forms.Form):
    points = forms.IntegerField(label=_("points (+ or −)"), min_value=-1000, max_value=1000)
    reason = forms.CharField(label=_("reason"), max_length=500)


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=254)
    candidates = forms.MultipleChoiceField(label=_("candidates"), choices=(),
                                           widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, choices=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["candidates"].choices = choices
