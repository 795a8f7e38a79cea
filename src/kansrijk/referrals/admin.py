"""Referrals in the management site: read-only (steps are taken on the referral pages, which
check the transition table, consent and versions), except the services' answer times."""

from django.contrib import admin
from django.http import HttpRequest

from kansrijk.referrals.models import Alert, Referral, ReferralEvent, ServiceAnswerTime


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class EventInline(admin.TabularInline):
    model = ReferralEvent
    fields = ["at", "from_status", "to_status", "organisation", "side"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Referral)
class ReferralAdmin(ReadOnlyAdmin):
    # No client, reason or free text here: the management site is not a way around access.
    list_display = ["uuid", "service_name", "status", "answer_due", "created_at"]
    list_filter = ["status"]
    fields = ["uuid", "service_name", "status", "answer_due", "alerted_at", "created_at"]
    readonly_fields = fields
    inlines = [EventInline]


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ["kind", "audience", "recipient", "created_at", "read_at"]
    fields = list_display
    readonly_fields = fields


@admin.register(ServiceAnswerTime)
class ServiceAnswerTimeAdmin(admin.ModelAdmin):
    list_display = ["service_id", "working_days"]
    search_fields = ["service_id"]
