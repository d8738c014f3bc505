"""Forms of the workflow pages. They parse input; the services and the transition table decide
what is allowed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Owner
from radadata.registry.vocabularies import Periodicity
from radadata.workflow.models import Kind
from radadata.workflow.selectors import ActionChoice, queue_states
from radadata.workflow.states import Action

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
MOMENT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M", "%Y-%m-%d", "%d.%m.%Y"]
SCAN_EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "tif", "tiff"]


class OpenForm(forms.Form):
    """A new submission: of a dataset never published, or an update (scheduled or not)."""

    kind = forms.ChoiceField(
        label=_("kind of update"), widget=forms.RadioSelect, initial=Kind.SCHEDULED,
        choices=[(kind.value, kind.label) for kind in (Kind.SCHEDULED, Kind.UNSCHEDULED)])
    change_occurred_on = forms.DateField(
        label=_("date of the change"), required=False, widget=DATE_WIDGET,
        help_text=_("For an unscheduled update: the day the data changed. The 3 working days "
                    "of §6.12 count from it; today if left empty."))
    note = forms.CharField(label=_("comment for the officer"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, new: bool, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_open_%s")
        super().__init__(*args, **kwargs)
        if new:
            # A dataset never published is submitted as new: there is nothing to choose.
            del self.fields["kind"]
            del self.fields["change_occurred_on"]

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"unscheduled": data.get("kind") == Kind.UNSCHEDULED,
                "change_occurred_on": data.get("change_occurred_on"), "note": data["note"]}


class TransitionForm(forms.Form):
    """One step of the table. `expected_state` is the state the person saw: if someone acted
    in between, the service refuses instead of applying the step on top of theirs."""

    action = forms.ChoiceField(choices=Action.choices, widget=forms.HiddenInput)
    expected_state = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    note = forms.CharField(label=_("comment (optional)"), required=False, max_length=4000)

    #: Steps on the portal only (the view drops it elsewhere): when it happened there.
    happened_at = forms.DateTimeField(
        label=_("when it happened on the portal"), required=False, input_formats=MOMENT_FORMATS,
        widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}),
        help_text=_("The date and time data.gov.ua shows for this step; not later than now and "
                    "not before the previous step. The letter's dates and the legal terms take "
                    "it."))

    def __init__(self, *args: Any, choice: ActionChoice | None = None,
                 state: str = "", now: dt.datetime | None = None, **kwargs: Any) -> None:
        if choice is not None:
            # Unique ids: the page holds one form per step.
            kwargs.setdefault("auto_id", f"id_{choice.action.value}_%s")
            initial = {"action": choice.action.value, "expected_state": state}
            if now is not None:
                initial["happened_at"] = now.replace(second=0, microsecond=0)
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.choice = choice
        if choice is not None and not choice.on_portal:
            del self.fields["happened_at"]
        if choice is not None and choice.needs_reason:
            note = self.fields["note"]
            note.label = _("reason: what to correct")
            note.help_text = _("The owner reads it to know what to correct.")
            note.widget = forms.Textarea(attrs={"rows": 3, "required": True})


class LetterScanForm(forms.Form):
    file = forms.FileField(
        label=_("signed cover letter (scan)"),
        validators=[FileExtensionValidator(SCAN_EXTENSIONS)],
        help_text=_("The letter signed by the head and agreed by the deputy, scanned as PDF, "
                    "JPEG, PNG or TIFF."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_letter_%s")
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)d MB. Scan it at a lower resolution.")
                % {"mb": settings.MAX_UPLOAD_BYTES // (1024 * 1024)})
        return upload


class ArchiveForm(forms.Form):
    # The service decides that a reason is required and says so next to the field.
    reason = forms.CharField(
        label=_("why it is no longer updated"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. the decision that ended the collection of these data, with its date. "
                    "It is kept in the audit log."))


class RestoreForm(forms.Form):
    # The service decides what is missing and says so next to the field.
    periodicity = forms.ChoiceField(
        label=_("how often it will be updated"), required=False,
        choices=[(value, label) for value, label in Periodicity.choices
                 if value != Periodicity.NO_LONGER])
    reason = forms.CharField(
        label=_("why it is updated again"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. the decision that resumed the collection of these data. It is kept in "
                    "the audit log."))


def _with_blank(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("any")), *choices]


class QueueFilterForm(forms.Form):
    """The filters of the officer's queue (GET)."""

    state = forms.ChoiceField(choices=(), required=False, label=_("state"))
    owner = forms.ModelChoiceField(queryset=Owner.objects.none(), required=False,
                                   label=_("owner"), empty_label=_("any"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = _with_blank([(s.value, s.label) for s in queue_states()])
        self.fields["owner"].queryset = Owner.objects.order_by("name")

    def selector_arguments(self) -> dict[str, Any]:
        """Valid filters only: a stale or forged value is ignored rather than shown as an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"state": data.get("state", ""), "owner": data.get("owner")}
