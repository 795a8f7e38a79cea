from django import forms
from django.utils.translation import gettext_lazy as _


class DashboardFilterForm(forms.Form):
    """The dashboard's filters (GET). Anything unknown falls back to the default view rather
    than an error: the filters are links people bookmark and share."""

    gebied = forms.CharField(label=_("Area"), required=False, max_length=20)
    jaar = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    vergelijk = forms.CharField(label=_("Compare areas on"), required=False, max_length=40)
    periode = forms.CharField(label=_("Trends per"), required=False, max_length=10)

    def cleaned_choices(self) -> dict:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "gebied": data.get("gebied") or "",
            "jaar": data.get("jaar"),
            "vergelijk": data.get("vergelijk") or "",
            "periode": data.get("periode") or "",
        }
