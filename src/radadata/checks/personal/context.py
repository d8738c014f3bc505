"""What a table is about, from a sample of its rows: organisations (§2.8) or officials acting in
their office (§2.5). Contacts in such a table are the organisations' or the offices', and do not
block publication; the owner is still warned to check them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polars as pl
from stdnum.ua import edrpou

from radadata.checks.personal import names
from radadata.checks.table import Table

#: A column of such values is about organisations when at least this share of them are.
MAJORITY = 0.5
DISTINCT = 300  # the distinct values of a column's sample that tell what it holds

_EDRPOU_HEADER = re.compile(r"(?i)єдрпоу|edrpou|publisheridentifier|код\s+юридичн"
                            r"|ідентифікаційний\s+код\s+юридичн")
#: Columns only a list of deputies has (§2.5: they act in their office too).
_DEPUTY_HEADER = re.compile(r"(?i)фракці|виборч\w*\s+округ|постійн\w*\s+комісі|скликанн")
_ROLE = re.compile(
    r"(?i)^\s*(?:перший\s+|в\.\s?о\.\s+)?(?:начальник|заступник|голова|спеціаліст|головний"
    r"|провідний|старший|секретар|директор|депутат|староста|інспектор|керуюч|завідувач|радник"
    r"|помічник|уповноважен|бухгалтер|юрисконсульт|адміністратор|діловод|міський\s+голова"
    r"|сільський\s+голова|селищний\s+голова|керівник|член|відповідальн|менеджер|фахівець)"
)
#: Headers of a column that names people in their office: contact points, heads, deputies.
OFFICIAL_NAME_HEADER = re.compile(
    r"(?i)contactpoint|contact\s*point|відповідальн|посадов|керівник|директор|голова|депутат"
    r"|староста|виконавец|виконавц|підписант|секретар|начальник|уповноважен|контактн\w*\s+особ"
    r"|розпорядник|член\w*\s+комісії|адміністратор|інспектор|доповідач|спеціаліст|реєстратор"
    r"|державн\w*\s+реєстратор|склав|склала|видав|прийняв|прийняла"
)


@dataclass
class Context:
    organisations: set[str] = field(default_factory=set)  # frame columns naming organisations
    edrpou: set[str] = field(default_factory=set)  # frame columns of ЄДРПОУ codes
    positions: set[str] = field(default_factory=set)  # frame columns of officials' positions
    sole_traders: bool = False  # some of the organisations are sole traders (natural persons)
    #: Frame columns that mostly name officials by their office ("депутат Петренко І.П.") and
    #: organisations: their names are presumed lawful, private citizens among them block.
    offices: set[str] = field(default_factory=set)
    #: Frame columns the dataset's structure declares as naming people in their office (§2.5).
    declared_officials: set[str] = field(default_factory=set)

    @property
    def about_organisations(self) -> bool:
        return bool(self.organisations or self.edrpou)

    @property
    def about_officials(self) -> bool:
        return bool(self.positions)


def table_context(table: Table, sample: pl.DataFrame) -> Context:
    context = Context()
    for column in sample.columns:
        header = table.header_of(column)
        values = sample[column].drop_nulls().unique(maintain_order=True).head(DISTINCT).to_list()
        if _EDRPOU_HEADER.search(header) or _mostly(values, _is_edrpou):
            context.edrpou.add(column)
        # Before organisations: "Начальник відділу освіти" names a unit as well as a post.
        # A column of posts makes the people officials only if the posts are offices
        # ("начальник відділу"), not jobs ("прибиральниця", "вчитель").
        elif values and (_DEPUTY_HEADER.search(header) or _mostly(values, _ROLE.match)):
            context.positions.add(column)
        elif _mostly(values, names.is_business):
            # Companies, and sole traders among them (ФОП: their names are in the public
            # register of businesses, §2.8).
            context.organisations.add(column)
            context.sole_traders |= any(names.is_sole_trader(v) for v in values)
        if (values and column not in context.organisations
                and _mostly(values, _office_or_organisation)
                and any(_ROLE.match(v) or _IN_OFFICE.match(v) for v in values)):
            context.offices.add(column)
    return context


def _office_or_organisation(value: str) -> bool:
    return bool(_ROLE.match(value) or _IN_OFFICE.match(value) or names.is_business(value))


#: A person named with the office they act in: "депутатка …", "в.о. старости …".
_IN_OFFICE = re.compile(r"(?i)^\s*(?:депутат\w*|староста|старости|посадов\w+\s+особ\w*)\s")


def _is_edrpou(value: str) -> bool:
    # The cheap test first: python-stdnum's own cleaning is slow for thousands of values.
    return len(value) == 8 and value.isdigit() and edrpou.is_valid(value)


def _mostly(values: list[str], test) -> bool:
    return bool(values) and sum(1 for v in values if test(v)) >= MAJORITY * len(values)
