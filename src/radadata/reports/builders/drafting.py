"""First drafts of the working group's conclusions and recommendations (§8.5), written from a
closed quarter's figures. The officer edits them; the drafts only save the typing.

Plain Ukrainian sentences: they go into the documents the working group and the mayor read.
"""

from __future__ import annotations

from typing import Any

from radadata.reports.builders.figures import share
from radadata.reports.periods import Quarter, format_date
from radadata.reports.wording import DATASETS, SETS, count, percent, plural, quoted_list


def owner_conclusions(figures: dict[str, Any], quarter: Quarter) -> str:
    day = format_date(quarter.last_day)
    if not figures["datasets"] and not figures["approved"]:
        return (f"Станом на {day} розпорядник не має наборів даних у реєстрі та пунктів "
                "затвердженого переліку.")
    sentences = []
    if figures["approved"]:
        sentences.append(
            f"Затвердженим переліком за розпорядником закріплено "
            f"{count(figures['approved'], DATASETS)}, станом на {day} оприлюднено "
            f"{figures['approved_published']} "
            f"({percent(share(figures['approved_published'], figures['approved']))}).")
    else:
        sentences.append("За розпорядником не закріплено жодного пункту затвердженого переліку.")
    sentences.append(
        f"У реєстрі — {count(figures['datasets'], DATASETS)}, з них оприлюднено "
        f"{figures['published']}.")
    new, updated = figures["published_in_period"], figures["updated_in_period"]
    if new or updated:
        sentences.append(f"{_capital(quarter.during_uk)} уперше оприлюднено "
                         f"{count(new, SETS)}, оновлено {count(updated, SETS)}.")
    else:
        sentences.append(f"{_capital(quarter.during_uk)} нових оприлюднень і оновлень не "
                         "було.")
    if figures["overdue"]:
        sentences.append("Порушено строк оновлення або оприлюднення "
                         f"{count(figures['overdue'], SETS_GEN)}: "
                         f"{quoted_list(figures['overdue_titles'])}.")
    elif figures["scheduled"]:
        sentences.append("Усі набори даних оновлено відповідно до встановленої періодичності.")
    if figures["on_moderation"]:
        sentences.append(f"На модерації на Порталі — {count(figures['on_moderation'], SETS)}.")
    if figures["returned"]:
        sentences.append(f"Повернуто на доопрацювання {count(figures['returned'], SETS)}: "
                         f"{quoted_list(figures['returned_titles'])}.")
    if figures["rejected"]:
        sentences.append(f"Відхилено адміністратором Порталу {count(figures['rejected'], SETS)}: "
                         f"{quoted_list(figures['rejected_titles'])}.")
    return " ".join(sentences)


def owner_recommendations(figures: dict[str, Any]) -> str:
    lines = []
    if not figures["datasets"] and not figures["approved"]:
        lines.append("Провести інвентаризацію інформації, що перебуває у володінні "
                     "розпорядника, та протягом п'яти робочих днів повідомити відповідального "
                     "за відкриті дані про набори даних, що підлягають оприлюдненню "
                     "(п. 4.5 Положення).")
        return "\n".join(lines)
    if figures["unpublished_items"]:
        lines.append("Підготувати та подати на оприлюднення набори даних затвердженого "
                     f"переліку: {quoted_list(figures['unpublished_items'])}.")
    if figures["overdue_updates"]:
        lines.append("Невідкладно оновити набори даних, строк оновлення яких порушено, та "
                     "надалі дотримуватися встановленої періодичності оновлення "
                     "(п. 6.17 Положення).")
    if figures["returned"]:
        lines.append("Усунути зауваження до повернутих наборів даних і подати їх повторно.")
    if figures["rejected"]:
        lines.append("Виправити зауваження адміністратора Єдиного державного веб-порталу "
                     "відкритих даних і завантажити набори даних повторно.")
    if not lines:
        lines.append("Продовжувати своєчасне оновлення наборів даних відповідно до "
                     "встановленої періодичності.")
    return "\n".join(lines)


def summary(data: dict[str, Any], quarter: Quarter) -> str:
    """The overall paragraph for the working group and the mayor."""
    totals = data["totals"]
    owners = data["owners"]
    day = format_date(quarter.last_day)
    sentences = [
        f"Станом на {day} на Єдиному державному веб-порталі відкритих даних оприлюднено "
        f"{count(totals['published'], DATASETS)}; із затвердженого переліку оприлюднено "
        f"{totals['approved_published']} з {totals['approved']} "
        f"({percent(share(totals['approved_published'], totals['approved']))}).",
        f"{_capital(quarter.during_uk)} уперше оприлюднено "
        f"{count(totals['published_in_period'], SETS)}, оновлено "
        f"{count(totals['updated_in_period'], SETS)}.",
    ]
    late = [o for o in owners if o["overdue"]]
    if late:
        names = ", ".join(o["short_name"] for o in late)
        sentences.append("Порушено строк оновлення або оприлюднення "
                         f"{count(totals['overdue'], SETS_GEN)} у {len(late)} "
                         f"{plural(len(late), _OWNERS_GEN)} ({names}).")
    else:
        sentences.append("Порушень строків оновлення та оприлюднення наборів даних не "
                         "виявлено.")
    if totals["on_moderation"]:
        sentences.append(f"На модерації на Порталі — {count(totals['on_moderation'], SETS)}.")
    return " ".join(sentences)


_OWNERS_GEN = ("розпорядника", "розпорядників", "розпорядників")  # "у 1 розпорядника"
SETS_GEN = ("набору", "наборів", "наборів")  # "строк 1 набору", "строк 5 наборів"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
