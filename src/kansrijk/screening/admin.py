from django import forms
from django.contrib import admin

from kansrijk.screening.models import InstrumentText, ScreeningCutoff
from kansrijk.screening.services import cutoff_validate


class ScreeningCutoffAdminForm(forms.ModelForm):
    class Meta:
        model = ScreeningCutoff
        fields = ["coalition", "instrument", "phase", "elevated", "high", "note"]

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        found = cutoff_validate(
            instrument=cleaned.get("instrument", instance.instrument),
            phase=cleaned.get("phase", instance.phase),
            elevated=cleaned.get("elevated"),
            high=cleaned.get("high"),
        )
        if "instrument" in cleaned:
            cleaned["instrument"] = found.code  # "EPDS" -> "epds"
        return cleaned


@admin.register(ScreeningCutoff)
class ScreeningCutoffAdmin(admin.ModelAdmin):
    form = ScreeningCutoffAdminForm
    list_display = ["coalition", "instrument", "phase", "elevated", "high", "set_by", "set_at"]
    list_filter = ["instrument", "phase", "coalition"]
    readonly_fields = ["set_by", "set_at"]

    def get_readonly_fields(self, request, obj=None):
        # The key of an existing row stays; change the values, or delete it and add a new one.
        if obj is not None:
            return [*self.readonly_fields, "coalition", "instrument", "phase"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        obj.set_by = request.user
        if change:
            obj.lock_version += 1
        super().save_model(request, obj, form, change)


@admin.register(InstrumentText)
class InstrumentTextAdmin(admin.ModelAdmin):
    list_display = ["instrument", "language", "item", "source", "imported_at"]
    list_filter = ["instrument", "language"]
    readonly_fields = [f.name for f in InstrumentText._meta.fields]

    def has_add_permission(self, request):
        return False  # imported as a whole set: `kansrijk screening import-texts`
