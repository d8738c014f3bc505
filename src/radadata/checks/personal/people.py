"""Data about a person as such: names, home addresses, dates of birth."""

from __future__ import annotations

import re

import polars as pl

from radadata.checks.personal import names
from radadata.checks.personal.base import Detector
from radadata.checks.personal.masking import mask_address, mask_date, mask_name


class PersonName(Detector):
    code = "pd_person_name"
    pattern = names.PATTERN

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        return list(names.person_names(cell))

    def mask(self, item: str) -> str:
        return mask_name(item)


_STREET = (r"(?:вул|вулиця|просп|проспект|пров|провулок|пл|площа|бульв|бульвар|б-р|узвіз|шосе"
           r"|мкр|мікрорайон|тупик|проїзд|набережна|майдан|квартал|кв-л)")
_FLAT = r"(?:кв|квартира)\.?\s*№?\s*\d+"


#: A quarter of a year, not a flat: "1 кв 2022", "II кв. 2023 року", "кв. 2021".
_QUARTER = re.compile(r"(?i)(?:(?<![\w])(?:[1-4]|I{1,3}|IV)\s*-?(?:й|ий)?\s*кв(?:\.|артал\w*)?"
                      r"|(?<![\w])кв(?:\.|артал\w*)?)\s*(?:(?:19|20)\d\d)(?!\d)"
                      r"|(?<![\w])(?:[1-4]|I{1,3}|IV)\s*-?(?:й|ий)?\s*кв(?:\.|артал\w*)?(?![\w])")



_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


def _without_quarters(cell: str) -> str:
    # The cheap tests first: the quarters' pattern is slow on every cell of a column, and a
    # quarter that could pass for a flat ("кв 2022") has a year.
    if "кв" in cell.lower() and _YEAR_LIKE.search(cell):
        return _QUARTER.sub(" ", cell)
    return cell


class Address(Detector):
    """A street address with a house number. On its own that is a building; it becomes a
    person's home next to names of people, with a flat number, or under a header that says
    so — the scan decides that from the whole table."""

    code = "pd_address"
    # Every street word and "кв." begin with one of these.
    pattern = (r"(?i)(?:вул|просп|пров|пл|бульв|б-р|узвіз|шосе|мкр|мікрорайон|тупик|проїзд"
               r"|набережна|майдан|кв)")
    #: Headers of a place of residence: a home address whatever the rest of the table holds.
    hint = re.compile(r"(?i)прожива|місце\s+реєстрації|зареєстрован|домашн\w*\s+адрес"
                      r"|residence|home\s+address")
    _item = re.compile(rf"(?i)(?:^|[^\w]){_STREET}\.?\s*[^;]*?\d|(?:^|[^\w]){_FLAT}")
    _flat = re.compile(rf"(?i)(?:^|[^\w]){_FLAT}")

    #: Headers of the place where something is or happened: a building, a plot, a shop, the
    #: place of an offence or of works; not where a person lives.
    place = re.compile(r"(?i)місце\s+(?:порушенн|розташуван|проведенн|знаходженн|події|робіт)"
                       r"|адреса\s+(?:об['’]?єкт|робіт|торгов|укритт|закладу|підприєм|точки"
                       r"|ділянк|будинку|майна|місця|розміщенн)|об['’]?єкт|ділянк|укритт"
                       r"|торгов\w*\s+точк|location|site")

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        return [cell.strip()] if self._item.search(_without_quarters(cell)) else []

    def has_flat(self, cell: str) -> bool:
        return bool(self._flat.search(_without_quarters(cell)))

    def mask(self, item: str) -> str:
        return mask_address(item)


# --- dates of birth: a property of a column, not of a cell -------------------------------------

BIRTH_HINT = re.compile(r"(?i)народжен|birth|\bд\.\s?н\.|\bdob\b")
#: Dates of birth of animals, not of people.
ANIMALS = re.compile(r"(?i)тварин|кличк|пород|собак|кот[аиів]|animal|pet\b")
#: Headers of dates that are not births, even in a table of people.
_OTHER_DATE = re.compile(
    r"(?i)реєстрац|видач|рішенн|договор|початк|закінч|подан|оновлен|публікац|створен|змін"
    r"|прийнят|звернен|період|термін|строк|станом|виплат|надан|нарахуван|оплат|постановк"
    r"|зарахуван|прийом|обстежен|огляд|смерт|звільнен|призначен|updated|created|modified"
    r"|issued|start|end|paid"
)
_DATE = (r"(?:(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}"
         r"|[0-9]{1,2}[./-][0-9]{1,2}[./-](?:19|20)[0-9]{2})")
_WHOLE_DATE = rf"^\s*{_DATE}(?:[ T][0-9:.]+)?\s*$"
_YEAR = r"((?:19|20)[0-9]{2})"

#: A column of birth dates spans generations; one of registration dates spans a few years.
MIN_YEAR, MAX_YEAR, MIN_SPREAD, MIN_ROWS = 1920, 2015, 20, 5
SAMPLE = 1_000  # the first rows that must look like dates before the whole column is read


def birth_dates(series: pl.Series, header: str, *, names_nearby: bool) -> tuple[int, list[str]]:
    """(how many cells, masked examples) when the column holds dates of birth, else (0, [])."""
    if BIRTH_HINT.search(header):
        # Full dates only: the year alone is what generalising (§2.9) leaves, and may stay.
        found = series.filter(series.str.contains(_DATE).fill_null(False))
    elif names_nearby and not _OTHER_DATE.search(header):
        head = series.head(SAMPLE).drop_nulls()
        if head.len() == 0 or head.str.contains(_WHOLE_DATE).mean() < 0.9:
            return 0, []  # the first rows already show this is not a column of dates
        found = series.filter(series.str.contains(_WHOLE_DATE).fill_null(False))
        filled = series.len() - series.null_count()
        if found.len() < MIN_ROWS or found.len() < 0.9 * filled:
            return 0, []
        years = found.str.extract(_YEAR).cast(pl.Int32, strict=False).drop_nulls()
        in_range = years.is_between(MIN_YEAR, MAX_YEAR).sum()
        if (in_range < 0.95 * years.len() or years.n_unique() < MIN_ROWS
                or years.max() - years.min() < MIN_SPREAD):
            return 0, []
    else:
        return 0, []
    examples = [mask_date(v) for v in found.head(50).unique(maintain_order=True).head(3)]
    return found.len(), examples


class BirthInText(Detector):
    """A date of birth inside a text: "народився 06.01.1962 р.", "Іваненко І.І., 1956 р.н."."""

    code = "pd_birth_date"
    sample_only = True  # texts that mention births show it in their sample
    not_under = BIRTH_HINT  # a column of birth dates is judged whole (birth_dates)
    pattern = (r"(?i)(?:народи|народж)[^0-9]{0,12}[0-9]{1,2}[./][0-9]{1,2}[./](?:19|20)[0-9]{2}"
               r"|(?:19|20)[0-9]{2}\s?р\.?\s?н\.|[0-9]{1,2}[./][0-9]{1,2}[./](?:19|20)[0-9]{2}"
               r"\s?р\.?\s?н\.")
    _item = re.compile(r"(?i)(?:народи|народж)\w*[^0-9]{0,12}(\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d)"
                       r"|(\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d|(?:19|20)\d\d)\s?р\.?\s?н\.")

    def items(self, cell: str, *, hinted: bool = False) -> list[str]:
        return [a or b for a, b in self._item.findall(cell)]

    def mask(self, item: str) -> str:
        return mask_date(item)
