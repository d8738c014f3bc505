"""The forms of the import pages: the upload, and the column mapping."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radadata.core.errors import ValidationFailed

from . import values
from .columns import FIELDS, IGNORE, check_mapping, letter
from .reading import Table


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("List of datasets (.xlsx or .csv)"),
        help_text=gettext_lazy("An Excel workbook or a CSV file in any encoding, with column "
                               "names in the header row and one dataset per row."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s. Split the list into smaller files.")
                % {"size": filesizeformat(settings.MAX_UPLOAD_BYTES)})
        return upload


def _examples(table: Table, index: int, limit: int = 3) -> str:
    found: list[str] = []
    for row in table.rows:
        text = values.text(row.cell(index))
        if text and text not in found:
            found.append(text[:60])
        if len(found) >= limit:
            break
    return "; ".join(found)


class MappingForm(forms.Form):
    """One choice per column of the file: the registry field it holds, or ignore it."""

    def __init__(self, data=None, *, table: Table, mapping: list[str | None]):
        super().__init__(data)
        self.table = table
        choices = [("", _("— choose —")), (IGNORE, _("Ignore this column"))]
        choices += [(field.key, f"{field.label} ({field.key})") for field in FIELDS]
        unnamed = _("(no name)")
        for index, header in enumerate(table.header):
            examples = _examples(table, index)
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=f"{letter(index)}: {header or unnamed}",
                choices=choices,
                initial=mapping[index] if index < len(mapping) and mapping[index] else "",
                help_text=(_("For example: %(values)s") % {"values": examples}) if examples
                else _("The column is empty."),
                error_messages={"required": _("Choose the field this column holds, or "
                                              "ignore it.")},
            )

    def mapping(self) -> list[str]:
        return [self.cleaned_data[f"column_{index}"] for index in range(len(self.table.header))]

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                check_mapping(self.table.header, self.mapping())
            except ValidationFailed as error:
                raise forms.ValidationError(error.errors["mapping"]) from error
        return cleaned
