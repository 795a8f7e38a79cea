"""Clients in the management site: a read-only list of codes for support, nothing more.

Her facts, identity and consents are only shown on the client pages, where access is checked
and every read is audited; the management site shows no client data beyond the code, the care
team and the dates."""

from django.contrib import admin
from django.http import HttpRequest

from kansrijk.clients.models import Client


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    list_display = ["pseudonym", "organisation", "created_at", "pseudonymised_at"]
    list_select_related = ["organisation"]
    search_fields = ["pseudonym"]
    fields = ["pseudonym", "organisation", "created_at", "pseudonymised_at"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
