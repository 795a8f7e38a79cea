"""Forms for editing the sociale kaart. Labels come from the models' verbose names, so they
are Dutch with the rest of the UI; the forms only validate, services.py writes."""

import re
from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from kansrijk.directory.constants import (
    LINK_TYPE_ELIGIBILITY,
    LINK_TYPE_PHASE,
    LINK_TYPE_THEME,
    PHASE_TAXONOMY,
    TARGET_GROUP_TAXONOMY,
    THEME_TAXONOMY,
    CapacityStatus,
)
from kansrijk.directory.kansrijke_start_taxonomy import TAXONOMIES, taxonomy_id
from kansrijk.directory.models import (
    CostOption,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    TaxonomyTerm,
)
from kansrijk.directory.services import service_term_codes
from kansrijk.regions import selectors as region_selectors

MAX_WAIT_WEEKS = 104
POSTCODE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")

# Form field -> (taxonomy, attribute link type) for the three Kansrijke Start taxonomies.
TERM_FIELDS = {
    "themes": (THEME_TAXONOMY, LINK_TYPE_THEME),
    "target_groups": (TARGET_GROUP_TAXONOMY, LINK_TYPE_ELIGIBILITY),
    "phases": (PHASE_TAXONOMY, LINK_TYPE_PHASE),
}
# Form field -> service keyword argument.
COLLECTION_ARGUMENTS = {
    "themes": "theme_codes",
    "target_groups": "target_group_codes",
    "phases": "phase_codes",
    "areas": "area_codes",
    "locations": "location_ids",
}
SERVICE_SCALAR_FIELDS = (
    "name",
    "description",
    "status",
    "eligibility_description",
    "application_process",
    "self_referral",
    "capacity_status",
    "capacity_wait_weeks",
    "url",
    "email",
    "fees_description",
)

_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select",
    forms.CheckboxInput: "utrecht-checkbox",
    forms.TextInput: "utrecht-textbox",
    forms.NumberInput: "utrecht-textbox",
    forms.EmailInput: "utrecht-textbox",
    forms.URLInput: "utrecht-textbox",
}


class EditForm(forms.Form):
    """Fields are built in the subclasses' __init__ (choices come from the database), which
    then call style_widgets() to add the NL Design System classes."""

    def style_widgets(self) -> None:
        for field in self.fields.values():
            widget = field.widget
            css = _WIDGET_CLASSES.get(type(widget))
            if css:
                widget.attrs.setdefault("class", css)
            if isinstance(widget, forms.Textarea):
                widget.attrs["rows"] = 4

    def add_service_error(self, error: ValidationError) -> None:
        """Show a services.py ValidationError on the matching field, else at the top."""
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error)


def _model_field(model, name: str, **overrides: Any) -> forms.Field:
    field = model._meta.get_field(name).formfield(**overrides)
    return field


def term_choices(taxonomy_code: str) -> list[tuple[str, str]]:
    # In the order the taxonomy lists them (phases follow time), other terms after those.
    order = {code: n for n, (code, _n, _d) in enumerate(TAXONOMIES[taxonomy_code][2])}
    terms = TaxonomyTerm.objects.filter(taxonomy_id=taxonomy_id(taxonomy_code))
    terms = sorted(terms, key=lambda t: (order.get(t.code, len(order)), t.name))
    return [(t.code, t.name) for t in terms]


def area_municipalities(
    *, partner_ids: Iterable[int] | None, extra_codes: Iterable[str] = ()
) -> QuerySet:
    """The municipalities that make sense as service areas: those of the coalitions the
    partner organisations are in, their own municipality, and those already chosen. With
    `partner_ids` None (an administrator): all coalitions' municipalities."""
    extra = {"GM" + code[2:6] for code in extra_codes if code}
    municipalities = region_selectors.municipality_list()
    if partner_ids is None:
        wanted = Q(coalitions__isnull=False)
    else:
        partner_ids = list(partner_ids)
        wanted = Q(coalitions__members__in=partner_ids)
        own = Organization.objects.filter(managed_by__in=partner_ids).values(
            "managed_by__municipality"
        )
        wanted |= Q(pk__in=own)
    return municipalities.filter(wanted | Q(code__in=extra)).distinct().order_by("name")


