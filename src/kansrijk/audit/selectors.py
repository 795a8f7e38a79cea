from django.db.models import QuerySet

from kansrijk.audit.models import AuditEvent


def audit_events_for_object(*, object_type: str, object_id: str) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=object_type, object_id=object_id)
