"""The database itself refuses UPDATE and DELETE on audit events, on SQLite and PostgreSQL.

Someone with owner rights on the database can still drop these triggers; `kansrijk audit
verify` then shows what was changed. Emptying the whole database stays possible: PostgreSQL's
TRUNCATE (Django's `flush`) passes row triggers, and on SQLite the audit app's own `flush`
command lifts these triggers while it empties the database.
"""

from django.db import migrations
from django.db.migrations.operations.base import Operation

TABLE = "audit_auditevent"
MESSAGE = "audit events are append-only"

SQLITE_CREATE = [
    f"""CREATE TRIGGER {TABLE}_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}: UPDATE refused'); END""",
    f"""CREATE TRIGGER {TABLE}_no_delete BEFORE DELETE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}: DELETE refused'); END""",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_no_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_delete",
]

# ERRCODE restrict_violation (23001) makes both databases raise an IntegrityError in Django.
POSTGRESQL_CREATE = [
    f"""CREATE OR REPLACE FUNCTION {TABLE}_refuse_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}: % refused', TG_OP USING ERRCODE = 'restrict_violation';
    END;
    $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {TABLE}_refuse_change()""",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_refuse_change()",
]


class RunSQLForVendor(Operation):
    """RunSQL with one list of statements per database vendor (`sqlmigrate` shows them)."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, sql: dict[str, list[str]], reverse_sql: dict[str, list[str]]):
        self.sql = sql
        self.reverse_sql = reverse_sql

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._run(schema_editor, self.sql)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._run(schema_editor, self.reverse_sql)

    def describe(self):
        return "Refuse UPDATE and DELETE on audit events"

    @staticmethod
    def _run(schema_editor, statements: dict[str, list[str]]) -> None:
        vendor = schema_editor.connection.vendor
        if vendor not in statements:
            raise NotImplementedError(f"no append-only triggers for {vendor}")
        for statement in statements[vendor]:
            # No parameters: the PL/pgSQL text holds a literal % placeholder of its own.
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_nen7513_hash_chain"),
    ]

    operations = [
        RunSQLForVendor(
            sql={"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE},
            reverse_sql={"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP},
        ),
    ]
