"""A small published catalogue for the search tests (service, page and API), made through the
registry's services so the search index fills itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from radadata.registry.models import Dataset, Owner
from radadata.registry.services import datasets as dataset_services
from radadata.registry.vocabularies import Periodicity
from tests.factories import AT, DatasetFactory, OwnerFactory, add_file


@dataclass
class Catalogue:
    education: Owner
    finance: Owner
    schools: Dataset  # "школа" in the title, as "шкіл"
    meals: Dataset  # "школи" in the description only
    buses: Dataset  # the adjective "шкільні" in the title
    budget: Dataset
    draft: Dataset  # about schools, never published


def _publish(dataset: Dataset, days: int) -> Dataset:
    return dataset_services.dataset_mark_published(dataset=dataset, by=None,
                                                   at=AT + dt.timedelta(days=days))


@pytest.fixture(name="catalogue")
def catalogue_fixture(db) -> Catalogue:
    education = OwnerFactory(name="Управління освіти", slug="osvita")
    finance = OwnerFactory(name="Фінансове управління", slug="finansy")
    schools = DatasetFactory(
        owner=education, title="Мережа шкіл громади", name="merezha-shkil",
        description="Адреси, контакти та кількість учнів закладів загальної середньої освіти.",
        keywords=["заклади освіти", "учні"], themes=["osvita"],
        periodicity=Periodicity.YEARLY, declared_formats="CSV, XLSX")
    meals = DatasetFactory(
        owner=education, title="Харчування учнів", name="kharchuvannia",
        description="Вартість харчування учнів: дані кожної школи громади за місяць.",
        keywords=["харчування", "учні"], themes=["osvita"], periodicity=Periodicity.MONTHLY)
    add_file(meals)  # a CSV file: its format comes from the file
    buses = DatasetFactory(
        owner=education, title="Шкільні автобуси", name="avtobusy",
        description="Маршрути й розклад руху автобусів, що возять учнів.",
        keywords=["транспорт"], themes=["osvita", "transport"], periodicity=Periodicity.YEARLY,
        declared_formats="JSON")
    budget = DatasetFactory(
        owner=finance, title="Бюджет громади", name="biudzhet",
        description="Доходи й видатки бюджету громади за кварталами.",
        keywords=["бюджет"], themes=["biudzhet-i-finansy"],
        periodicity=Periodicity.QUARTERLY, declared_formats="XLSX")
    draft = DatasetFactory(owner=education, title="Школи: проєкт переліку", name="proiekt")
    for days, dataset in enumerate((schools, meals, buses, budget), start=1):
        _publish(dataset, days)
    return Catalogue(education=education, finance=finance, schools=schools, meals=meals,
                     buses=buses, budget=budget, draft=draft)
