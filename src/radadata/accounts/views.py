"""Signing in and out, changing one's password, and one's own API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from radadata.accounts import selectors, services
from radadata.accounts.forms import SignInForm, TokenForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
    authentication_form = SignInForm

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if getattr(form, "locked", False):
            response.status_code = 429  # the page still says why and what to do
        return response

    def form_valid(self, form):
        response = super().form_valid(form)
        services.session_started(user=form.get_user(), session_key=self.request.session.session_key,
                                 at=timezone.now())
        return response


class SignOutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password-change")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Changing the password gives the session a new key; record it so that a dismissal
        # (§6.4) still finds and ends this session.
        services.session_started(user=self.request.user,
                                 session_key=self.request.session.session_key, at=timezone.now())
        services.password_changed(user=self.request.user, by=self.request.user,
                                  at=timezone.now(), how="password form")
        messages.success(self.request, _("Your password is changed."))
        return response


@never_cache  # the page that shows a new token's raw value must not be kept by any cache
@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """The signed-in person's API tokens; POST creates one and shows its value once."""
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        token, raw = services.token_create(user=request.user, name=form.cleaned_data["name"],
                                           by=request.user, at=timezone.now())
        return render(request, "accounts/token_created.html", {"token": token, "raw": raw})
    return render(request, "accounts/tokens.html",
                  {"form": form, "tokens": selectors.tokens_of(request.user)})


@require_POST
@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.token_of(request.user, pk)
    services.token_revoke(token=token, by=request.user, at=timezone.now())
    messages.success(request, _("The token “%(name)s” is revoked: it no longer works.")
                     % {"name": token.name})
    return redirect("accounts:tokens")
