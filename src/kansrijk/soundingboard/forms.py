"""Forms of the sounding board pages. They check input and hand it to services; the services
decide. Every edit form carries the version the coordinator saw (optimistic locking)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kansrijk.clients.constants import LANGUAGE_CHOICES
from kansrijk.soundingboard.constants import AdviceOutcome, ContactRoute, ExpenseKind

_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select",
    forms.CheckboxInput: "utrecht-checkbox",
    forms.TextInput: "utrecht-textbox",
    forms.NumberInput: "utrecht-textbox",
    forms.EmailInput: "utrecht-textbox",
    forms.DateInput: "utrecht-textbox",
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class BoardForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = _WIDGET_CLASSES.get(type(field.widget)) or _WIDGET_CLASSES.get(
                type(field.widget).__mro__[1]
            )
            if css:
                field.widget.attrs.setdefault("class", css)
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 4)

    def add_service_error(self, error: ValidationError) -> None:
        """Show a ValidationError from services on its field, else at the top."""
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error)


class MemberForm(BoardForm):
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        max_length=40,
        help_text=_("The name everyone sees, for example “Ouder A”. Never her real name."),
    )
    contact_route = forms.ChoiceField(
        label=_("Agreed contact route"),
        choices=[("", _("Not agreed yet")), *ContactRoute.choices],
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages she speaks"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    interpreter_needed = forms.BooleanField(label=_("She needs an interpreter"), required=False)
    childcare_needed = forms.BooleanField(label=_("She needs childcare"), required=False)
    joined_on = forms.DateField(label=_("Joined on"), widget=DateInput())
    left_on = forms.DateField(
        label=_("Left on"),
        widget=DateInput(),
        required=False,
        help_text=_("Only when she has left the sounding board."),
    )


class ConsentForm(BoardForm):
    given_on = forms.DateField(label=_("Date of her consent"), widget=DateInput())
    purpose = forms.CharField(
        label=_("What she gives consent for"),
        widget=forms.Textarea,
        help_text=_(
            "In her words, for example: “You may keep my first name and phone number to invite "
            "me to the meetings.”"
        ),
    )


class IdentityForm(BoardForm):
    first_name = forms.CharField(label=_("First name"), max_length=200, required=False)
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = forms.CharField(
        label=_("E-mail address"),
        max_length=200,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    contact_note = forms.CharField(
        label=_("How to reach her"),
        max_length=200,
        required=False,
        help_text=_("For example: through the JGZ nurse, or not before 10 in the morning."),
    )


class SessionForm(BoardForm):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    place = forms.CharField(label=_("Place"), max_length=200)
    theme = forms.CharField(label=_("Theme"), max_length=200)
    childcare_arranged = forms.BooleanField(label=_("Childcare is arranged"), required=False)
    interpreter_arranged = forms.BooleanField(label=_("An interpreter is arranged"), required=False)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)


class AttendanceForm(BoardForm):
    def __init__(self, *args: Any, members: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attended"] = forms.MultipleChoiceField(
            label=_("Who came"),
            choices=[(str(member.uuid), member.pseudonym) for member in members],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )


class ExpenseForm(BoardForm):
    def __init__(self, *args: Any, members: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {
            "member": forms.ChoiceField(
                label=_("Member"),
                choices=[(str(member.uuid), member.pseudonym) for member in members],
                widget=forms.Select(attrs={"class": "utrecht-select"}),
            ),
            "kind": forms.ChoiceField(
                label=_("Kind"),
                choices=ExpenseKind.choices,
                widget=forms.Select(attrs={"class": "utrecht-select"}),
            ),
            # Text, not a number field: a Dutch comma ("12,50") is read as well.
            "amount": forms.CharField(
                label=_("Amount in euros"),
                max_length=12,
                widget=forms.TextInput(attrs={"class": "utrecht-textbox", "inputmode": "decimal"}),
            ),
            "paid_on": forms.DateField(
                label=_("Paid on"),
                widget=DateInput(attrs={"class": "utrecht-textbox"}),
                required=False,
                help_text=_("Leave empty when it still has to be paid."),
            ),
        }

    def clean_amount(self) -> str:
        return self.cleaned_data["amount"].strip().replace("€", "").replace(",", ".").strip()


class MarkPaidForm(BoardForm):
    paid_on = forms.DateField(label=_("Paid on"), widget=DateInput())


class AdviceRequestForm(BoardForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    question = forms.CharField(
        label=_("The question for the parents"),
        widget=forms.Textarea,
        help_text=_("Write it in plain language (B1): the parents read it."),
    )
    deadline = forms.DateField(label=_("Advice wanted by"), widget=DateInput())


class AdviceForm(BoardForm):
    advice = forms.CharField(label=_("The parents' advice"), widget=forms.Textarea)
    given_on = forms.DateField(label=_("Date of the advice"), widget=DateInput())


class AnswerForm(BoardForm):
    outcome = forms.ChoiceField(
        label=_("What the coalition did with the advice"),
        choices=AdviceOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the coalition did with the advice.")},
    )
    answer = forms.CharField(
        label=_("Why, and what happens now"),
        widget=forms.Textarea,
        error_messages={
            "required": _(
                "Explain what the coalition did with the advice and why. Parents read this."
            )
        },
        help_text=_("This answer is public on the “You said, we did” page. Write for parents."),
    )
    answered_on = forms.DateField(label=_("Date of the answer"), widget=DateInput())
    activity = forms.ModelChoiceField(
        label=_("Activity in the action programme"),
        queryset=None,
        required=False,
        empty_label=_("None"),
        help_text=_("The activity this answer led to. Parents see its name."),
    )
    action_line_reference = forms.CharField(
        label=_("Action programme line"),
        max_length=200,
        required=False,
        help_text=_("Where this is in the action programme, for example “Actielijn 2.3”."),
    )

    def __init__(self, *args: Any, activities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
        self.fields["activity"].label_from_instance = lambda a: f"{a.code} {a.title}"
