"""Care pathways in the management site: read-only. Pathways are made, edited, agreed to and
retired on their own pages (/zorgpaden/), which check versions, access and the definition.
The partners' approvals are in the coalition agreements' shared approval record."""

from django.contrib import admin
from django.http import HttpRequest

from kansrijk.pathways.models import Pathway, PathwayVersion, PathwayVersionEdit


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class VersionInline(admin.TabularInline):
    model = PathwayVersion
    fields = ["number", "status", "created_at", "approved_at", "retired_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Pathway)
class PathwayAdmin(ReadOnlyAdmin):
    list_display = ["title", "theme", "coalition", "municipality", "ggd_region", "updated_at"]
    list_filter = ["theme"]
    list_select_related = ["coalition", "municipality", "ggd_region"]
    search_fields = ["title", "slug"]
    inlines = [VersionInline]


@admin.register(PathwayVersion)
class PathwayVersionAdmin(ReadOnlyAdmin):
    list_display = ["pathway", "number", "status", "created_at", "approved_at", "retired_at"]
    list_filter = ["status"]
    list_select_related = ["pathway"]
    search_fields = ["pathway__title"]


@admin.register(PathwayVersionEdit)
class PathwayVersionEditAdmin(ReadOnlyAdmin):
    list_display = ["version", "user_name", "edited_at", "lock_version"]
    list_select_related = ["version__pathway"]
