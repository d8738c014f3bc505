"""What a cover letter is filled from.

§6.10: a dataset goes to the officer "разом із письмовим супроводжувальним листом за підписом
керівника Розпорядника Набору даних ... з погодженням профільного керівника за розподілом
обов'язків". The letter's form is the appendix «ЗРАЗОК» of the regulation. This module knows
nothing of the workflow models: the caller copies the submission's facts into `LetterData`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

KINDS = ("new", "update")


@dataclasses.dataclass(frozen=True)
class LetterData:
    council_name: str  # nominative: "Світлогірська міська рада"
    recipient: str  # dative, as it heads the letter: "Відповідальному за відкриті дані ..."
    owner_name: str
    head_position: str
    head_name: str  # "Прізвище Ім'я По батькові"; printed as "Ім'я ПРІЗВИЩЕ"
    deputy_position: str  # the supervising deputy who agrees the letter ("Узгоджено")
    deputy_name: str
    dataset_title: str  # the full title
    kind: str  # "new" prints "оприлюднення", "update" prints "оновлення"
    files: tuple[str, ...]  # names of the attached files; any iterable is accepted
    date: dt.date
    number: str = ""  # the outgoing registration number, if the owner has given one
    uploaded_on: dt.date | None = None
    approved_on: dt.date | None = None
    rejected_on: dt.date | None = None
    published_on: dt.date | None = None
    officer_position: str = ""
    officer_name: str = ""
    # The body names the council in the genitive ("Положення про відкриті дані Світлогірської
    # міської ради"); it is derived from council_name unless given here.
    council_name_genitive: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        # A tuple keeps the frozen dataclass hashable and safe from later mutation.
        object.__setattr__(self, "files", tuple(self.files))
