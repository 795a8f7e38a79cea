"""Admin: the indicator catalogue (read only: it comes from data/catalogue.json) and the
open-data imports with their values (read only; deleting an import removes its values)."""

from django.contrib import admin
from django.http import HttpRequest

from kansrijk.indicators.models import Indicator, OpenDataImport, OpenDataValue


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["code", "name_nl", "kind", "unit"]
    list_filter = ["kind", "unit"]
    search_fields = ["code", "name_nl", "name_en"]

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class OpenDataValueInline(ReadOnlyMixin, admin.TabularInline):
    model = OpenDataValue
    extra = 0
    can_delete = False
    fields = ["indicator", "region_code", "year", "numerator", "denominator", "value"]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).select_related("indicator")


@admin.register(OpenDataImport)
class OpenDataImportAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["filename", "source", "rows", "imported_by", "imported_at", "origin"]
    list_filter = ["origin"]
    search_fields = ["filename", "source"]
    readonly_fields = ["filename", "source", "rows", "imported_by", "imported_at", "origin"]
    inlines = [OpenDataValueInline]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).select_related("imported_by")
