from django import forms
from django.utils.translation import gettext_lazy as _

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(
            attrs={
                "class": TEXTBOX,
                "autocomplete": "username",
                "autocapitalize": "none",
                "autofocus": True,
            }
        ),
        error_messages={"required": _("Fill in your username.")},
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(
            attrs={
                "class": f"{TEXTBOX} utrecht-textbox--password",
                "autocomplete": "current-password",
            }
        ),
        error_messages={"required": _("Fill in your password.")},
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your app"),
        help_text=_("The 6 digits your authenticator app shows now."),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "class": f"{TEXTBOX} utrecht-textbox--numeric",
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "size": 8,
            }
        ),
        error_messages={"required": _("Fill in the code from your app.")},
    )

    def clean_code(self) -> str:
        # Apps show the code as "123 456"; people type it that way too.
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError(
                _("The code has 6 digits. Fill in only the digits."), code="format"
            )
        return code
