"""Forms of the care pathway pages. Every message is Dutch (gettext); a JSON definition that
is not valid gets one message per problem, naming the step."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kansrijk.pathways.constants import ScopeKind
from kansrijk.pathways.validation import definition_problems

MAX_DMN_BYTES = 2 * 1024 * 1024
MAX_DEFINITION_CHARS = 2 * 1024 * 1024

_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select",
    forms.TextInput: "utrecht-textbox",
    forms.ClearableFileInput: "utrecht-textbox",
    forms.FileInput: "utrecht-textbox",
}


class StyledForm(forms.Form):
    def style_widgets(self) -> None:
        for field in self.fields.values():
            css = _WIDGET_CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs.setdefault("class", css)


class PathwayFilterForm(StyledForm):
    """The list's filters (GET): theme and municipality."""

    thema = forms.ChoiceField(label=_("Theme"), required=False)
    gemeente = forms.ChoiceField(
        label=_("Municipality of the client"),
        required=False,
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )

    def __init__(self, data=None, *, themes, municipalities, **kwargs):
        if data is not None:
            data = data.copy()
            if "gemeente" in data:
                data["gemeente"] = data["gemeente"].strip().upper()
        super().__init__(data, **kwargs)
        self.fields["thema"].choices = [("", _("All themes")), *themes]
        self.fields["thema"].error_messages["invalid_choice"] = _("Choose a theme from the list.")
        self.fields["gemeente"].choices = [("", _("All municipalities")), *municipalities]
        self.style_widgets()


class PathwayCreateForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.SlugField(
        label=_("Short name in the web address"),
        max_length=100,
        required=False,
        help_text=_(
            "Lower-case letters, digits and hyphens. Left empty, it is made from the title."
        ),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    theme = forms.ChoiceField(label=_("Theme"))
    scope_kind = forms.ChoiceField(
        label=_("For which area"),
        choices=ScopeKind.choices,
        widget=forms.RadioSelect,
        help_text=_("The partner organisations of the coalitions of this area agree to it."),
    )
    coalition = forms.ModelChoiceField(label=_("Coalition"), queryset=None, required=False)
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=None, required=False)
    ggd_region = forms.ModelChoiceField(label=_("GGD region"), queryset=None, required=False)

    def __init__(
        self,
        data=None,
        *,
        themes,
        coalitions: QuerySet,
        municipalities: QuerySet,
        ggd_regions: QuerySet,
        **kwargs,
    ):
        super().__init__(data, **kwargs)
        self.fields["theme"].choices = [("", _("Choose a theme")), *themes]
        self.fields["coalition"].queryset = coalitions
        self.fields["municipality"].queryset = municipalities
        self.fields["ggd_region"].queryset = ggd_regions
        for name in ("coalition", "municipality", "ggd_region"):
            self.fields[name].empty_label = _("Choose")
            self.fields[name].error_messages["invalid_choice"] = _("Choose from the list.")
        self.fields["theme"].error_messages["invalid_choice"] = _("Choose a theme from the list.")
        self.style_widgets()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("scope_kind")
        if kind and not data.get(kind):
            self.add_error(kind, _("Choose the area."))
        if not data.get("slug") and data.get("title"):
            data["slug"] = slugify(data["title"])[:100]
        return data

    def scope(self) -> dict[str, Any]:
        kind = self.cleaned_data["scope_kind"]
        # Exactly one area: the chosen kind's; the others None.
        return {
            name: self.cleaned_data.get(name) if name == kind else None for name in ScopeKind.values
        }


class PathwayDetailsForm(StyledForm):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    theme = forms.ChoiceField(label=_("Theme"))

    def __init__(self, data=None, *, themes, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["theme"].choices = themes
        self.fields["theme"].error_messages["invalid_choice"] = _("Choose a theme from the list.")
        self.style_widgets()


class VersionEditForm(StyledForm):
    """A draft's steps and tables as JSON, with a note on what changed."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput)
    definition = forms.CharField(
        label=_("Steps (JSON)"),
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "code"}),
        max_length=MAX_DEFINITION_CHARS,
        help_text=_(
            'An object with "start" (the id of the first step) and "steps" (questions, '
            "decisions and actions). The decision tables are imported below as .dmn files."
        ),
    )
    change_note = forms.CharField(
        label=_("What changed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("A short note for the partners who agree to this version."),
    )

    def __init__(self, *args, tables: dict[str, str] | None = None, **kwargs):
        # The decision tables are imported and exported as .dmn files, not typed in JSON: a
        # definition without "tables" keeps the tables the version has.
        self.tables = tables or {}
        super().__init__(*args, **kwargs)
        self.style_widgets()

    def clean_definition(self) -> dict[str, Any]:
        text = self.cleaned_data["definition"]
        try:
            definition = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(
                _("This is not valid JSON: line %(line)d, column %(column)d: %(error)s.")
                % {"line": exc.lineno, "column": exc.colno, "error": exc.msg},
                code="json",
            ) from exc
        if isinstance(definition, dict) and "tables" not in definition:
            definition["tables"] = dict(self.tables)
        problems = definition_problems(definition)
        if problems:
            raise ValidationError(problems, code="invalid_definition")
        return definition


def definition_as_text(definition: Any) -> str:
    """The steps as JSON for the editor; the decision tables are left out (they are
    imported and exported as .dmn files)."""
    shown = {k: v for k, v in definition.items() if k != "tables"}
    return json.dumps(shown, ensure_ascii=False, indent=2)


class TableImportForm(StyledForm):
    lock_version = forms.IntegerField(widget=forms.HiddenInput)
    table_key = forms.SlugField(
        label=_("Name of the table"),
        max_length=60,
        help_text=_(
            "The name the decision steps use. An existing name replaces that table. "
            "Lower-case letters, digits and hyphens."
        ),
        error_messages={
            "invalid": _("Use only lower-case letters, digits and hyphens."),
            "required": _("Give the table a name."),
        },
    )
    file = forms.FileField(
        label=_("DMN file"),
        help_text=_("A .dmn file from a DMN modeller (DMN 1.1 to 1.5)."),
        error_messages={"required": _("Choose a DMN file."), "empty": _("The file is empty.")},
        widget=forms.ClearableFileInput(attrs={"accept": ".dmn,.xml"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_DMN_BYTES:
            raise ValidationError(_("The file is too large: at most 2 MB."), code="too_large")
        return upload.read()


class ApproveForm(StyledForm):
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
        help_text=_("For example a condition or an agreement about evaluation."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


class NewDraftForm(StyledForm):
    change_note = forms.CharField(
        label=_("What do you want to change?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


class CompareForm(StyledForm):
    a = forms.TypedChoiceField(label=_("Old version"), coerce=int)
    b = forms.TypedChoiceField(label=_("New version"), coerce=int)

    def __init__(self, data=None, *, numbers: list[tuple[int, str]], **kwargs):
        super().__init__(data, **kwargs)
        for name in ("a", "b"):
            self.fields[name].choices = numbers
            self.fields[name].error_messages["invalid_choice"] = _(
                "Choose a version from the list."
            )
        self.style_widgets()
