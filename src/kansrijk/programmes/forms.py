"""Forms of the group pages. The services check the rules (overlaps, consent, places); these
forms check the shape of the input."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.programmes.constants import AttendanceStatus

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def _text(**attrs) -> forms.TextInput:
    return forms.TextInput(attrs={"class": "utrecht-textbox", **attrs})


def _date_field(label, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}),
        error_messages={
            "required": _("Give a date."),
            "invalid": _("Give a date, like 2027-03-14."),
        },
    )


def _link_field() -> forms.URLField:
    return forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "utrecht-textbox"}),
        error_messages={"invalid": _("Give a web address, like https://video.example.nl/groep.")},
    )


class SessionMoveForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("New date and start time"),
        input_formats=[DATETIME_LOCAL, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local", "class": "utrecht-textbox"}, format=DATETIME_LOCAL
        ),
        error_messages={
            "required": _("Give a date and time."),
            "invalid": _("Give a date and time, like 2027-03-14 15:00."),
        },
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=200, widget=_text())
    online_link = _link_field()
    version = forms.IntegerField(widget=forms.HiddenInput)


class AttendanceForm(forms.Form):
    """One choice per participant with a place; a blank one is left as it was."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[self.field_name(row.enrolment)] = forms.ChoiceField(
                label=row.enrolment.client.pseudonym,
                required=False,
                choices=AttendanceStatus.choices,
                initial=row.status or None,
                widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button"}),
            )

    @staticmethod
    def field_name(enrolment) -> str:
        return f"attendance-{enrolment.pk}"

    def statuses(self) -> dict[int, str]:
        return {
            row.enrolment.pk: self.cleaned_data[self.field_name(row.enrolment)]
            for row in self.rows
            if self.cleaned_data.get(self.field_name(row.enrolment))
        }


class FollowUpDoneForm(forms.Form):
    note = forms.CharField(
        label=_("What came out of the call"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "utrecht-textarea"}),
        help_text=_("Short, without medical details."),
    )


class ContinueForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Continues as"),
        queryset=None,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={"required": _("Choose the programme of the follow-on group.")},
    )
    name = forms.CharField(
        label=_("Name of the follow-on group"),
        max_length=200,
        widget=_text(),
        error_messages={"required": _("Give the follow-on group a name.")},
    )
    start_date = _date_field(_("Start date"))
    place = forms.CharField(label=_("Place"), required=False, max_length=200, widget=_text())
    online_link = _link_field()

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes


YES_NO = [("yes", _("Yes, she agrees to move on")), ("no", _("No, she does not move on"))]


class ContinuationAnswerForm(forms.Form):
    """One yes/no per participant not asked yet; a blank one stays open."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = [row for row in rows if row.answer is None]
        for row in self.rows:
            self.fields[f"answer-{row.enrolment.pk}"] = forms.ChoiceField(
                label=row.code,
                required=False,
                choices=YES_NO,
                widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button"}),
            )

    def answers(self) -> dict[int, bool]:
        return {
            row.enrolment.pk: self.cleaned_data[f"answer-{row.enrolment.pk}"] == "yes"
            for row in self.rows
            if self.cleaned_data.get(f"answer-{row.enrolment.pk}")
        }


FIRST_CHILD_CHOICES = [
    ("unknown", _("Not known yet")),
    ("yes", _("Yes, her first child")),
    ("no", _("No, not her first child")),
]


class EnrolForm(forms.Form):
    """Step one of enrolling: whom, and the one fact the client record does not hold. The
    client is sent as her public id; the view looks her up through who may see her (404)."""

    client = forms.UUIDField(
        label=_("Client"),
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        error_messages={
            "required": _("Choose a client."),
            "invalid": _("Choose a client from the list."),
        },
    )
    first_child = forms.ChoiceField(
        label=_("Is this her first child?"),
        required=False,
        choices=FIRST_CHILD_CHOICES,
        initial="unknown",
        help_text=_("Some programmes are only for a first child. Ask her if you do not know."),
        widget=forms.RadioSelect(attrs={"class": "utrecht-radio-button"}),
    )
    referral = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, clients, **kwargs):
        super().__init__(*args, **kwargs)
        # Client codes only: the pseudonym is all a group needs to know.
        self.fields["client"].widget.choices = [("", _("Choose a client")), *clients]

    def first_child_answer(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("first_child") or "unknown")


class EnrolConfirmForm(EnrolForm):
    """Step two: the same answers, sent again with the group's version she checked against."""

    version = forms.IntegerField(widget=forms.HiddenInput)
