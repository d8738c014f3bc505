from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from radadata.registry.models import Dataset, Owner
from radadata.registry.selectors import contact_point, responsible_by_owner
from radadata.reports.snapshot import DatasetAsOf, Snapshot

from .base import Indicator, IndicatorValue, published


class PassportCompleteness(Indicator):
    code = "passports"
    title = _("Completeness of passports")
    measures = _("Published datasets whose passport has every field КМУ 835 п.7 requires: "
                 "title, description, purpose, language, formats, periodicity, keywords, and a "
                 "responsible person with an e-mail. The passport as it is now is checked: the "
                 "registry keeps no history of passport texts.")
    how_to_improve = _("Open each dataset listed below, fill in the missing passport fields and "
                       "name its responsible person; the owner's responsible person is used "
                       "when the dataset names none.")
    not_applicable = _("The owner has no published dataset.")

    def value(self, snapshot: Snapshot, datasets: list[DatasetAsOf],
              owner: Owner) -> IndicatorValue:
        ids = [d.pk for d in published(datasets)]
        every, people = _passports(snapshot)
        chosen = set(ids)
        passports = [dataset for dataset in every if dataset.pk in chosen]  # by title
        formats = {d.pk: d.formats for d in datasets}
        complete, lacking = 0, []
        for dataset in passports:
            missing = _missing(dataset, formats.get(dataset.pk, ()), people)
            if missing:
                lacking.append(f"{dataset.title} ({', '.join(missing)})")
            else:
                complete += 1
        return IndicatorValue(complete, len(ids), tuple(lacking))


def _passports(snapshot: Snapshot) -> tuple[list[Dataset], dict]:
    """The passports of every published dataset of the snapshot, by title, and each owner's
    contact person: read once per snapshot, not once per owner (the page of the indicators
    computes them for every owner)."""
    memo = snapshot.__dict__.get("_passports")
    if memo is None:
        ids = [d.pk for d in published(list(snapshot.datasets.values()))]
        memo = (list(Dataset.objects.filter(pk__in=ids).select_related("responsible")
                     .prefetch_related("keywords").order_by("title")),
                responsible_by_owner())
        snapshot.__dict__["_passports"] = memo
    return memo


TEXT_FIELDS = (("title", _("title")), ("description", _("description")),
               ("purpose", _("legal basis and purpose of collection")),
               ("language", _("language")), ("periodicity", _("update frequency")))


def _missing(dataset: Dataset, formats: tuple[str, ...], people: dict) -> list[str]:
    missing = [str(label) for name, label in TEXT_FIELDS
               if not (getattr(dataset, name) or "").strip()]
    if not (dataset.declared_formats.strip() or formats):
        missing.append(str(_("formats")))
    if not dataset.keywords.all():
        missing.append(str(_("keywords")))
    person = contact_point(dataset, people)
    if person is None or not person.email:
        missing.append(str(_("responsible person with an e-mail")))
    return missing
