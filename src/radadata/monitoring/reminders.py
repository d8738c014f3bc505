"""Who is reminded of which due date, and when. Planning only: services.reminders_send records
and sends what this returns.

| stage | when | to whom |
|---|---|---|
| before | REMINDER_DAYS_BEFORE working days before, to the day before | responsible, substitute |
| on the day | the due date | responsible, substitute |
| escalation | from the day after the due date | head of the owner (owner's e-mail), officers |

The responsible person and the substitute are the owner's (OwnerMembership), plus the
dataset's own responsible person if it names one. When the responsible person is deactivated
(dismissed) and no other is named, the reminder goes to the substitute and the officers get a
copy saying so; when nobody at the owner (nor at the executive body that manages it, §6.9) can
receive it, the officers get it. A dataset whose update the owner has already submitted (the
officer or the portal has it now) is not reminded about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from radadata.accounts.models import Role, User
from radadata.core.calendar import WorkingCalendar, default_calendar
from radadata.monitoring.models import Stage
from radadata.monitoring.selectors import DatasetStatus, dataset_status_rows
from radadata.registry.models import Dataset, Owner, OwnerMembership
from radadata.registry.vocabularies import MembershipRole
from radadata.workflow.states import EDITABLE


def days_before() -> int:
    """How many working days ahead the first reminder goes (RADADATA_REMINDER_DAYS_BEFORE)."""
    return settings.REMINDER_DAYS_BEFORE


@dataclass(frozen=True)
class Planned:
    dataset: Dataset
    due_on: dt.date
    stage: Stage
    recipient: User | None  # None: the head of the owner, reached at `email`
    email: str
    text: str

    @property
    def key(self) -> tuple:
        """What the database keeps unique (ReminderSent's constraints)."""
        return (self.dataset.pk, self.due_on, str(self.stage),
                self.recipient.pk if self.recipient else None,
                "" if self.recipient else self.email)


def _window_start(due: dt.date, count: int, calendar: WorkingCalendar) -> dt.date:
    """The day `count` working days before `due` (the first day of the "before" stage)."""
    day = due
    while count > 0:
        day -= dt.timedelta(days=1)
        if calendar.is_working_day(day):
            count -= 1
    return day


def stage_on(*, due: dt.date, today: dt.date, calendar: WorkingCalendar,
             before: int) -> Stage | None:
    if today > due:
        return Stage.ESCALATION
    if today == due:
        return Stage.ON_DAY
    if before > 0 and today >= _window_start(due, before, calendar):
        return Stage.BEFORE
    return None


@dataclass(frozen=True)
class _People:
    """The owner's people who receive reminders, and responsible persons who cannot."""

    active: list[User]
    dismissed: list[User]


def _people_by_owner() -> dict[int, _People]:
    active: dict[int, dict[int, User]] = {}
    dismissed: dict[int, list[User]] = {}
    has_responsible: set[int] = set()
    memberships = (OwnerMembership.objects
                   .filter(role__in=[MembershipRole.RESPONSIBLE, MembershipRole.SUBSTITUTE])
                   .select_related("user").order_by("role", "id"))
    for m in memberships:
        if m.user.is_active:
            active.setdefault(m.owner_id, {})[m.user_id] = m.user
            if m.role == MembershipRole.RESPONSIBLE:
                has_responsible.add(m.owner_id)
        elif m.role == MembershipRole.RESPONSIBLE:
            dismissed.setdefault(m.owner_id, []).append(m.user)
    return {owner_id: _People(active=list(active.get(owner_id, {}).values()),
                              dismissed=[] if owner_id in has_responsible
                              else dismissed.get(owner_id, []))
            for owner_id in set(active) | set(dismissed)}


def _officers() -> list[User]:
    return list(User.objects.filter(is_active=True, roles__role=Role.OFFICER).distinct()
                .order_by("pk"))


def _date(day: dt.date) -> str:
    return formats.date_format(day, "d.m.Y")


def _what(row: DatasetStatus) -> str:
    values = {"title": row.dataset.title, "due": _date(row.next_due)}
    if row.due_reason == "first_publication":
        return _("“%(title)s” must be published by %(due)s (§6.18).") % values
    if row.due_reason == "change":
        return _("The unscheduled change of “%(title)s” must be submitted by %(due)s "
                 "(§6.12).") % values
    values["periodicity"] = row.dataset.get_periodicity_display()
    return _("“%(title)s” must be updated by %(due)s (%(periodicity)s).") % values


def _text(row: DatasetStatus, stage: Stage) -> str:
    if stage == Stage.BEFORE:
        return _what(row) + " " + _("Prepare the new data and submit it in good time.")
    if stage == Stage.ON_DAY:
        return _what(row) + " " + _("The term ends today: submit the data today.")
    return _("Late: %(what)s %(owner)s has not submitted it yet. Ask the responsible person to "
             "submit it now.") % {"what": _what(row), "owner": row.owner}


def _copy_for_officers(row: DatasetStatus, stage: Stage, people: _People) -> str | None:
    """What the officers are told when the owner's side cannot receive the reminder."""
    if people.dismissed:
        names = ", ".join(str(u) for u in people.dismissed)
        return _("The responsible person of %(owner)s (%(names)s) is deactivated: the reminder "
                 "went to the substitute. Name a new responsible person. %(text)s") % {
            "owner": row.owner, "names": names, "text": _text(row, stage)}
    if not people.active:
        return _("Nobody at %(owner)s can receive reminders: name a responsible person and a "
                 "substitute. %(text)s") % {"owner": row.owner, "text": _text(row, stage)}
    return None


def _recipients(row: DatasetStatus, stage: Stage, people: dict[int, _People],
                officers: list[User]) -> Iterable[tuple[User | None, str, str]]:
    """(user or None, e-mail, text) for each recipient of this stage."""
    owner: Owner = row.owner
    if stage == Stage.ESCALATION:
        if owner.email:
            head = ", ".join(p for p in (owner.head_name, owner.head_position) if p)
            yield None, owner.email, (f"{head}. " if head else "") + _text(row, stage)
        for officer in officers:
            yield officer, officer.email, _text(row, stage)
        return
    mine = people.get(owner.pk, _People([], []))
    if not mine.active and owner.managing_owner_id:  # §6.9: the managing body publishes it
        mine = _People(people.get(owner.managing_owner_id, _People([], [])).active,
                       mine.dismissed)
    chosen = {u.pk: u for u in mine.active}
    contact = row.dataset.responsible
    if contact is not None and contact.is_active:
        chosen.setdefault(contact.pk, contact)
    for user in chosen.values():
        yield user, user.email, _text(row, stage)
    copy = _copy_for_officers(row, stage, _People(list(chosen.values()), mine.dismissed))
    if copy:
        for officer in officers:
            if officer.pk not in chosen:
                yield officer, officer.email, copy


def reminders_due(*, today: dt.date, calendar: WorkingCalendar | None = None,
                  before: int | None = None) -> list[Planned]:
    """Every reminder that should exist today (including those already sent: the caller
    skips what the database already holds)."""
    calendar = calendar or default_calendar()
    before = days_before() if before is None else before
    rows = [row for row in dataset_status_rows(today=today, calendar=calendar)
            if row.next_due is not None
            and (row.submission_state is None or row.submission_state in EDITABLE)]
    people = _people_by_owner()
    officers = _officers()
    planned: dict[tuple, Planned] = {}
    # The council's language, whoever's request or worker runs this.
    with translation.override(settings.LANGUAGE_CODE):
        for row in rows:
            stage = stage_on(due=row.next_due, today=today, calendar=calendar, before=before)
            if stage is None:
                continue
            for user, email, text in _recipients(row, stage, people, officers):
                item = Planned(dataset=row.dataset, due_on=row.next_due, stage=stage,
                               recipient=user, email=email, text=text[:500])
                planned.setdefault(item.key, item)
    return list(planned.values())
