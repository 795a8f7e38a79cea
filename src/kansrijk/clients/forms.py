"""Forms for client pages. They check input and hand it to services; the services decide."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kansrijk.clients import selectors
from kansrijk.clients.constants import LANGUAGE_CHOICES, ConsentPurpose
from kansrijk.regions import selectors as region_selectors

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from kansrijk.clients.models import Client, ClientIdentity
    from kansrijk.organisations.models import Organisation

# Municipalities whose neighbourhoods are all offered at once; with more, only the chosen one's.
MAX_NEIGHBOURHOOD_MUNICIPALITIES = 12

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
    """The browser's own date picker (a calendar on phones); ISO dates work everywhere."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ClientsForm(forms.Form):
    def style_widgets(self) -> None:
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


class ClientForm(ClientsForm):
    """Register a client, or change her facts (then with the version she was at)."""

    year_of_birth = forms.IntegerField(
        label=_("Year of birth"),
        help_text=_("Of the mother or parent, for example 1996."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=DateInput(), help_text=_("If she is pregnant.")
    )
    child_birth_date = forms.DateField(
        label=_("Child's date of birth"),
        required=False,
        widget=DateInput(),
        help_text=_("If the child has been born."),
    )
    municipality = forms.ChoiceField(label=_("Municipality"))
    neighbourhood = forms.ChoiceField(
        label=_("Neighbourhood"),
        required=False,
        help_text=_("Helps to find help close to home."),
    )
    language = forms.ChoiceField(label=_("Language she speaks best"), choices=LANGUAGE_CHOICES)
    interpreter_needed = forms.BooleanField(label=_("An interpreter is needed"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, organisation: Organisation | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        municipalities = list(selectors.municipality_choices(organisation=organisation))
        self.fields["municipality"].choices = [("", _("Choose a municipality"))] + [
            (m.code, m.name) for m in municipalities
        ]
        chosen_code = self.data.get(self.add_prefix("municipality")) or self.initial.get(
            "municipality"
        )
        chosen = region_selectors.municipality_get(code=chosen_code) if chosen_code else None
        if len(municipalities) > MAX_NEIGHBOURHOOD_MUNICIPALITIES:
            municipalities = []
        if chosen is not None and chosen not in municipalities:
            municipalities.append(chosen)
        choices: list[Any] = [("", _("No neighbourhood chosen"))]
        for municipality in municipalities:
            neighbourhoods = (
                region_selectors.neighbourhood_list(municipality=municipality)
                .exclude(code=None)
                .order_by("name")
            )
            options = [(n.code, n.name) for n in neighbourhoods]
            if options:
                choices.append((municipality.name, options))
        self.fields["neighbourhood"].choices = choices
        self.style_widgets()

    def clean_municipality(self):
        municipality = region_selectors.municipality_get(code=self.cleaned_data["municipality"])
        if municipality is None:
            raise ValidationError(_("Choose a municipality from the list."), code="invalid")
        return municipality

    def clean_neighbourhood(self):
        code = self.cleaned_data.get("neighbourhood")
        if not code:
            return None
        neighbourhood = region_selectors.region_get_by_code(code=code)
        if neighbourhood is None or not code.upper().startswith("BU"):
            raise ValidationError(_("Choose a neighbourhood from the list."), code="invalid")
        return neighbourhood

    def facts(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "year_of_birth",
                "due_date",
                "child_birth_date",
                "municipality",
                "neighbourhood",
                "language",
                "interpreter_needed",
            )
        }


def client_form_initial(*, client: Client) -> dict[str, Any]:
    return {
        "year_of_birth": client.year_of_birth,
        "due_date": client.due_date,
        "child_birth_date": client.child_birth_date,
        "municipality": client.municipality.code,
        "neighbourhood": client.neighbourhood.code if client.neighbourhood else "",
        "language": client.language,
        "interpreter_needed": client.interpreter_needed,
        "version": client.lock_version,
    }


class IdentityForm(ClientsForm):
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off"}),
    )
    email = forms.CharField(
        label=_("E-mail address"),
        required=False,
        max_length=500,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    address = forms.CharField(
        label=_("Address"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"autocomplete": "off"}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()
        self.fields["address"].widget.attrs["rows"] = 3


def identity_form_initial(*, identity: ClientIdentity | None) -> dict[str, Any]:
    if identity is None:
        return {"version": 0}
    return {
        "name": identity.name,
        "phone": identity.phone,
        "email": identity.email,
        "address": identity.address,
        "version": identity.lock_version,
    }


class ConsentForm(ClientsForm):
    """What she consents to, for whom, in which words. "Show the words" fills in the standard
    words for the chosen purpose and recipients; the professional reads them with her and may
    change them before recording."""

    ACTION_WORDS = "words"
    ACTION_RECORD = "record"

    purpose = forms.ChoiceField(
        label=_("What is the consent for?"),
        choices=ConsentPurpose.choices,
        widget=forms.RadioSelect,
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Which organisations may receive her details?"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Partners in the coalition of her municipality."),
    )
    words = forms.CharField(
        label=_("Her words of consent"),
        required=False,
        widget=forms.Textarea,
        help_text=_(
            "Read these words with her, in plain Dutch. Change them until they say what she "
            "agrees to. What is here is stored."
        ),
    )
    confirmed = forms.BooleanField(
        label=_("She has read or heard these words and agrees"), required=False
    )

    def __init__(
        self,
        *args: Any,
        recipients: QuerySet[Organisation],
        words_required: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = recipients
        # Asking for the standard words needs none yet; recording does.
        self.fields["words"].required = words_required
        self.fields["words"].error_messages["required"] = _(
            "Press “Show the words”, or write the words of her consent."
        )
        self.style_widgets()
        self.fields["words"].widget.attrs["rows"] = 7

    def check_record(self) -> bool:
        """For recording: she agreed."""
        if not self.cleaned_data.get("confirmed"):
            self.add_error("confirmed", _("Tick this box when she agrees."))
        return not self.errors


class WithdrawForm(ClientsForm):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea,
        help_text=_("For example: when and how she said it. No names."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()
        self.fields["note"].widget.attrs["rows"] = 3
