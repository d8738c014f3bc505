from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StructuresConfig(AppConfig):
    name = "radadata.structures"
    label = "structures"
    verbose_name = _("National dataset structures")
    default_auto_field = "django.db.models.BigAutoField"
