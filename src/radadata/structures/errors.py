"""The structures' own errors: typed, with a stable code and a Ukrainian message."""

from __future__ import annotations

from django.utils.translation import gettext as _

from radadata.core.errors import NotFound, ValidationFailed


class StructureNotFound(NotFound):
    """No shipped structure has this id; the message names the nearest ones."""

    def __init__(self, ident: str, near: list[str]):
        message = _("There is no national structure “%(id)s”.") % {"id": ident}
        if near:
            message += " " + _("Did you mean: %(near)s?") % {"near": ", ".join(near)}
        else:
            message += " " + _("See the list: radadata structures list.")
        super().__init__(message, code="structure_not_found")
        self.ident, self.near = ident, near


class SchemaInvalid(ValidationFailed):
    """A structure file (CSVW, Table Schema, Data Package) that cannot be used."""

    def __init__(self, message: str):
        super().__init__(message, code="schema_invalid")
