from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.utils import timezone

from radadata.accounts import services


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        services.session_started(user=form.get_user(), session_key=self.request.session.session_key,
                                 at=timezone.now())
        return response


class SignOutView(auth_views.LogoutView):
    pass


def placeholder(request):
    from django.http import HttpResponse

    return HttpResponse("todo")
