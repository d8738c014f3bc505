"""The three-part test (§2.10) of access to a group of personal data: the three conditions of
§2.2 (art. 6 of the Law «Про доступ до публічної інформації»), all of which must hold for
access to be restricted. The clauses are the regulation's own words (data, in Ukrainian);
the questions say the same in plain words for the form.

Publication is justified when at least one condition does not hold: then restricting access
would be unlawful. When all three hold, the data must be anonymised instead (§2.9).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

YES, NO = "yes", "no"


@dataclass(frozen=True)
class Question:
    key: str
    clause: str  # §2.2, verbatim
    question: str | Promise


QUESTIONS = (
    Question(
        "interest",
        "виключно в інтересах національної безпеки, територіальної цілісності або громадського "
        "порядку з метою запобігання заворушенням чи злочинам, для охорони здоров’я населення, "
        "для захисту репутації або прав інших людей, для запобігання розголошенню інформації, "
        "одержаної конфіденційно, або для підтримання авторитету і неупередженості правосуддя",
        _("Would restricting access to this column serve only one of the interests the clause "
          "lists (the rights of the people named in it among them)?"),
    ),
    Question(
        "harm",
        "розголошення інформації може завдати істотної шкоди цим інтересам",
        _("Could publishing this column do substantial harm to that interest?"),
    ),
    Question(
        "balance",
        "шкода від оприлюднення такої інформації переважає суспільний інтерес в її отриманні",
        _("Does the harm of publishing it outweigh the public interest in having it?"),
    ),
)
KEYS = tuple(q.key for q in QUESTIONS)


def justifies_publication(answers: dict[str, dict[str, str]]) -> bool:
    """Access may be restricted only when all three conditions hold (§2.2)."""
    return any(answers.get(key, {}).get("answer") == NO for key in KEYS)


def readable(answers: dict[str, dict[str, str]]) -> list[tuple[str, str, str]]:
    labels = {YES: _("yes"), NO: _("no")}
    return [(str(q.question), str(labels.get(answers[q.key].get("answer", ""), "?")),
             answers[q.key].get("reason", "")) for q in QUESTIONS if q.key in answers]
