"""The one door for following a national structure."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from radadata.accounts.models import User
from radadata.core import audit
from radadata.registry import access
from radadata.registry.models import Dataset, Structure
from radadata.structures import catalog
from radadata.structures.models import DatasetNationalStructure


@transaction.atomic
def dataset_follow_structure(*, dataset: Dataset, structure_id: str, by: User | None,
                             at: dt.datetime) -> DatasetNationalStructure:
    """The dataset follows the national structure from now on: its Table Schema becomes the
    dataset's structure, which every later file is checked against. An unknown id raises
    StructureNotFound (with near ids)."""
    access.require_dataset_edit(by, dataset)
    structure = catalog.get(structure_id)
    schema = structure.table_schema()
    saved = Structure.objects.select_for_update().filter(dataset=dataset).first()
    before = saved.national_code if saved else ""
    if saved is None:
        saved = Structure(dataset=dataset)
    saved.source, saved.national_code = Structure.Source.NATIONAL, structure.id
    saved.schema, saved.updated_at = schema, at
    saved.save()
    choice, _created = DatasetNationalStructure.objects.update_or_create(
        dataset=dataset, defaults={
            "structure_id": structure.id, "edition": structure.edition.code,
            "title": structure.full_title[:500], "edition_status": structure.edition.status,
            "chosen_by": by, "chosen_at": at})
    audit.record(actor=by, action="structures.followed", obj=dataset, at=at,
                 changes={"followed_structure": [before, structure.id]},
                 note=_("National structure %(id)s") % {"id": structure.id})
    return choice


@transaction.atomic
def dataset_unfollow_structure(*, dataset: Dataset, by: User | None, at: dt.datetime) -> None:
    """The dataset no longer follows a national structure; its columns stay as its own
    structure (source "entered by hand"), so files are still checked against them."""
    access.require_dataset_edit(by, dataset)
    choice = DatasetNationalStructure.objects.filter(dataset=dataset).first()
    if choice is None:
        return
    Structure.objects.filter(dataset=dataset, source=Structure.Source.NATIONAL).update(
        source=Structure.Source.MANUAL, national_code="", updated_at=at)
    choice.delete()
    audit.record(actor=by, action="structures.unfollowed", obj=dataset, at=at,
                 changes={"followed_structure": [choice.structure_id, ""]},
                 note=_("National structure %(id)s no longer followed")
                 % {"id": choice.structure_id})
