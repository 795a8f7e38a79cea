"""Programmes' rules are edited in the management site; groups are shown there too, but
enrolments only through the services (they lock the group and keep the waiting list)."""

from django.contrib import admin

from kansrijk.programmes.models import Group, Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "session_count", "group_size_min", "group_size_max"]
    search_fields = ["name", "code"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "coalition", "start_date", "capacity", "status"]
    list_filter = ["programme", "coalition", "status"]
    search_fields = ["name"]
    filter_horizontal = ["facilitators"]
