"""Forms of the agreement pages; every message Dutch (gettext)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.agreements.constants import DocumentKind

MAX_TEXT_CHARS = 200_000

_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select",
    forms.TextInput: "utrecht-textbox",
    forms.DateInput: "utrecht-textbox",
}


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = _WIDGET_CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs.setdefault("class", css)


def _text_field() -> forms.CharField:
    return forms.CharField(
        label=_("Text"),
        max_length=MAX_TEXT_CHARS,
        widget=forms.Textarea(attrs={"rows": 20}),
        help_text=_(
            "Plain text. Start a heading with #, a list item with a dash (-). An empty line "
            "starts a new paragraph."
        ),
        error_messages={"required": _("Write the text of the agreement.")},
    )


def _evaluation_field() -> forms.DateField:
    return forms.DateField(
        label=_("Evaluation date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "When the partners look back on this agreement together. The coordinators get a "
            "reminder 30 days before."
        ),
        error_messages={"invalid": _("Enter a date, for example 31-12-2027.")},
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
    )


def _change_note_field() -> forms.CharField:
    return forms.CharField(
        label=_("What changed in this version?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DocumentCreateForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("Kind of agreement"),
        choices=DocumentKind.choices,
        error_messages={"invalid_choice": _("Choose a kind of agreement.")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the agreement a title.")},
    )
    text = _text_field()
    evaluation_due = _evaluation_field()


class VersionEditForm(StyledForm):
    text = _text_field()
    change_note = _change_note_field()
    evaluation_due = _evaluation_field()
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class EvaluationForm(StyledForm):
    evaluation_due = _evaluation_field()
    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class SignForm(StyledForm):
    position = forms.CharField(
        label=_("Your position"),
        required=False,
        max_length=200,
        help_text=_("For example director, alderman or team manager."),
    )
    remark = forms.CharField(
        label=_("Remark"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CommentForm(StyledForm):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your comment.")},
    )


class LockForm(forms.Form):
    """A confirming POST (start consultation, adopt) that carries the version it saw."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput)


class CompareForm(StyledForm):
    a = forms.TypedChoiceField(label=_("Older version"), coerce=int)
    b = forms.TypedChoiceField(label=_("Newer version"), coerce=int)

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, str(n)) for n in numbers]
        for name in ("a", "b"):
            self.fields[name].choices = choices
            self.fields[name].error_messages["invalid_choice"] = _(
                "Choose a version from the list."
            )
