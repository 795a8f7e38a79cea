"""Setting up a case consultation on the management site: its name, case code prefix, when the
agenda closes, and its standing members. Cases and minutes are not here: they are client data,
seen only through the audited pages."""

from django.contrib import admin

from kansrijk.casework.models import Consultation, ConsultationMember, Meeting


class MemberInline(admin.TabularInline):
    model = ConsultationMember
    extra = 1
    raw_id_fields = ["user"]


class MeetingInline(admin.TabularInline):
    model = Meeting
    extra = 0
    fields = ["kind", "starts_at", "ends_at", "place", "status"]
    readonly_fields = ["status"]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["name", "coalition", "code_prefix", "submission_days_before"]
    list_filter = ["coalition"]
    search_fields = ["name"]
    inlines = [MemberInline, MeetingInline]
