"""The sociale kaart, modelled on Open Referral HSDS 3.0 (../shared/spec/hsds/).

Table and field names follow HSDS so that the API and the tabular export map one to one.
Kansrijk's extensions (capacity, self-referral, confidential addresses, CBS regions, ownership)
are listed in docs/decisions/0002-hsds-extensions.md.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.directory.constants import (
    AddressType,
    AttendingType,
    CapacityStatus,
    LocationType,
    PhoneType,
    ServiceStatus,
)


def _fk(to, verbose_name, related_name, **kwargs):
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        on_delete=kwargs.pop("on_delete", models.CASCADE),
        related_name=related_name,
        null=kwargs.pop("null", True),
        blank=kwargs.pop("blank", True),
        **kwargs,
    )


class HSDSModel(models.Model):
    id = models.UUIDField(_("identifier"), primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class Organization(HSDSModel):
    name = models.CharField(_("name"), max_length=255)
    alternate_name = models.CharField(_("alternate name"), max_length=255, blank=True)
    description = models.TextField(_("description"))
    email = models.EmailField(_("email address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    tax_status = models.CharField(_("tax status"), max_length=100, blank=True)
    tax_id = models.CharField(_("tax identifier"), max_length=100, blank=True)
    year_incorporated = models.PositiveSmallIntegerField(
        _("year incorporated"), null=True, blank=True
    )
    legal_status = models.CharField(_("legal status"), max_length=100, blank=True)
    logo = models.URLField(_("logo"), blank=True)
    uri = models.URLField(_("URI"), blank=True)
    parent_organization = _fk(
        "self", _("parent organisation"), "children", on_delete=models.SET_NULL
    )
    # Extension: the partner organisation whose directory editors may change this entry.
    managed_by = _fk(
        "organisations.Organisation",
        _("managed by"),
        "directory_organizations",
        on_delete=models.SET_NULL,
    )
    last_modified = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        verbose_name = _("organisation (directory)")
        verbose_name_plural = _("organisations (directory)")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Program(HSDSModel):
    organization = _fk(Organization, _("organisation"), "programs")
    name = models.CharField(_("name"), max_length=255)
    alternate_name = models.CharField(_("alternate name"), max_length=255, blank=True)
    description = models.TextField(_("description"))

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Service(HSDSModel):
    organization = _fk(Organization, _("organisation"), "services")
    program = _fk(Program, _("programme"), "services", on_delete=models.SET_NULL)
    name = models.CharField(_("name"), max_length=255)
    alternate_name = models.CharField(_("alternate name"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email address"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    interpretation_services = models.TextField(_("interpretation services"), blank=True)
    application_process = models.TextField(_("how to refer or apply"), blank=True)
    fees_description = models.TextField(_("fees"), blank=True)
    wait_time = models.CharField(_("waiting time"), max_length=255, blank=True)
    fees = models.CharField(_("fees (short)"), max_length=255, blank=True)
    accreditations = models.TextField(_("accreditations"), blank=True)
    eligibility_description = models.TextField(_("who it is for"), blank=True)
    minimum_age = models.DecimalField(
        _("minimum age"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    maximum_age = models.DecimalField(
        _("maximum age"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    # HSDS's assurance: the date a person last checked this entry, apart from the last change.
    assured_date = models.DateField(_("last verified by a person"), null=True, blank=True)
    assurer_email = models.EmailField(_("verified by"), blank=True)
    licenses = models.TextField(_("licences"), blank=True)
    alert = models.TextField(_("alert"), blank=True)
    last_modified = models.DateTimeField(_("last modified"), auto_now=True)

    # Extensions
    capacity_status = models.CharField(
        _("takes referrals"),
        max_length=20,
        choices=CapacityStatus.choices,
        default=CapacityStatus.OPEN,
    )
    capacity_wait_weeks = models.PositiveSmallIntegerField(
        _("expected wait in weeks"), null=True, blank=True
    )
    capacity_updated = models.DateTimeField(_("capacity last updated"), null=True, blank=True)
    self_referral = models.BooleanField(_("self-referral possible"), default=False)
    # Optimistic locking: an edit based on an older version is refused, so no update is lost.
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Location(HSDSModel):
    location_type = models.CharField(
        _("location type"),
        max_length=20,
        choices=LocationType.choices,
        default=LocationType.PHYSICAL,
    )
    url = models.URLField(_("website"), blank=True)
    organization = _fk(Organization, _("organisation"), "locations")
    name = models.CharField(_("name"), max_length=255, blank=True)
    alternate_name = models.CharField(_("alternate name"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    transportation = models.TextField(_("public transport"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    external_identifier = models.CharField(_("external identifier"), max_length=255, blank=True)
    external_identifier_type = models.CharField(
        _("external identifier type"), max_length=255, blank=True
    )
    # Extensions
    is_confidential = models.BooleanField(
        _("confidential address"),
        default=False,
        help_text=_(
            "For example a women's shelter: the address is never shown or exported outside "
            "the owning organisation; only a contact route."
        ),
    )
    municipality = _fk("regions.Municipality", _("municipality"), "+", on_delete=models.PROTECT)
    neighbourhood = _fk("regions.Neighbourhood", _("neighbourhood"), "+", on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name or str(self.id)


class Address(HSDSModel):
    location = _fk(Location, _("location"), "addresses", null=False, blank=False)
    attention = models.CharField(_("attention"), max_length=255, blank=True)
    address_1 = models.CharField(_("street and number"), max_length=255)
    address_2 = models.CharField(_("address line 2"), max_length=255, blank=True)
    city = models.CharField(_("place"), max_length=255)
    region = models.CharField(_("region"), max_length=255, blank=True)
    state_province = models.CharField(_("province"), max_length=255)
    postal_code = models.CharField(_("postcode"), max_length=10)
    country = models.CharField(_("country"), max_length=2, default="NL")
    address_type = models.CharField(
        _("address type"), max_length=20, choices=AddressType.choices, default=AddressType.PHYSICAL
    )

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")


class ServiceAtLocation(HSDSModel):
    service = _fk(Service, _("service"), "service_at_locations", null=False, blank=False)
    location = _fk(Location, _("location"), "service_at_locations", null=False, blank=False)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("service at location")
        verbose_name_plural = _("services at locations")


class ServiceArea(HSDSModel):
    """Where a service is offered. Exactly one CBS region: a municipality, district or
    neighbourhood (extension); HSDS's `extent` carries its CBS code in the export."""

    service = _fk(Service, _("service"), "service_areas", null=False, blank=False)
    name = models.CharField(_("name"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    extent = models.TextField(_("extent"), blank=True)
    extent_type = models.CharField(_("extent type"), max_length=50, blank=True)
    uri = models.URLField(_("URI"), blank=True)
    municipality = _fk("regions.Municipality", _("municipality"), "+", on_delete=models.PROTECT)
    district = _fk("regions.District", _("district"), "+", on_delete=models.PROTECT)
    neighbourhood = _fk("regions.Neighbourhood", _("neighbourhood"), "+", on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")


class Contact(HSDSModel):
    organization = _fk(Organization, _("organisation"), "contacts")
    service = _fk(Service, _("service"), "contacts")
    service_at_location = _fk(ServiceAtLocation, _("service at location"), "contacts")
    location = _fk(Location, _("location"), "contacts")
    name = models.CharField(_("name"), max_length=255, blank=True)
    title = models.CharField(_("job title"), max_length=255, blank=True)
    department = models.CharField(_("department"), max_length=255, blank=True)
    email = models.EmailField(_("email address"), blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")


class Phone(HSDSModel):
    location = _fk(Location, _("location"), "phones")
    service = _fk(Service, _("service"), "phones")
    organization = _fk(Organization, _("organisation"), "phones")
    contact = _fk(Contact, _("contact"), "phones")
    service_at_location = _fk(ServiceAtLocation, _("service at location"), "phones")
    number = models.CharField(_("phone number"), max_length=50)
    extension = models.PositiveIntegerField(_("extension"), null=True, blank=True)
    type = models.CharField(
        _("type"), max_length=20, choices=PhoneType.choices, default=PhoneType.VOICE
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("phone")
        verbose_name_plural = _("phones")


class Schedule(HSDSModel):
    service = _fk(Service, _("service"), "schedules")
    location = _fk(Location, _("location"), "schedules")
    service_at_location = _fk(ServiceAtLocation, _("service at location"), "schedules")
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    dtstart = models.DateField(_("first occurrence"), null=True, blank=True)
    timezone = models.SmallIntegerField(_("UTC offset"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    count = models.PositiveIntegerField(_("count"), null=True, blank=True)
    wkst = models.CharField(_("week start"), max_length=2, blank=True)
    freq = models.CharField(_("frequency"), max_length=10, blank=True)
    interval = models.PositiveIntegerField(_("interval"), null=True, blank=True)
    byday = models.CharField(_("days"), max_length=50, blank=True)
    byweekno = models.CharField(_("week numbers"), max_length=100, blank=True)
    bymonthday = models.CharField(_("days of the month"), max_length=100, blank=True)
    byyearday = models.CharField(_("days of the year"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    schedule_link = models.URLField(_("schedule link"), blank=True)
    attending_type = models.CharField(
        _("attending type"), max_length=20, choices=AttendingType.choices, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")


class Language(HSDSModel):
    service = _fk(Service, _("service"), "languages")
    location = _fk(Location, _("location"), "languages")
    phone = _fk(Phone, _("phone"), "languages")
    name = models.CharField(_("name"), max_length=100, blank=True)
    code = models.CharField(_("language code"), max_length=10, blank=True, help_text="ISO 639-1")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class CostOption(HSDSModel):
    service = _fk(Service, _("service"), "cost_options", null=False, blank=False)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    option = models.CharField(_("option"), max_length=255, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    amount = models.DecimalField(
        _("amount"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    amount_description = models.TextField(_("amount description"), blank=True)

    class Meta:
        verbose_name = _("cost option")
        verbose_name_plural = _("cost options")


class Accessibility(HSDSModel):
    location = _fk(Location, _("location"), "accessibility", null=False, blank=False)
    description = models.TextField(_("description"), blank=True)
    details = models.TextField(_("details"), blank=True)
    url = models.URLField(_("URL"), blank=True)

    class Meta:
        verbose_name = _("accessibility")
        verbose_name_plural = _("accessibility")


class Taxonomy(HSDSModel):
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"))
    uri = models.URLField(_("URI"), blank=True)
    version = models.CharField(_("version"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(HSDSModel):
    code = models.CharField(_("code"), max_length=100, blank=True)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"))
    parent = _fk("self", _("parent"), "children", on_delete=models.SET_NULL)
    taxonomy = _fk(Taxonomy, _("taxonomy"), "terms", on_delete=models.SET_NULL)
    language = models.CharField(_("language"), max_length=10, blank=True)
    term_uri = models.URLField(_("term URI"), blank=True)

    class Meta:
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Attribute(HSDSModel):
    """Links a taxonomy term to any HSDS record (HSDS 3.0's attribute table)."""

    link_id = models.UUIDField(_("linked record"), db_index=True)
    link_type = models.CharField(_("link type"), max_length=50, blank=True)
    link_entity = models.CharField(_("linked table"), max_length=50)
    taxonomy_term = _fk(TaxonomyTerm, _("taxonomy term"), "attributes", null=False, blank=False)
    value = models.TextField(_("value"), blank=True)

    class Meta:
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")
        indexes = [models.Index(fields=["link_entity", "taxonomy_term"])]


class Metadata(HSDSModel):
    """HSDS's change history: who changed which field of a record, when, from what to what."""

    resource_id = models.UUIDField(_("record"), db_index=True)
    resource_type = models.CharField(_("table"), max_length=50)
    last_action_date = models.DateTimeField(_("date"))
    last_action_type = models.CharField(_("action"), max_length=20)
    field_name = models.CharField(_("field"), max_length=100)
    previous_value = models.TextField(_("previous value"), blank=True)
    replacement_value = models.TextField(_("new value"), blank=True)
    updated_by = models.CharField(_("changed by"), max_length=255)

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        ordering = ["-last_action_date"]
