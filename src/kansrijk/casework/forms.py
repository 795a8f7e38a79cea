from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.casework.constants import (
    AgeBand,
    DiscussionMode,
    DuePrecision,
    LegalBasis,
    MeetingKind,
    Phase,
)
from kansrijk.screening.constants import Domain


class CaseSubmitForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("How will the case be discussed?"),
        choices=DiscussionMode.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _(
                "Choose how the case is discussed: anonymous, named with consent, or named "
                "without consent on a legal basis."
            )
        },
        help_text=_("There is no default: choose each time."),
    )
    client = forms.ChoiceField(
        label=_("Client (only for a named case)"), required=False, choices=()
    )
    age_band = forms.ChoiceField(label=_("Age of the mother"), choices=AgeBand.choices)
    phase = forms.ChoiceField(label=_("Phase"), choices=Phase.choices)
    municipality = forms.ChoiceField(label=_("Municipality"), choices=())
    neighbourhood = forms.ChoiceField(
        label=_("Neighbourhood"),
        required=False,
        choices=(),
        help_text=_("Leave it out when she could be recognised by it."),
    )
    due_precision = forms.ChoiceField(
        label=_("How precisely do you give the due date?"),
        choices=DuePrecision.choices,
        required=False,
    )
    domains = forms.MultipleChoiceField(
        label=_("Signalled domains"),
        choices=Domain.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one signalled domain.")},
    )
    question = forms.CharField(
        label=_("Your question for the consultation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("No names, addresses or dates: the question is read by every member."),
    )
    legal_basis = forms.ChoiceField(
        label=_("Legal basis (only when named without consent)"),
        required=False,
        choices=[("", "—"), *LegalBasis.choices],
    )
    justification = forms.CharField(
        label=_("Justification (only when named without consent)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    second_approver = forms.ChoiceField(
        label=_("Second approver (only when named without consent)"), required=False, choices=()
    )
    recognisable_checked = forms.BooleanField(
        label=_("I checked the details: she cannot be recognised from them."), required=False
    )

    def __init__(self, *args, clients, municipalities, neighbourhoods, approvers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client"].choices = [("", "—"), *clients]
        self.fields["municipality"].choices = [("", "—"), *municipalities]
        self.fields["neighbourhood"].choices = [("", "—"), *neighbourhoods]
        self.fields["second_approver"].choices = [("", "—"), *approvers]


class AgendaForm(forms.Form):
    cases = forms.MultipleChoiceField(
        label=_("Cases for the agenda"),
        widget=forms.CheckboxSelectMultiple,
        choices=(),
        error_messages={"required": _("Choose at least one case for the agenda.")},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].choices = candidates


class MinutesForm(forms.Form):
    seen = forms.CharField(
        label=_("What we see"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    conclusions = forms.CharField(
        label=_("Conclusions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    lead_user = forms.ChoiceField(
        label=_("Case lead (regiehouder)"),
        choices=(),
        error_messages={
            "required": _("Name a case lead (regiehouder): every discussed case needs one.")
        },
    )
    follow_up_on = forms.DateField(
        label=_("Discuss again from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    outcome_summary = forms.CharField(
        label=_("Outcome for the submitter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Without clinical detail: the submitter gets this by e-mail."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_user"].choices = [("", "—"), *people]


class AgreementForm(forms.Form):
    description = forms.CharField(
        label=_("Agreement"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Who does what. Write no names of clients."),
    )
    owner = forms.ChoiceField(
        label=_("Owner"),
        choices=(),
        error_messages={"required": _("An agreement needs an owner: choose who will do it.")},
    )
    due_on = forms.DateField(label=_("Due by"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "—"), *people]


class MeetingPlanForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=MeetingKind.choices,
        widget=forms.RadioSelect,
        initial=MeetingKind.REGULAR,
        help_text=_("An urgent consultation takes cases submitted after the agenda closed."),
    )
    place = forms.CharField(label=_("Place or online link"), required=False, max_length=200)