def area_choices(*, municipalities: Iterable) -> list:
    """Grouped choices per municipality: the whole municipality, its districts and
    neighbourhoods. Only regions with a CBS code can be chosen (codes are never invented)."""
    choices = []
    for municipality in municipalities:
        options = [(municipality.code, _("%(name)s (whole municipality)") % {"name": municipality})]
        districts = region_selectors.district_list(municipality=municipality).exclude(code=None)
        neighbourhoods = (
            region_selectors.neighbourhood_list(municipality=municipality)
            .exclude(code=None)
            .order_by("district__name", "name")
        )
        by_district: dict[int | None, list] = {}
        for neighbourhood in neighbourhoods:
            by_district.setdefault(neighbourhood.district_id, []).append(neighbourhood)
        for district in districts.order_by("name"):
            options.append((district.code, _("District %(name)s") % {"name": district.name}))
            for neighbourhood in by_district.pop(district.pk, []):
                options.append(
                    (
                        neighbourhood.code,
                        _("Neighbourhood %(name)s (district %(district)s)")
                        % {"name": neighbourhood.name, "district": district.name},
                    )
                )
        for rest in by_district.values():
            for neighbourhood in rest:
                options.append(
                    (neighbourhood.code, _("Neighbourhood %(name)s") % {"name": neighbourhood.name})
                )
        choices.append((municipality.name, options))
    return choices


def _only(queryset: QuerySet) -> Any:
    """The one choice when there is only one (most editors work for one organisation)."""
    first_two = list(queryset[:2])
    return first_two[0].pk if len(first_two) == 1 else None


def location_label(location: Location, *, with_organization: bool = False) -> str:
    label = location.name or str(location.pk)
    if with_organization and location.organization_id:
        label = f"{label} ({location.organization.name})"
    if location.is_confidential:
        label = _("%(location)s, confidential address") % {"location": label}
    return label


