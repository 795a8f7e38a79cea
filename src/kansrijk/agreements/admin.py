"""Agreements and partner approvals in the management site: read-only. They are written on
their own pages (/samenwerkingsafspraken/ and /zorgpaden/), which check who may do what."""

from django.contrib import admin
from django.http import HttpRequest

from kansrijk.agreements.models import AgreementDocument, AgreementVersion, PartnerApproval


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(AgreementDocument)
class AgreementDocumentAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "coalition", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["coalition"]
    search_fields = ["title"]


@admin.register(AgreementVersion)
class AgreementVersionAdmin(ReadOnlyAdmin):
    list_display = ["document", "number", "status", "evaluation_due", "adopted_at"]
    list_filter = ["status"]
    list_select_related = ["document"]
    search_fields = ["document__title"]


@admin.register(PartnerApproval)
class PartnerApprovalAdmin(ReadOnlyAdmin):
    list_display = ["subject_kind", "subject_id", "organisation", "user_name", "approved_at"]
    list_filter = ["subject_kind"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name", "user_name"]
