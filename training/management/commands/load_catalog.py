from django.core.management.base import BaseCommand

from training.catalog import CATALOG_PATH, load_system_catalog


class Command(BaseCommand):
    help = "Load the system exercise catalog from fixtures/exercises.json (idempotent)."

    def handle(self, *args, **options):
        created, updated = load_system_catalog()
        self.stdout.write(
            f"Exercise catalog {CATALOG_PATH.name}: {created} created, {updated} updated."
        )
