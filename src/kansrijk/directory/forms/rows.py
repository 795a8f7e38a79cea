"""Phones, opening hours, languages and costs of a service: one formset each, and ServiceRows
that holds them together."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from kansrijk.directory.forms.common import EditForm
from kansrijk.directory.models import (
    CostOption,
    Language,
    Phone,
    Schedule,
    Service,
)

# --- phones, opening hours, languages and costs: one formset each --------------------------------

# Dutch numbers: 10 digits from 0, 0800/090x numbers, 14 + area code; abroad: + and 8-15 digits.
PHONE_NUMBER = re.compile(r"^\+?[\d\s()-]+$")
_PHONE_DIGITS = (
    re.compile(r"^0[1-9]\d{8}$"),
    re.compile(r"^0(800|90[069])\d{4,7}$"),
    re.compile(r"^14\d{3,4}$"),
)
LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")
# HSDS (iCalendar RRULE) day codes, in the order of django.utils.dates.WEEKDAYS (Monday first).
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ROW_KEY = "key"


def _phone_number_valid(number: str) -> bool:
    if not PHONE_NUMBER.match(number):
        return False
    digits = re.sub(r"\D", "", number)
    if number.startswith("+"):
        return 8 <= len(digits) <= 15
    return any(p.match(digits) for p in _PHONE_DIGITS)


class RowForm(EditForm):
    """One phone, schedule, language or cost option. `key` (hidden) names the saved row it
    edits, so the fields this form does not show are kept."""

    model: type[models.Model]
    # Form field -> model field, for the fields that are stored as they are typed.
    stored: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[ROW_KEY] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.style_widgets()

    def row(self) -> dict[str, Any]:
        """The cleaned row as HSDS fields (without the ones this form does not edit)."""
        return {name: self.cleaned_data[name] for name in self.stored}

    @classmethod
    def row_from(cls, instance: models.Model) -> dict[str, Any]:
        """The initial form values for a saved row."""
        return {name: getattr(instance, name) for name in cls.stored}


class PhoneForm(RowForm):
    model = Phone
    stored = ("number", "description")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["number"] = forms.CharField(
            label=_("Phone number"), max_length=50, widget=forms.TextInput(attrs={"type": "tel"})
        )
        self.fields["description"] = forms.CharField(
            label=_("What is this number for?"),
            required=False,
            max_length=255,
            help_text=_("For example: for appointments, on weekdays."),
        )
        self.fields["number"].widget.attrs.update(
            {"class": "utrecht-textbox", "autocomplete": "off"}
        )
        self.style_widgets()

    def clean_number(self) -> str:
        number = " ".join(self.cleaned_data["number"].split())
        if not _phone_number_valid(number):
            raise ValidationError(
                _("Fill in a valid phone number, for example 020 123 4567."), code="phone"
            )
        return number


class ScheduleForm(RowForm):
    model = Schedule
    stored = ("opens_at", "closes_at", "description")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        time_widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
        self.fields["days"] = forms.MultipleChoiceField(
            label=_("Days"),
            choices=[(code, WEEKDAYS[n]) for n, code in enumerate(DAY_CODES)],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        self.fields["opens_at"] = forms.TimeField(
            label=_("Opens at"),
            required=False,
            widget=time_widget,
            help_text=_("For example 09:00."),
        )
        self.fields["closes_at"] = forms.TimeField(
            label=_("Closes at"),
            required=False,
            widget=time_widget,
            help_text=_("For example 17:00."),
        )
        self.fields["description"] = forms.CharField(
            label=_("Explanation"),
            required=False,
            max_length=255,
            help_text=_("For example: walk-in hour, or only by appointment."),
        )
        self.style_widgets()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The closing time must be later than the opening time."))
        if closes and not opens and "opens_at" not in self.errors:
            self.add_error("opens_at", _("Fill in the opening time too."))
        if not data.get("days") and (opens or closes):
            self.add_error("days", _("Choose on which days these hours apply."))
        if not data.get("days") and not data.get("description") and not self.errors:
            self.add_error("days", _("Choose days, or explain when the service is available."))
        return data

    def row(self) -> dict[str, Any]:
        chosen = set(self.cleaned_data["days"])
        return {
            **super().row(),
            "freq": "WEEKLY",
            "byday": ",".join(code for code in DAY_CODES if code in chosen),
        }

    @classmethod
    def row_from(cls, instance: models.Model) -> dict[str, Any]:
        days = {d.strip().upper() for d in (instance.byday or "").split(",")}
        return {**super().row_from(instance), "days": [c for c in DAY_CODES if c in days]}


class LanguageForm(RowForm):
    model = Language
    stored = ("code", "name")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"] = forms.CharField(
            label=_("Language code"),
            max_length=10,
            help_text=_("Two letters (ISO 639-1), for example nl, en, ar or tr."),
        )
        self.fields["name"] = forms.CharField(
            label=_("Name of the language"),
            required=False,
            max_length=100,
            help_text=_("For example Arabisch."),
        )
        self.style_widgets()

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().lower()
        if not LANGUAGE_CODE.match(code):
            raise ValidationError(
                _("Fill in a language code of two letters (ISO 639-1), for example nl or ar."),
                code="language_code",
            )
        return code


class CostOptionForm(RowForm):
    model = CostOption
    stored = ("option", "amount", "amount_description")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["option"] = forms.CharField(
            label=_("What is paid for"),
            required=False,
            max_length=255,
            help_text=_("For example: own contribution per session."),
        )
        self.fields["amount"] = forms.DecimalField(
            label=_("Amount in euros"),
            required=False,
            max_digits=10,
            decimal_places=2,
            localize=True,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            help_text=_("For example 12,50. Leave empty when it depends."),
        )
        self.fields["amount_description"] = forms.CharField(
            label=_("Explanation of the costs"),
            required=False,
            widget=forms.Textarea,
        )
        self.style_widgets()
        self.fields["amount_description"].widget.attrs["rows"] = 2

    def clean_amount(self) -> Any:
        amount = self.cleaned_data["amount"]
        if amount is not None and amount < 0:
            raise ValidationError(_("The amount cannot be negative."), code="negative")
        return amount

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not any(data.get(name) not in (None, "") for name in self.stored):
            self.add_error("option", _("Fill in what is paid for, an amount or an explanation."))
        return data

    def row(self) -> dict[str, Any]:
        row = super().row()
        if row["amount"] is not None:
            row["currency"] = "EUR"
        return row


class RowFormSet(forms.BaseFormSet):
    """Saved rows with a "remove" checkbox, plus empty rows to add one."""

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if forms.formsets.DELETION_FIELD_NAME in form.fields:
            form.fields[forms.formsets.DELETION_FIELD_NAME].label = _("Remove")
            form.fields[forms.formsets.DELETION_FIELD_NAME].widget.attrs["class"] = (
                "utrecht-checkbox"
            )


def _row_formset(form: type[RowForm], extra: int) -> type[forms.BaseFormSet]:
    return forms.formset_factory(
        form, formset=RowFormSet, extra=extra, can_delete=True, can_delete_extra=False
    )


# service keyword argument (also the formset prefix and related name) -> formset class, legend
ROW_FORMSETS = {
    "phones": (_row_formset(PhoneForm, 1), _("Phone numbers")),
    "schedules": (_row_formset(ScheduleForm, 2), _("Opening hours")),
    "languages": (_row_formset(LanguageForm, 1), _("Languages")),
    "cost_options": (_row_formset(CostOptionForm, 1), _("Costs")),
}


def _row_content(instance: models.Model) -> dict[str, Any]:
    # Every HSDS field of a saved row except its identity, as the services take them.
    return {
        f.name: getattr(instance, f.name)
        for f in instance._meta.concrete_fields
        if f.name not in {"id", "service"}
    }


def _schedule_keep(*, saved: Schedule, row: dict[str, Any]) -> dict[str, Any]:
    # Keep what the form cannot show: a monthly rule ("1MO": first Monday) and its frequency.
    other = [
        token
        for token in (t.strip().upper() for t in (saved.byday or "").split(","))
        if token and token not in DAY_CODES
    ]
    byday = ",".join(t for t in (row["byday"], *other) if t)
    return {**row, "byday": byday, "freq": saved.freq or row["freq"]}


class ServiceRows:
    """The phones, opening hours, languages and cost options of a service, one formset each.
    A formset that was not sent along (no management form) leaves its rows as they are."""

    def __init__(self, data: Any = None, *, service: Service | None = None) -> None:
        self.formsets: dict[str, forms.BaseFormSet] = {}
        self.legends: dict[str, str] = {}
        self.saved: dict[str, dict[str, models.Model]] = {}
        for kind, (formset_class, legend) in ROW_FORMSETS.items():
            saved = list(getattr(service, kind).all()) if service is not None else []
            self.saved[kind] = {str(row.pk): row for row in saved}
            form = formset_class.form
            initial = [{**form.row_from(row), ROW_KEY: str(row.pk)} for row in saved]
            sent = data is not None and f"{kind}-TOTAL_FORMS" in data
            # A sent formset is read from the data alone: the rows saved now may differ from
            # those the editor loaded, and must not be matched to their rows by position.
            self.formsets[kind] = (
                formset_class(data, prefix=kind)
                if sent
                else formset_class(initial=initial, prefix=kind)
            )
            self.legends[kind] = legend

    def __iter__(self):
        for kind, formset in self.formsets.items():
            yield {"kind": kind, "legend": self.legends[kind], "formset": formset}

    def is_valid(self) -> bool:
        return all(fs.is_valid() for fs in self.formsets.values() if fs.is_bound)

    def arguments(self) -> dict[str, list[dict[str, Any]]]:
        """The rows as keyword arguments of service_create / service_update; a row the form
        edits keeps the HSDS fields the form does not show."""
        arguments = {}
        for kind, formset in self.formsets.items():
            if not formset.is_bound:
                continue
            rows = []
            for number, form in enumerate(formset.forms):
                if number >= formset.initial_form_count() and not form.has_changed():
                    continue  # an empty row for adding one
                if form in formset.deleted_forms:
                    continue
                saved = self.saved[kind].get(form.cleaned_data.get(ROW_KEY) or "")
                row = {**_row_content(saved), **form.row()} if saved is not None else form.row()
                if isinstance(saved, Schedule):
                    row = _schedule_keep(saved=saved, row=row)
                rows.append(row)
            current = [_row_content(row) for row in self.saved[kind].values()]
            if sorted(map(repr, rows)) == sorted(map(repr, current)):
                continue  # the same rows, maybe in another order: nothing to save
            arguments[kind] = rows
        return arguments

    def summary_errors(self) -> list[dict[str, str]]:
        """Every error with the id of its field, for the summary at the top of the page."""
        errors = []
        for kind, formset in self.formsets.items():
            if not formset.is_bound:
                continue
            for error in formset.non_form_errors():
                errors.append(
                    {"id": f"{kind}_fieldset", "label": self.legends[kind], "error": error}
                )
            for number, form in enumerate(formset.forms, start=1):
                form_errors = form.errors  # cleans the form, so cleaned_data is there
                if form.cleaned_data.get(forms.formsets.DELETION_FIELD_NAME):
                    continue  # a row being removed need not be right
                for name, field_errors in form_errors.items():
                    bound = form[name] if name in form.fields else None
                    label = f"{self.legends[kind]} {number}"
                    if bound is not None:
                        label = f"{label}, {str(bound.label).lower()}"
                        target = bound.auto_id + ("_fieldset" if bound.use_fieldset else "")
                    else:
                        target = f"{kind}_fieldset"
                    for error in field_errors:
                        errors.append({"id": target, "label": label, "error": error})
        return errors
