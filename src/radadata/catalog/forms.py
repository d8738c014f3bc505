"""Forms of the public catalogue (feedback, data requests) and the officer's answers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.catalog.models import DataRequest, Feedback, RequestState
from radadata.registry.models import Dataset

HONEYPOT = "website"


class HoneypotInput(forms.TextInput):
    """A text box people never see (hidden with CSS, out of the tab order, hidden from screen
    readers) and bots fill in. Reported as hidden, so forms render it without a label."""

    is_hidden = True

    def __init__(self) -> None:
        super().__init__(attrs={"class": "hp-field", "tabindex": "-1", "autocomplete": "off",
                                "aria-hidden": "true"})


class PublicMessageForm(forms.Form):
    website = forms.CharField(required=False, widget=HoneypotInput(), label="")

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())


class FeedbackForm(PublicMessageForm):
    text = forms.CharField(label=_("message"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 5}),
                           help_text=_("Shown on this page after the officer reviews it."))
    author_name = forms.CharField(label=_("your name"), max_length=150, required=False,
                                  help_text=_("Optional; shown with your message."))
    author_email = forms.EmailField(label=_("your e-mail"), required=False,
                                    help_text=Feedback._meta.get_field("author_email").help_text)
    field_order = ["text", "author_name", "author_email", HONEYPOT]


class DataRequestForm(PublicMessageForm):
    title = forms.CharField(label=_("what data you need"), max_length=254)
    reason = forms.CharField(label=_("why you need them"), max_length=5000, required=False,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=_("Optional; it helps the council set priorities."))
    contact_name = forms.CharField(label=_("your name"), max_length=150, required=False,
                                   help_text=_("Optional; not shown publicly."))
    contact_email = forms.EmailField(
        label=_("your e-mail"), required=False,
        help_text=DataRequest._meta.get_field("contact_email").help_text)
    field_order = ["title", "reason", "contact_name", "contact_email", HONEYPOT]

    def service_arguments(self) -> dict[str, Any]:
        return {key: self.cleaned_data[key]
                for key in ("title", "reason", "contact_name", "contact_email")}


class ModerationForm(forms.Form):
    answer = forms.CharField(label=_("public answer"), max_length=5000, required=False,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Optional; shown under the message."))


class PublishedDatasetField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Dataset) -> str:
        return f"{obj.title} ({obj.identifier})"


class RequestAnswerForm(forms.Form):
    state = forms.ChoiceField(label=_("state"), choices=[
        c for c in RequestState.choices if c[0] != RequestState.NEW])
    answer = forms.CharField(label=_("public answer"), max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 5}))
    dataset = PublishedDatasetField(
        queryset=Dataset.objects.none(), required=False, label=_("published dataset"),
        help_text=_("Required when the state is “published”: the dataset that answers the "
                    "request."))

    def __init__(self, *args: Any, data_request: DataRequest, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {
            "state": (data_request.state if data_request.state != RequestState.NEW
                      else RequestState.ANSWERED),
            "answer": data_request.answer, "dataset": data_request.dataset_id})
        super().__init__(*args, **kwargs)
        self.fields["dataset"].queryset = Dataset.objects.published().order_by("title")
