from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kansrijk.actionprogrammes.models import (
    ActionLine,
    ActionProgramme,
    Activity,
    ActivityReview,
    Target,
)


class ActionLineInline(admin.TabularInline):
    model = ActionLine
    extra = 0
    fields = ("number", "title", "goal")


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ("line", "indicator", "year", "value", "note")


@admin.register(ActionProgramme)
class ActionProgrammeAdmin(admin.ModelAdmin):
    list_display = ("name", "coalition", "starts_on", "ends_on", "baseline_start", "baseline_end")
    list_filter = ("coalition",)
    search_fields = ("name", "coalition__name")
    readonly_fields = ("uuid", "lock_version", "updated_at")
    inlines = [ActionLineInline, TargetInline]


class ActivityReviewInline(admin.TabularInline):
    model = ActivityReview
    extra = 0
    fields = ("reviewed_on", "findings", "adjustment", "new_phase", "by")
    raw_id_fields = ("by",)


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "title",
        "line",
        "owner_organisation",
        "status",
        "pdca_phase",
        "ends_on",
    )
    list_filter = ("status", "pdca_phase", "line__programme__coalition")
    search_fields = ("title", "line__title", "line__programme__name")
    list_select_related = ("line", "owner_organisation")
    filter_horizontal = ("indicators",)
    readonly_fields = ("uuid", "lock_version", "updated_at")
    inlines = [ActivityReviewInline]

    @admin.display(description=_("code"), ordering="line__number")
    def code(self, activity: Activity) -> str:
        return activity.code
