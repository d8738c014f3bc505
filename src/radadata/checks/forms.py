"""Forms of the check pages. They parse input; the services decide what is valid."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from radadata.checks import three_part_test
from radadata.checks.models import LAWFUL_KINDS, RulingKind
from radadata.checks.services.remedies import METHODS
from radadata.checks.services.structure import TYPES, Column


class LawfulForm(forms.Form):
    """Mark a column lawful to publish (§2.5, §2.8)."""

    kind = forms.ChoiceField(
        label=_("The column holds"), widget=forms.RadioSelect,
        choices=[(k.value, k.label) for k in RulingKind if k in LAWFUL_KINDS])
    note = forms.CharField(
        label=_("Whose data it is"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000,
        help_text=_("For the record, e.g. “the heads of the council's departments, in their "
                    "office”."))


class AnonymiseForm(forms.Form):
    """Anonymise a column into a new version of the file (§2.9)."""

    method = forms.ChoiceField(label=_("How"), widget=forms.RadioSelect,
                               choices=list(METHODS.items()))

    def __init__(self, *args: Any, dates: bool = False, citizens: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A year is a generalisation of dates only; the private citizens' values alone are
        # masked where the check found them among officials.
        self.fields["method"].choices = [
            (k, v) for k, v in METHODS.items()
            if (dates or k != "generalise_date") and (citizens or k != "mask_citizens")]


ANSWERS = [(three_part_test.YES, _("yes")), (three_part_test.NO, _("no"))]


class ThreePartTestForm(forms.Form):
    """The three questions of §2.10, each answered and justified."""

    note = forms.CharField(label=_("Conclusion"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Optional: the decision in one sentence, e.g. the "
                                       "document it was taken by."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        note = self.fields.pop("note")  # after the questions
        for question in three_part_test.QUESTIONS:
            self.fields[f"{question.key}_answer"] = forms.ChoiceField(
                label=question.question, choices=ANSWERS, widget=forms.RadioSelect,
                help_text=f"§2.2: «{question.clause}»")
            self.fields[f"{question.key}_reason"] = forms.CharField(
                label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
        self.fields["note"] = note

    def answers(self) -> dict[str, dict[str, str]]:
        data = self.cleaned_data
        return {key: {"answer": data.get(f"{key}_answer", ""),
                      "reason": data.get(f"{key}_reason", "")}
                for key in three_part_test.KEYS}


class StructureColumnForm(forms.Form):
    """One column of the structure."""

    name = forms.CharField(label=_("Column"), max_length=200,
                           widget=forms.TextInput(attrs={"readonly": True}))
    title = forms.CharField(label=_("Title"), max_length=254, required=False)
    type = forms.ChoiceField(label=_("Type"), choices=list(TYPES.items()))
    required = forms.BooleanField(label=_("Required"), required=False)
    unique = forms.BooleanField(label=_("Unique"), required=False)
    enum = forms.CharField(label=_("Allowed values"), required=False, max_length=10000,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("One value per line; empty allows any value."))
    description = forms.CharField(label=_("Description"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = (self.initial or {}).get("type")
        if kind and kind not in TYPES:  # a rarer type a national structure uses: keep it
            self.fields["type"].choices = [*TYPES.items(), (kind, kind)]

    def column(self) -> Column:
        data = self.cleaned_data
        return Column(name=data["name"], type=data["type"], title=data["title"],
                      description=data["description"], required=data["required"],
                      unique=data["unique"],
                      enum=[v.strip() for v in data["enum"].splitlines() if v.strip()])


StructureFormSet = forms.formset_factory(StructureColumnForm, extra=0, can_delete=False)


def structure_initial(columns: list[Column]) -> list[dict[str, Any]]:
    return [{"name": c.name, "title": c.title, "type": c.type, "required": c.required,
             "unique": c.unique, "enum": "\n".join(c.enum), "description": c.description}
            for c in columns]
