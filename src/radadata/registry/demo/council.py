"""The fictional Світлогірська міська рада: its owners of data (§1.15) and the people at work.

ЄДРПОУ codes are given without their check digit; the builder computes it, so every code is
valid and none is copied from a real body.
"""

from __future__ import annotations

from dataclasses import dataclass

from radadata.registry.vocabularies import OwnerKind

DOMAIN = "svitlohirsk-rada.example.ua"
PASSWORD = "demo-rada-2026"

COUNCIL = {
    "name": "Світлогірська міська рада",
    "short_name": "Світлогірська МР",
    "edrpou_body": "0405617",
    "city": "Світлогірськ",
    "address": "вул. Соборна, 1, м. Світлогірськ, 20100",
    "website": "https://svitlohirsk-rada.example.ua",
    "email": f"opendata@{DOMAIN}",
    "kind": "city",
    "head_name": "Ковальчук Андрій Миколайович",
    "head_title": "Міський голова",
    "signer_name": "Кириленко Алла Іванівна",
    "signer_title": "Секретар міської ради",
    "officer_name": "Мельник Оксана Петрівна",
    "officer_title": "Начальник відділу інформаційної політики та комунікацій",
}

# The deputy mayors who agree the owners' cover letters (§6.10).
DEPUTY_MAYOR = {
    "executive": ("Гнатюк Олег Васильович",
                  "Заступник міського голови з питань діяльності виконавчих органів ради"),
    "humanitarian": ("Савчук Ірина Миколаївна",
                     "Заступник міського голови з гуманітарних питань"),
    "economy": ("Ярошенко Дмитро Петрович",
                "Перший заступник міського голови"),
    "secretary": ("Кириленко Алла Іванівна", "Секретар міської ради"),
}


@dataclass(frozen=True)
class Person:
    last_name: str
    first_name: str
    patronymic: str
    position: str
    email: str
    phone: str = ""


@dataclass(frozen=True)
class OwnerSpec:
    slug: str
    name: str
    short_name: str
    kind: str
    head: tuple[str, str]  # full name, position
    deputy: str  # key of DEPUTY_MAYOR
    email: str
    phone: str
    address: str
    responsible: Person
    substitute: Person | None = None
    editor: Person | None = None
    edrpou_body: str = ""
    managing: str = ""  # slug of the managing executive body (§1.15.3)
    registered_on_portal: bool = False


def _p(last: str, first: str, patronymic: str, position: str, login: str,
       domain: str = DOMAIN, phone: str = "") -> Person:
    return Person(last, first, patronymic, position, f"{login}@{domain}", phone)


# The council-wide people: e-mail, surname, name, patronymic, position, role.
STAFF = [
    (f"admin@{DOMAIN}", "Стасюк", "Роман", "Ігорович",
     "Головний спеціаліст з питань інформаційних технологій", "administrator"),
    (f"opendata@{DOMAIN}", "Мельник", "Оксана", "Петрівна",
     "Начальник відділу інформаційної політики та комунікацій, відповідальна за відкриті "
     "дані", "officer"),
    (f"robocha.hrupa@{DOMAIN}", "Дорошенко", "Василь", "Степанович",
     "Член робочої групи з питань відкритих даних", "working_group"),
    (f"audytor@{DOMAIN}", "Левченко", "Наталія", "Юріївна",
     "Головний спеціаліст сектору внутрішнього аудиту", "auditor"),
]