class ServiceForm(EditForm):
    """Create or edit a service. `organizations` are those the user may edit; with a
    `service` the form edits it and carries its version (optimistic locking)."""

    def __init__(
        self,
        *args: Any,
        organizations: QuerySet[Organization],
        locations: QuerySet[Location],
        municipalities: Iterable,
        service: Service | None = None,
        **kwargs: Any,
    ) -> None:
        self.service = service
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = {}
        if service is None:
            fields["organization"] = forms.ModelChoiceField(
                label=_("Organisation"),
                queryset=organizations,
                empty_label=_("Choose an organisation"),
                initial=_only(organizations),
            )
        for name in SERVICE_SCALAR_FIELDS:
            extra = {"assume_scheme": "https"} if name == "url" else {}
            fields[name] = _model_field(Service, name, **extra)
        fields["name"].widget.attrs["autocomplete"] = "off"
        fields["status"].choices = [c for c in fields["status"].choices if c[0]]
        fields["capacity_status"] = forms.ChoiceField(
            label=_("Takes referrals now?"),
            choices=CapacityStatus.choices,
            widget=forms.RadioSelect,
            initial=CapacityStatus.OPEN,
        )
        fields["capacity_wait_weeks"] = forms.IntegerField(
            label=_("Expected wait in weeks"),
            help_text=_("Only for a waiting list."),
            required=False,
            min_value=1,
            max_value=MAX_WAIT_WEEKS,
        )
        fields["self_referral"].help_text = _("Parents can sign up themselves, without a referral.")
        fields["application_process"].help_text = _(
            "What a professional or a parent does to get this help."
        )
        for name, label in (
            ("themes", _("Themes")),
            ("target_groups", _("Target groups")),
            ("phases", _("Phases")),
        ):
            fields[name] = forms.MultipleChoiceField(
                label=label,
                choices=term_choices(TERM_FIELDS[name][0]),
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        fields["areas"] = forms.MultipleChoiceField(
            label=_("Where the service is offered"),
            help_text=_("Choose whole municipalities, or districts and neighbourhoods."),
            choices=area_choices(municipalities=municipalities),
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        self.location_objects = {str(loc.pk): loc for loc in locations}
        with_organization = len({loc.organization_id for loc in locations}) > 1
        fields["locations"] = forms.MultipleChoiceField(
            label=_("Locations"),
            choices=[
                (pk, location_label(loc, with_organization=with_organization))
                for pk, loc in self.location_objects.items()
            ],
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        if service is not None:
            fields["version"] = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
        self.fields = fields
        self.style_widgets()

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        status = data.get("capacity_status")
        if status == CapacityStatus.WAITING_LIST:
            if data.get("capacity_wait_weeks") is None and "capacity_wait_weeks" not in self.errors:
                self.add_error(
                    "capacity_wait_weeks",
                    _("Fill in the expected wait in weeks, because there is a waiting list."),
                )
        elif status:
            data["capacity_wait_weeks"] = None
        organization = self.service.organization if self.service else data.get("organization")
        if organization is not None:
            foreign = [
                self.location_objects[pk]
                for pk in data.get("locations", [])
                if self.location_objects[pk].organization_id != organization.pk
            ]
            if foreign:
                self.add_error(
                    "locations", _("Choose only locations of the organisation of this service.")
                )
        return data

    def service_arguments(self) -> dict[str, Any]:
        """The cleaned data as keyword arguments of service_create / service_update."""
        data = self.cleaned_data
        arguments = {name: data[name] for name in SERVICE_SCALAR_FIELDS}
        for field, argument in COLLECTION_ARGUMENTS.items():
            arguments[argument] = list(data[field])
        return arguments


def service_form_initial(*, service: Service) -> dict[str, Any]:
    initial = {name: getattr(service, name) for name in SERVICE_SCALAR_FIELDS}
    for field, (_taxonomy, link_type) in TERM_FIELDS.items():
        initial[field] = service_term_codes(service=service, link_type=link_type)
    initial["areas"] = sorted(
        (a.neighbourhood or a.district or a.municipality).code
        for a in service.service_areas.select_related("municipality", "district", "neighbourhood")
        if a.neighbourhood or a.district or a.municipality
    )
    initial["locations"] = [
        str(pk) for pk in service.service_at_locations.values_list("location_id", flat=True)
    ]
    initial["version"] = service.version
    return initial


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
    # Every HSDS field of a saved row except its identity, as services.py takes them.
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


class LocationForm(EditForm):
    """Create or edit a location with its visiting address and the confidential flag."""

    def __init__(
        self,
        *args: Any,
        organizations: QuerySet[Organization] | None = None,
        neighbourhood_municipalities: Iterable = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = {}
        if organizations is not None:
            fields["organization"] = forms.ModelChoiceField(
                label=_("Organisation"),
                queryset=organizations,
                empty_label=_("Choose an organisation"),
                initial=_only(organizations),
            )
        fields["name"] = _model_field(Location, "name", required=True)
        fields["description"] = _model_field(Location, "description")
        fields["address_1"] = forms.CharField(
            label=_("Street and number"), max_length=255, required=False
        )
        fields["postal_code"] = forms.CharField(
            label=_("Postcode"), max_length=7, required=False, help_text=_("For example 1234 AB.")
        )
        fields["city"] = forms.CharField(label=_("Place"), max_length=255, required=False)
        fields["municipality"] = forms.ChoiceField(
            label=_("Municipality"),
            choices=[("", _("Choose a municipality"))]
            + [(m.code, m.name) for m in region_selectors.municipality_list().order_by("name")],
        )
        neighbourhood_choices: list = [("", _("No neighbourhood chosen"))]
        municipalities = list(neighbourhood_municipalities)
        # The neighbourhoods of the chosen municipality can always be chosen.
        chosen = self.data.get(self.add_prefix("municipality")) or self.initial.get("municipality")
        chosen = region_selectors.municipality_get(code=chosen) if chosen else None
        if chosen is not None and chosen not in municipalities:
            municipalities.append(chosen)
        for municipality in municipalities:
            neighbourhoods = (
                region_selectors.neighbourhood_list(municipality=municipality)
                .exclude(code=None)
                .order_by("name")
            )
            neighbourhood_choices.append(
                (municipality.name, [(n.code, n.name) for n in neighbourhoods])
            )
        fields["neighbourhood"] = forms.ChoiceField(
            label=_("Neighbourhood"), choices=neighbourhood_choices, required=False
        )
        fields["transportation"] = _model_field(Location, "transportation")
        fields["is_confidential"] = _model_field(Location, "is_confidential")
        self.fields = fields
        self.style_widgets()

    def clean_postal_code(self) -> str:
        value = self.cleaned_data["postal_code"]
        if not value:
            return ""
        match = POSTCODE.match(value)
        if not match:
            raise ValidationError(_("Fill in a postcode like 1234 AB."), code="postcode")
        return f"{match.group(1)} {match.group(2).upper()}"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        address_fields = ("address_1", "postal_code", "city")
        given = [name for name in address_fields if data.get(name)]
        if given:
            for name in address_fields:
                if name not in given and name not in self.errors:
                    self.add_error(name, _("Fill in the whole address, or leave it empty."))
        return data

    def location_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        address = {}
        if data.get("address_1"):
            address = {
                "address_1": data["address_1"],
                "postal_code": data["postal_code"],
                "city": data["city"],
            }
        return {
            "name": data["name"],
            "description": data["description"],
            "transportation": data["transportation"],
            "is_confidential": data["is_confidential"],
            "municipality_code": data["municipality"],
            "neighbourhood_code": data.get("neighbourhood") or "",
            "address": address,
        }


def location_form_initial(*, location: Location) -> dict[str, Any]:
    address = location.addresses.order_by("address_type").first()
    return {
        "name": location.name,
        "description": location.description,
        "transportation": location.transportation,
        "is_confidential": location.is_confidential,
        "municipality": location.municipality.code if location.municipality else "",
        "neighbourhood": location.neighbourhood.code if location.neighbourhood else "",
        "address_1": address.address_1 if address else "",
        "postal_code": address.postal_code if address else "",
        "city": address.city if address else "",
    }


class VerifyForm(forms.Form):
    """The "verified today" button: nothing to fill in, only a POST with a CSRF token."""
