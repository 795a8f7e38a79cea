"""Forms of the volunteers app: the volunteer's contact log and the coordinator's follow-up."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.volunteers.constants import MAX_CONTACT_MINUTES, ContactKind, EndReason, MatchStatus


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ServiceErrorsForm(forms.Form):
    def add_service_error(self, error: ValidationError) -> None:
        """Show a ValidationError from services on its field, else at the top."""
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error)


class ContactLogForm(ServiceErrorsForm):
    contact_on = forms.DateField(label=_("Date of the contact"), widget=DateInput())
    minutes = forms.IntegerField(
        label=_("How long (minutes)"),
        min_value=1,
        max_value=MAX_CONTACT_MINUTES,
        help_text=_("For example 90 for an hour and a half."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind of contact"), choices=ContactKind.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Short note"),
        required=False,
        max_length=500,
        help_text=_("What you did together. No medical details, no surnames."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    worry = forms.BooleanField(
        label=_("I am worried about this family"),
        required=False,
        help_text=_("Only your coordinator sees this and will contact you."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_on"].initial = timezone.localdate()


class CheckInDoneForm(ServiceErrorsForm):
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ContactRouteForm(ServiceErrorsForm):
    contact_route = forms.CharField(
        label=_("Agreed contact route"),
        required=False,
        max_length=200,
        help_text=_(
            "How the volunteer and the family keep in touch, e.g. WhatsApp in the evening."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class MatchTransitionForm(ServiceErrorsForm):
    to_status = forms.ChoiceField(label=_("New status"), choices=MatchStatus.choices)
    end_reason = forms.ChoiceField(
        label=_("Reason for ending"),
        required=False,
        choices=[("", "—"), *EndReason.choices],
        help_text=_("Only when the match ends."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