OWNERS: list[OwnerSpec] = [
    # §1.15.1: structural units without the status of a legal entity.
    OwnerSpec(
        slug="informatsiina-polityka",
        name="Відділ інформаційної політики та комунікацій Світлогірської міської ради",
        short_name="Відділ інформаційної політики", kind=OwnerKind.DEPARTMENT,
        head=("Мельник Оксана Петрівна", "Начальник відділу"), deputy="executive",
        email=f"info@{DOMAIN}", phone="+380 4736 2-10-15", address="вул. Соборна, 1, каб. 204",
        responsible=_p("Зінченко", "Юлія", "Андріївна", "Головний спеціаліст", "y.zinchenko"),
        substitute=_p("Онищенко", "Богдан", "Тарасович", "Провідний спеціаліст", "b.onyshchenko"),
    ),
    OwnerSpec(
        slug="orhanizatsiinyi-viddil",
        name="Відділ організаційної роботи та забезпечення діяльності Світлогірської міської "
             "ради",
        short_name="Організаційний відділ", kind=OwnerKind.DEPARTMENT,
        head=("Руденко Світлана Олегівна", "Начальник відділу"), deputy="secretary",
        email=f"org@{DOMAIN}", phone="+380 4736 2-10-22", address="вул. Соборна, 1, каб. 112",
        responsible=_p("Павленко", "Інна", "Миколаївна", "Головний спеціаліст", "i.pavlenko"),
        substitute=_p("Гаврилюк", "Степан", "Іванович", "Спеціаліст І категорії", "s.havryliuk"),
    ),
    OwnerSpec(
        slug="nadzvychaini-sytuatsii",
        name="Відділ з питань надзвичайних ситуацій та цивільного захисту населення "
             "Світлогірської міської ради",
        short_name="Відділ з питань НС та ЦЗН", kind=OwnerKind.DEPARTMENT,
        head=("Кравець Ігор Михайлович", "Начальник відділу"), deputy="executive",
        email=f"ns@{DOMAIN}", phone="+380 4736 2-11-01", address="вул. Соборна, 1, каб. 301",
        # No substitute: the registry warns about it (§6.7.1).
        responsible=_p("Бабенко", "Андрій", "Олександрович", "Головний спеціаліст",
                       "a.babenko"),
    ),
    OwnerSpec(
        slug="ekonomichnyi-rozvytok",
        name="Відділ економічного розвитку, торгівлі та інвестицій Світлогірської міської ради",
        short_name="Відділ економічного розвитку", kind=OwnerKind.DEPARTMENT,
        head=("Федоренко Лариса Вікторівна", "Начальник відділу"), deputy="economy",
        email=f"economy@{DOMAIN}", phone="+380 4736 2-12-40",
        address="вул. Соборна, 1, каб. 215",
        responsible=_p("Кузьменко", "Вікторія", "Сергіївна", "Головний спеціаліст",
                       "v.kuzmenko"),
        substitute=_p("Мазур", "Тарас", "Богданович", "Провідний спеціаліст", "t.mazur"),
    ),
    OwnerSpec(
        slug="tsnap",
        name="Відділ «Центр надання адміністративних послуг» Світлогірської міської ради",
        short_name="ЦНАП", kind=OwnerKind.DEPARTMENT,
        head=("Остапчук Наталія Василівна", "Начальник відділу"), deputy="executive",
        email=f"cnap@{DOMAIN}", phone="+380 4736 2-15-00", address="просп. Незалежності, 14",
        responsible=_p("Приходько", "Ольга", "Романівна", "Адміністратор", "o.prykhodko"),
        substitute=_p("Лисенко", "Максим", "Юрійович", "Адміністратор", "m.lysenko"),
    ),
    OwnerSpec(
        slug="okhorona-zdorovia",
        name="Відділ охорони здоров'я Світлогірської міської ради",
        short_name="Відділ охорони здоров'я", kind=OwnerKind.DEPARTMENT,
        head=("Ковальчук Галина Петрівна", "Начальник відділу"), deputy="humanitarian",
        email=f"health@{DOMAIN}", phone="+380 4736 2-13-18",
        address="вул. Лесі Українки, 9",
        responsible=_p("Гуменюк", "Тетяна", "Вікторівна", "Головний спеціаліст",
                       "t.humeniuk"),
        substitute=_p("Білик", "Олександр", "Миколайович", "Провідний спеціаліст",
                      "o.bilyk"),
    ),
    # §1.15.2: executive bodies with the status of a legal entity.
    OwnerSpec(
        slug="upravlinnia-osvity",
        name="Управління освіти Світлогірської міської ради",
        short_name="Управління освіти", kind=OwnerKind.DEPARTMENT_LEGAL, edrpou_body="0214503",
        head=("Бондаренко Марія Степанівна", "Начальник управління"), deputy="humanitarian",
        email=f"osvita@{DOMAIN}", phone="+380 4736 2-20-31", address="вул. Шевченка, 27",
        registered_on_portal=True,
        responsible=_p("Ткаченко", "Надія", "Олегівна", "Головний спеціаліст", "n.tkachenko"),
        substitute=_p("Литвиненко", "Роман", "Володимирович", "Провідний спеціаліст",
                      "r.lytvynenko"),
        editor=_p("Костенко", "Христина", "Ігорівна", "Адміністратор бази даних",
                  "k.kostenko"),
    ),
    OwnerSpec(
        slug="finansove-upravlinnia",
        name="Фінансове управління Світлогірської міської ради",
        short_name="Фінансове управління", kind=OwnerKind.DEPARTMENT_LEGAL,
        edrpou_body="4083125", head=("Марченко Віктор Григорович", "Начальник управління"),
        deputy="economy", email=f"finance@{DOMAIN}", phone="+380 4736 2-14-77",
        address="вул. Соборна, 1, каб. 105", registered_on_portal=True,
        responsible=_p("Демченко", "Людмила", "Анатоліївна", "Заступник начальника відділу",
                       "l.demchenko"),
        substitute=_p("Сидоренко", "Ірина", "Петрівна", "Головний спеціаліст", "i.sydorenko"),
        editor=_p("Яковенко", "Сергій", "Михайлович", "Головний спеціаліст",
                  "s.yakovenko"),
    ),
    OwnerSpec(
        slug="sotsialnyi-zakhyst",
        name="Управління соціального захисту населення Світлогірської міської ради",
        short_name="Управління соцзахисту", kind=OwnerKind.DEPARTMENT_LEGAL,
        edrpou_body="3657842", head=("Захарченко Валентина Іванівна", "Начальник управління"),
        deputy="humanitarian", email=f"social@{DOMAIN}", phone="+380 4736 2-16-09",
        address="вул. Героїв України, 5",
        responsible=_p("Карпенко", "Катерина", "Дмитрівна", "Головний спеціаліст",
                       "k.karpenko"),
        substitute=_p("Вовк", "Петро", "Андрійович", "Провідний спеціаліст", "p.vovk"),
    ),
    OwnerSpec(
        slug="zhytlovo-komunalne-hospodarstvo",
        name="Управління житлово-комунального господарства та комунальної власності "
             "Світлогірської міської ради",
        short_name="Управління ЖКГ", kind=OwnerKind.DEPARTMENT_LEGAL, edrpou_body="4091263",
        head=("Поліщук Володимир Іванович", "Начальник управління"), deputy="executive",
        email=f"zhkh@{DOMAIN}", phone="+380 4736 2-18-44", address="вул. Заводська, 3",
        registered_on_portal=True,
        responsible=_p("Панченко", "Світлана", "Олександрівна", "Головний спеціаліст",
                       "s.panchenko"),
        substitute=_p("Гончаренко", "Юрій", "Васильович", "Провідний спеціаліст",
                      "y.honcharenko"),
    ),
    OwnerSpec(
        slug="upravlinnia-kultury",
        name="Управління культури і туризму Світлогірської міської ради",
        short_name="Управління культури", kind=OwnerKind.DEPARTMENT_LEGAL,
        edrpou_body="0219384", head=("Тарасенко Алла Миколаївна", "Начальник управління"),
        deputy="humanitarian", email=f"culture@{DOMAIN}", phone="+380 4736 2-19-50",
        address="вул. Івана Франка, 2",
        responsible=_p("Шевчук", "Оксана", "Василівна", "Головний спеціаліст", "o.shevchuk"),
        substitute=_p("Романюк", "Ірина", "Степанівна", "Спеціаліст І категорії",
                      "i.romaniuk"),
    ),
    OwnerSpec(
        slug="mistobuduvannia",
        name="Відділ містобудування та архітектури Світлогірської міської ради",
        short_name="Відділ містобудування", kind=OwnerKind.DEPARTMENT_LEGAL,
        edrpou_body="4402716", head=("Дячук Михайло Романович", "Начальник відділу — головний "
                                     "архітектор міста"),
        deputy="economy", email=f"arch@{DOMAIN}", phone="+380 4736 2-17-26",
        address="вул. Соборна, 1, каб. 310",
        responsible=_p("Ничипорук", "Дмитро", "Ігорович", "Головний спеціаліст",
                       "d.nychyporuk"),
        substitute=_p("Швець", "Галина", "Тарасівна", "Провідний спеціаліст", "h.shvets"),
    ),
    # §1.15.3: communal enterprises and institutions; their managing body publishes their data.
    OwnerSpec(
        slug="vodokanal",
        name="Комунальне підприємство «Світлогірськводоканал» Світлогірської міської ради",
        short_name="КП «Світлогірськводоканал»", kind=OwnerKind.ENTERPRISE,
        edrpou_body="0332961", managing="zhytlovo-komunalne-hospodarstvo",
        head=("Кравченко Анатолій Петрович", "Директор"), deputy="executive",
        email="info@vodokanal-svitlohirsk.example.ua", phone="+380 4736 2-30-00",
        address="вул. Набережна, 41", registered_on_portal=True,
        responsible=_p("Олійник", "Лариса", "Богданівна", "Начальник планово-економічного "
                       "відділу", "l.oliinyk", "vodokanal-svitlohirsk.example.ua"),
        substitute=_p("Бойко", "Василь", "Олегович", "Інженер з якості води", "v.boiko",
                      "vodokanal-svitlohirsk.example.ua"),
    ),
    OwnerSpec(
        slug="miskelektrotrans",
        name="Комунальне підприємство «Міськелектротранс» Світлогірської міської ради",
        short_name="КП «Міськелектротранс»", kind=OwnerKind.ENTERPRISE, edrpou_body="0542718",
        managing="zhytlovo-komunalne-hospodarstvo",
        head=("Мороз Григорій Олександрович", "Директор"), deputy="executive",
        email="office@elektrotrans-svitlohirsk.example.ua", phone="+380 4736 2-31-12",
        address="вул. Залізнична, 16",
        # No substitute: the registry warns about it (§6.7.1).
        responsible=_p("Савенко", "Ігор", "Петрович", "Диспетчер служби руху", "i.savenko",
                       "elektrotrans-svitlohirsk.example.ua"),
    ),
    OwnerSpec(
        slug="tsentralna-likarnia",
        name="Комунальне некомерційне підприємство «Центральна міська лікарня» Світлогірської "
             "міської ради",
        short_name="КНП «Центральна міська лікарня»", kind=OwnerKind.ENTERPRISE,
        edrpou_body="0199384", managing="okhorona-zdorovia",
        head=("Кириленко Юрій Степанович", "Генеральний директор"), deputy="humanitarian",
        email="cml@likarnia-svitlohirsk.example.ua", phone="+380 4736 2-40-03",
        address="вул. Лесі Українки, 44",
        responsible=_p("Костюк", "Марія", "Олександрівна", "Статистик", "m.kostiuk",
                       "likarnia-svitlohirsk.example.ua"),
        substitute=_p("Левчук", "Андрій", "Вікторович", "Заступник директора з економічних "
                      "питань", "a.levchuk", "likarnia-svitlohirsk.example.ua"),
    ),
    OwnerSpec(
        slug="blahoustrii",
        name="Комунальне підприємство «Благоустрій» Світлогірської міської ради",
        short_name="КП «Благоустрій»", kind=OwnerKind.ENTERPRISE, edrpou_body="3811547",
        managing="zhytlovo-komunalne-hospodarstvo",
        head=("Литвин Сергій Іванович", "Директор"), deputy="executive",
        email="blago@blahoustrii-svitlohirsk.example.ua", phone="+380 4736 2-33-70",
        address="вул. Степова, 8",
        responsible=_p("Фролова", "Тетяна", "Григорівна", "Інженер з благоустрою",
                       "t.frolova", "blahoustrii-svitlohirsk.example.ua"),
        substitute=_p("Ковтун", "Олег", "Миколайович", "Майстер дільниці", "o.kovtun",
                      "blahoustrii-svitlohirsk.example.ua"),
    ),
]
