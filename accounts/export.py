"""Everything the service holds about a person, as one JSON document (the right of access).

Each app describes its own data in a `personal_data` module with `export(user) -> dict`;
this module gathers them, so no app needs to import the apps to its right.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import transaction
from django.utils import timezone

import audit

FORMAT_VERSION = 1


def personal_data(user) -> dict:
    document = {"format": FORMAT_VERSION, "exportedAt": timezone.now().isoformat()}
    for config in apps.get_app_configs():
        module_name = f"{config.name}.personal_data"
        if find_spec(module_name) is not None:
            document.update(import_module(module_name).export(user))
    return document


@transaction.atomic
def export_personal_data(*, user, request=None) -> dict:
    """The export, audited as `data_export` (the entry itself is part of the next export)."""
    document = personal_data(user)
    audit.record("data_export", user, entity=user, request=request)
    return document
