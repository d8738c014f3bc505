from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "radadata.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from radadata.core.audit_labels import register_actions

        register_actions({
            "auth.sign_in_failed": _("failed sign-in (wrong e-mail or password)"),
            "auth.sign_in_locked": _("sign-in refused: too many failed attempts"),
            "user.password_changed": _("password changed"),
        })
