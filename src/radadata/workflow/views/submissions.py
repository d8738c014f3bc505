"""The submission page: its files, checks, deadlines, cover letter and timeline, and one form per
step the person may take now. Posting a step calls submission_transition(); a step that is not
possible in the current state (or that someone else has just taken) shows the page again with
the reason and answers 409; a step the person may not take answers 403."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from radadata.core.errors import Conflict, NotFound, ValidationFailed
from radadata.registry.views.common import now, office_view
from radadata.workflow import format_copies, selectors, services
from radadata.workflow.forms import LetterScanForm, TransitionForm
from radadata.workflow.letter_data import letter_data
from radadata.workflow.letters import letter_docx, letter_pdf
from radadata.workflow.models import Submission
from radadata.workflow.states import NEEDS_REASON, Action

LETTER_TYPES = {
    "docx": (letter_docx,
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": (letter_pdf, "application/pdf"),
}


def _render(request: HttpRequest, submission: Submission, *, status: int = 200,
            conflict: Conflict | None = None, posted: TransitionForm | None = None,
            letter_form: LetterScanForm | None = None) -> HttpResponse:
    page = selectors.submission_page(submission, user=request.user, today=timezone.localdate())
    forms = []
    for choice in page.actions:
        if posted is not None and posted.choice == choice:
            forms.append(posted)
        else:
            forms.append(TransitionForm(choice=choice, state=submission.state,
                                        now=timezone.localtime()))
    return render(request, "workflow/submission.html", {
        "page": page,
        "submission": submission,
        "dataset": submission.dataset,
        "action_forms": forms,
        "letter_form": letter_form or LetterScanForm(),
        "conflict": conflict,
        "today": timezone.localdate(),
    }, status=status)


@require_safe
@office_view
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_for_page(pk=pk, user=request.user)
    return _render(request, submission)


@require_POST
@office_view
def submission_act(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_for_page(pk=pk, user=request.user)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        # Only a forged or broken request gets here: the page's forms always send both fields.
        raise ValidationFailed({name: list(errors) for name, errors in form.errors.items()})
    data = form.cleaned_data
    action = Action(data["action"])
    try:
        submission = services.submission_transition(
            submission=submission, action=action, by=request.user, at=now(), note=data["note"],
            expected_state=data["expected_state"] or None,
            happened_at=data.get("happened_at"))
    except ValidationFailed as error:
        # A portal date after now or before the previous step: the form again, with why.
        choice = selectors.action_choice(submission, request.user, action)
        if choice is None or "happened_at" not in error.errors:
            raise
        posted = TransitionForm(request.POST, choice=choice, state=submission.state)
        posted.is_valid()
        for message in error.errors["happened_at"]:
            posted.add_error("happened_at", message)
        return _render(request, submission, status=422, posted=posted)
    except Conflict as error:
        # Nothing was applied: show the page as it stands now, with the reason.
        submission = selectors.submission_for_page(pk=pk, user=request.user)
        posted = None
        choice = selectors.action_choice(submission, request.user, action)
        if error.code == NEEDS_REASON.code and choice is not None:
            posted = TransitionForm(request.POST, choice=choice, state=submission.state)
            posted.add_error("note", error.message)
        return _render(request, submission, status=409, conflict=error, posted=posted)
    if action in (Action.SUBMIT, Action.RESUBMIT):
        older = format_copies.older_formats(selectors.submission_files(submission))
        if older:
            messages.warning(request, _("Not updated by this submission, and so older than the "
                                        "new file: %(files)s.")
                             % {"files": ", ".join(o.version.original_name for o in older)})
    if selectors.checks_failed(submission):
        messages.warning(request, _("The automatic checks found problems, so the submission is "
                                    "returned to you. Read the reasons below, upload corrected "
                                    "files and submit again."))
    else:
        messages.success(request, _("Done: “%(action)s”. The submission is now %(state)s.")
                         % {"action": action.label, "state": submission.get_state_display()})
    return redirect("workflow:submission-detail", submission.pk)


@require_safe
@office_view
def letter_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """The cover letter filled from the submission, to print, sign and scan (§6.10)."""
    submission = selectors.submission_for_page(pk=pk, user=request.user)
    build, content_type = LETTER_TYPES[kind]
    response = HttpResponse(build(letter_data(submission, today=timezone.localdate())),
                            content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="cover-letter-{submission.pk}.{kind}"')
    return response


@require_POST
@office_view
def letter_attach(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_for_page(pk=pk, user=request.user)
    form = LetterScanForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, submission, letter_form=form)
    upload = form.cleaned_data["file"]
    try:
        services.submission_attach_letter(submission=submission, stream=upload,
                                          filename=upload.name, by=request.user, at=now())
    except Conflict as error:
        submission = selectors.submission_for_page(pk=pk, user=request.user)
        return _render(request, submission, status=409, conflict=error)
    messages.success(request, _("The scan of the signed letter is attached."))
    return redirect("workflow:submission-detail", submission.pk)


@require_safe
@office_view
def letter_scan(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_for_page(pk=pk, user=request.user)
    if not submission.signed_letter:
        raise NotFound(_("No signed letter is attached to this submission yet."))
    name = submission.signed_letter.name.rsplit("/", 1)[-1]
    return FileResponse(submission.signed_letter.open("rb"), as_attachment=True, filename=name)


urlpatterns = [
    path("office/submissions/<int:pk>/", submission_detail, name="submission-detail"),
    path("office/submissions/<int:pk>/act/", submission_act, name="submission-act"),
    path("office/submissions/<int:pk>/letter.docx", letter_download, {"kind": "docx"},
         name="letter-docx"),
    path("office/submissions/<int:pk>/letter.pdf", letter_download, {"kind": "pdf"},
         name="letter-pdf"),
    path("office/submissions/<int:pk>/signed-letter/", letter_scan, name="letter-scan"),
    path("office/submissions/<int:pk>/signed-letter/attach/", letter_attach,
         name="letter-attach"),
]
