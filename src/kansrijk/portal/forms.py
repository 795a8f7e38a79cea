"""The "Ik wil hulp" form: only what the intake needs to reach her safely. No DigiD, no BSN,
no account; a phone number or an e-mail address, unless she will call herself."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.clients.constants import LANGUAGE_CHOICES
from kansrijk.portal.constants import TOPICS, ContactTime, Phase, SafeContact, SentBy

PHONE = re.compile(r"^\+?[0-9]{10,14}$")
# The honeypot: people never see it (and are told to leave it empty if they do); bots fill it.
HONEYPOT = "website_extra"


class HelpRequestForm(forms.Form):
    first_name = forms.CharField(
        label=_("Your first name"),
        max_length=50,
        help_text=_("Only your first name. A made-up name is fine too."),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=200,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    safe_contact = forms.MultipleChoiceField(
        label=_("How may we contact you safely?"),
        help_text=_("Choose what is safe for you. We will do exactly that."),
        choices=SafeContact.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    best_time = forms.ChoiceField(
        label=_("When can we reach you best?"),
        choices=ContactTime.choices,
        initial=ContactTime.ANY,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Which language do you speak best?"), choices=LANGUAGE_CHOICES
    )
    interpreter_needed = forms.BooleanField(label=_("I would like an interpreter"), required=False)
    municipality = forms.ChoiceField(label=_("Where do you live?"))
    phase = forms.ChoiceField(
        label=_("Where are you now?"),
        choices=[("", _("I would rather not say")), *Phase.choices],
        required=False,
    )
    topics = forms.MultipleChoiceField(
        label=_("What is on your mind?"),
        choices=[(t.code, t.label) for t in TOPICS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    question = forms.CharField(
        label=_("Your question in your own words"),
        help_text=_("You may write in your own language."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    sent_by = forms.ChoiceField(
        label=_("Who is filling in this form?"),
        choices=SentBy.choices,
        initial=SentBy.PARENT,
        widget=forms.RadioSelect,
    )
    helper_name = forms.CharField(
        label=_("First name of the person who helps"),
        help_text=_("Only if someone fills in this form for the parent."),
        max_length=50,
        required=False,
    )
    send_status_link = forms.BooleanField(
        label=_("Send me the link to follow my request"), required=False
    )
    consent = forms.BooleanField(
        label=_("I have read who will see my request, and I agree."),
        error_messages={
            "required": _("Tick the box if you agree. Without it we cannot send your request.")
        },
    )
    # The service she chose ("ask for help here" on a card); checked again when forwarding.
    service = forms.UUIDField(required=False, widget=forms.HiddenInput)
    website_extra = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, municipalities, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = {m.code: m for m in municipalities}
        self.fields["municipality"].choices = [(m.code, m.name) for m in municipalities]
        if len(self.municipalities) == 1:
            self.fields["municipality"].initial = next(iter(self.municipalities))
        if not self.is_bound:
            self.fields["language"].initial = language
        for name, field in self.fields.items():
            widget = field.widget
            described = [f"id_{name}_helptext"] if field.help_text else []
            if self.is_bound and name in self.errors:
                described.append(f"id_{name}_error")
            if described and not isinstance(
                widget, forms.CheckboxSelectMultiple | forms.RadioSelect
            ):
                widget.attrs["aria-describedby"] = " ".join(described)
            if isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
                widget.attrs.setdefault("class", "utrecht-select")
            elif isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("class", "utrecht-textarea")
            elif isinstance(widget, forms.TextInput | forms.EmailInput):
                widget.attrs.setdefault("class", "utrecht-textbox")
            elif isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "utrecht-checkbox")

    def clean_phone(self) -> str:
        phone = re.sub(r"[\s\-().]", "", self.cleaned_data.get("phone", ""))
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                _("Write your phone number with 10 digits, for example 0612345678.")
            )
        return phone

    def clean_municipality(self):
        code = self.cleaned_data["municipality"]
        if code not in self.municipalities:
            raise forms.ValidationError(_("Choose a place from the list."))
        return self.municipalities[code]

    def clean(self):
        data = super().clean()
        safe = set(data.get("safe_contact") or [])
        phone, email = data.get("phone"), data.get("email")
        if "phone" in data and "email" in data and not phone and not email:
            if SafeContact.I_WILL_CALL not in safe:
                self.add_error(
                    "phone",
                    _(
                        "Give a phone number or an e-mail address, or choose that you will "
                        "call us yourself."
                    ),
                )
        if SafeContact.TEXT_ONLY in safe and not phone and "phone" in data:
            self.add_error("phone", _("For text messages we need your phone number."))
        if data.get("sent_by") and data["sent_by"] != SentBy.PARENT and not data.get("helper_name"):
            self.add_error("helper_name", _("Write the first name of the person who helps."))
        if data.get("send_status_link") and not phone and not email:
            self.add_error(
                "send_status_link",
                _("To send the link we need a phone number or an e-mail address."),
            )
        return data

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())
