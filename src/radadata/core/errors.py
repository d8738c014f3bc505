"""Typed domain errors. Each has a stable code, an HTTP status and a message for the user.

"Not allowed for you" (403) and "impossible in this state" (409) are different classes; the only
place that turns them into HTTP is core.http (pages) and api.errors (the JSON API).
"""

from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    code: ClassVar[str] = "error"
    status: ClassVar[int] = 400

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field
        if code:
            self.code = code

    def as_dict(self) -> dict:
        data = {"code": self.code, "message": self.message}
        if self.field:
            data["field"] = self.field
        return data


class ValidationFailed(DomainError):
    """Input breaks a rule; `errors` maps field names to messages."""

    code = "validation_failed"
    status = 422

    def __init__(self, errors: dict[str, list[str]] | str, *, code: str | None = None):
        if isinstance(errors, str):
            errors = {"__all__": [errors]}
        self.errors = {key: [str(m) for m in msgs] for key, msgs in errors.items()}
        first = next(iter(self.errors.values()))[0]
        super().__init__(first, code=code)

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "errors": self.errors}


class NotAllowed(DomainError):
    code = "not_allowed"
    status = 403


class NotFound(DomainError):
    code = "not_found"
    status = 404


class Conflict(DomainError):
    """The action is impossible in the object's current state."""

    code = "conflict"
    status = 409
