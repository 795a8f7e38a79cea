"""What an attacker with write access to the database could do, for the tests. Call these
inside a test's transaction: the rollback at the end of the test puts the triggers back."""

from django.db import connection

TABLE = "audit_auditevent"


def guards_drop() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER {TABLE}_append_only ON {TABLE}")
        else:
            cursor.execute(f"DROP TRIGGER {TABLE}_no_update")
            cursor.execute(f"DROP TRIGGER {TABLE}_no_delete")


def raw_execute(sql: str, params: list | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])


def detail_overwrite(*, sequence: int, detail_json: str) -> None:
    cast = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    raw_execute(f"UPDATE {TABLE} SET detail = {cast} WHERE sequence = %s", [detail_json, sequence])
