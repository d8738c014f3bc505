"""How the audit log reads to a person: an action's name, and each change as
"field label: old → new" with the labels and choice names the forms use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _

from radadata.core.models import AuditEntry

#: Every action the services record. A new action without a label shows its code.
ACTION_LABELS = {
    "approved_list.added": _("entry added to the approved list"),
    "approved_list.removed": _("entry removed from the approved list"),
    "approved_list.updated": _("approved list entry changed"),
    "council.updated": _("council details changed"),
    "dataset.published": _("dataset published"),
    "dataset.registered": _("dataset entered in the registry"),
    "dataset.updated": _("passport changed"),
    "dataset.archived": _("dataset marked as no longer updated"),
    "dataset.restored": _("dataset updated again (no longer archived)"),
    "owner.created": _("owner added"),
    "owner.member_added": _("role at the owner given"),
    "owner.member_removed": _("role at the owner removed"),
    "owner.updated": _("owner changed"),
    "resource.created": _("file added"),
    "resource.version_added": _("new version of a file uploaded"),
    "theme.renamed": _("theme renamed"),
    "token.created": _("API token created"),
    "token.revoked": _("API token revoked"),
    "user.created": _("person registered"),
    "user.deactivated": _("person deactivated (access ended)"),
    "user.reactivated": _("person reactivated"),
    "user.roles_changed": _("roles changed"),
    "user.updated": _("person's details changed"),
}

#: Change keys that are not model fields.
EXTRA_LABELS = {
    "keywords": _("keywords"),
    "themes": _("themes"),
    "roles": _("roles"),
    "sessions_ended": _("sessions ended"),
    "tokens_revoked": _("API tokens revoked"),
    "version": _("version"),
    # A new file version records its facts (registry.services.resources.version_add).
    "sha256": "SHA-256",
    "size": _("size, bytes"),
    "format": _("format"),
    "responsible": _("owner's responsible person"),
    "substitute": _("substitute of the responsible person"),
    "editor": _("owner editor (may upload to the portal, §6.8)"),
}


def register_actions(labels: dict[str, Any]) -> None:
    """Apps whose services record further actions add their labels here (in ready())."""
    ACTION_LABELS.update(labels)


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _show(value: Any, field: models.Field | None) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def readable_changes(entry: AuditEntry) -> list[Change]:
    try:
        model = apps.get_model(entry.object_type)
    except (LookupError, ValueError):
        model = None
    result = []
    for key, pair in (entry.changes or {}).items():
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        field = _field(model, key)
        if key in EXTRA_LABELS:
            label = str(EXTRA_LABELS[key])
        elif field is not None:
            label = str(field.verbose_name)
        else:
            label = key
        change = Change(label=label, old=_show(old, field), new=_show(new, field))
        if change.old != change.new:  # a new object's empty fields say nothing
            result.append(change)
    return result
