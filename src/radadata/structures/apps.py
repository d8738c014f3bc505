from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StructuresConfig(AppConfig):
    name = "radadata.structures"
    label = "structures"
    verbose_name = _("National dataset structures")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from radadata.core.audit_labels import EXTRA_LABELS, register_actions

        register_actions({"structures.followed": _("National structure followed"),
                          "structures.unfollowed": _("National structure no longer followed")})
        EXTRA_LABELS["followed_structure"] = _("national structure")
