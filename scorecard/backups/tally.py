"""What a database holds, counted: every table's rows and a checksum of the returns.

A backup carries its tally; a restore counts again and must come out the same.
"""

import datetime
import hashlib
import json

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model

# Every change to figures, commentary and state is kept in the returns app's history tables, beside the returns.
RETURNS_APP = "returns"


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, except that times keep their microseconds: a restore gives back exactly what was saved."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def stored_models() -> list[type[Model]]:
    """Each model with a table of its own, including many-to-many tables, in a stable order."""
    models = apps.get_models(include_auto_created=True)
    return sorted((m for m in models if m._meta.managed and not m._meta.proxy), key=lambda m: m._meta.db_table)


def table_counts() -> dict[str, int]:
    return {model._meta.db_table: model._base_manager.count() for model in stored_models()}


def returns_checksum() -> str:
    """SHA-256 of every row of every returns table (figures, flags, commentary, states, history), in key order."""
    digest = hashlib.sha256()
    for model in sorted(apps.get_app_config(RETURNS_APP).get_models(), key=lambda m: m._meta.db_table):
        columns = [field.attname for field in model._meta.concrete_fields]
        digest.update(model._meta.db_table.encode())
        for row in model._base_manager.order_by("pk").values_list(*columns).iterator():
            digest.update(json.dumps(row, cls=ExactJSONEncoder).encode())
    return digest.hexdigest()


def applied_migrations() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())
