"""Forms of the approved list (перелік, §2.11–2.19)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.registry import selectors_office
from radadata.registry.models import ApprovedListItem, Dataset, NationalListItem, Owner


class DatasetChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Dataset) -> str:
        return f"{obj.title} ({obj.owner}, {obj.get_status_display()})"


class NationalChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: NationalListItem) -> str:
        mark = _(" (wording unconfirmed)") if obj.unconfirmed else ""
        return f"{obj.code}. {obj.title}{mark}"


class ApprovedItemForm(forms.Form):
    """Add an entry (free title or a national list item) or change one."""

    title = forms.CharField(
        label=_("title"), max_length=500, required=False,
        help_text=_("May stay empty when a national list item is chosen: its title is used."))
    national_item = NationalChoiceField(queryset=NationalListItem.objects.none(),
                                        required=False, label=_("national list item"))
    owner = forms.ModelChoiceField(queryset=Owner.objects.order_by("name"), required=False,
                                   label=_("owner"),
                                   help_text=_("Taken from the dataset when left empty."))
    dataset = DatasetChoiceField(queryset=Dataset.objects.none(), required=False,
                                 label=_("dataset"),
                                 help_text=_("The registered dataset that fulfils this entry."))

    def __init__(self, *args: Any, item: ApprovedListItem | None = None, **kwargs: Any) -> None:
        if item is not None and "initial" not in kwargs:
            kwargs["initial"] = {"title": item.title, "national_item": item.national_item_id,
                                 "owner": item.owner_id, "dataset": item.dataset_id,
                                 "position": item.position}
        super().__init__(*args, **kwargs)
        keep_national = item.national_item if item else None
        keep_dataset = item.dataset if item else None
        self.fields["national_item"].queryset = selectors_office.national_items_free(
            keep=keep_national)
        self.fields["dataset"].queryset = selectors_office.datasets_free(keep=keep_dataset)
        if item is not None:
            self.fields["title"].required = True
            self.fields["position"] = forms.IntegerField(label=_("number"), min_value=0)
