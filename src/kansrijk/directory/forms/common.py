"""What every editing form shares: the base form, field helpers and choices."""

import re
from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kansrijk.directory.constants import (
    LINK_TYPE_ELIGIBILITY,
    LINK_TYPE_PHASE,
    LINK_TYPE_THEME,
    PHASE_TAXONOMY,
    TARGET_GROUP_TAXONOMY,
    THEME_TAXONOMY,
)
from kansrijk.directory.kansrijke_start_taxonomy import TAXONOMIES, taxonomy_id
from kansrijk.directory.models import (
    Location,
    Organization,
    TaxonomyTerm,
)
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
        """Show a ValidationError from services on the matching field, else at the top."""
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
