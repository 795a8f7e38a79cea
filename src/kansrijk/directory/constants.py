from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceStatus(models.TextChoices):
    # HSDS 3.0 service.status
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("Defunct")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")


class CapacityStatus(models.TextChoices):
    # After HSDS 3.1 service_capacity: does the service take referrals now?
    OPEN = "open", _("Taking referrals")
    WAITING_LIST = "waiting_list", _("Waiting list")
    CLOSED = "closed", _("Not taking referrals")


class LocationType(models.TextChoices):
    PHYSICAL = "physical", _("Physical")
    POSTAL = "postal", _("Postal")
    VIRTUAL = "virtual", _("Virtual")


class AddressType(models.TextChoices):
    PHYSICAL = "physical", _("Visiting address")
    POSTAL = "postal", _("Postal address")
    VIRTUAL = "virtual", _("Virtual")


class PhoneType(models.TextChoices):
    TEXT = "text", _("Text message")
    VOICE = "voice", _("Voice")
    FAX = "fax", _("Fax")
    CELL = "cell", _("Mobile")
    VIDEO = "video", _("Video")
    PAGER = "pager", _("Pager")
    TEXTPHONE = "textphone", _("Textphone")


class AttendingType(models.TextChoices):
    PHONE = "phone", _("By phone")
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")


# The taxonomies that ship with Kansrijk (see directory/fixtures/taxonomy.json).
THEME_TAXONOMY = "kansrijke-start-themes"
TARGET_GROUP_TAXONOMY = "kansrijke-start-target-groups"
PHASE_TAXONOMY = "kansrijke-start-phases"

# HSDS attribute link types used to attach taxonomy terms.
LINK_TYPE_THEME = "theme"
LINK_TYPE_ELIGIBILITY = "eligibility"
LINK_TYPE_PHASE = "phase"

# A service area's CBS code (GM/WK/BU) travels in HSDS's `extent`, marked with this extent_type.
EXTENT_TYPE_CBS_CODE = "cbs_code"
