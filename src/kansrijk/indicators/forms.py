"""The open-data upload form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kansrijk.indicators.opendata import MAX_FILE_BYTES


class OpenDataUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, columns separated by a semicolon or a comma; at most 10 MB."),
        error_messages={"required": _("Choose a CSV file."), "empty": _("The file is empty.")},
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv", "class": "utrecht-textbox"}),
    )
    source = forms.CharField(
        label=_("Source"),
        required=False,
        max_length=200,
        help_text=_("Where the figures come from, for example: Perined, 2023."),
        widget=forms.TextInput(attrs={"class": "utrecht-textbox"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(_("The file is too large: at most 10 MB."), code="too_large")
        return upload
