"""The sociale kaart in the management site.

Organisations are created and changed here (through services.py, so the change history is
kept); services and locations are edited on the editing pages (/sociale-kaart/beheer/), which
check versions and access, so here they are read-only with a link there. The history
(metadata) can never be changed.
"""

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.urls import reverse

from kansrijk.directory import services
from kansrijk.directory.models import (
    Location,
    Metadata,
    Organization,
    Service,
    Taxonomy,
    TaxonomyTerm,
)


def _actor(request: HttpRequest) -> str:
    return request.user.email or request.user.get_username()


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "managed_by", "email", "website"]
    list_filter = ["managed_by"]
    list_select_related = ["managed_by"]
    search_fields = ["name", "alternate_name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = [
        "name",
        "alternate_name",
        "description",
        "managed_by",
        "email",
        "website",
        "legal_status",
        "parent_organization",
    ]

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        # Removing an organisation removes its services; mark services defunct instead.
        return False

    def save_model(
        self, request: HttpRequest, obj: Organization, form: ModelForm, change: bool
    ) -> None:
        values = {name: form.cleaned_data[name] for name in self.fields}
        if change:
            changed = {name: values[name] for name in form.changed_data if name in values}
            updated = services.organization_update(
                organization=obj, updated_by=_actor(request), **changed
            )
        else:
            updated = services.organization_create(updated_by=_actor(request), **values)
        obj.pk = updated.pk
        obj.refresh_from_db()


@admin.register(Service)
class ServiceAdmin(ReadOnlyAdmin):
    list_display = ["name", "organization", "status", "capacity_status", "assured_date"]
    list_filter = ["status", "capacity_status", "self_referral"]
    list_select_related = ["organization"]
    search_fields = ["name", "organization__name"]

    def view_on_site(self, obj: Service) -> str:
        return reverse("directory:service_edit", kwargs={"service_id": obj.pk})


@admin.register(Location)
class LocationAdmin(ReadOnlyAdmin):
    list_display = ["name", "organization", "municipality", "is_confidential"]
    list_filter = ["is_confidential"]
    list_select_related = ["organization", "municipality"]
    search_fields = ["name", "organization__name"]

    def view_on_site(self, obj: Location) -> str:
        return reverse("directory:location_edit", kwargs={"location_id": obj.pk})


@admin.register(Metadata)
class MetadataAdmin(ReadOnlyAdmin):
    list_display = [
        "last_action_date",
        "resource_type",
        "field_name",
        "last_action_type",
        "updated_by",
    ]
    list_filter = ["resource_type", "last_action_type"]
    search_fields = ["resource_id", "updated_by", "field_name"]
    date_hierarchy = "last_action_date"


class TaxonomyTermInline(admin.TabularInline):
    model = TaxonomyTerm
    fields = ["code", "name", "description"]
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Taxonomy)
class TaxonomyAdmin(ReadOnlyAdmin):
    """The shipped taxonomy has fixed ids (see kansrijke_start_taxonomy.py): not editable here."""

    list_display = ["name", "version"]
    inlines = [TaxonomyTermInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Taxonomy]:
        return super().get_queryset(request).prefetch_related("terms")
