"""The default words of a yearly report to the council, until the officer edits them.

They follow the shape of an executive committee's decision "on the state of work on open
data": a preamble naming the laws and the regulation, numbered points (take the report into
account, the owners' duties, the officer's monitoring, who controls the decision), then the
report itself. Figures never appear here: the report computes them from the registry.
"""

from __future__ import annotations

from radadata.registry.models import Council
from radadata.reports.wording import council_genitive, head_words

TEXT_FIELDS = ("title", "preamble", "points", "measures", "plan", "mayor_name",
               "signer_position", "signer_name", "prepared", "agreed")


def yearly_defaults(council: Council, year: int) -> dict[str, str]:
    of_council = council_genitive(council.name)
    words = head_words(council.name, kind=council.kind)
    subject = ("стан роботи з оприлюднення публічної інформації у формі відкритих даних "
               f"{of_council} у {year} році")
    return {
        "title": f"Про {subject}",
        "preamble": (
            f"Заслухавши інформацію відповідального за відкриті дані про {subject}, "
            "відповідно до законів України «Про доступ до публічної інформації», «Про "
            "місцеве самоврядування в Україні», постанови Кабінету Міністрів України від "
            "21 жовтня 2015 року № 835 «Про затвердження Положення про набори даних, які "
            "підлягають оприлюдненню у формі відкритих даних», Положення про відкриті дані "
            f"{of_council}, керуючись статтями 52, 59 Закону України «Про місцеве "
            f"самоврядування в Україні», виконавчий комітет {words.council_genitive}"),
        "points": "\n".join([
            f"Інформацію про {subject} взяти до відома (додається).",
            f"Керівникам виконавчих органів {words.council_genitive}, комунальних підприємств, "
            "установ "
            "та закладів забезпечити своєчасне оприлюднення та оновлення наборів даних "
            f"відповідно до затвердженого переліку та Положення про відкриті дані {of_council}.",
            "Відповідальному за відкриті дані забезпечити щоквартальний моніторинг стану "
            "оприлюднення та оновлення наборів даних та інформувати про його результати "
            f"робочу групу та {words.head_accusative}.",
            f"Контроль за виконанням цього рішення покласти на заступника {words.head_genitive} з "
            "питань діяльності виконавчих органів ради.",
        ]),
        "measures": "\n".join([
            f"Протягом {year} року відповідно до Положення про відкриті дані {of_council}:",
            "– ведено реєстр наборів даних, що перебувають у володінні розпорядників "
            "інформації, та оприлюднено його у формі відкритих даних;",
            "– розпорядникам наборів даних надано методичну допомогу з підготовки паспортів, "
            "структур і файлів наборів даних;",
            "– щокварталу проведено моніторинг стану оприлюднення та оновлення наборів даних, "
            "його результати розглянуто робочою групою;",
            "– набори даних, подані розпорядниками, перевірено та завантажено на Єдиний "
            "державний веб-портал відкритих даних.",
        ]),
        "plan": "\n".join([
            f"У {year + 1} році передбачається:",
            "– оприлюднити набори даних затвердженого переліку, які ще не оприлюднено;",
            "– забезпечити оновлення наборів даних відповідно до встановленої періодичності;",
            "– привести структури наборів даних у відповідність до рекомендованих "
            "структур Єдиного державного веб-порталу відкритих даних;",
            "– провести навчання відповідальних осіб розпорядників наборів даних.",
        ]),
        "mayor_name": council.head_name,
        "signer_position": council.signer_title or "Керуючий справами виконавчого комітету",
        "signer_name": council.signer_name,
        "prepared": (f"{council.officer_title or 'Відповідальний за відкриті дані'} — "
                     f"{council.officer_name}" if council.officer_name else ""),
        "agreed": "",
    }
