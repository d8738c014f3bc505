import pytest

from radadata.core.models import AuditEntry
from radadata.registry.models import Dataset
from tests.factories import DatasetFactory, add_file


@pytest.mark.django_db
def test_registering_a_dataset_with_a_file_is_audited():
    dataset = DatasetFactory(keywords=["майно", "оренда"], published=True)
    version = add_file(dataset, b"id;name\n1;\xd8\xea\xee\xeb\xe0\n", "schools.csv")
    assert Dataset.objects.published().get() == dataset
    assert version.number == 1 and version.format == "CSV" and version.size == 16
    assert version.encoding == "cp1251"
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"owner.created", "dataset.registered", "dataset.published",
            "resource.version_added"} <= actions
