from django.contrib import admin

from kansrijk.network.models import (
    Attendance,
    Decision,
    Event,
    Invitation,
    PersonalFeedToken,
    Rsvp,
)


class RsvpInline(admin.TabularInline):
    model = Rsvp
    extra = 0
    raw_id_fields = ["user"]


class InvitationInline(admin.TabularInline):
    model = Invitation
    extra = 0
    raw_id_fields = ["user", "invited_by"]
    # The answer link's secret stays out of the management site.
    fields = ["user", "email", "name", "answer", "answered_at", "sent_at", "reminded_at"]
    readonly_fields = ["answered_at", "sent_at", "reminded_at"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["user", "invitation"]


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "coalition", "kind", "starts_at", "public", "cancelled_at"]
    list_filter = ["coalition", "kind", "public"]
    search_fields = ["title", "place", "theme"]
    readonly_fields = ["uuid", "lock_version", "created_at", "updated_at"]
    raw_id_fields = ["created_by"]
    inlines = [InvitationInline, RsvpInline, AttendanceInline, DecisionInline]


@admin.register(PersonalFeedToken)
class PersonalFeedTokenAdmin(admin.ModelAdmin):
    """To see and revoke links; the secret itself is not shown."""

    list_display = ["user", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    fields = ["user", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["user", "created_at", "last_used_at"]
    search_fields = ["user__username"]

    def has_add_permission(self, request) -> bool:
        return False
