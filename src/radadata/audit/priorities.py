"""The priority score of each candidate for publication (§2.13, §2.14, §2.18, §3.7).

A candidate is an inventory item of an audit that is not yet a published dataset, a public
data request still open, or an entry of the approved list not yet published. Its score is a
sum of parts, every part shown with where it comes from:

| part | points |
|---|---|
| audit: value for the public | 10 × value (low 1, medium 2, high 3) |
| audit: recommended for publication | 10 |
| approved list: on the list, not published | 20 |
| data request (the candidate itself, or one on the same subject) | 10 each |
| votes for those requests | 3 each |
| searches on the catalogue that found nothing, on the same subject | 2 each, at most 20 |
| survey answers on the same subject | 5 each, at most 25 |
| views and downloads of related published datasets (365 days) | 1 per 100 views |
|   | + 1 per 10 downloads, at most 15 |
| the officer's adjustments | as given, with the reason |

"On the same subject" means sharing a significant word (its lemma, so "школа" and "шкіл"
match); "related" datasets are published datasets sharing such a word.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Sum
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from radadata.audit.models import (
    AuditState,
    EmptySearch,
    InventoryItem,
    PriorityAdjustment,
    SurveyAnswer,
    SurveyAnswerState,
)
from radadata.catalog.models import DailyCount, DataRequest, RequestState
from radadata.catalog.search.text import lemmas
from radadata.registry.models import ApprovedListItem, Dataset, Owner

WEIGHTS = {
    "value": 10, "recommended": 10, "listed": 20, "request": 10, "vote": 3,
    "search": 2, "search_cap": 20, "survey": 5, "survey_cap": 25,
    "views_per_point": 100, "downloads_per_point": 10, "use_cap": 15,
}
#: Words every dataset title shares: they say nothing of the subject.
GENERIC = frozenset(("дані", "набір", "інформація", "перелік", "список", "відомість", "реєстр",
                     "міський", "рада", "місто", "облік", "звіт", "щодо", "про", "рік"))
USE_DAYS = 365
KIND_LABELS = {"inventory": _("found by the audit"), "request": _("data request"),
               "list": _("approved list")}


@dataclass(frozen=True)
class Part:
    source: str  # audit, list, requests, searches, survey, use, officer
    label: str
    points: int


@dataclass
class Candidate:
    key: str  # "inventory:12", "request:3", "list:7"
    kind: str
    title: str
    owner: Owner | None = None
    periodicity: str = ""
    responsible: str = ""
    link: str = ""
    parts: list[Part] = field(default_factory=list)
    #: Published datasets on the same subject: a request may already be answered (link it).
    similar: list[Dataset] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def total(self) -> int:
        return sum(part.points for part in self.parts)

    @cached_property
    def subject(self) -> frozenset[str]:
        return subject_words(self.title)


def subject_words(text: str) -> frozenset[str]:
    return frozenset(w for w in lemmas(text) if len(w) > 3 and w not in GENERIC)


def _base(today: dt.date, public: bool) -> list[Candidate]:
    found: list[Candidate] = []
    items = (InventoryItem.objects.select_related("body__owner", "body__audit", "dataset")
             .order_by("-body__audit__year", "name"))
    if public:  # the inventory of an audit is public once its report is published
        items = items.filter(body__audit__state=AuditState.PUBLISHED)
    for item in items:
        if item.dataset and item.dataset.first_published_at:
            continue
        candidate = Candidate(key=f"inventory:{item.pk}", kind="inventory", title=item.name,
                              owner=item.body.owner, periodicity=item.change_frequency,
                              responsible=item.body.contact_name,
                              link=reverse("audit:detail", args=[item.body.audit.year])
                              + f"#body-{item.body_id}")
        candidate.parts.append(Part("audit", gettext("audit %(year)s: value “%(value)s”")
                                    % {"year": item.body.audit.year,
                                       "value": item.get_public_value_display()},
                                    WEIGHTS["value"] * item.public_value))
        if item.recommend_publish:
            candidate.parts.append(Part("audit", gettext("the audit recommends publishing it"),
                                        WEIGHTS["recommended"]))
        found.append(candidate)
    requests = DataRequest.objects.filter(state__in=(RequestState.NEW, RequestState.ANSWERED))
    for request in requests:
        found.append(Candidate(key=f"request:{request.pk}", kind="request",
                               title=request.title,
                               link=reverse("catalog:request-list") + f"#request-{request.pk}"))
    entries = (ApprovedListItem.objects.select_related("owner", "dataset__owner",
                                                       "dataset__responsible", "national_item")
               .order_by("position", "id"))
    for entry in entries:
        dataset = entry.dataset
        if dataset and dataset.first_published_at:
            continue
        candidate = Candidate(
            key=f"list:{entry.pk}", kind="list",
            title=entry.title or (entry.national_item.title if entry.national_item else ""),
            owner=dataset.owner if dataset else entry.owner,
            periodicity=dataset.periodicity if dataset else "",
            responsible=dataset.responsible.full_name if dataset and dataset.responsible
            else "", link=reverse("registry:approved-list"))
        candidate.parts.append(Part("listed", gettext("on the approved list, not published"),
                                    WEIGHTS["listed"]))
        found.append(candidate)
    return found


def _requests(candidates: list[Candidate]) -> None:
    requests = list(DataRequest.objects.filter(state__in=(RequestState.NEW,
                                                          RequestState.ANSWERED))
                    .annotate(vote_count=Count("votes")))
    for candidate in candidates:
        for request in requests:
            own = candidate.key == f"request:{request.pk}"
            if not own and not candidate.subject & subject_words(request.title):
                continue
            label = (gettext("this data request") if own else
                     gettext("request “%(title)s”") % {"title": request.title[:60]})
            candidate.parts.append(Part("requests", label, WEIGHTS["request"]))
            if request.vote_count:
                candidate.parts.append(Part("requests", gettext("votes for the request: "
                                                                "%(count)s")
                                            % {"count": request.vote_count},
                                            WEIGHTS["vote"] * request.vote_count))


def _searches(candidates: list[Candidate], today: dt.date) -> None:
    since = today - dt.timedelta(days=USE_DAYS)
    rows = [(subject_words(row["text"]), row["times"]) for row in
            EmptySearch.objects.filter(day__gte=since).values("text")
            .annotate(times=Sum("count"))]
    for candidate in candidates:
        times = sum(n for words, n in rows if candidate.subject & words)
        if times:
            candidate.parts.append(Part("searches", gettext("searches that found nothing: "
                                                            "%(count)s") % {"count": times},
                                        min(WEIGHTS["search"] * times, WEIGHTS["search_cap"])))


def _survey(candidates: list[Candidate]) -> None:
    answers = [subject_words(a.wanted) for a in
               SurveyAnswer.objects.filter(state=SurveyAnswerState.SHOWN)]
    for candidate in candidates:
        times = sum(1 for words in answers if candidate.subject & words)
        if times:
            candidate.parts.append(Part("survey", gettext("survey answers: %(count)s")
                                        % {"count": times},
                                        min(WEIGHTS["survey"] * times,
                                            WEIGHTS["survey_cap"])))


def _use(candidates: list[Candidate], today: dt.date) -> None:
    since = today - dt.timedelta(days=USE_DAYS)
    totals = {row["dataset"]: (row["v"] or 0, row["d"] or 0) for row in
              DailyCount.objects.filter(day__gte=since, day__lte=today).values("dataset")
              .annotate(v=Sum("views"), d=Sum("downloads"))}
    datasets = list(Dataset.objects.published().only("pk", "title", "name"))
    published = [(d.pk, subject_words(d.title)) for d in datasets]
    by_pk = {d.pk: d for d in datasets}
    for candidate in candidates:
        if candidate.kind == "request" and candidate.subject:
            # Most of the request's words in a dataset's title: it may be published already.
            need = max(1, (len(candidate.subject) + 1) // 2)
            candidate.similar = [by_pk[pk] for pk, words in published
                                 if len(candidate.subject & words) >= need][:3]
        views = downloads = 0
        for pk, words in published:
            if candidate.subject & words and pk in totals:
                views += totals[pk][0]
                downloads += totals[pk][1]
        points = min(views // WEIGHTS["views_per_point"]
                     + downloads // WEIGHTS["downloads_per_point"], WEIGHTS["use_cap"])
        if points:
            candidate.parts.append(Part("use", gettext("related datasets: %(views)s views, "
                                                       "%(downloads)s downloads")
                                        % {"views": views, "downloads": downloads}, points))


def _officer(candidates: list[Candidate]) -> None:
    by_key = defaultdict(list)
    for adjustment in PriorityAdjustment.objects.order_by("at"):
        by_key[adjustment.candidate].append(adjustment)
    for candidate in candidates:
        for adjustment in by_key.get(candidate.key, []):
            candidate.parts.append(Part("officer", gettext("adjusted: %(reason)s")
                                        % {"reason": adjustment.reason},
                                        adjustment.points))


def candidates(*, today: dt.date, public: bool = False) -> list[Candidate]:
    """Every candidate with its parts, highest score first (ties: by title). `public` leaves
    out the inventory of audits whose report is not published yet."""
    found = _base(today, public)
    _requests(found)
    _searches(found, today)
    _survey(found)
    _use(found, today)
    _officer(found)
    return sorted(found, key=lambda c: (-c.total, c.title))


def candidate(key: str, *, today: dt.date) -> Candidate | None:
    return next((c for c in candidates(today=today) if c.key == key), None)
