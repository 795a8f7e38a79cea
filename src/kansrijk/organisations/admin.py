from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from kansrijk.organisations.models import Coalition, Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "municipality"]
    list_filter = ["domain"]
    list_select_related = ["municipality"]
    search_fields = ["name"]
    autocomplete_fields = ["municipality"]
    readonly_fields = ["uuid"]


@admin.register(Coalition)
class CoalitionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug", "municipalities__name", "municipalities__code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipalities", "members"]
    readonly_fields = ["uuid"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Coalition]:
        return super().get_queryset(request).prefetch_related("municipalities")
