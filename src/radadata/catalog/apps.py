from typing import Any

from django.apps import AppConfig

#: Saves of a person that change nothing the catalogue shows (a sign-in, a new password).
_UNSHOWN = frozenset({"last_login", "password", "is_staff"})


def _person_saved(sender: type, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    if update_fields and set(update_fields) <= _UNSHOWN:
        return
    _bump_version()


# The registry's hooks call the search through these: the search (and numpy with it) is
# imported when the first dataset changes, not at the start of every command.
def _index_dataset(dataset: Any) -> None:
    from radadata.catalog.search import index_dataset

    index_dataset(dataset)


def _index_datasets(datasets: Any) -> None:
    from radadata.catalog.search.index import index_datasets

    index_datasets(datasets)


def _render_dataset(dataset: Any) -> None:
    from radadata.catalog.search.index import render_dataset

    render_dataset(dataset)


def _bump_version() -> None:
    from radadata.catalog.search.cache import bump_version

    bump_version()


class CatalogConfig(AppConfig):
    name = "radadata.catalog"
    label = "catalog"
    verbose_name = "Catalog"

    def ready(self) -> None:
        from radadata.registry import hooks

        # The registry's services keep the search index in step without importing catalog.
        if _index_dataset not in hooks.on_dataset_changed:
            hooks.on_dataset_changed.append(_index_dataset)
        hooks.on_datasets_changed[_index_dataset] = _index_datasets
        if _render_dataset not in hooks.on_dataset_outputs_changed:
            hooks.on_dataset_outputs_changed.append(_render_dataset)

        # Whatever else the public APIs show (owners, contact people, files) makes what the
        # search and the APIs remember stale: give the catalogue a new version token.
        if _bump_version not in hooks.on_catalogue_changed:
            hooks.on_catalogue_changed.append(_bump_version)
        # A contact person's name and e-mail show in every API answer about their owner's
        # datasets; accounts must not know of the catalogue, so its saves are watched here.
        from django.db.models.signals import post_save

        from radadata.accounts.models import User

        post_save.connect(_person_saved, sender=User, dispatch_uid="catalog.person_saved")

        # How the audit log names the actions of the catalogue's services.
        from django.utils.translation import gettext_lazy as _

        from radadata.core.audit_labels import register_actions

        register_actions({
            "feedback.sent": _("feedback received"),
            "feedback.moderated": _("feedback moderated"),
            "data_request.sent": _("data request received"),
            "data_request.answered": _("data request answered"),
        })
