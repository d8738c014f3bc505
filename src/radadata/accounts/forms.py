"""Forms of the account pages."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from radadata.accounts import throttle
from radadata.accounts.models import User


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What the token is for"), max_length=100,
        help_text=_("E.g. “upload script” or “monitoring spreadsheet”, so you know which one to "
                    "revoke later."))


class SignInForm(AuthenticationForm):
    """Django's sign-in form behind the throttle (accounts/throttle.py): a locked account or
    address is refused before the password is even looked at, and each failure is counted."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _("Too many failed sign-in attempts. Signing in to this account (or from this "
                    "address) is closed until %(until)s. Wait until then, or set a new password "
                    "with the link “Forgot your password?” below: the e-mail with the link "
                    "unlocks the account."),
    }

    def clean(self):
        email = (self.cleaned_data.get("username") or "").strip().lower()
        at = timezone.now()
        address = throttle.client_address(self.request) if self.request else None
        until = throttle.locked_until(email=email, address=address, at=at)
        if until is not None:
            throttle.record_failure(email=email, address=address, at=at, locked=True)
            self.locked = True
            raise ValidationError(self.error_messages["locked"], code="locked", params={
                "until": timezone.localtime(until).strftime("%H:%M")})
        try:
            cleaned = super().clean()
        except ValidationError:
            if email:
                throttle.record_failure(email=email, address=address, at=at)
            raise
        throttle.clear_account(email=email)
        return cleaned


class PasswordResetRequestForm(PasswordResetForm):
    def get_users(self, email):
        """Every active person with this e-mail, also one who never had a password (a person
        the officer registered without one sets it this way)."""
        return User.objects.filter(email__iexact=email.strip(), is_active=True)
