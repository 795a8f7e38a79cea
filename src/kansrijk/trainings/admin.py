from django.contrib import admin

from kansrijk.trainings.models import Accreditation, Course, Edition, Registration


class AccreditationInline(admin.TabularInline):
    model = Accreditation
    extra = 0
    raw_id_fields = ["edition"]


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "coalition", "hours"]
    inlines = [AccreditationInline]


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    raw_id_fields = ["user", "created_by"]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["course", "starts_at", "capacity", "status", "public"]
    list_filter = ["status", "public"]
    inlines = [RegistrationInline]
