"""On PostgreSQL, the database itself refuses to change or delete audit entries.

The only exception is retention pruning: a transaction that sets
`hybridpeaks.audit_prune = 'on'` may delete rows older than 365 days (the minimum retention).
SQLite has no such triggers here; the model and queryset guards apply there.
"""

from django.db import migrations

# Django passes parameters to execute(), so a literal % is written %%.
CREATE = """
CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND current_setting('hybridpeaks.audit_prune', true) = 'on'
       AND OLD.created_at < now() - interval '365 days' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_logs is append-only: %% refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_logs_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_logs_no_update_or_delete ON audit_logs;
DROP FUNCTION IF EXISTS audit_logs_append_only();
"""


def run_on_postgresql(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP))]
