"""Forms of the training pages. The services check the rules (register numbers, places,
versions); these forms check the shape of the input."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.trainings.constants import (
    REGISTER_RULES,
    AccreditationStatus,
    EditionStatus,
    Profession,
    Register,
)

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def _text(**attrs) -> forms.TextInput:
    return forms.TextInput(attrs={"class": "utrecht-textbox", **attrs})


def _select() -> forms.Select:
    return forms.Select(attrs={"class": "utrecht-select"})


def _moment(label) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local", "class": "utrecht-textbox"}, format=DATETIME_LOCAL
        ),
        error_messages={
            "required": _("Give a date and time."),
            "invalid": _("Give a date and time, like 2027-03-14 15:00."),
        },
    )


def _register_help() -> str:
    return " ".join(
        f"{label}: {REGISTER_RULES[code].number_label} ({REGISTER_RULES[code].example})."
        for code, label in Register.choices
    )


class CourseForm(forms.Form):
    coalition = forms.ChoiceField(label=_("Coalition"), widget=_select())
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        widget=_text(),
        error_messages={"required": _("Give the training a title.")},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "utrecht-textarea"}),
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=0.25,
        max_digits=5,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox", "step": "0.25"}),
        help_text=_("The accredited length of one edition, without breaks."),
        error_messages={
            "required": _("Give the number of hours, like 3 or 6.5."),
            "invalid": _("Give the number of hours, like 3 or 6.5."),
        },
    )
    target_professions = forms.MultipleChoiceField(
        label=_("For which professions"),
        choices=Profession.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, coalitions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coalition"].choices = [(c.slug, c.name) for c in coalitions]


class AccreditationForm(forms.Form):
    register = forms.ChoiceField(
        label=_("Quality register"), choices=Register.choices, widget=_select()
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=AccreditationStatus.choices, widget=_select()
    )
    accreditation_id = forms.CharField(
        label=_("Accreditation number"),
        required=False,
        max_length=60,
        widget=_text(),
        help_text=_("The number the register gave, e.g. the PE-online activity number."),
    )
    points = forms.DecimalField(
        label=_("Points"),
        min_value=0,
        max_digits=5,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox", "step": "0.5"}),
        error_messages={
            "required": _("Give the number of points, like 4 or 6.5."),
            "invalid": _("Give the number of points, like 4 or 6.5."),
        },
    )


class EditionForm(forms.Form):
    starts_at = _moment(_("Starts at"))
    ends_at = _moment(_("Ends at"))
    place = forms.CharField(label=_("Place"), required=False, max_length=300, widget=_text())
    online_link = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "utrecht-textbox"}),
        error_messages={"invalid": _("Give a full web address, starting with https://.")},
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox"}),
        error_messages={
            "required": _("An edition has at least 1 place."),
            "min_value": _("An edition has at least 1 place."),
        },
    )
    status = forms.ChoiceField(label=_("Status"), choices=EditionStatus.choices, widget=_select())
    public = forms.BooleanField(
        label=_("Public: in the coalition's agenda and its calendar feed"), required=False
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class _RegisterFields(forms.Form):
    profession = forms.ChoiceField(
        label=_("Profession"),
        choices=[("", _("Choose a profession")), *Profession.choices],
        widget=_select(),
        error_messages={"required": _("Choose a profession from the list.")},
    )
    register = forms.ChoiceField(
        label=_("Register for the points"),
        choices=[("", _("No register")), *Register.choices],
        required=False,
        widget=_select(),
    )
    register_number = forms.CharField(
        label=_("Registration number"),
        required=False,
        max_length=30,
        widget=_text(autocomplete="off", inputmode="numeric"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["register_number"].help_text = _register_help()


class RegistrationForm(_RegisterFields):
    """A coordinator registers someone (often from outside Kansrijk) by name."""

    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        widget=_text(autocomplete="off"),
        error_messages={"required": _("Give the participant's name.")},
    )
    organisation_name = forms.CharField(
        label=_("Organisation"), required=False, max_length=200, widget=_text()
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"class": "utrecht-textbox"}),
        error_messages={"invalid": _("Give a valid e-mail address, like naam@example.nl.")},
    )

    field_order = ["name", "organisation_name", "email", "profession", "register"]


class SelfRegistrationForm(_RegisterFields):
    """A professional registers themselves."""
