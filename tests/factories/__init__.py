"""Test data made through the real services, so every object is in a state the app can reach."""

from __future__ import annotations

import datetime as dt
import io
import itertools

import factory
from django.utils import timezone
from stdnum.ua import edrpou

from radadata.accounts import services as account_services
from radadata.accounts.models import User
from radadata.registry.models import Dataset, Owner
from radadata.registry.services import datasets as dataset_services
from radadata.registry.services import owners as owner_services
from radadata.registry.services import resources as resource_services
from radadata.registry.vocabularies import MembershipRole, OwnerKind, Periodicity

AT = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
_codes = itertools.count(2_100_000)


def valid_edrpou() -> str:
    """A fresh 8-digit ЄДРПОУ code with a correct check digit."""
    body = f"{next(_codes):07d}"
    return body + edrpou.calc_check_digit(body)


class OwnerFactory(factory.Factory):
    class Meta:
        model = Owner

    name = factory.Sequence(lambda n: f"Відділ номер {n} міської ради")
    kind = OwnerKind.DEPARTMENT_LEGAL
    edrpou = factory.LazyFunction(valid_edrpou)
    head_name = "Коваленко Ірина Петрівна"
    head_position = "Начальник відділу"
    email = factory.Sequence(lambda n: f"dept{n}@rada.example.ua")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return owner_services.owner_create(by=None, at=AT, **kwargs)


class UserFactory(factory.Factory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@rada.example.ua")
    last_name = "Шевченко"
    first_name = factory.Sequence(lambda n: f"Олена{n}")
    patronymic = "Василівна"
    password = "correct-horse-battery"
    roles = ()

    @classmethod
    def _create(cls, model_class, *args, owner=None, owner_role=MembershipRole.RESPONSIBLE,
                **kwargs):
        user = account_services.user_create(by=None, at=AT, **kwargs)
        if owner is not None:
            owner_services.membership_add(owner=owner, user=user, role=owner_role, by=None,
                                          at=AT)
        return user


class DatasetFactory(factory.Factory):
    class Meta:
        model = Dataset

    owner = factory.SubFactory(OwnerFactory)
    title = factory.Sequence(lambda n: f"Перелік об'єктів комунальної власності {n}")
    description = "Перелік об'єктів нерухомого майна комунальної власності громади."
    purpose = "Закон України «Про доступ до публічної інформації», постанова КМУ №835."
    periodicity = Periodicity.QUARTERLY

    @classmethod
    def _create(cls, model_class, *args, published=False, by=None, **kwargs):
        dataset = dataset_services.dataset_register(by=by, at=AT, **kwargs)
        if published:
            dataset_services.dataset_mark_published(dataset=dataset, by=None, at=AT)
        return dataset


def add_file(dataset: Dataset, content: bytes = b"id,name\n1,School\n",
             filename: str = "data.csv", title: str = "Дані", at: dt.datetime = AT):
    resource = dataset.resources.first() or resource_services.resource_create(
        dataset=dataset, title=title, by=None, at=at)
    return resource_services.version_add(resource=resource, stream=io.BytesIO(content),
                                         filename=filename, by=None, at=at)


def officer(**kwargs) -> User:
    return UserFactory(roles=["officer"], **kwargs)


def now() -> dt.datetime:
    return timezone.now()
