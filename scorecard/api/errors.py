"""Every refusal the API gives, as a Problem: a sentence for a person and each field at fault."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from scorecard.returns.services import Refused, StaleReturn


class NotFound(HttpError):
    def __init__(self, message: str):
        super().__init__(404, message)


class Forbidden(HttpError):
    def __init__(self, message: str):
        super().__init__(403, message)


class Invalid(Exception):
    """What was sent breaks the rules: each field at fault with its message, as the web words it."""

    def __init__(self, errors: list[dict]):
        super().__init__("The request has mistakes.")
        self.errors = errors

    @classmethod
    def of(cls, form) -> Invalid:
        return cls(
            [
                {"field": "request" if name == "__all__" else name, "message": message}
                for name, messages in form.errors.items()
                for message in messages
            ]
        )


def problem(api: NinjaAPI, request, status: int, detail: str, errors: list | None = None):
    return api.create_response(request, {"detail": detail, "errors": errors or []}, status=status)


def where(location: tuple) -> str:
    """Pydantic's error location ("body", "change", "actual") as the field a person would name."""
    names = [str(part) for part in location if part not in ("body", "query", "path")]
    return ".".join(names[1:] if len(names) > 1 else names) or "request"


def handle_errors(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def invalid_request(request, error: ValidationError):
        errors = [{"field": where(tuple(e.get("loc", ()))), "message": e.get("msg", "")} for e in error.errors]
        return problem(api, request, 422, "The request has mistakes.", errors)

    @api.exception_handler(Invalid)
    def invalid_form(request, error: Invalid):
        return problem(api, request, 422, str(error), error.errors)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, error):
        detail = "Give a valid API token as 'Authorization: Bearer sc_…'; create one on your API tokens page."
        return problem(api, request, 401, detail)

    @api.exception_handler(HttpError)
    def http_error(request, error: HttpError):
        return problem(api, request, error.status_code, str(error))

    @api.exception_handler(StaleReturn)
    def stale(request, error: StaleReturn):
        detail = (
            "Someone else saved this return since you read it: read it again and send your change with its new version."
        )
        return problem(api, request, 409, detail)

    @api.exception_handler(Refused)
    def refused(request, error: Refused):
        return problem(api, request, 400, str(error))
