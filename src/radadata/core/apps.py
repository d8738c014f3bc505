from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "radadata.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        # Django's empty choice of a select is "---------": a person reads «— не вибрано —».
        from django.db.models import fields
        from django.forms import models as form_models
        from django.utils.translation import gettext_lazy as _

        blank = _("— not chosen —")
        fields.BLANK_CHOICE_DASH[:] = [("", blank)]
        form_models.ModelChoiceField.__init__.__kwdefaults__["empty_label"] = blank
