from django.contrib import admin

from kansrijk.network.models import Attendance, Event, Rsvp


class RsvpInline(admin.TabularInline):
    model = Rsvp
    extra = 0
    raw_id_fields = ["user"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "coalition", "kind", "starts_at", "public", "cancelled_at"]
    list_filter = ["coalition", "kind", "public"]
    search_fields = ["title", "place"]
    readonly_fields = ["uuid", "lock_version", "created_at", "updated_at"]
    raw_id_fields = ["created_by"]
    inlines = [RsvpInline, AttendanceInline]
