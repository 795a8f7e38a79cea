"""Forms of the referral pages. The services check the transition table, consent and versions;
these forms only check the shape of the input."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.referrals.constants import MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH, ReferralStatus


def _textarea(rows: int = 3, **attrs) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "class": "utrecht-textarea", **attrs})


class ServiceSearchForm(forms.Form):
    """Step 2 of referring: find a service for her municipality."""

    q = forms.CharField(
        label=_("Search the sociale kaart"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "utrecht-textbox", "type": "search"}),
    )
    thema = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select"}),
    )

    def __init__(self, *args, themes: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes")), *themes]


class ReferralCreateForm(forms.Form):
    client = forms.ChoiceField(
        label=_("Client"),
        widget=forms.Select(attrs={"class": "utrecht-select"}),
        help_text=_("The client code, as on her page."),
    )
    service = forms.UUIDField(widget=forms.HiddenInput)
    follow_up_of = forms.UUIDField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("What is the question for the other organisation?"),
        help_text=_("Describe the situation and what help is needed. Do not write names."),
        max_length=REASON_MAX_LENGTH,
        widget=_textarea(rows=5),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, clients: list[tuple[str, str]], themes: list[tuple[str, str]], **kw):
        super().__init__(*args, **kw)
        self.fields["client"].choices = [("", _("Choose a client")), *clients]
        self.fields["themes"].choices = themes


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(choices=ReferralStatus.choices, widget=forms.HiddenInput)
    lock_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=_textarea(),
        help_text=_("The other side reads this on the timeline. No names."),
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=_textarea(),
        help_text=_("What did the support achieve? No names."),
    )
    support_started_on = forms.DateField(
        label=_("Support started on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}),
        help_text=_("Empty: today."),
    )


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Question for the referring organisation"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=_textarea(),
        help_text=_("Ask what you need to know to decide. No names."),
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=_textarea(),
    )


class LoopCloseForm(forms.Form):
    lock_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=_textarea(rows=2),
        help_text=_("For example: the family does not want other help now."),
    )
