from .council import Council
from .datasets import Dataset, Keyword, Theme
from .history import DatasetFact, FactKind
from .lists import ApprovedListItem, NationalListItem
from .owners import Owner, OwnerMembership
from .resources import Resource, ResourceVersion, Structure

__all__ = [
    "ApprovedListItem",
    "Council",
    "Dataset",
    "DatasetFact",
    "FactKind",
    "Keyword",
    "NationalListItem",
    "Owner",
    "OwnerMembership",
    "Resource",
    "ResourceVersion",
    "Structure",
    "Theme",
]
