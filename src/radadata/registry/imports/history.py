"""The council's history in its list: where each owner sits, and each dataset's dates and state
on data.gov.ua before the council used RadaData.

A mixin of the dry run's planner (planning._Planner). The owner columns («Вид розпорядника»,
«Підпорядкування», «Порядок») shape the owners the file creates; the dataset columns («Дата
завантаження на портал», «Дата першого оприлюднення», «Дата останнього оновлення», «Стан на
порталі», «У переліку») become dated facts (services.dataset_record_history), which the reports
read exactly as the events of live use.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radadata.registry.models import Owner
from radadata.registry.vocabularies import OwnerKind

from . import values
from .parties import name_key
from .plan import REJECT, NewOwner, RowOutcome
from .reading import SourceRow

#: КМУ 835 came into force on 21.10.2015: no council published open data before it.
FIRST_DAY = dt.date(2015, 10, 21)


class PortalState(models.TextChoices):
    NOT_SUBMITTED = "not_submitted", gettext_lazy("not submitted")
    ON_MODERATION = "on_moderation", gettext_lazy("on moderation")
    PUBLISHED = "published", gettext_lazy("published")
    REJECTED = "rejected", gettext_lazy("rejected")
    NO_LONGER_UPDATED = "no_longer_updated", gettext_lazy("no longer updated")


#: How council lists write the states (Ukrainian first, as the template offers them).
STATE_WORDS = {
    PortalState.NOT_SUBMITTED: ("не подано", "не подавався", "не оприлюднено",
                                "not submitted"),
    PortalState.ON_MODERATION: ("на модерації", "модерація", "on moderation", "moderation"),
    PortalState.PUBLISHED: ("оприлюднено", "опубліковано", "published"),
    PortalState.REJECTED: ("відхилено", "rejected"),
    PortalState.NO_LONGER_UPDATED: ("більше не оновлюється", "не оновлюється",
                                    "no longer updated"),
}
KIND_WORDS = {
    OwnerKind.DEPARTMENT: ("структурний підрозділ", "підрозділ", "виконавчий орган",
                           "structural unit", "department"),
    OwnerKind.DEPARTMENT_LEGAL: ("відділ зі статусом юридичної особи",
                                 "виконавчий орган зі статусом юридичної особи",
                                 "юридична особа", "department with legal status",
                                 "legal entity"),
    OwnerKind.ENTERPRISE: ("комунальне підприємство, установа", "комунальне підприємство",
                           "установа", "заклад", "підприємство", "communal enterprise",
                           "enterprise", "institution"),
}
YES = {"так", "є", "+", "1", "yes", "y", "true", "x", "х", "v", "✓"}
NO = {"ні", "немає", "-", "0", "no", "n", "false"}


def _word_key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).strip(" .;")


def _lookup(table: dict[str, tuple[str, ...]], text: str) -> str | None:
    needle = _word_key(text)
    for code, words in table.items():
        if needle in words or needle == code:
            return code
    return None


def _first_words(table: dict[str, tuple[str, ...]]) -> str:
    return ", ".join(f"«{words[0]}»" for words in table.values())


class History:
    # Set by the planner:
    today: dt.date
    columns: dict[str, int]
    new_owners: dict[str, NewOwner]
    owners_by_name: dict[str, Owner]

    # Provided by the planner:
    def _raw(self, row: SourceRow, key: str) -> Any:
        raise NotImplementedError

    def _text(self, row: SourceRow, key: str) -> str:
        raise NotImplementedError

    def _problem(self, outcome: RowOutcome, key: str, message: str) -> None:
        raise NotImplementedError

    # The owner's place ---------------------------------------------------------------------
    def _owner_place(self, row: SourceRow, outcome: RowOutcome) -> None:
        """Kind, parent and order of an owner the file creates (its first row that says)."""
        owner = outcome.owner
        if isinstance(owner, Owner):
            self._known_owner_place(row, outcome, owner)
            return
        if not isinstance(owner, NewOwner):
            return
        owner.rows.append(row.number)
        kind_text = self._text(row, "publisherKind")
        kind = _lookup(KIND_WORDS, kind_text) if kind_text else None
        if kind_text and kind is None:
            self._problem(outcome, "publisherKind", _(
                "“%(value)s” is not a kind of owner. Write one of: %(allowed)s.")
                % {"value": kind_text, "allowed": _first_words(KIND_WORDS)})
        elif kind is not None and owner.kind_given and kind != owner.kind:
            self._problem(outcome, "publisherKind", _(
                "Row %(row)d gives “%(owner)s” another kind; write the same kind in every "
                "row of an owner.") % {"row": owner.first_row, "owner": owner.name})
        elif kind is not None and not owner.kind_given:
            owner.kind, owner.kind_given = kind, True
            if kind != OwnerKind.DEPARTMENT and not owner.edrpou:
                self._problem(outcome, "publisherIdentifier", _(
                    "“%(owner)s” is a legal entity: give its ЄДРПОУ code so it can be "
                    "created.") % {"owner": owner.name})
        parent = self._text(row, "publisherParent")
        if parent and not owner.parent_name:
            if name_key(parent) == name_key(owner.name):
                self._problem(outcome, "publisherParent", _(
                    "An owner cannot be subordinate to itself; name the body above it, or "
                    "leave the cell empty."))
            else:
                owner.parent_name = parent
        order = self._text(row, "publisherOrder")
        if order and not owner.position:
            try:
                owner.position = int(float(order.replace(",", ".")))
                if owner.position < 0:
                    raise ValueError
            except ValueError:
                self._problem(outcome, "publisherOrder", _(
                    "“%(value)s” is not an order number; write 1, 2, 3…") % {"value": order})
                owner.position = 0

    def _known_owner_place(self, row: SourceRow, outcome: RowOutcome, owner: Owner) -> None:
        """An owner the registry has keeps its kind, subordination and order (they are changed
        on its page); a row that says otherwise is told so."""
        kind = _lookup(KIND_WORDS, self._text(row, "publisherKind"))
        parent = self._text(row, "publisherParent")
        order = self._text(row, "publisherOrder")
        parent_now = owner.parent.name if owner.parent_id else ""
        differs = ((kind is not None and kind != owner.kind)
                   or (parent and name_key(parent) != name_key(parent_now))
                   or (order and order != str(owner.position)))
        if differs:
            outcome.notes.append(_(
                "“%(owner)s” is in the registry already: its kind, subordination and order "
                "stay as they are; change them on the owner's page.") % {"owner": owner.name})

    def resolve_parents(self, plan) -> None:
        """After every row: each new owner's parent (an owner of the registry, of the file, or
        a body only named as a parent, which is created too), in an order that creates each
        parent before its units; a circle of parents rejects the rows of its owners."""
        created: list[NewOwner] = list(plan.new_owners)
        for owner in created:
            if not owner.parent_name:
                continue
            key = name_key(owner.parent_name)
            parent = self.owners_by_name.get(key) or self.new_owners.get(f"name:{key}")
            if parent is None:
                parent = NewOwner(name=owner.parent_name, edrpou="", kind=OwnerKind.DEPARTMENT,
                                  first_row=owner.first_row)
                self.new_owners[f"name:{key}"] = parent
                plan.new_owners.append(parent)
            owner.parent = parent
        by_row = {outcome.row: outcome for outcome in plan.rows}
        for owner in plan.new_owners:
            if self._in_circle(owner):
                for number in owner.rows:
                    outcome = by_row.get(number)
                    if outcome is not None and not outcome.rejected:
                        self._problem(outcome, "publisherParent", _(
                            "The subordination of “%(owner)s” goes round in a circle; correct "
                            "«Підпорядкування» so that one body is at the top.")
                            % {"owner": owner.name})
                        outcome.action = REJECT
            elif owner.kind == OwnerKind.ENTERPRISE and not self._manager(owner):
                for number in owner.rows[:1]:
                    outcome = by_row.get(number)
                    if outcome is not None:
                        self._problem(outcome, "publisherParent", _(
                            "An enterprise or institution is managed by an executive body "
                            "(§6.9): name it in «Підпорядкування»."))
                        outcome.action = REJECT
        plan.new_owners.sort(key=self._depth)

    @staticmethod
    def _in_circle(owner: NewOwner) -> bool:
        seen: set[int] = set()
        current: Any = owner
        while isinstance(current, NewOwner) and current.parent is not None:
            if id(current) in seen:
                return True
            seen.add(id(current))
            current = current.parent
        return False

    @staticmethod
    def _manager(owner: NewOwner) -> Owner | NewOwner | None:
        parent = owner.parent
        return parent if parent is not None and parent.kind != OwnerKind.ENTERPRISE else None

    @staticmethod
    def _depth(owner: NewOwner) -> int:
        depth, current, seen = 0, owner.parent, set()
        while isinstance(current, NewOwner) and id(current) not in seen:
            seen.add(id(current))
            depth += 1
            current = current.parent
        return depth

    # The dataset's history ---------------------------------------------------------------------
    def _date(self, row: SourceRow, outcome: RowOutcome, key: str) -> dt.date | None:
        try:
            day = values.date(self._raw(row, key))
        except ValueError as error:
            self._problem(outcome, key, str(error))
            return None
        if day is None:
            return None
        if day > self.today:
            self._problem(outcome, key, _("%(date)s is in the future; give the date it "
                                          "happened, or leave the cell empty.")
                          % {"date": day.strftime("%d.%m.%Y")})
            return None
        if day < FIRST_DAY:
            self._problem(outcome, key, _("%(date)s is before 21.10.2015, when КМУ resolution "
                                          "No. 835 began open data; check the year.")
                          % {"date": day.strftime("%d.%m.%Y")})
            return None
        return day

    def _history(self, row: SourceRow, outcome: RowOutcome, created: dt.date | None) -> None:
        uploaded = self._date(row, outcome, "uploadedOn")
        modified = self._date(row, outcome, "modifiedOn")
        published = outcome.published_on
        if published is not None and published < FIRST_DAY:
            self._problem(outcome, "dataPublikation", _(
                "%(date)s is before 21.10.2015, when КМУ resolution No. 835 began open data; "
                "check the year.") % {"date": published.strftime("%d.%m.%Y")})
        state_text = self._text(row, "portalState")
        state = ""
        if state_text:
            state = _lookup(STATE_WORDS, state_text) or ""
            if not state:
                self._problem(outcome, "portalState", _(
                    "“%(value)s” is not a state on the portal. Write one of: %(allowed)s.")
                    % {"value": state_text, "allowed": _first_words(STATE_WORDS)})
        on_list_text = self._text(row, "onApprovedList")
        on_list = None
        if on_list_text:
            word = _word_key(on_list_text)
            on_list = True if word in YES else False if word in NO else None
            if on_list is None:
                self._problem(outcome, "onApprovedList", _(
                    "“%(value)s”: write «так» or «ні».") % {"value": on_list_text})
        self._check_dates(outcome, uploaded=uploaded, published=published,
                          modified=modified, state=state, created=created)
        outcome.uploaded_on, outcome.modified_on = uploaded, modified
        outcome.portal_state, outcome.on_list = state, on_list

    def _check_dates(self, outcome: RowOutcome, *, uploaded: dt.date | None,
                     published: dt.date | None, modified: dt.date | None, state: str,
                     created: dt.date | None) -> None:
        def day(value: dt.date) -> str:
            return value.strftime("%d.%m.%Y")

        if published and modified and published > modified:
            self._problem(outcome, "modifiedOn", _(
                "The last update (%(modified)s) is before the first publication "
                "(%(published)s); correct one of the dates.")
                % {"modified": day(modified), "published": day(published)})
        if uploaded and published and uploaded > published:
            self._problem(outcome, "uploadedOn", _(
                "The upload to the portal (%(uploaded)s) is after the first publication "
                "(%(published)s); a dataset is uploaded first.")
                % {"uploaded": day(uploaded), "published": day(published)})
        earliest = min((d for d in (uploaded, published) if d), default=None)
        if created and earliest and earliest < created:
            self._problem(outcome, "createdOn", _(
                "The dataset was created on %(created)s, after it reached the portal "
                "(%(earliest)s); correct the date of creation.")
                % {"created": day(created), "earliest": day(earliest)})
        if state == PortalState.ON_MODERATION:
            if published:
                self._problem(outcome, "portalState", _(
                    "A dataset on moderation is not published yet: clear the date of first "
                    "publication, or write «оприлюднено»."))
            if not uploaded:
                self._problem(outcome, "uploadedOn", _(
                    "A dataset on moderation was uploaded to the portal: give the date of the "
                    "upload."))
        elif state == PortalState.PUBLISHED and not published:
            self._problem(outcome, "dataPublikation", _(
                "The dataset is marked published: give the date of its first publication."))
        elif state == PortalState.REJECTED and not uploaded:
            self._problem(outcome, "uploadedOn", _(
                "The portal rejected the dataset after its upload: give the date of the "
                "upload."))
        elif state == PortalState.NOT_SUBMITTED and (uploaded or published):
            self._problem(outcome, "portalState", _(
                "The dataset is marked not submitted but has a date of upload or publication; "
                "correct the state or clear the dates."))

    @staticmethod
    def mark_registrations(plan) -> None:
        """Who of the new owners holds its own registration on data.gov.ua: a legal entity with
        a dataset uploaded or published, and for a structural unit without legal status the
        body above it (it publishes through it, as the council's report lists them)."""
        on_portal: set[int] = set()
        for outcome in plan.rows:
            if (isinstance(outcome.owner, NewOwner) and not outcome.rejected
                    and (outcome.uploaded_on or outcome.published_on)):
                on_portal.add(id(outcome.owner))
        for owner in plan.new_owners:
            if id(owner) not in on_portal:
                continue
            holder: Any = owner
            while (isinstance(holder, NewOwner) and holder.kind == OwnerKind.DEPARTMENT
                   and holder.parent is not None):
                holder = holder.parent
            if isinstance(holder, NewOwner):
                holder.registered_on_portal = True
