"""Every fresh install gets the national list (КМУ 835, local self-government part) and themes.

The national list is read from registry/data/national_list.csv (REGULATION-NOTES §1.7: the
all-holder sets that apply to local self-government, and the local self-government items). The
all-holder set "переліки національних стандартів" is left out: it does not apply to councils.
registry.services.lists.national_list_load refreshes the same rows from a newer CSV.

The themes are the subject headings (§4.13) a dataset is filed under, close to the subjects of
data.gov.ua.
"""

import csv
from pathlib import Path

from django.db import migrations

NATIONAL_LIST_CSV = Path(__file__).resolve().parents[1] / "data" / "national_list.csv"

THEMES = [
    ("vlada-i-upravlinnia", "Влада і управління"),
    ("biudzhet-i-finansy", "Бюджет і фінанси"),
    ("ekonomika-i-biznes", "Економіка і бізнес"),
    ("komunalne-maino", "Комунальне майно"),
    ("osvita", "Освіта"),
    ("okhorona-zdorovia", "Охорона здоров'я"),
    ("sotsialnyi-zakhyst", "Соціальний захист"),
    ("transport", "Транспорт і дороги"),
    ("mistobuduvannia-i-zemlia", "Містобудування і земля"),
    ("zhytlovo-komunalne-hospodarstvo", "Житлово-комунальне господарство"),
    ("ekolohiia", "Екологія і довкілля"),
    ("kultura-i-turyzm", "Культура і туризм"),
    ("sport-i-molod", "Спорт і молодь"),
    ("bezpeka", "Безпека і цивільний захист"),
    ("administratyvni-posluhy", "Адміністративні послуги"),
    ("hromadska-uchast", "Громадська участь"),
]


def _rows() -> list[dict[str, str]]:
    with NATIONAL_LIST_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(apps, schema_editor):
    NationalListItem = apps.get_model("registry", "NationalListItem")
    Theme = apps.get_model("registry", "Theme")
    for row in _rows():
        NationalListItem.objects.update_or_create(
            code=row["code"],
            defaults={"title": row["title"], "section": row["section"],
                      "unconfirmed": row["unconfirmed"].strip().lower() == "true",
                      "source": row["source"]},
        )
    for code, name in THEMES:
        Theme.objects.update_or_create(code=code, defaults={"name": name})


def unload(apps, schema_editor):
    # An item still on a council's approved list is protected: the reverse then fails loudly
    # rather than dropping the council's links.
    apps.get_model("registry", "NationalListItem").objects.filter(
        code__in=[row["code"] for row in _rows()]).delete()
    apps.get_model("registry", "Theme").objects.filter(
        code__in=[code for code, _ in THEMES]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("registry", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, unload),
    ]
