"""Prints the demo's sign-ins, for `make run`: python -m scorecard.demo.logins"""

from django.conf import settings

from scorecard.demo.loader import read_yaml


def logins_text() -> str:
    organisation = read_yaml(settings.DEMO_DIR / "organisation.yaml")
    lines = [
        "Derby demo sign-ins (password for all: {}):".format(organisation["password"]),
        *(
            f"  {person['username']:<22} {person['role'].replace('_', ' ')}"
            + (f", {person['directorate']}" if person.get("directorate") else "")
            for person in organisation["users"]
        ),
        "Open http://127.0.0.1:8000 ; the administration pages are at http://127.0.0.1:8000/admin/",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scorecard.settings")

    django.setup()
    print(logins_text())
