from django.core.management.base import BaseCommand

from logging_app.demo import DEMO_PASSWORD, seed_demo
from training.catalog import load_system_catalog


class Command(BaseCommand):
    help = "Load the exercise catalog and the demo people, plans and logs (idempotent)."

    def handle(self, *args, **options):
        load_system_catalog()
        logins = seed_demo()
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for role, email in logins:
            self.stdout.write(f"  {role:<8} {email}")
