"""The location form."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kansrijk.directory.forms.common import POSTCODE, EditForm, _model_field, _only
from kansrijk.directory.models import (
    Location,
    Organization,
)
from kansrijk.regions import selectors as region_selectors


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
