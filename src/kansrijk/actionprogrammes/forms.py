"""Forms of the action programme pages. The services check the rules (dates, numbers,
versions); these forms check the shape of the input."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kansrijk.actionprogrammes.constants import (
    NAME_MAX_LENGTH,
    PHASE_HELP,
    TARGET_YEAR_MAX,
    TARGET_YEAR_MIN,
    TEXT_MAX_LENGTH,
    ActivityStatus,
    PdcaPhase,
)
from kansrijk.indicators.selectors import indicator_name

DATE_FORMAT = "%Y-%m-%d"


def _text(**attrs) -> forms.TextInput:
    return forms.TextInput(attrs={"class": "utrecht-textbox", **attrs})


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "class": "utrecht-textarea"})


def _date(label, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=[DATE_FORMAT, "%d-%m-%Y"],
        widget=forms.DateInput(
            attrs={"type": "date", "class": "utrecht-textbox"}, format=DATE_FORMAT
        ),
        error_messages={
            "required": _("Give a date."),
            "invalid": _("Give a date, like 2027-03-14."),
        },
    )


def _number(label, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        widget=forms.NumberInput(attrs={"class": "utrecht-textbox", "inputmode": "numeric"}),
        error_messages={"invalid": _("Give a whole number.")},
        **kwargs,
    )


class ProgrammeForm(forms.Form):
    coalition = forms.ChoiceField(
        label=_("Coalition"), widget=forms.Select(attrs={"class": "utrecht-select"})
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX_LENGTH,
        widget=_text(),
        error_messages={"required": _("Give the action programme a name.")},
    )
    starts_on = _date(_("Starts on"))
    ends_on = _date(_("Ends on"))
    baseline_start = _date(
        _("Baseline period: first day"),
        required=False,
        help_text=_("The period you compare later periods with, for example a whole year."),
    )
    baseline_end = _date(_("Baseline period: last day"), required=False)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=_textarea(4),
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, coalitions=(), editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["coalition"]  # a programme stays with its coalition
        else:
            self.fields["coalition"].choices = [(c.slug, c.name) for c in coalitions]


class LineForm(forms.Form):
    number = _number(pgettext_lazy("action line", "Number"), min_value=1, max_value=99)
    title = forms.CharField(
        label=_("Title"),
        max_length=NAME_MAX_LENGTH,
        widget=_text(),
        error_messages={"required": _("Give the action line a title.")},
    )
    goal = forms.CharField(
        label=_("Goal"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=_textarea(3),
        help_text=_("What the action line should bring about."),
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ActivityForm(forms.Form):
    line = forms.ModelChoiceField(
        label=_("Action line"),
        queryset=None,
        to_field_name="uuid",
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"required": _("Choose an action line of this programme.")},
    )
    number = _number(
        _("Number within the action line"),
        required=False,
        min_value=1,
        max_value=99,
        help_text=_("Leave empty for the next free number."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=NAME_MAX_LENGTH,
        widget=_text(),
        error_messages={"required": _("Give the activity a title.")},
    )
    description = forms.CharField(
        label=_("Description"), required=False, max_length=TEXT_MAX_LENGTH, widget=_textarea(4)
    )
    owner_organisation = forms.ModelChoiceField(
        label=_("Owner organisation"),
        queryset=None,
        to_field_name="uuid",
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        help_text=_("The partner organisation that makes sure the activity happens."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActivityStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a status.")},
    )
    pdca_phase = forms.ChoiceField(
        label=_("PDCA phase"),
        choices=PdcaPhase.choices,
        widget=forms.RadioSelect,
        help_text=PHASE_HELP,
        error_messages={"required": _("Choose a PDCA phase.")},
    )
    starts_on = _date(_("Starts on"), required=False)
    ends_on = _date(_("Ends on"), required=False)
    indicators = forms.ModelMultipleChoiceField(
        label=_("Indicators"),
        queryset=None,
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The indicators that show what the activity brings about."),
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, lines, organisations, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = lines
        self.fields["line"].empty_label = _("Choose an action line")
        self.fields["owner_organisation"].queryset = organisations
        self.fields["owner_organisation"].empty_label = _("No owner yet")
        self.fields["indicators"].queryset = indicators
        self.fields["indicators"].label_from_instance = indicator_name


class ReviewForm(forms.Form):
    reviewed_on = _date(_("Reviewed on"))
    findings = forms.CharField(
        label=_("What did the review find? (check)"),
        max_length=TEXT_MAX_LENGTH,
        widget=_textarea(4),
        help_text=_("Write no names or details of clients."),
        error_messages={"required": _("Write down what the review found.")},
    )
    adjustment = forms.CharField(
        label=_("What will you adjust? (act)"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=_textarea(3),
    )
    new_phase = forms.ChoiceField(
        label=_("The activity moves to phase"),
        choices=PdcaPhase.choices,
        widget=forms.RadioSelect,
        help_text=PHASE_HELP,
        error_messages={"required": _("Choose the phase the activity moves to.")},
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class TargetForm(forms.Form):
    line = forms.ModelChoiceField(
        label=_("Action line"),
        queryset=None,
        to_field_name="uuid",
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    indicator = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=None,
        to_field_name="code",
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"required": _("Choose an indicator.")},
    )
    year = _number(
        pgettext_lazy("target", "Year"),
        min_value=TARGET_YEAR_MIN,
        max_value=TARGET_YEAR_MAX,
    )
    value = forms.CharField(
        label=_("Target value"),
        max_length=20,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox", "inputmode": "decimal"}),
        help_text=_("A percentage as a number from 0 to 100; days or a count as a number."),
        error_messages={"required": _("Give the target as a number, like 90 or 12.5.")},
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500, widget=_text())

    def __init__(self, *args, lines, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = lines
        self.fields["line"].empty_label = _("The whole programme")
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].empty_label = _("Choose an indicator")
        self.fields["indicator"].label_from_instance = indicator_name

    def clean_value(self) -> str:
        # 12,5 and 12.5 both mean twelve and a half; the service checks the number.
        return self.cleaned_data["value"].strip().replace(" ", "").replace(",", ".")


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete this target"),
        error_messages={"required": _("Tick the box to confirm.")},
    )
