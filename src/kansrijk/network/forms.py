"""Forms of the meeting pages. The services check the rules (times, partners, versions);
these forms check the shape of the input."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.network.constants import EventKind, RsvpAnswer

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def _text(**attrs) -> forms.TextInput:
    return forms.TextInput(attrs={"class": "utrecht-textbox", **attrs})


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "class": "utrecht-textarea"})


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


class EventForm(forms.Form):
    coalition = forms.ChoiceField(
        label=_("Coalition"), widget=forms.Select(attrs={"class": "utrecht-select"})
    )
    kind = forms.ChoiceField(
        label=_("Kind of meeting"),
        choices=EventKind.choices,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        widget=_text(),
        error_messages={"required": _("Give the event a title.")},
    )
    theme = forms.CharField(
        label=_("Theme"),
        required=False,
        max_length=200,
        widget=_text(),
        help_text=_("What the meeting is about, for example poverty and debts."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=_textarea(4),
        help_text=_("Shown in the invitation and, for a public event, in the agenda."),
    )
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
    public = forms.BooleanField(
        label=_("Public: in the coalition's agenda and its calendar feed"), required=False
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, coalitions=(), editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            # An event stays in its coalition.
            del self.fields["coalition"]
        else:
            self.fields["coalition"].choices = [(c.slug, c.name) for c in coalitions]


class CancelForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    notify = forms.BooleanField(
        label=_("E-mail the invitees that the event is cancelled"), required=False, initial=True
    )


class InviteForm(forms.Form):
    users = forms.ModelMultipleChoiceField(
        label=_("People of the partner organisations"),
        queryset=None,
        to_field_name="uuid",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    emails = forms.CharField(
        label=_("Other people, by e-mail address"),
        required=False,
        widget=_textarea(3),
        help_text=_("One address per line. They answer with a link in the e-mail."),
    )

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = users
        self.fields["users"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.username} ({user.organisation.name})"
        )

    def addresses(self) -> list[str]:
        text = self.cleaned_data.get("emails") or ""
        return [line for line in text.replace(",", "\n").replace(";", "\n").splitlines()]


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Will you come?"),
        choices=RsvpAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Answer yes, no or maybe.")},
    )


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("What was decided"),
        widget=_textarea(3),
        help_text=_("Write no names or details of clients."),
        error_messages={"required": _("Write down the decision.")},
    )


class ActionItemForm(forms.Form):
    description = forms.CharField(
        label=_("Agreement"),
        widget=_textarea(2),
        help_text=_("Who does what. Write no names or details of clients."),
        error_messages={"required": _("Write down what was agreed.")},
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=None,
        to_field_name="uuid",
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"required": _("An agreement needs an owner: choose who will do it.")},
    )
    due_on = forms.DateField(
        label=_("To be done by"),
        widget=forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}),
        error_messages={"required": _("Give a due date.")},
    )

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = users
        self.fields["owner"].empty_label = _("Choose the owner")
        self.fields["owner"].label_from_instance = lambda user: (
            f"{user.get_full_name() or user.username} ({user.organisation.name})"
        )
