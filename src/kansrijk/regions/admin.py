"""Regions come from CBS open data (`kansrijk regions ...`): the management site shows and
searches them, but does not edit them, so no code is ever typed in by hand."""

from django.contrib import admin
from django.http import HttpRequest

from kansrijk.regions.models import (
    District,
    GGDRegion,
    Municipality,
    Neighbourhood,
    Province,
    SafetyRegion,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Province)
class ProvinceAdmin(ReadOnlyAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(GGDRegion)
class GGDRegionAdmin(ReadOnlyAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(SafetyRegion)
class SafetyRegionAdmin(ReadOnlyAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Municipality)
class MunicipalityAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "province", "ggd_region", "safety_region"]
    list_filter = ["province"]
    list_select_related = ["province", "ggd_region", "safety_region"]
    search_fields = ["code", "name"]


@admin.register(District)
class DistrictAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "municipality", "inhabitants"]
    list_select_related = ["municipality"]
    search_fields = ["code", "name", "municipality__name", "municipality__code"]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "district", "municipality", "inhabitants"]
    list_select_related = ["municipality", "district"]
    search_fields = ["code", "name", "municipality__name", "municipality__code"]
