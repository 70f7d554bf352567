"""Run under production settings (see conftest.production): requests through the whole middleware stack,
answered as a proxy would pass them on, printed as JSON for the tests to read.

    python -m tests.production.respond
"""

import json

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.templatetags.static import static  # noqa: E402
from django.test import Client  # noqa: E402

from scorecard.accounts.models import User  # noqa: E402

OVER_HTTPS = {"x-forwarded-proto": "https"}  # what nginx adds (docs/deploy.md)
PASSWORD = "a-long-production-password"


def described(response) -> dict:
    return {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {
            name: {"secure": bool(c["secure"]), "httponly": bool(c["httponly"]), "samesite": c["samesite"]}
            for name, c in response.cookies.items()
        },
    }


def main() -> None:
    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
    User.objects.create_user("reader", password=PASSWORD)
    responses = {
        "sign_in_page": client.get("/accounts/login/", headers=OVER_HTTPS),
        "signed_in": client.post("/accounts/login/", {"username": "reader", "password": PASSWORD}, headers=OVER_HTTPS),
        "plain_http": client.get("/accounts/login/"),
        "stylesheet": client.get(static("scorecard/scorecard.css"), headers=OVER_HTTPS),
    }
    print(json.dumps({name: described(response) for name, response in responses.items()}))


if __name__ == "__main__":
    main()
