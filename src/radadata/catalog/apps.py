from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "radadata.catalog"
    label = "catalog"
    verbose_name = "Catalog"

    def ready(self) -> None:
        from radadata.catalog.search import index_dataset
        from radadata.registry import hooks

        # The registry's services keep the search index in step without importing catalog.
        if index_dataset not in hooks.on_dataset_changed:
            hooks.on_dataset_changed.append(index_dataset)

        # How the audit log names the actions of the catalogue's services.
        from django.utils.translation import gettext_lazy as _

        from radadata.core.audit_labels import register_actions

        register_actions({
            "feedback.sent": _("feedback received"),
            "feedback.moderated": _("feedback moderated"),
            "data_request.sent": _("data request received"),
            "data_request.answered": _("data request answered"),
        })
