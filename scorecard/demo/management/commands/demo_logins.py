from django.conf import settings
from django.core.management.base import BaseCommand

from scorecard.demo.loader import read_yaml


class Command(BaseCommand):
    help = "Print the Derby demo's sign-ins."

    def handle(self, *args, **options):
        organisation = read_yaml(settings.DEMO_DIR / "organisation.yaml")
        self.stdout.write(f"Derby demo sign-ins (the password for each is {organisation['password']}):")
        for person in organisation["users"]:
            role = person["role"].replace("_", " ")
            where = f", {person['directorate']}" if person.get("directorate") else ""
            self.stdout.write(f"  {person['username']:<22} {role}{where}")
        self.stdout.write("Open http://127.0.0.1:8000/ ; the administration pages are at http://127.0.0.1:8000/admin/")
