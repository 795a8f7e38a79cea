"""Django's `flush`, which empties the whole database, able to empty the audit log on SQLite.

On SQLite `flush` deletes row by row, which the append-only triggers refuse (PostgreSQL
truncates, which row triggers do not see). Emptying the whole database on purpose, as Django's
transactional tests do after each test, may empty the audit log too, so on SQLite this drops
the triggers for the flush and puts them back exactly as they were, whatever the outcome.
"""

from django.core.management.commands import flush
from django.db import DEFAULT_DB_ALIAS, connections

from kansrijk.audit.models import AuditEvent


class Command(flush.Command):
    def handle(self, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [AuditEvent._meta.db_table],
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
        try:
            return super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                for _name, sql in triggers:
                    cursor.execute(sql)
