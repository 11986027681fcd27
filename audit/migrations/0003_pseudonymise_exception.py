"""The append-only trigger's second exception: pseudonymising a deleted person's entries.

A transaction that sets `hybridpeaks.audit_pseudonymise = 'on'` may UPDATE an entry only to
remove what identifies someone: the IP address and user agent stay or become NULL, metadata
may only lose keys, and the action, entity type and time stay as they were. Everything else is still
refused, as is a DELETE outside the retention prune (migration 0002).
"""

from importlib import import_module

from django.db import migrations

previous = import_module("audit.migrations.0002_append_only_trigger")

# Django passes parameters to execute(), so a literal % is written %%.
CREATE = """
CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND current_setting('hybridpeaks.audit_prune', true) = 'on'
       AND OLD.created_at < now() - interval '365 days' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE'
       AND current_setting('hybridpeaks.audit_pseudonymise', true) = 'on'
       AND NEW.id = OLD.id
       AND NEW.action = OLD.action
       AND NEW.created_at = OLD.created_at
       AND NEW.entity_type IS NOT DISTINCT FROM OLD.entity_type
       AND (NEW.ip_address IS NULL OR NEW.ip_address = OLD.ip_address)
       AND (NEW.user_agent IS NULL OR NEW.user_agent = OLD.user_agent)
       AND (NEW.metadata IS NULL OR OLD.metadata @> NEW.metadata) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_logs is append-only: %% refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_trigger")]

    # Back: drop the trigger and its function, and put 0002's (prune-only) pair back.
    operations = [
        migrations.RunPython(
            previous.run_on_postgresql(CREATE),
            previous.run_on_postgresql(previous.DROP + previous.CREATE),
        )
    ]
