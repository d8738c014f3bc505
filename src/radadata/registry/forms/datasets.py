"""Forms of the dataset and resource pages. They parse input; the services decide what is valid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.accounts.models import User
from radadata.registry import access, selectors_office
from radadata.registry.models import Dataset, Owner, Theme
from radadata.registry.vocabularies import DatasetStatus, Periodicity

DATE_WIDGET = {"widget": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})}


def _model_field(name: str, **overrides: Any) -> forms.Field:
    """The form field of a Dataset model field: same label, help text, limits and choices."""
    return Dataset._meta.get_field(name).formfield(**overrides)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.full_name} <{obj.email}>" if obj.full_name else obj.email


class DatasetForm(forms.Form):
    """The passport (КМУ 835 п.7) and the registry fields (§4.3) of one dataset."""

    owner = forms.ModelChoiceField(queryset=Owner.objects.none(), label=_("owner"))
    title = _model_field("title")
    description = _model_field("description", widget=forms.Textarea(attrs={"rows": 5}))
    purpose = _model_field("purpose", widget=forms.Textarea(attrs={"rows": 3}))
    identifier = _model_field(
        "identifier", required=False,
        help_text=_("Stable unique identification number of the dataset (§5.3). Leave empty "
                    "on a new dataset to have one generated."))
    name = _model_field(
        "name", required=False,
        help_text=_("Lowercase Latin letters, digits and hyphens; the page is /dataset/<name>. "
                    "Leave empty on a new dataset to make it from the title."))
    language = _model_field("language")
    declared_formats = _model_field("declared_formats")
    compression = _model_field("compression")
    periodicity = _model_field("periodicity")
    keywords = forms.CharField(
        label=_("keywords"), required=False, max_length=2000,
        help_text=_("Separate the keywords with commas, e.g. schools, education, addresses."))
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(), to_field_name="code", required=False, label=_("themes"),
        widget=forms.CheckboxSelectMultiple)
    landing_page_override = _model_field("landing_page_override", assume_scheme="https")
    responsible = PersonChoiceField(
        queryset=User.objects.none(), required=False, label=_("responsible person"),
        help_text=_("Contact point of the dataset; the owner's responsible person if empty."))
    data_type = _model_field("data_type")
    created_on = _model_field("created_on", required=False, **DATE_WIDGET)
    data_as_of = _model_field("data_as_of", **DATE_WIDGET)

    def __init__(self, *args: Any, user: User, dataset: Dataset | None = None,
                 **kwargs: Any) -> None:
        if dataset is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_for(dataset)
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = access.owners_editable_by(user).order_by("name")
        self.fields["responsible"].queryset = selectors_office.responsible_candidates(
            user, current=dataset.responsible if dataset else None)
        if dataset is not None:
            # An existing dataset keeps its address and identifier unless they are retyped.
            for name in ("identifier", "name", "created_on"):
                self.fields[name].required = True

    def service_arguments(self) -> dict[str, Any]:
        """cleaned_data as keyword arguments of dataset_register / dataset_update."""
        data = dict(self.cleaned_data)
        data["keywords"] = [w for w in data["keywords"].split(",") if w.strip()]
        data["themes"] = [theme.code for theme in data["themes"]]
        return data


def initial_for(dataset: Dataset) -> dict[str, Any]:
    initial = {name: getattr(dataset, name) for name in DatasetForm.base_fields
               if name not in ("keywords", "themes", "owner", "responsible")}
    initial["owner"] = dataset.owner_id
    initial["responsible"] = dataset.responsible_id
    initial["keywords"] = ", ".join(k.name for k in dataset.keywords.all())
    initial["themes"] = [t.code for t in dataset.themes.all()]
    return initial


def _with_blank(choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", _("any")), *choices]


class DatasetFilterForm(forms.Form):
    """The filters of the office dataset list (GET)."""

    q = forms.CharField(label=_("Title or identifier"), required=False, max_length=200)
    owner = forms.ModelChoiceField(queryset=Owner.objects.none(), required=False,
                                   label=_("owner"), empty_label=_("any"))
    status = forms.ChoiceField(choices=_with_blank(DatasetStatus.choices), required=False,
                               label=_("state"))
    periodicity = forms.ChoiceField(choices=_with_blank(Periodicity.choices), required=False,
                                    label=_("update frequency"))

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = access.owners_readable_by(user).order_by("name")

    def selector_arguments(self) -> dict[str, Any]:
        """Valid filters only: a stale or forged value is ignored rather than shown as an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"owner": data.get("owner"), "status": data.get("status", ""),
                "periodicity": data.get("periodicity", ""), "text": data.get("q", "")}


class ResourceForm(forms.Form):
    """A new resource with its first file."""

    title = forms.CharField(label=_("title"), max_length=254,
                            help_text=_("E.g. “Дані за 2026 рік”."))
    description = forms.CharField(label=_("description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    # Empty files pass the form so the service refuses them with its own code and message.
    file = forms.FileField(label=_("file"), allow_empty_file=True)


class VersionForm(forms.Form):
    """A new version of an existing resource."""

    file = forms.FileField(label=_("file"), allow_empty_file=True)
    note = forms.CharField(label=_("note"), required=False, max_length=500,
                           help_text=_("What changed, e.g. “data for March added”."))
