"""The service form and the verify button."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kansrijk.directory.constants import (
    CapacityStatus,
)
from kansrijk.directory.forms.common import (
    COLLECTION_ARGUMENTS,
    MAX_WAIT_WEEKS,
    SERVICE_SCALAR_FIELDS,
    TERM_FIELDS,
    EditForm,
    _model_field,
    _only,
    area_choices,
    location_label,
    term_choices,
)
from kansrijk.directory.models import (
    Location,
    Organization,
    Service,
)
from kansrijk.directory.services import service_term_codes


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


class VerifyForm(forms.Form):
    """The "verified today" button: nothing to fill in, only a POST with a CSRF token."""
