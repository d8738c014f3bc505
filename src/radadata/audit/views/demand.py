"""The demand loop's pages: the ranked priorities with their parts, the officer's
adjustments, the proposal for the approved list with its order; the survey (office side and
public side) and votes for public data requests (§2.14: data published on the public's
request)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.audit import exports, forms, throttle
from radadata.audit.documents import list_order
from radadata.audit.models import ListProposal, Survey, SurveyAnswer, SurveyAnswerState
from radadata.audit.priorities import candidates
from radadata.audit.services import demand as services
from radadata.audit.views.common import audit_view
from radadata.audit.views.office import _download
from radadata.catalog.models import DataRequest, RequestState
from radadata.catalog.search import SearchQuery, search
from radadata.catalog.views.public import too_many
from radadata.core.errors import ValidationFailed
from radadata.registry.views.common import apply_errors, now, officer_view


def _proposal_form(data, ranked):
    return forms.ProposalForm(data, choices=[(c.key, c.title) for c in ranked],
                              initial={"title": _("Proposal for the approved list")})


@audit_view
def priorities(request: HttpRequest) -> HttpResponse:
    ranked = candidates(today=timezone.localdate())
    form = _proposal_form(request.POST if request.method == "POST" else None, ranked)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_make(title=form.cleaned_data["title"],
                                              keys=form.cleaned_data["candidates"],
                                              by=request.user, at=now())
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The proposal is ready; download the draft order "
                                        "approving the list."))
            return redirect("audit:proposal", pk=proposal.pk)
    return render(request, "audit/priorities.html", {
        "ranked": ranked, "form": form, "adjust_form": forms.AdjustForm(),
        "proposals": ListProposal.objects.all()[:10]})


@require_safe
@audit_view
def priorities_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(exports.as_csv(exports.rows(today=timezone.localdate())),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="priorytety.csv"'
    return response


@require_POST
@officer_view
def adjust(request: HttpRequest, key: str) -> HttpResponse:
    form = forms.AdjustForm(request.POST)
    if form.is_valid():
        try:
            services.priority_adjust(candidate=key, by=request.user, at=now(),
                                     **form.cleaned_data)
        except ValidationFailed as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The score is adjusted; the reason is shown beside "
                                        "it."))
    else:
        messages.error(request, _("Give the points and the reason."))
    return redirect("audit:priorities")


@require_safe
@audit_view
def proposal(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ListProposal, pk=pk)
    return render(request, "audit/proposal.html", {"proposal": item,
                                                   "items": item.items.select_related("owner")})


@require_safe
@audit_view
def proposal_order(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(list_order(get_object_or_404(ListProposal, pk=pk)), "docx")


@officer_view
def surveys(request: HttpRequest) -> HttpResponse:
    form = forms.SurveyOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.survey_open(by=request.user, at=now(), **form.cleaned_data)
        messages.success(request, _("The survey is open on the public site."))
        return redirect("audit:surveys")
    return render(request, "audit/surveys.html", {
        "surveys": Survey.objects.prefetch_related("answers"), "form": form,
        "any_open": Survey.objects.filter(closed_at__isnull=True).exists()})


@require_POST
@officer_view
def survey_close(request: HttpRequest, pk: int) -> HttpResponse:
    services.survey_close(survey=get_object_or_404(Survey, pk=pk), by=request.user, at=now())
    messages.success(request, _("The survey is closed."))
    return redirect("audit:surveys")


@require_POST
@officer_view
def answer_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    services.answer_moderate(answer=get_object_or_404(SurveyAnswer, pk=pk),
                             show=request.POST.get("show") == "1", by=request.user, at=now())
    return redirect("audit:surveys")


def _published_like(text: str):
    """Published datasets that may already answer a wish: linked, so nothing is asked twice."""
    if not text.strip():
        return []
    return search(SearchQuery(text=text[:300], limit=3)).datasets


def survey_public(request: HttpRequest) -> HttpResponse:
    survey = Survey.objects.filter(closed_at__isnull=True).first()
    form = forms.SurveyAnswerForm(request.POST if request.method == "POST" else None)
    similar = []
    if request.method == "POST" and survey is not None:
        at = now()
        if form.is_spam():
            messages.success(request, _("Thank you for your answer."))
            return redirect("audit:survey-public")
        if form.is_valid():
            try:
                answer = services.answer_send(survey=survey, at=at,
                                              client=throttle.client_key(request, at),
                                              wanted=form.cleaned_data["wanted"],
                                              purpose=form.cleaned_data["purpose"])
            except services.TooMany as error:
                return too_many(request, error.until, at)
            except ValidationFailed as error:
                apply_errors(form, error)
            else:
                if answer.state == SurveyAnswerState.HELD:
                    messages.warning(request, _(
                        "Thank you. Your answer seems to hold personal data (a name, a phone "
                        "number, an address…), so it is not shown publicly; the officer still "
                        "reads it. Please send it again without them if you want it shown."))
                else:
                    messages.success(request, _("Thank you: your answer is shown below."))
                request.session["survey_similar"] = form.cleaned_data["wanted"][:300]
                return redirect("audit:survey-public")
    wished = request.session.pop("survey_similar", "") if request.method == "GET" else ""
    similar = _published_like(wished)
    return render(request, "audit/survey_public.html", {
        "survey": survey, "form": form, "similar": similar,
        "answers": (survey.answers.filter(state=SurveyAnswerState.SHOWN)[:100]
                    if survey else []),
        "requests": DataRequest.objects.filter(state__in=(RequestState.NEW,
                                                          RequestState.ANSWERED))
        .annotate(vote_count=Count("votes"))[:50]})


@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    data_request = get_object_or_404(DataRequest, pk=pk)
    at = now()
    try:
        services.request_vote(data_request=data_request, at=at,
                              client=throttle.client_key(request, at))
    except services.TooMany as error:
        return too_many(request, error.until, at)
    messages.success(request, _("Thank you: your vote raises this request's priority."))
    return redirect("audit:survey-public")


urlpatterns = [
    path("office/priorities/", priorities, name="priorities"),
    path("office/priorities.csv", priorities_csv, name="priorities-csv"),
    path("office/priorities/<str:key>/adjust/", adjust, name="adjust"),
    path("office/priorities/proposals/<int:pk>/", proposal, name="proposal"),
    path("office/priorities/proposals/<int:pk>/order.docx", proposal_order,
         name="proposal-order"),
    path("office/surveys/", surveys, name="surveys"),
    path("office/surveys/<int:pk>/close/", survey_close, name="survey-close"),
    path("office/surveys/answers/<int:pk>/", answer_moderate, name="answer-moderate"),
    path("data-wanted/", survey_public, name="survey-public"),
    path("data-wanted/requests/<int:pk>/vote/", vote, name="vote"),
]
