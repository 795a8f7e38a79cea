from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.actions.constants import Disposition


class DisposeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What happened?"),
        choices=Disposition.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what happened with this agreement.")},
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when circumstances changed. Write no names of clients."),
    )
    new_due_on = forms.DateField(
        label=_("New due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Only when the agreement stays open."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
    next = forms.CharField(widget=forms.HiddenInput, required=False)
