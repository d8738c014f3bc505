from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "radadata.accounts"
    label = "accounts"
    verbose_name = "Accounts"
